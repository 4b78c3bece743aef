"""The nightly pipeline as plain functions: the flows wrap these in Prefect tasks.

Keeping the steps free of Prefect lets the benchmarks compare the orchestrated flow with the same
work called directly, and lets `chitieu reparse` replay the archive with no orchestration at all.
Each function handles one source's batch; per-article work stays plain Python (a Prefect task
costs ~10 ms, so never one task per article).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime

from sqlalchemy.engine import Engine

from chitieu.settings import Settings
from indicators.extract import extract
from scrapers.config import Source
from scrapers.discovery import article_url
from scrapers.records import ParseError
from warehouse import load

_EPOCH = datetime.min.replace(tzinfo=UTC)  # orders archive records that carry no fetch time


@dataclass
class SourceCounts:
    """One row of the per-run counts table (also stored in pipeline_runs.counts)."""

    discovered: int = 0
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    parsed: int = 0
    parse_failed: int = 0
    loaded: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    indicators: int = 0
    superseded: int = 0  # current indicator rows this run's readings replaced (warehouse.readings)
    errors: list[str] = field(default_factory=list)

    def add(self, other: SourceCounts) -> None:
        """Fold in the counts of another batch of the same source."""
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def as_dict(self) -> dict:
        data = asdict(self)
        data["errors"] = self.errors[:20]
        return data


def parse_and_extract(body: bytes | str, url: str, source: Source, content_type: str | None = None):
    """Pure: page bytes -> (article, indicators, is_party_building). Raises ParseError.

    The night and reparse both hand over the raw bytes and the response's Content-Type, so one
    decoder (`scrapers.charset`) reads the page on either path and a rerun gives the same hash.
    """
    from scrapers.parse import parse_page

    article = parse_page(body, url, source, content_type=content_type)
    indicators = extract(article.text, published=article.published_at, normalised=True)
    return article, indicators, source.is_party_building(article)


def _content_type(headers: dict | None) -> str | None:
    """The Content-Type of a response's headers (any case), for the page decoder."""
    return next((v for k, v in (headers or {}).items() if k.lower() == "content-type"), None)


def load_parsed(engine: Engine, run_id: int, source: Source, parsed: list[tuple], counts: SourceCounts,
                failures: dict[int, str | None]) -> None:
    """Load parsed articles and record which raw pages parsed and which failed (with the reason)."""
    items = [
        load.LoadItem(article=a, indicators=inds, raw_page_id=raw_id, is_party_building=pb, source_name=source.name)
        for raw_id, (a, inds, pb) in parsed
    ]
    if items:
        stats = load.load_articles(engine, run_id, items)
        counts.loaded += len(items)
        counts.new += stats.new
        counts.updated += stats.updated
        counts.unchanged += stats.unchanged
        counts.duplicates += stats.duplicates
        counts.indicators += stats.indicators_added
        counts.superseded += stats.indicators_superseded
    if failures:
        load.record_parse_results(engine, failures)


def process_pages(engine: Engine, run_id: int, source: Source, pages: list) -> SourceCounts:
    """Record every fetched page in raw_pages, then parse, extract and load the good article pages."""
    counts = SourceCounts()
    raw_ids = load.record_pages(engine, run_id, source.name, pages)
    parsed: list[tuple] = []
    results: dict[int, str | None] = {}
    for page in pages:
        result = page.result
        if page.page_type != "article":
            continue
        if result.not_modified:
            counts.not_modified += 1
            continue
        if result.error or not result.content:
            counts.failed += 1
            if not result.error:  # a fetch error is already in the crawl's errors (crawl_source)
                counts.errors.append(f"article {result.url}: empty body")
            continue
        counts.fetched += 1
        raw_id = raw_ids.get(result.url)
        try:
            parsed_item = parse_and_extract(result.content, result.final_url or result.url, source,
                                            _content_type(result.headers))
        except ParseError as exc:
            counts.parse_failed += 1
            counts.errors.append(f"{result.url}: {exc}")
            if raw_id is not None:
                results[raw_id] = str(exc)
            continue
        counts.parsed += 1
        if raw_id is not None:
            results[raw_id] = None
        parsed.append((raw_id, parsed_item))
    load_parsed(engine, run_id, source, parsed, counts, results)
    return counts


def crawl_and_process(engine: Engine, run_id: int, source: Source, settings: Settings, *, fetcher, archive,
                      mode: str = "nightly", since: datetime | None = None, until: datetime | None = None,
                      ) -> SourceCounts:
    """One source's whole night: discover, fetch (archiving everything), parse, extract, load."""
    from scrapers.crawl import crawl_source

    known = load.known_urls(engine, source.name)
    conditional = load.conditional_headers(engine, source.name)
    watermark = None if mode == "backfill" else load.get_watermark(engine, source.name)
    # articles that failed on an earlier night are fetched again even when no feed lists them now
    retry = load.failed_urls(engine, source.name)
    counts = SourceCounts()
    # pages are loaded in batches as they arrive, so a big night never holds every page in memory
    crawl = crawl_source(source, fetcher, archive, known=known, conditional=conditional, watermark=watermark,
                         since=since, until=until, mode=mode, retry=retry,
                         sink=lambda batch: counts.add(process_pages(engine, run_id, source, batch)))
    counts.discovered = crawl.discovered
    counts.failed = max(counts.failed, crawl.failed)
    counts.errors = list(crawl.errors) + counts.errors
    load.update_watermark(engine, source.name)
    return counts


def reparse_archive(engine: Engine, run_id: int, source: Source, archive, *, since: datetime | None = None
                    ) -> SourceCounts:
    """Rebuild articles of one source from its WARC archive, with no network.

    Only the latest good response per URL counts, so a page fetched on several nights is parsed
    once; a parser fix changes content hashes and therefore creates new article versions.
    """
    latest: dict[str, tuple] = {}
    for ref, response in archive.iter_responses(source.name):
        if response.error or response.status != 200 or not response.content:
            continue
        fetched_at = load.utc(response.fetched_at) or _EPOCH
        if since and fetched_at < since:
            continue
        if article_url(response.url, source) is None:
            continue
        if response.url not in latest or fetched_at >= latest[response.url][0]:
            latest[response.url] = (fetched_at, ref, response)
    raw_ids = load.raw_page_ids(engine, ((ref.file, ref.offset) for _, ref, _ in latest.values()))
    counts = SourceCounts(discovered=len(latest))
    parsed: list[tuple] = []
    for url, (_, ref, response) in latest.items():
        counts.fetched += 1
        try:
            parsed.append((raw_ids.get((ref.file, ref.offset)),
                           parse_and_extract(response.content, url, source, _content_type(response.headers))))
            counts.parsed += 1
        except ParseError as exc:
            counts.parse_failed += 1
            counts.errors.append(f"{url}: {exc}")
    load_parsed(engine, run_id, source, parsed, counts, {})
    return counts

