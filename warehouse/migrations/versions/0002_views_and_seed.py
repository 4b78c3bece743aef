"""Analyst views (v_indicators, v_monthly_indicators) and reference rows (provinces, metrics).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

from warehouse.seed import seed_reference
from warehouse.views import VIEWS_V1, create_statements, drop_statements

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in create_statements(VIEWS_V1):
        op.execute(statement)
    seed_reference(op.get_bind())


def downgrade() -> None:
    for statement in drop_statements(VIEWS_V1):
        op.execute(statement)
