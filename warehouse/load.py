"""Loading the pipeline's records into the warehouse: idempotent, versioned, bulk, concurrency-safe.

- Articles are keyed by canonical URL. The content hash (sha256 of normalised title, sapo, body)
  decides: same hash -> only `last_seen_at` moves; a new hash -> a new `article_versions` row, the
  old version's indicators stay but stop being current, the article goes back to `pending`.
- Indicators follow `warehouse.readings.sync_readings`, the one rule every path shares: after the
  load an article's current indicators are exactly what this run's extractor read in its current
  version; readings it no longer produces (or produces differently) are superseded, not deleted,
  identical ones are left alone, so a rerun of the same night adds nothing.
- Two runs loading the same pages at once (PostgreSQL) cannot duplicate or lose rows: articles are
  inserted with ON CONFLICT DO NOTHING (the loser waits for the winner's commit, then sees its
  row), existing rows are locked FOR UPDATE in id order before a version is added, and the whole
  transaction is retried on serialization failures, deadlocks and unique violations.
- Every statement that writes many rows is one executemany (SQLAlchemy "insertmanyvalues": multi-row
  VALUES with RETURNING on SQLite and psycopg), never one round trip per row.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, and_, bindparam, case, func, insert, or_, select, update
from sqlalchemy.exc import DBAPIError

from indicators.normalise import normalise_text
from indicators.record import Indicator as IndicatorRecord
from indicators.version import extractor_version as current_extractor_version
from scrapers.records import ParsedArticle
from warehouse import dedup
from warehouse.models import (
    PENDING,
    Article,
    ArticleVersion,
    Indicator,
    PipelineRun,
    Province,
    RawPage,
    Source,
)
from warehouse.readings import Reading, ReadingChanges, sync_readings
from warehouse.seed import dialect_insert

log = logging.getLogger(__name__)

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CONDITIONAL_PAGE_TYPES = ("feed", "listing", "sitemap")
_CHUNK = 1000  # ids/URLs per IN (...) list: far below SQLite's and PostgreSQL's parameter limits
_RETRY_SQLSTATES = {"40001", "40P01", "23505"}  # serialization failure, deadlock, unique violation
_ATTEMPTS = 6

A = Article.__table__
V = ArticleVersion.__table__
IND = Indicator.__table__
R = RawPage.__table__
S = Source.__table__
RUNS = PipelineRun.__table__

T = TypeVar("T")


@dataclass(frozen=True)
class LoadItem:
    article: ParsedArticle
    indicators: list[IndicatorRecord]
    raw_page_id: int | None
    is_party_building: bool
    source_name: str | None = None  # defaults to article.source


@dataclass
class LoadStats:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    indicators_added: int = 0
    indicators_superseded: int = 0  # current rows this batch's readings replaced (kept, not current)
    duplicates: int = 0  # articles of this batch linked to an earlier near-identical article
    changes: ReadingChanges | None = None  # per source and metric


# ---------------------------------------------------------------- helpers


def utc(value: datetime | None) -> datetime | None:
    """Aware UTC; a naive value is taken as Vietnamese local time (what the papers print)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=VN_TZ)
    return value.astimezone(UTC)


def published_month(value: datetime | None) -> str | None:
    """YYYY-MM of the date as a Vietnamese reader sees it (23:30 UTC on the 31st is next month)."""
    value = utc(value)
    return value.astimezone(VN_TZ).strftime("%Y-%m") if value else None


def content_hash(article: ParsedArticle) -> str:
    parts = (normalise_text(article.title or ""), normalise_text(article.sapo or ""),
             normalise_text(article.body or ""))
    return hashlib.sha256("\n\n".join(parts).encode("utf-8")).hexdigest()


def _jsonable(value: Any) -> Any:
    return None if value is None else json.loads(json.dumps(value, default=str))


