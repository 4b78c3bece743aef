"""Reparse: rebuild articles from the raw WARC archive with no network, then revalidate."""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE

from chitieu.settings import Settings
from flows.backfill import _as_datetime
from flows.common import counts_table, current_flow_run_id, settings_from
from flows.hooks import notify_failure
from flows.nightly import quality_gate_task


@task(cache_policy=NO_CACHE, task_run_name="reparse-{source_name}")
def reparse_source_task(source_name: str, run_id: int, settings: Settings, since: str | None) -> dict:
    """Deterministic over the archive, so no retries.

    Never cached: the archive is local (no site to spare), and replaying it with the parser and
    extractor deployed now is the whole point; a cache key sees only this task's source, not a
    parser fix shipped between two attempts.
    """
    from pipeline.steps import reparse_archive
    from scrapers.archive import WarcArchive
    from scrapers.config import load_sources
    from warehouse.db import make_engine

    engine = make_engine(settings.database_url)
    try:
        source = load_sources(settings.base_url_overrides)[source_name]
        counts = reparse_archive(engine, run_id, source, WarcArchive(settings.data_dir), since=_as_datetime(since))
    finally:
        engine.dispose()
    get_run_logger().info("%s: reparsed %d pages, %d failed", source_name, counts.parsed, counts.parse_failed)
    return counts.as_dict()


@flow(name="reparse", on_failure=[notify_failure])
def reparse(source: str | None = None, since: str | None = None, database_url: str | None = None,
            data_dir: str | None = None) -> dict:
    """Replay the archive of one source (or of each source that has one) through today's code."""
    from scrapers.config import load_sources, require_known
    from warehouse import load
    from warehouse.db import ensure_schema, make_engine

    settings = settings_from(database_url, data_dir)
    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    sources = load_sources()
    names = [source] if source else load.archived_sources(engine)
    require_known(names, sources)
    load.sync_sources(engine, sources.values())
    run_id = load.start_run(engine, "reparse", flow_run_id=current_flow_run_id(),
                            parameters={"source": source, "since": since})
    counts = {name: reparse_source_task(name, run_id, settings, since) for name in names}
    gate = quality_gate_task(run_id, settings)
    load.finish_run(engine, run_id, "succeeded" if gate["passed"] else "blocked", counts=counts,
                    message=gate["message"] or None)
    engine.dispose()
    create_table_artifact(key="reparse-counts", table=counts_table(counts))
    return {"run_id": run_id, "counts": counts, "gate": gate}
