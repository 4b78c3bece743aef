"""Page -> ParsedArticle: the source's YAML layouts first, then the generic fallback.

A layout applies when its URL pattern matches (or, failing every such layout, when its `detect`
selectors are all present) and its body selector finds an element. The page is parsed once with lxml
(the parser BeautifulSoup would use); selectors run as XPath translated from CSS (scrapers.css) and only a
copy of the article container is cleaned and walked, which is what keeps parsing several times faster than
full-page extraction. Parsing is a pure function.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from urllib.parse import urlsplit

from scrapers import boilerplate, clean, fallback, generic
from scrapers.config import Layout, Source, family_source, load_presets, load_sources
from scrapers.css import UnsupportedSelector, select
from scrapers.dates import parse_vn_datetime
from scrapers.page import Page, drop_tree, text_of
from scrapers.records import ParsedArticle, ParseError

_META = re.compile(r"""^meta\[(?:property|name|itemprop)=["']?([\w:.-]+)["']?\]$""")
_ATTR = re.compile(r"^(?P<css>.*?)\s*@(?P<attr>[\w:-]+)$")
MIN_BODY_CHARS = 40


@lru_cache(maxsize=1)
def _shipped_sources() -> tuple[Source, ...]:
    """The sources shipped in scrapers/sources/, read once (they are configuration, not state)."""
    return tuple(load_sources().values())


def source_for_url(url: str, sources: Mapping[str, Source] | Iterable[Source]) -> Source | None:
    """The source owning `url` (longest matching domain wins), or None."""
    items = sources.values() if isinstance(sources, Mapping) else sources
    owners = [s for s in items if s.owns(url)]
    if not owners:
        return None
    return max(owners, key=lambda s: max((len(d) for d in [*s.domains, s.base_url] if d), default=0))


def parse_page(html: str | bytes, url: str, source: Source | None = None, *,
               content_type: str | None = None) -> ParsedArticle:
    """Parse one article page. Raises ParseError (one-line reason) for anything that is not an article.

    Bytes are decoded by `scrapers.charset` (the fetcher's decoder), with the response's
    Content-Type header when the caller has it, so every path reads a page the same way.
    """
    try:
        return _parse(html, url, source, content_type)
    except ParseError:
        raise
    except RecursionError as exc:
        raise ParseError("page nested too deeply to parse") from exc
    except Exception as exc:  # noqa: BLE001 - any parser failure is a page we cannot read, never a crash
        raise ParseError(f"unreadable page ({type(exc).__name__}: {str(exc)[:120]})") from exc


def _parse(html: str | bytes, url: str, source: Source | None, content_type: str | None = None) -> ParsedArticle:
    page = Page(html, url, content_type)
    candidates = [source] if source is not None else [s for s in _shipped_sources() if s.owns(url)]
    for src in candidates:
        real = src.real_url(url)
        page.url = real
        by_url = [layout for layout in src.layouts if layout.matches_url(real)]
        by_detect = [layout for layout in src.layouts if layout not in by_url and layout.detect]
        for layout in [*by_url, *by_detect]:
            article = _try_layout(page, real, src, layout)
            if article is not None:
                return article
    owner = candidates[0] if candidates else None
    if owner is None or owner.family is None:
        # a host with no source file, or a paper whose family nobody has named yet: its markup may say
        article = _try_families(page, owner.real_url(url) if owner else url, owner)
        if article is not None:
            return article
    return fallback.parse_fallback(page, owner.real_url(url) if owner else url, owner)


@lru_cache(maxsize=1)
def _families() -> tuple[Layout, ...]:
    """The presets that say how to recognise their family by structure (`signature`)."""
    return tuple(layout for layout in load_presets() if layout.signature)


def _try_families(page: Page, url: str, owner: Source | None = None) -> ParsedArticle | None:
    """A page read with the preset of the CMS family its markup shows: on a host with no source file,
    or of a paper whose file names no family.

    The family is told by structure (every `signature` selector present), never by host name, so
    baonghean.vn parses with the 1cdn / NEKO preset the day it is first met. Without a source file the
    article keeps `source` None; `layout` names the family.
    """
    for layout in _families():
        try:
            if any(page.first(selector) is None for selector in layout.signature):
                continue
        except UnsupportedSelector:
            continue
        article = _try_layout(page, url, owner or family_source(url, layout), layout)
        if article is not None:
            return article if owner is not None else replace(article, source=None)
    return None


def _split_attr(selector: str) -> tuple[str, str | None]:
    match = _ATTR.match(selector)
    return (match.group("css"), match.group("attr")) if match else (selector, None)


def _value(element, attr: str | None) -> str | None:
    value = element.get(attr) if attr else text_of(element)
    return value.strip() if value and value.strip() else None


def _find(work, page: Page, selectors: list[str], *, last: bool = False, page_level: bool = True):
    """(value, element-in-`work` or None) for the first selector yielding a value; container, then page."""
    for selector in selectors:
        css, attr = _split_attr(selector)
        meta = _META.match(css)
        if meta and attr == "content":  # head metadata: a dict lookup, not a document scan
            if value := page.meta(meta.group(1).lower()):
                return value, None
            continue
        try:
            if not page.may_match(css):
                continue
            value, element = _first_value(work, css, attr, last)
            if value is None and page_level:
                value, element = _first_value(page.doc, css, attr, last)
                element = None
        except UnsupportedSelector:
            continue
        if value is not None:
            return value, element
    return None, None


def _first_value(root, css: str, attr: str | None, last: bool):
    """(value, element) of the first (or last) element under `root` matching `css` that has a value."""
    found = select(root, css)
    for element in reversed(found) if last else found:
        if value := _value(element, attr):
            return value, element
    return None, None


def _find_all(work, page: Page, selectors: list[str]) -> list[str]:
    for selector in selectors:
        css, attr = _split_attr(selector)
        try:
            if not page.may_match(css):
                continue
            values = [v for v in (_value(e, attr) for e in select(work, css)) if v]
            values = values or [v for v in (_value(e, attr) for e in select(page.doc, css)) if v]
        except UnsupportedSelector:
            continue
        if values:
            return generic.split_keywords(values[0]) if len(values) == 1 and attr else values
    return []


def _first(page: Page, selectors: list[str]):
    """The first element on the page of the first selector that finds one."""
    for selector in selectors:
        try:
            element = page.first(selector)
        except UnsupportedSelector:
            continue
        if element is not None:
            return element
    return None


def _container(page: Page, layout: Layout, body_el):
    """The layout's container if it holds the body, else the nearest common ancestor of title and body."""
    if layout.container:
        element = page.first(layout.container)
        if element is not None and clean.attached(body_el, element):
            return element
    title_el = _first(page, [_split_attr(s)[0] for s in layout.title])
    if title_el is not None:
        ancestors = set()
        node = title_el
        while node is not None:
            ancestors.add(node)
            node = node.getparent()
        node = body_el
        while node is not None and node not in ancestors:
            node = node.getparent()
        if node is not None and node.tag != "html":
            return node
    parent = body_el.getparent()
    return parent if parent is not None and parent.tag != "html" else body_el


def _counterpart(element, root, copied):
    """The element of `copied` (a deep copy of `root`) standing where `element` stands under `root`."""
    steps = []
    while element is not root:
        parent = element.getparent()
        steps.append(parent.index(element))
        element = parent
    for i in reversed(steps):
        copied = copied[i]
    return copied


def _drop(element, body) -> None:
    """Remove an element already read (title, sapo, date, byline) when it sits inside the body."""
    if element is not None and element is not body and clean.attached(element, body) and element.getparent() is not None:
        drop_tree(element)


def _author_before(sapo_el) -> tuple[str | None, str | None]:
    """An all-capitals name printed just before the sapo, or opening it; (author, sapo text without it)."""
    previous = sapo_el.getprevious()
    while previous is not None and (not isinstance(previous.tag, str) or not text_of(previous)):
        previous = previous.getprevious()
    if previous is not None and clean.is_upper_name(text_of(previous)):
        author = clean.clean_author(text_of(previous))
        drop_tree(previous)
        return author, None
    first = next((c for c in sapo_el.iter("b", "strong", "span") if c is not sapo_el), None)
    sapo_text = text_of(sapo_el)
    if first is not None and clean.is_upper_name(text_of(first)) and sapo_text.startswith(text_of(first)):
        return clean.clean_author(text_of(first)), sapo_text[len(text_of(first)):].strip()
    return None, None


def _try_layout(page: Page, url: str, source: Source, layout: Layout) -> ParsedArticle | None:
    try:
        if any(page.first(selector) is None for selector in layout.detect):
            return None
    except UnsupportedSelector:
        return None
    body_el = _first(page, layout.body)
    if body_el is None:
        return None
    container = _container(page, layout, body_el)
    work = copy.deepcopy(container)
    body = _counterpart(body_el, container, work)
    tz = source.timezone
    dateline = re.compile(layout.dateline_pattern) if layout.dateline_pattern else None

    title, title_el = _find(work, page, layout.title)
    title = title or generic.generic_title(page)
    if not title:
        return None
    _drop(title_el, body)

    author = None
    sapo, sapo_el = _find(work, page, layout.sapo, page_level=False)
    if sapo_el is not None:
        if layout.author_before_sapo:
            author, rest = _author_before(sapo_el)
            sapo = rest if rest is not None else sapo
        _drop(sapo_el, body)
    if sapo:
        sapo = clean.strip_dateline(sapo, dateline)

    date_text, date_el = _find(work, page, layout.date)
    published = parse_vn_datetime(date_text, tz, layout.date_formats) if date_text else None
    if published is None:
        published = generic.generic_published(page, body_el, tz, layout.date_formats)
    _drop(date_el, body)

    if author is None and layout.author:
        value, author_el = _find(work, page, layout.author, last=True, page_level=False)
        author = clean.clean_author(value)
        if author_el is not None:
            block = author_el
            while block.getparent() is not None and block.getparent() is not body and \
                    text_of(block.getparent()) == text_of(author_el):
                block = block.getparent()
            _drop(block, body)

    category, _ = _find(work, page, layout.category, last=True)
    category = category or generic.generic_category(page) or next(
        (name for prefix, name in layout.url_categories.items() if urlsplit(url).path.startswith(prefix)), None)
    tags = _find_all(work, page, layout.tags) or generic.generic_tags(page)

    unsupported = generic.prune(body, layout.remove)  # `work` is our own copy
    boilerplate.remove_boilerplate(body)
    parts = generic.extract_body(
        body,
        page.base_url,
        captions=layout.caption,
        first_bold_sapo=layout.sapo_is_first_bold_paragraph and not sapo,
        tail_byline=layout.byline_at_end and author is None,
        dateline=dateline,
        sapo=sapo,
        title=title,
        author_first=layout.author_before_sapo and author is None,
        known_author=author,
    )
    if sum(len(p) for p in parts.paragraphs) < MIN_BODY_CHARS:
        return None
    return generic.build_article(
        url=url,
        canonical_url=generic.canonical_for(page, url, source.owns, source.force_https),
        source=source.name,
        warnings=[f"selector not supported: {s}" for s in unsupported],
        title=title,
        sapo=parts.sapo,
        paragraphs=parts.paragraphs,
        published_at=published,
        modified_at=generic.generic_modified(page, tz),
        author=author or parts.author or generic.generic_author(page),
        category=category,
        tags=tags,
        images=parts.images,
        layout=layout.name,
    )
