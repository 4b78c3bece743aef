"""The lead's check: the extractor scored against the gold of the five seed articles."""

from __future__ import annotations

from indicator_helpers import SHARED, load_jsonl

from indicators.extract import extract_records


def test_seeds_meet_targets(scorer):
    gold = load_jsonl(SHARED / "gold" / "seeds.jsonl")
    pred = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        pred += extract_records(path.read_text(encoding="utf-8"), doc=path.name)
    s = scorer(gold, pred)
    assert s["precision"] >= 0.97, s["false"]
    assert s["recall"] >= 0.97, s["misses"]
    assert s["kind_accuracy"] >= 0.95
    assert s["year_accuracy"] >= 0.9
