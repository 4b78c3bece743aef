"""What `chitieu run`, `backfill`, `reparse`, `reextract` and `demo` print when a run ends: the per-source counts.

The Prefect UI shows the same counts as an artifact; an operator at a terminal or reading a cron
log should not need the UI (or SQL on pipeline_runs) to learn what a run they started did.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

CRAWL_COLUMNS = ("discovered", "fetched", "not_modified", "failed", "parsed", "new", "indicators", "quarantined")
REPARSE_COLUMNS = ("parsed", "parse_failed", "new", "updated", "unchanged", "indicators", "superseded",
                   "quarantined")
REEXTRACT_COLUMNS = ("versions", "added", "superseded", "unchanged", "quarantined")
ERRORS_SHOWN = 3  # per source


def run_table(result: dict, columns: tuple[str, ...], title: str) -> Table:
    table = Table("source", *columns, title=title)
    for name, row in sorted(result["counts"].items()):
        table.add_row(name, *(str(row.get(column, 0)) for column in columns))
    return table


def print_run(console: Console, result: dict, flow: str, columns: tuple[str, ...] = CRAWL_COLUMNS) -> None:
    """The counts table, then each source's first errors and the quality gate's verdict."""
    console.print(run_table(result, columns, f"{flow} run {result['run_id']}"))
    for name, row in sorted(result["counts"].items()):
        errors = row.get("errors") or []
        for error in errors[:ERRORS_SHOWN]:
            console.print(f"  {name}: {error}", highlight=False, soft_wrap=True)
        if len(errors) > ERRORS_SHOWN:
            # pipeline_runs.counts keeps a source's first 20; raw_pages has every page's reason
            console.print(f"  {name}: … more in pipeline_runs.counts and raw_pages (error, parse_error)",
                          highlight=False)
    gate = result.get("gate") or {}
    if gate:
        console.print(f"quality gate: {gate.get('message') or ('passed' if gate.get('passed') else 'blocked')}",
                      highlight=False)
