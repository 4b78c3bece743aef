"""Writing the gate's verdicts: `quarantine` rows and row statuses. Nothing is deleted.

Idempotent: a (table, row, expectation) already in `quarantine` is not inserted again (the
unique constraint `uq_quarantine_row_check` backs this up), so a rerun adds nothing. Quarantined
rows stay quarantined: releasing one is a human decision, not a side effect of a rerun.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from warehouse.models import PENDING, QUARANTINED, VALID, Article, Indicator, Quarantine

CHUNK = 500
MAX_VALUE_CHARS = 300
CASCADE_EXPECTATION = "article_quarantined"


@dataclass(frozen=True)
class Failure:
    """One failing row of one check, ready to become a `quarantine` row."""

    table: str
    row_id: int
    source_id: int | None
    expectation: str
    column: str | None
    value: Any
    reason: str


def chunks(ids: Iterable[int], size: int = CHUNK) -> Iterator[list[int]]:
    batch: list[int] = []
    for i in ids:
        batch.append(i)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def record_failures(conn: sa.Connection, failures: list[Failure], run_id: int | None) -> int:
    """Insert the failures not yet recorded; returns how many rows were inserted."""
    if not failures:
        return 0
    q = Quarantine.__table__
    existing: set[tuple[str, int, str]] = set()
    for table in {f.table for f in failures}:
        ids = sorted({f.row_id for f in failures if f.table == table})
        for part in chunks(ids):
            existing.update(conn.execute(
                sa.select(q.c.table_name, q.c.row_id, q.c.expectation)
                .where(q.c.table_name == table, q.c.row_id.in_(part))
            ).tuples())
    fresh: dict[tuple[str, int, str], dict] = {}
    for f in failures:
        key = (f.table, f.row_id, f.expectation)
        if key in existing or key in fresh:
            continue
        fresh[key] = {"table_name": f.table, "row_id": f.row_id, "source_id": f.source_id,
                      "expectation": f.expectation, "column_name": f.column, "value": _text(f.value),
                      "reason": f.reason, "run_id": run_id}
    if fresh:
        conn.execute(sa.insert(q), list(fresh.values()))
    return len(fresh)


def set_status(conn: sa.Connection, table: sa.Table, ids: Iterable[int], status: str,
               from_statuses: tuple[str, ...]) -> set[int]:
    """Move rows `ids` currently in `from_statuses` to `status`; returns the ids that moved."""
    moved: set[int] = set()
    for part in chunks(sorted(set(ids))):
        movable = list(conn.execute(
            sa.select(table.c.id).where(table.c.id.in_(part), table.c.status.in_(from_statuses))).scalars())
        if movable:
            conn.execute(sa.update(table).where(table.c.id.in_(movable)).values(status=status))
            moved.update(movable)
    return moved


def article_reasons(conn: sa.Connection, article_ids: Iterable[int]) -> dict[int, str]:
    """Why each article is quarantined, from its quarantine rows (this run's or earlier)."""
    q = Quarantine.__table__
    reasons: dict[int, list[str]] = {}
    for part in chunks(sorted(set(article_ids))):
        for row_id, reason in conn.execute(
            sa.select(q.c.row_id, q.c.reason)
            .where(q.c.table_name == "articles", q.c.row_id.in_(part)).order_by(q.c.id)
        ).tuples():
            reasons.setdefault(row_id, []).append(reason)
    return {k: "; ".join(v) for k, v in reasons.items()}


def cascade_failures(conn: sa.Connection, indicator_ids: Iterable[int]) -> list[Failure]:
    """Indicators among `indicator_ids` whose article is quarantined go with it."""
    i, a = Indicator.__table__, Article.__table__
    rows: list[tuple[int, int, int | None]] = []
    for part in chunks(sorted(set(indicator_ids))):
        rows.extend(conn.execute(
            sa.select(i.c.id, i.c.article_id, a.c.source_id).join(a, a.c.id == i.c.article_id)
            .where(i.c.id.in_(part), a.c.status == QUARANTINED)
        ).tuples())
    reasons = article_reasons(conn, {article_id for _, article_id, _ in rows})
    return [
        Failure("indicators", ind_id, source_id, CASCADE_EXPECTATION, "article_id", article_id,
                f"article quarantined: {reasons.get(article_id, 'see article ' + str(article_id))}")
        for ind_id, article_id, source_id in rows
    ]


@dataclass(frozen=True)
class Verdict:
    quarantined: int  # rows newly moved to 'quarantined'
    validated: int  # rows newly moved to 'valid'
    recorded: int  # quarantine rows inserted
    cascaded: int  # indicators quarantined because their article is
    quarantined_by_source: dict[int | None, int]  # source id -> rows newly quarantined


def apply_verdicts(engine: sa.Engine, *, article_ids: set[int], indicator_ids: set[int],
                   article_failures: list[Failure], indicator_failures: list[Failure],
                   run_id: int | None, known_sources: set[int]) -> Verdict:
    """One transaction: record failures, quarantine them (articles first, then their indicators),
    mark the rest of the validated rows valid."""
    a, i = Article.__table__, Indicator.__table__
    not_quarantined = (PENDING, VALID)

    def known(fs: list[Failure]) -> list[Failure]:
        # quarantine.source_id is a foreign key: an unknown source is recorded as None
        return [f if f.source_id in known_sources else Failure(f.table, f.row_id, None, f.expectation,
                                                               f.column, f.value, f.reason) for f in fs]

    with engine.begin() as conn:
        recorded = record_failures(conn, known(article_failures), run_id)
        bad_articles = {f.row_id for f in article_failures}
        moved_articles = set_status(conn, a, bad_articles, QUARANTINED, not_quarantined)
        cascaded = cascade_failures(conn, indicator_ids)
        all_indicator_failures = known(indicator_failures) + cascaded
        recorded += record_failures(conn, all_indicator_failures, run_id)
        bad_indicators = {f.row_id for f in all_indicator_failures}
        moved_indicators = set_status(conn, i, bad_indicators, QUARANTINED, not_quarantined)
        validated = len(set_status(conn, a, article_ids - bad_articles, VALID, (PENDING,)))
        validated += len(set_status(conn, i, indicator_ids - bad_indicators, VALID, (PENDING,)))
    source_of = {(f.table, f.row_id): f.source_id for f in [*article_failures, *all_indicator_failures]}
    by_source = Counter(source_of[("articles", r)] for r in moved_articles)
    by_source.update(source_of[("indicators", r)] for r in moved_indicators)
    return Verdict(len(moved_articles) + len(moved_indicators), validated, recorded, len(cascaded),
                   dict(by_source))
