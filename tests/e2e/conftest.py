"""One offline demo warehouse for the whole session, shared by the tests that only read it.

`chitieu demo` starts its own Prefect API and crawls the whole mini-web: the costliest thing the suite
does. Tests that go on to write (a second demo, reparse) work on a copy of it (`demo_copy`).
"""

from __future__ import annotations

import shutil

import pytest
from demo_helpers import DemoRun, run_cli


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory) -> DemoRun:
    """`chitieu demo` once, on SQLite. Read it only: copy it (`demo_copy`) to write."""
    root = tmp_path_factory.mktemp("demo")
    done = run_cli(root, "demo")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return DemoRun(root, done.stdout)


@pytest.fixture
def demo_copy(demo_run, tmp_path) -> DemoRun:
    """A private copy of the demo's data (warehouse, raw archive, reports) for a test that writes."""
    root = tmp_path / "demo"
    shutil.copytree(demo_run.root / "data", root / "data")
    return DemoRun(root, demo_run.stdout)
