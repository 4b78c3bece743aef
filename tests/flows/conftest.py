"""Fixtures for flow tests: read a flow run's artifacts back through the Prefect API."""

from __future__ import annotations

import http.server
import json
import threading
from uuid import UUID

import pytest


def _artifacts_of(flow_run_id) -> dict[str, object]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[UUID(str(flow_run_id))])))
    return {a.key: a for a in arts}


@pytest.fixture
def artifacts_of():
    return _artifacts_of


@pytest.fixture
def webhook(monkeypatch):
    """A JSON receiver on 127.0.0.1, set as CHITIEU_WEBHOOK_URL; yields the list of bodies received."""
    received: list[dict] = []

    class Receiver(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server API
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("CHITIEU_WEBHOOK_URL", f"http://127.0.0.1:{server.server_port}/hook")
    yield received
    server.shutdown()
