"""Warehouse loading: indicator rows per second, the project's bulk loader against a row-at-a-time loop.

The peer is the naive loader anyone would write first: for every article one INSERT for the
article, one for its version and one per indicator, all in a single transaction (so the difference
measured is round trips and statement overhead, not commit cost). Both write the same rows into a
fresh database of their own: a temp SQLite file, and a throw-away PostgreSQL schema that is dropped
afterwards.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from benchmarks.common import Result, Size, unavailable

TITLE = "Kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng năm {year} (bài {i})"
EVIDENCE = "Toàn tỉnh có {v} tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ, đạt {p}%."
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SOURCE = SimpleNamespace(name="bench.example.vn", province="bench", province_name="Bench", status="active",
                         base_url="https://bench.example.vn", family=None, expected_cadence_hours=24.0)


def make_items(n_articles: int, per_article: int, seed: int = 7) -> list:
    """Deterministic LoadItems: articles with `per_article` indicators each."""
    from indicators.record import Indicator
    from scrapers.records import ParsedArticle
    from warehouse.load import LoadItem

    rng = random.Random(seed)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    items = []
    for i in range(n_articles):
        body_parts, indicators, offset = [], [], 0
        for k in range(per_article):
            sentence = EVIDENCE.format(v=rng.randint(10, 900), p=f"{rng.uniform(50, 99):.1f}".replace(".", ","))
            indicators.append(Indicator(
                metric=("org_good_rate", "member_good_rate", "new_members")[k % 3], value=rng.uniform(1, 99),
                unit="percent", kind="actual", qualifier="exact", denominator=None, year=2025, subject=None,
                evidence=sentence, start=offset + 12, end=offset + 16, evidence_start=offset,
                evidence_end=offset + len(sentence)))
            body_parts.append(sentence)
            offset += len(sentence) + 2
        article = ParsedArticle(
            url=f"https://bench.example.vn/bai-{i}.html", canonical_url=f"https://bench.example.vn/bai-{i}.html",
            source=SOURCE.name, title=TITLE.format(year=2025, i=i), sapo=None,
            body="\n\n".join(body_parts) + f"\n\nBài số {i} {rng.random()}",
            published_at=start + timedelta(hours=i), layout="bench")
        items.append(LoadItem(article=article, indicators=indicators, raw_page_id=None, is_party_building=True,
                              source_name=SOURCE.name))
    return items


@contextmanager
def fresh_engine(backend: str, postgres_url: str) -> Iterator:
    """An upgraded, empty warehouse that disappears afterwards."""
    from sqlalchemy import text

    from warehouse.db import make_engine, upgrade

    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="chitieu-bench-") as tmp:
            engine = make_engine(f"sqlite:///{Path(tmp) / 'wh.db'}")
            upgrade(engine)
            try:
                yield engine
            finally:
                engine.dispose()
        return
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = make_engine(postgres_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(postgres_url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def bulk_load(engine, items) -> float:
    """Seconds for the project's loader to load `items` (one call, as a night loads one source)."""
    from warehouse import load

    load.sync_sources(engine, [SOURCE])
    run_id = load.start_run(engine, "benchmark")
    started = time.perf_counter()
    load.load_articles(engine, run_id, items)
    return time.perf_counter() - started


def row_at_a_time(engine, items) -> float:
    """Seconds for the naive loop writing the same rows, one statement per row, one transaction."""
    from sqlalchemy import insert

    from warehouse import load
    from warehouse.models import PENDING, Article, ArticleVersion, Indicator

    source_id = load.sync_sources(engine, [SOURCE])[SOURCE.name]
    run_id = load.start_run(engine, "benchmark")
    started = time.perf_counter()
    with engine.begin() as connection:
        for item in items:
            a = item.article
            digest = load.content_hash(a)
            article_id = connection.execute(insert(Article).values(
                source_id=source_id, canonical_url=a.canonical_url, url=a.url, title=a.title, sapo=a.sapo,
                body=a.body, published_at=a.published_at, published_month=load.published_month(a.published_at),
                layout=a.layout, content_hash=digest, current_version=1, is_party_building=item.is_party_building,
                status=PENDING, run_id=run_id).returning(Article.id)).scalar_one()
            version_id = connection.execute(insert(ArticleVersion).values(
                article_id=article_id, version=1, content_hash=digest, title=a.title, sapo=a.sapo, body=a.body,
                published_at=a.published_at, run_id=run_id).returning(ArticleVersion.id)).scalar_one()
            for ind in item.indicators:
                connection.execute(insert(Indicator).values(
                    article_id=article_id, version_id=version_id, is_current=True, metric=ind.metric,
                    value=ind.value, unit=ind.unit, kind=ind.kind, qualifier=ind.qualifier,
                    denominator=ind.denominator, year=ind.year, subject=ind.subject, evidence=ind.evidence,
                    start_offset=ind.start, end_offset=ind.end, evidence_start=ind.evidence_start,
                    evidence_end=ind.evidence_end, status=PENDING, run_id=run_id))
    return time.perf_counter() - started


