"""Context readings an analyst would make, one trap of the spec each."""

from __future__ import annotations

import pytest

from indicators.extract import extract


def _core(text, published=None):
    return [(i.metric, i.value, i.kind, i.qualifier) for i in extract(text, published=published)
            if i.metric != "other"]


def test_parenthesised_target_after_rate():
    got = _core("Hàng năm có 97,8% đảng viên (chỉ tiêu trên 85%) được phân loại “Hoàn thành tốt nhiệm vụ”.")
    assert got == [("member_good_rate", 97.8, "actual", "exact"), ("member_good_rate", 85.0, "target", "over")]


def test_rate_beating_its_target_is_a_change():
    got = _core("Kết quả: tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ vượt 14,7%; tỷ lệ công đoàn cơ sở hoàn thành "
                "xuất sắc nhiệm vụ vượt 8%.")
    assert got == [("org_good_rate", 14.7, "change", "exact")]


def test_plan_share_and_admissions():
    got = _core("Toàn Đảng bộ đã kết nạp được 787 đảng viên (đạt 43,72% so với chỉ tiêu nghị quyết năm).")
    assert got == [("new_members", 787, "actual", "exact"), ("new_members_plan_pct", 43.72, "actual", "exact")]


def test_in_which_inherits_the_subject_before():
    got = _core("Phấn đấu 100% cơ quan, đơn vị hoàn thành nhiệm vụ, trong đó có 95% trở lên hoàn thành tốt nhiệm vụ.")
    assert got == [("units_good_rate", 95, "target", "at_least")]


def test_awards_are_not_counts_of_organisations():
    assert _core("Dịp này, Đảng ủy tặng giấy khen cho 21 TCCSĐ hoàn thành xuất sắc nhiệm vụ và 26 đảng viên.") == []


def test_houses_against_plan_give_a_target():
    got = _core("Năm 2021, Đảng ủy Khối đã xây dựng và bàn giao 35/30 “Mái ấm biên cương” (vượt 16,7% kế hoạch).")
    assert got == [("houses_built", 35, "actual", "exact"), ("houses_built", 30, "target", "exact")]


def test_each_amount_of_a_breakdown_is_its_own_record():
    got = _core("Tổng số tiền ủng hộ an sinh xã hội trên 35 tỷ đồng, trong đó ủng hộ Quỹ vắc-xin trên 8,6 tỷ đồng.")
    assert got == [("welfare_funds_vnd", 35e9, "actual", "over"), ("welfare_funds_vnd", 8.6e9, "actual", "over")]


def test_economic_money_is_other():
    assert _core("Năm 2023, thu ngân sách đạt 1.200 tỷ đồng, doanh thu 350 tỷ đồng.") == []


@pytest.mark.parametrize(("text", "metric", "value"), [
    ("Các cấp ủy đã xóa tên 12 đảng viên.", "removed_members", 12),
    ("Đảng bộ đã đưa 4 đảng viên ra khỏi Đảng.", "removed_members", 4),
    ("Có 6 đảng viên bị khai trừ.", "removed_members", 6),
    ("Thi hành kỷ luật 15 đảng viên.", "disciplined_members", 15),
    ("Năm nay kết nạp mới 40 đảng viên.", "new_members", 40),
    ("Đảng bộ nâng tổng số đảng viên lên 1.320 đồng chí.", "total_members", 1320),
    ("Đảng bộ hiện có 56 tổ chức cơ sở đảng trực thuộc.", "org_count", 56),
    ("Đảng bộ đạt và vượt 10/12 chỉ tiêu.", "targets_met", 10),
])
def test_count_phrasings(text, metric, value):
    assert _core(text) == [(metric, value, "actual", "exact")]


def test_year_from_text_then_publication_date():
    from datetime import date

    [a] = [i for i in extract("Năm 2022, kết nạp 50 đảng viên.") if i.metric == "new_members"]
    assert a.year == 2022
    [b] = [i for i in extract("Đảng bộ kết nạp 50 đảng viên.", published=date(2023, 5, 1))
           if i.metric == "new_members"]
    assert b.year == 2023
