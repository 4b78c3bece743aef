"""The records docs/design.md and docs/warehouse.md name have the fields and names the code has.

Their field lists had drifted (`Discovery(urls, pages)` when the code returns links, pages and
errors; a quarantine example naming a GX expectation type the gate never writes); these tests hold
the documents to the code.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from expectations.gate import GateResult
from expectations.quarantine import CASCADE_EXPECTATION
from expectations.suites import article_checks, indicator_checks
from scrapers.crawl import CrawlResult
from scrapers.discovery import Discovery, Link
from scrapers.fetch import FetchResult
from scrapers.pages import FetchedPage
from warehouse.load import LoadItem

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _documented_fields(doc: str, name: str) -> set[str]:
    """The argument names of the first `Name(...)` in the document (balanced parentheses)."""
    text = " ".join(doc.split())
    start = text.index(f"`{name}(") if f"`{name}(" in text else text.index(f"{name}(")
    start = text.index("(", start) + 1
    depth, end = 1, start
    while depth:
        depth += {"(": 1, ")": -1}.get(text[end], 0)
        end += 1
    inner, parts, depth, current = text[start:end - 1], [], 0, ""
    for ch in inner:  # split on top-level commas only (types hold `[...]` and `(...)`)
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
            continue
        depth += 1 if ch in "([" else -1 if ch in ")]" else 0
        current += ch
    parts.append(current)
    return {re.split(r"[:=]", part)[0].strip().strip("`") for part in parts if part.strip() not in ("", "…")}


@pytest.mark.parametrize("record", [Discovery, Link, CrawlResult, FetchedPage, FetchResult, LoadItem, GateResult])
def test_design_lists_the_fields_of_each_record(record):
    doc = (DOCS / "design.md").read_text(encoding="utf-8")
    assert _documented_fields(doc, record.__name__) == {f.name for f in dataclasses.fields(record)}


def test_warehouse_doc_names_only_checks_the_gate_writes():
    doc = (DOCS / "warehouse.md").read_text(encoding="utf-8")
    row = next(line for line in doc.splitlines() if line.startswith("| expectation |"))
    named = set(re.findall(r"`([a-z_0-9]+)`", row))
    checks = {c.name for c in article_checks(now=datetime.now(UTC))} | \
        {c.name for c in indicator_checks()} | {CASCADE_EXPECTATION}
    assert named and named <= checks, named - checks
