"""Flow-level failure hook: tells a human (through a webhook) that a night went wrong."""

from __future__ import annotations

from chitieu.settings import Settings
from flows.common import post_webhook


def notify_failure(flow, flow_run, state) -> None:
    """Prefect on_failure hook: posts {flow, run, state, message} to CHITIEU_WEBHOOK_URL."""
    settings = Settings()
    params = getattr(flow_run, "parameters", None) or {}
    post_webhook(settings.webhook_url or params.get("webhook_url"), {
        "event": "flow_run_failed",
        "flow": flow.name,
        "flow_run_id": str(flow_run.id),
        "flow_run_name": flow_run.name,
        "state": state.name,
        "message": (state.message or "")[:500],
    })
