"""Shortcuts in body cleaning agree with their plain definitions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scrapers.clean import _BOILERPLATE_LINE, RELATED_LABELS, is_boilerplate_line, is_related_label, label_of

_WORDS = sorted({w for label in RELATED_LABELS for w in label.split()} | {"Tin", "ĐỌC", "Xem", "thêm:", "tags", "x"})
_LINES = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.sampled_from([":", " ", "  ", "\t", "\u00a0", "\n", "::"]),
              st.sampled_from(sorted(RELATED_LABELS)).map(str.upper), st.text(max_size=5)),
    max_size=8,
).map("".join)


@given(st.one_of(_LINES, st.text()))
def test_boilerplate_lines_are_what_the_plain_definition_says(text):
    assert is_related_label(text) == (label_of(text) in RELATED_LABELS)
    assert is_boilerplate_line(text) == (label_of(text) in RELATED_LABELS or _BOILERPLATE_LINE.match(text) is not None)


def test_related_labels_are_boilerplate_however_written():
    assert is_boilerplate_line("  TIN LIÊN QUAN :: ")
    assert is_boilerplate_line("Đọc nhiều")
    assert not is_boilerplate_line("Tin liên quan đến công tác xây dựng Đảng năm 2025 được tổng kết.")
