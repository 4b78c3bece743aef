"""Loading: reruns add nothing, edits become versions, runs/pages/lineage are recorded."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import text

from warehouse import load
from warehouse.load import LoadItem


def _items(factory, articles, source="baogialai.com.vn"):
    return [LoadItem(a, factory.indicators(a), None, True, source) for a in articles]


def _setup(engine, factory):
    ids = load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly", flow_run_id="abc-123", parameters={"since": datetime(2025, 3, 1)})
    return ids, run_id


def test_sync_sources_is_an_upsert(engine, factory, count):
    ids = load.sync_sources(engine, factory.sources())
    again = load.sync_sources(engine, [s.model_copy(update={"status": "archival"}) for s in factory.sources()])
    assert ids == again and len(ids) == 2
    assert count("SELECT COUNT(*) FROM sources WHERE status = 'archival'") == 2
    assert count("SELECT COUNT(*) FROM sources WHERE province_code = 'gia-lai'") == 1


def test_rerun_of_the_same_night_adds_nothing(engine, factory, count):
    _ids, run_id = _setup(engine, factory)
    articles = [factory.article(n) for n in range(5)]
    first = load.load_articles(engine, run_id, _items(factory, articles))
    assert (first.new, first.updated, first.unchanged, first.indicators_added) == (5, 0, 0, 10)

    run2 = load.start_run(engine, "nightly")
    second = load.load_articles(engine, run2, _items(factory, articles))
    assert (second.new, second.updated, second.unchanged, second.indicators_added) == (0, 0, 5, 0)
    assert count("SELECT COUNT(*) FROM articles") == 5
    assert count("SELECT COUNT(*) FROM article_versions") == 5
    assert count("SELECT COUNT(*) FROM indicators") == 10
    assert count("SELECT COUNT(*) FROM articles WHERE run_id = :r", r=run_id) == 5  # lineage: first writer


def test_same_url_twice_in_one_batch_loads_once(engine, factory, count):
    _ids, run_id = _setup(engine, factory)
    a = factory.article(1)
    stats = load.load_articles(engine, run_id, _items(factory, [a, a]))
    assert stats.new == 1
    assert count("SELECT COUNT(*) FROM articles") == 1


def test_edited_article_becomes_a_new_version(engine, factory, count):
    _ids, run_id = _setup(engine, factory)
    original = factory.article(1)
    load.load_articles(engine, run_id, _items(factory, [original, factory.article(2)]))
    with engine.begin() as c:
        c.execute(text("UPDATE articles SET status = 'valid'"))
        c.execute(text("UPDATE indicators SET status = 'valid'"))

    edited = replace(original, body=factory.body(place="xã số 1", members=175, orgs=41, rate="95"))
    run2 = load.start_run(engine, "nightly")
    stats = load.load_articles(engine, run2, _items(factory, [edited, factory.article(2)]))
    assert (stats.new, stats.updated, stats.unchanged, stats.indicators_added) == (0, 1, 1, 2)

    with engine.connect() as c:
        art = c.execute(text("SELECT id, current_version, status, body, run_id FROM articles "
                             "WHERE canonical_url = :u"), {"u": original.canonical_url}).one()
        assert (art.current_version, art.status, art.run_id) == (2, "pending", run2)
        assert "175 đảng viên mới" in art.body
        versions = c.execute(text("SELECT version, body, run_id FROM article_versions WHERE article_id = :a "
                                  "ORDER BY version"), {"a": art.id}).all()
        assert [(v.version, v.run_id) for v in versions] == [(1, run_id), (2, run2)]
        assert "101 đảng viên mới" in versions[0].body
        rows = c.execute(text("SELECT i.metric, i.value, i.is_current, v.version FROM indicators i "
                              "JOIN article_versions v ON v.id = i.version_id WHERE i.article_id = :a "
                              "ORDER BY v.version, i.metric"), {"a": art.id}).all()
    assert [(r.metric, r.value, bool(r.is_current), r.version) for r in rows] == [
        ("member_good_rate", 92.5, False, 1), ("new_members", 101.0, False, 1),
        ("member_good_rate", 95.0, True, 2), ("new_members", 175.0, True, 2),
    ]
    # the second edit of the same content is a no-op
    again = load.load_articles(engine, run2, _items(factory, [edited]))
    assert (again.updated, again.unchanged, again.indicators_added) == (0, 1, 0)
    assert count("SELECT COUNT(*) FROM article_versions") == 3


def test_dates_stored_utc_and_month_in_vietnam_time(engine, factory):
    _ids, run_id = _setup(engine, factory)
    late = factory.article(1, published_at=datetime(2025, 1, 31, 20, 30, tzinfo=UTC))  # 03:30 on 1 Feb in VN
    naive = factory.article(2, published_at=datetime(2025, 3, 1, 6, 0))  # naive: read as VN time
    load.load_articles(engine, run_id, _items(factory, [late, naive]))
    with engine.connect() as c:
        rows = c.execute(text("SELECT canonical_url, published_at, published_month FROM articles "
                              "ORDER BY canonical_url")).all()
    got = {r.canonical_url: (load.utc_from_db(r.published_at), r.published_month) for r in rows}
    assert got[late.canonical_url] == (datetime(2025, 1, 31, 20, 30, tzinfo=UTC), "2025-02")
    assert got[naive.canonical_url] == (datetime(2025, 2, 28, 23, 0, tzinfo=UTC), "2025-03")
    assert load.get_watermark(engine, "baogialai.com.vn") is None
    assert load.update_watermark(engine, "baogialai.com.vn") == datetime(2025, 2, 28, 23, 0, tzinfo=UTC)
    assert load.get_watermark(engine, "baogialai.com.vn") == datetime(2025, 2, 28, 23, 0, tzinfo=UTC)


def test_runs_record_status_counts_and_flow_run_id(engine, factory):
    _ids, run_id = _setup(engine, factory)
    load.finish_run(engine, run_id, "succeeded", counts={"baogialai.com.vn": {"fetched": 3}}, message="ok")
    with engine.connect() as c:
        row = c.execute(text("SELECT * FROM pipeline_runs WHERE id = :i"), {"i": run_id}).mappings().one()
    assert row["status"] == "succeeded" and row["flow_run_id"] == "abc-123" and row["finished_at"] is not None
    assert row["message"] == "ok"


def test_pages_parse_results_failed_urls_and_conditional_headers(engine, factory, count):
    _ids, run_id = _setup(engine, factory)
    src = "baogialai.com.vn"
    ok, broken, down = (f"https://baogialai.com.vn/{n}.html" for n in ("ok", "broken", "down"))
    feed = "https://baogialai.com.vn/rss/home.rss"
    pages = [factory.page(ok), factory.page(broken), factory.page(down, status=None, error="timeout", content=b""),
             factory.page(feed, page_type="feed", etag='"v1"', last_modified="Mon, 10 Mar 2025 08:00:00 GMT")]
    ids = load.record_pages(engine, run_id, src, pages)
    assert set(ids) == {ok, broken, down, feed} and len(set(ids.values())) == 4
    load.record_parse_results(engine, {ids[ok]: None, ids[broken]: "no article body"})
    assert count("SELECT COUNT(*) FROM raw_pages WHERE parse_status = 'failed' "
                 "AND parse_error = 'no article body'") == 1
    assert count("SELECT COUNT(*) FROM raw_pages WHERE warc_file IS NOT NULL AND sha256 IS NOT NULL") == 3
    assert load.failed_urls(engine, src) == {broken, down}

    # a later successful fetch of `down` that loads: no longer failed
    later = load.record_pages(engine, run_id, src, [factory.page(down), factory.page(feed, page_type="feed",
                                                                                     etag='"v2"')])
    article = replace(factory.article(9), url=down, canonical_url=down)
    load.load_articles(engine, run_id, [LoadItem(article, [], later[down], True, src)])
    assert load.failed_urls(engine, src) == {broken}
    assert load.conditional_headers(engine, src) == {feed: ('"v2"', None)}
    assert load.known_urls(engine, src) == {down}
    assert load.known_urls(engine, "baohatinh.vn") == set()


def test_indicator_lineage_points_at_article_version_and_run(engine, factory, count):
    _ids, run_id = _setup(engine, factory)
    page_ids = load.record_pages(engine, run_id, "baogialai.com.vn", [factory.page(factory.article(1).url)])
    a = factory.article(1)
    load.load_articles(engine, run_id, [LoadItem(a, factory.indicators(a), page_ids[a.url], True,
                                                 "baogialai.com.vn")])
    assert count("SELECT COUNT(*) FROM indicators i JOIN article_versions v ON v.id = i.version_id "
                 "JOIN articles a ON a.id = i.article_id AND a.id = v.article_id "
                 "WHERE i.run_id = :r AND v.run_id = :r AND a.raw_page_id = :p AND i.evidence <> ''",
                 r=run_id, p=page_ids[a.url]) == 2
    with engine.connect() as c:
        for start, end, value in c.execute(text("SELECT start_offset, end_offset, value FROM indicators")):
            assert float(a.text[start:end].replace(",", ".")) == value


def test_benchmark_bulk_beats_row_at_a_time_and_leaves_nothing(engine, count):
    # best of three: other test suites share the CPU, a single timing can hit a stall
    runs = [load.benchmark_indicator_inserts(engine, n_rows=1500) for _ in range(3)]
    best = {mode: max(r[mode] for r in runs) for mode in ("bulk", "row_at_a_time")}
    assert best["bulk"] > best["row_at_a_time"] > 0
    assert count("SELECT COUNT(*) FROM indicators") == 0
    assert count("SELECT COUNT(*) FROM pipeline_runs") == 0


def test_failed_urls_give_up_on_gone_pages_and_after_repeated_failures(engine, factory):
    _ids, run_id = _setup(engine, factory)
    src = "baogialai.com.vn"
    flaky, missing, gone, unparsable = (f"https://baogialai.com.vn/{n}.html" for n in ("flaky", "missing", "gone", "bad"))

    def night(*pages):
        ids = load.record_pages(engine, run_id, src, list(pages))
        if unparsable in ids:
            load.record_parse_results(engine, {ids[unparsable]: "no article body"})

    night(factory.page(flaky, status=None, error="timeout", content=b""), factory.page(missing, status=404),
          factory.page(gone, status=410), factory.page(unparsable))
    assert load.failed_urls(engine, src) == {flaky, missing, unparsable}  # 410 Gone: never again
    night(factory.page(flaky, status=503), factory.page(missing, status=404), factory.page(unparsable))
    assert load.failed_urls(engine, src) == {flaky, missing, unparsable}  # two failures each: still tried
    night(factory.page(missing, status=404), factory.page(unparsable))
    assert load.failed_urls(engine, src) == {flaky}  # the third failure gives up
    assert load.failed_urls(engine, src, max_attempts=10) == {flaky, missing, unparsable}
