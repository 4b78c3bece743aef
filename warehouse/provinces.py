"""Provinces across the merger of 1 July 2025: the 34 current units and the 63 earlier provinces.

The facts are data (`provinces_2025.yaml`, which says where each came from); this module reads and
checks them. Every earlier province maps to exactly one current unit; a current unit keeps the code
of the earlier province whose name it kept, so `gia-lai` is both the Gia Lai of before and the unit
that Gia Lai and Bình Định form now. A paper reports the province it published for
(`province_code`); `province_2025` is the unit that territory belongs to today, so a time series
can be summed across the merger.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

REFERENCE_FILE = Path(__file__).with_name("provinces_2025.yaml")
N_UNITS_2025, N_PROVINCES_BEFORE = 34, 63


@dataclass(frozen=True)
class ProvinceRef:
    """One province as it stood before 2025-07-01, with the unit it belongs to since."""

    code: str
    name_vi: str
    name_en: str
    kind: str  # province | city
    province_2025: str  # code of the current unit
    is_current_unit: bool  # this code is also one of the 34 units (the name continued)
    former_name: str | None = None


@dataclass(frozen=True)
class Unit2025:
    code: str
    name_vi: str
    name_en: str
    kind: str
    formed_from: tuple[str, ...]


@dataclass(frozen=True)
class ProvinceReference:
    effective: date
    units: tuple[Unit2025, ...]
    provinces: tuple[ProvinceRef, ...]

    def by_code(self) -> dict[str, ProvinceRef]:
        return {p.code: p for p in self.provinces}

    def unit_of(self, code: str) -> str | None:
        """The current unit of a province code (None for a code this reference does not know)."""
        found = self.by_code().get(code)
        return found.province_2025 if found else None


class ReferenceError(ValueError):
    """The reference file contradicts itself (a province listed twice, a unit missing, ...)."""


def load_reference(path: Path = REFERENCE_FILE) -> ProvinceReference:
    """Read and check the reference: 34 units, 63 earlier provinces, each in exactly one unit."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    units, provinces = [], []
    seen: dict[str, str] = {}
    for raw in data["units"]:
        members = tuple(m["code"] for m in raw["formed_from"])
        if raw["code"] not in members:
            raise ReferenceError(f"{path}: unit {raw['code']} is not among the provinces it is formed from")
        units.append(Unit2025(raw["code"], raw["name_vi"], raw["name_en"], raw["kind"], members))
        for member in raw["formed_from"]:
            if member["code"] in seen:
                raise ReferenceError(f"{path}: {member['code']} is in both {seen[member['code']]} and {raw['code']}")
            seen[member["code"]] = raw["code"]
            provinces.append(ProvinceRef(
                code=member["code"], name_vi=member["name_vi"], name_en=member["name_en"], kind=member["kind"],
                province_2025=raw["code"], is_current_unit=member["code"] == raw["code"],
                former_name=member.get("former_name")))
    if len(units) != N_UNITS_2025 or len(provinces) != N_PROVINCES_BEFORE:
        raise ReferenceError(f"{path}: {len(units)} units and {len(provinces)} earlier provinces, "
                             f"expected {N_UNITS_2025} and {N_PROVINCES_BEFORE}")
    effective = data["effective"]
    return ProvinceReference(effective=effective if isinstance(effective, date) else date.fromisoformat(effective),
                             units=tuple(units), provinces=tuple(provinces))


@lru_cache(maxsize=1)
def reference() -> ProvinceReference:
    """The shipped reference, read once (it is configuration, not state)."""
    return load_reference()


def province_rows(ref: ProvinceReference | None = None) -> list[dict]:
    """Rows of the `provinces` table (revision 0005 onwards): one per earlier province."""
    ref = ref or reference()
    return [{"code": p.code, "name_vi": p.name_vi, "name_en": p.name_en, "kind": p.kind,
             "province_2025": p.province_2025, "is_current_unit": p.is_current_unit} for p in ref.provinces]
