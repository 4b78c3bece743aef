"""`prefect server start` on 127.0.0.1, the nightly flow run against it, state and artifacts read
back through the REST API — the path an operator watching the UI takes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = [pytest.mark.flows, pytest.mark.slow]
REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_UI_ENABLED="false")
    log = open(home / "server.log", "wb")  # noqa: SIM115 - closed in teardown
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 180
    healthy = False
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            healthy = httpx.get(f"{api}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            healthy = False
        if healthy:
            break
        time.sleep(1)
    if not healthy:
        proc.terminate()
        pytest.skip(f"prefect server did not start: {(home / 'server.log').read_text()[-500:]}")
    yield {"api": api, "env": {**env, "PREFECT_API_URL": api}}
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def test_nightly_against_a_running_server(prefect_server, tmp_path):
    from chitieu.miniweb.server import MiniWeb

    script = (
        "import json, sys\n"
        "from flows.nightly import nightly\n"
        "state = nightly(database_url=sys.argv[1], data_dir=sys.argv[2], base_url_overrides=json.loads(sys.argv[3]),"
        " check_freshness=False, return_state=True)\n"
        "print('FLOW_RUN_ID=' + str(state.state_details.flow_run_id))\n"
    )
    with MiniWeb() as web:
        done = subprocess.run(
            [sys.executable, "-c", script, f"sqlite:///{tmp_path / 'w.db'}", str(tmp_path),
             json.dumps(web.overrides())],
            env=prefect_server["env"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    run_id = next(line.split("=", 1)[1] for line in done.stdout.splitlines() if line.startswith("FLOW_RUN_ID="))
    api = prefect_server["api"]
    run = httpx.get(f"{api}/flow_runs/{run_id}", timeout=10).json()
    assert run["state"]["type"] == "COMPLETED"
    arts = httpx.post(f"{api}/artifacts/filter", json={"artifacts": {"flow_run_id": {"any_": [run_id]}}},
                      timeout=10).json()
    keys = {a["key"] for a in arts}
    assert {"nightly-counts", "nightly-summary"} <= keys
    counts = next(a for a in arts if a["key"] == "nightly-counts")["data"]
    rows = json.loads(counts) if isinstance(counts, str) else counts
    assert sum(r["parsed"] for r in rows) > 0
    tasks = httpx.post(f"{api}/task_runs/filter", json={"flow_runs": {"id": {"any_": [run_id]}}}, timeout=10).json()
    names = {t["name"] for t in tasks}
    assert any(n.startswith("crawl-") for n in names) and "quality-gate" in names
