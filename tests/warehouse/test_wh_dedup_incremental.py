"""Incremental duplicate linking (issue #9): a batch is paired against the band index, not the warehouse.

Linking used to re-pair every article and re-read the bodies of all candidates after each batch, so
a night's memory grew with the number of articles loaded. Now only the rows sharing a SimHash band
with the new batch are read; these tests count the rows the linking statements return, and check
that the links are still those a full recomputation gives, across batches and in any load order.
"""

from __future__ import annotations

import random
import re
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dedup_model import expected_links
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, event, select, text

from warehouse import dedup, load
from warehouse.db import upgrade
from warehouse.load import LoadItem
from warehouse.models import Article, ArticleVersion, Indicator

SYLLABLES = (
    "an bình cao dân đất điện gia hà hải hòa hồng khánh kiên lâm long minh nam ngọc nhân phú phúc quang "
    "quốc sơn tân thanh thành thiện thịnh tiến toàn trung tuấn văn việt vinh xuân yên bắc đông tây lợi "
    "mạnh nghĩa trí tín đức hiếu lễ công nông ngư lâm thủy sản cầu đường trường trạm chợ làng bản ấp"
).split()
T0 = datetime(2025, 3, 1, tzinfo=UTC)


def _unrelated_body(n: int) -> str:
    """A text of its own (seeded): no SimHash band in common with the story below, bar chance."""
    rng = random.Random(f"unrelated-{n}")
    return " ".join(rng.choice(SYLLABLES) for _ in range(160)) + "."


def _items(factory, articles):
    return [LoadItem(a, factory.indicators(a), None, True, a.source) for a in articles]


def _links(engine) -> dict[str, str | None]:
    with engine.connect() as c:
        return dict(c.execute(text("SELECT a.canonical_url, o.canonical_url FROM articles a "
                                   "LEFT JOIN articles o ON o.id = a.duplicate_of_id")).all())


@contextmanager
def rows_read_by_linking(engine, monkeypatch):
    """Rows returned by every SELECT that duplicate linking runs, and the ids whose figures it reads.

    Each SELECT is counted, with its own parameters, on another cursor of the same connection
    right after it runs (same transaction, so the same rows)."""
    seen = {"rows": 0, "statements": 0, "figure_ids": set()}
    active = {"on": False}

    def after(conn, cursor, statement, parameters, context, executemany):
        sql = statement.lstrip()
        if not active["on"] or executemany or not re.match(r"SELECT\b.*\bFROM\b", sql, re.I | re.S):
            return
        counter = conn.connection.dbapi_connection.cursor()
        try:
            # the statement is SQLAlchemy's own, already compiled: counted as it ran
            counter.execute(f"SELECT count(*) FROM ({statement}) AS counted", parameters)  # noqa: S608
            seen["rows"] += counter.fetchone()[0]
        finally:
            counter.close()
        seen["statements"] += 1
        if re.search(r"\barticles\.(figures|body)\b", statement):
            values = parameters.values() if isinstance(parameters, dict) else parameters
            seen["figure_ids"] |= {v for v in values if isinstance(v, int)}

    real = dedup.link_duplicates

    def linking(connection, **kwargs):
        active["on"] = True
        try:
            return real(connection, **kwargs)
        finally:
            active["on"] = False

    monkeypatch.setattr(dedup, "link_duplicates", linking)
    event.listen(engine, "after_cursor_execute", after)
    try:
        yield seen
    finally:
        event.remove(engine, "after_cursor_execute", after)


