"""Every article of the bundled mini-web parses to what its generator planted (manifest.json), and its
listing pages are refused. The snapshot ships with the project, so a missing one is a failure."""

import json
import unicodedata
from pathlib import Path

import pytest

from indicators.normalise import normalise_text
from scrapers.config import load_sources
from scrapers.parse import parse_page, source_for_url
from scrapers.records import ParseError

SITE = Path(__file__).resolve().parents[2] / "chitieu" / "miniweb" / "site"
MANIFEST = SITE / "manifest.json"


def _articles():
    return json.loads(MANIFEST.read_text(encoding="utf-8"))["articles"]


@pytest.fixture(scope="module")
def sources():
    return load_sources()


@pytest.mark.parametrize("expected", _articles(), ids=lambda a: a["file"][-60:])
def test_miniweb_article(expected, sources):
    article = parse_page((SITE / expected["file"]).read_bytes(), expected["url"])
    got = article.to_dict()
    for key in ("title", "sapo", "author", "category", "published_at", "layout"):
        assert got[key] == expected[key], key
    assert article.canonical_url == expected["url"]
    assert source_for_url(expected["url"], sources).is_party_building(article) == expected["party_building"]
    for indicator in expected["indicators"]:
        assert indicator["evidence"] in article.text
    for image in article.images:
        assert not image.caption or image.caption not in article.body
    # the pipeline extracts from `text` as it is (extract(..., normalised=True)), offsets included
    assert normalise_text(article.text) == article.text
    nfd = unicodedata.normalize("NFD", (SITE / expected["file"]).read_text(encoding="utf-8"))
    assert parse_page(nfd, expected["url"]).text == article.text


def test_miniweb_listings_are_not_articles():
    hosts = json.loads(MANIFEST.read_text(encoding="utf-8"))["hosts"]
    checked = 0
    for info in hosts.values():
        for listing in info["listings"]:
            folder = SITE / listing["url"].split("://", 1)[1]
            for page in sorted(folder.glob("index*.html")):
                with pytest.raises(ParseError):
                    parse_page(page.read_bytes(), listing["url"])
                checked += 1
    assert checked >= 4
