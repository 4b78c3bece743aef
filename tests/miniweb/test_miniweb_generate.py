"""The committed snapshot is what the generator renders, and it holds what the brief promises."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from chitieu.miniweb import PACKAGE_DIR, load_manifest
from indicators.taxonomy import METRICS
from tools.miniweb.generate import generate


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def night1() -> dict:
    return load_manifest(1)


@pytest.fixture(scope="module")
def night2() -> dict:
    return load_manifest(2)


def test_generator_reproduces_the_committed_snapshot_byte_for_byte(tmp_path):
    generate(tmp_path)
    for folder in ("site", "site_night2"):
        fresh, committed = _tree(tmp_path / folder), _tree(PACKAGE_DIR / folder)
        assert sorted(fresh) == sorted(committed), f"{folder}: files differ, re-run python -m tools.miniweb.generate"
        changed = [name for name in fresh if fresh[name] != committed[name]]
        assert not changed, f"{folder}: stale files {changed[:5]}"


def test_counts_meet_the_brief(night1):
    arts = night1["articles"]
    assert len(arts) >= 60
    assert {a["host"] for a in arts} == {"baogialai.com.vn", "baohatinh.vn", "baodaklak.vn", "baoquangninh.vn"}
    months = {a["published_at"][:7] for a in arts if a["published_at"] and a["published_at"][:4] in ("2024", "2025")}
    assert len(months) >= 8
    party = [a for a in arts if a["party_building"]]
    assert len(party) > len(arts) / 2, "most articles are Party-building reports"
    assert len(arts) - len(party) >= 8, "some ordinary news without indicators"
    assert all(not a["indicators"] for a in arts if not a["party_building"])
    assert Counter(a["layout"] for a in arts).keys() == {"onecms", "legacy_channel", "content_detail"}
    legacy_gl = [a for a in arts if a["host"] == "baogialai.com.vn" and a["layout"] == "legacy_channel"]
    assert len(legacy_gl) >= 3 and all("/channel/" in a["url"] for a in legacy_gl)


def test_bad_pages_are_present_and_explained(night1):
    arts = night1["articles"]
    bad = Counter(a["bad"] for a in arts if a["bad"])
    assert {"no_date", "impossible_rate", "truncated", "short_read", "duplicate"} <= set(bad)
    assert all(a["bad_reason"] for a in arts if a["bad"])
    by_url = {a["url"]: a for a in arts}
    for dup in (a for a in arts if a["bad"] == "duplicate"):
        original = by_url[dup["duplicate_of"]]
        assert original["url"] != dup["url"] and original["title"] == dup["title"]
    assert any(a["host"] != by_url[a["duplicate_of"]]["host"] for a in arts if a["bad"] == "duplicate"), \
        "one duplicate is syndicated by another paper"
    nodate = next(a for a in arts if a["bad"] == "no_date")
    html = (PACKAGE_DIR / "site" / nodate["file"]).read_text(encoding="utf-8")
    assert nodate["published_at"] is None
    assert not re.search(r"\d{1,2}/\d{1,2}/20\d\d|20\d\d-\d\d-\d\dT", html), "a no-date page shows no date"
    rate = next(a for a in arts if a["bad"] == "impossible_rate")
    assert any(i["metric"] == "org_good_rate" and i["value"] == 140 for i in rate["indicators"])
    cut = next(a for a in arts if a["bad"] == "truncated")
    assert not (PACKAGE_DIR / "site" / cut["file"]).read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_edited_article_changes_on_night_two(night1, night2):
    one = next(a for a in night1["articles"] if a["edited"])
    two = next(a for a in night2["articles"] if a["url"] == one["url"])
    assert datetime.fromisoformat(one["modified_at"]) > datetime.fromisoformat(one["published_at"])
    assert datetime.fromisoformat(two["modified_at"]) > datetime.fromisoformat(one["modified_at"])
    values = lambda a: sorted((i["metric"], i["value"]) for i in a["indicators"])  # noqa: E731
    assert values(one) != values(two)
    assert (PACKAGE_DIR / "site_night2" / two["file"]).exists()
    new = {a["url"] for a in night2["articles"]} - {a["url"] for a in night1["articles"]}
    assert len(new) == 2


def _page_text(entry: dict, folder: str = "site") -> str:
    html = (PACKAGE_DIR / folder / entry["file"]).read_text(encoding="utf-8")
    return " ".join(BeautifulSoup(html, "lxml").get_text(" ").split())


def test_every_planted_indicator_is_written_in_its_page(night1):
    planted = 0
    for a in night1["articles"]:
        text = _page_text(a)
        for ind in a["indicators"]:
            assert ind["metric"] in METRICS and ind["kind"] in ("actual", "target", "change")
            assert " ".join(ind["evidence"].split()) in text, (a["url"], ind["evidence"])
            planted += 1
    assert planted >= 250


def test_metrics_are_phrased_in_several_ways(night1):
    shapes: dict[str, set[str]] = {}
    for a in night1["articles"]:
        for ind in a["indicators"]:
            if ind["kind"] == "actual" and not ind["optional"]:
                shape = re.sub(r"\d[\d.,]*", "N", ind["evidence"])
                shapes.setdefault(ind["metric"], set()).add(shape[:60])
    core = ["org_good_rate", "member_good_rate", "new_members", "disciplined_members", "welfare_funds_vnd",
            "houses_built", "targets_met"]
    for metric in core:
        assert len(shapes.get(metric, ())) >= 3, f"{metric} has fewer than 3 phrasings"
    kinds = Counter((i["kind"], i["qualifier"]) for a in night1["articles"] for i in a["indicators"])
    for pair in [("target", "over"), ("target", "at_least"), ("actual", "over"), ("actual", "approx")]:
        assert kinds[pair] > 0, pair
    assert any(i["denominator"] and i["denominator"] >= 1000 for a in night1["articles"] for i in a["indicators"])


def test_page_markup_follows_each_family(night1):
    arts = night1["articles"]
    gl = next(a for a in arts if a["host"] == "baogialai.com.vn" and a["layout"] == "onecms" and not a["bad"])
    soup = BeautifulSoup((PACKAGE_DIR / "site" / gl["file"]).read_bytes(), "lxml")
    assert soup.select_one("h1.article__title.cms-title")
    assert soup.select_one("div.article__sapo.cms-desc").get_text(strip=True).startswith("(GLO)- ")
    body = soup.select_one("div.article__body.zce-content-body.cms-body[itemprop=articleBody]")
    assert body.select("p") and body.select_one("div.sda_middle > div#sdaWeb_SdaArticleMiddle")
    assert body.select_one("div.t1 span.t2").get_text(strip=True) == gl["author"]
    assert soup.select_one("meta[property='article:published_time']")["content"].endswith("+0700")
    assert soup.select_one("meta[property='og:url']")["content"] == gl["url"]
    assert soup.select("section.hot-news article.story a.cms-link[href]")
    assert "Theo dõi Báo Gia Lai trên" in soup.get_text()
    dl = next(a for a in arts if a["host"] == "baodaklak.vn" and not a["bad"])
    soup = BeautifulSoup((PACKAGE_DIR / "site" / dl["file"]).read_bytes(), "lxml")
    assert re.fullmatch(r"Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật", soup.select_one("div.date").text.split(",")[0])
    assert soup.select_one("#content > p > strong").get_text() == dl["sapo"]
    assert re.search(r"/chinh-tri/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/$", dl["url"])
    qn = next(a for a in arts if a["host"] == "baoquangninh.vn" and not a["bad"])
    soup = BeautifulSoup((PACKAGE_DIR / "site" / qn["file"]).read_bytes(), "lxml")
    assert soup.select_one("h1.name").get_text() == qn["title"]
    assert re.fullmatch(r"\d\d/\d\d/20\d\d \d\d:\d\d", soup.select_one(".post-date").get_text())
    assert soup.select_one("#content-detail p")
