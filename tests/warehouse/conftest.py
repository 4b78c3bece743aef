"""Warehouse fixtures: every test runs on SQLite and, when CHITIEU_TEST_POSTGRES_URL is set, on
PostgreSQL, each in a fresh database (a tmp file, or a schema of its own dropped afterwards) so that
parallel test runs never see each other's rows."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, text

from indicators.record import Indicator
from scrapers.config import Source
from scrapers.records import ParsedArticle
from warehouse.db import make_engine, upgrade

POSTGRES_URL = os.environ.get("CHITIEU_TEST_POSTGRES_URL")


@dataclass
class Database:
    """One isolated test database; `new_engine()` opens another engine on it (other "process")."""

    dialect: str
    url: str
    connect_args: dict = field(default_factory=dict)
    engines: list[Engine] = field(default_factory=list)

    def new_engine(self) -> Engine:
        engine = make_engine(self.url, connect_args=dict(self.connect_args)) if self.connect_args \
            else make_engine(self.url)
        self.engines.append(engine)
        return engine


@pytest.fixture(params=[
    "sqlite",
    pytest.param("postgresql", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not POSTGRES_URL, reason="CHITIEU_TEST_POSTGRES_URL is not set"),
    ]),
])
def database(request, tmp_path) -> Iterator[Database]:
    if request.param == "sqlite":
        db = Database("sqlite", f"sqlite:///{tmp_path / 'wh' / 'warehouse.db'}")
        yield db
        for engine in db.engines:
            engine.dispose()
        return
    schema = f"wh_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    db = Database("postgresql", POSTGRES_URL, {"options": f"-csearch_path={schema}"})
    try:
        yield db
    finally:
        for engine in db.engines:
            engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(database: Database) -> Engine:
    engine = database.new_engine()
    upgrade(engine)
    return engine


# ------------------------------------------------------------------ record factories

SOURCES = {
    "baogialai.com.vn": ("gia-lai", "Gia Lai", "https://baogialai.com.vn"),
    "baohatinh.vn": ("ha-tinh", "Hà Tĩnh", "https://baohatinh.vn"),
}

BODY_TEMPLATE = (
    "Năm {year}, Đảng bộ {place} có {orgs} tổ chức cơ sở đảng được đánh giá, xếp loại. Kết quả có "
    "{rate}% đảng viên hoàn thành tốt nhiệm vụ trở lên. Toàn Đảng bộ kết nạp {members} đảng viên mới, "
    "đạt {plan}% kế hoạch năm. Ban Thường vụ yêu cầu các cấp ủy tiếp tục nâng cao chất lượng sinh "
    "hoạt chi bộ, chú trọng công tác phát triển đảng viên trong đoàn viên thanh niên và người lao "
    "động tại các doanh nghiệp ngoài khu vực nhà nước. Hội nghị cũng thống nhất nhiệm vụ trọng tâm "
    "năm tới về kiểm tra, giám sát và thi hành kỷ luật đảng.\n\n"
    "Phát biểu chỉ đạo, đồng chí Bí thư nhấn mạnh việc đổi mới phương thức lãnh đạo của cấp ủy, "
    "gắn trách nhiệm người đứng đầu với kết quả thực hiện nhiệm vụ chính trị của địa phương. Các chi "
    "bộ cần duy trì nền nếp sinh hoạt định kỳ, nâng cao tính lãnh đạo, tính giáo dục và tính chiến "
    "đấu; kịp thời nắm bắt tâm tư, nguyện vọng của nhân dân, giải quyết dứt điểm các vụ việc phức "
    "tạp ngay từ cơ sở.\n\n"
    "Dịp này, nhiều tập thể và cá nhân có thành tích xuất sắc trong công tác xây dựng Đảng được "
    "khen thưởng. Hội nghị đã thảo luận, đóng góp ý kiến vào dự thảo chương trình công tác kiểm tra, "
    "giám sát và kế hoạch học tập, quán triệt các nghị quyết của Trung ương trong thời gian tới."
)


@dataclass
class Factory:
    """Builds realistic ParsedArticle / Indicator / fetched-page records for the loader."""

    base_time: datetime = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)

    def sources(self, names: tuple[str, ...] = tuple(SOURCES)) -> list[Source]:
        return [Source(name=n, province=SOURCES[n][0], province_name=SOURCES[n][1], base_url=SOURCES[n][2],
                       family="onecms", expected_cadence_hours=24) for n in names]

    def body(self, place: str = "huyện Chư Sê", rate: str = "92,5", members: int = 120, **kw) -> str:
        values = {"year": 2024, "orgs": 85, "plan": 104} | kw
        return BODY_TEMPLATE.format(place=place, rate=rate, members=members, **values)

    def article(self, n: int, *, source: str = "baogialai.com.vn", body: str | None = None,
                published_at: datetime | None = None, title: str | None = None) -> ParsedArticle:
        base = SOURCES[source][2]
        url = f"{base}/bai-viet-so-{n}-post{1000 + n}.html"
        return ParsedArticle(
            url=url, canonical_url=url, source=source,
            title=title or f"Bài viết số {n} về công tác xây dựng Đảng",
            sapo="Tổng kết công tác xây dựng Đảng năm 2024.",
            body=body if body is not None else self.body(place=f"xã số {n}", members=100 + n, orgs=40 + n),
            published_at=published_at or self.base_time + timedelta(hours=n),
            tags=("xây dựng Đảng",), layout="onecms",
        )

    def indicators(self, article: ParsedArticle) -> list[Indicator]:
        """Two indicators located in the article text, so offsets are real positions."""
        found = []
        text_ = article.text
        for metric, unit, needle, value in (("member_good_rate", "percent", "% đảng viên", None),
                                            ("new_members", "count", " đảng viên mới", None)):
            end = text_.find(needle)
            if end < 0:
                continue
            start = text_.rfind(" ", 0, end) + 1
            raw = text_[start:end]
            value = float(raw.replace(",", "."))
            found.append(Indicator(metric=metric, value=value, unit=unit, kind="actual", qualifier="exact",
                                   denominator=None, year=2024, subject=None, evidence=text_[max(0, start - 40):end + 20],
                                   start=start, end=end))
        return found

    def page(self, url: str, *, page_type: str = "article", status: int | None = 200, error: str | None = None,
             etag: str | None = None, last_modified: str | None = None, content: bytes = b"<html></html>"):
        headers = {"Content-Type": "text/html; charset=utf-8"}
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        result = FakeResult(url=url, final_url=url, status=status, headers=headers, error=error,
                            fetched_at=datetime.now(UTC), not_modified=status == 304, page_type=page_type,
                            content=content)
        ref = FakeRef(file=f"raw/x/{uuid.uuid4().hex}.warc.gz", offset=0, sha256="ab" * 32) if content else None
        return FakePage(result=result, ref=ref, page_type=page_type)


@dataclass(frozen=True)
class FakeResult:
    url: str
    final_url: str
    status: int | None
    headers: dict
    error: str | None
    fetched_at: datetime
    not_modified: bool
    page_type: str
    content: bytes


@dataclass(frozen=True)
class FakeRef:
    file: str
    offset: int
    sha256: str


@dataclass(frozen=True)
class FakePage:
    result: FakeResult
    ref: FakeRef | None
    page_type: str


@pytest.fixture
def factory() -> Factory:
    return Factory()


@pytest.fixture
def count(engine) -> Callable[..., int]:
    def _count(sql: str, **params) -> int:
        with engine.connect() as connection:
            return connection.execute(text(sql), params).scalar_one()
    return _count

