"""Fixtures shared by every test folder.

Prefect and GX read settings at import time, so the environment is prepared here, before any test
module imports them: Prefect state goes to a throw-away PREFECT_HOME, never to ~/.prefect.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
import shared_prefect
from hypothesis import settings as hypothesis_settings

# Hypothesis' default 200 ms deadline per example is a timing check, and timing is measured in
# benchmarks/, not asserted here: on a shared 2-core machine running the suite on several workers it
# failed an example that takes 0.5 ms alone (260 ms under load). Tests that set their own settings
# keep them; most already said deadline=None.
hypothesis_settings.register_profile("chitieu", deadline=None)
hypothesis_settings.load_profile("chitieu")

os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="chitieu-prefect-"))
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
# Every server a test talks to is its own, on 127.0.0.1: no politeness sleeps (they were most of the
# suite's time). Settings built in tests, flows and child processes (`chitieu demo`) all read this;
# the tests of the delays themselves set `loopback_politeness_delay=None` (or a small value).
os.environ.setdefault("CHITIEU_LOOPBACK_POLITENESS_DELAY", "0")

REPO = Path(__file__).resolve().parents[1]
# Files that take minutes (the shared demo, the benchmarks, Prefect servers) start first: under
# pytest-xdist, where a file stays on one worker, the last of them to start ends the run. The Makefile
# passes --no-loadscope-reorder, without which xdist would order files by how many tests they hold and
# start these last. The files that copy the shared demo come after the one that builds it.
SLOW_FILES_FIRST = ("tests/e2e/test_cli.py", "tests/test_benchmarks_nights.py", "tests/test_benchmarks_orchestration.py",
                    "tests/test_benchmarks.py", "tests/flows/", "tests/e2e/test_demo_", "tests/reliability/")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    order = {prefix: rank for rank, prefix in enumerate(SLOW_FILES_FIRST)}

    def rank(item: pytest.Item) -> int:
        return next((r for prefix, r in order.items() if item.nodeid.startswith(prefix)), len(order))

    items.sort(key=rank)  # stable: tests keep their order within a file
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (seeds, gold, real pages); tests using it skip cleanly where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def postgres_url() -> str:
    url = os.environ.get("CHITIEU_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("CHITIEU_TEST_POSTGRES_URL is not set")
    return url


_RUN_DIR = "CHITIEU_TEST_SHARED_DIR"
_OWNS_RUN_DIR = pytest.StashKey[bool]()


def pytest_configure(config: pytest.Config) -> None:
    """The directory every process of this run shares (pytest-xdist's workers inherit the variable)."""
    if _RUN_DIR not in os.environ:
        os.environ[_RUN_DIR] = tempfile.mkdtemp(prefix="chitieu-test-run-")
        config.stash[_OWNS_RUN_DIR] = True


def pytest_unconfigure(config: pytest.Config) -> None:
    if config.stash.get(_OWNS_RUN_DIR, False):
        run_dir = Path(os.environ.pop(_RUN_DIR))
        shared_prefect.stop(run_dir)
        shutil.rmtree(run_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def run_dir() -> Path:
    """A directory shared by every worker of this run (the shared demo, the Prefect API's URL)."""
    return Path(os.environ[_RUN_DIR])


@pytest.fixture(scope="session")
def prefect_api(run_dir) -> str:
    """The URL of the run's one Prefect API (tests/shared_prefect.py)."""
    return shared_prefect.api_url(run_dir)


@pytest.fixture(scope="session")
def prefect_harness(prefect_api):
    """Flows run in this process report to the run's Prefect API."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: prefect_api}):
        yield
        shared_prefect.drain_client()
