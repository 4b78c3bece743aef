"""The row-level quality suites, as code: versioned with the pipeline that they judge.

Every check is a GX `UnexpectedRowsExpectation`: a query returning the failing rows (`id`,
`value`) of the batch. GX SQL sources cap `unexpected_index_list` at 20 ids, and the
`unexpected_index_query` they generate is broken SQL for query assets (``FROM SELECT * FROM (...)
WHERE 1 = 1 WHERE ...``, datetimes rendered as Python reprs), so the only way to quarantine *every*
failing row is a query we own, fetched in full with `ValidationDefinition.get_unexpected_rows`.

The queries are built with SQLAlchemy Core and compiled for the warehouse dialect with literal
values, so one definition serves SQLite and PostgreSQL and no value is spliced into SQL by hand.
Each batch is a query asset that already carries the columns a check needs from other tables
(`source_known`, `year_max`, `url_rank`), so no check needs a join.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

import sqlalchemy as sa

from indicators.record import KINDS, QUALIFIERS, UNITS
from indicators.taxonomy import METRICS, PLAN_SHARE_METRICS
from warehouse.models import PENDING, Article, ArticleVersion, Indicator, PipelineRun, Source

if TYPE_CHECKING:
    from sqlalchemy.engine import Dialect

Scope = Literal["pending", "all"]

BATCH_TOKEN = "__CHITIEU_BATCH__"
MIN_YEAR = 2000
MIN_BODY_CHARS = 200
MAX_YEARS_AHEAD = 5
PERCENT_MAX = 100.0
PLAN_SHARE_MAX = 300.0
VND_MIN, VND_MAX = 1e6, 1e13  # one million to ten trillion dong


def col(name: str, type_: Any = None) -> sa.ColumnClause:
    """An unqualified column of the batch: GX substitutes `{batch}` with an aliased subquery."""
    return sa.column(name, type_) if type_ is not None else sa.column(name)


ID = col("id", sa.Integer)


@dataclass(frozen=True)
class RowCheck:
    """One row-level expectation: its failing rows are `predicate`, reported with `value`.

    `reason` is formatted with `value=` for each failing row and becomes `quarantine.reason`;
    `name` is stored in `quarantine.expectation` (unique per table, so a row failing two checks
    is recorded twice, and a rerun records nothing new).
    """

    name: str
    table: str
    column: str
    description: str
    reason: str
    predicate: Callable[[], sa.ColumnElement[bool]]
    value: Callable[[], sa.ColumnElement[Any]]

    def query(self, dialect: Dialect) -> str:
        """The unexpected-rows query with the `{batch}` placeholder GX fills in."""
        stmt = (
            sa.select(ID.label("id"), col("source_id").label("source_id"), self.value().label("value"))
            .select_from(sa.text(BATCH_TOKEN))
            .where(self.predicate())
        )
        sql = str(stmt.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
        # GX formats the query with str.format: literal braces must be doubled
        return sql.replace("{", "{{").replace("}", "}}").replace(BATCH_TOKEN, "{batch}")


def _blank(name: str) -> sa.ColumnElement[bool]:
    c = col(name, sa.Text)
    return sa.or_(c.is_(None), sa.func.trim(c) == "")


def _utc(moment: datetime) -> datetime:
    """Literal datetimes must be UTC: SQLite renders the wall-clock fields and drops the zone."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def article_checks(now: datetime) -> list[RowCheck]:
    published = col("published_at", sa.DateTime(timezone=True))
    earliest = datetime(MIN_YEAR, 1, 1, tzinfo=UTC)
    return [
        RowCheck("title_not_null", "articles", "title", "Every article has a title.",
                 "title is missing", lambda: _blank("title"), lambda: col("title")),
        RowCheck("body_not_null", "articles", "body", "Every article has a body.",
                 "body is missing", lambda: _blank("body"), lambda: col("body")),
        RowCheck("published_at_not_null", "articles", "published_at",
                 "Every article has a parseable publication date.",
                 "publication date is missing (no parseable date on the page)",
                 lambda: published.is_(None), lambda: published),
        RowCheck("published_at_not_in_future", "articles", "published_at",
                 "No article is dated after the validation time.",
                 f"publication date {{value}} is in the future (validated at {_utc(now):%Y-%m-%d %H:%M} UTC)",
                 lambda: published > _utc(now), lambda: published),
        RowCheck("published_at_from_2000", "articles", "published_at",
                 f"No article is dated before {MIN_YEAR}.",
                 f"publication date {{value}} is before {MIN_YEAR}",
                 lambda: published < earliest, lambda: published),
        RowCheck("body_min_length", "articles", "body",
                 f"Bodies have at least {MIN_BODY_CHARS} characters (shorter ones are teasers or errors).",
                 f"body has {{value}} characters, fewer than {MIN_BODY_CHARS}",
                 lambda: sa.and_(col("body").is_not(None), sa.func.length(col("body", sa.Text)) < MIN_BODY_CHARS),
                 lambda: sa.func.length(col("body", sa.Text))),
        RowCheck("canonical_url_unique", "articles", "canonical_url",
                 "Canonical URLs are unique (ignoring case and a trailing slash); the first one stays.",
                 "canonical URL {value} duplicates an earlier article",
                 lambda: col("url_rank", sa.Integer) > 1, lambda: col("canonical_url")),
        RowCheck("source_known", "articles", "source_id",
                 "Every article belongs to a source listed in `sources`.",
                 "source id {value} is not a known source",
                 lambda: col("source_known", sa.Integer) == 0, lambda: col("source_id")),
    ]


