"""One fetched HTML page, parsed once with lxml, with the page-level facts every path needs.

The head (meta tags, JSON-LD, canonical link) is read here with lxml so that the layouts only hand
the article container to the layout selectors; both the preset layouts and the generic fallback share it.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from urllib.parse import urljoin

import lxml.html
from charset_normalizer import from_bytes
from lxml import etree

from scrapers.records import ParseError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNews", "BlogPosting", "AnalysisNewsArticle"})


def decode_html(data: str | bytes) -> str:
    """Text of a page: BOM, then a <meta charset>, then strict UTF-8, then charset detection."""
    if isinstance(data, str):
        return data
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


def text_of(element) -> str:
    """Whitespace-collapsed text content of an lxml element."""
    return " ".join(element.text_content().split())


class Page:
    """A page's lxml tree plus cached head metadata. Raises ParseError if it is not HTML at all."""

    def __init__(self, html: str | bytes, url: str):
        # control characters are invalid in HTML and lxml refuses them in text nodes it rebuilds
        text = _XML_DECL.sub("", _CONTROL.sub("", decode_html(html)))
        if not text.strip():
            raise ParseError("empty page")
        try:
            self.doc = lxml.html.document_fromstring(text)
        except (etree.ParserError, ValueError) as exc:
            raise ParseError(f"unreadable HTML: {exc}") from exc
        self.url = url

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
                return urljoin(self.url, href)
        return self.url

    @cached_property
    def canonical(self) -> str | None:
        for link in self.doc.iter("link"):
            rel = (link.get("rel") or "").lower().split()
            if "canonical" in rel and link.get("href"):
                return urljoin(self.url, link.get("href").strip())
        og = self.meta("og:url")
        return urljoin(self.url, og) if og else None

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
            text = " ".join((title.text_content() or "").split())
            if text:
                return text
        return None
