"""Monthly summaries: what an analyst opens on the first of the month.

Built from the marts only (`v_indicators`, which already hides pending, quarantined, replaced and
duplicate rows), so a figure can only reach a summary once the quality gate has passed it. Every
figure keeps its lineage (indicator id, article URL, evidence sentence) so the report can show
where it came from. `build_month` only reads; `write_month` / `record_revision` is the one place
that writes.

Revisions, the way statistical offices publish them: a month's rows are never replaced. Publishing a
month whose figures equal its latest revision's writes nothing (so publishing twice leaves no
duplicates); publishing it when a figure changed (a late article, a re-extraction by a better
extractor, a quarantined row) stores the new rows as the next revision, with a `monthly_revisions`
row saying which figures changed (old → new) and which extractor versions read the old and the new
figures. The report shows the revision number and note in every format.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, bindparam, func, insert, select, text

from warehouse.models import Indicator, MonthlyRevision, MonthlySummary, Source

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# how many months of history the trend charts look back over (this month included)
HISTORY_MONTHS = 13
# a real quantity outside the taxonomy: its values are not comparable across articles or months
OTHER_METRIC = "other"

V_INDICATOR_COLUMNS = (
    "indicator_id", "article_id", "version_id", "source", "province", "province_name", "province_code",
    "province_2025", "province_2025_name", "url", "title",
    "published_at", "month", "metric", "value", "unit", "kind", "qualifier", "denominator", "year",
    "subject", "evidence", "start_offset", "end_offset", "run_id",
)


# ---------------------------------------------------------------------------------------------
# records


@dataclass(frozen=True)
class Figure:
    """One reported number with the lineage a reader needs to check it against the article."""

    value: float
    indicator_id: int
    article_id: int
    url: str
    title: str
    published_at: datetime | None
    evidence: str
    qualifier: str
    kind: str
    subject: str | None = None
    year: int | None = None
    denominator: float | None = None
    month: str | None = None


@dataclass(frozen=True)
class MetricRow:
    """One line of the summary: a metric as one source (so one province) reported it this month."""

    month: str
    province: str | None
    province_name: str | None
    source: str
    source_id: int | None
    metric: str
    unit: str
    actual: Figure | None
    target: Figure | None
    prev_month: Figure | None
    prev_year: Figure | None
    articles_read: int
    indicators_found: int
    organisations: tuple[str, ...]
    province_2025: str | None = None  # the unit the province belongs to since 2025-07-01
    province_2025_name: str | None = None

    @property
    def place(self) -> str:
        return place_label(self.province, self.province_name, self.province_2025, self.province_2025_name)

    @property
    def actual_vs_target(self) -> float | None:
        return _diff(self.actual, self.target)

    @property
    def change_prev_month(self) -> float | None:
        return _diff(self.actual, self.prev_month)

    @property
    def change_prev_year(self) -> float | None:
        return _diff(self.actual, self.prev_year)


@dataclass(frozen=True)
class SourceStats:
    source: str
    source_id: int | None
    province: str | None
    province_name: str | None
    articles_read: int
    indicators_found: int
    organisations: tuple[str, ...]
    province_2025: str | None = None
    province_2025_name: str | None = None

    @property
    def place(self) -> str:
        return place_label(self.province, self.province_name, self.province_2025, self.province_2025_name)


MERGER_DAY = "2025-07-01"


def place_label(province: str | None, name: str | None, unit: str | None, unit_name: str | None) -> str:
    """The current unit, naming the earlier province where the paper published for another one:
    "Gia Lai (Bình Định before 2025-07-01)" for Báo Bình Định, plain "Gia Lai" for Báo Gia Lai."""
    current = unit_name or unit or name or province or ""
    if unit and province and unit != province:
        return f"{current} ({name or province} before {MERGER_DAY})"
    return current


@dataclass(frozen=True)
class QuarantineItem:
    """A row the quality gate set aside this month, with the check it failed and why."""

    quarantine_id: int
    table_name: str
    row_id: int
    source: str | None
    article_id: int | None
    url: str | None
    title: str | None
    metric: str | None
    indicator_value: float | None
    expectation: str
    column_name: str | None
    value: str | None
    reason: str


@dataclass(frozen=True)
class FigureChange:
    """One published figure that a revision changed (None: the row did not exist on that side)."""

    source: str
    metric: str
    field: str  # actual_value, target_value, ..., or actual_indicator_id when only the lineage moved
    old: float | int | None
    new: float | int | None

    def describe(self) -> str:
        return f"{self.source} {self.metric} {self.field.removesuffix('_value')}: {_plain(self.old)} → {_plain(self.new)}"


@dataclass(frozen=True)
class Revision:
    """A publication of a month: its number, and for revisions after the first, why it changed."""

    month: str
    number: int
    created_at: datetime | None
    changes: tuple[FigureChange, ...] = ()
    extractor_versions: tuple[str, ...] = ()
    previous_extractor_versions: tuple[str, ...] = ()
    note: str | None = None
    written: bool = True  # False: the figures equal the latest revision's, nothing was stored

    def as_dict(self) -> dict:
        return {"month": self.month, "revision": self.number,
                "created_at": self.created_at.isoformat() if self.created_at else None,
                "note": self.note, "extractor_versions": list(self.extractor_versions),
                "previous_extractor_versions": list(self.previous_extractor_versions),
                "changes": [vars(c) for c in self.changes]}


@dataclass(frozen=True)
class MonthSummary:
    month: str
    prev_month: str
    prev_year_month: str
    generated_at: datetime
    rows: tuple[MetricRow, ...]
    sources: tuple[SourceStats, ...]
    quarantined: tuple[QuarantineItem, ...]
    # the month's validated indicators, as v_indicators rows (the CSV/Parquet export)
    indicators: tuple[dict, ...]
    # (source, metric) -> ((month, latest actual value), ...) over HISTORY_MONTHS, oldest first
    history: Mapping[tuple[str, str], tuple[tuple[str, float], ...]] = field(default_factory=dict)
    # validated figures left out of `rows` because their metric is "other" (not comparable)
    other_figures: int = 0
    # the publication these figures are (set by record_revision), and the month's earlier ones
    revision: Revision | None = None
    earlier_revisions: tuple[Revision, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.rows

    @property
    def articles_read(self) -> int:
        return sum(s.articles_read for s in self.sources)

    @property
    def indicators_found(self) -> int:
        return len(self.indicators)

    @property
    def quarantine_reasons(self) -> list[tuple[str, int]]:
        """Why rows were quarantined, most frequent first (the headline of that section)."""
        counts = Counter(q.reason for q in self.quarantined)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


# ---------------------------------------------------------------------------------------------
# months


def parse_month(month: str) -> tuple[int, int]:
    """Validate a `YYYY-MM` string early, so a typo fails before anything is written."""
    try:
        parsed = datetime.strptime(month, "%Y-%m")
    except ValueError as exc:
        raise ValueError(f"month must be YYYY-MM, got {month!r}") from exc
    return parsed.year, parsed.month


def shift_month(month: str, delta: int) -> str:
    year, mon = parse_month(month)
    index = year * 12 + (mon - 1) + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_just_ended(now: datetime | None = None) -> str:
    """The month an analyst wants on the first: the one that ended, in Vietnamese local time."""
    local = (now or datetime.now(UTC)).astimezone(LOCAL_TZ)
    return shift_month(f"{local.year:04d}-{local.month:02d}", -1)


# ---------------------------------------------------------------------------------------------
# build


def build_month(engine: Engine, month: str, *, now: datetime | None = None) -> MonthSummary:
    """Read everything the month's report shows. Reads only the marts, the sources and quarantine."""
    parse_month(month)
    prev_month, prev_year = shift_month(month, -1), shift_month(month, -12)
    months = [shift_month(month, -k) for k in range(HISTORY_MONTHS - 1, -1, -1)]

    with engine.connect() as conn:
        indicator_rows = [
            _normalise_row(r)
            for r in conn.execute(
                text(
                    f"SELECT {', '.join(V_INDICATOR_COLUMNS)} FROM v_indicators "  # noqa: S608 - constant columns
                    "WHERE month IN :months ORDER BY month, source, metric, indicator_id"
                ).bindparams(bindparam("months", expanding=True)),
                {"months": months},
            ).mappings()
        ]
        source_ids = {name: sid for sid, name in conn.execute(text("SELECT id, name FROM sources"))}
        articles = conn.execute(
            text(
                "SELECT s.name AS source, s.province_code AS province, p.name_vi AS province_name, "
                "COALESCE(p.province_2025, s.province_code) AS province_2025, "
                "COALESCE(p25.name_vi, p.name_vi) AS province_2025_name, "
                "count(*) AS n FROM articles a JOIN sources s ON s.id = a.source_id "
                "LEFT JOIN provinces p ON p.code = s.province_code "
                "LEFT JOIN provinces p25 ON p25.code = p.province_2025 "
                "WHERE a.published_month = :month AND a.duplicate_of_id IS NULL "
                "GROUP BY s.name, s.province_code, p.name_vi, p.province_2025, p25.name_vi"
            ),
            {"month": month},
        ).mappings().all()
        quarantined = _quarantined(conn, month)

    this_month = [r for r in indicator_rows if r["month"] == month]
    return _assemble(
        month=month,
        prev_month=prev_month,
        prev_year=prev_year,
        months=months,
        this_month=this_month,
        all_rows=indicator_rows,
        source_ids=source_ids,
        articles=articles,
        quarantined=quarantined,
        now=now,
    )


