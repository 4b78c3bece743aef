"""Which test file runs which benchmark at toy size, and the checks every section's result must pass.

`run_all --smoke` takes about two minutes, most of it in the two sections that start a Prefect API and
run nights; each of those has a file of its own so that, under pytest-xdist (one file per worker), the
three run side by side.
"""

from __future__ import annotations

import os

LIGHT = ("page_processing", "warehouse_load", "memory", "soak", "reextract")  # tests/test_benchmarks.py
NIGHTS = ("end_to_end",)  # tests/test_benchmarks_nights.py (its results include "incremental")
ORCHESTRATION = ("orchestration",)  # tests/test_benchmarks_orchestration.py


def run_sections(names: tuple[str, ...]) -> dict:
    """Each named benchmark at toy size, by result name."""
    from benchmarks.run_all import run_benchmarks

    before = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    out = {r.name: r for r in run_benchmarks(names, "smoke")}
    if before is not None:  # the page benchmark pins itself to one CPU while it measures, and must not stay so
        assert os.sched_getaffinity(0) == before
    return out


def assert_ran_and_rendered(results: dict, expected: set[str]) -> None:
    assert set(results) == expected
    for name, result in results.items():
        assert result.available, f"{name}: {result.notes}"
        assert result.rows, name
        rendered = result.markdown()
        assert rendered.startswith(f"## {result.title}")
        assert all(len(row) == len(result.columns) for row in result.rows), name