@pytest.mark.parametrize("earlier", [40, 160])
def test_linking_a_batch_reads_only_the_articles_it_may_match(engine, factory, monkeypatch, earlier):
    """The rows linking reads do not grow with the warehouse, and a copy arriving a batch later is linked."""
    load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly")
    story = factory.article(1, body=factory.body(), published_at=T0)
    # the same template with other figures: within the SimHash distance, but not duplicates
    template = [factory.article(2 + i, body=factory.body(place=f"xã Ia {i}", members=30 + i, orgs=5 + i,
                                                         rate=f"8{i},5", plan=90 + i)) for i in range(3)]
    others = [factory.article(100 + n, body=_unrelated_body(n)) for n in range(earlier)]
    everything = [story, *template, *others]
    for start in range(0, len(everything), 40):  # earlier batches of the night
        load.load_articles(engine, run_id, _items(factory, everything[start:start + 40]))
    with engine.connect() as c:
        ids = dict(c.execute(text("SELECT canonical_url, id FROM articles")).all())

    copy = factory.article(900, source="baohatinh.vn", body="(HTO) - " + story.body + "\n\nTin: Minh Anh",
                           published_at=T0 + timedelta(hours=5))
    new = factory.article(901, body=_unrelated_body(10_000))
    with rows_read_by_linking(engine, monkeypatch) as seen:
        stats = load.load_articles(engine, run_id, _items(factory, [copy, new]))

    assert stats.new == 2 and stats.duplicates == 1
    assert _links(engine)[copy.canonical_url] == story.canonical_url
    assert seen["statements"] > 0, "linking ran"
    # the batch (2), its band neighbours (story + 3 template variants), their groups and bookkeeping;
    # reading every earlier article (the old linking) would be > `earlier`
    assert seen["rows"] <= 25, seen
    with engine.connect() as c:
        batch_ids = set(c.execute(text("SELECT id FROM articles WHERE canonical_url IN (:a, :b)"),
                                  {"a": copy.canonical_url, "b": new.canonical_url}).scalars())
    near = {ids[a.canonical_url] for a in (story, *template)}
    assert seen["figure_ids"] <= batch_ids | near, "figures read only for articles within the SimHash distance"


def _scenario(factory):
    """Two stories with copies at several dates, template look-alikes, unrelated articles."""
    a_body, b_body = factory.body(), factory.body(place="thị xã Kỳ Anh", members=64, orgs=12, rate="95")
    arts = [
        factory.article(1, body=a_body, published_at=T0 + timedelta(days=2)),
        factory.article(2, source="baohatinh.vn", body="(HTO) - " + a_body, published_at=T0 + timedelta(days=1)),
        factory.article(3, body=a_body + "\n\nTin: Minh Anh", published_at=T0 + timedelta(days=3)),
        factory.article(4, body=b_body, published_at=T0 + timedelta(days=4)),
        factory.article(5, source="baohatinh.vn", body="(GLO) - " + b_body, published_at=T0 + timedelta(days=4)),
        factory.article(6, body=factory.body(place="xã Ia Pa", members=77, orgs=31, rate="90,1")),
        factory.article(7, body=factory.body(place="xã Ia Ko", members=12, orgs=3, rate="70")),
    ]
    return arts + [factory.article(100 + n, body=_unrelated_body(n)) for n in range(5)]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_links_across_batches_match_a_full_recomputation_in_any_order(engine, factory, seed):
    load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly")
    arts = _scenario(factory)
    random.Random(seed).shuffle(arts)
    for start in range(0, len(arts), 3):  # one, two or three copies of a story arrive in later batches
        load.load_articles(engine, run_id, _items(factory, arts[start:start + 3]))
    incremental = _links(engine)

    with engine.connect() as c:
        id_of = dict(c.execute(text("SELECT canonical_url, id FROM articles")).all())
    url = {n: factory.article(n).canonical_url for n in range(1, 8)}
    for n in (2, 5):
        url[n] = factory.article(n, source="baohatinh.vn").canonical_url
    expected = dict.fromkeys(id_of)
    expected |= {url[1]: url[2], url[3]: url[2]}  # story A: the earliest published
    first, later = sorted((url[4], url[5]), key=id_of.get)  # story B: same date, the first loaded
    expected[later] = first
    assert incremental == expected

    with engine.begin() as c:
        assert dedup.relink_all(c) == 0, "a full recomputation changes nothing"
    assert _links(engine) == incremental


