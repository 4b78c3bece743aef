"""Every benchmark runs, end to end, at toy size (`run_all --smoke`), and what it observes holds.

The benchmarks take ~20 minutes at full size and are run by hand, so a broken section (a typo in a
note, a changed signature) used to surface only in the next long run, with that section lost.
Nothing here looks at a time: only that each section ran and that its machine-independent
observations (rows loaded, articles lost, the flow's final state) are what the full run relies on.
"""

from __future__ import annotations

import math
import os

import pytest
from benchmark_sections import LIGHT, NIGHTS, ORCHESTRATION, assert_ran_and_rendered, run_sections


@pytest.fixture(scope="module")
def results():
    return run_sections(LIGHT)


def test_every_section_ran_and_rendered(results):
    assert_ran_and_rendered(results, set(LIGHT))


def test_every_benchmark_is_run_by_one_test_file():
    from benchmarks.run_all import NAMES

    assert sorted(LIGHT + NIGHTS + ORCHESTRATION) == sorted(NAMES)


def test_write_results_records_the_size_and_the_machine(results, tmp_path):
    from benchmarks.common import write_results

    out = tmp_path / "RESULTS.md"
    write_results(list(results.values()), out, size="smoke", elapsed=1.0)
    text = out.read_text(encoding="utf-8")
    assert "`python -m benchmarks.run_all --smoke`" in text and "| CPUs (nproc) |" in text
    assert all(f"## {r.title}" in text for r in results.values())


def test_page_processing_measured_every_corpus_against_its_peers(results):
    from benchmarks.corpus import real_articles

    rows = {row[0]: row for row in results["page_processing"].rows}
    real = {"real pages (../shared)"} if real_articles()[0] else set()
    assert set(rows) == {"mini-web articles", "20 variants"} | real
    for name, (_, pages, ours, trafilatura, lxml, *_rest, least, beyond, _errors) in rows.items():
        assert pages > 0 and ours > 0 and trafilatura > 0 and lxml > 0, name
        if name in real:  # one real page has no layout (the generic fallback reads it): no floor
            assert least == beyond == "-"
            continue
        spent, budget = (float(ms) for ms in beyond.split(" / "))  # ms per page: ours, the goal's budget
        assert least > 0 and math.isfinite(spent) and math.isfinite(budget), name


def test_least_work_reads_every_figure_the_parser_keeps_from_the_body():
    """The floor is real work: the figures of each parsed article's body are among the ones it finds."""
    from collections import Counter

    from benchmarks.corpus import miniweb_articles
    from benchmarks.page_processing import _DIGITS, least_work
    from scrapers.config import load_sources
    from scrapers.parse import parse_page
    from scrapers.records import ParseError

    sources = load_sources()
    checked = 0
    for page in miniweb_articles():
        source = sources.get(page.host)
        if source is None:
            continue
        try:
            article = parse_page(page.html, page.url, source)
        except ParseError:
            continue
        if article.layout.startswith("fallback"):  # no layout read it: the floor is not defined for it
            continue
        kept = Counter(_DIGITS.findall(article.body))
        found = Counter(least_work(page.html, page.url, source))
        assert not kept - found, page.url
        checked += 1
    assert checked >= 20


def test_warehouse_load_loaded_every_row_with_both_loaders(results):
    facts = results["warehouse_load"].facts
    loaded = {key: value for key, value in facts.items() if key.endswith(" rows")}
    assert {"sqlite/bulk rows", "sqlite/row rows"} <= set(loaded)
    if os.environ.get("CHITIEU_TEST_POSTGRES_URL"):
        assert {"postgresql/bulk rows", "postgresql/row rows"} <= set(loaded)
    assert set(loaded.values()) == {facts["rows expected"]}


def test_memory_measured_each_size(results):
    sizes = [row[0] for row in results["memory"].rows]
    assert sizes == sorted(sizes) and len(sizes) >= 2
    assert all(row[4] > 0 for row in results["memory"].rows)  # a peak RSS was read from the child
    # the child's RSS was sampled while each night ran
    assert sorted(results["memory"].facts["rss_samples"]) == sizes
    assert all(n > 0 for n in results["memory"].facts["rss_samples"].values())


def test_soak_loses_and_duplicates_nothing(results):
    facts = results["soak"].facts
    assert facts["reference"] > 0 and facts["faults_injected"] > 0
    assert facts["lost"] == 0 and facts["duplicated"] == 0


def test_reextract_read_every_version_and_the_upgrade_pass_changed_nothing(results):
    from benchmarks.reextract import SIZES

    facts = results["reextract"].facts
    n, memory_sizes = SIZES["smoke"]
    backends = ["sqlite"] + (["postgresql"] if os.environ.get("CHITIEU_TEST_POSTGRES_URL") else [])
    for backend in backends:
        first, upgrade = facts[f"{backend}/first read"], facts[f"{backend}/upgrade, nothing changed"]
        assert first["versions"] == upgrade["versions"] == n
        # every reading of the bare run became a row (the extractor's own duplicates aside)
        assert 0 < first["added"] <= first["readings"] and first["superseded"] == first["unchanged"] == 0
        assert (upgrade["added"], upgrade["superseded"], upgrade["unchanged"]) == (0, 0, first["added"])
    for m in memory_sizes:
        memory = facts[f"memory {m}"]
        assert memory["versions"] == m and memory["peak_kib"] >= memory["before_kib"] > 0


@pytest.mark.parametrize("repeat, chunks", [(1, 1), (3, 4), (2, 10), (1, 13)])
def test_throughputs_runs_every_item_repeat_times_and_counts_failures_once(repeat, chunks, monkeypatch):
    import gc
    from collections import Counter

    from benchmarks.common import throughputs

    # throughputs collects garbage before each timed slice: on this test process's heap (Prefect, GX and
    # the benchmarks loaded) that took ~1 s a call, 40 s a case, and is no part of what is checked here
    monkeypatch.setattr(gc, "collect", lambda *a: 0)

    calls: Counter = Counter()
    order: list[str] = []

    def fn(name):
        def call(item):
            calls[name, item] += 1
            if not order or order[-1] != name:
                order.append(name)
            if item % 2:
                raise ValueError(item)
        return call

    items = list(range(10))
    rates = throughputs({"a": (fn("a"), items), "b": (fn("b"), items[:4])}, repeat=repeat, chunks=chunks)
    assert calls == Counter({**{("a", i): repeat for i in items}, **{("b", i): repeat for i in items[:4]}})
    assert rates["a"][1] == 5 and rates["b"][1] == 2  # failures counted on the first pass only
    assert rates["a"][0] > 0 and rates["b"][0] > 0
    # the functions take turns: with several slices or passes, "a" runs again after "b" has had its first turn
    assert order[:2] == ["a", "b"] and (repeat * chunks == 1 or order[2] == "a")
