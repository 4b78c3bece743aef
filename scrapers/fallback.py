"""The generic path for pages no preset layout matches: JSON-LD NewsArticle, then og:/article: meta,
then trafilatura. The article's `layout` records which path produced it, so a weak result can be
found and a preset written for that site.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import lxml.html
import trafilatura

from indicators.normalise import normalise_text
from scrapers import clean, generic
from scrapers.dates import DEFAULT_TZ, parse_vn_datetime
from scrapers.page import Page, text_of
from scrapers.records import ParsedArticle, ParseError
from scrapers.urls import join_url

if TYPE_CHECKING:
    from scrapers.config import Source

MIN_BODY_CHARS = 150
ARTICLE_MIN_DENSE_CHARS = 200
LISTING_LINKS = 6


def _headline_links(page: Page) -> int:
    return len(_headlines(page))


def _headlines(page: Page) -> dict[str, str]:
    """Same-site links with headline-like anchor text outside header/nav/footer: {url: anchor text}."""
    host = urlsplit(page.url).hostname or ""
    seen: dict[str, str] = {}
    for anchor in page.doc.iter("a"):
        href = anchor.get("href") or ""
        if len(text_of(anchor).split()) < 5 or not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        target = join_url(page.base_url, href)
        if (urlsplit(target).hostname or "") != host or target.split("#")[0] == page.url.split("#")[0]:
            continue
        if any(a.tag in ("header", "nav", "footer") for a in anchor.iterancestors()):
            continue
        seen[target] = normalise_text(text_of(anchor))
    return seen


def _same(a: str, b: str) -> bool:
    a, b = clean.squash(a).casefold(), clean.squash(b).casefold()
    return bool(a and b) and (a == b or a.startswith(b[:80]) or b.startswith(a[:80]))


def _trafilatura_text(page: Page, html_text: str | None = None) -> tuple[list[str], dict]:
    document = trafilatura.bare_extraction(
        html_text if html_text is not None else lxml.html.document_fromstring(page.text),
        url=page.url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_precision=True,
    )
    if document is None:
        return [], {}
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = data.get("text") or ""
    paragraphs = [normalise_text(line) for line in text.split("\n")]
    return [p for p in paragraphs if p and not clean.is_boilerplate_line(p)], data


def parse_fallback(page: Page, url: str, source: Source | None = None) -> ParsedArticle:
    tz = source.timezone if source else DEFAULT_TZ
    ld = page.news_article
    og_type = (page.meta("og:type") or "").lower()
    # a page that says it is an article (JSON-LD, og:type) may have a short text
    body_el = generic.find_body_element(page, ARTICLE_MIN_DENSE_CHARS if ld or og_type == "article"
                                        else generic.MIN_DENSE_CHARS)
    title = generic.generic_title(page)
    published = generic.generic_published(page, body_el, tz)  # the page is not modified below: read once
    has_date = published is not None
    headline = ld.get("headline") or ld.get("name") if ld else None
    if isinstance(headline, str) and headline.strip() and (ld.get("articleBody") or body_el is not None):
        path, title = "fallback:jsonld", headline
    elif title and (og_type == "article" or page.meta("article:published_time") or (body_el is not None and has_date)):
        path = "fallback:meta"
    else:
        path = "fallback:trafilatura"
        if not title:
            raise ParseError("no title found")
        if og_type in ("website", "profile", "video.other") or not has_date:
            # (og:type as the page gives it, which a broken page may fill with anything: one short line of it)
            shown = " ".join((og_type or "missing").split())[:40]
            raise ParseError(f"not an article page (og:type {shown}, no article metadata or date)")
        if _headline_links(page) >= LISTING_LINKS:
            raise ParseError("looks like a listing page (many headline links, no article body)")
        if source is not None and not re.search(source.discovery.article_url_pattern, url.split("?")[0].split("#")[0]):
            raise ParseError(f"not an article URL of {source.name} and no article metadata")

    description = generic.generic_description(page)
    category = generic.generic_category(page)
    paragraphs, images, author, extra = [], [], None, {}
    if path != "fallback:trafilatura" and body_el is not None:
        parts = generic.extract_body(generic.pruned_copy(body_el), page.base_url, title=title)
        paragraphs, images, author = parts.paragraphs, parts.images, parts.author
        paragraphs, named = generic.strip_furniture(
            paragraphs, title=title, category=category,
            author=author or generic.generic_author(page))
        author = author or named
        paragraphs = [p for p in paragraphs if not clean.is_standalone_caption(p)]
    if sum(len(p) for p in paragraphs) < MIN_BODY_CHARS and ld and isinstance(ld.get("articleBody"), str):
        paragraphs = [normalise_text(p) for p in ld["articleBody"].split("\n") if p.strip()]
    if sum(len(p) for p in paragraphs) < MIN_BODY_CHARS:
        paragraphs, extra = _trafilatura_text(page)
        title = title or extra.get("title")
        headlines = set(_headlines(page).values())
        linked = sum(1 for p in paragraphs if p in headlines)
        teasers = len(headlines) >= 2 and len(paragraphs) <= len(headlines) + (1 if len(headlines) >= 3 else 0)
        if teasers or (linked >= 2 and linked >= 0.25 * len(paragraphs)):
            raise ParseError("looks like a listing page (its text is headlines and teasers)")
    if not title:
        raise ParseError("no title found")
    if sum(len(p) for p in paragraphs) < MIN_BODY_CHARS:
        raise ParseError("no article body found")

    sapo = None
    if paragraphs and description and _same(clean.strip_dateline(paragraphs[0]), clean.strip_dateline(description)):
        sapo = clean.strip_dateline(paragraphs.pop(0))
    elif description and not any(_same(p, description) for p in paragraphs):
        sapo = clean.strip_dateline(description)
    if paragraphs and paragraphs[0] == normalise_text(title):
        paragraphs.pop(0)
    if paragraphs:
        paragraphs[0] = normalise_text(clean.strip_dateline(paragraphs[0]))

    if published is None and extra.get("date"):
        published = parse_vn_datetime(extra["date"], tz)
    owns = source.owns if source else None
    return generic.build_article(
        url=url,
        canonical_url=generic.canonical_for(page, url, owns, source.force_https if source else False),
        source=source.name if source else None,
        title=title,
        sapo=sapo,
        paragraphs=paragraphs,
        published_at=published,
        modified_at=generic.generic_modified(page, tz),
        author=author or generic.generic_author(page) or clean.clean_author(extra.get("author")),
        category=category or extra.get("categories") or None,
        tags=generic.generic_tags(page) or generic.split_keywords(extra.get("tags")),
        images=images,
        layout=path,
    )
