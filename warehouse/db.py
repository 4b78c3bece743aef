"""Engines and schema upgrades for the warehouse, the same calls on SQLite and PostgreSQL.

The Alembic configuration is built in code (no alembic.ini) so that `upgrade(url)` works from an
installed package and from any working directory. Upgrades run inside one transaction that holds
a lock (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: a transaction-level advisory lock), so two
processes starting at once never both try to create the tables.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# arbitrary constant: the key of the PostgreSQL advisory lock that serialises schema upgrades
_UPGRADE_LOCK_KEY = 0x636869746965_01
SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_CACHED_STATEMENTS = 16  # per connection (sqlite3 default 128)
SQLITE_PAGE_CACHE_KIB = 256  # page cache per connection (SQLite default 2,000 KiB)


def make_engine(url: str, **engine_kwargs) -> Engine:
    """An engine with the settings the pipeline relies on.

    SQLite: the parent directory is created, WAL lets readers (GX, analysts) run during a load,
    foreign keys are enforced, and every transaction starts with `BEGIN IMMEDIATE` so concurrent
    writers queue on the busy timeout instead of failing with "database is locked" on upgrade of a
    read lock. Extra keyword arguments go to `create_engine` (tests pass PostgreSQL connect_args).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine_kwargs.setdefault("pool_pre_ping", True)
        return create_engine(parsed, **engine_kwargs)

    database = parsed.database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    connect_args = dict(engine_kwargs.pop("connect_args", {}))
    connect_args.setdefault("timeout", SQLITE_BUSY_TIMEOUT_MS / 1000)
    connect_args.setdefault("check_same_thread", False)
    # each pooled connection caches compiled statements with their last bound values (article
    # bodies included) and pages; a night's thread per paper holds a connection each, so both are
    # kept small: memory stays flat as a night grows (benchmarks/RESULTS.md, memory)
    connect_args.setdefault("cached_statements", SQLITE_CACHED_STATEMENTS)
    engine = create_engine(parsed, connect_args=connect_args, **engine_kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see "begin" below)
        cursor = dbapi_connection.cursor()
        if database and database != ":memory:":
            _journal_mode_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA cache_size=-{SQLITE_PAGE_CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _journal_mode_wal(cursor) -> None:
    """Switch to WAL, waiting out another connection doing the same.

    When several connections open a new database at once (parallel `db upgrade`s, a night's threads),
    their journal-mode switches can deadlock on the lock upgrade, and SQLite then answers "database is
    locked" at once instead of waiting on the busy timeout (seen 4 times in 120 three-way races on a
    loaded machine). Retrying with a short back-off, within the busy timeout, resolves it.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    delay = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


def alembic_config(url: str | None = None) -> Config:
    """The Alembic config of the package, built in code (works from an installed wheel)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(url_or_engine: str | Engine, revision: str = "head") -> None:
    """Alembic upgrade to `revision`, idempotent and safe when several processes call it at once.

    At head the reference rows (`provinces`, `metrics`) are upserted again from the code: migration
    0002 seeded them once, so a metric added to `indicators.taxonomy.METRICS` later never reached
    the `metrics` table of an existing warehouse. `chitieu db upgrade` now brings it in.
    """
    own_engine = isinstance(url_or_engine, str)
    engine = make_engine(url_or_engine) if own_engine else url_or_engine
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK_KEY})
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            if revision == "head":
                from warehouse.seed import seed_reference

                seed_reference(connection)
    finally:
        if own_engine:
            engine.dispose()


def ensure_schema(engine: Engine) -> None:
    """Upgrade when the database is not at head; one cheap query when it already is."""
    if current_revision(engine) != head_revision():
        upgrade(engine)
