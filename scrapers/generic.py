"""Site-independent pieces shared by the preset layouts and the generic fallback.

Metadata that most Vietnamese CMSs publish the same way (og:/article: meta, JSON-LD, `time[datetime]`,
a date-classed element near the body), the search for a body when no layout names it, and the one
place where a container becomes paragraphs, images, sapo and byline and then a ParsedArticle.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

from indicators.normalise import normalise_text
from scrapers import boilerplate, clean
from scrapers.css import UnsupportedSelector, select
from scrapers.dates import DEFAULT_TZ, parse_vn_datetime
from scrapers.page import Page, drop_tree, text_of, unescape
from scrapers.records import Image, ParsedArticle
from scrapers.urls import canonicalize, same_site

DATE_METAS = (
    "article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
    "publish-date", "date", "dc.date.issued", "article:published", "sailthru.date",
)
MODIFIED_METAS = ("article:modified_time", "datemodified", "og:updated_time", "lastmod")
BODY_CANDIDATES = (
    "[itemprop=articleBody]", ".article__body", ".cms-body", "#content-detail", ".content-detail", ".content-fck",
    ".detail-content", ".article-content", ".article_content", ".entry-content", ".post-content", ".td-post-content",
    "#newscontents", ".fulltext", "#main-detail", ".newscontent", ".content_detail", "#content_detail",
    ".article-body", ".news-body", ".post-body", ".story-body", ".detail-body", ".news-content", ".body-content",
)

_DATE_CLASS = etree.XPath(
    ".//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'publish') or contains(@id,'date')"
    " or contains(@class,'pubdate')][not(self::script) and not(self::style)]"
)
_BREADCRUMB = etree.XPath(".//*[contains(@class,'breadcrumb')]")
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


MIN_DENSE_CHARS = 400  # a listing card's teaser is shorter; an article's paragraphs are longer
_HAS_TIME = re.compile(r"\d{1,2}\s*(?::|h|giờ)\s*\d{2}|T\d{2}|^\d{9,10}$", re.I)


def generic_published(page: Page, body_el=None, tz: str = DEFAULT_TZ, formats=()) -> datetime | None:
    """Publication time from meta, JSON-LD, <time datetime>, then a date-classed element near the body.

    A date without a time of day (JSON-LD "2026-01-08") is kept only until a candidate with a time
    turns up, since several CMSs print the full time only in the visible text.
    """
    backup = None

    def consider(text: str | None) -> datetime | None:
        nonlocal backup
        found = parse_vn_datetime(text, tz, formats) if text else None
        if found is None:
            return None
        if _HAS_TIME.search(text):
            return found
        backup = backup or found
        return None

    for key in DATE_METAS:
        for value in page.metas.get(key, []):
            if found := consider(value):
                return found
    article = page.news_article
    if article and (found := consider(str(article.get("datePublished") or ""))):
        return found
    scope = body_el.getparent() if body_el is not None and body_el.getparent() is not None else page.doc
    for _ in range(6):
        for element in scope.iter("time"):
            if found := consider(element.get("datetime") or text_of(element)):
                return found
        for element in _DATE_CLASS(scope):
            if body_el is not None and body_el.tag not in ("body", "html") and clean.attached(element, body_el):
                continue
            text = text_of(element)
            if len(text) <= 80 and (found := consider(element.get("datetime") or element.get("content") or text)):
                return found
        if scope.getparent() is None:
            break
        scope = scope.getparent()
    printed = printed_date(page, body_el, tz, formats)  # nothing with a time of day in the markup
    if printed is not None and (backup is None or printed.date() == backup.date()):
        return printed
    return backup


_DMY_TEXT = etree.XPath("//text()[contains(., '/') or contains(., '-') or contains(., '.')]")
_HAS_DMY = re.compile(r"(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}(?!\d)")
_OUTSIDE = frozenset({"a", "header", "footer", "nav", "aside", "script", "style", "noscript", "option"})


def printed_date(page: Page, body_el=None, tz: str = DEFAULT_TZ, formats=()) -> datetime | None:
    """The first date line the page prints ("Cập nhật lúc 05:37, Thứ Năm, 08/04/2021 (GMT+7)",
    "28/01/2026 - 06:52") that stands alone: short, nothing but a date, a time, a weekday and meta words,
    not inside a link (teasers of other articles carry their own dates) or the page's header or footer.
    One printed before the body wins; else the first."""
    candidates: dict[object, datetime] = {}  # by element: the first date each one prints
    first = None
    for node in _DMY_TEXT(page.doc):
        if not _HAS_DMY.search(node):
            continue
        parent = node.getparent()
        if parent is not None and node.is_tail:  # text after an element belongs to that element's parent
            parent = parent.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent in candidates or \
                any(a.tag in _OUTSIDE for a in (parent, *parent.iterancestors())):
            continue
        text = text_of(parent)
        if len(text) > 120 or not is_meta_line(text, names=4):
            continue
        found = parse_vn_datetime(text, tz, formats)
        if found is not None:
            candidates[parent] = found
            first = first or found
    if first is None or body_el is None or len(candidates) == 1:
        return first
    for element in page.doc.iter():
        if element is body_el:
            break
        if element in candidates:
            return candidates[element]
    return first


_META_WORDS = frozenset(
    "cập nhật lúc ngày đăng tác giả bài và ảnh theo gmt giờ phút trước thứ hai ba tư năm sáu bảy chủ nhật cn "
    "sáng chiều tối hôm nay xuất bản updated published am pm utc".split()
)
_STAMP = re.compile(r"\d{1,4}(?:\s*[/.:hg-]\s*\d{1,4})*|[\[(]?\s*(?:gmt|utc)\s*[+-]?\s*\d*\s*[\])]?", re.I)
_SOURCE_LINE = re.compile(r"^\(?(?:nguồn|theo)\s*:\s*[^.]{2,80}\.?\)?$", re.I)
_BYLINE_LINE = re.compile(r"^(?:tác giả|bài và ảnh|bài, ảnh|bài\s*/\s*ảnh|bài|ảnh|thực hiện|nhóm pv)\s*:\s*(.{2,60})$",
                          re.I)


def is_meta_line(text: str, author: str | None = None, *, names: int = 0) -> bool:
    """A short line of page furniture: a date and time, a weekday, a byline name, separators and words
    such as "Cập nhật lúc" / "Đăng ngày", and nothing else. `names` more words are allowed when the line
    has a date and a separator ("Bài, ảnh: Kim Ngân | 28/01/2026 - 06:52")."""
    if len(text) > 120:
        return False
    rest = text.casefold()
    named = bool(author) and author.casefold() in rest
    if named:
        rest = rest.replace(author.casefold(), " ")
    stamped = bool(_HAS_DMY.search(rest) or re.search(r"\d{1,2}:\d{2}", rest))
    rest = _STAMP.sub(" ", rest)
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if w not in _META_WORDS]
    allowed = 1 + (names if stamped and len(text) <= 80 and re.search(r"[|•·]|\s[-–]\s|:", text) else 0)
    return (stamped or named) and len(words) <= allowed and (stamped or not words)


def _key(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").casefold())


def strip_furniture(paragraphs: list[str], *, title: str | None, category: str | None = None,
                    author: str | None = None) -> tuple[list[str], str | None]:
    """Drop the headline, category label, byline and date lines that a body container holds around the
    text (unknown layouts often put the article header inside it); (paragraphs, author named by a
    "Tác giả: …" line, if any)."""
    out = list(paragraphs)
    known = {k for k in (_key(title), _key(category), _key(author)) if k}
    found = None

    def furniture(line: str) -> bool:
        nonlocal found
        if len(line) > 160:
            return False
        if _key(line) in known or is_meta_line(line, author or found) or _SOURCE_LINE.match(line):
            return True
        byline = _BYLINE_LINE.match(line)
        name = re.split(r"\s[|•·–-]\s|\s*\d", byline.group(1))[0] if byline else ""
        if byline and 0 < len(name.split()) <= 6:
            found = found or clean.clean_author(name)
            return True
        return False

    for _ in range(6):
        if len(out) > 1 and furniture(out[0]):
            out.pop(0)
        else:
            break
    for _ in range(3):
        if len(out) > 1 and furniture(out[-1]):
            out.pop()
        else:
            break
    return out, found


def generic_modified(page: Page, tz: str = DEFAULT_TZ) -> datetime | None:
    for key in MODIFIED_METAS:
        found = parse_vn_datetime(page.meta(key), tz)
        if found:
            return found
    article = page.news_article
    return parse_vn_datetime(str(article.get("dateModified") or ""), tz) if article else None


def generic_title(page: Page) -> str | None:
    title = page.meta("og:title", "twitter:title")
    if not title and page.news_article:
        title = page.news_article.get("headline") if isinstance(page.news_article.get("headline"), str) else None
    if not title and page.html_title:
        title = _heading_in(page, page.html_title) or _TITLE_SUFFIX.sub("", page.html_title)
    return title


_HEADINGS = etree.XPath("//h1 | //h2 | //*[contains(@class,'title') or contains(@class,'tieude')]")


def _heading_in(page: Page, html_title: str) -> str | None:
    """The page's headline when <title> holds it beside the site's name ("Site - Headline" as well as
    "Headline | Site"): the longest heading of the page whose text the title contains."""
    held = clean.squash(html_title).casefold()
    best = None
    for element in _HEADINGS(page.doc):
        text = text_of(element)
        if 10 <= len(text) <= 250 and text.casefold() in held and (best is None or len(text) > len(best)):
            best = text
    return best


def generic_description(page: Page) -> str | None:
    article = page.news_article or {}
    description = article.get("description") if isinstance(article.get("description"), str) else None
    return description or page.meta("og:description", "description", "twitter:description")


def split_keywords(value: str | None) -> list[str]:
    return [part.strip() for part in re.split(r"[,;]", value or "") if part.strip()]


def generic_tags(page: Page) -> list[str]:
    tags = [v for value in page.metas.get("article:tag", []) for v in split_keywords(value)]
    return tags or split_keywords(page.meta("news_keywords", "keywords"))


def generic_category(page: Page) -> str | None:
    section = page.meta("article:section")
    if section:
        return section
    crumbs = page.jsonld_of_type({"BreadcrumbList"})
    items = crumbs.get("itemListElement") if crumbs else None
    if isinstance(items, list) and items:
        last = items[-1] if isinstance(items[-1], dict) else {}
        item = last.get("item")
        name = last.get("name") or (item.get("name") if isinstance(item, dict) else None)
        if isinstance(name, str):
            return name
    for element in _BREADCRUMB(page.doc):
        links = [text_of(a) for a in element.iter("a") if text_of(a)]
        if len(links) >= 1 and len(links[-1]) <= 60:
            return links[-1]
    return None


def generic_author(page: Page) -> str | None:
    """A person named in JSON-LD or <meta name=author>, never the paper's own name."""
    site = (page.meta("og:site_name") or "").casefold()
    article = page.news_article or {}
    authors = article.get("author")
    for author in authors if isinstance(authors, list) else [authors]:
        name = author.get("name") if isinstance(author, dict) else author
        if isinstance(name, str) and name.strip() and (not isinstance(author, dict) or author.get("@type") != "Organization"):
            return clean.clean_author(name)
    meta = page.meta("author", "article:author", "dable:author")
    if meta and meta.casefold() != site and not meta.casefold().startswith(("báo ", "http")):
        return clean.clean_author(meta)
    return None


