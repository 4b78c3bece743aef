"""What a re-extraction worker process runs: small on purpose.

Workers are started with `spawn` and import only this module and the extractor (half a second),
not the warehouse's database stack (several seconds and ~35 MiB more per worker).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from indicators.extract import extract
from indicators.record import Indicator as IndicatorRecord
from warehouse.fingerprint import reading_row

ExtractFn = Callable[..., list[IndicatorRecord]]


@dataclass(frozen=True)
class Job:
    """One current article version to read: small, picklable, sent to a worker."""

    version_id: int
    article_id: int
    source: str
    text: str
    published: datetime | None  # Vietnamese local time: the year the article's date names


Extracted = tuple[int, list[tuple]]  # version id, its reading rows (`warehouse.fingerprint.reading_row`)


def extract_jobs(jobs: Sequence[Job], extract_fn: ExtractFn = extract) -> list[Extracted]:
    """Pure: each job's readings, through the public `extract(text, published=..., normalised=...)`,
    as reading rows: plain values with their hash, computed here, in the worker, so the writing
    process does not; and tuples of plain values cost a third of the records to send back."""
    return [(job.version_id, [reading_row(ind) for ind in extract_fn(job.text, published=job.published,
                                                                    normalised=True)])
            for job in jobs]
