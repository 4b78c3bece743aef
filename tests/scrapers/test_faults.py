"""Bad input from servers: every fault ends as a FetchResult with a clear reason, archived in WARC.

Each case runs against pytest-httpserver on 127.0.0.1 with tiny timeouts and backoff, and checks
both the reason and that the archive holds a record of it (what `raw_pages` will point at).
"""

from __future__ import annotations

import os
import socket
import struct
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Response

from chitieu.settings import Settings
from scrapers.archive import WarcArchive
from scrapers.config import Source
from scrapers.fetch import Fetcher, FetchResult

URL = "https://example.vn/bai-viet-post100.html"
PAGE = "<html><head><meta charset='utf-8'><title>Tin</title></head><body><p>Nội dung</p></body></html>"



@pytest.fixture
def source(server) -> Source:
    return Source(name="example.vn", province="gia-lai", province_name="Gia Lai", base_url="https://example.vn",
                  domains=["example.vn", "www.example.vn"], fetch_base=server.url_for("/").rstrip("/"),
                  politeness={"delay_seconds": 0})


def fetcher_for(tmp_path, **kw) -> Fetcher:
    tiny = {"politeness_delay": 0.0, "connect_timeout": 1.0, "read_timeout": 0.4}
    settings = Settings(data_dir=tmp_path, **{**tiny, **{k: kw.pop(k) for k in list(kw) if k in Settings.model_fields}})
    kw.setdefault("backoff_factor", 0.01)
    return Fetcher(settings, **kw)


def archived(tmp_path, result: FetchResult):
    """Write the result and read it back, as the crawl and the reparse flow would."""
    archive = WarcArchive(tmp_path)
    ref = archive.write("example.vn", result)
    assert ref.file.startswith("raw/example.vn/") and ref.file.endswith(".warc.gz")
    return archive.read(ref.file, ref.offset)


def hits(server: HTTPServer, path: str = "/bai-viet-post100.html") -> int:
    return sum(1 for request, _ in server.log if request.path == path)


def test_500s_are_retried_then_the_page_arrives(server, source, tmp_path):
    server.expect_oneshot_request("/bai-viet-post100.html").respond_with_data("oops", status=500)
    server.expect_oneshot_request("/bai-viet-post100.html").respond_with_data("oops", status=502)
    server.expect_request("/bai-viet-post100.html").respond_with_data(PAGE, content_type="text/html")
    with fetcher_for(tmp_path) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.ok and result.status == 200 and "Nội dung" in result.text
    assert hits(server) == 3
    back = archived(tmp_path, result)
    assert back.status == 200 and back.error is None and back.content == result.content


def test_503_retries_exhausted(server, source, tmp_path):
    server.expect_request("/bai-viet-post100.html").respond_with_data("busy", status=503)
    with fetcher_for(tmp_path, retries=3) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.error == "HTTP 503 after 3 retries" and result.status == 503 and not result.ok
    assert hits(server) == 4
    back = archived(tmp_path, result)
    assert back.error == "HTTP 503 after 3 retries" and back.status == 503 and back.content == b""


def test_429_retry_after_is_respected(server, source, tmp_path):
    stamps = []

    def limited(request):
        stamps.append(time.monotonic())
        return Response("slow down", status=429, headers={"Retry-After": "1"})

    def fine(request):
        stamps.append(time.monotonic())
        return Response(PAGE, content_type="text/html")

    server.expect_oneshot_request("/bai-viet-post100.html").respond_with_handler(limited)
    server.expect_request("/bai-viet-post100.html").respond_with_handler(fine)
    with fetcher_for(tmp_path) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.ok and result.status == 200
    assert stamps[1] - stamps[0] >= 0.95  # waited what the server asked, not the 0.01 s backoff


def test_hostile_retry_after_is_capped_and_ends_in_a_reason(server, source, tmp_path):
    server.expect_request("/bai-viet-post100.html").respond_with_data(
        "no", status=429, headers={"Retry-After": "3600"})
    started = time.monotonic()
    with fetcher_for(tmp_path, retries=2, max_retry_after=0.1) as fetcher:
        result = fetcher.fetch(URL, source)
    assert time.monotonic() - started < 3
    assert result.error == "HTTP 429 after 2 retries"
    assert archived(tmp_path, result).error == result.error


