"""One Prefect API (`prefect server start` on 127.0.0.1) for a whole test run, shared by every worker.

Starting a Prefect API costs ~10 s of CPU and ~10-25 s of wall time on two cores; the suite used to start
one per pytest-xdist worker (the flow tests' harness), one for `tests/flows/test_server.py` and one per
command-line run that starts a flow. Now the first test that needs an API starts this one, under a file
lock in the directory the run's processes share (`CHITIEU_TEST_SHARED_DIR`, made by `tests/conftest.py`),
and writes its URL there; the others read it. The process that made the directory stops the server when
the run ends (`stop`). Its database is SQLite in WAL mode with a busy timeout, which Prefect sets up for
several processes writing at once.
"""

from __future__ import annotations

import inspect
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from filelock import FileLock

STARTUP_TIMEOUT = 180.0


def server_env(home: Path) -> dict[str, str]:
    """The environment of a process talking to nothing but its own Prefect home (no inherited API URL)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_UI_ENABLED="false")
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(api: str) -> bool:
    try:
        return httpx.get(f"{api}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _start(home: Path) -> str:
    """`prefect server start` in a session of its own (so it outlives the worker that started it)."""
    home.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    log = home / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                 "--port", str(port)], env=server_env(home), stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    (home / "server.pid").write_text(str(proc.pid))
    api = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline and proc.poll() is None:
        if _healthy(api):
            return api
        time.sleep(0.5)
    stop(home.parent)
    raise RuntimeError(f"prefect server did not start: {log.read_text(errors='replace')[-800:]}")


def api_url(shared: Path) -> str:
    """The run's Prefect API, started by the first caller."""
    url_file = shared / "prefect-api.url"
    with FileLock(shared / "prefect-api.lock"):
        if not url_file.exists():
            url_file.write_text(_start(shared / "prefect-api"))
    return url_file.read_text()


def stop(shared: Path) -> None:
    """Stop the run's Prefect API, if one was started (called once, by the process that made `shared`)."""
    pid_file = shared / "prefect-api" / "server.pid"
    if not pid_file.exists():
        return
    pid = int(pid_file.read_text())
    try:
        os.killpg(pid, signal.SIGTERM)  # the server and the processes it started
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if os.waitpid(pid, os.WNOHANG)[0]:
                return  # this process started it (a run on one process): reaped
        except ChildProcessError:
            pass  # a worker started it: init reaps it
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.killpg(pid, signal.SIGKILL)


def drain_client() -> None:
    """Send the logs and events this process still holds, before the API stops (on one process, the
    run stops it before the interpreter's exit hooks would send them); `prefect_test_harness` does the same."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.utilities.asyncutils import run_coro_as_sync

    async def drain() -> None:
        for result in (APILogWorker.drain_all(), EventsWorker.drain_all()):
            if inspect.isawaitable(result):
                await result

    run_coro_as_sync(drain())
