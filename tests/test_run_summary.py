"""What a run prints at its end: the counts per source, each source's first failures, the gate's verdict."""

from __future__ import annotations

from rich.console import Console

from chitieu.run_summary import ERRORS_SHOWN, REPARSE_COLUMNS, print_run


def _printed(result: dict, *columns) -> str:
    console = Console(record=True, width=200)
    print_run(console, result, "nightly", *columns)
    return console.export_text()


def test_counts_first_failures_and_verdict():
    errors = [f"article https://a.vn/{n}-post{n}.html: HTTP 503 after 3 retries" for n in range(ERRORS_SHOWN + 2)]
    result = {"run_id": 7, "gate": {"passed": True, "message": "passed: 12 rows valid, 1 quarantined"},
              "counts": {"b.vn": {"discovered": 4, "fetched": 4, "parsed": 4, "new": 4, "indicators": 12},
                         "a.vn": {"discovered": 5, "failed": 5, "errors": errors}}}
    text = _printed(result)
    assert "nightly run 7" in text
    lines = text.splitlines()
    rows = [line for line in lines if line.startswith("│ ")]
    assert [row.split("│")[1].strip() for row in rows] == ["a.vn", "b.vn"]  # sorted by source
    assert [cell.strip() for cell in rows[1].split("│")[2:-1]] == ["4", "4", "0", "0", "4", "4", "12", "0"]
    shown = [line.strip() for line in lines if "HTTP 503" in line]
    assert shown == [f"a.vn: {e}" for e in errors[:ERRORS_SHOWN]]
    assert "a.vn: … more in pipeline_runs.counts and raw_pages" in text
    assert lines[-1] == "quality gate: passed: 12 rows valid, 1 quarantined"


def test_reparse_columns_and_a_blocked_gate_without_message():
    result = {"run_id": 3, "gate": {"passed": False}, "counts": {"a.vn": {"parsed": 2, "unchanged": 2}}}
    text = _printed(result, REPARSE_COLUMNS)
    header = next(line for line in text.splitlines() if "source" in line)
    assert [cell.strip() for cell in header.split("┃")[1:-1]] == ["source", *REPARSE_COLUMNS]
    assert "more in" not in text and text.splitlines()[-1] == "quality gate: blocked"
