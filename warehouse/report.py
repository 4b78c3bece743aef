"""Render and publish a month's summary: one self-contained HTML file, Markdown, CSV and Parquet.

The HTML has to open on an analyst's laptop with no network, and it shows text scraped from the
web, so: CSS inline, charts as data URIs, the only URLs are the links to the source articles, and
every piece of article text goes through Jinja2's autoescaping (a title holding `<script>` stays
text). Files are written to a temporary name and renamed, so a rerun replaces them whole.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy import Engine, text

from indicators.taxonomy import METRICS
from warehouse import charts
from warehouse.summaries import (
    LOCAL_TZ,
    V_INDICATOR_COLUMNS,
    Figure,
    MetricRow,
    MonthSummary,
    Revision,
    build_month,
    month_just_ended,
    parse_month,
    record_revision,
    revisions,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"
QUALIFIER_SIGNS = {"exact": "", "over": ">", "under": "<", "approx": "≈", "at_least": "≥"}

# column types of the CSV/Parquet export, so an empty month still has the same schema
EXPORT_DTYPES = {
    "indicator_id": "Int64", "article_id": "Int64", "version_id": "Int64", "source": "string",
    "province": "string", "province_name": "string", "province_code": "string", "province_2025": "string",
    "province_2025_name": "string", "url": "string", "title": "string",
    "published_at": "datetime64[us, UTC]", "month": "string", "metric": "string", "value": "float64",
    "unit": "string", "kind": "string", "qualifier": "string", "denominator": "float64", "year": "Int64",
    "subject": "string", "evidence": "string", "start_offset": "Int64", "end_offset": "Int64",
    "run_id": "Int64",
}


@dataclass(frozen=True)
class ReportFiles:
    html: Path
    md: Path
    csv: Path
    parquet: Path  # its schema metadata `chitieu.revision` holds the revision and its note (JSON)
    revisions: Path  # revisions.json: every publication of the month, newest last (the CSV's metadata)

    def all(self) -> list[Path]:
        return [self.html, self.md, self.csv, self.parquet, self.revisions]


@dataclass(frozen=True)
class PublishResult:
    month: str
    files: ReportFiles
    rows: int  # monthly_summaries rows of the month as published now (its latest revision)
    markdown: str  # for a Prefect markdown artifact
    table: list[dict]  # for a Prefect table artifact
    empty: bool
    revision: int = 1  # the month's publication number
    revised: bool = False  # this call stored a new revision after the first


@dataclass(frozen=True)
class Chart:
    title: str
    src: str  # data URI
    alt: str
    figures: tuple[tuple[str, Figure], ...]  # (label, figure) pairs the chart draws, linked in its caption


@dataclass(frozen=True)
class MetricSection:
    metric: str
    unit: str
    description_en: str
    description_vi: str
    rows: tuple[MetricRow, ...]
    chart: Chart | None


# ---------------------------------------------------------------------------------------------
# formatting


def fmt_value(value: float | None, unit: str, qualifier: str = "exact") -> str:
    if value is None:
        return "–"
    sign = QUALIFIER_SIGNS.get(qualifier, "")
    if unit == "percent":
        body = f"{value:,.2f}".rstrip("0").rstrip(".") + "%"
    elif unit == "vnd":
        body = f"{value:,.0f} ₫"
    else:
        body = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return sign + body


def fmt_change(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "percent":
        body = f"{value:+,.2f}".rstrip("0").rstrip(".") + " pp"
    elif unit == "vnd":
        body = f"{value:+,.0f} ₫"
    else:
        body = f"{value:+,.0f}" if float(value).is_integer() else f"{value:+,.2f}"
    return body


def fmt_figure(fig: Figure | None, unit: str) -> str:
    return "–" if fig is None else fmt_value(fig.value, unit, fig.qualifier)


def fmt_date(value: datetime | None) -> str:
    return "" if value is None else value.astimezone(LOCAL_TZ).strftime("%Y-%m-%d")


def link_target(url: str | None) -> str | None:
    """Only web links become hrefs: a scraped `javascript:` or `data:` URL must never be clickable."""
    return url if url and re.match(r"(?i)https?://", url) else None


def md_text(value: object) -> str:
    """Article text as Markdown that renders as plain text (no HTML, no links, no table breaks)."""
    out = html.escape(" ".join(str(value or "").split()), quote=False)
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", out)


# ---------------------------------------------------------------------------------------------
# sections and charts


def metric_sections(summary: MonthSummary, *, with_charts: bool = True) -> list[MetricSection]:
    by_metric: dict[tuple[str, str], list[MetricRow]] = {}
    for row in summary.rows:
        by_metric.setdefault((row.metric, row.unit), []).append(row)
    ordered = sorted(by_metric.items(), key=lambda kv: (list(METRICS).index(kv[0][0])
                                                       if kv[0][0] in METRICS else len(METRICS), kv[0]))
    sections = []
    for (metric, unit), rows in ordered:
        spec = METRICS.get(metric)
        chart = None
        drawable = [r for r in rows if r.actual or r.target or r.prev_month or r.prev_year]
        if with_charts and drawable:
            png = charts.metric_chart_png(metric, unit, drawable, summary.history)
            figures = tuple(
                (f"{r.source} {label}", fig)
                for r in drawable
                for label, fig in (("this month", r.actual), ("target", r.target),
                                   ("previous month", r.prev_month), ("last year", r.prev_year))
                if fig is not None
            )
            chart = Chart(
                title=f"{metric}: this month, previous month, a year before and target",
                src=charts.data_uri(png),
                alt=f"Bar chart of {metric} by source for {summary.month}",
                figures=figures,
            )
        sections.append(MetricSection(metric, unit, spec.description_en if spec else metric,
                                      spec.description_vi if spec else "", tuple(rows), chart))
    return sections


def sources_chart(summary: MonthSummary) -> Chart | None:
    if not summary.sources:
        return None
    png = charts.sources_chart_png([s.source for s in summary.sources],
                                   [s.articles_read for s in summary.sources],
                                   [s.indicators_found for s in summary.sources])
    return Chart("Articles read and indicators found per source", charts.data_uri(png),
                 f"Articles read and indicators found per source in {summary.month}", ())


# ---------------------------------------------------------------------------------------------
# renderers


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(value=fmt_value, change=fmt_change, figure=fmt_figure, date=fmt_date, href=link_target,
                       num=_num)
    return env


def render_html(summary: MonthSummary) -> str:
    return _environment().get_template("report.html").render(
        s=summary,
        sections=metric_sections(summary),
        sources_chart=sources_chart(summary),
        metrics=METRICS,
    )


def render_markdown(summary: MonthSummary) -> str:
    out = [f"# Party-building indicators, {summary.month}", ""]
    out.append(
        f"Generated {summary.generated_at:%Y-%m-%d %H:%M} (Asia/Ho_Chi_Minh) from validated indicators only. "
        f"Articles read: **{summary.articles_read}**; indicators found: **{summary.indicators_found}**; "
        f"quarantined: **{len(summary.quarantined)}**."
    )
    out.append("")
    out += _md_revision(summary)
    if summary.empty:
        out += [f"**No validated indicators were found for {summary.month}.** Nothing to compare.", ""]
    if summary.sources:
        out += ["## Sources", "", "| Province | Source | Articles read | Indicators found | Organisations |",
                "|---|---|---:|---:|---|"]
        for s in summary.sources:
            out.append(f"| {md_text(s.place)} | {md_text(s.source)} | {s.articles_read} "
                       f"| {s.indicators_found} | {md_text('; '.join(s.organisations))} |")
        out.append("")
    for section in metric_sections(summary, with_charts=False):
        out += [f"## `{section.metric}` ({section.unit})", "", md_text(section.description_en), "",
                "| Province | Source | Actual | Target | Actual − target | Previous month | Change "
                "| Last year | Change | Indicators |",
                "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in section.rows:
            out.append(
                f"| {md_text(r.place)} | {md_text(r.source)} | {_md_fig(r.actual, r.unit)} "
                f"| {_md_fig(r.target, r.unit)} | {fmt_change(r.actual_vs_target, r.unit)} "
                f"| {_md_fig(r.prev_month, r.unit)} | {fmt_change(r.change_prev_month, r.unit)} "
                f"| {_md_fig(r.prev_year, r.unit)} | {fmt_change(r.change_prev_year, r.unit)} "
                f"| {r.indicators_found} |"
            )
        out.append("")
        for r in section.rows:
            for label, fig in (("actual", r.actual), ("target", r.target)):
                if fig is not None:
                    out.append(f"- {md_text(r.source)} {label} {fmt_figure(fig, r.unit)}: "
                               f"“{md_text(fig.evidence)}” ([{md_text(fig.title)}]({_md_url(fig.url)}))")
        out.append("")
    out += ["## Quarantined", ""]
    if not summary.quarantined:
        out += ["Nothing was quarantined this month.", ""]
    else:
        out += ["| Reason | Rows |", "|---|---:|"]
        out += [f"| {md_text(reason)} | {n} |" for reason, n in summary.quarantine_reasons]
        out += ["", "| Source | Row | Article | Check | Value | Reason |", "|---|---|---|---|---|---|"]
        for q in summary.quarantined:
            article = f"[{md_text(q.title)}]({_md_url(q.url)})" if q.url else ""
            out.append(f"| {md_text(q.source)} | {q.table_name} #{q.row_id} {md_text(q.metric or '')} | {article} "
                       f"| {md_text(q.expectation)} | {md_text(q.value)} | {md_text(q.reason)} |")
        out.append("")
    return "\n".join(out)


def _md_revision(summary: MonthSummary) -> list[str]:
    rev = summary.revision
    if rev is None:
        return []
    when = f", published {fmt_date(rev.created_at)}" if rev.created_at else ""
    out = [f"**Revision {rev.number}**{when}."
           + (f" Extractor versions: {md_text(', '.join(rev.extractor_versions))}." if rev.extractor_versions else ""),
           ""]
    if rev.number > 1:
        out += ["## Revision note", "", md_text(rev.note.splitlines()[0]) if rev.note else "", "",
                "| Source | Metric | Figure | Old | New |", "|---|---|---|---:|---:|"]
        out += [f"| {md_text(c.source)} | {md_text(c.metric)} | {md_text(c.field)} | {md_text(_num(c.old))} "
                f"| {md_text(_num(c.new))} |" for c in rev.changes]
        out += ["", f"Extractor versions: {md_text(', '.join(rev.previous_extractor_versions) or 'none')} → "
                    f"{md_text(', '.join(rev.extractor_versions) or 'none')}.", ""]
    for earlier in reversed(summary.earlier_revisions):
        out.append(f"- Revision {earlier.number}, published {fmt_date(earlier.created_at)}"
                   + (f": {md_text(earlier.note.splitlines()[0])}" if earlier.note else ""))
    if summary.earlier_revisions:
        out.append("")
    return out


def _num(value) -> str:
    if value is None:
        return "–"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _md_fig(fig: Figure | None, unit: str) -> str:
    return "–" if fig is None else f"[{fmt_figure(fig, unit)}]({_md_url(fig.url)})"


def _md_url(url: str | None) -> str:
    return (link_target(url) or "").replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def table_rows(summary: MonthSummary) -> list[dict]:
    """Flat, JSON-friendly rows for a Prefect table artifact (one per province, source, metric)."""
    return [
        {
            "month": r.month,
            "province": r.place,
            "source": r.source,
            "metric": r.metric,
            "unit": r.unit,
            "actual": r.actual.value if r.actual else None,
            "target": r.target.value if r.target else None,
            "actual_vs_target": r.actual_vs_target,
            "prev_month": r.prev_month.value if r.prev_month else None,
            "change_prev_month": r.change_prev_month,
            "prev_year": r.prev_year.value if r.prev_year else None,
            "change_prev_year": r.change_prev_year,
            "articles_read": r.articles_read,
            "indicators_found": r.indicators_found,
            "organisations": "; ".join(r.organisations),
            "actual_url": r.actual.url if r.actual else None,
        }
        for r in summary.rows
    ]


def indicators_frame(rows: Iterable[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=list(V_INDICATOR_COLUMNS))
    return frame.astype(EXPORT_DTYPES)


# ---------------------------------------------------------------------------------------------
# files


def render_month(summary: MonthSummary, out_dir: Path) -> ReportFiles:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = ReportFiles(out_dir / "summary.html", out_dir / "summary.md", out_dir / "indicators.csv",
                        out_dir / "indicators.parquet", out_dir / "revisions.json")
    frame = indicators_frame(summary.indicators)
    history = [r.as_dict() for r in (*summary.earlier_revisions, *([summary.revision] if summary.revision else []))]
    _atomic_write(files.html, lambda p: p.write_text(render_html(summary), encoding="utf-8"))
    _atomic_write(files.md, lambda p: p.write_text(render_markdown(summary), encoding="utf-8"))
    _atomic_write(files.csv, lambda p: frame.to_csv(p, index=False, encoding="utf-8"))
    _atomic_write(files.parquet, lambda p: _write_parquet(frame, p, history[-1] if history else None))
    _atomic_write(files.revisions, lambda p: p.write_text(
        json.dumps({"month": summary.month, "revisions": history}, ensure_ascii=False, indent=2), encoding="utf-8"))
    return files


def _write_parquet(frame: pd.DataFrame, path: Path, revision: dict | None) -> None:
    """The export with the revision (number, note, changes, extractor versions) in its schema metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    if revision is not None:
        meta = dict(table.schema.metadata or {})
        meta[b"chitieu.revision"] = json.dumps(revision, ensure_ascii=False).encode("utf-8")
        table = table.replace_schema_metadata(meta)
    pq.write_table(table, path)