def find_body_element(page: Page, min_dense_chars: int = MIN_DENSE_CHARS):
    """The element holding the article text: a known body class, else the densest <p> parent (a page
    that declares itself an article may have a short one: the caller lowers `min_dense_chars`)."""
    for selector in BODY_CANDIDATES:
        element = page.first(selector)
        if element is not None and len(text_of(element)) >= 150:
            return element
    scores: dict = {}
    counts: dict = {}
    for p in page.doc.iter("p"):
        parent = p.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + len(text_of(p))
            counts[parent] = counts.get(parent, 0) + 1
    if scores:
        best, score = max(scores.items(), key=lambda item: item[1])
        if score >= min_dense_chars and counts[best] >= 2:
            return best
    return None


def prune(element, selectors) -> list[str]:
    """Drop boilerplate from an lxml element in place (fast); returns selectors lxml could not run."""
    selectors = [s for s in selectors if s]
    try:  # one union query instead of one scan per selector
        groups = [(", ".join(selectors), select(element, ", ".join(selectors)))] if selectors else []
        leftovers: list[str] = []
    except UnsupportedSelector:
        groups, leftovers = [], []
        for selector in selectors:
            try:
                groups.append((selector, select(element, selector)))
            except UnsupportedSelector:
                leftovers.append(selector)
    for _, found in groups:
        for match in found:
            if match is not element and match.getparent() is not None and clean.attached(match, element):
                drop_tree(match)
    return leftovers


