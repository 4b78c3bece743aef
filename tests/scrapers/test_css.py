"""The Python selector matcher must agree with cssselect's XPath on every selector it takes over."""

from __future__ import annotations

import lxml.html
import pytest
from cssselect import HTMLTranslator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from scrapers.css import UnsupportedSelector, compile_selector, select, select_first, to_xpath
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
        kind = draw(st.sampled_from(["class", "id", "attr"]))
        if kind == "class":
            parts.append("." + draw(st.sampled_from(CLASSES)))
        elif kind == "id":
            parts.append("#" + draw(st.sampled_from(IDS)))
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
            chain += [draw(st.sampled_from([" ", " > "])), draw(compounds())]
        groups.append("".join(chain))
    return ", ".join(groups)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=trees(), selector=selectors())
def test_python_matching_agrees_with_xpath(html, selector):
    root = lxml.html.fragment_fromstring(f"<div>{html}</div>")
    for scope in (root, root[0]):
        expected = to_xpath(selector)(scope)
        # three copies of the list force the one-pass matcher even for a single group
        assert select(scope, ", ".join([selector] * 3)) == expected
        assert select(scope, selector) == expected


def _stock(css: str) -> etree.XPath:
    """cssselect's own translation, unchanged."""
    return etree.XPath(HTMLTranslator().css_to_xpath(css, prefix="descendant-or-self::"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=trees(), selector=selectors())
def test_our_xpath_finds_what_cssselects_finds(html, selector):
    """The translation without cssselect's redundant `@class and` finds the same elements, and the
    first-match queries find the first match of the first group that has one."""
    root = lxml.html.fragment_fromstring(f"<div>{html}</div>")
    assert to_xpath(selector)(root) == _stock(selector)(root)
    expected = next((hit for group in selector.split(", ") for hit in _stock(group)(root)[:1]), None)
    assert select_first(root, selector) == expected


def test_the_boilerplate_list_is_matched_in_python_and_finds_what_xpath_finds():
    from scrapers.clean import BOILERPLATE_SELECTORS

    selector = ", ".join(BOILERPLATE_SELECTORS)
    assert all(g.chain is not None for g in compile_selector(selector).groups)
    html = """<div><p class="lead">x</p><div id="sdaWeb_3">ad</div><div class="box tin-lien-quan">r</div>
    <section data-source="mostread-news"><a class="share">s</a></section><script>1</script>
    <div class="ads_middle other"><span>y</span></div><p>keep</p></div>"""
    root = lxml.html.fragment_fromstring(html)
    found = select(root, selector)
    assert found == to_xpath(selector)(root)
    assert [e.tag for e in found] == ["div", "div", "section", "a", "script", "div"]


def test_selectors_outside_the_simple_forms_still_work_through_xpath():
    root = lxml.html.fragment_fromstring("<div><p>a</p><p class='z'>b</p><h2>c</h2><p>d</p></div>")
    for selector in ("p:first-child, h2 + p, p:not(.z)", "div > p:nth-child(2)", "h2 ~ p, .z, span"):
        assert select(root, selector) == to_xpath(selector)(root)
    assert select_first(root, "span, h2 + p, .z").text == "d"  # group order wins over document order


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
    if not compile_selector(selector).may_match(page.source_has):
        assert select(page.doc, selector) == []


def test_source_text_rules_out_only_what_the_page_never_mentions():
    page = Page('<html><body><div class="article__body"><p class="t1">x</p></div></body></html>', "https://e.org/")
    assert compile_selector(".article__body p.t1").may_match(page.source_has)
    assert not compile_selector(".cms-body, #content, [itemprop=articleBody]").may_match(page.source_has)
    assert compile_selector(".cms-body, p:first-child").may_match(page.source_has)  # XPath-only group: unknown
    with_refs = Page('<html><body><div class="cms&#45;body">x</div></body></html>', "https://e.org/")
    assert compile_selector(".cms-body").may_match(with_refs.source_has)
    assert select(with_refs.doc, ".cms-body")
