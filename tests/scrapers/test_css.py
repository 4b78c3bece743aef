"""Layout selectors: cssselect's meaning, group order for first matches, a clear error, and the
source-text check that skips selectors a page cannot match."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapers.css import UnsupportedSelector, compile_selector, select, select_first
from scrapers.page import Page

TAGS = ["div", "p", "span", "a", "section"]
CLASSES = ["a", "b", "ads", "tin-lien-quan", "x-y"]
IDS = ["main", "sdaWeb_1", "ads_2", "c"]


@st.composite
def trees(draw, depth=0):
    tag = draw(st.sampled_from(TAGS))
    attrs = []
    if draw(st.booleans()):
        classes = draw(st.lists(st.sampled_from(CLASSES), max_size=3))
        sep = draw(st.sampled_from([" ", "  ", "\t", " \n "]))
        attrs.append(f'class="{sep.join(classes)}"')
    if draw(st.booleans()):
        attrs.append(f'id="{draw(st.sampled_from(IDS))}"')
    if draw(st.booleans()):
        attrs.append(f'data-source="{draw(st.sampled_from(["", "mostread-news", "x"]))}"')
    children = draw(st.lists(trees(depth=depth + 1), max_size=0 if depth >= 3 else 3))
    return f"<{tag} {' '.join(attrs)}>t{''.join(children)}</{tag}>"


@st.composite
def compounds(draw):
    parts = [draw(st.sampled_from(["", *TAGS]))]
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(st.sampled_from(["class", "id", "attr", "not"]))
        if kind == "class":
            parts.append("." + draw(st.sampled_from(CLASSES)))
        elif kind == "id":
            parts.append("#" + draw(st.sampled_from(IDS)))
        elif kind == "not":
            parts.append(f":not(.{draw(st.sampled_from(CLASSES))})")
        else:
            name = draw(st.sampled_from(["class", "id", "data-source"]))
            op = draw(st.sampled_from(["", "=", "~=", "|=", "^=", "$=", "*=", "!="]))
            value = draw(st.sampled_from({"class": ["", *CLASSES, "tin-lien", "a b"], "id": ["", *IDS, "sdaWeb_"],
                                          "data-source": ["", "mostread-news", "x"]}[name]))
            parts.append(f"[{name}]" if not op else f'[{name}{op}"{value}"]')
    text = "".join(parts)
    return text or "*"


@st.composite
def selectors(draw):
    groups = []
    for _ in range(draw(st.integers(1, 4))):
        chain = [draw(compounds())]
        for _ in range(draw(st.integers(0, 2))):
            chain += [draw(st.sampled_from([" ", " > ", " + "])), draw(compounds())]
        groups.append("".join(chain))
    return ", ".join(groups)


def test_matches_come_in_document_order_and_the_first_group_that_matches_wins():
    root = lxml.html.fragment_fromstring("<div><p>a</p><p class='z'>b</p><h2>c</h2><p>d</p></div>")
    assert [e.text for e in select(root, "h2 + p, .z, span")] == ["b", "d"]
    assert [e.text for e in select(root, "p:first-child, p:not(.z)")] == ["a", "d"]
    assert select_first(root, "span, h2 + p, .z").text == "d"  # group order wins over document order
    assert select_first(root, "span") is None
    assert select(root, "div") == [root]  # the element asked may match itself


def test_an_unreadable_selector_names_itself():
    with pytest.raises(UnsupportedSelector, match="div::before"):
        select(lxml.html.fragment_fromstring("<div/>"), "div::before")
    with pytest.raises(UnsupportedSelector, match=r"\[\["):
        select(lxml.html.fragment_fromstring("<div/>"), "[[")


@st.composite
def sources(draw):
    """Page sources whose attribute values are sometimes written with character or named references."""
    html = draw(trees())
    if draw(st.booleans()):
        html = html.replace("tin-lien-quan", "tin-lien-qu&#97;n", 1)  # a class written with a character reference
    if draw(st.booleans()):
        html = html.replace('data-source="x"', 'data-source="x&amp;y"', 1)
    return f"<html><body><div>{html}</div></body></html>"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=sources(), selector=st.one_of(selectors(), st.just('[data-source*="x&y"]')))
def test_a_selector_ruled_out_by_the_source_text_matches_nothing(html, selector):
    page = Page(html, "https://example.org/a")
    if not page.may_match(selector):
        assert select(page.doc, selector) == []
        assert page.first(selector) is None


def test_source_text_rules_out_only_what_the_page_never_mentions():
    page = Page('<html><body><div class="article__body"><p class="t1">x</p></div></body></html>', "https://e.org/")
    assert page.may_match(".article__body p.t1")
    assert not page.may_match(".cms-body, #content, [itemprop=articleBody]")
    assert page.may_match(".cms-body, p:first-child")  # a group that needs no text: always possible
    assert page.may_match("p:not(.cms-body)")  # what :not() names is not needed
    with_refs = Page('<html><body><div class="cms&#45;body">x</div></body></html>', "https://e.org/")
    assert with_refs.may_match(".cms-body")
    assert select(with_refs.doc, ".cms-body")


def test_a_selector_is_compiled_once():
    assert compile_selector(".a, .b") is compile_selector(".a, .b")
