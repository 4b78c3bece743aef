"""crawl_source: discovery, then every new article fetched and archived; failures come back as pages
with their reason and are fetched again by the next run."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from chitieu.settings import Settings
from scrapers.archive import WarcArchive
from scrapers.config import Source
from scrapers.crawl import crawl_source
from scrapers.fetch import Fetcher


def rss(*paths: str) -> str:
    items = "".join(f"<item><title>{p}</title><link>https://example.vn{p}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'


def article(n: int) -> str:
    return f"<html><head><meta charset='utf-8'></head><body><h1>Bài {n}</h1><p>Có {n * 100} đảng viên.</p></body></html>"



def make_source(server: HTTPServer, max_articles: int = 500) -> Source:
    return Source(name="example.vn", province="gia-lai", province_name="Gia Lai", base_url="https://example.vn",
                  domains=["example.vn"], fetch_base=server.url_for("/").rstrip("/"),
                  discovery={"feeds": ["/rss/home.rss"], "article_url_pattern": r"-post\d+\.html$"},
                  politeness={"delay_seconds": 0, "max_articles_per_run": max_articles})


@pytest.fixture
def tools(tmp_path):
    fetcher = Fetcher(Settings(data_dir=tmp_path, politeness_delay=0.0, connect_timeout=1.0, read_timeout=1.0),
                      backoff_factor=0.01, retries=2)
    yield fetcher, WarcArchive(tmp_path)
    fetcher.close()


def test_crawl_fetches_archives_and_reports_each_article(server, tools):
    fetcher, archive = tools
    server.expect_request("/rss/home.rss").respond_with_data(
        rss("/a-post1.html", "/b-post2.html", "/c-post3.html"), content_type="application/rss+xml")
    server.expect_request("/a-post1.html").respond_with_data(article(1), content_type="text/html")
    server.expect_request("/b-post2.html").respond_with_data("busy", status=503)
    server.expect_request("/c-post3.html", headers={"If-None-Match": '"c3"'}).respond_with_data("", status=304)
    seen = []
    result = crawl_source(make_source(server), fetcher, archive, known=set(),
                          conditional={"https://example.vn/c-post3.html": ('"c3"', None)},
                          progress=lambda done, total, r: seen.append((done, total, r.url)))
    assert (result.source, result.discovered, result.fetched, result.failed, result.not_modified) == \
        ("example.vn", 3, 1, 1, 1)
    assert [p.page_type for p in result.pages] == ["feed", "article", "article", "article"]
    failed = result.pages[2]
    assert failed.result.error == "HTTP 503 after 2 retries" and failed.ref is not None
    assert archive.read(failed.ref.file, failed.ref.offset).error == "HTTP 503 after 2 retries"
    assert "article https://example.vn/b-post2.html: HTTP 503 after 2 retries" in result.errors
    assert [s[0] for s in seen] == [1, 2, 3] and all(s[1] == 3 for s in seen)
    # everything can be re-read without the network (the reparse flow's input)
    replay = {resp.url: resp for _, resp in archive.iter_responses("example.vn")}
    assert "Bài 1" in replay["https://example.vn/a-post1.html"].content.decode()
    assert replay["https://example.vn/c-post3.html"].not_modified


def test_next_run_retries_what_failed(server, tools):
    fetcher, archive = tools
    source = make_source(server)
    server.expect_request("/rss/home.rss").respond_with_data(rss("/a-post1.html", "/b-post2.html"),
                                                             content_type="application/rss+xml")
    server.expect_request("/a-post1.html").respond_with_data(article(1), content_type="text/html")
    server.expect_oneshot_request("/b-post2.html").respond_with_data("", status=404)
    server.expect_request("/b-post2.html").respond_with_data(article(2), content_type="text/html")
    first = crawl_source(source, fetcher, archive, known=set())
    assert first.failed == 1 and first.fetched == 1
    # the warehouse loads only what arrived whole, so only that becomes known
    known = {p.result.url for p in first.pages if p.page_type == "article" and p.result.ok}
    second = crawl_source(source, fetcher, archive, known=known)
    assert second.discovered == 1 and second.fetched == 1 and second.failed == 0
    assert [p.result.url for p in second.articles] == ["https://example.vn/b-post2.html"]


def test_max_articles_per_run_leaves_the_rest_for_later(server, tools):
    fetcher, archive = tools
    paths = [f"/tin-{n}-post{n}.html" for n in range(1, 6)]
    server.expect_request("/rss/home.rss").respond_with_data(rss(*paths), content_type="application/rss+xml")
    for n, path in enumerate(paths, start=1):
        server.expect_request(path).respond_with_data(article(n), content_type="text/html")
    source = make_source(server, max_articles=2)
    first = crawl_source(source, fetcher, archive, known=set())
    assert first.discovered == 5 and first.fetched == 2
    assert any("3 article links left for the next run" in e for e in first.errors)
    known = {p.result.url for p in first.articles}
    second = crawl_source(source, fetcher, archive, known=known)
    assert second.discovered == 3 and second.fetched == 2
    assert not known & {p.result.url for p in second.articles}


def test_unchanged_feed_still_yields_the_links_that_failed(server, tools):
    """A 304 on the feed must not hide an article whose fetch failed the night the feed was read."""
    fetcher, archive = tools
    source = make_source(server)

    def feed(request):
        from werkzeug.wrappers import Response

        if request.headers.get("If-None-Match") == '"f1"':
            return Response(status=304, headers={"ETag": '"f1"'})
        return Response(rss("/a-post1.html", "/b-post2.html"), content_type="application/rss+xml",
                        headers={"ETag": '"f1"'})

    server.expect_request("/rss/home.rss").respond_with_handler(feed)
    server.expect_request("/a-post1.html").respond_with_data(article(1), content_type="text/html")
    server.expect_oneshot_request("/b-post2.html").respond_with_data("", status=500)
    server.expect_oneshot_request("/b-post2.html").respond_with_data("", status=500)
    server.expect_oneshot_request("/b-post2.html").respond_with_data("", status=500)
    server.expect_request("/b-post2.html").respond_with_data(article(2), content_type="text/html")
    first = crawl_source(source, fetcher, archive, known=set())
    assert first.failed == 1
    conditional = {p.result.url: (p.result.etag, p.result.last_modified) for p in first.pages if p.page_type == "feed"}
    second = crawl_source(source, fetcher, archive, known={"https://example.vn/a-post1.html"}, conditional=conditional)
    assert second.pages[0].result.not_modified
    assert [p.result.url for p in second.articles] == ["https://example.vn/b-post2.html"] and second.fetched == 1


def test_retry_fetches_failed_urls_discovery_no_longer_lists(server, tools):
    fetcher, archive = tools
    server.expect_request("/rss/home.rss").respond_with_data(rss("/c-post3.html"), content_type="application/rss+xml")
    server.expect_request("/c-post3.html").respond_with_data(article(3), content_type="text/html")
    server.expect_request("/old-post1.html").respond_with_data(article(1), content_type="text/html")
    result = crawl_source(make_source(server), fetcher, archive, known=set(),
                          retry={"https://example.vn/old-post1.html", "https://example.vn/c-post3.html"})
    assert result.discovered == 1 and result.fetched == 2
    assert [p.result.url for p in result.articles] == ["https://example.vn/c-post3.html",
                                                      "https://example.vn/old-post1.html"]


def test_sink_takes_pages_in_batches_and_nothing_is_kept(server, tools):
    fetcher, archive = tools
    paths = [f"/a{n}-post{n}.html" for n in range(1, 6)]
    server.expect_request("/rss/home.rss").respond_with_data(rss(*paths), content_type="application/rss+xml")
    for n, path in enumerate(paths, start=1):
        server.expect_request(path).respond_with_data(article(n), content_type="text/html")
    batches: list[list] = []
    result = crawl_source(make_source(server), fetcher, archive, known=set(), sink=batches.append, batch_size=2)
    assert result.pages == [] and result.fetched == 5
    assert [[p.page_type for p in b] for b in batches] == [
        ["feed", "article", "article"], ["article", "article"], ["article"]]
    assert sorted(p.result.url for b in batches for p in b if p.page_type == "article") == sorted(
        f"https://example.vn{p}" for p in paths)
