"""build_month / write_month against a small warehouse: the figures, the exclusions, the comparisons."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from warehouse import models as m
from warehouse.report import latest_month_with_data
from warehouse.summaries import build_month, month_just_ended, revisions, shift_month, write_month

MONTH = "2025-03"


@pytest.fixture
def scenario(wh, at):
    """March 2025 in two provinces, with February and March 2024 to compare against, and every kind of
    row the summary must leave out (quarantined, duplicate, replaced, pending, next month)."""
    ids = {}
    # Gia Lai, March
    a1 = wh.article("baogialai.com.vn", at("2025-03-05"))
    a2 = wh.article("baogialai.com.vn", at("2025-03-20"))
    a3 = wh.article("baogialai.com.vn", at("2025-03-20"))  # same instant as a2: ties go to the higher id
    ids["early"] = wh.indicator(a1, "org_good_rate", 92.0, subject="Đảng bộ huyện Chư Sê")
    ids["tie_low"] = wh.indicator(a2, "org_good_rate", 95.5, subject="Đảng bộ Khối các cơ quan tỉnh")
    ids["target"] = wh.indicator(a2, "org_good_rate", 90.0, kind="target", qualifier="over")
    ids["actual"] = wh.indicator(a3, "org_good_rate", 94.0, subject="Đảng bộ huyện Chư Sê")
    ids["new_members"] = wh.indicator(a1, "new_members", 120, unit="count")
    ids["other"] = wh.indicator(a1, "other", 7, unit="count")
    # excluded rows
    ids["bad_value"] = wh.indicator(a1, "member_good_rate", 140.0, status=m.QUARANTINED)
    wh.quarantine("indicators", ids["bad_value"], "rate above 100%", value="140.0",
                  expectation="expect_column_values_to_be_between")
    ids["replaced"] = wh.indicator(a2, "org_good_rate", 10.0, is_current=False)
    ids["pending"] = wh.indicator(a1, "new_members", 999, unit="count", status=m.PENDING)
    q_art = wh.article("baogialai.com.vn", at("2025-03-28"), status=m.QUARANTINED)
    ids["in_quarantined_article"] = wh.indicator(q_art, "org_good_rate", 99.9)
    wh.quarantine("articles", q_art[0], "published_at later than fetch time", column="published_at")
    dup = wh.article("baogialai.com.vn", at("2025-03-29"), duplicate_of=a1[0])
    ids["in_duplicate"] = wh.indicator(dup, "org_good_rate", 50.0)
    # Gia Lai, February 2025 and March 2024
    ids["feb_early"] = wh.indicator(wh.article("baogialai.com.vn", at("2025-02-03")), "org_good_rate", 80.0)
    ids["feb"] = wh.indicator(wh.article("baogialai.com.vn", at("2025-02-25")), "org_good_rate", 93.0)
    ids["last_year"] = wh.indicator(wh.article("baogialai.com.vn", at("2024-03-15")), "org_good_rate", 88.5)
    # Hà Tĩnh: the latest March article is published 23:30 local on the 31st (16:30 UTC);
    # one published 00:30 local on 1 April (still 31 March in UTC) belongs to April
    h1 = wh.article("baohatinh.vn", at("2025-03-10"))
    ids["ht_actual_early"] = wh.indicator(h1, "member_good_rate", 97.8, subject="Đảng bộ tỉnh Hà Tĩnh")
    ids["ht_target"] = wh.indicator(h1, "member_good_rate", 85.0, kind="target", qualifier="over")
    ids["ht_funds"] = wh.indicator(h1, "welfare_funds_vnd", 35e9, unit="vnd")
    h2 = wh.article("baohatinh.vn", at("2025-03-31", hour=23))
    ids["ht_actual"] = wh.indicator(h2, "member_good_rate", 98.1)
    ids["ht_april"] = wh.indicator(wh.article("baohatinh.vn", at("2025-04-01", hour=0)), "member_good_rate", 50.0)
    ids["ht_last_year"] = wh.indicator(wh.article("baohatinh.vn", at("2024-03-02")), "member_good_rate", 96.0)
    return ids


def _view_latest(engine, month):
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT source, metric, unit, kind, n_indicators, latest_value, latest_indicator_id "
                 "FROM v_monthly_indicators WHERE month = :month AND metric <> 'other'"),
            {"month": month},
        ).mappings().all()
    return {(r["source"], r["metric"], r["unit"], r["kind"]): r for r in rows}


def test_figures_match_v_monthly_indicators(engine, scenario):
    summary = build_month(engine, MONTH)
    view = _view_latest(engine, MONTH)
    assert {(r.source, r.metric) for r in summary.rows} == {(s, mt) for s, mt, _u, _k in view}
    for row in summary.rows:
        for kind, fig in (("actual", row.actual), ("target", row.target)):
            expected = view.get((row.source, row.metric, row.unit, kind))
            if expected is None:
                assert fig is None
            else:
                assert fig.value == pytest.approx(expected["latest_value"])
                assert fig.indicator_id == expected["latest_indicator_id"]
        found = sum(v["n_indicators"] for k, v in view.items() if k[:3] == (row.source, row.metric, row.unit))
        assert row.indicators_found == found
    # the two traps: a tie on published_at, and a late-night article on the last day of the month
    by_key = {(r.source, r.metric): r for r in summary.rows}
    assert by_key[("baogialai.com.vn", "org_good_rate")].actual.indicator_id == scenario["actual"]
    assert by_key[("baohatinh.vn", "member_good_rate")].actual.indicator_id == scenario["ht_actual"]


def test_written_rows_match_the_view(engine, scenario):
    summary = build_month(engine, MONTH)
    assert write_month(engine, summary) == len(summary.rows)
    view = _view_latest(engine, MONTH)
    with engine.connect() as conn:
        stored = conn.execute(
            text("SELECT s.name AS source, ms.metric, ms.unit, ms.actual_value, ms.actual_indicator_id, "
                 "ms.target_value, ms.indicators_found, ms.province_code FROM monthly_summaries ms "
                 "JOIN sources s ON s.id = ms.source_id WHERE ms.month = :month"),
            {"month": MONTH},
        ).mappings().all()
    assert len(stored) == len(summary.rows) > 0
    for r in stored:
        actual = view.get((r["source"], r["metric"], r["unit"], "actual"))
        target = view.get((r["source"], r["metric"], r["unit"], "target"))
        assert r["actual_value"] == (actual["latest_value"] if actual else None)
        assert r["actual_indicator_id"] == (actual["latest_indicator_id"] if actual else None)
        assert r["target_value"] == (target["latest_value"] if target else None)
    provinces = {r["source"]: r["province_code"] for r in stored}
    assert provinces == {"baogialai.com.vn": "gia-lai", "baohatinh.vn": "ha-tinh"}


def test_quarantined_duplicate_replaced_and_pending_rows_are_left_out(engine, scenario):
    summary = build_month(engine, MONTH)
    used = {f.indicator_id for r in summary.rows for f in (r.actual, r.target, r.prev_month, r.prev_year) if f}
    listed = {i["indicator_id"] for i in summary.indicators}
    for key in ("bad_value", "replaced", "pending", "in_quarantined_article", "in_duplicate", "ht_april"):
        assert scenario[key] not in used | listed, key
    assert ("baogialai.com.vn", "member_good_rate") not in {(r.source, r.metric) for r in summary.rows}
    # articles read: every March article except the duplicate, quarantined ones included
    read = {s.source: s.articles_read for s in summary.sources}
    assert read == {"baogialai.com.vn": 4, "baohatinh.vn": 2}
    # what was quarantined and why
    reasons = dict(summary.quarantine_reasons)
    assert reasons == {"rate above 100%": 1, "published_at later than fetch time": 1}
    item = next(q for q in summary.quarantined if q.table_name == "indicators")
    assert (item.row_id, item.metric, item.indicator_value) == (scenario["bad_value"], "member_good_rate", 140.0)
    assert item.url.startswith("https://baogialai.com.vn/")


def test_changes_against_previous_month_and_year(engine, scenario):
    summary = build_month(engine, MONTH)
    assert (summary.prev_month, summary.prev_year_month) == ("2025-02", "2024-03")
    by_key = {(r.source, r.metric): r for r in summary.rows}
    gl = by_key[("baogialai.com.vn", "org_good_rate")]
    assert gl.prev_month.indicator_id == scenario["feb"]  # the later of the two February figures
    assert gl.prev_year.indicator_id == scenario["last_year"]
    assert gl.change_prev_month == pytest.approx(gl.actual.value - gl.prev_month.value)
    assert gl.change_prev_year == pytest.approx(gl.actual.value - gl.prev_year.value)
    assert gl.actual_vs_target == pytest.approx(gl.actual.value - gl.target.value)
    assert gl.change_prev_month == pytest.approx(1.0) and gl.change_prev_year == pytest.approx(5.5)
    ht = by_key[("baohatinh.vn", "member_good_rate")]
    assert ht.prev_month is None and ht.change_prev_month is None
    assert ht.change_prev_year == pytest.approx(98.1 - 96.0)
    assert ht.organisations == ("Đảng bộ tỉnh Hà Tĩnh",)
    assert gl.organisations == ("Đảng bộ huyện Chư Sê", "Đảng bộ Khối các cơ quan tỉnh")
    assert [m for m, _ in summary.history[("baogialai.com.vn", "org_good_rate")]] == ["2024-03", "2025-02", MONTH]
    # and across a year boundary
    assert (shift_month("2025-01", -1), shift_month("2025-01", -12)) == ("2024-12", "2024-01")


def test_rewriting_a_month_adds_a_revision_only_when_its_figures_change(engine, wh, at, scenario):
    write_month(engine, build_month(engine, "2025-02"))
    first = write_month(engine, build_month(engine, MONTH))
    write_month(engine, build_month(engine, MONTH))  # same figures: nothing new
    # a later article arrives; publishing again adds revision 2 and keeps revision 1
    late = wh.article("baogialai.com.vn", at("2025-03-30"))
    new_id = wh.indicator(late, "org_good_rate", 96.2)
    again = write_month(engine, build_month(engine, MONTH))
    with engine.connect() as conn:
        counts = dict(conn.execute(text("SELECT month || '/' || revision, count(*) FROM monthly_summaries "
                                        "GROUP BY month, revision")).all())
        latest = conn.execute(
            text("SELECT actual_indicator_id, change_prev_month FROM monthly_summaries ms JOIN sources s "
                 "ON s.id = ms.source_id WHERE month = :m AND s.name = 'baogialai.com.vn' "
                 "AND metric = 'org_good_rate' AND revision = 2"), {"m": MONTH}).one()
    assert first == again == counts[f"{MONTH}/1"] == counts[f"{MONTH}/2"]
    assert counts["2025-02/1"] == 1 and "2025-02/2" not in counts
    assert latest[0] == new_id and latest[1] == pytest.approx(96.2 - 93.0)
    history = revisions(engine, MONTH)
    assert [r.number for r in history] == [1, 2] and history[0].note is None
    assert any(c.source == "baogialai.com.vn" and c.metric == "org_good_rate" and c.field == "actual_value"
               and c.new == pytest.approx(96.2) for c in history[1].changes)
    assert "org_good_rate actual:" in history[1].note and "→ 96.2" in history[1].note


def test_empty_month_builds_an_empty_summary(engine, scenario):
    summary = build_month(engine, "2023-07")
    assert summary.empty and summary.rows == () and summary.indicators == ()
    assert write_month(engine, summary) == 0


def test_month_just_ended_uses_vietnamese_time():
    # 17:30 UTC on 28 Feb is already 00:30 on 1 March in Hà Nội: February just ended
    assert month_just_ended(datetime(2025, 2, 28, 17, 30, tzinfo=UTC)) == "2025-02"
    assert month_just_ended(datetime(2025, 2, 28, 16, 30, tzinfo=UTC)) == "2025-01"
    assert month_just_ended(datetime(2025, 1, 10, tzinfo=UTC)) == "2024-12"
    with pytest.raises(ValueError):
        build_month(None, "2025-3x")


def test_latest_month_with_data(engine, wh, at, scenario):
    assert latest_month_with_data(engine) == "2025-04"
    # April's only figure gets quarantined: March becomes the latest month with data
    with engine.begin() as conn:
        conn.execute(text("UPDATE indicators SET status = 'quarantined' WHERE id = :i"), {"i": scenario["ht_april"]})
    assert latest_month_with_data(engine) == MONTH


def test_rows_group_by_the_current_unit_and_name_the_earlier_province(engine, wh, at):
    """Báo Bình Định (archival; Bình Định joined Gia Lai on 2025-07-01) sits with Báo Gia Lai, named."""
    from sqlalchemy.orm import Session

    from warehouse import models as m
    from warehouse.report import render_markdown

    with Session(engine) as s, s.begin():
        s.get(m.Province, "gia-lai").province_2025 = "gia-lai"
        s.get(m.Province, "ha-tinh").province_2025 = "ha-tinh"
    wh.source("baobinhdinh.vn", "binh-dinh", "Bình Định")
    with Session(engine) as s, s.begin():
        s.get(m.Province, "binh-dinh").province_2025 = "gia-lai"
    wh.indicator(wh.article("baohatinh.vn", at("2025-03-02")), "new_members", 40, unit="count")
    wh.indicator(wh.article("baobinhdinh.vn", at("2025-03-03")), "new_members", 60, unit="count")
    wh.indicator(wh.article("baogialai.com.vn", at("2025-03-04")), "new_members", 80, unit="count")
    summary = build_month(engine, "2025-03")
    assert [(r.source, r.place) for r in summary.rows] == [
        ("baobinhdinh.vn", "Gia Lai (Bình Định before 2025-07-01)"),
        ("baogialai.com.vn", "Gia Lai"),
        ("baohatinh.vn", "Hà Tĩnh"),
    ]
    assert [s.place for s in summary.sources] == ["Gia Lai (Bình Định before 2025-07-01)", "Gia Lai", "Hà Tĩnh"]
    assert "| Gia Lai (Bình Định before 2025-07-01) | baobinhdinh.vn |" in render_markdown(summary)
