"""Vietnamese numbers: round trips, amounts, and the digit strings that are never figures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators.extract import extract
from indicators.normalise import normalise_text
from indicators.numbers import find_amounts, format_vn_number, parse_vn_number


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip(n):
    assert parse_vn_number(format_vn_number(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=3))
def test_decimals_round_trip(n, decimals):
    value = n / 10**decimals
    text = format_vn_number(value, decimals)
    assert "," in text
    assert parse_vn_number(text) == pytest.approx(value, rel=1e-12, abs=1e-9)


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["%", " tỷ đồng", " triệu đồng", " đảng viên"]))
def test_formatted_figures_are_found_in_a_sentence(n, tail):
    text = f"Năm 2023, Đảng bộ đạt {format_vn_number(n)}{tail} trong công tác này."
    amounts = find_amounts(text)
    assert len(amounts) == 1
    scale = {"%": 1, " tỷ đồng": 1e9, " triệu đồng": 1e6, " đảng viên": 1}[tail]
    assert amounts[0].value == pytest.approx(n * scale)


@pytest.mark.parametrize(("text", "value", "unit", "denominator"), [
    ("đạt 98,6% kế hoạch", 98.6, "percent", None),
    ("có 1.465 chi bộ", 1465, "count", None),
    ("có 20/3.494 chi bộ", 20, "count", 3494),
    ("bàn giao 35/30 căn nhà", 35, "count", 30),
    ("ủng hộ 1,8 tỷ đồng", 1.8e9, "vnd", None),
    ("ủng hộ 200 triệu đồng", 2e8, "vnd", None),
    ("tặng quà trị giá 500 nghìn đồng", 5e5, "vnd", None),
    ("quyên góp 1 tỷ 200 triệu đồng", 1.2e9, "vnd", None),
    ("tiền mặt 500.000 đồng", 5e5, "vnd", None),
    ("bàn giao một căn nhà", 1, "count", None),
])
def test_amounts(text, value, unit, denominator):
    [a] = find_amounts(text)
    assert (a.value, a.unit, a.denominator) == (pytest.approx(value), unit, denominator)


@pytest.mark.parametrize(("text", "value", "written"), [
    ("kết nạp được mười lăm đảng viên mới", 15, "mười lăm"),
    ("Hai mươi hai đảng viên được kết nạp", 22, "Hai mươi hai"),
    ("đã trao hai mươi mốt căn nhà", 21, "hai mươi mốt"),
    ("có một trăm linh năm quần chúng", 105, "một trăm linh năm"),
    ("khánh thành ba chục căn nhà", 30, "ba chục"),
    ("trong năm hai đảng viên bị khiển trách", 2, "hai"),  # "năm hai" is not one number: the tail that is
])
def test_counts_written_in_compound_words(text, value, written):
    [a] = find_amounts(text)
    assert (a.value, a.unit, text[a.start:a.end]) == (value, "count", written)


@pytest.mark.parametrize("text", ["hàng trăm hộ được hỗ trợ", "vài chục đảng viên trẻ", "lần thứ hai mươi hai người"])
def test_number_words_that_count_nothing(text):
    assert find_amounts(text) == []


def test_ranges_give_both_ends():
    amounts = find_amounts("phấn đấu kết nạp từ 150 đến 180 đảng viên, tỷ lệ 85-90%")
    assert [(a.value, a.unit, a.range_role) for a in amounts] == [
        (150, "count", "low"), (180, "count", "high"), (85, "percent", "low"), (90, "percent", "high")]


def test_money_words_are_not_people():
    [a] = find_amounts("có 5 đồng chí tham dự")
    assert a.unit == "count"


NEVER = [
    "Sáng 4-1, Đảng bộ họp.", "Chiều 30-6, hội nghị khai mạc.", "ngày 21/8/2024, đoàn làm việc.",
    "26/09/2024, 09:59", "nhiệm kỳ 2020-2025", "nhiệm kỳ 2020 - 2025", "trong năm 2021",
    "Nghị quyết số 02-NQ/TW ngày 28-6-2021", "Quy định 1614-QĐ/TU", "Chỉ thị số 05-CT/TW của Bộ Chính trị",
    "Đại hội lần thứ 8", "khóa XIII", "Nghị quyết Trung ương 4", "các hộ ở nhà cấp 4",
    "trao Huy hiệu 30, 40 năm tuổi Đảng", "Huy hiệu 55 năm tuổi Đảng", "hoàn thành xuất sắc nhiệm vụ 5 năm liền",
    "z5868466591461_cb0ac391548a8c786e6d83082e1607a6.jpg", "phòng, chống Covid-19", "[GMT+7]",
    "(0) Comments", "1. Từ đầu nhiệm kỳ đến nay", "(2) Hàng năm, có", "Kết luận số 21 của Ban Chấp hành",
    "Thứ Tư, 16/06/2021, 05:44", "trong 5 năm qua", "6 tháng đầu năm",
]


@pytest.mark.parametrize("text", NEVER)
def test_labels_dates_and_durations_are_never_figures(text):
    assert find_amounts(normalise_text(text)) == []
    assert extract(text) == []


@pytest.mark.parametrize("text, value", [("8,2 tỷ đồng", 8_200_000_000), ("1,15 tỷ đồng", 1_150_000_000),
                                         ("0,3 triệu đồng", 300_000), ("hơn 4,7 nghìn đảng viên", 4_700)])
def test_scaled_amounts_are_whole(text, value):
    # an analyst sums and compares these: 8,2 tỷ is 8,200,000,000 đồng exactly, not a float's 8,199,999,999.999999
    assert [a.value for a in find_amounts(text)] == [value]


@pytest.mark.parametrize("text, values", [("từ 10 đến 15 triệu đồng", [10_000_000, 15_000_000]),
                                          ("trị giá từ 350.000 đến 1 triệu đồng", [350_000, 1_000_000])])
def test_a_range_takes_the_scale_after_it_unless_its_low_end_would_pass_its_high_end(text, values):
    assert [a.value for a in find_amounts(text)] == values


def test_a_part_written_out_in_dong_over_a_whole_in_billions():
    [a] = find_amounts("vận động được 14.714.669.968/9,5 tỷ đồng")
    assert (a.value, a.unit, a.denominator) == (14714669968, "vnd", 9.5e9)
    [a] = find_amounts("vận động được 12,5/10 tỷ đồng")
    assert (a.value, a.denominator) == (pytest.approx(12.5e9), 10e9)


def test_van_is_ten_thousand_in_lower_case_only():
    assert [(a.value, a.unit) for a in find_amounts("gần 12 vạn đảng viên")] == [(120_000, "count")]
    assert [a.value for a in find_amounts("hơn 3,5 vạn hội viên")] == [35_000]
    # a place named Vạn is no scale
    assert 40_000 not in [a.value for a in find_amounts("thôn 4 Vạn Thọ, xã Tân An")]


def test_an_amount_in_descending_scales_is_one_sum_of_money_even_without_dong():
    assert [(a.value, a.unit) for a in find_amounts("trị giá 27 tỷ 415 triệu cho hộ nghèo")] == [(27_415_000_000, "vnd")]
    assert [(a.value, a.unit) for a in find_amounts("mỗi hộ 4 triệu 250 nghìn")] == [(4_250_000, "vnd")]
    # two amounts of one scale are two figures
    assert len(find_amounts("2 triệu, 3 triệu người")) == 2


def test_a_count_glued_to_what_it_counts_is_still_a_count_but_a_code_is_not():
    assert [a.value for a in find_amounts("kết nạp được 14quần chúng ưu tú")] == [14]
    assert find_amounts("mạng 5G phủ sóng") == []
