"""The offline demo on PostgreSQL loads what it loads on SQLite.

A file of its own so that, under pytest-xdist (one file per worker), it runs beside the other demo tests.
"""

from __future__ import annotations

import pytest
from demo_helpers import run_cli

SAME_ON_BOTH = ("articles", "article_versions", "indicators", "quarantine", "monthly_summaries", "v_indicators")


@pytest.mark.slow
def test_demo_on_postgresql_gives_the_same_counts_as_on_sqlite(demo_run, tmp_path, postgres_url, prefect_api):
    import uuid

    from sqlalchemy import create_engine, text

    def counts(url: str) -> dict[str, int]:
        engine = create_engine(url)
        with engine.connect() as conn:
            found = {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()  # noqa: S608
                     for t in SAME_ON_BOTH}
        engine.dispose()
        return found

    schema = f"demo_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = f"{postgres_url}?options=-csearch_path%3D{schema}"
        done = run_cli(tmp_path, "demo", database_url=url, prefect_api=prefect_api)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        on_sqlite = counts(f"sqlite:///{demo_run.db}")
        assert counts(url) == on_sqlite
        assert on_sqlite["v_indicators"] > 100
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
