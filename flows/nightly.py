"""The nightly flow: discover → fetch (archive raw) → parse → extract → load → validate.

One task per source (sources run concurrently, requests within a host one at a time inside the
fetcher), then the quality gate. A blocked gate fails the run, which fires the webhook hook.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE, TASK_SOURCE
from prefect.context import TaskRunContext
from prefect.tasks import exponential_backoff
from prefect.transactions import get_transaction
from prefect.utilities.hashing import hash_objects

from chitieu.settings import Settings
from flows.common import (
    QualityGateBlocked,
    counts_table,
    current_flow_run_id,
    per_source_threads,
    settings_from,
)
from flows.hooks import notify_failure
from pipeline.steps import SourceCounts, crawl_and_process

CRAWL_CACHE_EXPIRATION = timedelta(days=1)


def crawl_cache_key(context: TaskRunContext, parameters: dict[str, Any]) -> str | None:
    """Cache key of one source's crawl: only a retry of the *same* flow run may reuse it.

    Hashes the Prefect flow run id, the task's source code, and what decides the work: source,
    warehouse run id (stable across retries: `load.start_run(resume=True)`), mode, since/until, and
    the settings that point it somewhere (warehouse URL, data dir, that source's base URL).
    `Settings` as a whole is not hashed: most of it does not change the work. Outside a flow
    run there is no attempt to resume, so no key (no caching).
    """
    flow_run_id = context.task_run.flow_run_id
    if flow_run_id is None:
        return None
    settings: Settings = parameters["settings"]
    source_name = parameters["source_name"]
    since, until = parameters.get("since"), parameters.get("until")
    return hash_objects(
        "crawl_source_task", str(flow_run_id), TASK_SOURCE.compute_key(context, parameters, {}),
        source_name, parameters["run_id"], parameters.get("mode", "nightly"),
        since.isoformat() if since else None, until.isoformat() if until else None,
        settings.database_url, str(settings.data_dir), settings.base_url_overrides.get(source_name),
        raise_on_failure=True,
    )


def replayable(counts: SourceCounts) -> bool:
    """A crawl result a retry may reuse: nothing failed to fetch, discovery and parsing reported
    no problem, no article left for later. Anything else is partial and is crawled again."""
    return counts.failed == 0 and counts.parse_failed == 0 and not counts.errors


@task(retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=10), retry_jitter_factor=0.5,
      cache_key_fn=crawl_cache_key, persist_result=True, cache_expiration=CRAWL_CACHE_EXPIRATION,
      task_run_name="crawl-{source_name}")
def crawl_source_task(source_name: str, run_id: int, settings: Settings, mode: str = "nightly",
                      since: datetime | None = None, until: datetime | None = None) -> dict:
    """Network work, so it retries; the loader is idempotent, so a retry never duplicates rows.

    Cached within one flow run (`crawl_cache_key`, persisted under `Settings.prefect_storage_dir`
    by `run_sources`, expiring after a day): when the flow run is retried after another source
    crashed or the gate blocked, a source that already crawled cleanly is not fetched again.
    Only a COMPLETED task is ever cached (a crawl that raised is not), and a completed but
    partial crawl (see `replayable`) is not written either, so the retry crawls it again.
    Returns the counts only (small, JSON-able), never pages.
    """
    from scrapers.archive import WarcArchive
    from scrapers.config import load_sources
    from scrapers.fetch import Fetcher
    from warehouse.db import make_engine

    source = load_sources(settings.base_url_overrides)[source_name]
    engine = make_engine(settings.database_url)
    try:
        counts: SourceCounts = crawl_and_process(
            engine, run_id, source, settings, fetcher=Fetcher(settings), archive=WarcArchive(settings.data_dir),
            mode=mode, since=since, until=until)
    finally:
        engine.dispose()
    logger = get_run_logger()
    logger.info("%s: discovered %d, fetched %d, failed %d, parsed %d, indicators %d", source_name,
                counts.discovered, counts.fetched, counts.failed, counts.parsed, counts.indicators)
    for error in counts.errors[:10]:
        logger.warning("%s: %s", source_name, error)
    if not replayable(counts):
        transaction = get_transaction()
        if transaction is not None:  # completed, but partial: keep it out of the cache
            transaction.write_on_commit = False
            logger.info("%s: partial crawl, not cached; a retry of this run crawls it again", source_name)
    return counts.as_dict()


@task(cache_policy=NO_CACHE, task_run_name="quality-gate")
def quality_gate_task(run_id: int, settings: Settings, counts: dict | None = None, freshness: bool = True) -> dict:
    """Deterministic, so no retries: a failing check must fail the same way twice.

    Never cached: the gate judges the warehouse as it is now (rows loaded by this attempt, pending
    rows, freshness, quarantine). A cached "passed" would publish rows nobody checked, a cached
    "blocked" would keep blocking a run an operator has fixed.
    """
    from expectations.gate import run_gate
    from expectations.runchecks import RunCheckConfig
    from warehouse.db import make_engine

    engine = make_engine(settings.database_url)
    config = RunCheckConfig() if freshness else RunCheckConfig(freshness_flows=())
    try:
        result = run_gate(engine, run_id, docs_dir=settings.docs_dir, counts=counts, config=config)
    finally:
        engine.dispose()
    return {
        "passed": result.passed,
        "message": result.message,
        "quarantined": result.quarantined,
        "validated": result.validated,
        "docs_index": str(result.docs_index) if result.docs_index else None,
        "quarantined_by_source": getattr(result, "quarantined_by_source", {}) or {},
    }


def default_sources(sources: dict, mode: str, overrides: dict[str, str]) -> list[str]:
    """The sources a run crawls when none are named.

    A night crawls the active papers; a backfill the archival ones too (their history is what it is
    for). When base-URL overrides are set (the demo's mini-web, a test server, a mirror) only the
    overridden sources are crawled: the others would be fetched from the live sites, which an offline
    demo or test must never do, and a run half against a mirror and half live is never what is meant.
    """
    names = [name for name, s in sources.items() if s.status == "active" or mode == "backfill"]
    if overrides:
        names = [name for name in names if name in overrides]
    return names


def run_sources(flow_name: str, settings: Settings, source_names: list[str] | None, *, mode: str,
                since: datetime | None = None, until: datetime | None = None,
                parameters: dict | None = None, freshness: bool = True) -> dict:
    """Shared body of nightly and backfill: one task per source, then the gate and artifacts."""
    from scrapers.config import load_sources, require_known
    from warehouse import load
    from warehouse.db import ensure_schema, make_engine

    logger = get_run_logger()
    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    sources = load_sources(settings.base_url_overrides)
    wanted = source_names or default_sources(sources, mode, settings.base_url_overrides)
    require_known(wanted, sources)
    if not source_names and settings.base_url_overrides:
        logger.info("base-URL overrides set: crawling only the %d overridden sources", len(wanted))
    load.sync_sources(engine, sources.values())
    run_id = load.start_run(engine, flow_name, flow_run_id=current_flow_run_id(), parameters=parameters, resume=True)
    futures = {
        name: crawl_source_task.with_options(tags=[f"host:{name}"], result_storage=settings.prefect_storage_dir)
        .submit(name, run_id, settings, mode=mode, since=since, until=until)
        for name in wanted
    }
    counts: dict[str, dict] = {}
    crashed: list[str] = []
    for name, future in futures.items():
        try:
            counts[name] = future.result()
        except Exception as exc:  # noqa: BLE001 - one broken source must not stop the others
            logger.error("source %s failed: %s", name, exc)
            counts[name] = {"errors": [f"source failed: {exc}"], "failed": 1}
            crashed.append(name)
    gate = quality_gate_task(run_id, settings, counts, freshness)
    for name, n in gate["quarantined_by_source"].items():
        counts.setdefault(name, {})["quarantined"] = n
    create_table_artifact(key=f"{flow_name}-counts", table=counts_table(counts),
                          description=f"Per-source counts of run {run_id}")
    if gate["docs_index"]:
        create_link_artifact(key=f"{flow_name}-data-docs", link=f"file://{gate['docs_index']}",
                             description="Great Expectations Data Docs (styling loads from CDNs)")
    status = "succeeded" if gate["passed"] and not crashed else ("blocked" if not gate["passed"] else "failed")
    message = gate["message"] if not gate["passed"] else (f"sources failed: {', '.join(crashed)}" if crashed else "")
    load.finish_run(engine, run_id, status, counts=counts, message=message or None)
    create_markdown_artifact(key=f"{flow_name}-summary", markdown=_summary_markdown(run_id, counts, gate, status),
                             description=f"{flow_name} run {run_id}")
    engine.dispose()
    if not gate["passed"]:  # failing the run fires the webhook hook (flows.hooks.notify_failure)
        raise QualityGateBlocked(f"run {run_id}: quality gate blocked publishing: {gate['message']}")
    if crashed:
        raise RuntimeError(f"run {run_id}: sources failed: {', '.join(crashed)}")
    return {"run_id": run_id, "status": status, "counts": counts, "gate": gate}


def _summary_markdown(run_id: int, counts: dict[str, dict], gate: dict, status: str) -> str:
    lines = [f"# Run {run_id}: {status}", "", "| source | fetched | failed | parsed | indicators | quarantined |",
             "|---|---:|---:|---:|---:|---:|"]
    for row in counts_table(counts):
        lines.append(f"| {row['source']} | {row['fetched']} | {row['failed']} | {row['parsed']} | "
                     f"{row['indicators']} | {row['quarantined']} |")
    lines += ["", f"Quality gate: {'passed' if gate['passed'] else 'BLOCKED: ' + gate['message']}",
              f"({gate['validated']} rows validated, {gate['quarantined']} quarantined)"]
    return "\n".join(lines)


def _run_name() -> str:
    from datetime import UTC

    return "nightly-" + datetime.now(UTC).strftime("%Y-%m-%dT%H%M")


@flow(name="nightly", task_runner=per_source_threads(), on_failure=[notify_failure],
      flow_run_name=_run_name, log_prints=True)
def nightly(sources: list[str] | None = None, database_url: str | None = None, data_dir: str | None = None,
            base_url_overrides: dict[str, str] | None = None, check_freshness: bool = True) -> dict:
    """Incremental night over every active source.

    `check_freshness=False` is for replaying a frozen snapshot (the demo's mini-web), whose newest
    article is necessarily old; live nights keep it on.
    """
    settings = settings_from(database_url, data_dir, base_url_overrides)
    return run_sources("nightly", settings, sources, mode="nightly",
                       parameters={"sources": sources}, freshness=check_freshness)
