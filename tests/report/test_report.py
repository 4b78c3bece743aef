"""The published files: figures traceable to articles, article text escaped, nothing fetched from outside."""

from __future__ import annotations

import base64
import json
import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from sqlalchemy import text

from warehouse.report import publish_month
from warehouse.summaries import V_INDICATOR_COLUMNS

MONTH = "2025-03"
HOSTILE_TITLE = '<script>alert("xss")</script> Đảng bộ <b>tỉnh</b> & "bạn"'
HOSTILE_EVIDENCE = 'Tỷ lệ đạt 96,2% <img src=x onerror="alert(1)"> trong năm.'


@pytest.fixture
def month_data(wh, at):
    """Two sources, a previous month and a previous year, a hostile title and a quarantined row."""
    ids = {}
    a1 = wh.article("baogialai.com.vn", at("2025-03-04"), title=HOSTILE_TITLE)
    ids["hostile"] = wh.indicator(a1, "org_good_rate", 96.2, evidence=HOSTILE_EVIDENCE,
                                  subject="Đảng bộ <i>xã</i> Ia Pa")
    ids["target"] = wh.indicator(a1, "org_good_rate", 90.0, kind="target")
    ids["houses"] = wh.indicator(a1, "houses_built", 35, unit="count")
    ids["bad"] = wh.indicator(a1, "org_excellent_rate", 230.0, status="quarantined")
    wh.quarantine("indicators", ids["bad"], "rate above 100% <b>bold</b>", value="230")
    wh.indicator(wh.article("baogialai.com.vn", at("2025-02-10")), "org_good_rate", 94.0)
    wh.indicator(wh.article("baogialai.com.vn", at("2024-03-10")), "org_good_rate", 91.5)
    h1 = wh.article("baohatinh.vn", at("2025-03-12"))
    ids["ht"] = wh.indicator(h1, "member_good_rate", 97.8)
    ids["funds"] = wh.indicator(h1, "welfare_funds_vnd", 3.5e10, unit="vnd")
    return ids


@pytest.fixture
def published(engine, month_data, tmp_path):
    return publish_month(engine, MONTH, tmp_path / "reports")


def _soup(result) -> BeautifulSoup:
    return BeautifulSoup(result.files.html.read_text(encoding="utf-8"), "lxml")


def test_five_files_under_the_month_folder(published, tmp_path):
    files = published.files
    assert [p.name for p in files.all()] == ["summary.html", "summary.md", "indicators.csv", "indicators.parquet",
                                             "revisions.json"]
    assert all(p.parent == tmp_path / "reports" / MONTH and p.stat().st_size > 0 for p in files.all())
    assert not published.empty and published.rows == 4


def test_html_figures_match_v_monthly_indicators(engine, published):
    soup = _soup(published)
    with engine.connect() as conn:
        view = conn.execute(
            text("SELECT source, metric, kind, latest_value, latest_indicator_id FROM v_monthly_indicators "
                 "WHERE month = :m AND kind IN ('actual', 'target')"), {"m": MONTH}).mappings().all()
    assert view
    for v in view:
        row = soup.select_one(f'table.summary tr[data-source="{v["source"]}"][data-metric="{v["metric"]}"]')
        assert row is not None, v
        cells = row.find_all("td")
        cell = cells[2] if v["kind"] == "actual" else cells[3]
        assert cell["data-indicator-id"] == str(v["latest_indicator_id"])
        shown = float(re.sub(r"[^\d.]", "", cell.select_one(".value").get_text()))
        assert shown == pytest.approx(v["latest_value"])
        # linked to its article and showing its evidence sentence
        with engine.connect() as conn:
            url, evidence = conn.execute(text("SELECT url, evidence FROM v_indicators WHERE indicator_id = :i"),
                                         {"i": v["latest_indicator_id"]}).one()
        assert cell.select_one(".value a")["href"] == url
        assert cell.select_one("blockquote.evidence").get_text() == evidence
    # the table artifact carries the same numbers
    artifact = {(t["source"], t["metric"]): t for t in published.table}
    for v in view:
        assert artifact[(v["source"], v["metric"])][v["kind"]] == pytest.approx(v["latest_value"])


def test_article_text_is_escaped(published):
    raw = published.files.html.read_text(encoding="utf-8")
    soup = BeautifulSoup(raw, "lxml")
    assert soup.find_all("script") == []
    assert not soup.select("img[onerror]")
    # the <b>, <i> of titles, subjects and reasons stay text: no element holds just their words
    assert not [t for t in soup.find_all(["b", "i"]) if t.get_text() in ("tỉnh", "xã", "bold")]
    assert "&lt;script&gt;alert(" in raw
    assert soup.find(string=re.compile(re.escape(HOSTILE_TITLE))) is not None  # shown as text, whole
    assert any(HOSTILE_EVIDENCE == q.get_text() for q in soup.select("blockquote.evidence"))
    md = published.files.md.read_text(encoding="utf-8")
    assert "<script>" not in md and "<img" not in md and "&lt;script&gt;" in md