def _assemble(*, month, prev_month, prev_year, months, this_month, all_rows, source_ids, articles,
              quarantined, now) -> MonthSummary:
    articles_read = {a["source"]: int(a["n"]) for a in articles}
    # source -> (province as published, its name, current unit, its name)
    place = {a["source"]: (a["province"], a["province_name"], a["province_2025"], a["province_2025_name"])
             for a in articles}
    for r in all_rows:
        place.setdefault(r["source"], (r["province"], r["province_name"], r["province_2025"], r["province_2025_name"]))
    nowhere = (None, None, None, None)

    latest = _latest_by(all_rows)  # (month, source, metric, unit, kind) -> Figure
    comparable = [r for r in this_month if r["metric"] != OTHER_METRIC]
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in comparable:
        groups[(r["source"], r["metric"])].append(r)

    rows = []
    for (source, metric), items in sorted(groups.items()):
        # a metric has one unit; should the gate ever let two through, the dominant one is summarised
        unit = Counter(r["unit"] for r in items).most_common(1)[0][0]
        province, province_name, unit_2025, unit_2025_name = place.get(source, nowhere)
        rows.append(
            MetricRow(
                month=month,
                province=province,
                province_name=province_name,
                province_2025=unit_2025,
                province_2025_name=unit_2025_name,
                source=source,
                source_id=source_ids.get(source),
                metric=metric,
                unit=unit,
                actual=latest.get((month, source, metric, unit, "actual")),
                target=latest.get((month, source, metric, unit, "target")),
                prev_month=latest.get((prev_month, source, metric, unit, "actual")),
                prev_year=latest.get((prev_year, source, metric, unit, "actual")),
                articles_read=articles_read.get(source, 0),
                indicators_found=sum(1 for r in items if r["unit"] == unit),
                organisations=_organisations(r for r in items if r["unit"] == unit),
            )
        )
    # grouped by the current unit, so Báo Bình Định's rows sit with Báo Gia Lai's
    rows.sort(key=lambda r: (r.province_2025 or r.province or "", r.province or "", r.source, r.metric))

    by_source: dict[str, list[dict]] = defaultdict(list)
    for r in this_month:
        by_source[r["source"]].append(r)
    sources = tuple(
        SourceStats(
            source=name,
            source_id=source_ids.get(name),
            province=place.get(name, nowhere)[0],
            province_name=place.get(name, nowhere)[1],
            province_2025=place.get(name, nowhere)[2],
            province_2025_name=place.get(name, nowhere)[3],
            articles_read=articles_read.get(name, 0),
            indicators_found=len(by_source.get(name, [])),
            organisations=_organisations(by_source.get(name, [])),
        )
        for name in sorted(set(articles_read) | set(by_source),
                           key=lambda n: (place.get(n, nowhere)[2] or place.get(n, nowhere)[0] or "",
                                          place.get(n, nowhere)[0] or "", n))
    )

    history = {}
    for row in rows:
        series = tuple(
            (m, fig.value)
            for m in months
            if (fig := latest.get((m, row.source, row.metric, row.unit, "actual"))) is not None
        )
        history[(row.source, row.metric)] = series

    return MonthSummary(
        month=month,
        prev_month=prev_month,
        prev_year_month=prev_year,
        generated_at=(now or datetime.now(UTC)).astimezone(LOCAL_TZ),
        rows=tuple(rows),
        sources=sources,
        quarantined=tuple(quarantined),
        indicators=tuple(this_month),
        history=history,
        other_figures=len(this_month) - len(comparable),
    )


