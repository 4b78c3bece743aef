"""Reparse: the WARC archive alone (no network) rebuilds what the night loaded, adds nothing to a
warehouse that already has it, and keeps each replayed page's link to its raw_pages row."""

from __future__ import annotations

from sqlalchemy import func, select

from chitieu.settings import Settings
from pipeline.steps import crawl_and_process, reparse_archive
from scrapers.archive import WarcArchive
from scrapers.config import load_sources
from scrapers.discovery import article_url
from scrapers.fetch import Fetcher
from warehouse import load, models
from warehouse.db import ensure_schema, make_engine

SOURCE = "baohatinh.vn"  # its robots.txt has no Crawl-delay, so the test runs without waiting


def _counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {m.__tablename__: conn.scalar(select(func.count()).select_from(m))
                for m in (models.Article, models.ArticleVersion, models.Indicator)}


def _warehouse(url: str):
    engine = make_engine(url)
    ensure_schema(engine)
    load.sync_sources(engine, load_sources().values())
    return engine


def test_reparse_rebuilds_from_the_archive_without_network(tmp_path):
    from chitieu.miniweb.server import MiniWeb

    settings = Settings(database_url=f"sqlite:///{tmp_path / 'night.db'}", data_dir=tmp_path / "data",
                        politeness_delay=0.0)
    night = _warehouse(settings.database_url)
    with MiniWeb() as web:
        source = load_sources(web.overrides())[SOURCE]
        source = source.model_copy(update={"politeness": source.politeness.model_copy(update={"delay_seconds": 0})})
        crawled = crawl_and_process(night, load.start_run(night, "nightly"), source, settings,
                                    fetcher=Fetcher(settings), archive=WarcArchive(settings.data_dir))
    assert crawled.loaded > 10
    after_night = _counts(night)
    archive = WarcArchive(settings.data_dir)
    source = load_sources()[SOURCE]  # the real site: any network use would fail loudly

    replay = reparse_archive(night, load.start_run(night, "reparse"), source, archive)
    assert replay.parsed == crawled.parsed and replay.parse_failed == 0
    assert _counts(night) == after_night

    refs = [(ref.file, ref.offset) for ref, response in archive.iter_responses(SOURCE)
            if response.status == 200 and article_url(response.url, source)]
    assert len(load.raw_page_ids(night, refs)) == len(refs)

    fresh = _warehouse(f"sqlite:///{tmp_path / 'fresh.db'}")
    rebuilt = reparse_archive(fresh, load.start_run(fresh, "reparse"), source, archive)
    assert rebuilt.parsed == crawled.parsed
    assert _counts(fresh) == after_night
