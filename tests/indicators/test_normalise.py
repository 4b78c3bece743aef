"""One normal form: NFC, the classic tone placement of the seeds, whitespace collapsed, paragraphs kept."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators.normalise import normalise_text


@pytest.mark.parametrize("raw, expected", [
    ("Hoà bình", "Hòa bình"), ("thuỷ lợi", "thủy lợi"), ("Uỷ ban", "Ủy ban"), ("HOÀ", "HÒA"),
    ("khoẻ mạnh", "khỏe mạnh"), ("quý", "quý"), ("hoàn thành", "hoàn thành"), ("thuyền", "thuyền"),
    (unicodedata.normalize("NFD", "xoá tên"), "xóa tên"),
    ("a  \u00a0 b\n\n\n\n  c ", "a b\n\nc"),
    ("\u00d0ảng viên \u00f0ược", "Đảng viên được"),  # the eth some sites type for Đ / đ
])
def test_normal_form(raw, expected):
    assert normalise_text(raw) == expected


@given(st.text())
def test_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


def _plain_normalise(text: str) -> str:
    """The definition, with both substitutions always run (normalise_text skips them when a cheap test
    shows they would change nothing)."""
    from indicators.normalise import _BLANK_LINES, _NEW_STYLE, _SPACES, _TABLE

    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    text = _NEW_STYLE.sub(lambda m: _TABLE.get(m.group(1), m.group(1)), text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


_TRICKY = st.text(alphabet=st.sampled_from(list("oOuUqQaAyYeE xh\t\n\u00a0\u200b\u3000\u0300\u0301\u0309\u0303\u0323")
                                        + list("àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉỲÝ")))


@given(st.one_of(_TRICKY, st.text()))
def test_fast_paths_agree_with_the_definition(text):
    assert normalise_text(text) == _plain_normalise(text)
