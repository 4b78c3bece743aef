"""The fault proxy itself: the faults are the ones asked for, and a seed replays them exactly."""

from __future__ import annotations

import socket

import pytest
import requests

from benchmarks.faultproxy import FaultProxy, Faults

BODY = b"<html><body>" + b"x" * 5000 + b"</body></html>"


@pytest.fixture
def upstream(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nCrawl-delay: 5\nAllow: /\n")
    httpserver.expect_request("/page.html").respond_with_data(BODY, content_type="text/html")
    return httpserver.url_for("").rstrip("/")


def _raw_get(base: str, path: str) -> bytes:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=3) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass
    return b"".join(chunks)


def test_same_seed_same_faults_and_rates_roughly_as_asked():
    faults = Faults(error_rate=0.3, stall_rate=0.1, truncate_rate=0.1, reset_rate=0.1, seed=4)
    first = [faults.choose(f"/a/{i}.html", n) for i in range(400) for n in range(3)]
    again = [Faults(**{**faults.__dict__}).choose(f"/a/{i}.html", n) for i in range(400) for n in range(3)]
    other = [Faults(**{**faults.__dict__, "seed": 5}).choose(f"/a/{i}.html", n) for i in range(400) for n in range(3)]
    assert first == again and first != other
    share = {k: first.count(k) / len(first) for k in ("error", "stall", "truncate", "reset")}
    assert 0.25 < share["error"] < 0.35 and all(0.06 < share[k] < 0.14 for k in ("stall", "truncate", "reset"))
    assert faults.choose("/robots.txt", 0) is None


def test_each_fault_reaches_the_client_as_that_fault(upstream):
    with FaultProxy(upstream, Faults(truncate_rate=1.0)) as proxy:
        raw = _raw_get(proxy.base, "/page.html")
        head, _, body = raw.partition(b"\r\n\r\n")
        declared = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
        assert declared == len(BODY) and 0 < len(body) < declared
    with FaultProxy(upstream, Faults(error_rate=1.0)) as proxy:
        assert requests.get(proxy.base + "/page.html", timeout=3).status_code >= 500
    with FaultProxy(upstream, Faults(reset_rate=1.0)) as proxy:
        with pytest.raises(requests.ConnectionError):
            requests.get(proxy.base + "/page.html", timeout=3)
    with FaultProxy(upstream, Faults(stall_rate=1.0, stall_seconds=1.0)) as proxy:
        with pytest.raises(requests.ReadTimeout):
            requests.get(proxy.base + "/page.html", timeout=(3, 0.3))
    with FaultProxy(upstream, Faults(), strip_crawl_delay=True) as proxy:
        assert requests.get(proxy.base + "/page.html", timeout=3).content == BODY
        robots = requests.get(proxy.base + "/robots.txt", timeout=3).text
        assert "Allow: /" in robots and "crawl-delay" not in robots.lower()
        assert [(r.path, r.status) for r in proxy.requests] == [("/page.html", 200), ("/robots.txt", 200)]
