"""Number formatting and the planted-indicator record shared by the mini-web's story writers.

Every figure a story prints goes through these helpers so that what the page says and what the
manifest promises are produced from the same value (a planted 98,6% is 98.6 in the manifest).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import asdict, dataclass, field


@dataclass
class Planted:
    """One indicator written into a page, in the shape of ../shared/spec/indicators.md records."""

    metric: str
    value: float
    unit: str
    kind: str = "actual"
    qualifier: str = "exact"
    denominator: float | None = None
    year: int | None = None
    evidence: str = ""
    optional: bool = False

    def to_dict(self) -> dict:
        data = asdict(self)
        data["value"] = float(self.value)
        if self.denominator is not None:
            data["denominator"] = float(self.denominator)
        return data


UNIT_OF = {
    "org_good_rate": "percent", "org_excellent_rate": "percent", "member_good_rate": "percent",
    "member_excellent_rate": "percent", "units_good_rate": "percent", "new_members": "count",
    "new_members_plan_pct": "percent", "new_members_rate": "percent", "disciplined_members": "count",
    "removed_members": "count", "total_members": "count", "org_count": "count",
    "welfare_funds_vnd": "vnd", "houses_built": "count", "targets_met": "count", "other": "count",
}


def plant(metric: str, value: float, kind: str = "actual", qualifier: str = "exact", *,
          denominator: float | None = None, year: int | None = None, optional: bool = False,
          unit: str | None = None) -> Planted:
    return Planted(metric, value, unit or UNIT_OF[metric], kind, qualifier, denominator, year, "", optional)


@dataclass
class Sentence:
    """A sentence and the indicators it carries; the evidence is filled in from the final text."""

    text: str
    planted: list[Planted] = field(default_factory=list)

    def __post_init__(self) -> None:
        for p in self.planted:
            p.evidence = self.text


def vn_decimal(value: float, places: int = 2) -> str:
    """98.6 -> '98,6'; 100 -> '100'; thousands grouped with dots: 3494 -> '3.494'."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + ("," + frac if frac else "")


def vn_int(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def money(vnd: float) -> str:
    """A VND amount the way the papers print it: '2,35 tỷ đồng', '850 triệu đồng'."""
    if vnd >= 1_000_000_000:
        return f"{vn_decimal(vnd / 1_000_000_000)} tỷ đồng"
    return f"{vn_decimal(vnd / 1_000_000, 1)} triệu đồng"


def rand_money(rng: random.Random, low_million: int, high_million: int) -> float:
    """A round amount: whole millions below a billion, two decimals of a billion above."""
    million = rng.randint(low_million, high_million)
    if million >= 1000:
        million = round(million / 10) * 10
    else:
        million = round(million / 5) * 5 or 5
    return million * 1_000_000.0


def rate(rng: random.Random, low: float, high: float, places: int = 2) -> float:
    return round(rng.uniform(low, high), rng.choice([0, 1, 1, 2]) if places else 0)


def slugify(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def pick(rng: random.Random, options: list):
    return options[rng.randrange(len(options))]
