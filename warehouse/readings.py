"""One rule for the current indicators of an article, whichever run writes them.

After any run (nightly, backfill, reparse, re-extract) an article's current indicators are exactly
what the extractor of that run read in the article's current version:

- a reading is everything the extractor said about one figure (metric, value, unit, kind, qualifier,
  denominator, year, subject, evidence and offsets), hashed into `indicators.reading_hash`;
- a current row whose (version, reading) the extractor no longer produces (a dropped figure, another
  value/kind/qualifier/denominator/year/subject, or a row of a replaced version) becomes
  `is_current = false` with `superseded_by_run` and `superseded_at`; nothing is deleted;
- a reading with no current row is inserted (`status = 'pending'`, so the quality gate judges it) with
  the extractor version that produced it;
- an identical reading leaves its row exactly as it is (id, status, run, extractor version);
- the article version records which extractor last read it (`article_versions.extractor_version`).

`sync_readings` is the only code that writes `indicators`: `warehouse.load` (every crawl and reparse)
and `warehouse.reextract` call it inside their own transactions, after locking the articles they
touch, so a rerun changes nothing and two runs cannot both add the same reading (the partial unique
index `uq_indicator_current_reading` backs this up).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, select, update

from indicators.record import Indicator as IndicatorRecord
from warehouse.bulk import among, insert_rows
from warehouse.fingerprint import reading_hash, reading_row, record_hash
from warehouse.models import PENDING, ArticleVersion, Indicator

__all__ = ["Reading", "ReadingChanges", "reading_hash", "record_hash", "sync_readings"]

IND = Indicator.__table__
V = ArticleVersion.__table__
_CHUNK = 1000
_NEW_ROW_COLUMNS = ("article_id", "version_id", "is_current", "metric", "value", "unit", "kind", "qualifier",
                    "denominator", "year", "subject", "evidence", "start_offset", "end_offset", "evidence_start",
                    "evidence_end", "status", "run_id", "extractor_version", "reading_hash")


@dataclass(frozen=True)
class Reading:
    """What one extraction of one article version produced, as reading rows
    (`warehouse.fingerprint.reading_row`: the values of the columns metric .. evidence_end, then the
    reading's hash)."""

    article_id: int
    version_id: int
    rows: Sequence[tuple]
    source: str | None = None  # for the per-source counts only

    @classmethod
    def of(cls, article_id: int, version_id: int, indicators: Iterable[IndicatorRecord],
           source: str | None = None) -> Reading:
        return cls(article_id, version_id, [reading_row(ind) for ind in indicators], source)


@dataclass
class ReadingChanges:
    """Rows added, superseded and left unchanged, per (source, metric)."""

    added: Counter = field(default_factory=Counter)
    superseded: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    # of one call of sync_readings (not kept by `add`)
    superseded_ids: list[int] = field(default_factory=list)
    articles: set[int] = field(default_factory=set)  # articles whose current readings changed

    def add(self, other: ReadingChanges) -> None:
        """Fold in another batch's counts (not its ids: a long run's totals stay small)."""
        self.added.update(other.added)
        self.superseded.update(other.superseded)
        self.unchanged.update(other.unchanged)

    @property
    def changed(self) -> bool:
        return bool(sum(self.added.values()) or sum(self.superseded.values()))

    def table(self) -> list[dict]:
        """One row per source and metric: added, superseded, unchanged (the reextract artifact)."""
        keys = sorted(set(self.added) | set(self.superseded) | set(self.unchanged),
                      key=lambda k: (k[0] or "", k[1]))
        return [{"source": source, "metric": metric, "added": self.added[(source, metric)],
                 "superseded": self.superseded[(source, metric)], "unchanged": self.unchanged[(source, metric)]}
                for source, metric in keys]

    def by_source(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for name, counter in (("added", self.added), ("superseded", self.superseded), ("unchanged", self.unchanged)):
            for (source, _metric), n in counter.items():
                row = out.setdefault(source or "(unknown source)", {"added": 0, "superseded": 0, "unchanged": 0})
                row[name] += n
        return out


def _chunks(values: Sequence[int], size: int = _CHUNK) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def sync_readings(connection: Connection, run_id: int | None, extractor_version: str | None,
                  readings: Iterable[Reading], *, now: datetime | None = None) -> ReadingChanges:
    """Make each article's current indicators exactly its reading (see the module docstring).

    Runs inside the caller's transaction; the caller holds the articles' locks (PostgreSQL) or the
    database's write lock (SQLite). A reading listed twice for one article: the last one wins.
    """
    now = now or datetime.now(UTC)
    by_article = {r.article_id: r for r in readings}
    changes = ReadingChanges()
    if not by_article:
        return changes

    # plain tuples (id, version_id, reading_hash, metric): a Row's attribute access costs more than
    # the rest of the comparison, and a run compares every current row of every article it reads
    current: dict[int, list[tuple]] = {}
    for chunk in _chunks(sorted(by_article)):
        for article_id, *row in connection.execute(
            select(IND.c.article_id, IND.c.id, IND.c.version_id, IND.c.reading_hash, IND.c.metric)
            .where(among(connection, IND.c.article_id, chunk), IND.c.is_current.is_(True)).order_by(IND.c.id)
        ).tuples().all():  # one fetch: iterating the result asks psycopg for one row at a time
            current.setdefault(article_id, []).append(row)

    new_rows: list[tuple] = []  # values of _NEW_ROW_COLUMNS
    for article_id, reading in by_article.items():
        wanted: dict[tuple[int, str], tuple] = {}
        for row in reading.rows:  # a reading twice is one fact
            wanted.setdefault((reading.version_id, row[-1]), row)
        have: set[tuple[int, str | None]] = set()
        for row_id, version_id, digest, metric in current.get(article_id, ()):
            key = (version_id, digest)
            if key in wanted and key not in have:
                have.add(key)
                changes.unchanged[(reading.source, metric)] += 1
            else:  # another version, a reading no longer produced, or a duplicate current row
                changes.superseded_ids.append(row_id)
                changes.superseded[(reading.source, metric)] += 1
                changes.articles.add(article_id)
        for (version_id, digest), row in wanted.items():
            if (version_id, digest) in have:
                continue
            changes.added[(reading.source, row[0])] += 1
            changes.articles.add(article_id)
            new_rows.append((article_id, version_id, True, *row[:-1], PENDING, run_id, extractor_version, digest))

    # supersede first: the partial unique index only ever sees one current row per reading
    for chunk in _chunks(changes.superseded_ids):
        connection.execute(update(IND).where(among(connection, IND.c.id, chunk)).values(
            is_current=False, superseded_by_run=run_id, superseded_at=now))
    insert_rows(connection, IND, _NEW_ROW_COLUMNS, new_rows)  # in bulk, no RETURNING: nothing reads the new ids here
    versions = sorted({r.version_id for r in by_article.values()})
    for chunk in _chunks(versions):
        connection.execute(update(V).where(among(connection, V.c.id, chunk)).values(
            extractor_version=extractor_version))
    return changes