def _chunks(values: Sequence[T], size: int = _CHUNK) -> Iterable[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _retryable(exc: DBAPIError) -> bool:
    orig = exc.orig
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return code in _RETRY_SQLSTATES or "database is locked" in str(orig)


def in_transaction(engine: Engine, work: Callable[[Connection], T], attempts: int = _ATTEMPTS) -> T:
    """Run `work` in one transaction, again from scratch on a transient conflict with another run."""
    for attempt in range(attempts):
        try:
            with engine.begin() as connection:
                return work(connection)
        except DBAPIError as exc:
            if attempt == attempts - 1 or not _retryable(exc):
                raise
            log.info("retrying transaction after conflict (%s)", type(exc.orig).__name__)
            time.sleep(0.02 * 2 ** attempt * (1 + random.random()))  # noqa: S311 (jitter, not crypto)
    raise AssertionError("unreachable")


def _source_ids(connection: Connection, names: Iterable[str]) -> dict[str, int]:
    names = sorted(set(names))
    found = dict(connection.execute(select(S.c.name, S.c.id).where(S.c.name.in_(names))).all()) if names else {}
    missing = set(names) - set(found)
    if missing:
        raise ValueError(f"unknown source(s) {sorted(missing)}: call sync_sources() first")
    return found


def _source_id(connection: Connection, name: str) -> int:
    return _source_ids(connection, [name])[name]


# ---------------------------------------------------------------- runs and sources


def start_run(engine: Engine, flow_name: str, *, flow_run_id: str | None = None,
              parameters: dict | None = None, resume: bool = False,
              extractor_version: str | None = None) -> int:
    """A `pipeline_runs` row for this run; with `resume`, the row an earlier attempt of the same
    Prefect flow run started, set running again. `extractor_version` (default: today's,
    `indicators.version.extractor_version()`) records which extractor the run used.

    A retry of a flow run (flow retries, or "Retry" in the UI) resumes its row instead of adding
    one: sources replayed from the crawl cache loaded their rows under that run id, so the
    run-level checks and the counts stay on one run.
    """
    version = extractor_version or current_extractor_version()
    with engine.begin() as connection:
        if resume and flow_run_id:
            existing = connection.execute(
                select(RUNS.c.id).where(RUNS.c.flow_name == flow_name, RUNS.c.flow_run_id == str(flow_run_id))
                .order_by(RUNS.c.id.desc()).limit(1)
            ).scalar()
            if existing is not None:
                connection.execute(update(RUNS).where(RUNS.c.id == existing).values(
                    status="running", finished_at=None, message=None, extractor_version=version))
                return existing
        return connection.execute(
            insert(RUNS).values(flow_name=flow_name, flow_run_id=flow_run_id and str(flow_run_id),
                                started_at=datetime.now(UTC), status="running", extractor_version=version,
                                parameters=_jsonable(parameters)).returning(RUNS.c.id)
        ).scalar_one()


def finish_run(engine: Engine, run_id: int, status: str, *, counts: dict | None = None,
               message: str | None = None) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(RUNS).where(RUNS.c.id == run_id).values(
                status=status, finished_at=datetime.now(UTC), counts=_jsonable(counts), message=message)
        )


def sync_sources(engine: Engine, sources: Iterable[Any]) -> dict[str, int]:
    """Upsert the configured sources (and their provinces); returns source name -> id."""
    sources = list(sources)
    if not sources:
        return {}

    def work(connection: Connection) -> dict[str, int]:
        provinces = {s.province: s.province_name for s in sources if s.province}
        if provinces:
            connection.execute(
                dialect_insert(connection, Province.__table__).on_conflict_do_nothing(index_elements=["code"]),
                [{"code": code, "name_vi": name, "name_en": None} for code, name in sorted(provinces.items())],
            )
        rows = [
            {"name": s.name, "province_code": s.province or None, "base_url": s.base_url, "status": s.status,
             "family": s.family, "expected_cadence_hours": s.expected_cadence_hours}
            for s in sorted(sources, key=lambda s: s.name)
        ]
        stmt = dialect_insert(connection, S)
        stmt = stmt.on_conflict_do_update(
            index_elements=["name"],
            set_={c: stmt.excluded[c] for c in ("province_code", "base_url", "status", "family",
                                                  "expected_cadence_hours")},
        )
        connection.execute(stmt, rows)
        return _source_ids(connection, [s.name for s in sources])

    return in_transaction(engine, work)


def archived_sources(engine: Engine) -> list[str]:
    """Names of the sources with anything in the raw archive (what a reparse of "every source" replays;
    most of the 64 configured papers have nothing archived until they are crawled)."""
    with engine.connect() as connection:
        return sorted(connection.execute(
            select(S.c.name).where(S.c.id.in_(select(R.c.source_id).distinct()))).scalars())


