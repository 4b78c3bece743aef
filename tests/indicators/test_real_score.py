"""The extractor on real text nobody here wrote (../shared/corpus/real), scored by the shared scorer, and
`chitieu eval`'s own scoring held to that scorer (the per-metric table in docs/quality.md comes from it)."""

from __future__ import annotations

from indicator_helpers import SHARED

from indicators.evaluation import predict, score, shared_corpora


def _real():
    return next(c for c in shared_corpora(SHARED) if c.name == "real")


def test_real_corpus_meets_its_floor(scorer):
    corpus = _real()
    s = scorer(corpus.gold, predict(corpus))
    # issue 19's targets on the corpus (docs/quality.md has the per-metric figures)
    assert s["precision"] >= 0.97, s["false"]
    assert s["recall"] >= 0.95, s["misses"]
    assert s["kind_accuracy"] >= 0.95


def test_eval_scores_exactly_as_the_shared_scorer(scorer):
    corpus = _real()
    pred = predict(corpus)
    ours, theirs = score(corpus.gold, pred), scorer(corpus.gold, pred)
    assert (ours.total.tp, ours.total.fp, ours.total.required) == (theirs["tp"], theirs["fp"], theirs["required"])
    assert round(ours.total.year_accuracy, 9) == round(theirs["year_accuracy"], 9)
    assert len(ours.misses) == len(theirs["misses"])
    assert sum(t.tp for t in ours.by_metric.values()) == ours.total.tp