def pruned_copy(element, remove=()):
    """A private copy of an lxml element with boilerplate removed (the page tree stays intact)."""
    work = copy.deepcopy(element)
    prune(work, remove)
    boilerplate.remove_boilerplate(work)
    return work


@dataclass
class Body:
    paragraphs: list[str]
    images: list[Image] = field(default_factory=list)
    sapo: str | None = None
    author: str | None = None


def extract_body(
    body,
    base_url: str,
    *,
    captions: list[str] | tuple[str, ...] = (),
    first_bold_sapo: bool = False,
    tail_byline: bool = True,
    dateline: re.Pattern | None = None,
    sapo: str | None = None,
    title: str | None = None,
    author_first: bool = False,
    dateline_sapo: bool = True,
    known_author: str | None = None,
) -> Body:
    """Read a pruned body (lxml, modified in place): keep captions on images, find byline and sapo."""
    clean.remove_related_blocks(body)
    clean.remove_teasers(body)
    caption_selectors = ", ".join([clean.CAPTION_SELECTORS, *captions])
    images = clean.extract_images(body, base_url, caption_selectors)
    found_sapo = sapo
    if not found_sapo and first_bold_sapo:
        found_sapo = clean.take_first_bold_paragraph(body)
    author = clean.take_tail_byline(body) if tail_byline else None
    captions_seen = {i.caption for i in images if i.caption}
    texts = [normalise_text(p) for p in clean.paragraphs(body)]
    out: list[str] = []
    title_norm = normalise_text(title or "")
    texts = [t for t in texts if t and not clean.is_boilerplate_line(t) and t not in captions_seen and t != title_norm]
    if author_first and author is None and texts and clean.is_upper_name(texts[0]):
        author = clean.clean_author(texts.pop(0))  # "NGUYỄN HÂN" printed above the lead
    if not found_sapo and dateline_sapo and texts and len(texts) > 1 and \
            ((dateline and dateline.match(texts[0])) or clean.DATELINE.match(texts[0])):
        found_sapo = texts.pop(0)  # the lead paragraph opens with the paper's dateline: it is the sapo
    sapo_norm = normalise_text(clean.strip_dateline(found_sapo, dateline)) if found_sapo else None
    if sapo_norm and dateline is not None:
        sapo_norm = normalise_text(clean.strip_dateline(sapo_norm))
    for text in texts:
        if not out:
            stripped = clean.strip_dateline(text, dateline)
            text = normalise_text(stripped) if stripped != text else text
            if text in (sapo_norm, title_norm):
                continue
        out.append(text)
    if known_author and len(out) > 1 and _key(clean.clean_author(out[-1])) == _key(normalise_text(known_author)):
        out.pop()  # the byline printed again at the end of the text, the author being read elsewhere
    return Body(out, images, sapo_norm, author)


