"""The quality gate: Great Expectations decides which rows may be published, and whether the run may.

Row checks (expectations/suites.py) run through one ephemeral GX context on a SQL data source
pointing at the warehouse; every failing row, fetched in full, goes to `quarantine` and its status
becomes 'quarantined' (an article takes its indicators with it); the other validated rows become
'valid'. Run-level checks (expectations/runchecks.py) then decide `passed`: a failure there blocks
publishing and the flow fails the run with `message`. Nothing is ever deleted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from expectations import docs as gx_docs
from expectations.quarantine import Failure, apply_verdicts
from expectations.runchecks import RunCheck, RunCheckConfig, run_level_checks
from expectations.suites import RowCheck, Scope, SuiteSpec, build_suite, suite_specs
from warehouse.models import PENDING, Article, Indicator, Source

log = logging.getLogger(__name__)

MAX_EXAMPLES = 3


@dataclass(frozen=True)
class CheckResult:
    name: str
    table: str
    success: bool
    unexpected_count: int
    details: str


@dataclass
class GateResult:
    passed: bool
    checks: list[CheckResult] = field(default_factory=list)
    run_checks: list[RunCheck] = field(default_factory=list)
    quarantined: int = 0  # rows newly moved to 'quarantined'
    validated: int = 0  # rows newly moved to 'valid'
    message: str = ""
    docs_index: Path | None = None
    quarantined_by_source: dict[str, int] = field(default_factory=dict)  # source name -> newly quarantined
    articles_checked: int = 0  # rows in scope (with --all, most were valid already and stay so)
    indicators_checked: int = 0


@dataclass(frozen=True)
class _Outcome:
    check: RowCheck
    success: bool
    rows: list[dict]


def _datasource(context: Any, engine: Engine) -> Any:
    """A GX SQL data source on the same database (and PostgreSQL schema) as `engine`."""
    url = engine.url.render_as_string(hide_password=False)
    backend = engine.url.get_backend_name()
    if backend == "sqlite":
        if engine.url.database in (None, "", ":memory:"):
            raise ValueError("the quality gate needs a file or server database: GX opens its own connection")
        return context.data_sources.add_sqlite("warehouse", connection_string=url)
    if backend == "postgresql":
        with engine.connect() as conn:
            schema = conn.execute(sa.text("SELECT current_schema()")).scalar()
        kwargs = {}
        if schema and schema != "public":
            kwargs = {"connect_args": {"options": f"-csearch_path={schema}"}}
        return context.data_sources.add_postgres("warehouse", connection_string=url, kwargs=kwargs)
    return context.data_sources.add_sql("warehouse", connection_string=url)


def validate_rows(engine: Engine, specs: list[SuiteSpec], docs_dir: Path | None) -> tuple[dict[str, list[_Outcome]], Path | None]:
    """Run every suite in one checkpoint; returns each check's outcome with ALL its failing rows."""
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    gx_docs.drop_default_sites(context)
    actions = []
    if docs_dir is not None:
        gx_docs.add_docs_site(context, docs_dir)
        actions.append(gx_docs.docs_action())
    datasource = _datasource(context, engine)
    dialect = engine.dialect
    definitions = {}
    try:
        for spec in specs:
            batch = datasource.add_query_asset(spec.name, query=spec.batch_query).add_batch_definition_whole_table("all")
            suite = context.suites.add(build_suite(spec, dialect))
            definitions[spec.name] = context.validation_definitions.add(
                gx.ValidationDefinition(name=f"chitieu_{spec.name}", data=batch, suite=suite))
        checkpoint = context.checkpoints.add(gx.Checkpoint(
            name="chitieu_gate", validation_definitions=list(definitions.values()), actions=actions,
            result_format={"result_format": "COMPLETE"}))
        result = checkpoint.run()
        by_suite = {vr.suite_name: vr for vr in result.run_results.values()}
        outcomes: dict[str, list[_Outcome]] = {}
        for spec in specs:
            vd = definitions[spec.name]
            vr = by_suite[f"chitieu_{spec.name}"]
            checks = {c.name: c for c in spec.checks}
            expectations = {e.meta["check"]: e for e in vd.suite.expectations}
            found = []
            for r in vr.results:
                if r.exception_info and r.exception_info.get("raised_exception"):
                    raise RuntimeError(f"{spec.name}: {r.exception_info.get('exception_message')}")
                name = r.expectation_config.meta["check"]
                count = int((r.result or {}).get("observed_value") or 0)
                rows = ((r.result or {}).get("details") or {}).get("unexpected_rows") or []
                if count > len(rows):
                    # the result holds at most 200 rows: fetch them all (GX shows a progress bar here)
                    rows = vd.get_unexpected_rows(expectations[name])
                found.append(_Outcome(checks[name], bool(r.success), rows))
            outcomes[spec.name] = found
    finally:
        datasource.get_engine().dispose()
    index = gx_docs.index_path(docs_dir) if docs_dir is not None else None
    return outcomes, index


