"""The Indicator record: the contract of ../shared/spec/indicators.md, shared by the extractor,
the warehouse, the quality gate and the scorer."""

from __future__ import annotations

from dataclasses import asdict, dataclass

UNITS = ("percent", "count", "vnd")
KINDS = ("actual", "target", "change")
QUALIFIERS = ("exact", "over", "under", "approx", "at_least")


@dataclass(frozen=True)
class Indicator:
    metric: str  # a code of indicators.taxonomy.METRICS, or "other"
    value: float
    unit: str  # one of UNITS
    kind: str  # one of KINDS
    qualifier: str  # one of QUALIFIERS
    denominator: float | None
    year: int | None
    subject: str | None
    evidence: str  # the sentence the figure came from
    start: int  # offsets of the number in the normalised article text
    end: int
    evidence_start: int | None = None  # offsets of the evidence sentence in the same text
    evidence_end: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)
