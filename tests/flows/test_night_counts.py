"""One source's night counts what happened to each article once, with each failure's reason once.

These counts are what `chitieu run` prints, the Prefect artifact shows and pipeline_runs keeps.
"""

from __future__ import annotations

from pytest_httpserver import HTTPServer

from chitieu.settings import Settings
from pipeline.steps import crawl_and_process
from scrapers.archive import WarcArchive
from scrapers.config import Source
from scrapers.fetch import Fetcher
from warehouse import load
from warehouse.db import ensure_schema, make_engine

ARTICLE = ("<html><head><meta charset='utf-8'><title>Kết nạp đảng viên</title>"
           "<meta property='og:type' content='article'>"
           "<meta property='article:published_time' content='2025-06-10T08:00:00+07:00'></head>"
           "<body><h1>Kết nạp đảng viên mới</h1><article><p>Năm 2025, Đảng bộ xã đã kết nạp 25 đảng viên mới, "
           "đạt 125% chỉ tiêu được giao.</p><p>Toàn Đảng bộ có 98% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ "
           "trở lên trong năm qua, tăng so với năm trước.</p></article></body></html>")


def test_each_failed_article_is_counted_and_explained_once(httpserver: HTTPServer, tmp_path):
    paths = ["/ok-post1.html", "/busy-post2.html", "/empty-post3.html", "/blank-post4.html"]
    items = "".join(f"<item><title>{p}</title><link>https://example.vn{p}</link></item>" for p in paths)
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/rss/home.rss").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
        content_type="application/rss+xml")
    httpserver.expect_request(paths[0]).respond_with_data(ARTICLE, content_type="text/html; charset=utf-8")
    httpserver.expect_request(paths[1]).respond_with_data("busy", status=503)
    httpserver.expect_request(paths[2]).respond_with_data("", content_type="text/html")
    httpserver.expect_request(paths[3]).respond_with_data("<html><body></body></html>", content_type="text/html")
    source = Source(name="example.vn", province="gia-lai", province_name="Gia Lai", base_url="https://example.vn",
                    domains=["example.vn"], fetch_base=httpserver.url_for("/").rstrip("/"),
                    discovery={"feeds": ["/rss/home.rss"], "article_url_pattern": r"-post\d+\.html$"},
                    politeness={"delay_seconds": 0})
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'wh.db'}", data_dir=tmp_path / "data",
                        politeness_delay=0.0, read_timeout=2.0)
    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    load.sync_sources(engine, [source])
    with Fetcher(settings, retries=1, backoff_factor=0.01) as fetcher:
        counts = crawl_and_process(engine, load.start_run(engine, "nightly"), source, settings,
                                   fetcher=fetcher, archive=WarcArchive(settings.data_dir))
    engine.dispose()

    assert (counts.discovered, counts.failed, counts.parse_failed, counts.parsed) == (4, 2, 1, 1)
    for path in paths[1:]:
        mentions = [e for e in counts.errors if f"https://example.vn{path}" in e]
        assert len(mentions) == 1, (path, counts.errors)
    assert not any("https://example.vn/ok-post1.html" in e for e in counts.errors)