def _latest_by(rows: Iterable[dict]) -> dict[tuple, Figure]:
    """The latest figure per (month, source, metric, unit, kind): latest published, ties by id.

    The same rule as `v_monthly_indicators.latest_value`, so the report and the view agree.
    """
    best: dict[tuple, dict] = {}
    for r in rows:
        key = (r["month"], r["source"], r["metric"], r["unit"], r["kind"])
        cur = best.get(key)
        if cur is None or _order(r) > _order(cur):
            best[key] = r
    return {k: _figure(r) for k, r in best.items()}


def _order(r: dict) -> tuple:
    published = r["published_at"]
    return (published is not None, published or datetime.min.replace(tzinfo=UTC), r["indicator_id"])


def _figure(r: dict) -> Figure:
    return Figure(
        value=r["value"],
        indicator_id=r["indicator_id"],
        article_id=r["article_id"],
        url=r["url"],
        title=r["title"],
        published_at=r["published_at"],
        evidence=r["evidence"],
        qualifier=r["qualifier"],
        kind=r["kind"],
        subject=r["subject"],
        year=r["year"],
        denominator=r["denominator"],
        month=r["month"],
    )


def _organisations(rows: Iterable[dict]) -> tuple[str, ...]:
    names = {r["subject"].strip() for r in rows if r["subject"] and r["subject"].strip()}
    return tuple(sorted(names, key=lambda n: (n.casefold(), n)))


