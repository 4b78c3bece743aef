"""Two runs loading the same night at the same time: no duplicate rows, no lost rows."""

from __future__ import annotations

import threading
from dataclasses import replace

from sqlalchemy import text

from warehouse import load
from warehouse.load import LoadItem, LoadStats
from warehouse.provinces import N_PROVINCES_BEFORE


def _run_together(database, work_per_thread) -> list[LoadStats]:
    """Start every callable at the same instant, each with its own engine (its own connections)."""
    engines = [database.new_engine() for _ in work_per_thread]
    barrier = threading.Barrier(len(work_per_thread))
    results: list = [None] * len(work_per_thread)

    def run(i, work):
        try:
            barrier.wait()
            results[i] = work(engines[i])
        except BaseException as exc:  # noqa: BLE001 - re-raised in the main thread
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, w)) for i, w in enumerate(work_per_thread)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    for r in results:
        if isinstance(r, BaseException):
            raise r
    return results


def test_two_runs_loading_the_same_night_concurrently(database, engine, factory, count):
    load.sync_sources(engine, factory.sources())
    articles = [factory.article(n) for n in range(60)]
    items = [LoadItem(a, factory.indicators(a), None, True, a.source) for a in articles]
    runs = [load.start_run(engine, "nightly") for _ in range(3)]
    # overlapping batches in different orders: run 0 everything, run 1 everything reversed, run 2 a half
    batches = [items, list(reversed(items)), items[::2]]

    stats = _run_together(database, [
        (lambda e, r=r, b=b: load.load_articles(e, r, b)) for r, b in zip(runs, batches, strict=True)
    ])
    assert sum(s.new for s in stats) == 60
    assert sum(s.new + s.unchanged + s.updated for s in stats) == 60 + 60 + 30
    assert sum(s.indicators_added for s in stats) == 120
    assert count("SELECT COUNT(*) FROM articles") == 60
    assert count("SELECT COUNT(DISTINCT canonical_url) FROM articles") == 60
    assert count("SELECT COUNT(*) FROM article_versions") == 60
    assert count("SELECT COUNT(*) FROM indicators") == 120
    # every article has exactly version 1 and its indicators point at it
    assert count("SELECT COUNT(*) FROM articles a JOIN article_versions v ON v.article_id = a.id "
                 "AND v.version = a.current_version") == 60

    # the same edits arriving through two runs at once make exactly one new version each
    edited = [LoadItem(replace(i.article, body=i.article.body.replace("Dịp này", "Nhân dịp này")),
                       i.indicators, None, True, i.source_name) for i in items[:20]]
    more = [load.start_run(engine, "nightly") for _ in range(2)]
    stats = _run_together(database, [(lambda e, r=r: load.load_articles(e, r, edited)) for r in more])
    assert sum(s.updated for s in stats) == 20 and sum(s.unchanged for s in stats) == 20
    assert count("SELECT COUNT(*) FROM article_versions") == 80
    assert count("SELECT MAX(current_version) FROM articles") == 2
    assert count("SELECT COUNT(*) FROM indicators WHERE is_current") == 120
    assert count("SELECT COUNT(*) FROM indicators") == 160


def test_concurrent_page_recording_and_syncs_lose_nothing(database, engine, factory, count):
    load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly")
    urls = [f"https://baohatinh.vn/p{n}.html" for n in range(50)]

    def work(e):
        load.sync_sources(e, factory.sources())
        return load.record_pages(e, run_id, "baohatinh.vn", [factory.page(u) for u in urls])

    maps = _run_together(database, [work, work])
    assert set(maps[0]) == set(maps[1]) == set(urls)
    assert set(maps[0].values()).isdisjoint(maps[1].values())  # every fetch is its own row
    assert count("SELECT COUNT(*) FROM raw_pages") == 100
    assert count("SELECT COUNT(*) FROM sources") == 2
    with engine.connect() as c:
        # the 63 seeded provinces (revision 0005), none added twice by the concurrent syncs
        assert c.execute(text("SELECT COUNT(*) FROM provinces")).scalar_one() == N_PROVINCES_BEFORE
