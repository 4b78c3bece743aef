"""warehouse.bulk.insert_rows on SQLite and PostgreSQL: values come back exactly as given (PostgreSQL's
COPY escapes text its own way), and a conflict is SQLAlchemy's IntegrityError, which rolls the
transaction back, as an INSERT's would."""

from __future__ import annotations

import pytest
from sqlalchemy import Boolean, Column, Float, Integer, MetaData, Table, Text, UniqueConstraint, select
from sqlalchemy.exc import IntegrityError

from warehouse.bulk import insert_rows

META = MetaData()
ROWS = Table("bulk_rows", META, Column("id", Integer, primary_key=True), Column("key", Integer),
             Column("label", Text), Column("share", Float), Column("flag", Boolean), UniqueConstraint("key"))
COLUMNS = ("key", "label", "share", "flag")
AWKWARD = ["tab\there", "line\nbreak\r\n", "back\\slash \\N", "quote ' \" ;", "Đảng viên 92,5%", "", None]


@pytest.fixture
def table(engine):
    META.create_all(engine)
    return ROWS


def test_values_come_back_exactly_as_given(engine, table):
    rows = [(k, label, k / 3 if k % 2 else None, k % 3 == 0) for k, label in enumerate(AWKWARD)]
    with engine.begin() as connection:
        insert_rows(connection, table, COLUMNS, rows)
        insert_rows(connection, table, COLUMNS, [])  # nothing to do
    with engine.connect() as connection:
        back = connection.execute(select(table.c.key, table.c.label, table.c.share, table.c.flag)
                                  .order_by(table.c.key)).all()
    assert [tuple(r) for r in back] == rows


def test_a_conflict_is_an_integrity_error_and_rolls_the_transaction_back(engine, table):
    with pytest.raises(IntegrityError), engine.begin() as connection:
        insert_rows(connection, table, COLUMNS, [(1, "first", 0.5, True)])
        insert_rows(connection, table, COLUMNS, [(2, "second", 0.5, True), (1, "again", 0.5, False)])
    with engine.connect() as connection:
        assert connection.execute(select(table.c.key)).all() == []
