"""Statements over many rows, the cheapest way each database offers: inserting many rows of plain
values (`insert_rows`), and matching a long list of ids (`among`).

Inserting: why not `connection.execute(table.insert(), rows)`? SQLAlchemy processes every row's parameters in
Python (~15 µs a row, more than SQLite's own insert of it), and psycopg's executemany has the server
parse, plan and run each row as a statement of its own. A re-extraction writes a few indicator rows
per article, so those costs add up to as much as a third of extracting the article.

- PostgreSQL: `COPY table (columns) FROM STDIN`, one stream (about half the time of the executemany);
- SQLite: the driver's `executemany` of one INSERT, values passed as they are (another database:
  SQLAlchemy's executemany).

The values must be ones the driver takes as they are (str, int, float, bool, None): no SQLAlchemy
type processing runs. Errors are raised as SQLAlchemy's `DBAPIError`, like any other statement's,
so `warehouse.load.in_transaction` retries a conflict here too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    String,
    Table,
    any_,
    bindparam,
    func,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DBAPIError


def among(connection: Connection, column: ColumnElement, ids: Sequence[int]) -> ColumnElement[bool]:
    """`column IN (ids)` for a long list of integer ids (a batch's articles, versions or rows).

    The ids go as one parameter: an IN list of 500 ids is 500 parameters, each rendered by SQLAlchemy
    on every execution, on PostgreSQL with its cast, and the statement, too long for psycopg's cache,
    parsed again each time: 1–2 ms of CPU per statement, 0.01–0.02 ms per re-extracted article
    (writing a batch fell from 0.036–0.047 to 0.028 ms per article); on SQLite ~0.003 ms.
    PostgreSQL: `column = ANY(:ids)`, an array; SQLite: `column IN (SELECT value FROM json_each(:ids))`,
    a JSON array; another database: the plain IN list.
    """
    if connection.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(ids), type_=ARRAY(Integer)))
    if connection.dialect.name == "sqlite":
        ids_json = bindparam(None, json.dumps(list(ids)), type_=String)
        return column.in_(select(literal_column("value")).select_from(func.json_each(ids_json)))
    return column.in_(ids)


def insert_rows(connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """Insert `rows` (tuples of values in the order of `columns`) into `table`, inside the caller's
    transaction."""
    if not rows:
        return
    quote = connection.dialect.identifier_preparer
    names = ", ".join(quote.quote(c) for c in columns)
    if connection.dialect.name == "postgresql":
        _copy(connection, f"COPY {quote.format_table(table)} ({names}) FROM STDIN", rows)
    elif connection.dialect.paramstyle == "qmark":  # SQLite
        marks = ", ".join("?" * len(columns))
        statement = f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ({marks})"  # noqa: S608 - quoted names
        connection.exec_driver_sql(statement, list(rows))
    else:
        connection.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in rows])


def _copy(connection: Connection, statement: str, rows: Sequence[tuple]) -> None:
    dbapi = connection.dialect.loaded_dbapi
    try:
        with connection.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    except dbapi.Error as exc:
        raise DBAPIError.instance(statement, None, exc, dbapi.Error) from exc
