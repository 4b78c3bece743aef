"""Charts for the monthly report, drawn with matplotlib's object API and returned as PNG bytes.

The report must open offline and stay one file, so charts are PNGs embedded as data URIs (an SVG
from matplotlib carries namespace URLs, which would break the "no external references" rule).
`matplotlib.figure.Figure` is used directly, not pyplot: no global figure registry, no GUI backend,
safe inside Prefect worker threads.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence
from datetime import datetime

from matplotlib.dates import DateFormatter, MonthLocator
from matplotlib.figure import Figure as MplFigure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from warehouse.summaries import MetricRow

SERIES = (("prev_year", "same month last year", "#c7d4e8"), ("prev_month", "previous month", "#7fa3d1"),
          ("actual", "this month", "#1f4e8c"))


def axis_formatter(unit: str) -> FuncFormatter:
    if unit == "percent":
        return FuncFormatter(lambda v, _pos: f"{v:g}%")
    if unit == "vnd":
        return FuncFormatter(lambda v, _pos: f"{v / 1e9:g} bn")
    return FuncFormatter(lambda v, _pos: f"{v:,.0f}")


def metric_chart_png(metric: str, unit: str, rows: Sequence[MetricRow],
                     history: Mapping[tuple[str, str], Sequence[tuple[str, float]]]) -> bytes:
    """Bars: this month against the previous month and a year before, target as a marker, per source;
    plus the trend of the latest actual over the last months when there is more than one point."""
    series = {r.source: history.get((r.source, metric), ()) for r in rows}
    with_trend = any(len(points) > 1 for points in series.values())
    height = max(2.4, 0.75 * len(rows) + 1.6)
    fig = MplFigure(figsize=(11 if with_trend else 7, height), dpi=90, layout="constrained")
    axes = fig.subplots(1, 2 if with_trend else 1, squeeze=False)[0]

    ax = axes[0]
    labels = [r.source for r in rows]
    bar_h = 0.26
    for k, (attr, label, colour) in enumerate(SERIES):
        if not any(getattr(r, attr) for r in rows):
            continue  # no bar of this series anywhere: keep it out of the legend too
        values = [getattr(r, attr).value if getattr(r, attr) else 0.0 for r in rows]
        positions = [i + (k - 1) * bar_h for i in range(len(rows))]
        ax.barh(positions, values, height=bar_h, color=colour, label=label)
    targets = [(i, r.target.value) for i, r in enumerate(rows) if r.target]
    if targets:
        ax.scatter([v for _, v in targets], [i for i, _ in targets], marker="D", color="#c0392b",
                   zorder=3, label="target")
    ax.set_yticks(range(len(rows)), labels)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(axis_formatter(unit))
    ax.set_title(f"{metric} ({unit})", fontsize=10)
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, frameon=False)
    ax.grid(axis="x", alpha=0.3)

    if with_trend:
        trend = axes[1]
        for source, points in series.items():
            if points:
                # real dates, so a gap of ten months looks like one
                months = [datetime.strptime(m, "%Y-%m") for m, _ in points]
                trend.plot(months, [v for _, v in points], marker="o", label=source)
        trend.yaxis.set_major_formatter(axis_formatter(unit))
        every = max(1, _month_span(series) // 6)  # about six month ticks, whatever the span
        trend.xaxis.set_major_locator(MonthLocator(interval=every))
        trend.xaxis.set_major_formatter(DateFormatter("%Y-%m"))
        trend.tick_params(axis="x", labelsize=7, labelrotation=30)
        trend.set_title("latest actual by month", fontsize=10)
        trend.legend(fontsize=7)
        trend.grid(alpha=0.3)

    return _png(fig)


def _month_span(series: Mapping[str, Sequence[tuple[str, float]]]) -> int:
    """How many calendar months the trend covers, first to last point inclusive."""
    months = sorted({m for points in series.values() for m, _ in points})
    if not months:
        return 0
    first, last = (datetime.strptime(m, "%Y-%m") for m in (months[0], months[-1]))
    return (last.year - first.year) * 12 + last.month - first.month + 1


def sources_chart_png(names: Sequence[str], articles: Sequence[int], indicators: Sequence[int]) -> bytes:
    """Articles read against indicators found per source: the month's coverage at a glance."""
    fig = MplFigure(figsize=(7, max(2.2, 0.55 * len(names) + 1.4)), dpi=90, layout="constrained")
    ax = fig.subplots()
    positions = range(len(names))
    ax.barh([p - 0.2 for p in positions], articles, height=0.4, color="#7fa3d1", label="articles read")
    ax.barh([p + 0.2 for p in positions], indicators, height=0.4, color="#1f4e8c", label="indicators found")
    ax.set_yticks(list(positions), list(names))
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, frameon=False)
    ax.grid(axis="x", alpha=0.3)
    return _png(fig)


def _png(fig: MplFigure) -> bytes:
    buf = io.BytesIO()
    # no Software tag: keep the file free of any URL, even inside the image metadata
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
