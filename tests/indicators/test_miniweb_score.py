"""Generalisation check: the extractor over the bundled mini-web, whose articles were written
independently of the rules, scored against the indicators planted in its manifest with the same
scorer as the seeds. The bar is the one set for unseen articles: precision ≥ 0.95, recall ≥ 0.90."""

from __future__ import annotations

import importlib.util

import pytest

from chitieu.miniweb import SITE_DIR, load_manifest
from indicators.extract import extract_records
from scrapers.parse import parse_page


def _scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("score_indicators", shared_dir / "tools/score_indicators.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def _articles():
    articles = load_manifest()["articles"]
    return articles.items() if isinstance(articles, dict) else [(a["url"], a) for a in articles]


def test_miniweb_planted_indicators_are_found(shared_dir):
    gold, pred = [], []
    for url, entry in _articles():
        if entry.get("bad"):
            continue
        article = parse_page((SITE_DIR / entry["file"]).read_bytes(), url)
        gold += [{**g, "doc": url} for g in entry.get("indicators", [])]
        pred += extract_records(article.text, doc=url, published=article.published_at)
    assert len(gold) > 200
    result = _scorer(shared_dir)(gold, pred)
    misses = [f"{g['metric']}={g['value']} « {g['evidence'][:80]} »" for g in result["misses"][:5]]
    assert result["precision"] >= 0.95, result["false"][:5]
    assert result["recall"] >= 0.90, misses
    assert result["kind_accuracy"] >= 0.95


@pytest.mark.parametrize("url_entry", [e for e in _articles() if e[1].get("bad_reason") and "140" in
                                       str(e[1].get("bad_reason"))][:1], ids=lambda e: "rate-140")
def test_bad_rate_page_yields_the_impossible_rate(url_entry):
    """The 140 % typo must reach the warehouse as 140 so that the quality gate can quarantine it."""
    url, entry = url_entry
    article = parse_page((SITE_DIR / entry["file"]).read_bytes(), url)
    values = {r["value"] for r in extract_records(article.text, published=article.published_at)
              if r["unit"] == "percent"}
    assert 140.0 in values
