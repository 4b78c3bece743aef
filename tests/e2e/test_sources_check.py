"""`chitieu sources check` against the bundled mini-web on 127.0.0.1 (never a real site): the table,
the exit code, and what it records in the `sources` table."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from chitieu.cli import app
from chitieu.miniweb.server import MiniWeb
from warehouse.db import make_engine

runner = CliRunner()


@pytest.fixture(scope="module")
def web():
    with MiniWeb() as served:
        yield served


def _env(monkeypatch, tmp_path, overrides: dict[str, str]) -> str:
    url = f"sqlite:///{tmp_path / 'warehouse.db'}"
    monkeypatch.setenv("CHITIEU_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CHITIEU_DATABASE_URL", url)
    monkeypatch.setenv("CHITIEU_BASE_URL_OVERRIDES", json.dumps(overrides))
    monkeypatch.setenv("COLUMNS", "250")
    return url


def _recorded(url: str) -> dict[str, tuple]:
    engine = make_engine(url)
    with engine.connect() as c:
        rows = c.execute(text("SELECT name, checked_at, verified_at, check_failures FROM sources")).all()
    engine.dispose()
    # the JSON column read with plain SQL: a string on SQLite
    return {r[0]: (r[1], r[2], json.loads(r[3]) if isinstance(r[3], str) else r[3]) for r in rows}


def test_check_all_against_the_miniweb(web, monkeypatch, tmp_path):
    url = _env(monkeypatch, tmp_path, web.overrides())
    result = runner.invoke(app, ["sources", "check", "--all"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"checking the {len(web.overrides())} overridden sources" in out
    assert f"{len(web.overrides())} of {len(web.overrides())} sources passed" in out
    for check in ("robots", "feed", "sitemap", "listing", "article"):
        assert f"│ {check}" in out, check
    assert "indicators" in out and "FAIL" not in out
    recorded = _recorded(url)
    assert len(recorded) == 64  # every configured source is in the warehouse; the served ones were checked
    for name in web.overrides():
        checked_at, verified_at, failures = recorded[name]
        assert checked_at is not None and verified_at == checked_at and failures == []
    assert recorded["baobinhdinh.vn"] == (None, None, None)  # not served, so not checked


def test_a_failing_source_exits_1_and_records_what_failed(web, monkeypatch, tmp_path):
    # Báo Hà Tĩnh pointed at the Quảng Ninh paper of the mini-web: its feeds and listing are not there
    url = _env(monkeypatch, tmp_path, {"baohatinh.vn": web.overrides()["baoquangninh.vn"]})
    result = runner.invoke(app, ["sources", "check", "baohatinh.vn"])
    assert result.exit_code == 1, result.output
    assert "FAIL" in result.stdout and "HTTP 404" in result.stdout
    assert "0 of 1 sources passed; failed: baohatinh.vn" in result.stdout
    checked_at, verified_at, failures = _recorded(url)["baohatinh.vn"]
    assert checked_at is not None and verified_at is None
    assert any(f.startswith("feed https://baohatinh.vn/rss/home.rss: HTTP 404") for f in failures), failures
    listed = runner.invoke(app, ["sources"])  # the listing shows the last check from the warehouse
    assert listed.exit_code == 0, listed.output
    row = next(line for line in listed.stdout.splitlines() if "│ baohatinh.vn " in line)
    assert f"{str(checked_at)[:10]}: {len(failures)} failed" in row
    assert "never" in next(line for line in listed.stdout.splitlines() if "│ baogialai.com.vn " in line)


def test_each_paper_parses_one_article_through_its_familys_layout(web):
    from chitieu.settings import Settings
    from chitieu.sources_check import check_sources
    from scrapers.config import load_sources
    from scrapers.fetch import Fetcher

    sources = load_sources(web.overrides())
    with Fetcher(Settings()) as fetcher:
        results = {r.source: r for r in check_sources([sources[n] for n in web.overrides()], fetcher)}
    for name, result in results.items():
        assert result.ok, result.failures
        article = next(row for row in result.rows if row.check == "article")
        assert f"layout {sources[name].family}" in article.detail
        assert " indicators" in article.detail and "body " in article.detail
        assert {row.check for row in result.rows} >= {"robots", "feed", "listing", "article"}
    assert {sources[n].family for n in results} == {"onecms", "legacy_channel", "content_detail"}


@pytest.mark.parametrize("args", [["sources", "check"], ["sources", "check", "baohatinh.vn", "--all"]])
def test_name_xor_all(args, monkeypatch, tmp_path):
    _env(monkeypatch, tmp_path, {})
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "name one source or pass --all" in result.stderr