def canonical_for(page: Page, url: str, owns=None, force_https: bool = False) -> str:
    """The page's canonical link when it points to the same site, else the fetched URL, canonicalised."""
    candidate = page.canonical
    if candidate:
        ok = owns(candidate) if owns else same_site(candidate, {_registered(urlsplit(url).hostname or "")})
        if ok:
            return canonicalize(candidate, force_https=force_https)
    return canonicalize(url, force_https=force_https)


def _registered(host: str) -> str:
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def build_article(
    *,
    url: str,
    canonical_url: str,
    source: str | None,
    title: str,
    sapo: str | None,
    paragraphs: list[str],
    published_at: datetime | None,
    modified_at: datetime | None,
    author: str | None,
    category: str | None,
    tags: list[str],
    images: list[Image],
    layout: str,
    warnings: list[str] | None = None,
) -> ParsedArticle:
    """Final normalisation shared by every path; raises ParseError via the caller's checks."""
    warnings = list(warnings or [])
    title, sapo, author, category = (unescape(v) if v else v for v in (title, sapo, author, category))
    tags = [unescape(t) for t in tags]
    paragraphs = [unescape(p) for p in paragraphs]
    images = [Image(i.url, unescape(i.caption)) if i.caption and "&" in i.caption else i for i in images]
    if published_at is None:
        warnings.append("no date found")
    fields = [normalise_text(clean.squash(field))
              for field in (title, sapo or "", author or "", category or "", *(t.lstrip("#") for t in tags))]
    title, sapo, author, category = fields[0], fields[1] or None, fields[2] or None, fields[3] or None
    seen_tags: list[str] = []
    for tag in fields[4:]:
        if tag and tag not in seen_tags:
            seen_tags.append(tag)
    return ParsedArticle(
        url=url,
        canonical_url=canonical_url,
        source=source,
        title=title,
        sapo=sapo,
        body="\n\n".join(paragraphs),
        published_at=published_at,
        modified_at=modified_at,
        author=author,
        category=category,
        tags=tuple(seen_tags),
        images=tuple(images),
        layout=layout,
        warnings=tuple(warnings),
    )
