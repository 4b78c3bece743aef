"""CSS selectors of the YAML layouts, run as XPath: cssselect translates, lxml evaluates.

Each selector is translated once by cssselect's `HTMLTranslator` and compiled once by lxml (a
small cache keeps the compiled form: the layouts ask the same few hundred selectors of every page).
A comma list is compiled twice over: as one XPath, whose matches come back in document order, and
as one XPath per group, for `Selector.first`, where the first group that matches wins.

A page is asked many selectors that cannot match it: the generic fallback tries ~25 body classes,
the family presets their signatures, each a scan of a page of ~1,000 elements. A group needing a
class, id or attribute value that the page's source never mentions is therefore ruled out by a
string search first (`Selector.may_match`, `Page.source_has`): without it the real pages of the page
benchmark ran at 3.9–4.0× trafilatura instead of 4.3–4.7× (goal ≥ 4×; CPU time, same runs).

A selector cssselect cannot read raises `UnsupportedSelector`, naming it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from cssselect import HTMLTranslator, SelectorError, parse
from cssselect.parser import Attrib, Class, CombinedSelector, Hash
from lxml import etree

_TRANSLATOR = HTMLTranslator()
_PREFIX = "descendant-or-self::"  # a selector may match the element it is asked of


class UnsupportedSelector(ValueError):
    """A selector cssselect cannot parse or translate; the message names it."""


@dataclass(frozen=True)
class Selector:
    """A compiled comma list: the whole list as one XPath, and each group's first match as its own."""

    text: str
    xpath: etree.XPath
    firsts: tuple[etree.XPath, ...]  # per group: its first match (`_first_only`)
    needs: tuple[frozenset[str], ...]  # per group: text a source must hold for the group to match

    def may_match(self, source_has: Callable[[str], bool]) -> bool:
        """False when every group needs some text `source_has` says the page's source lacks."""
        return any(all(source_has(text) for text in needed) for needed in self.needs)

    def select(self, root) -> list:
        """All matches under (or equal to) `root`, in document order, each once."""
        return self.xpath(root)

    def first(self, root):
        """First match of the first group that matches (group order wins over document order)."""
        for group in self.firsts:
            hits = group(root)
            if hits:
                return hits[0]
        return None


def _needed_text(tree) -> frozenset[str]:
    """The classes, ids and attribute values an element must carry to match the parsed group `tree`.

    Only parts every match needs are read: both sides of a combinator and the compound a pseudo-class
    or `:not()` qualifies, never what `:not()`, `:is()` or `[a!=v]` name.
    """
    if isinstance(tree, CombinedSelector):
        return _needed_text(tree.selector) | _needed_text(tree.subselector)
    own: set[str] = set()
    if isinstance(tree, Class):
        own.add(tree.class_name)
    elif isinstance(tree, Hash):
        own.add(tree.id)
    elif isinstance(tree, Attrib) and tree.operator not in ("exists", "!="):
        value = getattr(tree.value, "value", tree.value)  # a Token since cssselect 1.2
        if value:
            own.add(value)
    inner = getattr(tree, "selector", None)
    return frozenset(own) | (_needed_text(inner) if inner is not None else frozenset())


def _first_only(group, path: str) -> str:
    """`path` narrowed to its first match when it is one location step (a group without combinators).

    libxml2 stops scanning at the first node of `step[1]`: a layout's body or container found near
    the top of a real page costs a quarter of the whole scan. Without it the real pages of the page
    benchmark ran at 4.0× trafilatura instead of 4.3–4.4× (goal ≥ 4×). A path of several steps is
    left whole (`path[1]` would take the first match under each context node).
    """
    return path if isinstance(group.parsed_tree, CombinedSelector) else f"{path}[1]"


@lru_cache(maxsize=1024)
def compile_selector(selector: str) -> Selector:
    """`selector` translated and compiled; raises `UnsupportedSelector` naming it."""
    try:
        groups = parse(selector)
        paths = [_TRANSLATOR.selector_to_xpath(group, _PREFIX, translate_pseudo_elements=True) for group in groups]
    except SelectorError as exc:
        raise UnsupportedSelector(f"{selector!r}: {exc}") from exc
    return Selector(selector, etree.XPath(" | ".join(paths)),
                    tuple(etree.XPath(_first_only(group, path)) for group, path in zip(groups, paths, strict=True)),
                    tuple(_needed_text(group.parsed_tree) for group in groups))


def select(element, selector: str) -> list:
    """All elements under (or equal to) `element` matching `selector`, in document order."""
    return compile_selector(selector).select(element)


def select_first(element, selector: str):
    """First match, honouring the order of comma groups (the first group that matches wins)."""
    return compile_selector(selector).first(element)
