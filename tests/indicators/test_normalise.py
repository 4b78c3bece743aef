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
])
def test_normal_form(raw, expected):
    assert normalise_text(raw) == expected


@given(st.text())
def test_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
