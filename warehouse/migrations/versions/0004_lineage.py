"""Lineage and supersession: extractor versions, reading hashes, superseded rows, monthly revisions.

- `indicators`: `extractor_version`, `reading_hash` (filled here for every existing row),
  `superseded_by_run` (FK pipeline_runs), `superseded_at`. The unique position
  (`version_id`, `metric`, `start_offset`) goes: a better extractor may read the same figure again
  differently, and the old reading must stay as history beside the new one. In its place a partial
  unique index allows one *current* row per (`version_id`, `reading_hash`).
- `article_versions.extractor_version` (the extractor that last read the text; NULL = before this
  revision, so the first `chitieu reextract` reads everything) and `pipeline_runs.extractor_version`.
- `monthly_summaries.revision` (existing rows are revision 1) with the unique key
  (`month`, `revision`, `source_id`, `metric`), and `monthly_revisions` (one row per publication;
  existing months get their revision 1).
- `v_indicators` gains `extractor_version` (VIEWS_V2).

SQLite cannot drop a constraint in place, so `indicators` is rebuilt (Alembic batch mode). Its old
copy can only be dropped while no table references it with rows (`monthly_summaries` does, and
foreign keys are on inside the migration's transaction), so on SQLite `monthly_summaries` is copied
aside, dropped, and recreated with its new key after the rebuild. PostgreSQL alters in place. The
reading-hash rule is copied here (not imported) so this revision never changes.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

from warehouse.views import VIEWS_V1, VIEWS_V2, create_statements, drop_statements

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None

_CHUNK = 500
_HASH_COLUMNS = ("metric", "value", "unit", "kind", "qualifier", "denominator", "year", "subject", "evidence",
                 "start_offset", "end_offset", "evidence_start", "evidence_end")


def _reading_hash(row) -> str:
    """warehouse.fingerprint.reading_hash at this revision."""
    (metric, value, unit, kind, qualifier, denominator, year, subject, evidence, start, end, ev_start,
     ev_end) = row
    parts = (metric, float(value), unit, kind, qualifier, None if denominator is None else float(denominator),
             year, subject, evidence, start, end, ev_start, ev_end)
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def _summary_columns() -> list[sa.Column]:
    """monthly_summaries as revision 0001 created it, plus `revision`."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("province_code", sa.String(length=32), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("metric", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("actual_value", sa.Float(), nullable=True),
        sa.Column("actual_indicator_id", sa.Integer(), nullable=True),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("target_indicator_id", sa.Integer(), nullable=True),
        sa.Column("actual_vs_target", sa.Float(), nullable=True),
        sa.Column("prev_month_value", sa.Float(), nullable=True),
        sa.Column("change_prev_month", sa.Float(), nullable=True),
        sa.Column("prev_year_value", sa.Float(), nullable=True),
        sa.Column("change_prev_year", sa.Float(), nullable=True),
        sa.Column("articles_read", sa.Integer(), nullable=False),
        sa.Column("indicators_found", sa.Integer(), nullable=False),
        sa.Column("organisations", sa.JSON(), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.Column("revision", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(["actual_indicator_id"], ["indicators.id"]),
        sa.ForeignKeyConstraint(["province_code"], ["provinces.code"]),
        sa.ForeignKeyConstraint(["run_id"], ["pipeline_runs.id"]),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"]),
        sa.ForeignKeyConstraint(["target_indicator_id"], ["indicators.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("month", "revision", "source_id", "metric", name="uq_summary_month_revision_source_metric"),
    ]


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    for statement in drop_statements(VIEWS_V1):
        op.execute(statement)

    summary_names = [c.name for c in _summary_columns() if isinstance(c, sa.Column) and c.name != "revision"]
    if sqlite:  # nothing may reference `indicators` while batch mode drops its old copy
        op.execute("CREATE TABLE _summaries_0004 AS SELECT * FROM monthly_summaries")
        op.drop_table("monthly_summaries")

    with op.batch_alter_table("indicators", recreate="auto") as batch:
        batch.add_column(sa.Column("extractor_version", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("reading_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("superseded_by_run", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("superseded_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_foreign_key("fk_indicators_superseded_by_run", "pipeline_runs", ["superseded_by_run"], ["id"])
        batch.drop_constraint("uq_indicator_position", type_="unique")
    op.add_column("article_versions", sa.Column("extractor_version", sa.String(length=64), nullable=True))
    op.add_column("pipeline_runs", sa.Column("extractor_version", sa.String(length=64), nullable=True))

    indicators = sa.table("indicators", sa.column("id", sa.Integer), sa.column("reading_hash", sa.String),
                          *(sa.column(name) for name in _HASH_COLUMNS))
    last = 0
    while True:  # keyset pages: memory stays flat however many indicators there are
        rows = bind.execute(sa.select(indicators.c.id, *(indicators.c[name] for name in _HASH_COLUMNS))
                            .where(indicators.c.id > last).order_by(indicators.c.id).limit(_CHUNK)).all()
        if not rows:
            break
        bind.execute(indicators.update().where(indicators.c.id == sa.bindparam("b_id"))
                     .values(reading_hash=sa.bindparam("b_hash")),
                     [{"b_id": row[0], "b_hash": _reading_hash(row[1:])} for row in rows])
        last = rows[-1][0]
    op.create_index("uq_indicator_current_reading", "indicators", ["version_id", "reading_hash"], unique=True,
                    sqlite_where=sa.text("is_current"), postgresql_where=sa.text("is_current"))

    if sqlite:
        op.create_table("monthly_summaries", *_summary_columns())
        names = ", ".join(summary_names)
        op.execute(f"INSERT INTO monthly_summaries ({names}, revision) "  # noqa: S608 - constant names
                   f"SELECT {names}, 1 FROM _summaries_0004")
        op.execute("DROP TABLE _summaries_0004")
    else:
        op.add_column("monthly_summaries", sa.Column("revision", sa.Integer(), server_default="1", nullable=False))
        op.drop_constraint("uq_summary_month_source_metric", "monthly_summaries", type_="unique")
        op.create_unique_constraint("uq_summary_month_revision_source_metric", "monthly_summaries",
                                    ["month", "revision", "source_id", "metric"])

    op.create_table(
        "monthly_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.Column("extractor_versions", sa.JSON(), nullable=True),
        sa.Column("previous_extractor_versions", sa.JSON(), nullable=True),
        sa.Column("changes", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["pipeline_runs.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("month", "revision", name="uq_monthly_revision"),
    )
    op.execute("INSERT INTO monthly_revisions (month, revision, run_id, created_at, note) "
               "SELECT month, 1, max(run_id), max(created_at), 'first publication' "
               "FROM monthly_summaries GROUP BY month")

    for statement in create_statements(VIEWS_V2):
        op.execute(statement)


def downgrade() -> None:
    """Back to 0003, refused when that would lose history (superseded rows, later revisions)."""
    bind = op.get_bind()
    kept = bind.execute(sa.text("SELECT count(*) FROM indicators WHERE NOT is_current")).scalar_one()
    revised = bind.execute(sa.text("SELECT count(*) FROM monthly_summaries WHERE revision > 1")).scalar_one()
    if kept or revised:
        raise RuntimeError(f"cannot downgrade below 0004 without deleting history: {kept} superseded indicator "
                           f"rows, {revised} summary rows of later revisions")
    for statement in drop_statements(VIEWS_V2):
        op.execute(statement)
    op.drop_table("monthly_revisions")
    with op.batch_alter_table("monthly_summaries", recreate="auto") as batch:
        batch.drop_constraint("uq_summary_month_revision_source_metric", type_="unique")
        batch.create_unique_constraint("uq_summary_month_source_metric", ["month", "source_id", "metric"])
        batch.drop_column("revision")
    op.drop_index("uq_indicator_current_reading", table_name="indicators")
    op.drop_column("pipeline_runs", "extractor_version")
    op.drop_column("article_versions", "extractor_version")
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        op.execute("CREATE TABLE _summaries_0004 AS SELECT * FROM monthly_summaries")
        op.drop_table("monthly_summaries")
    with op.batch_alter_table("indicators", recreate="auto") as batch:
        batch.drop_constraint("fk_indicators_superseded_by_run", type_="foreignkey")
        for name in ("superseded_at", "superseded_by_run", "reading_hash", "extractor_version"):
            batch.drop_column(name)
        batch.create_unique_constraint("uq_indicator_position", ["version_id", "metric", "start_offset"])
    if sqlite:
        columns = [c for c in _summary_columns() if not (isinstance(c, sa.Column) and c.name == "revision")
                   and not isinstance(c, sa.UniqueConstraint)]
        op.create_table("monthly_summaries", *columns,
                        sa.UniqueConstraint("month", "source_id", "metric", name="uq_summary_month_source_metric"))
        op.execute("INSERT INTO monthly_summaries SELECT * FROM _summaries_0004")
        op.execute("DROP TABLE _summaries_0004")
    for statement in create_statements(VIEWS_V1):
        op.execute(statement)
