"""Provinces across the merger of 2025-07-01: the reference data, and a metric summed across it.

Báo Bình Định (province `binh-dinh`, archival since Bình Định joined Gia Lai) and Báo Gia Lai report
new Party members; the views keep each figure's province as published and add the unit it belongs to
now, so a yearly total for today's Gia Lai includes both papers (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from indicators.record import Indicator
from scrapers.config import Source
from scrapers.records import ParsedArticle
from warehouse import load
from warehouse.load import LoadItem
from warehouse.provinces import ReferenceError, load_reference, reference

DOC = Path(__file__).resolve().parents[2] / "docs" / "warehouse.md"

PAPERS = {
    "baogialai.com.vn": ("gia-lai", "Gia Lai"),
    "baobinhdinh.vn": ("binh-dinh", "Bình Định"),
    "baohatinh.vn": ("ha-tinh", "Hà Tĩnh"),
}


def test_reference_maps_63_provinces_onto_34_units():
    ref = reference()
    assert len(ref.units) == 34 and len(ref.provinces) == 63
    assert str(ref.effective) == "2025-07-01"
    assert ref.unit_of("binh-dinh") == "gia-lai" and ref.unit_of("gia-lai") == "gia-lai"
    assert ref.unit_of("ba-ria-vung-tau") == "ho-chi-minh" and ref.unit_of("kon-tum") == "quang-ngai"
    assert ref.unit_of("nowhere") is None
    by_unit = {u.code: set(u.formed_from) for u in ref.units}
    assert by_unit["lam-dong"] == {"lam-dong", "dak-nong", "binh-thuan"}
    assert sum(len(members) for members in by_unit.values()) == 63
    assert sum(1 for u in ref.units if len(u.formed_from) == 1) == 11  # the units the merger left alone


def test_a_province_in_two_units_is_refused(tmp_path):
    text_ = (Path(__file__).resolve().parents[2] / "warehouse" / "provinces_2025.yaml").read_text(encoding="utf-8")
    broken = text_.replace("      - {code: hue,", "      - {code: ha-giang, name_vi: Hà Giang, name_en: Ha Giang, "
                                                "kind: province}\n      - {code: hue,")
    (tmp_path / "p.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(ReferenceError, match="ha-giang is in both"):
        load_reference(tmp_path / "p.yaml")


def _article(source: str, n: int, when: datetime, members: int) -> tuple[ParsedArticle, list[Indicator]]:
    url = f"https://{source}/bai-{n}-post{n}.html"
    body = (f"Năm {when.year}, toàn Đảng bộ đã kết nạp {members} đảng viên mới, đạt kế hoạch đề ra. "
            "Các cấp ủy tiếp tục nâng cao chất lượng sinh hoạt chi bộ và công tác phát triển đảng viên.")
    article = ParsedArticle(url=url, canonical_url=url, source=source, title=f"Kết nạp đảng viên mới ({n})",
                            sapo=None, body=body, published_at=when, layout="onecms")
    start = article.text.index(str(members))
    end = start + len(str(members))
    indicator = Indicator(metric="new_members", value=float(members), unit="count", kind="actual",
                          qualifier="exact", denominator=None, year=when.year, subject=None,
                          evidence=article.text[:80], start=start, end=end)
    return article, [indicator]


def _load(engine) -> None:
    sources = [Source(name=name, province=code, province_name=pname, base_url=f"https://{name}",
                      status="archival" if name == "baobinhdinh.vn" else "active",
                      merged_into="baogialai.com.vn" if name == "baobinhdinh.vn" else None)
               for name, (code, pname) in PAPERS.items()]
    load.sync_sources(engine, sources)
    run_id = load.start_run(engine, "backfill")
    rows = [  # (paper, published, new members)
        ("baobinhdinh.vn", datetime(2020, 6, 20, 3, tzinfo=UTC), 1200),
        ("baobinhdinh.vn", datetime(2020, 12, 28, 3, tzinfo=UTC), 1500),
        ("baogialai.com.vn", datetime(2020, 7, 2, 3, tzinfo=UTC), 1800),
        ("baohatinh.vn", datetime(2020, 7, 5, 3, tzinfo=UTC), 900),
        ("baogialai.com.vn", datetime(2025, 8, 4, 3, tzinfo=UTC), 2100),  # after the merger: today's Gia Lai
    ]
    items = []
    for n, (source, when, members) in enumerate(rows, start=1):
        article, indicators = _article(source, n, when, members)
        items.append(LoadItem(article, indicators, None, True, source))
    load.load_articles(engine, run_id, items)
    with engine.begin() as connection:
        connection.execute(text("UPDATE indicators SET status = 'valid'"))
        connection.execute(text("UPDATE articles SET status = 'valid'"))


def test_a_metric_sums_across_the_merger(engine):
    _load(engine)
    with engine.connect() as c:
        published = c.execute(text(
            "SELECT source, province_code, province_2025, province_2025_name FROM v_indicators "
            "WHERE source = 'baobinhdinh.vn'")).all()
        assert set(published) == {("baobinhdinh.vn", "binh-dinh", "gia-lai", "Gia Lai")}
        by_2025 = dict(c.execute(text(
            "SELECT province_2025, SUM(value) FROM v_indicators WHERE metric = 'new_members' "
            "AND month LIKE '2020-%' GROUP BY province_2025")).all())
        by_published = dict(c.execute(text(
            "SELECT province_code, SUM(value) FROM v_indicators WHERE metric = 'new_members' "
            "AND month LIKE '2020-%' GROUP BY province_code")).all())
        monthly = c.execute(text(
            "SELECT month, province_code, province_2025, latest_value FROM v_monthly_indicators "
            "WHERE source = 'baobinhdinh.vn' ORDER BY month")).all()
        documented = next(q for q in _doc_queries() if "provinces_before_2025" in q)
        yearly = {(r["province_2025"], r["year"]): (r["new_members"], r["provinces_before_2025"])
                  for r in c.execute(text(documented)).mappings()}
    assert by_2025 == {"gia-lai": 4500.0, "ha-tinh": 900.0}  # Bình Định's 2,700 count for today's Gia Lai
    assert by_published == {"gia-lai": 1800.0, "binh-dinh": 2700.0, "ha-tinh": 900.0}
    assert [tuple(r) for r in monthly] == [("2020-06", "binh-dinh", "gia-lai", 1200.0),
                                           ("2020-12", "binh-dinh", "gia-lai", 1500.0)]
    assert yearly == {("gia-lai", "2020"): (4500.0, 2), ("gia-lai", "2025"): (2100.0, 1),
                      ("ha-tinh", "2020"): (900.0, 1)}


def _doc_queries() -> list[str]:
    import re

    return re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
