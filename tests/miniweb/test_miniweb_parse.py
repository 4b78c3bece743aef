"""Every good page of the mini-web parses, through the sources YAML, to the title and date the manifest states."""

from __future__ import annotations

from datetime import datetime

import pytest

from chitieu.miniweb import PACKAGE_DIR, load_manifest
from scrapers import config, parse


@pytest.fixture(scope="module")
def sources():
    found = config.load_sources()
    assert found, "no sources YAML found under scrapers/sources/"
    return found


def test_every_good_page_parses_with_date_and_title(sources):
    manifest = load_manifest(1)
    checked = 0
    for entry in manifest["articles"]:
        if entry["bad"] in ("no_date", "truncated", "short_read") or entry["host"] not in sources:
            continue
        html = (PACKAGE_DIR / "site" / entry["file"]).read_bytes()
        article = parse.parse_page(html, entry["url"], sources[entry["host"]])
        assert article.title == entry["title"], entry["url"]
        assert article.published_at is not None, entry["url"]
        assert article.published_at == datetime.fromisoformat(entry["published_at"]), entry["url"]
        assert article.published_at.utcoffset().total_seconds() == 7 * 3600
        assert article.sapo and entry["sapo"] in article.sapo, entry["url"]
        assert not article.sapo.startswith("("), f"dateline left in the sapo of {entry['url']}"
        assert article.layout == entry["layout"], (entry["url"], article.layout)
        checked += 1
    assert checked >= 55


def test_no_date_page_parses_without_a_date(sources):
    entry = next(a for a in load_manifest(1)["articles"] if a["bad"] == "no_date")
    html = (PACKAGE_DIR / "site" / entry["file"]).read_bytes()
    try:
        article = parse.parse_page(html, entry["url"], sources[entry["host"]])
    except parse.ParseError:
        return  # refusing the page is also a correct answer
    assert article.published_at is None
