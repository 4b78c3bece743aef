"""Run-level checks: volume against the median of earlier runs, freshness, undated share.
A failure blocks publishing with a message naming the source and why."""

from __future__ import annotations

from datetime import timedelta

from conftest import NOW

from expectations.gate import run_gate
from expectations.runchecks import RunCheckConfig, run_level_checks

GL, HT = "baogialai.com.vn", "baohatinh.vn"


def _history(wh, per_source: dict[str, int], n: int = 5, flow: str = "nightly") -> None:
    for day in range(n, 0, -1):
        counts = {s: {"fetched": v + day, "loaded": v + day} for s, v in per_source.items()}
        wh.run(flow, counts=counts, status="succeeded", started_at=NOW - timedelta(days=day))


def _failing(checks) -> dict[tuple[str, str], str]:
    return {(c.source, c.name): c.message for c in checks if not c.success}


def test_volume_drop_blocks_publishing_and_names_the_source(wh, engine):
    gl, ht = wh.source(GL), wh.source(HT)
    _history(wh, {GL: 40, HT: 40})
    run = wh.run(counts={GL: {"fetched": 38, "loaded": 38}, HT: {"fetched": 3, "loaded": 3}})
    for src in (gl, ht):
        wh.article(src, run_id=run)

    result = run_gate(engine, run, now=NOW)

    assert not result.passed
    failing = _failing(result.run_checks)
    assert set(failing) == {(HT, "volume_fetched"), (HT, "volume_loaded")}
    assert "baohatinh.vn: fetched dropped to 3 from median 43" in result.message
    assert GL not in result.message
    assert result.validated == 2  # a blocked run still judges its rows


def test_surge_fails_and_only_same_flow_succeeded_runs_count(wh, engine):
    wh.source(GL)
    _history(wh, {GL: 40})
    _history(wh, {GL: 1000}, n=3, flow="backfill")  # other flow: ignored
    wh.run(counts={GL: {"fetched": 1, "loaded": 1}}, status="failed", started_at=NOW - timedelta(hours=2))
    surge = wh.run(counts={GL: {"fetched": 250, "loaded": 41}})
    checks = run_level_checks(engine, surge, now=NOW, config=RunCheckConfig(freshness_flows=()))
    failing = _failing(checks)
    assert set(failing) == {(GL, "volume_fetched")}
    assert "surged to 250 from median 43" in failing[(GL, "volume_fetched")]
    fine = wh.run(counts={GL: {"fetched": 200, "loaded": 9}})  # 4.65x and -79%: within limits
    assert not _failing(run_level_checks(engine, fine, now=NOW, config=RunCheckConfig(freshness_flows=())))


def test_no_history_passes_with_a_note(wh, engine):
    wh.source(GL)
    run = wh.run(counts={GL: {"fetched": 2, "loaded": 0}})
    checks = run_level_checks(engine, run, now=NOW, config=RunCheckConfig(freshness_flows=()))
    volume = [c for c in checks if c.name.startswith("volume")]
    assert volume and all(c.success and "no history" in c.message for c in volume)
    # the first nights load the backlog: two of them are not yet a history to drop from
    _history(wh, {GL: 500}, n=2)
    second = wh.run(counts={GL: {"fetched": 10, "loaded": 10}})
    checks = run_level_checks(engine, second, now=NOW, config=RunCheckConfig(freshness_flows=()))
    assert all(c.success for c in checks if c.name.startswith("volume"))
    assert "2 earlier succeeded nightly runs, 3 needed" in checks[0].message


def test_freshness(wh, engine):
    stale = wh.source(GL, cadence=24)
    fresh = wh.source(HT, cadence=24)
    archive = wh.source("baodaklak.vn", cadence=24, status="archival")
    wh.article(stale, published_at=NOW - timedelta(days=4))
    wh.article(stale, published_at=NOW + timedelta(days=30), status="quarantined")  # must not mask it
    wh.article(fresh, published_at=NOW - timedelta(hours=30))
    wh.article(archive, published_at=NOW - timedelta(days=400))
    counts = {name: {"fetched": 1, "loaded": 1} for name in (GL, HT, "baodaklak.vn")}

    nightly = wh.run(counts=counts)
    failing = _failing(run_level_checks(engine, nightly, now=NOW))
    assert set(failing) == {(GL, "freshness")}
    assert "baogialai.com.vn: stale, newest article" in failing[(GL, "freshness")]
    assert "96 h old (allowed 72 h" in failing[(GL, "freshness")]

    backfill = wh.run("backfill", counts=counts)  # reading old news on purpose
    assert not _failing(run_level_checks(engine, backfill, now=NOW))
    # judged at the run's start when no time is given: a week-old run was fresh back then
    old = wh.run(counts=counts, started_at=NOW - timedelta(days=3, hours=12))
    assert (GL, "freshness") not in _failing(run_level_checks(engine, old))


def test_share_of_undated_articles(wh, engine):
    gl, ht = wh.source(GL), wh.source(HT)
    run = wh.run("backfill", counts={GL: {"fetched": 10}, HT: {"fetched": 10}})
    for n in range(10):
        wh.article(gl, run_id=run, published_at=None if n < 4 else NOW - timedelta(days=n))
        wh.article(ht, run_id=run, published_at=None if n < 1 else NOW - timedelta(days=n))
    wh.article(ht, published_at=None)  # another run's article: not counted
    failing = _failing(run_level_checks(engine, run, now=NOW))
    assert set(failing) == {(GL, "undated_share")}
    assert "4 of 10 articles (40%) have no parseable date" in failing[(GL, "undated_share")]


def test_counts_given_by_the_flow_or_sources_from_the_run_articles(wh, engine):
    gl = wh.source(GL)
    _history(wh, {GL: 40})
    run = wh.run(counts=None)  # the flow records its counts only when it finishes
    for _ in range(5):
        wh.article(gl, run_id=run, published_at=None)
    config = RunCheckConfig(freshness_flows=())
    without = run_level_checks(engine, run, now=NOW, config=config)
    assert _failing(without) == {(GL, "undated_share"): _failing(without)[(GL, "undated_share")]}
    assert any(c.name == "volume_fetched" and "no 'fetched' count" in c.message for c in without)
    given = run_level_checks(engine, run, now=NOW, config=config, counts={GL: {"fetched": 2, "loaded": 40}})
    assert set(_failing(given)) == {(GL, "undated_share"), (GL, "volume_fetched")}