def test_stalled_response_times_out(server, source, tmp_path):
    def stall(request):
        time.sleep(1.5)
        return Response(PAGE, content_type="text/html")

    server.expect_request("/bai-viet-post100.html").respond_with_handler(stall)
    started = time.monotonic()
    with fetcher_for(tmp_path, retries=1) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.error == "timeout (read)" and result.status is None
    assert time.monotonic() - started < 1.5  # two attempts of 0.4 s, never the full stall
    back = archived(tmp_path, result)
    assert back.error == "timeout (read)" and back.url == URL


def test_body_that_stalls_midway_times_out(server, source, tmp_path):
    def dribble():
        yield b"<html><body>" + b"x" * 1000
        time.sleep(1.5)
        yield b"</body></html>"

    server.expect_request("/bai-viet-post100.html").respond_with_response(
        Response(dribble(), content_type="text/html"))
    with fetcher_for(tmp_path) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.error == "timeout (read)" and result.status == 200 and result.content == b""


def test_truncated_body(server, source, tmp_path):
    body = PAGE.encode()

    def short(request):
        sock = request.environ["werkzeug.socket"]

        def chunks():
            yield body
            sock.shutdown(socket.SHUT_RDWR)  # the server goes away 5000 bytes early

        return Response(chunks(), content_type="text/html", headers={"Content-Length": str(len(body) + 5000)})

    server.expect_request("/bai-viet-post100.html").respond_with_handler(short)
    with fetcher_for(tmp_path, retries=0) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.error == f"truncated body (got {len(body)} of {len(body) + 5000} bytes)"
    assert result.content == b"" and not result.ok
    assert archived(tmp_path, result).error == result.error


def test_connection_reset(server, source, tmp_path):
    calls = []

    def reset(request):
        calls.append(time.monotonic())
        sock = request.environ["werkzeug.socket"]
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # Close the connection's last descriptor (linger 0 => RST) by putting /dev/null in its
        # place: werkzeug's own references then write into /dev/null, and no descriptor number
        # is freed for another socket to reuse while werkzeug still holds it.
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, sock.fileno())
        os.close(devnull)
        return Response("never sent")

    server.expect_request("/bai-viet-post100.html").respond_with_handler(reset)
    with fetcher_for(tmp_path, retries=2) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.error == "connection reset" and result.status is None
    assert len(calls) == 2  # a failed read is retried once (a stalled server must not cost 4 timeouts)
    assert archived(tmp_path, result).error == "connection reset"


def test_redirect_loop(server, source, tmp_path):
    server.expect_request("/vong-lap-post101.html").respond_with_data(
        "", status=301, headers={"Location": "/moved-post100.html"})
    server.expect_request("/moved-post100.html").respond_with_data(
        "", status=302, headers={"Location": "https://example.vn/vong-lap-post101.html"})
    # (a read timeout of its own: a server slowed by the case before, whose reset connection it is still closing, must
    # not make a retried read count as a second hit of the loop)
    with fetcher_for(tmp_path, read_timeout=5.0) as fetcher:
        result = fetcher.fetch("https://example.vn/vong-lap-post101.html", source)
    assert result.error == ("redirect loop: https://example.vn/moved-post100.html -> "
                            "https://example.vn/vong-lap-post101.html")
    assert hits(server, "/vong-lap-post101.html") == 1 and hits(server, "/moved-post100.html") == 1
    assert archived(tmp_path, result).error == result.error


def test_long_redirect_chain_is_cut(server, source, tmp_path):
    for n in range(10):
        server.expect_request(f"/hop-{n}.html").respond_with_data(
            "", status=302, headers={"Location": f"/hop-{n + 1}.html"})
    with fetcher_for(tmp_path, max_redirects=3, read_timeout=5.0) as fetcher:
        result = fetcher.fetch("https://example.vn/hop-0.html", source)
    assert result.error == "too many redirects (> 3)"
    assert len(result.redirects) == 4 and hits(server, "/hop-4.html") == 0


