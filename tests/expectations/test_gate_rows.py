"""Row-level checks: every kind of bad row ends up in quarantine with a readable reason, the
good rows become valid, and nothing is recorded twice."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from conftest import NOW

from expectations.gate import results_table, run_gate
from warehouse.models import Article, Indicator

BAD_ARTICLES = {
    # kind -> (article kwargs, expected check, fragment of the reason)
    "empty title": (dict(title="  "), "title_not_null", "title is missing"),
    "empty body": (dict(body=""), "body_not_null", "body is missing"),
    "no date": (dict(published_at=None), "published_at_not_null", "no parseable date"),
    "future": (dict(published_at=NOW + timedelta(days=3)), "published_at_not_in_future", "in the future"),
    "before 2000": (dict(published_at=datetime(1998, 5, 1, tzinfo=UTC)), "published_at_from_2000", "before 2000"),
    "short body": (dict(body="Ngắn quá."), "body_min_length", "9 characters, fewer than 200"),
    "duplicate url": (dict(url="https://example.vn/GOC.html/"), "canonical_url_unique", "duplicates an earlier"),
}

BAD_INDICATORS = {
    "unit": (dict(unit="kg"), "unit_in_set", "unit kg is not one of"),
    "metric": (dict(metric="bogus_rate"), "metric_in_taxonomy", "metric bogus_rate is not in the taxonomy"),
    "percent": (dict(metric="org_good_rate", unit="percent", value=112.0), "percent_between_0_and_100",
                "percentage 112.0 is outside 0–100"),
    "negative percent": (dict(metric="member_good_rate", unit="percent", value=-1.0), "percent_between_0_and_100",
                         "outside 0–100"),
    "plan share": (dict(metric="new_members_plan_pct", unit="percent", value=350.0),
                   "plan_share_between_0_and_300", "plan share 350.0% is outside 0–300"),
    "fractional count": (dict(value=3.5), "count_whole_not_negative", "count 3.5 is negative or not a whole"),
    "negative count": (dict(value=-2.0), "count_whole_not_negative", "count -2.0"),
    "small vnd": (dict(metric="welfare_funds_vnd", unit="vnd", value=500.0), "vnd_between_1e6_and_1e13",
                  "amount 500.0 VND"),
    "huge vnd": (dict(metric="welfare_funds_vnd", unit="vnd", value=2e13), "vnd_between_1e6_and_1e13",
                 "outside 1 million–10 trillion"),
    "kind": (dict(kind="guess"), "kind_in_set", "kind guess is not one of"),
    "qualifier": (dict(qualifier="maybe"), "qualifier_in_set", "qualifier maybe is not one of"),
    "old year": (dict(year=1995), "year_plausible", "year 1995"),
    "far year": (dict(year=2032), "year_plausible", "year 2032"),
    "evidence": (dict(evidence=" "), "evidence_not_empty", "evidence sentence is empty"),
}

GOOD_INDICATORS = [
    dict(),
    dict(metric="org_good_rate", unit="percent", value=100.0, qualifier="over"),
    dict(metric="new_members_plan_pct", unit="percent", value=250.0),  # plan beaten 2.5 times: real
    dict(metric="welfare_funds_vnd", unit="vnd", value=1.2e9, kind="target"),
    dict(metric="other", unit="count", value=0.0, year=2031, qualifier="approx"),  # 2026 + 5 is allowed
    dict(year=None),
]


def _by_row(quarantine: list[dict]) -> dict[tuple[str, int], dict[str, str]]:
    found: dict[tuple[str, int], dict[str, str]] = defaultdict(dict)
    for q in quarantine:
        found[(q["table_name"], q["row_id"])][q["expectation"]] = q["reason"]
    return found


def test_every_kind_of_bad_row_is_quarantined_and_good_rows_become_valid(wh, engine, tmp_path):
    src = wh.source()
    run = wh.run(counts={"baogialai.com.vn": {"fetched": 30, "loaded": 30}})
    good = wh.article(src, run_id=run, url="https://example.vn/goc.html")
    good_inds = wh.indicators(good, GOOD_INDICATORS, run_id=run)
    bad_articles = {k: wh.article(src, run_id=run, **kw) for k, (kw, _, _) in BAD_ARTICLES.items()}
    if engine.dialect.name == "sqlite":  # PostgreSQL enforces the foreign key, so it cannot happen there
        bad_articles["unknown source"] = wh.article(src + 41, run_id=run)
    bad_inds = dict(zip(BAD_INDICATORS, wh.indicators(good, [kw for kw, _, _ in BAD_INDICATORS.values()]),
                        strict=True))
    orphaned = wh.indicators(bad_articles["short body"], [dict(), dict(metric="org_count")])

    result = run_gate(engine, run, now=NOW, docs_dir=tmp_path / "docs")

    found = _by_row(wh.quarantine())
    for kind, (_, check, reason) in BAD_ARTICLES.items():
        assert reason in found[("articles", bad_articles[kind])][check], kind
    if "unknown source" in bad_articles:
        assert "is not a known source" in found[("articles", bad_articles["unknown source"])]["source_known"]
    for kind, (_, check, reason) in BAD_INDICATORS.items():
        assert reason in found[("indicators", bad_inds[kind])][check], kind
    for ind in orphaned:
        assert found[("indicators", ind)]["article_quarantined"].startswith(
            "article quarantined: body has 9 characters")
    assert ("articles", good) not in found and not any(("indicators", i) in found for i in good_inds)

    articles, indicators = wh.statuses(Article), wh.statuses(Indicator)
    assert articles[good] == "valid" and all(indicators[i] == "valid" for i in good_inds)
    assert all(articles[a] == "quarantined" for a in bad_articles.values())
    assert all(indicators[i] == "quarantined" for i in [*bad_inds.values(), *orphaned])
    assert result.quarantined == len(bad_articles) + len(bad_inds) + len(orphaned)
    assert result.validated == 1 + len(good_inds)
    assert (result.articles_checked, result.indicators_checked) == (len(articles), len(indicators))
    unknown = 1 if "unknown source" in bad_articles else 0
    assert result.quarantined_by_source == {"baogialai.com.vn": result.quarantined - unknown,
                                            **({"(unknown source)": 1} if unknown else {})}
    rows = {(r["scope"], r["check"]): r for r in results_table(result)}
    assert rows[("indicators", "year_plausible")]["failing"] == 2
    assert rows[("indicators", "year_plausible")]["status"] == "FAIL"
    assert rows[("articles", "title_not_null")]["failing"] == 1
    assert rows[("indicators", "article_quarantined")]["failing"] == 2
    assert result.passed, result.message  # row failures quarantine; they do not block the run
    assert result.docs_index is not None and result.docs_index.exists()
    assert "chitieu_indicators" in result.docs_index.read_text(encoding="utf-8")

    # rerun: nothing pending, nothing new; revalidating everything adds no duplicates either
    before = wh.quarantine()
    again = run_gate(engine, run, now=NOW)
    assert (again.quarantined, again.validated) == (0, 0)
    assert (again.articles_checked, again.indicators_checked) == (0, 0)  # nothing was pending
    everything = run_gate(engine, run, now=NOW, scope="all")
    assert everything.quarantined == 0 and everything.validated == 0
    assert (everything.articles_checked, everything.indicators_checked) == (len(articles), len(indicators))
    assert wh.quarantine() == before
    assert wh.statuses(Article) == articles and wh.statuses(Indicator) == indicators


@pytest.mark.parametrize("n_bad", [100, 250])  # past GX's 20-id list and the 200-row result cap
def test_all_bad_rows_are_caught_not_just_the_first_20(wh, engine, n_bad):
    src = wh.source()
    art = wh.article(src)
    bad = wh.indicators(art, [dict(metric="org_good_rate", unit="percent", value=150.0 + n) for n in range(n_bad)])
    good = wh.indicators(art, [dict(metric="org_good_rate", unit="percent", value=n / 2) for n in range(200)])

    result = run_gate(engine, None, now=NOW)

    quarantined = {q["row_id"] for q in wh.quarantine() if q["expectation"] == "percent_between_0_and_100"}
    assert quarantined == set(bad)
    statuses = wh.statuses(Indicator)
    assert sum(statuses[i] == "quarantined" for i in bad) == n_bad
    assert all(statuses[i] == "valid" for i in good)
    check = next(c for c in result.checks if c.name == "percent_between_0_and_100")
    assert check.unexpected_count == n_bad and not check.success
    assert result.quarantined == n_bad and result.validated == 201


def test_only_pending_rows_are_judged(wh, engine):
    src = wh.source()
    old = wh.article(src, body="short", status="valid")  # judged by an earlier gate: left alone
    new = wh.article(src, body="short")
    run_gate(engine, None, now=NOW)
    assert wh.statuses(Article) == {old: "valid", new: "quarantined"}
    assert {q["row_id"] for q in wh.quarantine()} == {new}


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_queries_keep_literal_values_out_of_format_fields(dialect):
    """Check queries are compiled with literal values; a brace in a value must survive str.format."""
    from sqlalchemy.dialects import postgresql, sqlite

    from expectations.suites import article_checks, indicator_checks

    d = sqlite.dialect() if dialect == "sqlite" else postgresql.psycopg.dialect()
    for check in [*article_checks(NOW), *indicator_checks()]:
        sql = check.query(d)
        assert "{batch}" in sql
        assert sa.text(sql.format(batch="t")) is not None


def _dangle(engine, indicator_id: int, **columns) -> None:
    """Point an indicator at rows that do not exist, past any foreign key the database enforces (what a
    bug in a loader could leave where the database does not check)."""
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        # SQLite reads the pragma outside a transaction only (pysqlite opens one at the first write)
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF" if sqlite else "SET LOCAL session_replication_role = replica")
        conn.execute(sa.update(Indicator).where(Indicator.id == indicator_id).values(**columns))
        conn.commit()
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")  # the pool hands this connection out again


def test_an_indicator_naming_a_missing_version_or_run_is_quarantined(wh, engine):
    src = wh.source()
    run = wh.run()
    art, other = wh.article(src, run_id=run), wh.article(src, run_id=run)
    ok, wrong_version, other_articles_version, no_run = wh.indicators(art, [dict(), dict(), dict(), dict()], run_id=run)
    with engine.connect() as conn:
        others = conn.execute(sa.text("SELECT id FROM article_versions WHERE article_id = :a"), {"a": other}).scalar()
    _dangle(engine, wrong_version, version_id=987654)
    _dangle(engine, other_articles_version, version_id=others)
    _dangle(engine, no_run, run_id=run + 1000)

    result = run_gate(engine, run, now=NOW)

    found = _by_row(wh.quarantine())
    for bad in (wrong_version, other_articles_version, no_run):
        assert "lineage_known" in found[("indicators", bad)], bad
    assert ("indicators", ok) not in found
    assert result.quarantined == 3