def source_checks(engine: Engine) -> dict[str, tuple[datetime | None, datetime | None, list[str]]]:
    """name -> (checked_at, verified_at, check_failures) of every source `sources check` has seen."""
    with engine.connect() as connection:
        rows = connection.execute(select(S.c.name, S.c.checked_at, S.c.verified_at, S.c.check_failures)
                                  .where(S.c.checked_at.is_not(None))).all()
    return {name: (utc_from_db(checked), utc_from_db(verified), list(failures or []))
            for name, checked, verified, failures in rows}


def record_source_check(engine: Engine, name: str, failures: list[str], at: datetime | None = None) -> None:
    """What `chitieu sources check` found: when it ran, what failed, and (when nothing did) that the
    source was verified then. A failing check keeps the last `verified_at`, so both are visible."""
    at = at or datetime.now(UTC)
    values: dict[str, Any] = {"checked_at": at, "check_failures": list(failures)}
    if not failures:
        values["verified_at"] = at
    with engine.begin() as connection:
        connection.execute(update(S).where(S.c.name == name).values(**values))


# ---------------------------------------------------------------- raw pages


def _header(headers: Any, name: str) -> str | None:
    if not headers:
        return None
    items = headers.items() if hasattr(headers, "items") else headers
    for key, value in items:
        if str(key).lower() == name:
            return str(value)
    return None


def record_pages(engine: Engine, run_id: int | None, source_name: str, pages: list) -> dict[str, int]:
    """One `raw_pages` row per fetch (good or failed); returns URL (and final URL) -> raw_page_id."""
    if not pages:
        return {}
    now = datetime.now(UTC)
    rows, finals = [], []
    for page in pages:
        result, ref = page.result, getattr(page, "ref", None)
        content = getattr(result, "content", None)
        sha = getattr(ref, "sha256", None) if ref else None
        if sha is None and content:
            sha = hashlib.sha256(content).hexdigest()
        headers = getattr(result, "headers", None)
        content_type = _header(headers, "content-type")
        rows.append({
            "run_id": run_id,
            "url": result.url,
            "page_type": getattr(result, "page_type", None) or getattr(page, "page_type", None) or "article",
            "fetched_at": utc(getattr(result, "fetched_at", None)) or now,
            "status": getattr(result, "status", None),
            "error": getattr(result, "error", None),
            "content_type": content_type[:128] if content_type else None,
            "etag": _header(headers, "etag"),
            "last_modified": _header(headers, "last-modified"),
            "sha256": sha,
            "warc_file": str(ref.file) if ref else None,
            "warc_offset": getattr(ref, "offset", None) if ref else None,
        })
        finals.append(getattr(result, "final_url", None))

    def work(connection: Connection) -> dict[str, int]:
        source_id = _source_id(connection, source_name)
        for row in rows:
            row["source_id"] = source_id
        ids = connection.execute(
            insert(R).returning(R.c.id, sort_by_parameter_order=True), rows
        ).scalars().all()
        mapping: dict[str, int] = {}
        for row, final, raw_id in zip(rows, finals, ids, strict=True):
            mapping[row["url"]] = raw_id
            if final and final != row["url"]:
                mapping.setdefault(final, raw_id)
        return mapping

    return in_transaction(engine, work)


def raw_page_ids(engine: Engine, refs: Iterable[tuple[str, int]]) -> dict[tuple[str, int], int]:
    """(WARC file, offset) -> raw_pages.id, so pages replayed from the archive keep their lineage."""
    wanted = set(refs)
    if not wanted:
        return {}
    files = sorted({file for file, _ in wanted})
    found: dict[tuple[str, int], int] = {}
    with engine.connect() as connection:
        for chunk in _chunks(files):
            query = select(R.c.warc_file, R.c.warc_offset, R.c.id).where(R.c.warc_file.in_(chunk))
            for file, offset, raw_id in connection.execute(query):
                if (file, offset) in wanted:
                    found[(file, offset)] = raw_id
    return found


def record_parse_results(engine: Engine, results: dict[int, str | None]) -> None:
    """raw_page_id -> None (parsed) or the one-line reason it could not be parsed."""
    if not results:
        return
    rows = [{"b_id": raw_id, "b_status": "parsed" if reason is None else "failed", "b_error": reason}
            for raw_id, reason in sorted(results.items())]
    in_transaction(engine, lambda connection: connection.execute(
        update(R).where(R.c.id == bindparam("b_id")).values(
            parse_status=bindparam("b_status"), parse_error=bindparam("b_error")), rows))


