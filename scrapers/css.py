"""CSS selectors of the YAML layouts: parsed by cssselect, matched in Python or by lxml's XPath.

Why not only XPath: cssselect turns a comma list into one XPath traversal per group, each testing
`contains(concat(' ', normalize-space(@class), ' '), ' x ')` on every element. The boilerplate list
has ~50 groups, so pruning one article body cost ~2 ms of XPath. The layouts only use compound
selectors (`tag.class#id[attr^=v]`) joined by descendant or child combinators; those are matched
here in one pass over the tree (reading each element's class once), about 15× faster. Anything
else (pseudo-classes, sibling combinators, namespaces) keeps cssselect's XPath, so every selector
cssselect reads still works, with the same results in document order.

A selector of one or two groups stays with XPath, which scans in C without making a Python object
per element; an index of the page by class cost more to build than the scans it saved (measured).
A selector cssselect cannot read raises `UnsupportedSelector`, naming it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from cssselect import HTMLTranslator, SelectorError, parse
from cssselect.parser import Attrib, Class, CombinedSelector, Element, Hash
from cssselect.xpath import is_non_whitespace
from lxml import etree


class _Translator(HTMLTranslator):
    """cssselect's translation, less one redundant test per element in class scans.

    cssselect writes `.x` as `@class and contains(@class, 'x') and <token test>`; the substring test
    already fails where there is no class attribute, and the existence test builds a node-set for
    every element scanned: without it a scan of a page is ~20% cheaper (a hypothesis test holds this
    translation to cssselect's on generated trees).
    """

    def xpath_attrib_includes(self, xpath, name, value):
        if value and is_non_whitespace(value):
            xpath.add_condition(
                f"contains({name}, {self.xpath_literal(value)}) "
                f"and contains(concat(' ', normalize-space({name}), ' '), {self.xpath_literal(' ' + value + ' ')})"
            )
        else:
            xpath.add_condition("0")
        return xpath


_TRANSLATOR = _Translator()
_XML_SPACE = str.maketrans("\t\n\r", "   ")  # what XPath's normalize-space collapses


class UnsupportedSelector(ValueError):
    pass


def _tokens(value: str) -> list[str]:
    return value.translate(_XML_SPACE).split(" ")


def _attr_test(op: str, value: str | None):
    """A predicate on an attribute's value (None when absent), with cssselect's semantics."""
    if op == "exists":
        return lambda v: v is not None
    assert value is not None
    if op == "=":
        return lambda v: v == value
    if op == "!=":
        return (lambda v: v is None or v != value) if value else (lambda v: v is not None and v != "")
    if op == "~=":
        if not value or any(c in value for c in " \t\n\r\f"):
            return lambda v: False
        return lambda v: v is not None and value in _tokens(v)
    if op == "|=":
        return lambda v: v is not None and (v == value or v.startswith(value + "-"))
    if not value:  # ^= $= *= with an empty value match nothing
        return lambda v: False
    if op == "^=":
        return lambda v: v is not None and v.startswith(value)
    if op == "$=":
        return lambda v: v is not None and v.endswith(value)
    if op == "*=":
        return lambda v: v is not None and value in v
    raise _NotSimple(op)


class _NotSimple(Exception):
    """A selector part this module does not match itself; cssselect's XPath takes the group."""


@dataclass(frozen=True)
class _Compound:
    """`tag.class#id[attr op value]`: everything one element must satisfy by itself."""

    tag: str | None
    ids: tuple[str, ...]
    classes: tuple[str, ...]
    attrs: tuple[tuple[str, object], ...]  # (attribute name, predicate on its value)
    needs: str | None = None  # an attribute the element must carry (`[a!=v]` also matches its absence)
    needed_literal: str | None = None  # text the value of `needs` must contain, when one is known
    literals: tuple[str, ...] = ()  # text a matching element's attributes must contain (ids, classes, values)

    def matches(self, el) -> bool:
        if self.tag is not None and el.tag != self.tag:
            return False
        if self.ids:
            found = el.get("id")
            if found is None or any(found != i for i in self.ids):
                return False
        if self.classes:
            found = el.get("class")
            if found is None:
                return False
            tokens = _tokens(found)
            if any(c not in tokens for c in self.classes):
                return False
        return all(test(el.get(name)) for name, test in self.attrs)


@dataclass(frozen=True)
class _Chain:
    """Compounds joined by ' ' or '>', kept right to left: the element's own compound first."""

    own: _Compound
    up: tuple[tuple[str, _Compound], ...]  # (combinator, compound), walking towards the root

    @property
    def literals(self) -> tuple[str, ...]:
        return (*self.own.literals, *(lit for _, compound in self.up for lit in compound.literals))

    def matches(self, el, root) -> bool:
        return self.own.matches(el) and self._ancestors_match(el, root, 0)

    def _ancestors_match(self, el, root, i: int) -> bool:
        if i == len(self.up):
            return True
        if el is root:  # the ancestors a selector may use are `root` and what lies inside it
            return False
        combinator, compound = self.up[i]
        node = el.getparent()
        while node is not None:
            if compound.matches(node) and self._ancestors_match(node, root, i + 1):
                return True
            if combinator == ">" or node is root:
                return False
            node = node.getparent()
        return False


def _compound(tree) -> _Compound:
    tag, ids, classes, attrs, needs, needed_literal, literals = None, [], [], [], None, None, []
    node = tree
    while not isinstance(node, Element):
        if isinstance(node, Class):
            classes.append(node.class_name)
            node = node.selector
        elif isinstance(node, Hash):
            ids.append(node.id)
            node = node.selector
        elif isinstance(node, Attrib):
            if node.namespace:
                raise _NotSimple("namespace")
            value = getattr(node.value, "value", node.value)
            attrs.append((node.attrib.lower(), _attr_test(node.operator, value)))
            if node.operator != "!=":
                needs = node.attrib.lower()
                needed_literal = value if node.operator != "exists" and value else None
            if node.operator not in ("exists", "!=") and value:
                literals.append(value)
            node = node.selector
        else:
            raise _NotSimple(type(node).__name__)
    if node.namespace:
        raise _NotSimple("namespace")
    if node.element and node.element != "*":
        tag = node.element.lower()
    return _Compound(tag, tuple(ids), tuple(classes), tuple(attrs), needs, needed_literal, (*ids, *classes, *literals))


def _chain(tree) -> _Chain:
    up: list[tuple[str, _Compound]] = []
    own = None
    node = tree
    pending = None
    while isinstance(node, CombinedSelector):
        if node.combinator not in (" ", ">"):
            raise _NotSimple(node.combinator)
        compound = _compound(node.subselector)
        if own is None:
            own = compound
        else:
            up.append((pending, compound))
        pending = node.combinator
        node = node.selector
    last = _compound(node)
    if own is None:
        return _Chain(last, ())
    up.append((pending, last))
    return _Chain(own, tuple(up))


@dataclass(frozen=True)
class _Group:
    """One comma group: its XPath (always right), and a `_Chain` when we can match it ourselves."""

    chain: _Chain | None
    xpath: etree.XPath
    first: etree.XPath  # the first match in document order only: libxml2 stops scanning at it
    # for `a.x b.y`-like chains: the elements matching the last compound (its tag narrows the scan in
    # C to a few candidates), whose ancestors `chain` then checks; None where that would not pay
    own: etree.XPath | None = None

    def matches_under(self, root) -> list | None:
        """The group's matches under `root` through `own`, or None when it has no `own`."""
        if self.own is None:
            return None
        return [el for el in self.own(root) if self.chain._ancestors_match(el, root, 0)]


@dataclass(frozen=True)
class Selector:
    """A compiled comma list: a `_Chain` per group we match ourselves, an XPath for the others."""

    text: str
    groups: tuple[_Group, ...]

    @cached_property
    def _dispatch(self) -> _Dispatch | None:
        chains = [g.chain for g in self.groups if g.chain is not None]
        return _Dispatch(chains) if len(chains) == len(self.groups) and len(chains) > 2 else None

    @cached_property
    def _literals(self) -> tuple[tuple[str, ...] | None, ...]:
        return tuple(g.chain.literals if g.chain is not None else None for g in self.groups)

    def may_match(self, source_has) -> bool:
        """False when no group can match a tree parsed from a source lacking some text it needs.

        `source_has(text)` says whether the page's source contains `text`. An id, class or
        attribute value in the tree is text of the source, unless written with character
        references (the caller answers True for everything when the source holds any). Groups
        this module does not match itself are always possible.
        """
        return any(lits is None or all(source_has(lit) for lit in lits) for lits in self._literals)

    def select(self, root) -> list:
        """All matches under (or equal to) `root`, in document order, each once."""
        if self._dispatch is not None:  # many groups: one pass, each element tested only where it could match
            return self._dispatch.select(root)
        if len(self.groups) == 1 and (found := self.groups[0].matches_under(root)) is not None:
            return found
        return to_xpath(self.text)(root)

    def first(self, root, memo: dict | None = None):
        """First match of the first group that matches (group order wins over document order).

        `memo` remembers each group's first match under `root` (keyed by its XPath): layouts ask a
        page the same group more than once (`detect` and `body` both start with `.article__body`),
        and each query is a scan of the whole page.
        """
        for group in self.groups:
            key = group.xpath.path
            if memo is not None and key in memo:
                hit = memo[key]
            else:
                hits = group.matches_under(root)
                hits = group.first(root) if hits is None else hits
                hit = hits[0] if hits else None
                if memo is not None:
                    memo[key] = hit
            if hit is not None:
                return hit
        return None


class _Dispatch:
    """Groups bucketed by the id, class or tag their own compound needs, so one pass over a tree
    reads each element's attributes once and tests only the groups that could match it.

    Most boilerplate groups are a bare `.class`, `#id` or `tag`: for those, landing in the bucket is
    the match, so they are kept as plain sets and never tested.
    """

    def __init__(self, chains: list[_Chain]):
        self.sure_tags: set[str] = set()
        self.sure_ids: set[str] = set()
        self.sure_classes: set[str] = set()
        self.by_id: dict[str, list[_Chain]] = {}
        self.by_class: dict[str, list[_Chain]] = {}
        self.by_tag: dict[str, list[_Chain]] = {}
        by_attr: dict[str, list[tuple[str | None, _Chain]]] = {}
        self.rest: list[_Chain] = []
        for chain in chains:
            own = chain.own
            bare = not chain.up and not own.attrs and len(own.ids) + len(own.classes) + (own.tag is not None) == 1
            if bare and own.tag is not None:
                self.sure_tags.add(own.tag)
            elif bare and own.ids:
                self.sure_ids.add(own.ids[0])
            elif bare:
                self.sure_classes.add(own.classes[0])
            elif own.ids:
                self.by_id.setdefault(own.ids[0], []).append(chain)
            elif own.classes:
                self.by_class.setdefault(own.classes[0], []).append(chain)
            elif own.tag is not None:
                self.by_tag.setdefault(own.tag, []).append(chain)
            elif own.needs:
                by_attr.setdefault(own.needs, []).append((own.needed_literal, chain))
            else:
                self.rest.append(chain)
        self.by_attr = tuple(by_attr.items())

    def select(self, root) -> list:
        out = []
        sure_tags, sure_ids, sure_classes = self.sure_tags, self.sure_ids, self.sure_classes
        by_id, by_class, by_tag, by_attr, rest = self.by_id, self.by_class, self.by_tag, self.by_attr, self.rest
        for el in root.iter():
            tag = el.tag
            if not isinstance(tag, str):
                continue
            if tag in sure_tags:
                out.append(el)
                continue
            el_id = el.get("id")
            if el_id is not None and el_id in sure_ids:
                out.append(el)
                continue
            cls = el.get("class")
            tokens = _tokens(cls) if cls else ()
            if tokens and not sure_classes.isdisjoint(tokens):
                out.append(el)
                continue
            groups = rest
            if tag in by_tag:
                groups = groups + by_tag[tag]
            if el_id is not None and el_id in by_id:
                groups = groups + by_id[el_id]
            for token in tokens:
                if token in by_class:
                    groups = groups + by_class[token]
            for name, chains in by_attr:
                value = el_id if name == "id" else cls if name == "class" else el.get(name)
                if value is not None:
                    # a literal the attribute's value must contain rules most elements out without a call
                    groups = groups + [chain for literal, chain in chains if literal is None or literal in value]
            if groups and any(g.matches(el, root) for g in groups):
                out.append(el)
        return out


@lru_cache(maxsize=2048)
def compile_selector(selector: str) -> Selector:
    try:
        parsed = parse(selector)
    except SelectorError as exc:
        raise UnsupportedSelector(f"{selector!r}: {exc}") from exc
    groups: list[_Group] = []
    for group in parsed:
        try:
            path = _TRANSLATOR.selector_to_xpath(group, prefix="descendant-or-self::")
        except SelectorError as exc:
            raise UnsupportedSelector(f"{selector!r}: {exc}") from exc
        try:
            chain = _chain(group.parsed_tree)
        except _NotSimple:
            chain = None
        # One location step (a compound we parsed ourselves): `step[1]` is its first match in
        # document order and libxml2 stops there, ~2.5x faster than listing every match. A path of
        # several steps needs the whole node-set's first, `(path)[1]`.
        first = f"{path}[1]" if chain is not None and not chain.up else f"({path})[1]"
        own = None
        if chain is not None and chain.up and chain.own.tag is not None and (chain.own.classes or chain.own.ids):
            own_css = group.parsed_tree.subselector.canonical()
            own = etree.XPath(_TRANSLATOR.css_to_xpath(own_css, prefix="descendant-or-self::"))
        groups.append(_Group(chain, etree.XPath(path), etree.XPath(first), own))
    return Selector(selector, tuple(groups))


@lru_cache(maxsize=1024)
def to_xpath(selector: str) -> etree.XPath:
    """Compiled XPath for a whole comma group; results come back in document order."""
    try:
        return etree.XPath(_TRANSLATOR.css_to_xpath(selector, prefix="descendant-or-self::"))
    except SelectorError as exc:
        raise UnsupportedSelector(f"{selector!r}: {exc}") from exc


def select(element, selector: str) -> list:
    """All elements under (or equal to) `element` matching `selector`, in document order."""
    return compile_selector(selector).select(element)


def select_first(element, selector: str, memo: dict | None = None):
    """First match, honouring the order of comma groups (the first group that matches wins).

    Pass the same `memo` dict for repeated queries of one tree that is not modified in between.
    """
    return compile_selector(selector).first(element, memo)
