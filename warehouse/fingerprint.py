"""The identity of one reading of a figure: pure, no database, so extraction workers compute it too.

A reading is everything the extractor said about a figure. Two readings are the same exactly when
these hashes are equal; `warehouse.readings` compares them to decide what a run supersedes.
"""

from __future__ import annotations

import hashlib

from indicators.record import Indicator as IndicatorRecord


def reading_hash(metric: str, value: float, unit: str, kind: str, qualifier: str, denominator: float | None,
                 year: int | None, subject: str | None, evidence: str, start: int, end: int,
                 evidence_start: int | None, evidence_end: int | None) -> str:
    """sha256 of the `repr` of the reading's fields. Floats go through `float()` (an int 5 and 5.0 are
    one reading) and `repr`, the shortest round-trip form, which both databases give back unchanged;
    `repr` of a string quotes and escapes it, so no two readings share an encoding. Copied, frozen,
    into migration 0004 (which fills it for rows loaded before); change it only with a migration that
    recomputes it."""
    return values_hash((metric, float(value), unit, kind, qualifier, None if denominator is None else float(denominator),
                        year, subject, evidence, start, end, evidence_start, evidence_end))


def values_hash(values: tuple) -> str:
    """`reading_hash` of values already normalised as `reading_values` gives them."""
    return hashlib.sha256(repr(values).encode("utf-8")).hexdigest()


def reading_values(ind: IndicatorRecord) -> tuple:
    """The reading's fields in the order of `reading_hash` (and of the `indicators` columns metric ..
    evidence_end), floats normalised: the row the warehouse stores and the tuple it hashes, built once."""
    return (ind.metric, float(ind.value), ind.unit, ind.kind, ind.qualifier,
            None if ind.denominator is None else float(ind.denominator), ind.year, ind.subject, ind.evidence,
            ind.start, ind.end, ind.evidence_start, ind.evidence_end)


def reading_row(ind: IndicatorRecord) -> tuple:
    """`reading_values` followed by their hash: what a run compares and writes, in plain values (cheap
    to pass between processes, unlike the record objects)."""
    values = reading_values(ind)
    return (*values, values_hash(values))


def record_hash(ind: IndicatorRecord) -> str:
    return values_hash(reading_values(ind))
