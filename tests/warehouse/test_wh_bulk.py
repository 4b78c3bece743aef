"""warehouse.bulk on SQLite and PostgreSQL. insert_rows: values come back exactly as given (PostgreSQL's
COPY escapes text its own way), and a conflict is SQLAlchemy's IntegrityError, which rolls the
transaction back, as an INSERT's would. among: a long list of ids, passed as one parameter, selects,
updates and locks exactly the rows an IN list would."""

from __future__ import annotations

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    Float,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from warehouse.bulk import among, insert_rows

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


@pytest.mark.parametrize("wanted", [[], [7], list(range(0, 3000, 3)), [5, 5, 2999, 4000]])
def test_among_matches_exactly_the_listed_ids(engine, table, wanted):
    with engine.begin() as connection:
        insert_rows(connection, table, COLUMNS, [(k, f"row {k}", None, False) for k in range(3000)])
    with engine.begin() as connection:
        keys = sorted(connection.execute(select(table.c.key).where(among(connection, table.c.key, wanted))).scalars())
        connection.execute(update(table).where(among(connection, table.c.key, wanted)).values(flag=True))
        locked = connection.execute(select(table.c.key).where(among(connection, table.c.key, wanted))
                                    .with_for_update()).scalars().all()
    with engine.connect() as connection:
        flagged = sorted(connection.execute(select(table.c.key).where(table.c.flag)).scalars())
    expected = sorted({k for k in wanted if k < 3000})
    assert keys == flagged == sorted(locked) == expected
