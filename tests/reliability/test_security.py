"""Security: the crawler stays inside a source's domains, XML cannot blow up, page text is only data.

Every "was it fetched?" question is answered from the request log of a local server standing in for
the outside world, not from what the crawler says it did.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from benchmarks.harness import make_source

INJECTION = "'); DROP TABLE articles; --"
SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def outside():
    """A server that belongs to no source: any request it receives is a leak."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.no_handler_status_code = 200
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


def _origin(server: HTTPServer) -> str:
    return f"http://127.0.0.1:{server.port}"


def _fetcher(settings):
    from scrapers.fetch import Fetcher

    return Fetcher(settings, retries=0, backoff_factor=0.0)


def test_fetcher_refuses_a_url_outside_the_source(settings, httpserver, outside):
    source = make_source("paper-a.vn", httpserver.url_for("").rstrip("/"))
    with _fetcher(settings) as fetcher:
        results = [fetcher.fetch(url, source) for url in (
            _origin(outside) + "/steal.html", "https://evil.example/x.html", "https://paper-a.vn.evil.example/x")]
    assert all(r.error and "not a URL of source" in r.error for r in results)
    assert outside.log == []


@pytest.mark.parametrize("location_kind", ["outside_server", "other_domain", "lookalike_domain"])
def test_redirects_leaving_the_source_are_not_followed(settings, httpserver, outside, location_kind):
    location = {
        "outside_server": _origin(outside) + "/landing.html",
        "other_domain": "https://ads.example.net/landing.html",
        "lookalike_domain": "https://paper-a.vn.ads.example.net/landing.html",
    }[location_kind]
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/a/1.html").respond_with_response(Response(status=302, headers={"Location": location}))
    httpserver.expect_request("/b/2.html").respond_with_response(
        Response(status=301, headers={"Location": "https://paper-a.vn/a/1.html"}))  # in-domain hop, then out
    source = make_source("paper-a.vn", httpserver.url_for("").rstrip("/"))
    with _fetcher(settings) as fetcher:
        direct = fetcher.fetch("https://paper-a.vn/a/1.html", source)
        chained = fetcher.fetch("https://paper-a.vn/b/2.html", source)
    for result in (direct, chained):
        assert result.error and "outside" in result.error
        assert result.content == b""
    assert chained.redirects == ["https://paper-a.vn/a/1.html"]
    assert outside.log == []


def test_feed_and_sitemap_entries_outside_the_source_are_not_fetched(settings, httpserver, outside):
    from scrapers import crawl
    from scrapers.archive import WarcArchive
    from scrapers.config import DiscoveryConfig

    today = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    leak = _origin(outside)
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    feed = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
      <item><title>in</title><link>https://paper-a.vn/tin/ok-1.html</link><pubDate>{datetime.now(UTC):%a, %d %b %Y %H:%M:%S +0000}</pubDate></item>
      <item><title>out</title><link>{leak}/tin/feed-leak-2.html</link></item>
      <item><title>out2</title><link>https://evil.example/tin/feed-leak-3.html</link></item>
    </channel></rss>"""
    sitemap = f"""<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://paper-a.vn/tin/ok-4.html</loc><lastmod>{today}</lastmod></url>
      <url><loc>{leak}/tin/sitemap-leak-5.html</loc><lastmod>{today}</lastmod></url>
      </urlset>"""
    index = f"""<?xml version="1.0" encoding="UTF-8"?>
      <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://paper-a.vn/sitemap-news.xml</loc><lastmod>{today}</lastmod></sitemap>
      <sitemap><loc>{leak}/sitemap-leak.xml</loc><lastmod>{today}</lastmod></sitemap>
      </sitemapindex>"""
    httpserver.expect_request("/rss/home.rss").respond_with_data(feed, content_type="application/rss+xml")
    httpserver.expect_request("/sitemap.xml").respond_with_data(index, content_type="application/xml")
    httpserver.expect_request("/sitemap-news.xml").respond_with_data(sitemap, content_type="application/xml")
    page = "<html><head><title>x</title></head><body><h1>x</h1><p>x</p></body></html>"
    httpserver.expect_request("/tin/ok-1.html").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/tin/ok-4.html").respond_with_data(page, content_type="text/html")
    base = httpserver.url_for("").rstrip("/")
    # nightly reads the feeds; a source with only sitemaps reads the sitemap index instead
    by_feed = make_source("paper-a.vn", base, discovery=DiscoveryConfig(
        feeds=["/rss/home.rss"], article_url_pattern=r"/tin/"))
    by_sitemap = make_source("paper-a.vn", base, discovery=DiscoveryConfig(
        sitemaps=["/sitemap.xml"], article_url_pattern=r"/tin/"))
    fetched: set[str] = set()
    with _fetcher(settings) as fetcher:
        for source in (by_feed, by_sitemap):
            result = crawl.crawl_source(source, fetcher, WarcArchive(settings.data_dir), known=set(),
                                        conditional={}, watermark=None, since=None, until=None, mode="nightly")
            fetched |= {p.result.url for p in result.pages if p.result.status is not None}
            refused = [p.result for p in result.pages if "leak" in p.result.url or "evil" in p.result.url]
            assert all(r.status is None and r.error for r in refused), refused
    assert outside.log == []
    assert not any("leak" in u or "evil.example" in u for u in fetched)
    assert {"https://paper-a.vn/tin/ok-1.html", "https://paper-a.vn/tin/ok-4.html"} <= fetched


BILLION_LAUGHS_DTD = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
 <!ENTITY ext SYSTEM "file:///etc/passwd">
]>
"""
LAUGHING_SITEMAP = BILLION_LAUGHS_DTD + """<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://paper-a.vn/tin/&lol9;-1.html</loc></url><url><loc>https://paper-a.vn/&ext;</loc></url></urlset>"""
LAUGHING_FEED = BILLION_LAUGHS_DTD + """<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://paper-a.vn/tin/&lol9;-2.html</link><description>&ext;</description></item>
</channel></rss>"""