def test_an_edit_that_breaks_the_match_unlinks_and_hands_the_group_over(engine, factory):
    load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly")
    body = factory.body()
    first = factory.article(1, body=body, published_at=T0)
    second = factory.article(2, source="baohatinh.vn", body="(HTO) - " + body, published_at=T0 + timedelta(hours=1))
    third = factory.article(3, body=body + "\n\nTin: Minh Anh", published_at=T0 + timedelta(hours=2))
    load.load_articles(engine, run_id, _items(factory, [first]))
    load.load_articles(engine, run_id, _items(factory, [second]))
    load.load_articles(engine, run_id, _items(factory, [third]))
    assert _links(engine) == {first.canonical_url: None, second.canonical_url: first.canonical_url,
                              third.canonical_url: first.canonical_url}
    # the original is rewritten into another story: the rest of its group now points at the next earliest
    load.load_articles(engine, run_id, _items(factory, [replace(first, body=_unrelated_body(7))]))
    assert _links(engine) == {first.canonical_url: None, second.canonical_url: None,
                              third.canonical_url: second.canonical_url}


def test_a_backfilled_original_takes_over_a_whole_group_without_reading_it(engine, factory, monkeypatch):
    load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly")
    body = factory.body()
    copies = [factory.article(10 + n, body=f"({tag}) - " + body, published_at=T0 + timedelta(days=1 + n))
              for n, tag in enumerate(("GLO", "HTO", "TTXVN", "VOV", "ND", "QĐND"))]
    for copy in copies:  # one a batch: each joins the group of the first
        load.load_articles(engine, run_id, _items(factory, [copy]))
    assert set(_links(engine).values()) == {None, copies[0].canonical_url}
    first = factory.article(1, source="baohatinh.vn", body=body, published_at=T0)
    with rows_read_by_linking(engine, monkeypatch) as seen:
        stats = load.load_articles(engine, run_id, _items(factory, [first]))
    assert stats.duplicates == 0  # the new article is the original now
    assert _links(engine) == {first.canonical_url: None} | {c.canonical_url: first.canonical_url for c in copies}
    # the group was matched through one member and rewritten by one UPDATE, its figures not all read
    assert len(seen["figure_ids"]) <= 2, seen


def test_articles_a_crashed_run_left_pending_are_linked_by_the_next_load(engine, factory, monkeypatch):
    load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly")
    body = factory.body()
    first = factory.article(1, body=body, published_at=T0)
    copy = factory.article(2, source="baohatinh.vn", body="(HTO) - " + body, published_at=T0 + timedelta(days=1))
    monkeypatch.setattr(dedup, "link_duplicates", lambda connection, **kw: 0)  # the run dies before linking
    load.load_articles(engine, run_id, _items(factory, [first, copy]))
    monkeypatch.undo()
    assert _links(engine)[copy.canonical_url] is None
    load.load_articles(engine, run_id, _items(factory, [factory.article(3, body=_unrelated_body(3))]))
    assert _links(engine)[copy.canonical_url] == first.canonical_url
    with engine.connect() as c:
        assert c.execute(text("SELECT COUNT(*) FROM articles WHERE dedup_pending")).scalar_one() == 0


def test_band_columns_hold_the_simhash_and_the_migration_backfills_them(database):
    engine = database.new_engine()
    upgrade(engine, "0002")
    body = "Đảng bộ xã kết nạp 12 đảng viên mới trong năm 2024, đạt 104% kế hoạch, 12 chi bộ."
    value = dedup.simhash(body)
    with engine.begin() as c:
        c.execute(text("INSERT INTO sources (name, base_url, status) VALUES ('s', 'https://s', 'active')"))
        c.execute(text(
            "INSERT INTO articles (source_id, canonical_url, url, title, body, content_hash, current_version, "
            "simhash, is_party_building, status, first_seen_at, last_seen_at) SELECT id, :u, :u, 't', :b, 'h', 1, "
            ":s, false, 'pending', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM sources"),
            {"u": "https://s/1", "b": body, "s": dedup.to_hex(value)})
    upgrade(engine)
    with engine.connect() as c:
        row = c.execute(text("SELECT simhash_band0, simhash_band1, simhash_band2, simhash_band3, dedup_pending, "
                             "figures FROM articles")).one()
    assert list(row[:4]) == [dedup.band_values(value)[column] for column in dedup.BAND_COLUMNS]
    assert list(row[:4]) == [(value >> (16 * band)) & 0xFFFF for band in range(4)]
    assert not row[4]
    assert row[5] == dedup.figures_text(body) == "104 12 2024"
    assert dedup.band_values(0) == dict.fromkeys(dedup.BAND_COLUMNS)


