"""Re-extract: today's extractor over the stored text of current article versions, then the quality
gate, then every published month whose figures changed is published again as a new revision.

Thin wiring over `warehouse.reextract.reextract` and `warehouse.report.republish_changed`; no network,
no HTML. Run it after an extractor upgrade (`chitieu reextract`, or the `reextract` deployment).
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from chitieu.settings import Settings
from flows.common import QualityGateBlocked, current_flow_run_id, settings_from
from flows.hooks import notify_failure
from flows.nightly import quality_gate_task

CHANGE_COLUMNS = ("source", "metric", "added", "superseded", "unchanged")


@task(cache_policy=NO_CACHE, task_run_name="reextract")
def reextract_task(run_id: int, settings: Settings, source: str | None, since: str | None,
                   all_versions: bool, workers: int | None = None) -> dict:
    """Never cached and never retried as a whole: each batch commits, so a rerun resumes by itself."""
    from warehouse.db import make_engine
    from warehouse.reextract import reextract

    engine = make_engine(settings.database_url)
    try:
        result = reextract(engine, run_id, source=source, since=since, all_versions=all_versions, workers=workers)
    finally:
        engine.dispose()
    get_run_logger().info("re-extracted %d article versions with %s in %d batches",
                          sum(result.versions.values()), result.extractor_version, result.batches)
    return {"counts": result.counts(), "changes": result.changes.table(),
            "extractor_version": result.extractor_version, "versions": sum(result.versions.values()),
            "skipped": result.skipped}


@task(cache_policy=NO_CACHE, task_run_name="republish")
def republish_task(run_id: int, settings: Settings) -> list[dict]:
    from warehouse.db import make_engine
    from warehouse.report import republish_changed

    engine = make_engine(settings.database_url)
    try:
        written = republish_changed(engine, settings.reports_dir, run_id)
    finally:
        engine.dispose()
    return [{"month": r.month, "revision": r.number, "changes": len(r.changes), "note": r.note} for r in written]


@flow(name="reextract", on_failure=[notify_failure], flow_run_name="reextract")
def reextract(source: str | None = None, since: str | None = None, all_versions: bool = False,
              database_url: str | None = None, data_dir: str | None = None, workers: int | None = None) -> dict:
    """Re-extract the current versions an older extractor read (all of them with `all_versions`)."""
    from indicators.version import extractor_version
    from scrapers.config import load_sources, require_known
    from warehouse import load
    from warehouse.db import ensure_schema, make_engine

    settings = settings_from(database_url, data_dir)
    if source:
        require_known([source], load_sources())
    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    run_id = load.start_run(engine, "reextract", flow_run_id=current_flow_run_id(), resume=True,
                            extractor_version=extractor_version(),
                            parameters={"source": source, "since": since, "all_versions": all_versions})
    try:
        out = reextract_task(run_id, settings, source, since, all_versions, workers)
        gate = quality_gate_task(run_id, settings, out["counts"], False)
        republished = republish_task(run_id, settings) if gate["passed"] else []
    except Exception as exc:
        load.finish_run(engine, run_id, "failed", message=str(exc)[:500])
        engine.dispose()
        raise
    counts = out["counts"]
    for name, n in gate["quarantined_by_source"].items():
        counts.setdefault(name, {})["quarantined"] = n
    status = "succeeded" if gate["passed"] else "blocked"
    load.finish_run(engine, run_id, status, counts=counts, message=gate["message"] or None)
    engine.dispose()
    create_table_artifact(key="reextract-changes", description=f"Indicator rows per source and metric, run {run_id}",
                          table=out["changes"] or [dict.fromkeys(CHANGE_COLUMNS, "")])
    create_markdown_artifact(key="reextract-summary", markdown=_summary(run_id, out, gate, republished),
                             description=f"reextract run {run_id}")
    if not gate["passed"]:
        raise QualityGateBlocked(f"run {run_id}: quality gate blocked publishing: {gate['message']}")
    return {"run_id": run_id, "status": status, "counts": counts, "changes": out["changes"], "gate": gate,
            "republished": republished, "extractor_version": out["extractor_version"]}


def _summary(run_id: int, out: dict, gate: dict, republished: list[dict]) -> str:
    lines = [f"# Re-extraction run {run_id}", "",
             f"Extractor `{out['extractor_version']}` read {out['versions']} article versions "
             f"({out['skipped']} replaced by a newer version meanwhile).", "",
             "| source | metric | added | superseded | unchanged |", "|---|---|---:|---:|---:|"]
    lines += [f"| {r['source']} | {r['metric']} | {r['added']} | {r['superseded']} | {r['unchanged']} |"
              for r in out["changes"]]
    lines += ["", f"Quality gate: {'passed' if gate['passed'] else 'BLOCKED: ' + gate['message']}", ""]
    lines += [f"- {r['month']} published again as revision {r['revision']} ({r['changes']} figures changed)"
              for r in republished] or ["No published month changed."]
    return "\n".join(lines)
