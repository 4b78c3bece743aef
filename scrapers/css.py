"""A small CSS-to-XPath translator for the selector subset the YAML layouts use.

Finding the article container with lxml (C speed) and handing only that fragment to BeautifulSoup
is what makes parsing several times faster than full-page extraction. `cssselect` is not a
dependency, and layouts only need: type, `#id`, `.class`, `[attr]`, `[attr=|^=|$=|*=|~=v]`,
descendant and `>` child combinators, and comma groups. Anything else raises `UnsupportedSelector`
and callers fall back to BeautifulSoup's own (soupsieve) matching on the whole page.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree


class UnsupportedSelector(ValueError):
    pass


_TOKEN = re.compile(
    r"""
    (?P<ws>\s*>\s*|\s+)
  | (?P<tag>[a-zA-Z][\w-]*|\*)
  | \#(?P<id>[\w-]+)
  | \.(?P<cls>[\w-]+)
  | \[\s*(?P<attr>[\w:-]+)\s*(?:(?P<op>[\^$*~|]?=)\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[\w:.-]+)))?\s*\]
    """,
    re.X,
)


def _literal(value: str) -> str:
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    return "concat(" + ", \"'\", ".join(f"'{p}'" for p in value.split("'")) + ")"


def _condition(match: re.Match) -> str:
    if match.group("id"):
        return f"@id={_literal(match.group('id'))}"
    if match.group("cls"):
        cls = match.group("cls")  # the cheap contains() first short-circuits most elements
        return f"contains(@class, {_literal(cls)}) and contains(concat(' ', normalize-space(@class), ' '), {_literal(' ' + cls + ' ')})"
    attr, op = match.group("attr"), match.group("op")
    if not op:
        return f"@{attr}"
    value = next(v for v in (match.group("dq"), match.group("sq"), match.group("bare")) if v is not None)
    lit = _literal(value)
    if op == "=":
        return f"@{attr}={lit}"
    if op == "^=":
        return f"starts-with(@{attr}, {lit})"
    if op == "*=":
        return f"contains(@{attr}, {lit})"
    if op == "$=":
        return f"substring(@{attr}, string-length(@{attr}) - string-length({lit}) + 1)={lit}"
    if op == "~=":
        return f"contains(concat(' ', normalize-space(@{attr}), ' '), {_literal(' ' + value + ' ')})"
    raise UnsupportedSelector(op)


def _one(selector: str) -> str:
    selector = selector.strip()
    if not selector:
        raise UnsupportedSelector("empty selector")
    xpath, axis, pos = "", "descendant-or-self::", 0
    step_tag, conds = None, []

    def flush() -> None:
        nonlocal xpath, step_tag, conds
        if step_tag is None and not conds:
            raise UnsupportedSelector(selector)
        xpath += axis + (step_tag or "*") + "".join(f"[{c}]" for c in conds)
        step_tag, conds = None, []

    while pos < len(selector):
        match = _TOKEN.match(selector, pos)
        if not match or match.end() == pos:
            raise UnsupportedSelector(selector)
        pos = match.end()
        if match.group("ws") is not None:
            flush()
            axis = "/" if ">" in match.group("ws") else "/descendant::"
        elif match.group("tag"):
            if step_tag is not None or conds:
                raise UnsupportedSelector(selector)
            step_tag = match.group("tag").lower()
        else:
            conds.append(_condition(match))
    flush()
    return xpath


@lru_cache(maxsize=1024)
def to_xpath(selector: str) -> etree.XPath:
    """Compiled XPath for a comma group; results come back in document order."""
    parts = [_one(part) for part in _split_groups(selector)]
    return etree.XPath(" | ".join(parts))


def _split_groups(selector: str) -> list[str]:
    groups, depth, current = [], 0, []
    for char in selector:
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        if char == "," and depth == 0:
            groups.append("".join(current))
            current = []
        else:
            current.append(char)
    groups.append("".join(current))
    return [g for g in (g.strip() for g in groups) if g]


def select(element, selector: str) -> list:
    """All elements under (or equal to) `element` matching `selector`, in document order."""
    return to_xpath(selector)(element)


def select_first(element, selector: str):
    """First match, honouring the order of comma groups (the first group that matches wins)."""
    for group in _split_groups(selector):
        found = to_xpath(group)(element)
        if found:
            return found[0]
    return None