def test_redirect_inside_the_source_is_followed_in_real_urls(server, source, tmp_path):
    server.expect_request("/bai-viet-post100.html").respond_with_data(
        "", status=301, headers={"Location": "https://www.example.vn/bai-viet-moi-post100.html"})
    server.expect_request("/bai-viet-moi-post100.html").respond_with_data(PAGE, content_type="text/html")
    source = source.model_copy(update={"fetch_base": None})
    # www.example.vn and example.vn both map to the test server through a session that rewrites hosts
    with fetcher_for(tmp_path, session_factory=lambda: _RewritingSession(server)) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.ok, result.error
    assert result.url == URL and result.final_url == "https://www.example.vn/bai-viet-moi-post100.html"
    back = archived(tmp_path, result)
    assert back.url == result.final_url and back.requested_url == URL and "Nội dung" in back.content.decode()


def test_redirect_to_another_domain_is_refused(server, source, tmp_path):
    server.expect_request("/bai-viet-post100.html").respond_with_data(
        "", status=302, headers={"Location": "https://ads.elsewhere.com/landing?id=1"})
    with fetcher_for(tmp_path) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.error == "redirect outside source domains: https://ads.elsewhere.com/landing?id=1"
    assert result.status == 302
    assert archived(tmp_path, result).error == result.error


def test_20mb_page_streamed_without_length_is_capped(server, source, tmp_path):
    sent = []

    def twenty_mb():
        block = b"<p>" + b"a" * (1024 * 1024 - 7) + b"</p>\n"
        for _ in range(20):
            sent.append(len(block))
            yield block

    server.expect_request("/bai-viet-post100.html").respond_with_response(
        Response(twenty_mb(), content_type="text/html"))
    with fetcher_for(tmp_path, max_page_bytes=10 * 1024 * 1024) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.error == f"too large (> {10 * 1024 * 1024} bytes)"
    assert result.content == b"" and result.status == 200
    assert sum(sent) < 20 * 1024 * 1024  # we stopped reading; the server did not get to finish
    assert archived(tmp_path, result).error == result.error


def test_20mb_page_with_content_length_is_refused_before_reading(server, source, tmp_path):
    body = b"a" * (20 * 1024 * 1024)
    server.expect_request("/bai-viet-post100.html").respond_with_data(body, content_type="text/html")
    started = time.monotonic()
    with fetcher_for(tmp_path, max_page_bytes=10 * 1024 * 1024) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.error == f"too large (> {10 * 1024 * 1024} bytes; Content-Length {20 * 1024 * 1024})"
    assert time.monotonic() - started < 5


def test_empty_page(server, source, tmp_path):
    server.expect_request("/bai-viet-post100.html").respond_with_data("", content_type="text/html")
    with fetcher_for(tmp_path) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.error == "empty body" and result.status == 200
    assert archived(tmp_path, result).error == "empty body"


def test_unexpected_content_type(server, source, tmp_path):
    server.expect_request("/bai-viet-post100.html").respond_with_data(b"\xff\xd8\xff", content_type="image/jpeg")
    with fetcher_for(tmp_path) as fetcher:
        result = fetcher.fetch(URL, source)
    assert result.error == "unexpected content-type image/jpeg"


def test_http_404_is_not_retried(server, source, tmp_path):
    server.expect_request("/mat-post102.html").respond_with_data("gone", status=404)
    with fetcher_for(tmp_path) as fetcher:
        result = fetcher.fetch("https://example.vn/mat-post102.html", source)
    assert result.error == "HTTP 404" and hits(server, "/mat-post102.html") == 1


def test_connection_refused(tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    source = Source(name="example.vn", province="gia-lai", province_name="Gia Lai", base_url="https://example.vn",
                    domains=["example.vn"], fetch_base=f"http://127.0.0.1:{port}", politeness={"delay_seconds": 0})
    with fetcher_for(tmp_path, retries=1) as fetcher:
        result = fetcher.fetch(URL, source)
    # robots.txt could not be read either, so the host is treated as disallowed for this run
    assert result.error.startswith("not fetched: robots.txt unreachable (") and "connection refused" in result.error
    assert result.error == "not fetched: " + fetcher.robots_policy(URL, source).note


class _RewritingSession:
    """A requests.Session stand-in that sends every request for the real hosts to the test server."""

    def __new__(cls, server: HTTPServer):
        import requests

        session = requests.Session()
        original = session.request
        base = server.url_for("/").rstrip("/")

        def request(method, url, *args, **kwargs):
            for host in ("https://www.example.vn", "https://example.vn"):
                if url.startswith(host):
                    url = base + url[len(host):]
            return original(method, url, *args, **kwargs)

        session.request = request
        return session
