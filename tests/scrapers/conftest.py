"""The local HTTP server the fetch, discovery, crawl and fault tests talk to."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer


@pytest.fixture(scope="module")
def _module_server():
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def server(_module_server):
    """One server per module (stopping one costs 0.5 s), cleared for each test: no robots.txt."""
    _module_server.clear()
    _module_server.expect_request("/robots.txt").respond_with_data("", status=404)
    yield _module_server
    _module_server.clear()
