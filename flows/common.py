"""Helpers shared by the flows: settings from parameters, the run record, artifacts, the webhook."""

from __future__ import annotations

import json
import logging
import urllib.request
from typing import Any

from prefect.task_runners import ThreadPoolTaskRunner

from chitieu.settings import Settings


class QualityGateBlocked(RuntimeError):
    """Raised when a run-level check fails: nothing from this run may be published."""


def settings_from(database_url: str | None = None, data_dir: str | None = None,
                  base_url_overrides: dict[str, str] | None = None) -> Settings:
    """Flow parameters win over the environment, so a deployment can pin its own warehouse."""
    values: dict[str, Any] = {}
    if database_url:
        values["database_url"] = database_url
    if data_dir:
        values["data_dir"] = data_dir
    if base_url_overrides:
        values["base_url_overrides"] = base_url_overrides
    return Settings(**values)


def per_source_threads() -> ThreadPoolTaskRunner:
    """The task runner of the flows that run one task per source: a thread for every source.

    A source's crawl spends nearly all its time waiting out its own politeness delay, so sources
    must all crawl at once for a night to take as long as its busiest site; capped at 8 threads, a
    night of 20 papers took 3.3x its politeness bound (benchmarks/end_to_end.py). Operators who need
    a cap set Prefect's own `PREFECT_TASK_RUNNER_THREAD_POOL_MAX_WORKERS`, which this runner reads.
    """
    return ThreadPoolTaskRunner()


def current_flow_run_id() -> str | None:
    try:
        from prefect.runtime import flow_run

        return str(flow_run.id) if flow_run.id else None
    except Exception:  # noqa: BLE001 - outside a flow run there is simply no id
        return None


def post_webhook(url: str | None, payload: dict, *, timeout: float = 10.0) -> bool:
    """POST a short JSON notice; never let a broken receiver hide the original failure."""
    if not url:
        return False
    request = urllib.request.Request(
        url, data=json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8"),
        headers={"Content-Type": "application/json"}, method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - URL from settings
            return 200 <= response.status < 300
    except OSError as exc:
        logging.getLogger(__name__).warning("failure webhook %s unreachable: %s", url, exc)
        return False


def counts_table(counts: dict[str, dict]) -> list[dict]:
    """Rows for the per-source counts artifact."""
    columns = ("discovered", "fetched", "not_modified", "failed", "parsed", "parse_failed", "loaded",
               "new", "updated", "duplicates", "indicators", "quarantined")
    return [{"source": name, **{c: row.get(c, 0) for c in columns}} for name, row in sorted(counts.items())]
