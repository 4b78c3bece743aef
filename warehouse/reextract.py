"""Re-extraction: read the stored text of current article versions again with today's extractor.

No network and no HTML: the text is the one the parser stored (`article_versions`), joined exactly as
`ParsedArticle.text` joins it, so offsets mean the same as on the night it was loaded. Only versions
whose `extractor_version` differs from the extractor's are read, unless `all_versions`.

Every batch is one transaction: its readings (`warehouse.readings.sync_readings`, the rule every load
follows) and the versions' new `extractor_version` commit together. A run killed at any point leaves
whole batches behind it, and a rerun reads only what is left, so it converges to the warehouse of an
uninterrupted run; a second run finds nothing to do.

Extraction runs on every core (the extractor is pure Python, so threads would share one): this
process and a spawn pool of `workers - 1` processes (`warehouse.extract_pool`), the pool working on
the next batches while this process writes the previous one; pages are read by keyset
(`article_versions.id`), so memory stays flat however large the warehouse. On PostgreSQL a run
refreshes the planner's statistics first, and again whenever it may have doubled the indicators it
added (`refresh_statistics`): stale statistics make every batch scan whole tables.

The extractor is a parameter (`extract_fn`, `extractor_version`): the default is the public
`indicators.extract.extract` with `indicators.version.extractor_version()`; tests and benchmarks pass
others. A pool needs `extract_fn` to be importable by name (a module-level function).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, and_, or_, select, text

from indicators.extract import extract
from indicators.version import extractor_version as current_extractor_version
from scrapers.records import ParsedArticle
from warehouse.bulk import among
from warehouse.extract_pool import extracted
from warehouse.extract_worker import Extracted, ExtractFn, Job
from warehouse.load import in_transaction, utc_from_db
from warehouse.models import Article, ArticleVersion, Source
from warehouse.readings import Reading, ReadingChanges, sync_readings

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
A = Article.__table__
V = ArticleVersion.__table__
S = Source.__table__
BATCH_SIZE = 500  # versions per transaction
PLANNED_COLUMNS = {  # what the queries of a run filter and join on (`refresh_statistics`)
    "articles": "id, source_id, current_version, published_at",
    "article_versions": "id, article_id, version, extractor_version",
    "indicators": "article_id, version_id, is_current",
}
STATISTICS_ROWS = 5000  # indicator rows a run adds before it refreshes their statistics the first time

@dataclass
class ReextractResult:
    extractor_version: str
    versions: Counter = field(default_factory=Counter)  # source -> versions read
    changes: ReadingChanges = field(default_factory=ReadingChanges)
    batches: int = 0
    skipped: int = 0  # versions replaced by a newer version between read and write (a night ran meanwhile)

    def counts(self) -> dict[str, dict]:
        """Per source: versions read, indicator rows added, superseded, unchanged (pipeline_runs.counts)."""
        by_source = self.changes.by_source()
        return {name: {"versions": self.versions[name], **by_source.get(name, {"added": 0, "superseded": 0,
                                                                               "unchanged": 0})}
                for name in sorted(set(self.versions) | set(by_source))}


def article_text(title: str | None, sapo: str | None, body: str | None) -> str:
    """The text indicators are extracted from: `ParsedArticle.text`, the one definition."""
    return ParsedArticle(url="", canonical_url="", source=None, title=title or "", sapo=sapo, body=body or "",
                         published_at=None).text


def since_utc(since: date | datetime | str | None) -> datetime | None:
    if since is None:
        return None
    if isinstance(since, str):
        since = date.fromisoformat(since)
    if not isinstance(since, datetime):
        since = datetime.combine(since, time.min, tzinfo=VN_TZ)
    elif since.tzinfo is None:
        since = since.replace(tzinfo=VN_TZ)
    return since


def pending_jobs(engine: Engine, extractor_version: str, *, source: str | None = None,
                 since: date | datetime | str | None = None, all_versions: bool = False,
                 batch_size: int = BATCH_SIZE) -> Iterator[list[Job]]:
    """Pages of current versions to read (keyset on the version id: flat memory, no OFFSET scans)."""
    start = since_utc(since)
    last = 0
    while True:
        query = (
            select(V.c.id, V.c.article_id, S.c.name, V.c.title, V.c.sapo, V.c.body, V.c.published_at)
            .join(A, and_(A.c.id == V.c.article_id, A.c.current_version == V.c.version))
            .join(S, S.c.id == A.c.source_id)
            .where(V.c.id > last).order_by(V.c.id).limit(batch_size)
        )
        if source:
            query = query.where(S.c.name == source)
        if start is not None:
            query = query.where(A.c.published_at >= start)
        if not all_versions:
            query = query.where(or_(V.c.extractor_version.is_(None), V.c.extractor_version != extractor_version))
        with engine.connect() as connection:
            rows = connection.execute(query).all()
        if not rows:
            return
        yield [Job(version_id, article_id, name, article_text(title, sapo, body), _local(published_at))
               for version_id, article_id, name, title, sapo, body, published_at in rows]
        last = rows[-1][0]


def _local(value) -> datetime | None:
    value = utc_from_db(value)
    return value.astimezone(VN_TZ) if value else None


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def write_batch(engine: Engine, run_id: int | None, extractor_version: str, jobs: Sequence[Job],
                readings: Sequence[Extracted]) -> tuple[ReadingChanges, int]:
    """One transaction: lock the articles, keep the versions still current, sync their readings."""
    found = dict(readings)
    article_ids = sorted({job.article_id for job in jobs})

    def work(connection) -> tuple[ReadingChanges, int]:
        current = dict(connection.execute(
            select(A.c.id, V.c.id)
            .join(V, and_(V.c.article_id == A.c.id, V.c.version == A.c.current_version))
            .where(among(connection, A.c.id, article_ids)).order_by(A.c.id).with_for_update(of=A)
        ).all())
        keep = []
        for job in jobs:
            if current.get(job.article_id) == job.version_id:
                keep.append(Reading(job.article_id, job.version_id, found[job.version_id], job.source))
        return sync_readings(connection, run_id, extractor_version, keep), len(jobs) - len(keep)

    return in_transaction(engine, work)


def refresh_statistics(engine: Engine, tables: Sequence[str] = tuple(PLANNED_COLUMNS)) -> None:
    """PostgreSQL: ANALYZE the columns a run's queries are planned on, so the plans use the indexes.

    Right after a bulk load (a backfill, a restore) and before autovacuum gets to it, the planner
    guesses the tables' sizes: it then reads a page of versions by hashing all `articles` and every
    remaining version (26 ms instead of 1.6 ms for 500 versions of 10,000, and growing with the
    warehouse) and a batch's current indicators by scanning the whole table. ANALYZE samples a
    bounded number of rows, and only these columns (not the texts), so it costs a few tens of ms.
    """
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("ANALYZE " + ", ".join(f"{table} ({PLANNED_COLUMNS[table]})"
                                                           for table in tables)))


def reextract(engine: Engine, run_id: int | None, *, extract_fn: ExtractFn = extract,
              extractor_version: str | None = None, source: str | None = None,
              since: date | datetime | str | None = None, all_versions: bool = False,
              batch_size: int = BATCH_SIZE, workers: int | None = None,
              on_batch: Callable[[ReextractResult], None] | None = None) -> ReextractResult:
    """Read the current versions again (see the module docstring); one committed transaction per batch.

    `on_batch` is called after each commit (progress, and the tests' point to interrupt a run).
    """
    version = extractor_version or current_extractor_version()
    result = ReextractResult(extractor_version=version)
    workers = default_workers() if workers is None else workers
    refresh_statistics(engine)
    analyzed_at = 0  # indicator rows this run had added when it last refreshed their statistics
    batches = pending_jobs(engine, version, source=source, since=since, all_versions=all_versions,
                           batch_size=batch_size)
    for jobs, readings in extracted(batches, extract_fn, workers):
        changes, skipped = write_batch(engine, run_id, version, jobs, readings)
        result.changes.add(changes)
        added = sum(result.changes.added.values())
        if added >= max(2 * analyzed_at, STATISTICS_ROWS):  # the table may have doubled: plans go stale
            refresh_statistics(engine, ["indicators"])
            analyzed_at = added
        result.skipped += skipped
        result.versions.update(job.source for job in jobs)
        result.batches += 1
        if on_batch is not None:
            on_batch(result)
    return result
