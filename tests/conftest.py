"""Fixtures shared by every test folder.

Prefect and GX read settings at import time, so the environment is prepared here, before any test
module imports them: Prefect state goes to a throw-away PREFECT_HOME, never to ~/.prefect.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
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


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (starting one costs ~25 s on 2 cores)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield
