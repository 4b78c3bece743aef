"""The orchestration benchmark at toy size (`run_all --smoke`): it ran, and what it observed holds.
A file of its own: see tests/benchmark_sections.py."""

from __future__ import annotations

import pytest
from benchmark_sections import ORCHESTRATION, assert_ran_and_rendered, run_sections

pytestmark = pytest.mark.flows  # it starts a Prefect API in a child process


@pytest.fixture(scope="module")
def results():
    return run_sections(ORCHESTRATION)


def test_every_section_ran_and_rendered(results):
    assert_ran_and_rendered(results, {"orchestration"})


def test_orchestration_ends_both_runners_in_the_same_state(results):
    facts = results["orchestration"].facts
    assert facts["flow_state"] == "COMPLETED", facts["flow_error"]
    assert facts["gate_passed"] == {"plain": True, "flow": True}
    assert facts["articles"]["plain"] == facts["articles"]["flow"] == facts["served"]
