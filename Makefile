# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 90
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

.PHONY: demo test lint install clean-data miniweb bench eval

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip   # the machine's pip 23 fails to resolve lxml's extras
	$(PY) -m pip install --quiet -e ".[postgres,dev,dask]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/chitieu demo

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports   # the layer contracts of [tool.importlinter] in pyproject.toml

# The suite runs on TEST_WORKERS processes (pytest-xdist): much of its time is child processes and
# servers starting, so three workers overlap those waits on two cores. `--dist loadfile` keeps each
# file on one worker, so a file's shared fixtures (the benchmarks' toy run, a flow night) are built once;
# --no-loadscope-reorder keeps the order tests/conftest.py gives (slow files first), where xdist would
# otherwise start the files with the most tests first and the slow single-test files last. (`loadgroup`
# would be finer, but xdist 3.8 cannot group tests under pytest 9.2.)
# TEST_WORKERS=0 runs everything in one process.
TEST_WORKERS ?= 3

test: lint
	$(PY) -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

miniweb: $(STAMP)
	$(PY) -m tools.miniweb.generate

eval: $(STAMP)
	$(VENV)/bin/chitieu eval --shared ../shared
	$(PY) -m tools.page_eval --shared ../shared

bench: $(STAMP)
	$(PY) -m benchmarks.run_all

clean-data:
	rm -rf data
