"""Incremental duplicate linking: indexed SimHash bands, stored figures, a pending flag, an index on
duplicate_of_id.

Existing rows get their bands from `simhash` and their figures from `body`, and are not pending:
their links were computed over all articles by the previous (full) linking, so they are right.
The band and figure rules are copied here (not imported) so this revision never changes.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None

BANDS = 4
BAND_BITS = 16
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # warehouse.dedup._NUMBER at this revision
_CHUNK = 500


def _values(article_id: int, simhash: str | None, body: str | None) -> dict:
    value = int(simhash, 16) if simhash else 0
    bands = [(value >> (band * BAND_BITS)) & 0xFFFF if value else None for band in range(BANDS)]
    return ({"b_id": article_id, "b_figures": " ".join(sorted(set(NUMBER.findall(body or ""))))}
            | {f"b_{band}": bands[band] for band in range(BANDS)})


def upgrade() -> None:
    for band in range(BANDS):
        op.add_column("articles", sa.Column(f"simhash_band{band}", sa.Integer(), nullable=True))
    op.add_column("articles", sa.Column("figures", sa.Text(), nullable=True))
    op.add_column("articles", sa.Column("dedup_pending", sa.Boolean(), server_default=sa.false(), nullable=False))

    articles = sa.table("articles", sa.column("id", sa.Integer), sa.column("simhash", sa.String),
                        sa.column("body", sa.Text), sa.column("figures", sa.Text),
                        *(sa.column(f"simhash_band{band}", sa.Integer) for band in range(BANDS)))
    bind = op.get_bind()
    last = 0
    while True:  # keyset pages: memory stays flat however many articles there are
        rows = bind.execute(sa.select(articles.c.id, articles.c.simhash, articles.c.body)
                            .where(articles.c.id > last).order_by(articles.c.id).limit(_CHUNK)).all()
        if not rows:
            break
        bind.execute(articles.update().where(articles.c.id == sa.bindparam("b_id")).values(
            {f"simhash_band{band}": sa.bindparam(f"b_{band}") for band in range(BANDS)}
            | {"figures": sa.bindparam("b_figures")}), [_values(*row) for row in rows])
        last = rows[-1][0]

    for band in range(BANDS):
        op.create_index(f"ix_articles_simhash_band{band}", "articles", [f"simhash_band{band}"])
    op.create_index("ix_articles_duplicate_of_id", "articles", ["duplicate_of_id"])
    op.create_index("ix_articles_dedup_pending", "articles", ["dedup_pending"])


def downgrade() -> None:
    op.drop_index("ix_articles_dedup_pending", table_name="articles")
    op.drop_index("ix_articles_duplicate_of_id", table_name="articles")
    for band in range(BANDS):
        op.drop_index(f"ix_articles_simhash_band{band}", table_name="articles")
    op.drop_column("articles", "dedup_pending")  # SQLite >= 3.35 drops columns in place
    op.drop_column("articles", "figures")
    for band in range(BANDS):
        op.drop_column("articles", f"simhash_band{band}")
