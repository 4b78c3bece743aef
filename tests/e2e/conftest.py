"""One offline demo warehouse for the whole run, shared by the tests that only read it.

`chitieu demo` starts its own Prefect API and crawls the whole mini-web: the costliest thing the suite
does. Under pytest-xdist the first worker that needs it builds it, under a file lock, in the directory
all workers share (`run_dir`); the others wait for it and read the same one. Tests that go on to write (a second
demo, reparse) work on a copy of it (`demo_copy`).
"""

from __future__ import annotations

import shutil

import pytest
from demo_helpers import DemoRun, run_cli
from filelock import FileLock


@pytest.fixture(scope="session")
def demo_run(run_dir) -> DemoRun:
    """`chitieu demo` once, on SQLite, with its own Prefect API as from a fresh clone. Read it only: copy
    it (`demo_copy`) to write."""
    root, stdout = run_dir / "demo", run_dir / "demo-stdout.txt"
    with FileLock(run_dir / "demo.lock"):
        if not stdout.exists():  # written only once the demo succeeded
            shutil.rmtree(root, ignore_errors=True)  # what a failed attempt left
            root.mkdir()
            done = run_cli(root, "demo")
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
            stdout.write_text(done.stdout, encoding="utf-8")
    return DemoRun(root, stdout.read_text(encoding="utf-8"))


@pytest.fixture
def demo_copy(demo_run, tmp_path) -> DemoRun:
    """A private copy of the demo's data (warehouse, raw archive, reports) for a test that writes."""
    root = tmp_path / "demo"
    shutil.copytree(demo_run.root / "data", root / "data")
    return DemoRun(root, demo_run.stdout)
