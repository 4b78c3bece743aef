"""A page's bytes become the text lxml parses: one decoder, control characters out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scrapers.page import _CONTROL, Page, utf8_without_controls

_NEAR_CONTROLS = st.text(alphabet=st.sampled_from(["a", "ạ", " ", "\n", "\t", "\r", "\x00", "\x01", "\x0b",
                                                    "\x1f", "\x7f", "\x80", "\ud800", "đ"]))


@given(st.one_of(_NEAR_CONTROLS, st.text()))
def test_control_characters_removed_exactly_as_the_regex_does(text):
    kept = _CONTROL.sub("", text)
    assert utf8_without_controls(text) == (kept, kept.encode("utf-8", "surrogatepass"))


def test_a_page_with_control_characters_still_parses():
    page = Page("<html><body><p>Kết nạp\x0b 25 đảng viên\x00</p></body></html>".encode(), "https://example.org/a")
    assert page.doc.findtext(".//p") == "Kết nạp 25 đảng viên"


_BODY = "<p>Kết nạp 25 đảng viên – “hoàn thành tốt” ≥ 90%</p>"


@given(
    head=st.sampled_from(["", '<meta charset="utf-8">', '<meta charset="UTF8">', '<meta charset="windows-1258">',
                          '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">']),
    padding=st.sampled_from([0, 5000]),
    encoding=st.sampled_from(["utf-8", "cp1258", "utf-16", "utf-8-sig"]),
)
def test_page_bytes_parse_to_the_tree_of_the_text_they_decode_to(head, padding, encoding):
    """Bytes parse to the tree of the text `scrapers.charset` decodes them to, whatever the page
    declares, wherever it declares it (lxml never reads the declaration itself)."""
    from lxml import etree

    from scrapers.page import decode_html

    html = f"<html><head>{'<!-- x -->' * (padding // 10)}{head}</head><body>{_BODY}</body></html>"
    try:
        data = html.encode(encoding)
    except UnicodeEncodeError:
        return
    page = Page(data, "https://example.org/a")
    assert etree.tostring(page.doc, encoding="unicode") == etree.tostring(Page(decode_html(data), "https://example.org/a").doc,
                                                                          encoding="unicode")