# ---------------------------------------------------------------- against the model, any history

_TEXTS = {  # body keywords: one story, a look-alike differing in one figure (near, not a copy), another story
    "story": {}, "story, one figure off": {"members": 121},
    "other story": {"place": "thị xã Kỳ Anh", "members": 64, "orgs": 12, "rate": "95"},
}
_SPEC = st.tuples(
    # the story twice as likely as the others: what matters is how its copies meet
    st.sampled_from(["story", *_TEXTS, "unrelated", "empty"]),
    st.sampled_from(["", "(GLO) - ", "(HTO) - ", "(TTXVN) - "]),
    # "Ảnh: 3" agrees on figures with the plain body and with "Ảnh: 3, 7", which do not agree with
    # each other: such copies are one group only through the middle one
    st.sampled_from(["", "\n\nTin: Minh Anh", "\n\nẢnh: 3", "\n\nẢnh: 3, 7"]),
    # ties, undated articles, and one instant written in two time zones
    st.sampled_from([None, T0, T0.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")), T0 + timedelta(hours=1),
                     T0 + timedelta(days=1)]),
)


@st.composite
def _histories(draw):
    """Articles (source, spec), the batches loading them (indexes, any order), then edits (index, spec)."""
    articles = draw(st.lists(st.tuples(st.sampled_from(["baogialai.com.vn", "baohatinh.vn"]), _SPEC),
                             min_size=3, max_size=10))
    order, batches = draw(st.permutations(range(len(articles)))), []
    while order:
        size = draw(st.integers(1, 4))
        batches.append(order[:size])
        order = order[size:]
    edits = draw(st.lists(st.tuples(st.integers(0, len(articles) - 1), _SPEC), max_size=2))
    return articles, batches, edits


def _article(factory, n, source, spec):
    label, prefix, suffix, published_at = spec
    if label in _TEXTS:
        body = prefix + factory.body(**_TEXTS[label]) + suffix
    else:
        body = "" if label == "empty" else prefix + _unrelated_body(1) + suffix
    return replace(factory.article(n, source=source, body=body), published_at=published_at)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=_histories())
def test_links_equal_a_full_recomputation_whatever_the_batches_order_and_edits(engine, factory, history):
    """The incremental linker only touches the groups a batch may change; the links must still be
    what the rules give over the final articles, however they arrived."""
    with engine.begin() as c:  # one database for every example: start each from no articles
        for table in (Indicator, ArticleVersion, Article):
            c.execute(delete(table))
    load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly")
    articles, batches, edits = history
    arts = [_article(factory, n, source, spec) for n, (source, spec) in enumerate(articles)]
    for batch in batches:
        load.load_articles(engine, run_id, _items(factory, [arts[i] for i in batch]))
    for i, spec in edits:  # a later night: the page was edited, maybe its date too
        load.load_articles(engine, run_id, _items(factory, [_article(factory, i, articles[i][0], spec)]))

    with engine.connect() as c:
        rows = c.execute(select(Article.id, Article.body, Article.simhash, Article.published_at,
                                Article.duplicate_of_id)).all()
    assert all(int(r.simhash, 16) == dedup.simhash(r.body) for r in rows)
    model = expected_links([(dedup.Candidate(r.id, int(r.simhash, 16), r.published_at), r.body) for r in rows])
    assert {r.id: r.duplicate_of_id for r in rows} == model
