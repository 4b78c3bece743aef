"""Flow-level failure hook: tells a human (through a webhook) that a night went wrong."""

from __future__ import annotations

from chitieu.settings import Settings
from flows.common import QualityGateBlocked, post_webhook


def notify_failure(flow, flow_run, state) -> None:
    """Prefect on_failure hook: posts {event, flow, run, state, message} to CHITIEU_WEBHOOK_URL.

    A run failed by the quality gate says so (`quality_gate_blocked`), so the receiver can tell
    "the data looked wrong" from "the run broke" (`flow_run_failed`).
    """
    try:
        error = state.result(raise_on_failure=False)
    except Exception:  # noqa: BLE001 - an unreadable result is still a failure to report
        error = None
    post_webhook(Settings().webhook_url, {
        "event": "quality_gate_blocked" if isinstance(error, QualityGateBlocked) else "flow_run_failed",
        "flow": flow.name,
        "flow_run_id": str(flow_run.id),
        "flow_run_name": flow_run.name,
        "state": state.name,
        "message": (state.message or "")[:500],
    })