def count_indicators(engine) -> int:
    from sqlalchemy import func, select

    from warehouse.models import Indicator

    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(Indicator)).scalar_one()


def backends(result: Result, postgres_url: str) -> Iterator[str]:
    """"sqlite", then "postgresql" when it answers (else a note on `result` saying why it was left out)."""
    yield "sqlite"
    reason = postgres_reachable(postgres_url)
    if reason:
        result.notes.append(f"PostgreSQL not available ({reason}); set CHITIEU_TEST_POSTGRES_URL.")
    else:
        yield "postgresql"


def postgres_reachable(url: str) -> str | None:
    """None when PostgreSQL answers, else the one-line reason."""
    try:
        from sqlalchemy import text

        from warehouse.db import make_engine

        engine = make_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not available here"
        return f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}"


def run(size: Size = "full") -> Result:
    title = "Warehouse loading (indicator rows/second)"
    try:
        from warehouse import load
        from warehouse.db import upgrade  # noqa: F401
    except ImportError as exc:
        return unavailable("warehouse_load", title, exc)
    n_articles, per_article = {"full": (1000, 10), "quick": (200, 10), "smoke": (10, 3)}[size]
    items = make_items(n_articles, per_article)
    rows_expected = n_articles * per_article
    postgres_url = os.environ.get("CHITIEU_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    result = Result("warehouse_load", title,
                    ["backend", "articles", "indicator rows", "bulk rows/s", "row-at-a-time rows/s",
                     "bulk / row-at-a-time"])
    for backend in backends(result, postgres_url):
        timings = {}
        for name, loader in (("bulk", bulk_load), ("row", row_at_a_time)):
            with fresh_engine(backend, postgres_url) as engine:
                seconds = loader(engine, items)
                loaded = count_indicators(engine)
            result.facts[f"{backend}/{name} rows"] = loaded
            if loaded != rows_expected:
                result.notes.append(f"{backend}/{name}: loaded {loaded} indicator rows, expected {rows_expected}")
            timings[name] = seconds
        result.rows.append([backend, n_articles, rows_expected, rows_expected / timings["bulk"],
                            rows_expected / timings["row"], timings["row"] / timings["bulk"]])
        helper = getattr(load, "benchmark_indicator_inserts", None)
        if helper is not None:  # the loader's own micro-benchmark: the indicators table alone
            with fresh_engine(backend, postgres_url) as engine:
                rates = helper(engine, rows_expected)
            result.rows.append([f"{backend}, indicators table only", "-", rows_expected, rates["bulk"],
                                rates["row_at_a_time"], rates["bulk"] / rates["row_at_a_time"]])
    result.notes.append(
        "bulk = `warehouse.load.load_articles` (articles, versions, indicators, SimHash duplicate linking, "
        "all in one transaction); row-at-a-time = one INSERT per article, version and indicator in one "
        "transaction (no dedup). Rows/s counts indicator rows; the bulk time includes the article rows too. "
        "The 'indicators table only' rows are `warehouse.load.benchmark_indicator_inserts`: one executemany vs "
        "one INSERT per row into the indicators table alone, rolled back.")
    result.facts["rows expected"] = rows_expected
    if size != "full":
        result.notes.append(f"--{size}: {n_articles:,} articles × {per_article} indicators instead of 1,000 × 10.")
    return result


if __name__ == "__main__":
    import sys

    print(run("quick" if "--quick" in sys.argv else "full").markdown())
