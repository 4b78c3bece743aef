"""One fetched HTML page, parsed once with lxml, with the page-level facts every path needs.

The head (meta tags, JSON-LD, canonical link) is read here with lxml so that the layouts only hand
the article container to the layout selectors; both the preset layouts and the generic fallback share it.

The tree is made of plain `lxml.etree` elements, not `lxml.html`'s: the same libxml2 HTML parser
builds the same tree, but `lxml.html` picks each element's Python class through a Python callback,
which made every iteration, XPath result and copy about a third slower (measured). The two
`HtmlElement` methods the parsers need, `text_content` and `drop_tree`, are the functions below.
"""

from __future__ import annotations

import html
import json
import re
from functools import cached_property

from lxml import etree

from scrapers.charset import raw_decode
from scrapers.css import compile_selector, select_first
from scrapers.records import ParseError
from scrapers.urls import join_url

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)  # lxml refuses a str that declares an encoding
# lxml parsers serialise concurrent use with a lock of their own; lxml.html shares one the same way.
_HTML_PARSER = etree.HTMLParser(encoding="utf-8")  # it reads `Page.text`'s UTF-8, never the page's own label
_STRING = etree.XPath("string()", smart_strings=False)
ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNews", "BlogPosting", "AnalysisNewsArticle"})


def decode_html(data: str | bytes, content_type: str | None = None) -> str:
    """Text of a page by the project's one decoder (`scrapers.charset`); the parser normalises each
    field it reads, so the whole page is not put in NFC here."""
    return data if isinstance(data, str) else raw_decode(data, content_type)[0]


def utf8_without_controls(text: str) -> tuple[str, bytes]:
    """(`text` less its control characters, that text's UTF-8): what lxml parses.

    Control characters are invalid in HTML and lxml refuses them in text nodes it rebuilds. Pages
    almost never hold one; each is one byte of the UTF-8 the parser wants anyway, and
    `bytes.translate` drops those five times faster than the regex scans the text. lxml given a
    `str` has libxml2 convert it to UTF-8 itself, slower than Python's encoder. Parsing the text
    and scanning it with the regex left the real pages of the page benchmark at 3.9–4.1×
    trafilatura, against 4.5–4.6× (goal ≥ 4×).
    """
    data = text.encode("utf-8", "surrogatepass")
    kept = data.translate(None, _CONTROL_BYTES)
    return (text, data) if len(kept) == len(data) else (_CONTROL.sub("", text), kept)


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape(text: str) -> str:
    """HTML character references left in a text (JSON-LD is script text, so a CMS that escapes its
    strings for HTML leaves `B&#224;` there; some double-escape meta content as `&amp;#224;`)."""
    for _ in range(2):
        if "&" not in text or not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


def unescape_strings(data):
    """`unescape` applied to every string inside a JSON value."""
    if isinstance(data, str):
        return unescape(data)
    if isinstance(data, list):
        return [unescape_strings(v) for v in data]
    if isinstance(data, dict):
        return {k: unescape_strings(v) for k, v in data.items()}
    return data


def text_content(element) -> str:
    """All text inside `element` (comments excluded), as `lxml.html`'s `HtmlElement.text_content`."""
    return _STRING(element)


def text_of(element) -> str:
    """Whitespace-collapsed text content of an lxml element."""
    return " ".join(_STRING(element).split())


def drop_tree(element) -> None:
    """Remove `element` and what it holds, keeping the text after it (`HtmlElement.drop_tree`)."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    parent.remove(element)


class Page:
    """A page's lxml tree plus cached head metadata. Raises ParseError if it is not HTML at all."""

    def __init__(self, html: str | bytes, url: str, content_type: str | None = None):
        text, data = utf8_without_controls(_XML_DECL.sub("", decode_html(html, content_type)))
        if not text.strip():
            raise ParseError("empty page")
        try:
            doc = etree.fromstring(data, _HTML_PARSER)
        except (etree.ParserError, ValueError) as exc:
            raise ParseError(f"unreadable HTML: {exc}") from exc
        if doc is None:
            raise ParseError("unreadable HTML: Document is empty")
        self.doc = doc
        self.text = text
        self.url = url
        self._char_refs = "&#" in text

    def first(self, selector: str):
        """The first element of the page matching `selector` (the first group that matches wins),
        None without a scan when the page's source rules it out (`scrapers.css`)."""
        return select_first(self.doc, selector) if self.may_match(selector) else None

    def may_match(self, selector: str) -> bool:
        """False when `selector` needs an id, class or attribute value this page never mentions."""
        return compile_selector(selector).may_match(self.source_has)

    def source_has(self, literal: str) -> bool:
        """Whether the page's source holds `literal`; True whenever that cannot be told from the text.

        An attribute value in the tree is text of the source unless it came from a character
        reference (`&#…;`, so any page holding one answers True) or a named one, which yields only
        non-ASCII characters and `&<>"'`.
        """
        plain = literal.isascii() and literal.isprintable() and not any(c in literal for c in " &<>\"'")
        return not plain or self._char_refs or literal in self.text

    @cached_property
    def metas(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for meta in self.doc.iter("meta"):
            key = meta.get("property") or meta.get("name") or meta.get("itemprop")
            content = meta.get("content")
            if key and content is not None:
                found.setdefault(key.strip().lower(), []).append(content.strip())
        return found

    def meta(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.metas.get(key, []):
                if value:
                    return value
        return None

    @cached_property
    def base_url(self) -> str:
        for base in self.doc.iter("base"):
            href = base.get("href")
            if href:
                return join_url(self.url, href)
        return self.url

    @cached_property
    def canonical(self) -> str | None:
        for link in self.doc.iter("link"):
            rel = (link.get("rel") or "").lower().split()
            if "canonical" in rel and link.get("href"):
                return join_url(self.url, link.get("href").strip())
        og = self.meta("og:url")
        return join_url(self.url, og) if og else None

    @cached_property
    def jsonld(self) -> list[dict]:
        """Every JSON-LD object on the page, with @graph members flattened; bad JSON is skipped."""
        objects: list[dict] = []
        for script in self.doc.iter("script"):
            if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
                continue
            try:
                data = json.loads(script.text.strip(), strict=False)
            except ValueError:
                continue
            data = unescape_strings(data)
            stack = data if isinstance(data, list) else [data]
            while stack:
                item = stack.pop(0)
                if isinstance(item, dict):
                    objects.append(item)
                    graph = item.get("@graph")
                    if isinstance(graph, list):
                        stack.extend(graph)
        return objects

    def jsonld_of_type(self, types: frozenset[str] | set[str]) -> dict | None:
        for obj in self.jsonld:
            kind = obj.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k in types for k in kinds):
                return obj
        return None

    @cached_property
    def news_article(self) -> dict | None:
        return self.jsonld_of_type(ARTICLE_TYPES)

    @cached_property
    def html_title(self) -> str | None:
        for title in self.doc.iter("title"):
            text = " ".join((text_content(title) or "").split())
            if text:
                return text
        return None