def indicator_checks() -> list[RowCheck]:
    value = col("value", sa.Float)
    unit = col("unit", sa.String)
    metric = col("metric", sa.String)
    year = col("year", sa.Integer)
    plan = sorted(PLAN_SHARE_METRICS)
    return [
        RowCheck("unit_in_set", "indicators", "unit", f"Units are one of {', '.join(UNITS)}.",
                 f"unit {{value}} is not one of {', '.join(UNITS)}",
                 lambda: sa.or_(unit.is_(None), unit.not_in(UNITS)), lambda: unit),
        RowCheck("metric_in_taxonomy", "indicators", "metric", "Metrics are codes of the taxonomy.",
                 "metric {value} is not in the taxonomy",
                 lambda: sa.or_(metric.is_(None), metric.not_in(sorted(METRICS))), lambda: metric),
        RowCheck("percent_between_0_and_100", "indicators", "value",
                 f"Percentages lie between 0 and 100 (plan shares {', '.join(plan)} excepted).",
                 "percentage {value} is outside 0–100",
                 lambda: sa.and_(unit == "percent", metric.not_in(plan),
                                 sa.or_(value < 0, value > PERCENT_MAX)), lambda: value),
        RowCheck("plan_share_between_0_and_300", "indicators", "value",
                 "Plan shares lie between 0 and 300 percent.",
                 "plan share {value}% is outside 0–300",
                 lambda: sa.and_(unit == "percent", metric.in_(plan),
                                 sa.or_(value < 0, value > PLAN_SHARE_MAX)), lambda: value),
        RowCheck("count_whole_not_negative", "indicators", "value", "Counts are whole and not negative.",
                 "count {value} is negative or not a whole number",
                 lambda: sa.and_(unit == "count", sa.or_(value < 0, sa.func.round(value) != value)),
                 lambda: value),
        RowCheck("vnd_between_1e6_and_1e13", "indicators", "value",
                 "Amounts in VND lie between 1 million and 10 trillion.",
                 "amount {value} VND is outside 1 million–10 trillion",
                 lambda: sa.and_(unit == "vnd", sa.or_(value < VND_MIN, value > VND_MAX)), lambda: value),
        RowCheck("value_not_null", "indicators", "value", "Every indicator has a value.",
                 "value is missing", lambda: value.is_(None), lambda: value),
        RowCheck("kind_in_set", "indicators", "kind", f"Kinds are one of {', '.join(KINDS)}.",
                 f"kind {{value}} is not one of {', '.join(KINDS)}",
                 lambda: sa.or_(col("kind").is_(None), col("kind", sa.String).not_in(KINDS)),
                 lambda: col("kind")),
        RowCheck("qualifier_in_set", "indicators", "qualifier", f"Qualifiers are one of {', '.join(QUALIFIERS)}.",
                 f"qualifier {{value}} is not one of {', '.join(QUALIFIERS)}",
                 lambda: sa.or_(col("qualifier").is_(None), col("qualifier", sa.String).not_in(QUALIFIERS)),
                 lambda: col("qualifier")),
        RowCheck("year_plausible", "indicators", "year",
                 f"Years lie between {MIN_YEAR} and the publication year + {MAX_YEARS_AHEAD}.",
                 f"year {{value}} is before {MIN_YEAR} or more than {MAX_YEARS_AHEAD} years after publication",
                 lambda: sa.and_(year.is_not(None), sa.or_(year < MIN_YEAR, year > col("year_max", sa.Integer))),
                 lambda: year),
        RowCheck("evidence_not_empty", "indicators", "evidence", "Every indicator quotes its evidence.",
                 "evidence sentence is empty", lambda: _blank("evidence"), lambda: col("evidence")),
        RowCheck("lineage_known", "indicators", "version_id",
                 "Every indicator names a stored version of its own article and runs that exist (what the "
                 "foreign keys would refuse, checked on every run where the database does not).",
                 "version {value} is not a stored version of the indicator's article, or a run it names is missing",
                 lambda: col("lineage_known", sa.Integer) == 0, lambda: col("version_id")),
    ]


