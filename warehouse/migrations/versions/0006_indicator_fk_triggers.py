"""PostgreSQL: `indicators` loses its four foreign keys (article, version, run, superseding run).

Why. On PostgreSQL every foreign key is a per-row trigger that runs a query (`SELECT 1 FROM articles
WHERE id = $1 FOR KEY SHARE`) for each inserted or updated row. A re-extraction's first read inserts
~6 rows per article, and those checks were the largest part of the server's CPU: 0.14 → 0.08 ms per
article with all four gone (0.10 keeping the one on `version_id`), against ~0.4 ms to extract the
article (issue 20's speed goal, `python -m benchmarks.reextract`; the server shares the machine's two
cores with extraction).

What they guarded, and why that still holds without them:

- `article_id`, `version_id`: `warehouse.readings.sync_readings` is the only code that writes
  `indicators`; its callers pass the article and version they hold in the same transaction
  (`warehouse.load` has just inserted the version, `warehouse.reextract` has locked the article and
  checked the version is its current one), and nothing deletes articles or versions (the lineage
  rule: nothing is deleted). `tests/warehouse/test_wh_reextract.py` checks after loads and
  re-extractions that every indicator names a stored version of its own article and a run that exists.
- `run_id`, `superseded_by_run`: `pipeline_runs` is an append-only log; the ids come from
  `warehouse.load.start_run` in the run that writes them.

SQLite keeps its foreign keys: there a check is an index probe inside the insert (measured ~0.005 ms
per article for the two that fire on a first read), and dropping one means rebuilding `indicators`
(batch mode, with `monthly_summaries` copied aside, as revision 0004 had to). The models keep
declaring them (the ORM's join conditions, and a SQLite warehouse built from them).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels = None
depends_on = None

# (column, referenced table) of the dropped keys, for the downgrade
_KEYS = (("article_id", "articles"), ("version_id", "article_versions"), ("run_id", "pipeline_runs"),
         ("superseded_by_run", "pipeline_runs"))


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    columns = {column for column, _table in _KEYS}
    for key in sa.inspect(bind).get_foreign_keys("indicators"):
        if set(key["constrained_columns"]) <= columns:
            op.drop_constraint(key["name"], "indicators", type_="foreignkey")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column, table in _KEYS:
        op.create_foreign_key(f"fk_indicators_{column}", "indicators", table, [column], ["id"])
