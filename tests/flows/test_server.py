"""`prefect server start` on 127.0.0.1, the nightly flow run against it, state and artifacts read
back through the REST API — the path an operator watching the UI takes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from shared_prefect import server_env

pytestmark = [pytest.mark.flows, pytest.mark.slow]
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory, prefect_api):
    """The run's `prefect server start` (tests/shared_prefect.py), and a client environment for it."""
    home = tmp_path_factory.mktemp("prefect-client-home")
    return {"api": prefect_api, "env": {**server_env(home), "PREFECT_API_URL": prefect_api}}


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


def test_nightly_on_a_process_work_pool_with_a_worker(prefect_server, tmp_path):
    """Scale-out path: the deployment goes to a process work pool and `prefect worker start` runs it."""
    from chitieu.miniweb.server import MiniWeb

    env, api = prefect_server["env"], prefect_server["api"]
    created = subprocess.run([sys.executable, "-m", "prefect", "work-pool", "create", "chitieu-test",
                              "--type", "process"], env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert created.returncode == 0, created.stdout + created.stderr
    with MiniWeb() as web:
        script = (
            "import json, sys\n"
            "from prefect.deployments import run_deployment\n"
            "from flows.nightly import nightly\n"
            "nightly.from_source(source=sys.argv[1], entrypoint='flows/nightly.py:nightly').deploy(\n"
            "    name='pool-test', work_pool_name='chitieu-test', print_next_steps=False,\n"
            "    parameters={'sources': ['baohatinh.vn'], 'database_url': sys.argv[2], 'data_dir': sys.argv[3],\n"
            "                'base_url_overrides': json.loads(sys.argv[4]), 'check_freshness': False})\n"
            "run = run_deployment('nightly/pool-test', timeout=0)\n"
            "print('FLOW_RUN_ID=' + str(run.id))\n"
        )
        deployed = subprocess.run(
            [sys.executable, "-c", script, str(REPO), f"sqlite:///{tmp_path / 'w.db'}", str(tmp_path),
             json.dumps(web.overrides())], env=env, cwd=REPO, capture_output=True, text=True, timeout=300)
        assert deployed.returncode == 0, deployed.stderr[-2000:]
        run_id = next(line.split("=", 1)[1] for line in deployed.stdout.splitlines()
                      if line.startswith("FLOW_RUN_ID="))
        worker = subprocess.Popen([sys.executable, "-m", "prefect", "worker", "start", "--pool", "chitieu-test",
                                   "--run-once"], env=env, cwd=REPO, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True)
        try:
            state = None
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                state = httpx.get(f"{api}/flow_runs/{run_id}", timeout=10).json()["state"]["type"]
                if state in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
                    break
                time.sleep(2)
        finally:
            worker.terminate()
            output = worker.communicate(timeout=60)[0]
    assert state == "COMPLETED", output[-3000:]
    import sqlite3

    with sqlite3.connect(tmp_path / "w.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 10
