"""Discovery: feeds, sitemaps and listings parsed defensively, and nightly/backfill walks that stop
where they should (checked by which URLs the test server was actually asked for)."""

from __future__ import annotations

import gzip
import time
from datetime import UTC, date, datetime

import pytest
from pytest_httpserver import HTTPServer

from chitieu.settings import Settings
from scrapers.archive import WarcArchive
from scrapers.config import Listing, Source
from scrapers.discovery import (
    DiscoveryError,
    discover,
    listing_page_url,
    parse_feed,
    parse_listing,
    parse_sitemap,
    read_feed,
)
from scrapers.fetch import Fetcher

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Báo Ví Dụ</title>
<item><title>Hội nghị Ban Chấp hành Đảng bộ tỉnh</title>
  <link>https://example.vn/hoi-nghi-ban-chap-hanh-post501.html?gidzl=abc&amp;utm_source=zalo</link>
  <pubDate>Tue, 17 Jun 2025 13:43:02 +0700</pubDate></item>
<item><title>Kết nạp đảng viên mới</title><link>{base}/ket-nap-dang-vien-post502.html</link>
  <pubDate>Mon, 16 Jun 2025 08:00:00 +0700</pubDate></item>
<item><title>Dup</title><link>https://example.vn/hoi-nghi-ban-chap-hanh-post501.html#top</link></item>
<item><title>Ảnh</title><link>https://example.vn/bao-anh/chum-anh-post503.html</link></item>
<item><title>Chuyên mục</title><link>https://example.vn/chinh-tri/</link></item>
<item><title>Nơi khác</title><link>https://other.vn/bai-post504.html</link></item>
</channel></rss>"""

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol9;</loc></url></urlset>"""