@pytest.mark.parametrize("kind", ["sitemap", "feed"])
def test_xml_entity_expansion_is_refused(kind):
    from scrapers import discovery
    source = make_source("paper-a.vn", None)
    started = time.perf_counter()
    try:
        if kind == "sitemap":
            out = discovery.parse_sitemap(LAUGHING_SITEMAP.encode())
        else:
            out = discovery.parse_feed(LAUGHING_FEED.encode(), source)
    except discovery.DiscoveryError as exc:  # the documented refusal
        out = exc
    assert time.perf_counter() - started < 5
    text = repr(out)
    assert "lollollol" not in text  # not expanded
    assert "root:" not in text  # the external entity was not read
    assert len(text) < 100_000


def _load(engine, article, indicators):
    from warehouse import load

    source = make_source("paper-a.vn", None)
    load.sync_sources(engine, [source])
    run_id = load.start_run(engine, "security-test")
    load.load_articles(engine, run_id, [load.LoadItem(article=article, indicators=indicators, raw_page_id=None,
                                                      is_party_building=True, source_name=source.name)])


def _hostile_article(title: str, body: str, url: str = "https://paper-a.vn/tin/x-1.html"):
    from scrapers.records import ParsedArticle

    return ParsedArticle(url=url, canonical_url=url, source="paper-a.vn", title=title, sapo=INJECTION,
                         body=body, published_at=datetime(2025, 3, 5, 8, tzinfo=UTC), author=INJECTION,
                         category=SCRIPT, tags=(INJECTION, SCRIPT), layout="test")


def _hostile_indicator(text: str):
    from indicators.record import Indicator

    start = text.index("95,5")
    return Indicator(metric="org_good_rate", value=95.5, unit="percent", kind="actual", qualifier="exact",
                     denominator=None, year=2025, subject=INJECTION, evidence=text, start=start, end=start + 4,
                     evidence_start=0, evidence_end=len(text))


def test_page_values_reach_sql_as_bound_parameters(tmp_path):
    from sqlalchemy import inspect, text

    from warehouse.db import make_engine, upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'wh.db'}")
    upgrade(engine)
    body = f"Tỷ lệ đạt 95,5% {INJECTION} {SCRIPT} \\' \" ; -- /* */"
    _load(engine, _hostile_article(INJECTION + SCRIPT, body), [_hostile_indicator(body)])
    tables_before = set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        row = connection.execute(text("SELECT title, sapo, body, author, category FROM articles")).one()
        evidence, subject = connection.execute(text("SELECT evidence, subject FROM indicators")).one()
    assert row.title == INJECTION + SCRIPT
    assert (row.sapo, row.body, row.author, row.category) == (INJECTION, body, INJECTION, SCRIPT)
    assert (evidence, subject) == (body, INJECTION)
    assert {"articles", "indicators", "article_versions", "sources"} <= tables_before
    engine.dispose()


def test_parsed_page_text_reaches_sql_intact(tmp_path):
    from sqlalchemy import text

    from scrapers import parse
    from warehouse.db import make_engine, upgrade

    page = f"""<html><head><meta charset="utf-8"><title>{INJECTION}</title>
      <meta property="og:title" content="{INJECTION}">
      <meta property="article:published_time" content="2025-03-05T08:00:00+07:00"></head>
      <body><article><h1>{INJECTION}</h1><div class="content"><p>Đến nay toàn tỉnh có 95,5% tổ chức cơ sở đảng
      hoàn thành tốt nhiệm vụ; {INJECTION}</p><p>{"Nội dung bài viết dài hơn một chút. " * 20}</p></div>
      </article></body></html>"""
    article = parse.parse_page(page, "https://paper-a.vn/tin/x-1.html", make_source("paper-a.vn", None))
    assert INJECTION in article.title
    engine = make_engine(f"sqlite:///{tmp_path / 'wh.db'}")
    upgrade(engine)
    _load(engine, article, [])
    with engine.connect() as connection:
        title, body = connection.execute(text("SELECT title, body FROM articles")).one()
        assert connection.execute(text("SELECT count(*) FROM articles")).scalar_one() == 1
    assert title == article.title and body == article.body
    engine.dispose()


def test_html_report_escapes_page_text(tmp_path):
    from sqlalchemy import text

    from warehouse import report
    from warehouse.db import make_engine, upgrade
    from warehouse.summaries import build_month

    engine = make_engine(f"sqlite:///{tmp_path / 'wh.db'}")
    upgrade(engine)
    body = f"Tỷ lệ đạt 95,5% {SCRIPT} <img src=x onerror=alert(1)>"
    _load(engine, _hostile_article(SCRIPT + "<b>tiêu đề</b>", body), [_hostile_indicator(body)])
    with engine.begin() as connection:  # what the quality gate does to rows that pass
        connection.execute(text("UPDATE articles SET status = 'valid'"))
        connection.execute(text("UPDATE indicators SET status = 'valid'"))
    summary = build_month(engine, "2025-03")
    html = report.render_html(summary)
    files = report.render_month(summary, tmp_path / "reports")
    written = files.html.read_text(encoding="utf-8")
    engine.dispose()
    for page in (html, written):
        assert "tiêu đề" in page or "ti&ecirc;u" in page  # the article made it into the report
        assert SCRIPT not in page and "<img src=x" not in page and "<b>tiêu đề</b>" not in page
        assert "&lt;script&gt;" in page or "&lt;script" in page
