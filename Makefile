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

test: lint
	$(PY) -m pytest -q -p no:cacheprovider

miniweb: $(STAMP)
	$(PY) -m chitieu.miniweb.generate

eval: $(STAMP)
	$(VENV)/bin/chitieu eval --shared ../shared

bench: $(STAMP)
	$(PY) -m benchmarks.run_all

clean-data:
	rm -rf data