def _diff(a: Figure | None, b: Figure | None) -> float | None:
    if a is None or b is None:
        return None
    return round(a.value - b.value, 10)


def _normalise_row(row: Mapping) -> dict:
    """Give both dialects the same Python types (SQLite returns timestamps from views as text)."""
    out = dict(row)
    out["published_at"] = as_utc(out.get("published_at"))
    for key in ("value", "denominator"):
        if out.get(key) is not None:
            out[key] = float(out[key])
    for key in ("indicator_id", "article_id", "version_id", "year", "start_offset", "end_offset", "run_id"):
        if out.get(key) is not None:
            out[key] = int(out[key])
    return out


def as_utc(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    elif isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    # the warehouse stores UTC; a naive value (SQLite) is UTC by contract
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _quarantined(conn, month: str) -> list[QuarantineItem]:
    """Quarantined articles and (current) indicators of articles published in the month."""
    result = conn.execute(
        text(
            "SELECT q.id AS quarantine_id, q.table_name, q.row_id, s.name AS source, a.id AS article_id, "
            "a.canonical_url AS url, a.title, NULL AS metric, NULL AS indicator_value, q.expectation, "
            "q.column_name, q.value, q.reason "
            "FROM quarantine q JOIN articles a ON q.table_name = 'articles' AND a.id = q.row_id "
            "JOIN sources s ON s.id = a.source_id WHERE a.published_month = :month "
            "UNION ALL "
            "SELECT q.id, q.table_name, q.row_id, s.name, a.id, a.canonical_url, a.title, i.metric, i.value, "
            "q.expectation, q.column_name, q.value, q.reason "
            "FROM quarantine q JOIN indicators i ON q.table_name = 'indicators' AND i.id = q.row_id "
            "JOIN articles a ON a.id = i.article_id JOIN sources s ON s.id = a.source_id "
            "WHERE a.published_month = :month AND i.is_current = :current "
            "ORDER BY 4, 1"
        ),
        {"month": month, "current": True},
    ).mappings()
    return [
        QuarantineItem(
            **{
                **r,
                "indicator_value": None if r["indicator_value"] is None else float(r["indicator_value"]),
            }
        )
        for r in result
    ]


# ---------------------------------------------------------------------------------------------
# write


def summary_records(summary: MonthSummary, run_id: int | None = None) -> list[dict]:
    """The `monthly_summaries` rows of a month (also the Prefect table artifact, minus lineage)."""
    return [
        {
            "month": r.month,
            "province_code": r.province,
            "source_id": r.source_id,
            "metric": r.metric,
            "unit": r.unit,
            "actual_value": r.actual.value if r.actual else None,
            "actual_indicator_id": r.actual.indicator_id if r.actual else None,
            "target_value": r.target.value if r.target else None,
            "target_indicator_id": r.target.indicator_id if r.target else None,
            "actual_vs_target": r.actual_vs_target,
            "prev_month_value": r.prev_month.value if r.prev_month else None,
            "change_prev_month": r.change_prev_month,
            "prev_year_value": r.prev_year.value if r.prev_year else None,
            "change_prev_year": r.change_prev_year,
            "articles_read": r.articles_read,
            "indicators_found": r.indicators_found,
            "organisations": list(r.organisations),
            "run_id": run_id,
        }
        for r in summary.rows
    ]


# what decides whether a month must be published again: its figures and where they came from
COMPARED_FIELDS = ("unit", "actual_value", "target_value", "prev_month_value", "prev_year_value", "articles_read",
                   "indicators_found", "actual_indicator_id", "target_indicator_id")
NOTE_FIELDS = COMPARED_FIELDS[1:-2]  # the figures a reader sees; ids are lineage
UNRECORDED = "(not recorded)"  # indicators loaded before extractor versions were recorded


def _plain(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        return f"{value:g}"
    return str(value)


def _comparable(records: Iterable[dict], names: Mapping[int | None, str]) -> dict[tuple[str, str], dict]:
    return {(names.get(r["source_id"], str(r["source_id"])), r["metric"]):
            {f: (float(r[f]) if isinstance(r[f], int | float) and f.endswith("_value") else r[f])
             for f in COMPARED_FIELDS} for r in records}


def _changes(old: dict[tuple[str, str], dict], new: dict[tuple[str, str], dict]) -> list[FigureChange]:
    out = []
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key, {}), new.get(key, {})
        figures = [f for f in NOTE_FIELDS if before.get(f) != after.get(f)]
        lineage = [f for f in COMPARED_FIELDS[-2:] if before.get(f) != after.get(f)]
        for f in figures or lineage:  # a new reading of the same value is still a change of source
            out.append(FigureChange(key[0], key[1], f, before.get(f), after.get(f)))
    return out


def _versions(conn, indicator_ids: Iterable[int | None]) -> tuple[str, ...]:
    ids = sorted({i for i in indicator_ids if i is not None})
    if not ids:
        return ()
    table = Indicator.__table__
    found = set()
    for start in range(0, len(ids), 1000):
        found |= {v or UNRECORDED for v in conn.execute(
            select(table.c.extractor_version).where(table.c.id.in_(ids[start:start + 1000]))).scalars()}
    return tuple(sorted(found))


def _note(month: str, number: int, changes: list[FigureChange], versions: tuple[str, ...],
          previous: tuple[str, ...]) -> str:
    lines = [f"Revision {number} of {month}: {len(changes)} published figure"
             f"{'s' if len(changes) != 1 else ''} changed since revision {number - 1}."]
    lines += [f"- {c.describe()}" for c in changes]
    lines.append(f"Extractor versions: {', '.join(previous) or 'none'} → {', '.join(versions) or 'none'}.")
    return "\n".join(lines)


def revisions(engine: Engine, month: str) -> list[Revision]:
    """Every publication of `month`, oldest first."""
    table = MonthlyRevision.__table__
    with engine.connect() as conn:
        rows = conn.execute(select(table).where(table.c.month == month).order_by(table.c.revision)).mappings().all()
    return [Revision(month=r["month"], number=r["revision"], created_at=as_utc(r["created_at"]),
                     changes=tuple(FigureChange(**c) for c in (r["changes"] or [])),
                     extractor_versions=tuple(r["extractor_versions"] or ()),
                     previous_extractor_versions=tuple(r["previous_extractor_versions"] or ()), note=r["note"])
            for r in rows]


def record_revision(engine: Engine, summary: MonthSummary, run_id: int | None = None,
                    *, now: datetime | None = None) -> Revision:
    """Store `summary` as the month's next revision when its figures differ from the latest one.

    One transaction; the month's latest revision row is locked first (PostgreSQL), so two publishers
    cannot both write revision n + 1 (the unique key `uq_monthly_revision` backs this up).
    """
    records = summary_records(summary, run_id)
    summaries, revs = MonthlySummary.__table__, MonthlyRevision.__table__
    with engine.begin() as conn:
        latest = conn.execute(select(func.max(revs.c.revision)).where(revs.c.month == summary.month)).scalar()
        if latest is not None:
            conn.execute(select(revs.c.id).where(revs.c.month == summary.month, revs.c.revision == latest)
                         .with_for_update())
        names = dict(conn.execute(select(Source.__table__.c.id, Source.__table__.c.name)).all())
        new = _comparable(records, names)
        versions = _versions(conn, (i for r in records for i in (r["actual_indicator_id"], r["target_indicator_id"])))
        if latest is not None:
            old_rows = conn.execute(select(summaries).where(summaries.c.month == summary.month,
                                                            summaries.c.revision == latest)).mappings().all()
            changes = _changes(_comparable(old_rows, names), new)
            if not changes:
                return Revision(summary.month, latest, None, extractor_versions=versions, written=False)
            previous = _versions(conn, (i for r in old_rows for i in (r["actual_indicator_id"],
                                                                        r["target_indicator_id"])))
        else:
            changes, previous = [], ()
        number = (latest or 0) + 1
        note = _note(summary.month, number, changes, versions, previous) if number > 1 else None
        created = (now or datetime.now(UTC))
        conn.execute(insert(revs).values(
            month=summary.month, revision=number, run_id=run_id, created_at=created,
            extractor_versions=list(versions), previous_extractor_versions=list(previous),
            changes=[vars(c) for c in changes], note=note))
        if records:
            conn.execute(insert(summaries), [r | {"revision": number} for r in records])
    return Revision(summary.month, number, created, tuple(changes), versions, previous, note)


def write_month(engine: Engine, summary: MonthSummary, run_id: int | None = None) -> int:
    """Store the month's rows as a new revision when they changed (`record_revision`); returns the
    number of rows of the month as published now."""
    record_revision(engine, summary, run_id)
    return len(summary.rows)