def record_parse_failures(engine: Engine, failures: dict[int, str]) -> None:
    """The name docs/design.md uses: only failures (raw_page_id -> reason)."""
    record_parse_results(engine, dict(failures))


# ---------------------------------------------------------------- articles and indicators


@dataclass
class _Prepared:
    item: LoadItem
    source_id: int
    hash: str
    simhash: str

    @property
    def url(self) -> str:
        return self.item.article.canonical_url

    def article_values(self, run_id: int | None, now: datetime) -> dict:
        a = self.item.article
        return {
            "source_id": self.source_id, "canonical_url": a.canonical_url, "url": a.url, "title": a.title,
            "sapo": a.sapo, "body": a.body, "published_at": utc(a.published_at),
            "published_month": published_month(a.published_at), "modified_at": utc(a.modified_at),
            "author": a.author, "category": a.category, "tags": list(a.tags) if a.tags else None,
            "layout": a.layout, "content_hash": self.hash, "simhash": self.simhash,
            **dedup.band_values(int(self.simhash, 16)), "figures": dedup.figures_text(a.body or ""),
            "dedup_pending": True,  # new text: link it again
            "is_party_building": bool(self.item.is_party_building), "status": PENDING,
            "raw_page_id": self.item.raw_page_id, "run_id": run_id, "last_seen_at": now,
        }

    def version_values(self, article_id: int, version: int, run_id: int | None, now: datetime) -> dict:
        a = self.item.article
        return {
            "article_id": article_id, "version": version, "content_hash": self.hash, "title": a.title,
            "sapo": a.sapo, "body": a.body, "published_at": utc(a.published_at),
            "modified_at": utc(a.modified_at), "raw_page_id": self.item.raw_page_id, "run_id": run_id,
            "created_at": now,
        }


def _load_batch(connection: Connection, run_id: int | None, batch: list[_Prepared],
                extractor_version: str) -> tuple[LoadStats, list[int]]:
    now = datetime.now(UTC)
    stats = LoadStats()
    by_url = {p.url: p for p in batch}

    # 1. new articles; a row another run inserted first is skipped here and handled as existing
    article_rows = [p.article_values(run_id, now) | {"first_seen_at": now} for p in batch]
    insert_articles = (dialect_insert(connection, A).on_conflict_do_nothing(index_elements=["canonical_url"])
                       .returning(A.c.id, A.c.canonical_url))
    inserted = {r.canonical_url: r.id for r in connection.execute(insert_articles, article_rows)}

    # 2. existing articles, locked (PostgreSQL) so that only one run adds the next version
    existing = []
    others = sorted(set(by_url) - set(inserted))
    for chunk in _chunks(others):
        existing += connection.execute(
            select(A.c.id, A.c.canonical_url, A.c.content_hash, A.c.current_version)
            .where(A.c.canonical_url.in_(chunk)).order_by(A.c.id).with_for_update()
        ).all()
    changed = [r for r in existing if r.content_hash != by_url[r.canonical_url].hash]
    unchanged = [r for r in existing if r.content_hash == by_url[r.canonical_url].hash]

    # 3. changed articles: new content on the article row (their old version's indicators are
    #    superseded in step 5)
    if changed:
        connection.execute(
            update(A).where(A.c.id == bindparam("b_id")).values(
                {k: bindparam(f"b_{k}") for k in batch[0].article_values(run_id, now) if k != "canonical_url"}
                | {"current_version": bindparam("b_current_version")}),
            [{f"b_{k}": v for k, v in by_url[r.canonical_url].article_values(run_id, now).items()
              if k != "canonical_url"} | {"b_id": r.id, "b_current_version": r.current_version + 1}
             for r in changed],
        )

    # 4. versions: 1 for new articles, current + 1 for changed ones (guarded by the unique constraint)
    version_rows = [by_url[url].version_values(article_id, 1, run_id, now) for url, article_id in inserted.items()]
    version_rows += [by_url[r.canonical_url].version_values(r.id, r.current_version + 1, run_id, now)
                     for r in changed]
    version_of: dict[int, int] = {}
    if version_rows:
        version_of = {r.article_id: r.id for r in connection.execute(
            insert(V).returning(V.c.id, V.c.article_id), version_rows)}
    for chunk in _chunks([r.id for r in unchanged]):
        version_of |= dict(connection.execute(
            select(V.c.article_id, V.c.id).join(A, and_(A.c.id == V.c.article_id,
                                                         A.c.current_version == V.c.version))
            .where(A.c.id.in_(chunk))).all())
        connection.execute(update(A).where(A.c.id.in_(chunk)).values(last_seen_at=now))

    # 5. indicators of every article in the batch: the one rule of warehouse.readings (a rerun, or an
    #    unchanged article read by the same extractor, changes nothing)
    article_id_of = dict(inserted) | {r.canonical_url: r.id for r in existing}
    readings = [Reading.of(article_id_of[url], version_of[article_id_of[url]], prepared.item.indicators,
                           prepared.item.source_name or prepared.item.article.source)
                for url, prepared in by_url.items()]
    changes = sync_readings(connection, run_id, extractor_version, readings, now=now)
    stats.indicators_added = sum(changes.added.values())
    stats.indicators_superseded = len(changes.superseded_ids)
    stats.changes = changes

    stats.new, stats.updated, stats.unchanged = len(inserted), len(changed), len(unchanged)
    return stats, sorted(article_id_of.values())


