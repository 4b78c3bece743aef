"""Run-level checks, per source: did this run see about as much as usual, is the source still
fresh, and could we date what we read?

A row can be fine while the run is broken (a site redesign yields zero articles, or a listing
loop yields ten times too many). These checks compare the run with its own history and with
the source's cadence; any failure blocks publishing, with a message naming the source and why.
They are plain SQL on the warehouse (medians and shares, not row predicates), so they need no GX.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from warehouse.models import QUARANTINED, Article, PipelineRun, Source


@dataclass(frozen=True)
class RunCheck:
    source: str
    name: str  # volume_fetched | volume_loaded | freshness | undated_share
    success: bool
    message: str


@dataclass(frozen=True)
class RunCheckConfig:
    """Thresholds; the defaults are the issue's (drop > 80 %, surge ≥ 5×)."""

    history_runs: int = 7  # median over the last N succeeded runs of the same flow
    # fewer runs than this: pass with a note. Three, so that the first nightly run (which loads the
    # whole backlog) cannot make the second, incremental one look like an 80 % drop
    min_history: int = 3
    max_drop: float = 0.8
    max_surge: float = 5.0
    volume_counts: tuple[str, ...] = ("fetched", "loaded")
    freshness_factor: float = 3.0  # newest article may be this many cadences old
    freshness_flows: tuple[str, ...] = ("nightly",)  # backfills and reparses read old news on purpose
    max_undated_share: float = 0.2
    min_articles_for_share: int = 5
    exempt_statuses: frozenset[str] = field(default_factory=lambda: frozenset({"archival"}))


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; the warehouse stores UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _count(counts: dict | None, source: str, key: str) -> float | None:
    value = ((counts or {}).get(source) or {}).get(key)
    return float(value) if isinstance(value, int | float) else None


def volume_checks(run: sa.Row, counts: dict, history: list[dict], source: str,
                  config: RunCheckConfig) -> list[RunCheck]:
    results = []
    for key in config.volume_counts:
        current = _count(counts, source, key)
        if current is None:
            results.append(RunCheck(source, f"volume_{key}", True, f"no '{key}' count recorded for this run"))
            continue
        past = [v for v in (_count(c, source, key) for c in history) if v is not None]
        name = f"volume_{key}"
        if len(past) < config.min_history:
            results.append(RunCheck(source, name, True,
                                    f"{key} {current:g}: no history yet ({len(past)} earlier succeeded {run.flow_name} "
                                    f"runs, {config.min_history} needed)"))
            continue
        median = statistics.median(past)
        basis = f"median {median:g} of the last {len(past)} {run.flow_name} runs"
        if median == 0:
            results.append(RunCheck(source, name, True, f"{key} {current:g} vs {basis}: nothing to compare"))
        elif current < (1 - config.max_drop) * median:
            drop = 1 - current / median
            results.append(RunCheck(source, name, False,
                                    f"{source}: {key} dropped to {current:g} from {basis} "
                                    f"(-{drop:.0%}, limit -{config.max_drop:.0%})"))
        elif current >= config.max_surge * median:
            results.append(RunCheck(source, name, False,
                                    f"{source}: {key} surged to {current:g} from {basis} "
                                    f"({current / median:.1f}x, limit {config.max_surge:g}x)"))
        else:
            results.append(RunCheck(source, name, True, f"{key} {current:g} vs {basis}"))
    return results


def freshness_check(conn: sa.Connection, src: sa.Row, reference: datetime, config: RunCheckConfig) -> RunCheck:
    if src.status in config.exempt_statuses:
        return RunCheck(src.name, "freshness", True, f"{src.status} source: exempt")
    if not src.expected_cadence_hours:
        return RunCheck(src.name, "freshness", True, "no expected cadence configured")
    newest = _aware(conn.execute(
        sa.select(sa.func.max(Article.published_at))
        .where(Article.source_id == src.id, Article.status != QUARANTINED)
    ).scalar())
    allowed = timedelta(hours=src.expected_cadence_hours * config.freshness_factor)
    if newest is None:
        return RunCheck(src.name, "freshness", False, f"{src.name}: stale, no dated article outside quarantine")
    age = reference - newest
    if age > allowed:
        return RunCheck(src.name, "freshness", False,
                        f"{src.name}: stale, newest article {newest:%Y-%m-%d %H:%M} UTC is "
                        f"{age.total_seconds() / 3600:.0f} h old (allowed {allowed.total_seconds() / 3600:.0f} h "
                        f"= {config.freshness_factor:g} x cadence {src.expected_cadence_hours:g} h)")
    return RunCheck(src.name, "freshness", True, f"newest article {age.total_seconds() / 3600:.0f} h old")


def undated_check(conn: sa.Connection, run_id: int, src: sa.Row, config: RunCheckConfig) -> RunCheck:
    total, undated = conn.execute(
        sa.select(sa.func.count(), sa.func.count().filter(Article.published_at.is_(None)))
        .where(Article.run_id == run_id, Article.source_id == src.id)
    ).one()
    if total < config.min_articles_for_share:
        return RunCheck(src.name, "undated_share", True, f"{undated}/{total} undated (too few articles to judge)")
    share = undated / total
    if share > config.max_undated_share:
        return RunCheck(src.name, "undated_share", False,
                        f"{src.name}: {undated} of {total} articles ({share:.0%}) have no parseable date "
                        f"(limit {config.max_undated_share:.0%}); the date selectors may be broken")
    return RunCheck(src.name, "undated_share", True, f"{undated}/{total} undated ({share:.0%})")


def run_level_checks(engine: Engine, run_id: int, *, now: datetime | None = None,
                     config: RunCheckConfig | None = None, counts: dict | None = None) -> list[RunCheck]:
    """Every run-level check of run `run_id`, for each source the run touched.

    `counts` ({source name: {"fetched": …, "loaded": …}}) overrides `pipeline_runs.counts` for a
    flow that records its counts only when the run finishes; without either, the sources are those
    of the run's articles and the volume checks say they had nothing to judge.
    Freshness is judged at `now` if given, else at the run's start (a re-validation days later
    must not call the run stale).
    """
    config = config or RunCheckConfig()
    with engine.connect() as conn:
        run = conn.execute(sa.select(PipelineRun.__table__).where(PipelineRun.id == run_id)).one_or_none()
        if run is None:
            raise ValueError(f"no pipeline run {run_id}")
        history = [row.counts for row in conn.execute(
            sa.select(PipelineRun.counts)
            .where(PipelineRun.flow_name == run.flow_name, PipelineRun.status == "succeeded",
                   PipelineRun.id != run_id, PipelineRun.started_at <= run.started_at)
            .order_by(PipelineRun.started_at.desc(), PipelineRun.id.desc())
            .limit(config.history_runs)
        )]
        reference = _aware(now) or _aware(run.started_at) or datetime.now(UTC)
        counts = counts if counts is not None else (run.counts or {})
        names = set(counts)
        if not names:
            names = set(conn.execute(
                sa.select(Source.name).join(Article, Article.source_id == Source.id).where(Article.run_id == run_id)
            ).scalars())
        names = sorted(names)
        sources = {s.name: s for s in conn.execute(sa.select(Source.__table__).where(Source.name.in_(names)))}
        results: list[RunCheck] = []
        for name in names:
            results.extend(volume_checks(run, counts, history, name, config))
            src = sources.get(name)
            if src is None:
                results.append(RunCheck(name, "source_known", False, f"{name}: not in the sources table"))
                continue
            if run.flow_name in config.freshness_flows:
                results.append(freshness_check(conn, src, reference, config))
            results.append(undated_check(conn, run_id, src, config))
    return results
