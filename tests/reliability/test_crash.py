"""Crash: SIGKILL the pipeline while it is loading, run again, and the warehouse equals a clean run's.

The night runs in a subprocess (benchmarks.harness) against the mini-web; the test polls the SQLite
warehouse and kills the process as soon as the first articles are committed while the run is still
going (other sources are still crawling or loading). Then the next night runs to the end, and its
row counts and checksums must match a clean, uninterrupted run's.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.faultproxy import FaultProxy, Faults
from benchmarks.harness import load_fast_sources, quick_settings, run_night, warehouse_fingerprint

REPO = Path(__file__).resolve().parents[2]
DELAY = 0.25  # seconds between requests to one host: spreads the sources' loads over seconds


def _articles_committed(db: Path) -> tuple[int, bool]:
    """(articles visible, run finished?) read without locking the writer out (WAL)."""
    if not db.exists():
        return 0, False
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as connection:
            articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
            finished = connection.execute(
                "SELECT count(*) FROM pipeline_runs WHERE finished_at IS NOT NULL").fetchone()[0]
        return articles, bool(finished)
    except sqlite3.Error:  # schema not created yet, or the database is being initialised
        return 0, False


def test_sigkill_while_loading_then_rerun_equals_a_clean_run(tmp_path):
    from chitieu.miniweb.server import MiniWeb

    with MiniWeb() as web, FaultProxy(web.base_url, Faults(), strip_crawl_delay=True) as proxy:
        overrides = {name: proxy.rebase(base) for name, base in web.overrides().items()}
        crashed = quick_settings(tmp_path / "crashed", politeness_delay=DELAY, read_timeout=2.0)
        db = Path(crashed.database_url.removeprefix("sqlite:///"))
        env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        child = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.harness", "--database-url", crashed.database_url,
             "--data-dir", str(crashed.data_dir), "--overrides", json.dumps(overrides), "--delay", str(DELAY)],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 45
            at_kill = 0
            while time.monotonic() < deadline and child.poll() is None:
                at_kill, finished = _articles_committed(db)
                if at_kill and not finished:
                    child.send_signal(signal.SIGKILL)
                    break
                time.sleep(0.02)
            child.wait(timeout=10)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        stderr = child.stderr.read().decode(errors="replace") if child.stderr else ""
        assert child.returncode == -signal.SIGKILL, f"the run was not killed mid-way (rc {child.returncode}): {stderr}"
        assert at_kill > 0

        sources = load_fast_sources(overrides, DELAY)
        run_night(crashed, sources)  # the next night, in a fresh process state
        clean = quick_settings(tmp_path / "clean", politeness_delay=DELAY)
        run_night(clean, sources)

    interrupted = warehouse_fingerprint(crashed.database_url)
    reference = warehouse_fingerprint(clean.database_url)
    assert 0 < at_kill < reference["articles"], "the kill did not land in the middle of loading"
    assert interrupted == reference
