"""A second `chitieu demo` over the same warehouse adds nothing.

A file of its own so that, under pytest-xdist (one file per worker), it runs beside the other demo tests
once the shared demo is built.
"""

from __future__ import annotations

import pytest
from demo_helpers import run_cli, table_counts


@pytest.mark.slow
def test_demo_twice_adds_nothing(demo_copy, prefect_api):
    after_first = table_counts(demo_copy.db)
    second = run_cli(demo_copy.root, "demo", prefect_api=prefect_api)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert table_counts(demo_copy.db) == after_first
