"""What one fetch left behind: the result and where its raw record sits in the archive.

Its own module so discovery and crawling can share it without importing each other; the warehouse
records every one of these in `raw_pages` (feeds, listings and sitemaps as well as articles).
"""

from __future__ import annotations

from dataclasses import dataclass

from scrapers.archive import ArchiveRef
from scrapers.fetch import FetchResult


@dataclass
class FetchedPage:
    result: FetchResult
    ref: ArchiveRef | None  # None only when writing the archive itself failed
    page_type: str  # "article" | "feed" | "listing" | "sitemap"
