"""CSS selectors of the YAML layouts, compiled once to XPath with cssselect and run by lxml.

Parsing only the article container with lxml (C speed) is what makes page parsing several times
faster than full-page extraction; compiled selectors are cached because every page of a layout
asks the same ones. A selector cssselect cannot read raises `UnsupportedSelector`, naming it.
"""

from __future__ import annotations

from functools import lru_cache

from cssselect import HTMLTranslator, SelectorError, parse
from lxml import etree

_TRANSLATOR = HTMLTranslator()


class UnsupportedSelector(ValueError):
    pass


@lru_cache(maxsize=2048)
def _group_xpaths(selector: str) -> tuple[etree.XPath, ...]:
    """One compiled XPath per comma group, matching the element itself or its descendants."""
    try:
        return tuple(etree.XPath(_TRANSLATOR.selector_to_xpath(group, prefix="descendant-or-self::"))
                     for group in parse(selector))
    except SelectorError as exc:
        raise UnsupportedSelector(f"{selector!r}: {exc}") from exc


@lru_cache(maxsize=1024)
def to_xpath(selector: str) -> etree.XPath:
    """Compiled XPath for a whole comma group; results come back in document order."""
    try:
        return etree.XPath(_TRANSLATOR.css_to_xpath(selector, prefix="descendant-or-self::"))
    except SelectorError as exc:
        raise UnsupportedSelector(f"{selector!r}: {exc}") from exc


def select(element, selector: str) -> list:
    """All elements under (or equal to) `element` matching `selector`, in document order."""
    return to_xpath(selector)(element)


def select_first(element, selector: str):
    """First match, honouring the order of comma groups (the first group that matches wins)."""
    for xpath in _group_xpaths(selector):
        found = xpath(element)
        if found:
            return found[0]
    return None
