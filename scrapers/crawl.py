"""One source, one pass: discover new article URLs, fetch each, archive every response.

This is the body of one Prefect task per source; everything per article is plain Python, so a
run with thousands of articles does not create thousands of task runs. Nothing here raises for a
bad page: a failed article comes back as a page with `result.error` set, is recorded in
`raw_pages` by the warehouse and, not being loaded, is fetched again on the next runs (up to the
warehouse's retry limit; a 410 Gone stops at once).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from scrapers.archive import WarcArchive
from scrapers.config import Source
from scrapers.discovery import Link, discover
from scrapers.fetch import Fetcher, FetchResult
from scrapers.pages import FetchedPage

__all__ = ["CrawlResult", "FetchedPage", "crawl_source"]

Progress = Callable[[int, int, FetchResult], None]  # (articles done, articles to fetch, last result)
Sink = Callable[[list[FetchedPage]], None]  # receives fetched pages in batches and owns them from then on


@dataclass
class CrawlResult:
    source: str
    pages: list[FetchedPage]  # discovery pages first, then articles (empty when a sink took them)
    discovered: int  # new article links found
    fetched: int  # articles that arrived whole (200)
    failed: int  # articles that ended with an error
    not_modified: int  # articles answered 304
    errors: list[str] = field(default_factory=list)

    @property
    def articles(self) -> list[FetchedPage]:
        return [p for p in self.pages if p.page_type == "article"]


def crawl_source(
    source: Source,
    fetcher: Fetcher,
    archive: WarcArchive,
    *,
    known: set[str],
    conditional: dict[str, tuple[str | None, str | None]] | None = None,
    watermark: datetime | None = None,
    since: datetime | date | None = None,
    until: datetime | date | None = None,
    mode: str = "nightly",
    progress: Progress | None = None,
    retry: set[str] | None = None,
    sink: Sink | None = None,
    batch_size: int = 10,
) -> CrawlResult:
    """`retry`: article URLs whose last fetch failed and that were never loaded (the warehouse's
    `failed_urls`); they are fetched again even when discovery no longer lists them.

    `sink`: when given, pages are handed to it every `batch_size` articles instead of being kept,
    so memory stays flat however many articles a night brings. Ten, because papers crawl side by
    side: twenty papers × 50 pages kept ~1,000 pages (~37 KB each, text and bytes) waiting at once."""
    conditional = conditional or {}
    found = discover(source, fetcher, archive, known=known, watermark=watermark, since=since, until=until,
                     mode=mode, conditional=conditional)
    pages = list(found.pages)
    errors = list(found.errors)
    links = list(found.links)
    listed = {link.url for link in links}
    links += [Link(url) for url in sorted(retry or ()) if url not in listed and url not in known]
    todo = [link for link in links if link.url not in known][: source.politeness.max_articles_per_run]
    skipped = len(links) - len(todo)
    if skipped > 0:
        errors.append(f"{skipped} article links left for the next run (max_articles_per_run="
                      f"{source.politeness.max_articles_per_run})")
    fetched = failed = not_modified = 0
    for done, link in enumerate(todo, start=1):
        etag, modified = conditional.get(link.url, (None, None))
        result = fetcher.fetch(link.url, source, etag=etag, last_modified=modified, page_type="article")
        ref = None
        try:
            ref = archive.write(source.name, result)
        except OSError as exc:
            errors.append(f"archive {link.url}: {exc}")
        pages.append(FetchedPage(result, ref, "article"))
        if result.error:
            failed += 1
            errors.append(f"article {link.url}: {result.error}")
        elif result.not_modified:
            not_modified += 1
        else:
            fetched += 1
        if progress is not None:
            progress(done, len(todo), result)
        if sink is not None and done % batch_size == 0:
            sink(pages)
            pages = []
    if sink is not None and pages:
        sink(pages)
        pages = []
    return CrawlResult(source.name, pages, len(found.links), fetched, failed, not_modified, errors)
