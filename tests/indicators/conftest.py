"""Fixtures for the indicator tests."""

from __future__ import annotations

import importlib.util

import pytest
from indicator_helpers import SHARED


@pytest.fixture(scope="session")
def scorer():
    """The shared scorer's `score` function, imported by path; skipped when ../shared is absent."""
    path = SHARED / "tools" / "score_indicators.py"
    if not path.exists():
        pytest.skip("../shared is absent")
    spec = importlib.util.spec_from_file_location("score_indicators", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score
