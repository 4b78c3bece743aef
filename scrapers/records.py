"""The records that cross the boundaries of the scraping side (fetch -> archive -> parse).

They are plain frozen dataclasses so that parsing stays a pure function of its input and the
warehouse can load them without knowing how they were produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Image:
    url: str
    caption: str | None = None


@dataclass(frozen=True)
class ParsedArticle:
    """One article as the parser read it, already normalised (NFC, one tone-mark convention).

    `body` holds paragraphs separated by a blank line ("\\n\\n"); captions, ads, share bars,
    related-news blocks, the byline and the sapo are NOT in it. `text` is what indicators are
    extracted from, and what indicator offsets point into.
    """

    url: str  # the URL it was fetched from (real host, never the mini-web/override host)
    canonical_url: str  # canonical, no query string / fragment / tracking parameters
    source: str | None  # source name from scrapers/sources/*.yaml, None for an unknown site
    title: str
    sapo: str | None
    body: str
    published_at: datetime | None  # always timezone-aware when present
    modified_at: datetime | None = None
    author: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    layout: str = "unknown"  # which layout produced it: "onecms", "legacy", ..., "fallback:jsonld|meta|trafilatura"
    language: str = "vi"
    warnings: tuple[str, ...] = field(default=())  # non-fatal problems (e.g. "no date found")

    @property
    def text(self) -> str:
        return "\n\n".join(part for part in (self.title, self.sapo, self.body) if part)

    def to_dict(self) -> dict:
        return {
            "url": self.url,
            "canonical_url": self.canonical_url,
            "source": self.source,
            "title": self.title,
            "sapo": self.sapo,
            "body": self.body,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "modified_at": self.modified_at.isoformat() if self.modified_at else None,
            "author": self.author,
            "category": self.category,
            "tags": list(self.tags),
            "images": [{"url": i.url, "caption": i.caption} for i in self.images],
            "layout": self.layout,
            "warnings": list(self.warnings),
        }


class ParseError(ValueError):
    """A page that is not an article we can read. The message is the one-line reason recorded."""
