"""Fixtures for the reliability tests: quick settings and a fresh warehouse per test.

Everything runs against servers on 127.0.0.1 with politeness delays near zero and short timeouts,
so each test stays well under a minute; the politeness logic itself is tested by the fetcher's
own tests. The helpers live in benchmarks/harness.py because the soak benchmarks use them too.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def settings(tmp_path):
    from benchmarks.harness import quick_settings

    return quick_settings(tmp_path)