def _in_scope(conn: sa.Connection, table: sa.Table, scope: Scope) -> set[int]:
    stmt = sa.select(table.c.id)
    stmt = stmt.where(table.c.status == PENDING) if scope == "pending" else stmt
    return set(conn.execute(stmt).scalars())


def _failures(outcomes: list[_Outcome], ids: set[int]) -> list[Failure]:
    """Failures of the rows this gate owns (rows loaded mid-validation wait for the next gate)."""
    found = []
    for o in outcomes:
        for row in o.rows:
            if row["id"] in ids:
                value = row.get("value")
                found.append(Failure(o.check.table, int(row["id"]), row.get("source_id"), o.check.name,
                                     o.check.column, value, o.check.reason.format(value=value)))
    return found


def _examples(rows: list[dict]) -> str:
    values = [str(r.get("value"))[:40] for r in rows[:MAX_EXAMPLES]]
    return ", ".join(values) + (", …" if len(rows) > MAX_EXAMPLES else "")


def run_gate(engine: Engine, run_id: int | None, *, docs_dir: Path | None = None, now: datetime | None = None,
             scope: Scope = "pending", config: RunCheckConfig | None = None,
             counts: dict | None = None) -> GateResult:
    """Validate the warehouse rows in `scope` and the run `run_id` (None: row checks only).

    `now` (default: the current time) bounds "not in the future"; freshness is judged at `now`
    when given, else at the run's start. `counts` overrides `pipeline_runs.counts` (see
    `run_level_checks`).
    """
    at = now or datetime.now(UTC)
    with engine.connect() as conn:
        article_ids = _in_scope(conn, Article.__table__, scope)
        indicator_ids = _in_scope(conn, Indicator.__table__, scope)
        source_names = {sid: name for sid, name in conn.execute(sa.select(Source.id, Source.name))}
        known_sources = set(source_names)
    specs = suite_specs(scope, engine.dialect, at)
    outcomes, index = validate_rows(engine, specs, docs_dir)
    article_failures = _failures(outcomes["articles"], article_ids)
    indicator_failures = _failures(outcomes["indicators"], indicator_ids)
    verdict = apply_verdicts(engine, article_ids=article_ids, indicator_ids=indicator_ids,
                             article_failures=article_failures, indicator_failures=indicator_failures,
                             run_id=run_id, known_sources=known_sources)
    checks = [
        CheckResult(o.check.name, o.check.table, o.success, len(o.rows),
                    o.check.description if o.success else f"{len(o.rows)} row{'s' if len(o.rows) != 1 else ''}, e.g. {_examples(o.rows)}")
        for spec in specs for o in outcomes[spec.name]
    ]
    checks.append(CheckResult("article_quarantined", "indicators", verdict.cascaded == 0, verdict.cascaded,
                              "indicators of quarantined articles are quarantined with them"))
    run_checks = run_level_checks(engine, run_id, now=now, config=config, counts=counts) if run_id is not None else []
    failed = [c for c in run_checks if not c.success]
    if failed:
        message = "publishing blocked: " + "; ".join(c.message for c in failed)
    else:
        message = (f"passed: {verdict.validated} rows valid, {verdict.quarantined} quarantined"
                   + ("" if run_id is not None else " (no run given: run-level checks skipped)"))
    log.info(message)
    return GateResult(passed=not failed, checks=checks, run_checks=run_checks, quarantined=verdict.quarantined,
                      validated=verdict.validated, message=message, docs_index=index,
                      articles_checked=len(article_ids), indicators_checked=len(indicator_ids),
                      quarantined_by_source={source_names.get(sid, "(unknown source)"): n
                                             for sid, n in verdict.quarantined_by_source.items()})


def results_table(result: GateResult) -> list[dict]:
    """Flat rows for `chitieu validate` (Rich table): row checks first, then run checks."""
    rows = [{"level": "row", "scope": c.table, "check": c.name, "status": "pass" if c.success else "FAIL",
             "failing": c.unexpected_count, "details": c.details} for c in result.checks]
    rows += [{"level": "run", "scope": c.source, "check": c.name, "status": "pass" if c.success else "FAIL",
              "failing": 0 if c.success else 1, "details": c.message} for c in result.run_checks]
    return rows