def load_articles(engine: Engine, run_id: int | None, items: list[LoadItem], *,
                  extractor_version: str | None = None) -> LoadStats:
    """Load parsed articles with their indicators; see the module docstring for the rules.

    `extractor_version` names the extractor that read `items` (default: today's,
    `indicators.version.extractor_version()`); it is stored on every indicator row added.
    """
    if not items:
        return LoadStats()
    with engine.connect() as connection:
        names = {item.source_name or item.article.source for item in items}
        if None in names:
            raise ValueError("LoadItem without source_name for an article without source")
        source_ids = _source_ids(connection, names)
        connection.rollback()
    latest: dict[str, LoadItem] = {}
    for item in items:  # the same URL twice in a batch: the last copy wins
        latest[item.article.canonical_url] = item
    batch = [
        _Prepared(item, source_ids[item.source_name or item.article.source], content_hash(item.article),
                  dedup.to_hex(dedup.simhash(item.article.body or "")))
        for _url, item in sorted(latest.items())  # one lock order for every run: no deadlocks
    ]
    version = extractor_version or current_extractor_version()
    stats, article_ids = in_transaction(engine, lambda connection: _load_batch(connection, run_id, batch, version))
    if stats.new or stats.updated:
        in_transaction(engine, dedup.link_duplicates)
    with engine.connect() as connection:
        for chunk in _chunks(article_ids):
            stats.duplicates += connection.execute(
                select(func.count()).select_from(A).where(A.c.id.in_(chunk), A.c.duplicate_of_id.is_not(None))
            ).scalar_one()
    return stats


# ---------------------------------------------------------------- what the next run needs


def known_urls(engine: Engine, source_name: str) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(
            select(A.c.canonical_url).join(S, S.c.id == A.c.source_id).where(S.c.name == source_name)
        ).scalars())


def conditional_headers(engine: Engine, source_name: str) -> dict[str, tuple[str | None, str | None]]:
    """URL -> (ETag, Last-Modified) of the latest successful fetch of each feed, listing and sitemap."""
    ranked = (
        select(R.c.url, R.c.etag, R.c.last_modified,
               func.row_number().over(partition_by=R.c.url, order_by=R.c.id.desc()).label("rn"))
        .join(S, S.c.id == R.c.source_id)
        .where(S.c.name == source_name, R.c.page_type.in_(CONDITIONAL_PAGE_TYPES), R.c.error.is_(None),
               or_(R.c.etag.is_not(None), R.c.last_modified.is_not(None)))
        .subquery()
    )
    with engine.connect() as connection:
        rows = connection.execute(select(ranked.c.url, ranked.c.etag, ranked.c.last_modified)
                                  .where(ranked.c.rn == 1)).all()
    return {r.url: (r.etag, r.last_modified) for r in rows}


GONE_STATUSES = (410,)  # the server says the page is gone for good: never ask again
MAX_FETCH_ATTEMPTS = 3  # a 404, a page that never parses: given up after this many failed fetches


