"""Page decoding shortcuts agree with their plain definitions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scrapers.page import _CONTROL, Page, _without_controls

_NEAR_CONTROLS = st.text(alphabet=st.sampled_from(["a", "ạ", " ", "\n", "\t", "\r", "\x00", "\x01", "\x0b",
                                                    "\x1f", "\x7f", "\x80", "\ud800", "đ"]))


@given(st.one_of(_NEAR_CONTROLS, st.text()))
def test_control_characters_removed_exactly_as_the_regex_does(text):
    assert _without_controls(text) == _CONTROL.sub("", text)


def test_a_page_with_control_characters_still_parses():
    page = Page("<html><body><p>Kết nạp\x0b 25 đảng viên\x00</p></body></html>".encode(), "https://example.org/a")
    assert page.doc.findtext(".//p") == "Kết nạp 25 đảng viên"
