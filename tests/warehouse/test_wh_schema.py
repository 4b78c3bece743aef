"""Schema: migrations reach head on both dialects, idempotently and under concurrent upgrades."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from indicators.taxonomy import METRICS
from warehouse.db import current_revision, ensure_schema, head_revision, make_engine, upgrade
from warehouse.models import Base
from warehouse.provinces import N_PROVINCES_BEFORE

VIEWS = {"v_indicators", "v_monthly_indicators"}


def test_upgrade_creates_every_table_view_and_reference_row(engine, count):
    inspector = inspect(engine)
    assert set(Base.metadata.tables) <= set(inspector.get_table_names())
    assert VIEWS <= set(inspector.get_view_names())
    assert current_revision(engine) == head_revision()
    assert count("SELECT COUNT(*) FROM metrics") == len(METRICS)
    assert count("SELECT COUNT(*) FROM provinces") == N_PROVINCES_BEFORE  # the 63 of before 2025-07-01
    assert count("SELECT COUNT(*) FROM provinces WHERE code = 'dak-lak' AND name_vi = 'Đắk Lắk'") == 1
    assert count("SELECT COUNT(*) FROM provinces WHERE is_current_unit") == 34
    assert count("SELECT COUNT(*) FROM provinces WHERE code = 'binh-dinh' AND province_2025 = 'gia-lai'") == 1


def test_upgrade_is_idempotent(engine, count):
    upgrade(engine)
    ensure_schema(engine)
    assert count("SELECT COUNT(*) FROM metrics") == len(METRICS)
    assert current_revision(engine) == head_revision()


def test_concurrent_upgrades_of_a_fresh_database(database):
    engines = [database.new_engine() for _ in range(3)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(engines))

    def run(e):
        try:
            barrier.wait()
            upgrade(e)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert current_revision(engines[0]) == head_revision()
    with engines[0].connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM metrics")).scalar_one() == len(METRICS)


def test_ensure_schema_upgrades_an_empty_database(database):
    engine = database.new_engine()
    assert current_revision(engine) is None
    ensure_schema(engine)
    assert current_revision(engine) == head_revision()


def test_foreign_keys_are_enforced(engine):
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text("INSERT INTO sources (name, province_code, base_url, status) "
                                "VALUES ('x', 'no-such-province', 'https://x', 'active')"))


def test_sqlite_engine_creates_directory_and_uses_wal(tmp_path):
    path = tmp_path / "deep" / "er" / "w.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
            # small per-connection caches: a night's threads each hold a connection (memory benchmark)
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -256
        assert path.parent.is_dir()
    finally:
        engine.dispose()


def test_upgrade_accepts_a_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'u' / 'w.db'}"
    upgrade(url)
    engine = make_engine(url)
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
