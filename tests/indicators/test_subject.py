"""`subject`: the organisation a figure is about, as the article names it (spec field `subject`)."""

from __future__ import annotations

from indicators.extract import extract


def _subjects(text):
    return [(i.metric, i.value, i.subject) for i in extract(text) if i.metric != "other"]


def test_the_organisation_named_in_the_sentence():
    got = _subjects("Năm 2024, Đảng bộ huyện Chư Sê kết nạp 152 đảng viên. Cùng kỳ, Đảng bộ xã Ia Blang có "
                    "98,5% đảng viên hoàn thành tốt nhiệm vụ.")
    assert got == [("new_members", 152, "Đảng bộ huyện Chư Sê"), ("member_good_rate", 98.5, "Đảng bộ xã Ia Blang")]


def test_a_bare_dang_bo_refers_back_to_the_named_one():
    got = _subjects("Đảng bộ Khối các Cơ quan và Doanh nghiệp tỉnh có 115 tổ chức cơ sở đảng. Năm 2024, "
                    "Đảng bộ kết nạp 320 đảng viên mới.")
    assert [s for _, _, s in got] == ["Đảng bộ Khối các Cơ quan và Doanh nghiệp tỉnh"] * 2


def test_the_whole_of_a_party_organisation_is_that_organisation():
    got = _subjects("Toàn Đảng bộ tỉnh Quảng Ninh có 96,2% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.")
    assert got == [("org_good_rate", 96.2, "Đảng bộ tỉnh Quảng Ninh")]


def test_a_name_stops_at_the_first_ordinary_word():
    got = _subjects("Đảng ủy xã Ia Pa đã kết nạp 12 đảng viên trong năm 2024.")
    assert got == [("new_members", 12, "Đảng ủy xã Ia Pa")]


def test_no_organisation_named_gives_no_subject():
    assert {s for _, _, s in _subjects("Năm 2024, toàn tỉnh kết nạp 1.465 đảng viên, đạt 104% kế hoạch.")} == {None}


def test_a_departments_name_keeps_its_lower_case_words():
    got = _subjects("Năm 2024, Đảng bộ Sở Tài nguyên và Môi trường kết nạp 6 đảng viên; Chi bộ Sở Y tế có 41 đảng viên.")
    assert got == [("new_members", 6, "Đảng bộ Sở Tài nguyên và Môi trường"), ("total_members", 41, "Chi bộ Sở Y tế")]
