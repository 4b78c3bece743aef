"""The night benchmark at toy size (`run_all --smoke`, section end_to_end): it ran, and what it
observed holds. A file of its own: see tests/benchmark_sections.py."""

from __future__ import annotations

import pytest
from benchmark_sections import NIGHTS, assert_ran_and_rendered, run_sections

pytestmark = pytest.mark.flows  # the Prefect runner starts a Prefect API in a child process


@pytest.fixture(scope="module")
def results():
    return run_sections(NIGHTS)


def test_every_section_ran_and_rendered(results):
    assert_ran_and_rendered(results, {"end_to_end", "incremental"})


def test_night_at_scale_loads_what_was_served_and_the_next_night_only_asks_feeds(results):
    facts = results["end_to_end"].facts
    assert facts["errors"] == {} and facts["loaded"] == facts["served"]
    assert facts["flow_state"] == "COMPLETED" and facts["flow_loaded"] == facts["served"], facts.get("flow_error")
    assert [row[0] for row in results["end_to_end"].rows] == ["plain", "Prefect"]
    again = results["incremental"].facts
    assert again["requests"].get("other", 0) == 0
    assert again["requests"]["feed"] == again["papers"] == again["statuses"]["feed 304"]
