"""Fetcher behaviour on a well-behaved server: charsets, robots.txt, conditional GET, politeness.

Everything runs against pytest-httpserver on 127.0.0.1; sources map their real host to it.
"""

from __future__ import annotations

import threading
import time
import unicodedata

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Response

from chitieu.settings import Settings
from scrapers.config import Source
from scrapers.fetch import Fetcher, is_loopback

VI = "Đảng bộ tỉnh có 4.537 đảng viên; kết nạp 120 đảng viên mới, tỷ lệ đạt 98,5% kế hoạch năm."
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """windows-1258 has no precomposed toned letters: base letter (maybe with hat/horn) + tone mark."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base.encode("cp1258") + "".join(c for c in parts if c in _TONES).encode("cp1258"))
    return b"".join(out)


def start_server(robots: str | None = "") -> HTTPServer:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    if robots is not None:
        if robots:
            server.expect_request("/robots.txt").respond_with_data(robots, content_type="text/plain")
        else:
            server.expect_request("/robots.txt").respond_with_data("", status=404)
    return server



def make_source(server: HTTPServer, host: str = "example.vn", delay: float = 0.0) -> Source:
    return Source(name=host, province="gia-lai", province_name="Gia Lai", base_url=f"https://{host}",
                  domains=[host], fetch_base=server.url_for("/").rstrip("/"),
                  politeness={"delay_seconds": delay})


def make_fetcher(tmp_path, **kw) -> Fetcher:
    """The fetcher's own politeness rules, as on a live site (the suite's loopback shortcut is off)."""
    fields = {"politeness_delay": 0.0, "connect_timeout": 1.0, "read_timeout": 0.5, "loopback_politeness_delay": None}
    fields.update({k: kw.pop(k) for k in list(kw) if k in Settings.model_fields})
    settings = Settings(data_dir=tmp_path, **fields)
    return Fetcher(settings, backoff_factor=0.01, **kw)


def html(body: str, meta: str = '<meta charset="utf-8">') -> str:
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


def test_page_is_fetched_decoded_and_identified(server, tmp_path):
    seen = {}

    def handler(request):
        seen["ua"] = request.headers.get("User-Agent")
        return Response(html(VI).encode("utf-8"), content_type="text/html; charset=utf-8",
                        headers={"ETag": '"v1"', "Last-Modified": "Tue, 17 Jun 2025 06:43:02 GMT"})

    server.expect_request("/tin-a-post1.html").respond_with_handler(handler)
    with make_fetcher(tmp_path, user_agent="chitieu-test/1.0 (+https://example.org/contact)") as fetcher:
        result = fetcher.fetch("https://example.vn/tin-a-post1.html", make_source(server))
    assert result.ok and result.status == 200 and not result.not_modified
    assert result.url == result.final_url == "https://example.vn/tin-a-post1.html"
    assert VI in result.text and result.encoding == "utf-8"
    assert result.etag == '"v1"' and result.last_modified.startswith("Tue, 17 Jun 2025")
    assert seen["ua"] == "chitieu-test/1.0 (+https://example.org/contact)"
    assert result.fetched_at.tzinfo is not None and result.page_type == "article"


@pytest.mark.parametrize(
    ("body", "content_type", "expected_encoding"),
    [
        # labelled correctly in the header
        (to_cp1258(html(VI, "")), "text/html; charset=windows-1258", "cp1258"),
        # labelled only in the page
        (to_cp1258(html(VI, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')),
         "text/html", "cp1258"),
        # not labelled at all: detection
        (to_cp1258(html(VI * 3, "")), "text/html", "cp1258"),
        # mislabelled: UTF-8 bytes served as iso-8859-1
        (html(VI).encode("utf-8"), "text/html; charset=iso-8859-1", "utf-8"),
        # mislabelled: the server says UTF-8, the page is windows-1258 and says so itself
        (to_cp1258(html(VI, '<meta charset="windows-1258">')), "text/html; charset=utf-8", "cp1258"),
        # the server's default label (windows-1252) on a windows-1258 page
        (to_cp1258(html(VI * 3, "")), "text/html; charset=windows-1252", "cp1258"),
    ],
    ids=["header-1258", "meta-1258", "detected-1258", "utf8-as-latin1", "1258-as-utf8", "1258-as-1252"],
)
def test_charsets_are_decoded_to_nfc_vietnamese(server, tmp_path, body, content_type, expected_encoding):
    server.expect_request("/p-post2.html").respond_with_data(body, content_type=content_type)
    with make_fetcher(tmp_path) as fetcher:
        result = fetcher.fetch("https://example.vn/p-post2.html", make_source(server))
    assert result.ok, result.error
    assert result.encoding == expected_encoding
    assert VI in result.text
    assert unicodedata.is_normalized("NFC", result.text)


def test_robots_disallow_and_crawl_delay_are_obeyed(tmp_path):
    server = start_server(robots="User-agent: *\nDisallow: /private/\nCrawl-delay: 0.4\n")
    try:
        stamps = []

        def handler(request):
            stamps.append(time.monotonic())
            return Response(html("ok"), content_type="text/html")

        server.expect_request("/a-post1.html").respond_with_handler(handler)
        server.expect_request("/b-post2.html").respond_with_handler(handler)
        source = make_source(server)
        with make_fetcher(tmp_path) as fetcher:
            blocked = fetcher.fetch("https://example.vn/private/x-post3.html", source)
            first = fetcher.fetch("https://example.vn/a-post1.html", source)
            second = fetcher.fetch("https://example.vn/b-post2.html", source)
            assert fetcher.host_delay("https://example.vn/", source) == pytest.approx(0.4)
        assert blocked.error == "blocked by robots.txt" and blocked.status is None
        assert first.ok and second.ok
        paths = [req.path for req, _ in server.log]
        assert "/private/x-post3.html" not in paths
        assert paths.count("/robots.txt") == 1  # read once per host
        assert stamps[1] - stamps[0] >= 0.4
    finally:
        server.stop()


def test_robots_unreachable_blocks_the_host_for_the_run(tmp_path):
    server = start_server(robots=None)
    try:
        server.expect_request("/robots.txt").respond_with_data("down", status=500)
        server.expect_request("/a-post1.html").respond_with_data(html("ok"), content_type="text/html")
        with make_fetcher(tmp_path, retries=1) as fetcher:
            result = fetcher.fetch("https://example.vn/a-post1.html", make_source(server))
        assert result.error == "not fetched: robots.txt unreachable (HTTP 500)"
        assert "/a-post1.html" not in [req.path for req, _ in server.log]
    finally:
        server.stop()


def test_conditional_get_returns_not_modified(server, tmp_path):
    def handler(request):
        if request.headers.get("If-None-Match") == '"v7"' or request.headers.get("If-Modified-Since"):
            return Response(status=304, headers={"ETag": '"v7"'})
        return Response(html("fresh"), content_type="text/html", headers={"ETag": '"v7"'})

    server.expect_request("/rss/home.rss").respond_with_handler(handler)
    source = make_source(server)
    with make_fetcher(tmp_path) as fetcher:
        fresh = fetcher.fetch("https://example.vn/rss/home.rss", source, page_type="feed")
        by_etag = fetcher.fetch("https://example.vn/rss/home.rss", source, etag=fresh.etag, page_type="feed")
        by_date = fetcher.fetch("https://example.vn/rss/home.rss", source,
                                last_modified="Tue, 17 Jun 2025 06:43:02 GMT", page_type="feed")
    assert fresh.ok and not fresh.not_modified and b"fresh" in fresh.content
    for result in (by_etag, by_date):
        assert result.ok and result.not_modified and result.status == 304
        assert result.content == b"" and result.text is None and result.page_type == "feed"


def _recording_handler(log: list, lock: threading.Lock, host: str, hold: float):
    def handler(request):
        start = time.monotonic()
        time.sleep(hold)
        with lock:
            log.append((host, start, time.monotonic()))
        return Response(html("ok"), content_type="text/html")
    return handler


def test_one_connection_and_a_gap_per_host_while_hosts_run_concurrently(tmp_path):
    servers = [start_server(), start_server()]
    try:
        log, lock = [], threading.Lock()
        sources = []
        for host, server in zip(("a.example.vn", "b.example.vn"), servers, strict=True):
            server.expect_request("/x-post1.html").respond_with_handler(_recording_handler(log, lock, host, 0.25))
            sources.append(make_source(server, host=host, delay=0.4))
        fetcher = make_fetcher(tmp_path)
        results = []

        def work(source, n):
            results.append(fetcher.fetch(f"https://{source.base_url[8:]}/x-post1.html", source))

        threads = [threading.Thread(target=work, args=(s, i)) for s in sources for i in range(2)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        fetcher.close()
        assert len(results) == 4 and all(r.ok for r in results)
        for host in ("a.example.vn", "b.example.vn"):
            spans = sorted((s, e) for h, s, e in log if h == host)
            assert len(spans) == 2
            gap = spans[1][0] - spans[0][1]
            assert gap >= 0.4, f"{host}: gap {gap:.3f}s"  # never two at once, and the delay kept
        a = [(s, e) for h, s, e in log if h == "a.example.vn"]
        b = [(s, e) for h, s, e in log if h == "b.example.vn"]
        assert any(sa < eb and sb < ea for sa, ea in a for sb, eb in b), "hosts were not fetched concurrently"
        # sequential would be 4 x 0.25 s + 2 x 0.4 s = 1.8 s; concurrent about 0.9 s
        assert elapsed < 1.6
    finally:
        for server in servers:
            server.stop()


def test_url_of_another_site_is_refused_without_a_request(server, tmp_path):
    with make_fetcher(tmp_path) as fetcher:
        result = fetcher.fetch("https://elsewhere.vn/a-post1.html", make_source(server))
    assert result.error.startswith("not a URL of source example.vn")
    assert server.log == []


def test_loopback_delay_replaces_every_delay_for_a_local_server_only(tmp_path):
    """The setting the test suite uses: a server on 127.0.0.1 waits `loopback_politeness_delay`
    whatever robots.txt and the source ask; a site reached at any other address is untouched."""
    server = start_server(robots="User-agent: *\nDisallow: /private/\nCrawl-delay: 5\n")
    try:
        server.expect_request("/a-post1.html").respond_with_data(html("ok"), content_type="text/html")
        server.expect_request("/b-post2.html").respond_with_data(html("ok"), content_type="text/html")
        source = make_source(server, delay=3.0)
        with make_fetcher(tmp_path, politeness_delay=2.0, loopback_politeness_delay=0.0) as fetcher:
            started = time.monotonic()
            first = fetcher.fetch("https://example.vn/a-post1.html", source)
            second = fetcher.fetch("https://example.vn/b-post2.html", source)
            blocked = fetcher.fetch("https://example.vn/private/x-post3.html", source)
            assert time.monotonic() - started < 2.0
            assert fetcher.host_delay("https://example.vn/", source) == 0.0
        assert first.ok and second.ok and blocked.error == "blocked by robots.txt"  # robots rules still hold
        with make_fetcher(tmp_path, politeness_delay=2.0) as fetcher:  # unset: the rules of a live site
            assert fetcher.host_delay("https://example.vn/", source) == 5.0
    finally:
        server.clear()
        if server.is_running():
            server.stop()
    assert [is_loopback(h) for h in ("127.0.0.1", "127.9.9.9", "::1", "localhost", "LOCALHOST")] == [True] * 5
    assert not any(is_loopback(h) for h in ("baogialai.com.vn", "10.0.0.1", "192.168.1.5", "", None))
