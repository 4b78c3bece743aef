"""Fixtures for the quality-gate tests: a fresh warehouse per test, on SQLite and (when
CHITIEU_TEST_POSTGRES_URL is set) on PostgreSQL in a schema of its own, plus row builders."""

from __future__ import annotations

import hashlib
import itertools
import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from warehouse.models import Article, ArticleVersion, Base, Indicator, PipelineRun, Source

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
GOOD_BODY = ("Đảng bộ tỉnh tổ chức hội nghị sơ kết công tác xây dựng Đảng sáu tháng đầu năm. "
             "Toàn tỉnh kết nạp 1.245 đảng viên mới, đạt 103,5% kế hoạch; 92,4% tổ chức cơ sở đảng "
             "hoàn thành tốt nhiệm vụ trở lên. Hội nghị đề ra nhiệm vụ trọng tâm cho sáu tháng cuối năm.")
assert len(GOOD_BODY) >= 200

PG_URL = os.environ.get("CHITIEU_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        eng = sa.create_engine(f"sqlite:///{tmp_path / 'warehouse.db'}")
        Base.metadata.create_all(eng)
        yield eng
        eng.dispose()
        return
    if not PG_URL:
        pytest.skip("CHITIEU_TEST_POSTGRES_URL not set")
    schema = f"t_gate_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    eng = sa.create_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        Base.metadata.create_all(eng)
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@dataclass
class Warehouse:
    """Inserts rows directly (no loader), the way a buggy or hostile page would leave them."""

    engine: sa.Engine
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def source(self, name: str = "baogialai.com.vn", *, cadence: float | None = 24.0, status: str = "active",
               ) -> int:
        with self.engine.begin() as conn:
            return conn.execute(sa.insert(Source).values(
                name=name, base_url=f"https://{name}", status=status,
                expected_cadence_hours=cadence).returning(Source.id)).scalar_one()

    def run(self, flow: str = "nightly", *, counts: dict | None = None, status: str = "running",
            started_at: datetime = NOW) -> int:
        with self.engine.begin() as conn:
            return conn.execute(sa.insert(PipelineRun).values(
                flow_name=flow, status=status, counts=counts, started_at=started_at).returning(PipelineRun.id)
            ).scalar_one()

    def article(self, source_id: int, *, run_id: int | None = None, title: str = "Hội nghị sơ kết",
                body: str = GOOD_BODY, published_at: datetime | None = NOW - timedelta(hours=5),
                url: str | None = None, status: str = "pending") -> int:
        n = next(self.ids)
        url = url or f"https://example.vn/bai-{n}.html"
        month = published_at.strftime("%Y-%m") if published_at else None
        with self.engine.begin() as conn:
            aid = conn.execute(sa.insert(Article).values(
                source_id=source_id, canonical_url=url, url=url, title=title, body=body,
                published_at=published_at, published_month=month, content_hash=hashlib.sha256(url.encode()).hexdigest(),
                status=status, run_id=run_id).returning(Article.id)).scalar_one()
            conn.execute(sa.insert(ArticleVersion).values(
                article_id=aid, version=1, content_hash="h", title=title, body=body, published_at=published_at))
        return aid

    def indicators(self, article_id: int, rows: list[dict], *, run_id: int | None = None) -> list[int]:
        with self.engine.begin() as conn:
            version_id = conn.execute(sa.select(ArticleVersion.id).where(ArticleVersion.article_id == article_id)
                                      ).scalar_one()
            values = []
            for row in rows:
                offset = next(self.ids)
                base = dict(metric="new_members", value=120.0, unit="count", kind="actual", qualifier="exact",
                            year=2026, evidence="Toàn tỉnh kết nạp 120 đảng viên mới.")
                base.update(row)
                values.append(dict(base, article_id=article_id, version_id=version_id, start_offset=offset,
                                   end_offset=offset + 3, run_id=run_id))
            return list(conn.execute(sa.insert(Indicator).returning(Indicator.id, sort_by_parameter_order=True),
                                     values).scalars())

    def statuses(self, model) -> dict[int, str]:
        with self.engine.connect() as conn:
            return {i: s for i, s in conn.execute(sa.select(model.id, model.status))}

    def quarantine(self) -> list[dict]:
        from warehouse.models import Quarantine

        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(sa.select(Quarantine.__table__).order_by(Quarantine.id))]


@pytest.fixture
def wh(engine) -> Warehouse:
    return Warehouse(engine)
