"""Our own articles (written for these tests, in the styles of four provinces and several years),
scored with the shared scorer's logic against expectations written by hand beside them."""

from __future__ import annotations

import pytest
from indicator_helpers import ARTICLES, load_jsonl

from indicators.extract import extract_records
from indicators.taxonomy import METRICS

EXPECTED = load_jsonl(ARTICLES / "expected.jsonl")


def _predictions() -> list[dict]:
    pred = []
    for path in sorted(ARTICLES.glob("*.txt")):
        pred += extract_records(path.read_text(encoding="utf-8"), doc=path.name)
    return pred


def test_articles_score(scorer):
    s = scorer(EXPECTED, _predictions())
    assert s["precision"] >= 0.95, s["false"]
    assert s["recall"] >= 0.95, s["misses"]
    assert s["kind_accuracy"] >= 0.95
    assert s["year_accuracy"] >= 0.9


def test_qualifiers_and_denominators_match_expectations():
    pred = _predictions()
    index = {(p["doc"], p["metric"], round(p["value"], 6), p["kind"]): p for p in pred}
    wrong = []
    for g in EXPECTED:
        p = index.get((g["doc"], g["metric"], round(float(g["value"]), 6), g["kind"]))
        if p is None:
            continue
        if p["qualifier"] != g.get("qualifier", "exact") or p["denominator"] != g.get("denominator"):
            wrong.append((g, p["qualifier"], p["denominator"]))
    assert not wrong


def test_expectations_cover_the_taxonomy_twice():
    """The articles exercise every metric, kind and qualifier of the spec at least twice."""
    required = [g for g in EXPECTED if not g.get("optional")]
    for field, values in (("metric", [m for m in METRICS if m != "other"]),
                          ("kind", ["actual", "target", "change"]),
                          ("qualifier", ["exact", "over", "under", "approx", "at_least"])):
        for v in values:
            assert sum(g.get(field, "exact") == v for g in required) >= 2, (field, v)


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_records_are_well_formed(path):
    text = path.read_text(encoding="utf-8")
    from indicators.normalise import normalise_text

    norm = normalise_text(text)
    for r in extract_records(text, doc=path.name):
        assert r["doc"] == path.name
        assert r["metric"] in METRICS
        assert norm[r["evidence_start"]:r["evidence_end"]] == r["evidence"]
        assert r["evidence_start"] <= r["start"] < r["end"] <= r["evidence_end"]
        assert norm[r["start"]].isdigit() or norm[r["start"]].isalpha()
