"""Provinces across the 2025 merger; what `chitieu sources check` last found.

- `provinces` gains `kind`, `province_2025` (the unit the province belongs to since 2025-07-01) and
  `is_current_unit`, and is seeded with the 63 earlier provinces (warehouse/provinces_2025.yaml);
- `sources` gains `checked_at`, `verified_at`, `check_failures`;
- the views are recreated (V3) with `province_code` (as published) and `province_2025`.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warehouse.provinces import province_rows
from warehouse.seed import upsert
from warehouse.views import VIEWS_V2, VIEWS_V3, create_statements, drop_statements

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in drop_statements(VIEWS_V2):
        op.execute(statement)
    # plain ADD COLUMN on both dialects (no table copy: other tables reference these)
    op.add_column("provinces", sa.Column("kind", sa.String(16), nullable=True))
    op.add_column("provinces", sa.Column("province_2025", sa.String(32), nullable=True))
    op.add_column("provinces", sa.Column("is_current_unit", sa.Boolean(), nullable=True))
    op.add_column("sources", sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("sources", sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("sources", sa.Column("check_failures", sa.JSON(), nullable=True))
    provinces = sa.table("provinces", sa.column("code", sa.String), sa.column("name_vi", sa.String),
                         sa.column("name_en", sa.String), sa.column("kind", sa.String),
                         sa.column("province_2025", sa.String), sa.column("is_current_unit", sa.Boolean))
    upsert(op.get_bind(), provinces, province_rows(), ["code"])
    for statement in create_statements(VIEWS_V3):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements(VIEWS_V3):
        op.execute(statement)
    for column in ("check_failures", "verified_at", "checked_at"):
        op.drop_column("sources", column)  # SQLite >= 3.35 drops columns in place
    for column in ("is_current_unit", "province_2025", "kind"):
        op.drop_column("provinces", column)
    for statement in create_statements(VIEWS_V2):
        op.execute(statement)
