"""Near-duplicates are linked and counted once; the analyst views show only trusted rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from dedup_model import candidate_pairs, group_duplicates, same_figures
from sqlalchemy import text

from warehouse import dedup, load
from warehouse.load import LoadItem

V_INDICATORS_COLUMNS = [  # revision 0005 added province_code, province_2025, province_2025_name
    "indicator_id", "article_id", "version_id", "source", "province", "province_name", "province_code",
    "province_2025", "province_2025_name", "url", "title",
    "published_at", "month", "metric", "value", "unit", "kind", "qualifier", "denominator", "year", "subject",
    "evidence", "start_offset", "end_offset", "run_id", "extractor_version",
]
V_MONTHLY_COLUMNS = [
    "month", "province", "province_code", "province_2025", "province_2025_name", "source", "metric", "unit", "kind", "n_indicators", "n_articles", "latest_value",
    "latest_indicator_id", "latest_published_at", "min_value", "max_value",
]


def test_simhash_is_close_for_near_copies_and_far_for_other_stories(factory):
    body = factory.body()
    copy = "(GLO) - " + body.replace("Dịp này", "Nhân dịp này")
    other = ("Chiều 12/3, Ủy ban MTTQ tỉnh tổ chức bàn giao 35 căn nhà đại đoàn kết cho hộ nghèo tại các xã "
             "vùng sâu, vùng xa. Tổng kinh phí xây dựng hơn 2,1 tỷ đồng, do các doanh nghiệp và nhà hảo tâm "
             "ủng hộ. Dịp này, chính quyền địa phương cũng trao quà cho các gia đình chính sách, người có "
             "công với cách mạng và học sinh có hoàn cảnh khó khăn vươn lên trong học tập.")
    assert dedup.hamming(dedup.simhash(body), dedup.simhash(body)) == 0
    assert dedup.hamming(dedup.simhash(body), dedup.simhash(copy)) <= dedup.MAX_DISTANCE
    assert dedup.hamming(dedup.simhash(body), dedup.simhash(body + "\n\nTin: Minh Anh")) <= dedup.MAX_DISTANCE
    assert dedup.hamming(dedup.simhash(body), dedup.simhash(other)) > dedup.MAX_DISTANCE
    assert dedup.simhash("") == 0


def test_group_duplicates_points_every_copy_at_the_earliest(factory):
    t0 = datetime(2025, 1, 1)
    h = dedup.simhash(factory.body())
    cands = [dedup.Candidate(1, h, t0 + timedelta(days=2)), dedup.Candidate(2, h ^ 0b101, t0),
             dedup.Candidate(3, h ^ 0b1, None), dedup.Candidate(4, h ^ ((1 << 40) - 1), t0)]
    pairs = candidate_pairs(cands)
    assert pairs == [(1, 2), (1, 3), (2, 3)]
    assert group_duplicates(cands, pairs) == {1: 2, 2: None, 3: 2, 4: None}


def test_same_template_with_other_figures_is_not_a_duplicate(factory):
    a, b = factory.body(), factory.body(place="xã Ia Pa", members=77, orgs=31, rate="90,1")
    assert same_figures(a, "(GLO) - " + a)
    assert not same_figures(a, b)


def _load(engine, factory, run_id, articles):
    return load.load_articles(engine, run_id, [LoadItem(a, factory.indicators(a), None, True, a.source)
                                                for a in articles])


def test_syndicated_story_is_linked_to_the_earlier_article_across_sources(engine, factory):
    load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly")
    body = factory.body()
    first = factory.article(1, body=body, published_at=datetime(2025, 3, 1, 2, 0, tzinfo=UTC))
    copy = factory.article(2, source="baohatinh.vn", body="(HTO) - " + body,
                           published_at=datetime(2025, 3, 1, 9, 0, tzinfo=UTC))
    unrelated = factory.article(3)
    stats = _load(engine, factory, run_id, [copy, unrelated])
    assert stats.duplicates == 0
    stats = _load(engine, factory, run_id, [first])  # backfill finds the earlier original later
    assert stats.duplicates == 0  # the new article is the original; the older row now points at it
    with engine.connect() as c:
        links = dict(c.execute(text("SELECT a.canonical_url, o.canonical_url FROM articles a "
                                    "LEFT JOIN articles o ON o.id = a.duplicate_of_id")).all())
    assert links == {first.canonical_url: None, copy.canonical_url: first.canonical_url,
                     unrelated.canonical_url: None}
    # a rerun keeps the links and reports the duplicate it holds
    assert _load(engine, factory, run_id, [copy]).duplicates == 1

    # the copy is rewritten into a different story: unlinked
    rewritten = replace(copy, body=factory.body(place="thị xã Kỳ Anh", rate="80", members=7, orgs=3,
                                                year=2022, plan=60))
    _load(engine, factory, run_id, [rewritten])
    with engine.connect() as c:
        assert c.execute(text("SELECT COUNT(*) FROM articles WHERE duplicate_of_id IS NOT NULL")).scalar_one() == 0


def _validate_all(engine):
    with engine.begin() as c:
        c.execute(text("UPDATE articles SET status = 'valid'"))
        c.execute(text("UPDATE indicators SET status = 'valid'"))


def test_v_indicators_shows_only_current_valid_unique_rows(engine, factory):
    load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly")
    a1, a2, a3, a4 = (factory.article(n) for n in (1, 2, 3, 4))
    dup = factory.article(5, source="baohatinh.vn", body=a1.body, published_at=a1.published_at + timedelta(days=1))
    _load(engine, factory, run_id, [a1, a2, a3, a4, dup])
    _validate_all(engine)
    with engine.begin() as c:
        c.execute(text("UPDATE articles SET status = 'quarantined' WHERE canonical_url = :u"), {"u": a2.canonical_url})
        c.execute(text("UPDATE indicators SET status = 'quarantined' WHERE metric = 'new_members' AND article_id = "
                       "(SELECT id FROM articles WHERE canonical_url = :u)"), {"u": a3.canonical_url})
    _load(engine, factory, run_id, [replace(a4, body=factory.body(place="xã số 4", members=300, orgs=44))])
    with engine.connect() as c:
        result = c.execute(text("SELECT * FROM v_indicators ORDER BY url, metric"))
        assert list(result.keys()) == V_INDICATORS_COLUMNS
        rows = result.mappings().all()
    seen = {(r["url"], r["metric"]) for r in rows}
    # a1: both; a2 quarantined; a3 one quarantined indicator; a4 edited -> new indicators still pending; dup hidden
    assert seen == {(a1.canonical_url, "member_good_rate"), (a1.canonical_url, "new_members"),
                    (a3.canonical_url, "member_good_rate")}
    first = next(r for r in rows if r["url"] == a1.canonical_url and r["metric"] == "new_members")
    assert (first["source"], first["province"], first["province_name"], first["month"]) == \
        ("baogialai.com.vn", "gia-lai", "Gia Lai", "2025-03")
    assert (first["province_code"], first["province_2025"], first["province_2025_name"]) == \
        ("gia-lai", "gia-lai", "Gia Lai")
    assert first["value"] == 101 and first["run_id"] == run_id and "101" in first["evidence"]


def test_v_monthly_indicators_takes_the_latest_published_value(engine, factory):
    load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly")
    t = datetime(2025, 4, 2, tzinfo=UTC)
    early = factory.article(1, body=factory.body(place="xã Ia Băng", members=50, orgs=10, rate="90"), published_at=t)
    late = factory.article(2, body=factory.body(place="xã Ia Tiêm", members=80, orgs=11, rate="97,5"),
                           published_at=t + timedelta(days=20))
    other_month = factory.article(3, published_at=datetime(2025, 5, 3, tzinfo=UTC))
    _load(engine, factory, run_id, [late, early, other_month])
    _validate_all(engine)
    with engine.connect() as c:
        result = c.execute(text("SELECT * FROM v_monthly_indicators WHERE month = '2025-04' ORDER BY metric"))
        assert list(result.keys()) == V_MONTHLY_COLUMNS
        rows = {r["metric"]: r for r in result.mappings()}
        latest_id = c.execute(text("SELECT indicator_id FROM v_indicators WHERE metric = 'new_members' "
                                   "AND value = 80")).scalar_one()
    assert set(rows) == {"member_good_rate", "new_members"}
    nm = rows["new_members"]
    assert (nm["n_indicators"], nm["n_articles"], nm["latest_value"], nm["min_value"], nm["max_value"]) == \
        (2, 2, 80, 50, 80)
    assert nm["latest_indicator_id"] == latest_id
    assert load.utc_from_db(nm["latest_published_at"]) == t + timedelta(days=20)
    assert rows["member_good_rate"]["latest_value"] == 97.5