def _compile(stmt: sa.Select, dialect: Dialect) -> str:
    return str(stmt.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def articles_batch(scope: Scope, dialect: Dialect) -> str:
    """The articles under validation, with the cross-table facts their checks need."""
    a, s = Article.__table__, Source.__table__
    # duplicates are judged against the whole table (a window over every article, not just the
    # batch) on a normalised URL, which the unique constraint alone would not catch
    every = a.alias("every")
    ranked = sa.select(
        every.c.id,
        sa.func.row_number().over(
            partition_by=sa.func.lower(sa.func.rtrim(every.c.canonical_url, "/")), order_by=every.c.id
        ).label("url_rank"),
    ).subquery("ranked")
    stmt = sa.select(
        a.c.id, a.c.source_id, a.c.canonical_url, a.c.title, a.c.body, a.c.published_at,
        sa.case((s.c.id.is_(None), 0), else_=1).label("source_known"),
        ranked.c.url_rank,
    ).select_from(a.outerjoin(s, s.c.id == a.c.source_id).join(ranked, ranked.c.id == a.c.id))
    if scope == "pending":
        stmt = stmt.where(a.c.status == PENDING)
    return _compile(stmt, dialect)


def indicators_batch(scope: Scope, dialect: Dialect, now: datetime) -> str:
    """The indicators under validation, with the latest plausible year from their article's date."""
    i, a, v = Indicator.__table__, Article.__table__, ArticleVersion.__table__
    run, superseding = PipelineRun.__table__.alias("run"), PipelineRun.__table__.alias("superseding")
    pub_year = sa.cast(sa.func.substr(a.c.published_month, 1, 4), sa.Integer)
    year_max = sa.func.coalesce(pub_year, _utc(now).year) + MAX_YEARS_AHEAD
    # outer joins: an indicator whose article, version or run is missing is still checked (and caught)
    lineage_known = sa.case((sa.or_(a.c.id.is_(None), v.c.id.is_(None),
                                    sa.and_(i.c.run_id.is_not(None), run.c.id.is_(None)),
                                    sa.and_(i.c.superseded_by_run.is_not(None), superseding.c.id.is_(None))), 0),
                            else_=1)
    stmt = sa.select(
        i.c.id, i.c.article_id, a.c.source_id, i.c.metric, i.c.value, i.c.unit, i.c.kind,
        i.c.qualifier, i.c.year, i.c.evidence, i.c.version_id, year_max.label("year_max"),
        lineage_known.label("lineage_known"),
    ).select_from(
        i.outerjoin(a, a.c.id == i.c.article_id)
        .outerjoin(v, sa.and_(v.c.id == i.c.version_id, v.c.article_id == i.c.article_id))
        .outerjoin(run, run.c.id == i.c.run_id)
        .outerjoin(superseding, superseding.c.id == i.c.superseded_by_run)
    )
    if scope == "pending":
        stmt = stmt.where(i.c.status == PENDING)
    return _compile(stmt, dialect)


@dataclass(frozen=True)
class SuiteSpec:
    """A suite with the batch it runs on: one GX query asset + validation definition each."""

    name: str
    table: str
    batch_query: str
    checks: list[RowCheck]


def suite_specs(scope: Scope, dialect: Dialect, now: datetime) -> list[SuiteSpec]:
    return [
        SuiteSpec("articles", "articles", articles_batch(scope, dialect), article_checks(now)),
        SuiteSpec("indicators", "indicators", indicators_batch(scope, dialect, now), indicator_checks()),
    ]


def build_suite(spec: SuiteSpec, dialect: Dialect) -> Any:
    """The GX ExpectationSuite of `spec` (GX imported here: it costs seconds)."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    suite = gx.ExpectationSuite(name=f"chitieu_{spec.name}")
    for check in spec.checks:
        suite.add_expectation(gxe.UnexpectedRowsExpectation(
            unexpected_rows_query=check.query(dialect),
            description=f"{spec.table}.{check.column}: {check.description}",
            meta={"check": check.name, "table": check.table, "column": check.column},
        ))
    return suite
