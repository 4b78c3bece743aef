"""Paths and loaders for the indicator tests (a uniquely named module, importable from the tests)."""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
ARTICLES = Path(__file__).resolve().parent / "articles"


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
