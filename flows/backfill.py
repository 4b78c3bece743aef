"""Backfill: walk sitemaps and listings for history between two dates.

The per-source crawls are the nightly's `crawl_source_task`, so they share its cache: a retried
backfill run does not walk again a window a source already crawled cleanly in that flow run.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from prefect import flow

from flows.common import per_source_threads, settings_from
from flows.hooks import notify_failure
from flows.nightly import run_sources

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _as_datetime(value: date | datetime | str | None, end: bool = False) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=VN)
    return datetime.combine(value, time.max if end else time.min, tzinfo=VN)


@flow(name="backfill", task_runner=per_source_threads(), on_failure=[notify_failure],
      flow_run_name="backfill-{since}-{until}")
def backfill(since: str, until: str | None = None, sources: list[str] | None = None,
             database_url: str | None = None, data_dir: str | None = None,
             base_url_overrides: dict[str, str] | None = None) -> dict:
    """History between `since` and `until` (ISO dates, Asia/Ho_Chi_Minh), archival sources included."""
    settings = settings_from(database_url, data_dir, base_url_overrides)
    return run_sources("backfill", settings, sources, mode="backfill", since=_as_datetime(since),
                       until=_as_datetime(until, end=True),
                       parameters={"since": since, "until": until, "sources": sources})