def test_no_external_references_except_article_links(published):
    raw = published.files.html.read_text(encoding="utf-8")
    soup = BeautifulSoup(raw, "lxml")
    assert not soup.find_all(["link", "script", "iframe", "object", "embed"])
    for tag in soup.find_all(True):
        for attr, value in tag.attrs.items():
            values = value if isinstance(value, list) else [value]
            for v in values:
                if re.search(r"(?i)(https?:)?//", v) and not v.startswith("data:"):
                    assert tag.name == "a" and attr == "href", (tag.name, attr, v)
    assert "url(" not in " ".join(s.get_text() for s in soup.find_all("style"))
    images = soup.find_all("img")
    assert images and all(img["src"].startswith("data:image/png;base64,") for img in images)
    # every URL in the file sits in an <a href="...">, and is an article of the warehouse
    for match in re.finditer(r"(?i)https?://", raw):
        assert raw[max(0, match.start() - 6):match.start()] == 'href="', raw[match.start() - 40:match.end() + 40]
    hrefs = {a["href"] for a in soup.find_all("a")}
    assert hrefs and all(re.match(r"https://(baogialai\.com\.vn|baohatinh\.vn)/", h) for h in hrefs)


def test_charts_are_embedded_pngs_with_linked_figures(published):
    soup = _soup(published)
    metrics = {t["data-metric"] for t in soup.select("table.summary")}
    charts = soup.select("section.metric figure.chart")
    assert len(charts) == len(metrics) == 4
    for fig in charts:
        png = base64.b64decode(fig.img["src"].split(",", 1)[1])
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000
        assert fig.figcaption.select("li a[href]")  # each drawn figure links to its article


def test_exports_hold_the_months_validated_indicators(engine, published, month_data):
    csv = pd.read_csv(published.files.csv)
    parquet = pd.read_parquet(published.files.parquet)
    with engine.connect() as conn:
        expected = sorted(conn.execute(text("SELECT indicator_id FROM v_indicators WHERE month = :m"),
                                       {"m": MONTH}).scalars())
    for frame in (csv, parquet):
        assert list(frame.columns) == list(V_INDICATOR_COLUMNS)
        assert sorted(frame["indicator_id"].tolist()) == expected
        assert month_data["bad"] not in frame["indicator_id"].tolist()
    assert str(parquet["published_at"].dtype).startswith("datetime64") and parquet["published_at"].notna().all()
    assert parquet.loc[parquet.indicator_id == month_data["hostile"], "title"].item() == HOSTILE_TITLE


def test_publishing_again_keeps_every_revision_and_shows_its_note(engine, wh, at, published, tmp_path):
    before = published.files.html.read_text(encoding="utf-8")
    assert published.revision == 1 and not published.revised
    assert "Revision note" not in before and "## Revision note" not in published.markdown
    late = wh.indicator(wh.article("baohatinh.vn", at("2025-03-30")), "member_good_rate", 99.1)
    again = publish_month(engine, MONTH, tmp_path / "reports")
    with engine.connect() as conn:
        per_revision = dict(conn.execute(text("SELECT revision, count(*) FROM monthly_summaries WHERE month = :m "
                                              "GROUP BY revision"), {"m": MONTH}).all())
    assert per_revision == {1: published.rows, 2: again.rows}  # revision 1 kept, not replaced
    assert again.revision == 2 and again.revised
    after = again.files.html.read_text(encoding="utf-8")
    assert after != before and f'data-indicator-id="{late}"' in after
    assert sorted(p.name for p in again.files.html.parent.iterdir()) == sorted(p.name for p in again.files.all())
    assert late in pd.read_parquet(again.files.parquet)["indicator_id"].tolist()

    note = _soup(again).select_one("#revision-note")
    assert note is not None and "Revision 2 of 2025-03" in note.get_text(" ")
    cells = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in note.select("tbody tr")]
    assert ["baohatinh.vn", "member_good_rate", "actual_value", "97.8", "99.1"] in cells
    assert "Revision 2" in _soup(again).select_one("#revision").get_text(" ")
    markdown = again.files.md.read_text(encoding="utf-8")
    assert "## Revision note" in markdown and "| baohatinh.vn | member\\_good\\_rate | actual\\_value | 97.8 | 99.1 |" in markdown
    history = json.loads(again.files.revisions.read_text(encoding="utf-8"))["revisions"]
    assert [r["revision"] for r in history] == [1, 2] and history[1]["note"].startswith("Revision 2 of 2025-03")
    import pyarrow.parquet as pq
    meta = json.loads(pq.read_schema(again.files.parquet).metadata[b"chitieu.revision"])
    assert meta["revision"] == 2 and {"field": "actual_value", "old": 97.8, "new": 99.1}.items() <= next(
        c for c in meta["changes"] if c["source"] == "baohatinh.vn").items()

    third = publish_month(engine, MONTH, tmp_path / "reports")  # nothing changed since: no revision 3
    assert third.revision == 2 and not third.revised
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM monthly_revisions WHERE month = :m"), {"m": MONTH}).scalar() == 2


def test_empty_month_says_so(engine, month_data, tmp_path):
    result = publish_month(engine, "2023-07", tmp_path / "reports")
    assert result.empty and result.rows == 0 and result.table == []
    soup = _soup(result)
    assert "No validated indicators were found for 2023-07" in soup.select_one("#empty-notice").get_text(" ")
    assert not soup.select("table.summary")
    assert "No validated indicators were found for 2023-07" in result.markdown
    assert pd.read_csv(result.files.csv).empty
    frame = pd.read_parquet(result.files.parquet)
    assert frame.empty and list(frame.columns) == list(V_INDICATOR_COLUMNS)


def test_default_month_is_the_one_that_just_ended(engine, month_data, tmp_path):
    from datetime import UTC, datetime

    result = publish_month(engine, None, tmp_path / "reports", now=datetime(2025, 3, 31, 17, 5, tzinfo=UTC))
    assert result.month == MONTH and not result.empty
    assert result.files.html.parent.name == MONTH
