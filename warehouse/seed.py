"""Reference rows: the provinces of the covered papers and the metric taxonomy.

Seeding is an upsert so that it can run from a migration and again later (a new metric in
`indicators.taxonomy.METRICS` or a new province of a new source) without duplicating rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Table, literal_column
from sqlalchemy.dialects import postgresql, sqlite

from indicators.taxonomy import METRICS
from warehouse.models import Metric, Province


@dataclass(frozen=True)
class ProvinceRow:
    code: str
    name_vi: str
    name_en: str


PROVINCES: tuple[ProvinceRow, ...] = (
    ProvinceRow("gia-lai", "Gia Lai", "Gia Lai"),
    ProvinceRow("ha-tinh", "Hà Tĩnh", "Ha Tinh"),
    ProvinceRow("dak-lak", "Đắk Lắk", "Dak Lak"),
    ProvinceRow("quang-ninh", "Quảng Ninh", "Quang Ninh"),
)


def dialect_insert(connection: Connection, table: Table):
    """`INSERT` with `on_conflict_do_*` for the connection's dialect (SQLite and PostgreSQL)."""
    name = connection.dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"unsupported database dialect: {name}")


def upsert(connection: Connection, table: Table, rows: list[dict], key: list[str]) -> None:
    """Insert rows, updating every non-key column of rows whose key already exists."""
    if not rows:
        return
    stmt = dialect_insert(connection, table)
    update_cols = [c for c in rows[0] if c not in key]
    stmt = stmt.on_conflict_do_update(
        index_elements=key, set_={c: literal_column(f"excluded.{c}") for c in update_cols}
    )
    connection.execute(stmt, rows)


def seed_reference(connection: Connection) -> None:
    upsert(
        connection,
        Province.__table__,
        [{"code": p.code, "name_vi": p.name_vi, "name_en": p.name_en} for p in PROVINCES],
        ["code"],
    )
    upsert(
        connection,
        Metric.__table__,
        [
            {"code": m.code, "unit": m.unit, "description_vi": m.description_vi,
             "description_en": m.description_en}
            for m in METRICS.values()
        ],
        ["code"],
    )
