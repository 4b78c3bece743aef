"""Over the demo's warehouse, validating, reparsing and re-extracting change nothing, and say so.

A file of its own so that, under pytest-xdist (one file per worker), it runs beside the other demo tests
once the shared demo is built.
"""

from __future__ import annotations

import pytest
from demo_helpers import run_cli, table_counts


@pytest.mark.slow
def test_validate_reparse_and_reextract_change_nothing(demo_copy, prefect_api):
    after_first = table_counts(demo_copy.db)

    # by hand, the gate says what it checked: nothing is left pending after the nightly gate; --all is everything
    pending = run_cli(demo_copy.root, "validate", timeout=300)
    assert pending.returncode == 0, pending.stdout[-3000:] + pending.stderr[-3000:]
    assert "checked 0 articles and 0 indicators" in pending.stdout and "no rows were pending" in pending.stdout
    every = run_cli(demo_copy.root, "validate", "--all", timeout=300)
    assert every.returncode == 0, every.stdout[-3000:] + every.stderr[-3000:]
    assert (f"checked {after_first['articles']} articles and {after_first['indicators']} indicators: "
            "0 newly valid, 0 newly quarantined; PASSED") in every.stdout

    # reparse (no network) reports what it replayed from the archive: every article, all unchanged
    reparse = run_cli(demo_copy.root, "reparse", timeout=600, prefect_api=prefect_api)
    assert reparse.returncode == 0, reparse.stdout[-3000:] + reparse.stderr[-3000:]
    rows = [line.split("│")[1:-1] for line in reparse.stdout.splitlines() if line.startswith("│ bao")]
    header = next(line for line in reparse.stdout.splitlines() if "┃ source" in line).split("┃")[1:-1]
    columns = [cell.strip() for cell in header]
    table = {cells[0].strip(): dict(zip(columns, (cell.strip() for cell in cells), strict=True)) for cells in rows}
    assert len(table) == 4 and "quality gate: passed" in reparse.stdout
    assert sum(int(row["parsed"]) for row in table.values()) == after_first["articles"]
    assert all(row["unchanged"] == row["parsed"] and row["new"] == "0" for row in table.values())

    # re-extraction: today's extractor already read every version, so nothing is read or published again
    reextract = run_cli(demo_copy.root, "reextract", timeout=600, prefect_api=prefect_api)
    assert reextract.returncode == 0, reextract.stdout[-3000:] + reextract.stderr[-3000:]
    assert "no published month changed" in reextract.stdout and "quality gate: passed" in reextract.stdout
    assert table_counts(demo_copy.db) == after_first
