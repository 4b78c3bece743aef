"""A small warehouse per test (SQLite file, or a fresh PostgreSQL schema) and a builder for its rows.

The schema comes from the models plus the views' own SQL (`warehouse.views`), not from Alembic,
so these tests only depend on the contracts the summary reads.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from warehouse import models as m
from warehouse.db import make_engine
from warehouse.views import create_statements

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


def create_schema(engine: Engine) -> None:
    m.Base.metadata.create_all(engine)
    with engine.begin() as conn:
        for statement in create_statements():
            conn.execute(text(statement))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path) -> Iterator[Engine]:
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'warehouse.db'}")
        create_schema(eng)
        yield eng
        eng.dispose()
        return
    url = os.environ.get("CHITIEU_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("CHITIEU_TEST_POSTGRES_URL is not set")
    schema = f"report_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng = create_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        create_schema(eng)
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


class Warehouse:
    """Inserts rows the way the loader and the gate would leave them; returns ids for assertions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._seq = itertools.count(1)
        self.sources: dict[str, int] = {}

    def source(self, name: str, province: str, province_name: str) -> int:
        with Session(self.engine) as s, s.begin():
            if s.get(m.Province, province) is None:
                s.add(m.Province(code=province, name_vi=province_name, name_en=None))
                s.flush()
            src = m.Source(name=name, province_code=province, base_url=f"https://{name}")
            s.add(src)
            s.flush()
            self.sources[name] = src.id
        return self.sources[name]

    def article(self, source: str, published: datetime, *, title: str | None = None, status: str = m.VALID,
                duplicate_of: int | None = None) -> tuple[int, int]:
        """An article with one version; returns (article_id, version_id)."""
        n = next(self._seq)
        local = published.astimezone(LOCAL)
        with Session(self.engine) as s, s.begin():
            art = m.Article(
                source_id=self.sources[source], canonical_url=f"https://{source}/xay-dung-dang/bai-{n}.html",
                url=f"https://{source}/xay-dung-dang/bai-{n}.html", title=title or f"Bài viết số {n}",
                body="Nội dung.", published_at=published.astimezone(UTC), published_month=f"{local:%Y-%m}",
                content_hash=f"h{n}", status=status, duplicate_of_id=duplicate_of, is_party_building=True,
            )
            s.add(art)
            s.flush()
            ver = m.ArticleVersion(article_id=art.id, version=1, content_hash=f"h{n}", title=art.title,
                                   body=art.body, published_at=art.published_at)
            s.add(ver)
            s.flush()
            return art.id, ver.id

    def indicator(self, article: tuple[int, int], metric: str, value: float, *, unit: str = "percent",
                  kind: str = "actual", status: str = m.VALID, is_current: bool = True,
                  subject: str | None = None, evidence: str | None = None, qualifier: str = "exact") -> int:
        n = next(self._seq)
        with Session(self.engine) as s, s.begin():
            ind = m.Indicator(
                article_id=article[0], version_id=article[1], is_current=is_current, metric=metric, value=value,
                unit=unit, kind=kind, qualifier=qualifier, denominator=None, year=None, subject=subject,
                evidence=evidence or f"Câu số {n}: {metric} đạt {value}.", start_offset=n, end_offset=n + 4,
                status=status,
            )
            s.add(ind)
            s.flush()
            return ind.id

    def quarantine(self, table: str, row_id: int, reason: str, *, expectation: str = "expect_x",
                   column: str | None = "value", value: str | None = None) -> None:
        with Session(self.engine) as s, s.begin():
            s.add(m.Quarantine(table_name=table, row_id=row_id, expectation=expectation, column_name=column,
                               value=value, reason=reason))


@pytest.fixture
def warehouse_builder():
    """The builder class, for tests that bring their own engine."""
    return Warehouse


@pytest.fixture
def wh(engine) -> Warehouse:
    w = Warehouse(engine)
    w.source("baogialai.com.vn", "gia-lai", "Gia Lai")
    w.source("baohatinh.vn", "ha-tinh", "Hà Tĩnh")
    return w


def local_time(day: str, hour: int = 9) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=LOCAL)


@pytest.fixture
def at():
    """Build a local (Asia/Ho_Chi_Minh) publication time: at("2025-03-10", hour=9)."""
    return local_time