def _atomic_write(path: Path, write) -> None:
    """Write next to the target and rename: a reader never sees half a report."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def publish_month(engine: Engine, month: str | None, reports_dir: Path, run_id: int | None = None,
                  *, now: datetime | None = None) -> PublishResult:
    """Summarise a month (default: the one that just ended), store it as a new revision when its
    figures changed (`record_revision`), and write its report showing the revision."""
    month = month or month_just_ended(now)
    parse_month(month)
    summary = build_month(engine, month, now=now)
    stored = record_revision(engine, summary, run_id, now=now)
    summary = with_revisions(engine, summary)
    files = render_month(summary, Path(reports_dir) / month)
    return PublishResult(month=month, files=files, rows=len(summary.rows), markdown=render_markdown(summary),
                         table=table_rows(summary), empty=summary.empty, revision=stored.number,
                         revised=stored.written and stored.number > 1)


def with_revisions(engine: Engine, summary: MonthSummary) -> MonthSummary:
    history = revisions(engine, summary.month)
    if not history:
        return summary
    return replace(summary, revision=history[-1], earlier_revisions=tuple(history[:-1]))


def published_months(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT DISTINCT month FROM monthly_revisions ORDER BY month")).scalars())


def republish_changed(engine: Engine, reports_dir: Path, run_id: int | None = None,
                      months: Iterable[str] | None = None, *, now: datetime | None = None) -> list[Revision]:
    """Publish again every published month (or `months`) whose figures changed; returns the new revisions.

    Months whose figures are unchanged are left alone (no row, no file), so this is safe to run after
    every re-extraction, and again after one that was interrupted.
    """
    written = []
    for month in (sorted(months) if months is not None else published_months(engine)):
        summary = build_month(engine, month, now=now)
        stored = record_revision(engine, summary, run_id, now=now)
        if stored.written:
            render_month(with_revisions(engine, summary), Path(reports_dir) / month)
            written.append(stored)
    return written


def latest_month_with_data(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return conn.execute(text("SELECT max(month) FROM v_indicators")).scalar()
