"""Fixtures for flow tests: read a flow run's artifacts back through the Prefect API."""

from __future__ import annotations

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