def urlset(*entries: tuple[str, str]) -> str:
    items = "".join(
        f"<url><loc>{loc}</loc><news:news><news:publication_date>{when}</news:publication_date>"
        f"<news:title>T</news:title></news:news></url>" for loc, when in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{items}</urlset>')


def listing_html(*items: tuple[str, str | None]) -> str:
    blocks = "".join(
        f'<article class="story"><h3><a class="cms-link" href="{href}">Tin {i}</a></h3>'
        + (f'<time datetime="{when}">x</time>' if when else "") + "</article>"
        for i, (href, when) in enumerate(items))
    return f"<html><body><nav><a href='/chinh-tri/'>Chính trị</a></nav>{blocks}</body></html>"



def make_source(base: str | None = None, **discovery) -> Source:
    config = {
        "feeds": ["/rss/home.rss"],
        "sitemaps": [],
        "listings": [{"url": "/chinh-tri/", "pagination": "?page={n}", "link_selector": "article a[href]",
                      "max_pages": 3}],
        "article_url_pattern": r"-post\d+\.html$",
        "exclude_url_patterns": [r"/bao-anh/"],
    }
    config.update(discovery)
    return Source(name="example.vn", province="gia-lai", province_name="Gia Lai", base_url="https://example.vn",
                  domains=["example.vn"], fetch_base=base, discovery=config, politeness={"delay_seconds": 0})


@pytest.fixture
def tools(tmp_path):
    fetcher = Fetcher(Settings(data_dir=tmp_path, politeness_delay=0.0, connect_timeout=1.0, read_timeout=1.0),
                      backoff_factor=0.01, retries=1)
    yield fetcher, WarcArchive(tmp_path)
    fetcher.close()


def requested(server: HTTPServer) -> list[str]:
    return [req.full_path.rstrip("?") for req, _ in server.log if req.path != "/robots.txt"]


# -- pure parsing ---------------------------------------------------------------------------------

def test_feed_keeps_owned_article_urls_in_canonical_form():
    base = "http://127.0.0.1:9999"
    source = make_source(base)
    links = parse_feed(RSS.format(base=base).encode(), source)
    assert [link.url for link in links] == [
        "https://example.vn/hoi-nghi-ban-chap-hanh-post501.html",  # tracking query and fragment gone
        "https://example.vn/ket-nap-dang-vien-post502.html",  # transport URL mapped back to the real host
    ]
    assert links[0].published_at == datetime(2025, 6, 17, 6, 43, 2, tzinfo=UTC)
    assert links[0].title == "Hội nghị Ban Chấp hành Đảng bộ tỉnh"


def test_broken_feed_xml():
    source = make_source()
    truncated = RSS.format(base="https://example.vn").encode()[:420]
    read = read_feed(truncated, source)
    assert read.problem and [link.url for link in read.links] == ["https://example.vn/hoi-nghi-ban-chap-hanh-post501.html"]
    with pytest.raises(DiscoveryError, match="broken feed XML"):
        parse_feed(b"garbage <<<< &&& <rss", source)
    with pytest.raises(DiscoveryError, match="not a feed"):
        parse_feed("<html><body><p>Trang chủ</p></body></html>".encode(), source)


def test_sitemap_index_and_news_urlset():
    index = parse_sitemap(b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>https://example.vn/sitemaps/news-2025-6.xml</loc><lastmod>2025-06-30T10:00:00+07:00</lastmod></sitemap>
        <sitemap><loc>https://example.vn/sitemaps/categories.xml</loc></sitemap></sitemapindex>""")
    assert index.urls == [] and index.children == ["https://example.vn/sitemaps/news-2025-6.xml",
                                                    "https://example.vn/sitemaps/categories.xml"]
    assert index.child_lastmod["https://example.vn/sitemaps/news-2025-6.xml"] == datetime(2025, 6, 30, 3, tzinfo=UTC)
    body = urlset(("https://example.vn/a-post1.html", "2025-06-17T13:43:02+07:00"))
    for content in (body.encode(), gzip.compress(body.encode())):
        sitemap = parse_sitemap(content)
        assert sitemap.children == [] and sitemap.urls[0].url == "https://example.vn/a-post1.html"
        assert sitemap.urls[0].published_at == datetime(2025, 6, 17, 6, 43, 2, tzinfo=UTC)


def test_sitemap_xml_bomb_is_refused_not_expanded():
    started = time.monotonic()
    with pytest.raises(DiscoveryError, match="refused: EntitiesForbidden"):
        parse_sitemap(BOMB)
    assert time.monotonic() - started < 0.5
    with pytest.raises(DiscoveryError, match="broken sitemap XML"):
        parse_sitemap(b"<urlset><url><loc>https://example.vn/a-post1.html</loc></url")


def test_listing_links_resolve_filter_and_carry_nearby_dates():
    source = make_source()
    page = listing_html(("/chinh-tri/a-post11.html", "2025-06-17T09:00:00+07:00"),
                        ("b-post12.html", "17/06/2025 08:15"),
                        ("https://example.vn/bao-anh/c-post13.html", None),
                        ("https://other.vn/d-post14.html", None),
                        ("/chinh-tri/a-post11.html?utm_source=x", None))
    links = parse_listing(page, "https://example.vn/chinh-tri/", source.discovery.listings[0], source)
    assert [link.url for link in links] == ["https://example.vn/chinh-tri/a-post11.html",
                                            "https://example.vn/chinh-tri/b-post12.html"]
    assert links[0].published_at == datetime(2025, 6, 17, 2, tzinfo=UTC)
    assert links[1].published_at == datetime(2025, 6, 17, 1, 15, tzinfo=UTC)  # naive => Asia/Ho_Chi_Minh
    assert links[0].title == "Tin 0"


def test_listing_page_urls():
    source = make_source()
    query = Listing(url="/chinh-tri/", pagination="?page={n}")
    assert listing_page_url(source, query, 1) == "https://example.vn/chinh-tri/"
    assert listing_page_url(source, query, 3) == "https://example.vn/chinh-tri/?page=3"
    assert listing_page_url(source, Listing(url="/c.html?x=1", pagination="?page={n}"), 2) == \
        "https://example.vn/c.html?x=1&page=2"
    assert listing_page_url(source, Listing(url="/chinh-tri", pagination="trang-{n}.html"), 2) == \
        "https://example.vn/chinh-tri/trang-2.html"
    assert listing_page_url(source, Listing(url="/xay-dung-dang-23.html", pagination="/xay-dung-dang-23/p{n}"), 4) == \
        "https://example.vn/xay-dung-dang-23/p4"


# -- discover() against a server ------------------------------------------------------------------

def test_nightly_feed_then_listing_stops_at_known_urls(server, tools):
    fetcher, archive = tools
    base = server.url_for("/").rstrip("/")
    source = make_source(base)
    server.expect_request("/rss/home.rss").respond_with_data(RSS.format(base=base), content_type="application/rss+xml")
    server.expect_request("/chinh-tri/", query_string="").respond_with_data(listing_html(
        ("/chinh-tri/n1-post601.html", None), ("/chinh-tri/n2-post602.html", None),
        ("/chinh-tri/n3-post603.html", None), ("/chinh-tri/old-post400.html", None)), content_type="text/html")
    server.expect_request("/chinh-tri/", query_string="page=2").respond_with_data(listing_html(
        ("/chinh-tri/n4-post604.html", None), ("/chinh-tri/old-post399.html", None),
        ("/chinh-tri/old-post398.html", None)), content_type="text/html")
    server.expect_request("/chinh-tri/", query_string="page=3").respond_with_data(listing_html(), content_type="text/html")
    known = {"https://example.vn/ket-nap-dang-vien-post502.html", "https://example.vn/chinh-tri/old-post400.html",
             "https://example.vn/chinh-tri/old-post399.html", "https://example.vn/chinh-tri/old-post398.html"}
    found = discover(source, fetcher, archive, known=known, watermark=datetime(2025, 6, 16, tzinfo=UTC))
    assert [link.url for link in found.links] == [
        "https://example.vn/hoi-nghi-ban-chap-hanh-post501.html",
        "https://example.vn/chinh-tri/n1-post601.html", "https://example.vn/chinh-tri/n2-post602.html",
        "https://example.vn/chinh-tri/n3-post603.html", "https://example.vn/chinh-tri/n4-post604.html",
    ]
    # page 2 was mostly known, so page 3 was never asked for
    assert requested(server) == ["/rss/home.rss", "/chinh-tri/", "/chinh-tri/?page=2"]
    assert [p.page_type for p in found.pages] == ["feed", "listing", "listing"]
    assert all(p.ref is not None for p in found.pages) and found.errors == []
    assert archive.read(found.pages[0].ref.file, found.pages[0].ref.offset).content == found.pages[0].result.content


def test_nightly_conditional_feed_and_channel_errors_do_not_stop_the_run(server, tools):
    fetcher, archive = tools
    source = make_source(server.url_for("/").rstrip("/"), feeds=["/rss/home.rss", "/rss/broken.rss"])
    server.expect_request("/rss/home.rss", headers={"If-None-Match": '"f1"'}).respond_with_data("", status=304)
    server.expect_request("/rss/broken.rss").respond_with_data("<rss><channel><<<", content_type="text/xml")
    server.expect_request("/chinh-tri/", query_string="").respond_with_data(
        listing_html(("/chinh-tri/n1-post601.html", None)), content_type="text/html")
    server.expect_request("/chinh-tri/", query_string="page=2").respond_with_data(
        listing_html(), content_type="text/html")  # past the end: no links, the walk stops
    found = discover(source, fetcher, archive, known=set(), watermark=None,
                     conditional={"https://example.vn/rss/home.rss": ('"f1"', None)})
    assert [link.url for link in found.links] == ["https://example.vn/chinh-tri/n1-post601.html"]
    assert found.pages[0].result.not_modified
    assert any(e.startswith("feed https://example.vn/rss/broken.rss: broken feed XML") for e in found.errors)
    assert [p.page_type for p in found.pages] == ["feed", "feed", "listing", "listing"]
    assert all(p.ref for p in found.pages)  # the broken feed is archived too
    assert "/chinh-tri/?page=3" not in requested(server)


def test_backfill_walks_only_the_months_asked_for(server, tools):
    fetcher, archive = tools
    base = server.url_for("/").rstrip("/")
    source = make_source(base, feeds=[], sitemaps=["/sitemap.xml"])
    server.expect_request("/sitemap.xml").respond_with_data(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<sitemap><loc>https://example.vn/sitemaps/news-2025-{m}.xml</loc></sitemap>" for m in (5, 6, 7))
        + "</sitemapindex>", content_type="application/xml")
    server.expect_request("/sitemaps/news-2025-6.xml").respond_with_data(urlset(
        ("https://example.vn/a-post701.html", "2025-06-02T08:00:00+07:00"),
        ("https://example.vn/b-post702.html", "2025-06-30T20:00:00+07:00"),
        ("https://example.vn/c-post703.html", "2025-05-31T23:00:00+07:00"),  # before `since`
        ("https://example.vn/chinh-tri/", "2025-06-10T00:00:00+07:00"),  # not an article
    ), content_type="application/xml")
    server.expect_request("/chinh-tri/", query_string="").respond_with_data(listing_html(
        ("/chinh-tri/l1-post801.html", "2025-06-20T10:00:00+07:00")), content_type="text/html")
    server.expect_request("/chinh-tri/", query_string="page=2").respond_with_data(listing_html(
        ("/chinh-tri/l2-post802.html", "2025-06-03T10:00:00+07:00"),
        ("/chinh-tri/l3-post803.html", "2025-05-20T10:00:00+07:00")), content_type="text/html")
    found = discover(source, fetcher, archive, known={"https://example.vn/a-post701.html"}, watermark=None,
                     since=date(2025, 6, 1), until=date(2025, 6, 30), mode="backfill")
    assert [link.url for link in found.links] == [
        "https://example.vn/b-post702.html",
        "https://example.vn/chinh-tri/l1-post801.html", "https://example.vn/chinh-tri/l2-post802.html",
    ]
    assert requested(server) == ["/sitemap.xml", "/sitemaps/news-2025-6.xml", "/chinh-tri/", "/chinh-tri/?page=2"]
    assert [p.page_type for p in found.pages] == ["sitemap", "sitemap", "listing", "listing"]


def test_sitemap_bomb_in_a_run_is_an_error_and_archived(server, tools):
    fetcher, archive = tools
    source = make_source(server.url_for("/").rstrip("/"), feeds=[], listings=[], sitemaps=["/sitemap.xml"])
    server.expect_request("/sitemap.xml").respond_with_data(BOMB, content_type="application/xml")
    found = discover(source, fetcher, archive, known=set(), watermark=None, since=date(2025, 6, 1), mode="backfill")
    assert found.links == []
    assert found.errors == ["sitemap https://example.vn/sitemap.xml: sitemap refused: EntitiesForbidden "
                            "(entity declarations are not expanded)"]
    ref = found.pages[0].ref
    assert archive.read(ref.file, ref.offset).content == BOMB  # the evidence is kept as served
