"""Sentence splitting keeps abbreviations, numbers and list markers inside their sentence."""

from __future__ import annotations

from indicators.sentences import paragraph_bounds, split_sentences


def test_splits_on_sentence_ends_with_offsets():
    text = "Năm 2023, kết nạp 98 đảng viên. Tỷ lệ đạt 98,6%! Còn gì nữa? Hết."
    spans = split_sentences(text)
    assert [s.text for s in spans] == ["Năm 2023, kết nạp 98 đảng viên.", "Tỷ lệ đạt 98,6%!", "Còn gì nữa?", "Hết."]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_numbers_do_not_split():
    text = "Có 1.465 chi bộ, chiếm 98,6% tổng số. Sau đó họp."
    assert [s.text for s in split_sentences(text)] == ["Có 1.465 chi bộ, chiếm 98,6% tổng số.", "Sau đó họp."]


def test_abbreviations_and_initials_do_not_split():
    text = "Ông Nguyễn V. An ở TP. Hạ Long và Th.S Lê Thị Hoa, PGS. TS. Trần Minh dự họp. Câu sau."
    assert len(split_sentences(text)) == 2


def test_list_markers_do_not_split_and_lines_do():
    text = "1. Từ đầu nhiệm kỳ đến nay, Đảng bộ đạt kết quả.\nĐoạn hai bắt đầu"
    spans = split_sentences(text)
    assert [s.text for s in spans] == ["1. Từ đầu nhiệm kỳ đến nay, Đảng bộ đạt kết quả.", "Đoạn hai bắt đầu"]
    assert paragraph_bounds("a\n\n b\nc ") == [(0, 1), (4, 5), (6, 7)]


def test_ellipsis_before_lower_case_continues():
    text = "các hoạt động đền ơn đáp nghĩa… trên 25 tỷ đồng. Kết quả tốt."
    assert len(split_sentences(text)) == 2


def test_a_city_abbreviation_ends_a_sentence_before_a_sentence_opener():
    text = "Công đoàn đã có mặt ở mọi khu công nghiệp của TP. Toàn đảng bộ có 480 đảng viên. Tại TP. Tân An cũng vậy."
    assert [s.text for s in split_sentences(text)] == [
        "Công đoàn đã có mặt ở mọi khu công nghiệp của TP.", "Toàn đảng bộ có 480 đảng viên.",
        "Tại TP. Tân An cũng vậy."]