def failed_urls(engine: Engine, source_name: str, max_attempts: int = MAX_FETCH_ATTEMPTS) -> set[str]:
    """Article URLs to fetch again: the latest fetch failed or did not parse, they were never loaded,
    they have failed fewer than `max_attempts` times, and the server never answered 410 Gone.

    A timeout or a truncated body is usually gone by the next night; a 404 or a page that never
    parses is not, so retrying it forever would cost a request per night per dead URL. Given-up
    URLs stay visible in raw_pages with their errors.
    """
    failure = or_(R.c.error.is_not(None), R.c.status >= 400, R.c.parse_status == "failed")
    latest = (
        select(func.max(R.c.id).label("id"))
        .join(S, S.c.id == R.c.source_id)
        .where(S.c.name == source_name, R.c.page_type == "article")
        .group_by(R.c.url)
        .subquery()
    )
    attempts = (
        select(R.c.url, func.count().label("failures"),
               func.max(case((R.c.status.in_(GONE_STATUSES), 1), else_=0)).label("gone"))
        .join(S, S.c.id == R.c.source_id)
        .where(S.c.name == source_name, R.c.page_type == "article", failure)
        .group_by(R.c.url)
        .subquery()
    )
    with engine.connect() as connection:
        failed = set(connection.execute(
            select(R.c.url).join(latest, latest.c.id == R.c.id).join(attempts, attempts.c.url == R.c.url)
            .where(failure, attempts.c.failures < max_attempts, attempts.c.gone == 0)
        ).scalars())
        if not failed:
            return set()
        loaded = connection.execute(
            select(A.c.url, A.c.canonical_url).join(S, S.c.id == A.c.source_id).where(S.c.name == source_name)
        ).all()
    return failed - {u for row in loaded for u in row}


def update_watermark(engine: Engine, source_name: str) -> datetime | None:
    """Move the source's watermark to its newest published article; returns it (UTC)."""
    newest = (select(func.max(A.c.published_at)).where(A.c.source_id == S.c.id)).scalar_subquery()

    def work(connection: Connection) -> datetime | None:
        connection.execute(update(S).where(S.c.name == source_name).values(watermark=newest))
        return connection.execute(select(S.c.watermark).where(S.c.name == source_name)).scalar_one_or_none()

    return utc_from_db(in_transaction(engine, work))


def get_watermark(engine: Engine, source_name: str) -> datetime | None:
    """The source's watermark (aware UTC), None before its first loaded article."""
    with engine.connect() as connection:
        value = connection.execute(select(S.c.watermark).where(S.c.name == source_name)).scalar_one_or_none()
    return utc_from_db(value)


def utc_from_db(value: datetime | str | None) -> datetime | None:
    """SQLite hands back naive UTC datetimes (or strings from raw SQL); make them aware UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# ---------------------------------------------------------------- benchmark helper


def benchmark_indicator_inserts(engine: Engine, n_rows: int = 5000) -> dict[str, float]:
    """Rows/second inserting `n_rows` indicators in one executemany vs one statement per row.

    Runs inside a transaction that is rolled back, so it leaves nothing behind.
    """
    rates: dict[str, float] = {}
    for mode in ("bulk", "row_at_a_time"):
        with engine.connect() as connection:
            transaction = connection.begin()
            try:
                run_id = connection.execute(insert(RUNS).values(flow_name="benchmark", status="running")
                                            .returning(RUNS.c.id)).scalar_one()
                source_id = connection.execute(insert(S).values(name=f"benchmark-{mode}-{run_id}",
                                                                base_url="https://example.invalid")
                                               .returning(S.c.id)).scalar_one()
                article_id = connection.execute(insert(A).values(
                    source_id=source_id, canonical_url=f"https://example.invalid/{mode}/{run_id}",
                    url="https://example.invalid/", title="t", body="b", content_hash="0", current_version=1,
                    is_party_building=False, status=PENDING).returning(A.c.id)).scalar_one()
                version_id = connection.execute(insert(V).values(
                    article_id=article_id, version=1, content_hash="0", title="t", body="b")
                    .returning(V.c.id)).scalar_one()
                rows = [{"article_id": article_id, "version_id": version_id, "is_current": True,
                         "metric": "new_members", "value": float(i), "unit": "count", "kind": "actual",
                         "qualifier": "exact", "evidence": "x", "start_offset": i, "end_offset": i + 1,
                         "status": PENDING, "run_id": run_id} for i in range(n_rows)]
                started = time.perf_counter()
                if mode == "bulk":
                    connection.execute(insert(IND), rows)
                else:
                    for row in rows:
                        connection.execute(insert(IND), row)
                rates[mode] = n_rows / (time.perf_counter() - started)
            finally:
                transaction.rollback()
    return rates
