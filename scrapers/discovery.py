"""Finding article URLs: feeds, sitemaps and listing pages, cheaply and without trusting them.

Nightly runs are incremental: feeds first (conditional GET, so an unchanged feed costs a 304),
then the first pages of listings, paginating only while pages still bring mostly new links (a
known URL or a link older than the source's watermark means we have reached what earlier runs
saw). Backfill walks the sitemap index to the monthly news sitemaps inside [since, until], and
paginates listings until links are older than `since`.

Everything read here comes from the network, so nothing is trusted: only URLs the source owns,
that match its article pattern and no exclude pattern, are kept (in canonical form, deduplicated);
sitemaps are parsed with defusedxml, which refuses entity declarations instead of expanding them
(an XML bomb is an error, not an out-of-memory); a broken feed is an error for that feed only.
Parsing functions are pure; `discover` does the I/O and archives every page it fetched.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import feedparser
from bs4 import BeautifulSoup
from dateutil import parser as dateparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_fromstring

from scrapers.archive import WarcArchive
from scrapers.config import Listing, Source
from scrapers.fetch import Fetcher
from scrapers.pages import FetchedPage
from scrapers.urls import canonicalize, join_url

SITEMAP_MAX_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit for one uncompressed file
SITEMAP_MAX_DEPTH = 2  # index -> index -> urlset
BACKFILL_MAX_PAGES = 300
_MONTH_IN_NAME = re.compile(r"(?<!\d)(20\d{2})[-_/.]?(0?[1-9]|1[0-2])(?!\d)")


class DiscoveryError(ValueError):
    """A feed or sitemap that cannot be read; the message is the one-line reason."""


@dataclass(frozen=True)
class Link:
    url: str  # real URL, canonical form
    published_at: datetime | None = None  # aware when present
    title: str | None = None


@dataclass
class Sitemap:
    urls: list[Link]
    children: list[str]  # child sitemaps of an index (absolute URLs as written)
    child_lastmod: dict[str, datetime] = field(default_factory=dict)


@dataclass
class Discovery:
    links: list[Link]  # new links only (not in `known`), deduplicated, in discovery order
    pages: list[FetchedPage]  # every feed/listing/sitemap page fetched, archived
    errors: list[str]  # one line per channel problem, e.g. "feed https://…/rss/home.rss: timeout (read)"


# -- URL filtering --------------------------------------------------------------------------------

def article_url(url: str, source: Source) -> str | None:
    """The canonical real URL when `url` is an article of `source`, else None."""
    try:
        real = source.real_url(url.strip())
        if not real.lower().startswith(("http://", "https://")) or not source.owns(real):
            return None
        canon = canonicalize(real, force_https=bool(getattr(source, "force_https", False)))
    except ValueError:  # "https://[::1/" and other URLs urllib cannot split
        return None
    rules = source.discovery
    if not re.search(rules.article_url_pattern, canon):
        return None
    if any(re.search(p, canon) for p in rules.exclude_url_patterns):
        return None
    return canon


def _aware(value: datetime | date | None, tz: ZoneInfo, end: bool = False) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.max if end else time.min)
    return value if value.tzinfo else value.replace(tzinfo=tz)


def _parse_date(text: str | None, tz: ZoneInfo) -> datetime | None:
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        if text.isdigit() and len(text) >= 9:  # epoch seconds (ONECMS data-time)
            return datetime.fromtimestamp(int(text), UTC)
        return _aware(dateparser.parse(text, dayfirst=not text[:4].isdigit()), tz)
    except (ValueError, OverflowError):
        return None


# -- feeds ----------------------------------------------------------------------------------------

@dataclass
class FeedRead:
    links: list[Link]
    problem: str | None  # feedparser's complaint about malformed XML, if any


def read_feed(content: bytes, source: Source) -> FeedRead:
    try:
        parsed = feedparser.parse(content)
    except Exception as exc:  # noqa: BLE001 - feedparser's loose parser crashes on some broken XML
        # (a `<link>` holding `</ITEM` raised KeyError 'links'): a bad feed is a DiscoveryError, never a crash
        raise DiscoveryError(f"unreadable feed ({type(exc).__name__}: {exc})"[:200]) from exc
    problem = None
    if parsed.get("bozo"):
        problem = " ".join(str(parsed.get("bozo_exception") or "malformed feed").split())[:200]
    links, seen = [], set()
    for entry in parsed.entries:
        raw = entry.get("link") or entry.get("id") or ""
        url = article_url(raw, source) if raw else None
        if not url or url in seen:
            continue
        seen.add(url)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime(*stamp[:6], tzinfo=UTC) if stamp else None
        links.append(Link(url, published, (entry.get("title") or "").strip() or None))
    if problem and not parsed.entries:
        raise DiscoveryError(f"broken feed XML: {problem}")
    if not parsed.entries and not parsed.get("version"):
        raise DiscoveryError("not a feed (no RSS/Atom root element)")
    return FeedRead(links, problem)


def parse_feed(content: bytes, source: Source) -> list[Link]:
    """Article links of an RSS/Atom feed; raises DiscoveryError when nothing readable is there."""
    return read_feed(content, source).links


# -- sitemaps -------------------------------------------------------------------------------------

def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(element, name: str) -> str | None:
    for child in element.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _ungzip(content: bytes) -> bytes:
    if not content.startswith(b"\x1f\x8b"):
        return content
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = decompressor.decompress(content, SITEMAP_MAX_BYTES + 1)
    except zlib.error as exc:
        raise DiscoveryError(f"broken gzip sitemap: {exc}") from exc
    if len(data) > SITEMAP_MAX_BYTES:
        raise DiscoveryError(f"sitemap larger than {SITEMAP_MAX_BYTES} bytes once decompressed")
    return data


def parse_sitemap(content: bytes) -> Sitemap:
    """A urlset (article links with news/lastmod dates) or an index (child sitemaps).

    URLs are returned as written (absolute, possibly another host); filtering by source is the
    caller's job. Entity declarations are refused (defusedxml), never expanded.
    """
    data = _ungzip(content)
    try:
        root = safe_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise DiscoveryError(f"sitemap refused: {type(exc).__name__} (entity declarations are not expanded)") from exc
    except gzip.BadGzipFile as exc:  # pragma: no cover - defensive
        raise DiscoveryError(f"broken gzip sitemap: {exc}") from exc
    except Exception as exc:  # ParseError from expat: the message is all we can give
        raise DiscoveryError(f"broken sitemap XML: {' '.join(str(exc).split())[:200]}") from exc
    utc = ZoneInfo("UTC")
    kind = _local(root.tag)
    links: list[Link] = []
    children: list[str] = []
    lastmods: dict[str, datetime] = {}
    for item in root:
        name = _local(item.tag)
        loc = _child_text(item, "loc")
        if not loc:
            continue
        if kind == "sitemapindex" and name == "sitemap":
            children.append(loc)
            stamp = _parse_date(_child_text(item, "lastmod"), utc)
            if stamp:
                lastmods[loc] = stamp
        elif name == "url":
            stamp = _parse_date(_child_text(item, "publication_date") or _child_text(item, "lastmod"), utc)
            links.append(Link(loc, stamp, _child_text(item, "title")))
    if kind not in ("sitemapindex", "urlset"):
        raise DiscoveryError(f"not a sitemap (root element <{kind}>)")
    return Sitemap(links, children, lastmods)


def _month_span(url: str, tz: ZoneInfo) -> tuple[datetime, datetime] | None:
    """[start, end) of the month a child sitemap is named after (news-2025-6.xml), in the paper's
    time zone, since that is the calendar its CMS files articles by."""
    name = url.rstrip("/").rsplit("/", 1)[-1]
    match = _MONTH_IN_NAME.search(name) or _MONTH_IN_NAME.search(url)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    start = datetime(year, month, 1, tzinfo=tz)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    return start, end


# -- listings -------------------------------------------------------------------------------------

def _nearby_date(anchor, link_selector: str, tz: ZoneInfo) -> datetime | None:
    """A date printed next to the link (time[datetime], data-time), if its block holds one article."""
    for depth, parent in enumerate(anchor.parents):
        if depth >= 4 or parent.name in ("body", "html", "[document]"):
            return None
        stamp = parent.select_one("time[datetime], [data-time], meta[itemprop=datePublished]")
        if stamp is None:
            continue
        hrefs = {a.get("href") for a in parent.select(link_selector) if a.get("href")}
        if len(hrefs) > 1:
            return None
        return _parse_date(stamp.get("datetime") or stamp.get("data-time") or stamp.get("content"), tz)
    return None


def parse_listing(html: str | bytes, page_url: str, listing: Listing, source: Source) -> list[Link]:
    """Article links of one listing page, resolved against its real URL, in page order."""
    soup = BeautifulSoup(html, "lxml")
    tz = ZoneInfo(source.timezone)
    links, seen = [], set()
    for anchor in soup.select(listing.link_selector):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        try:
            url = article_url(join_url(page_url, href), source)
        except ValueError:
            continue
        if not url or url in seen:
            continue
        seen.add(url)
        title = " ".join(anchor.get_text(" ", strip=True).split()) or anchor.get("title") or None
        links.append(Link(url, _nearby_date(anchor, listing.link_selector, tz), title))
    return links


def listing_page_url(source: Source, listing: Listing, n: int) -> str:
    """Real URL of page `n` (1-based): `pagination` is a query ("?page={n}"), a relative path
    ("trang-{n}.html", resolved against the first page) or an absolute path ("/chinh-tri/p{n}")."""
    first = source.absolute(listing.url)
    if n <= 1 or not listing.pagination:
        return first
    suffix = listing.pagination.format(n=n)
    if suffix.startswith(("?", "&")):
        return first + ("&" if "?" in first else "?") + suffix[1:]
    if suffix.startswith(("/", "http://", "https://")):
        return source.absolute(suffix)
    return urljoin(first if first.endswith("/") else first + "/", suffix)


# -- the I/O part ---------------------------------------------------------------------------------

class _Run:
    """State of one discovery pass: what has been found, fetched and gone wrong."""

    def __init__(self, source, fetcher, archive, known, conditional, since, until):
        self.source, self.fetcher, self.archive = source, fetcher, archive
        self.known = known
        self.conditional = conditional or {}
        self.since, self.until = since, until
        self.links: dict[str, Link] = {}
        self.pages: list[FetchedPage] = []
        self.errors: list[str] = []

    def get(self, url: str, page_type: str, conditional: bool = True) -> FetchedPage:
        url = self.source.absolute(url)
        etag, modified = self.conditional.get(url, (None, None)) if conditional else (None, None)
        result = self.fetcher.fetch(url, self.source, etag=etag, last_modified=modified, page_type=page_type)
        ref = None
        try:
            ref = self.archive.write(self.source.name, result)
        except OSError as exc:
            self.errors.append(f"archive {url}: {exc}")
        page = FetchedPage(result, ref, page_type)
        self.pages.append(page)
        if result.error:
            self.errors.append(f"{page_type} {url}: {result.error}")
        return page

    def in_range(self, link: Link) -> bool:
        if link.published_at is None:
            return True
        if self.since and link.published_at < self.since:
            return False
        return not (self.until and link.published_at > self.until)

    def add(self, links: Iterable[Link]) -> int:
        """Keep links that are new and in range; returns how many were new to this run."""
        added = 0
        for link in links:
            if link.url in self.known or link.url in self.links or not self.in_range(link):
                continue
            self.links[link.url] = link
            added += 1
        return added


def _feeds(run: _Run) -> None:
    for feed in run.source.discovery.feeds:
        page = run.get(feed, "feed")
        if page.result.error:
            continue
        content = page.result.content
        if page.result.not_modified:
            # unchanged since the last run, but links it listed may have failed then: read the copy kept
            previous = run.archive.last_good(run.source.name, page.result.url)
            if previous is None:
                continue
            content = previous.content
        try:
            read = read_feed(content, run.source)
        except DiscoveryError as exc:
            run.errors.append(f"feed {page.result.url}: {exc}")
            continue
        if read.problem:
            run.errors.append(f"feed {page.result.url}: malformed XML, kept {len(read.links)} links ({read.problem})")
        run.add(read.links)


def _listings(run: _Run, *, nightly: bool, watermark: datetime | None, max_pages: int | None) -> None:
    for listing in run.source.discovery.listings:
        limit = listing.max_pages if nightly else max(max_pages or BACKFILL_MAX_PAGES, listing.max_pages)
        for n in range(1, limit + 1):
            # no conditional GET here: a 304 would hide links an earlier run failed to fetch, and
            # listing pages change with every new article anyway
            page = run.get(listing_page_url(run.source, listing, n), "listing", conditional=False)
            result = page.result
            if result.error or result.not_modified or result.text is None:
                break
            found = parse_listing(result.text, result.final_url, listing, run.source)
            if not found:
                break
            new = run.add(found)
            dated = [link.published_at for link in found if link.published_at]
            if nightly:
                stale = sum(1 for link in found if link.url in run.known
                            or (watermark and link.published_at and link.published_at < watermark))
                if new == 0 or stale >= new:
                    break
            else:
                if (run.since and dated and min(dated) < run.since) or (new == 0 and n > 1):
                    break


def _sitemaps(run: _Run) -> None:
    queue = [(run.source.absolute(url), 0) for url in run.source.discovery.sitemaps]
    visited: set[str] = set()
    while queue:
        url, depth = queue.pop(0)
        if url in visited:
            continue
        visited.add(url)
        page = run.get(url, "sitemap")
        if page.result.error or page.result.not_modified:
            continue
        try:
            sitemap = parse_sitemap(page.result.content)
        except DiscoveryError as exc:
            run.errors.append(f"sitemap {url}: {exc}")
            continue
        run.add(link for link in (_accept(run.source, raw) for raw in sitemap.urls) if link)
        if depth >= SITEMAP_MAX_DEPTH:
            continue
        for child in sitemap.children:
            if _wanted_child(run, child, sitemap.child_lastmod.get(child)):
                queue.append((run.source.real_url(child), depth + 1))


def _accept(source: Source, link: Link) -> Link | None:
    url = article_url(link.url, source)
    return Link(url, link.published_at, link.title) if url else None


def _wanted_child(run: _Run, child: str, lastmod: datetime | None) -> bool:
    if any(re.search(p, child) for p in run.source.discovery.exclude_url_patterns):
        return False
    span = _month_span(child, ZoneInfo(run.source.timezone))
    if span:
        start, end = span
        return not ((run.since and end <= run.since) or (run.until and start > run.until))
    return not (run.since and lastmod and lastmod < run.since)


def discover(
    source: Source,
    fetcher: Fetcher,
    archive: WarcArchive,
    *,
    known: set[str],
    watermark: datetime | None,
    since: datetime | date | None = None,
    until: datetime | date | None = None,
    mode: str = "nightly",
    conditional: dict[str, tuple[str | None, str | None]] | None = None,
    max_pages: int | None = None,
) -> Discovery:
    """New article links of `source`. `known` holds canonical URLs already loaded; `watermark` is
    the newest publication time loaded for the source; `conditional` maps feed/listing URLs to
    (ETag, Last-Modified) from the previous run. Never raises for network trouble."""
    if mode not in ("nightly", "backfill"):
        raise ValueError(f"unknown discovery mode {mode!r}")
    tz = ZoneInfo(source.timezone)
    since_at, until_at = _aware(since, tz), _aware(until, tz, end=True)
    watermark = _aware(watermark, ZoneInfo("UTC"))
    run = _Run(source, fetcher, archive, known, conditional, since_at, until_at)
    if mode == "nightly":
        _feeds(run)
        _listings(run, nightly=True, watermark=watermark, max_pages=max_pages)
        if not source.discovery.feeds and not source.discovery.listings:
            run.since = run.since or watermark
            _sitemaps(run)
    else:
        _sitemaps(run)
        _listings(run, nightly=False, watermark=watermark, max_pages=max_pages)
        if not source.discovery.sitemaps and not source.discovery.listings:
            _feeds(run)
    return Discovery(list(run.links.values()), run.pages, run.errors)
