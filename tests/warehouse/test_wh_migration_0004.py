"""Revision 0004 on a populated 0003 warehouse: rows, links and published summaries survive; every
existing indicator gets the reading hash the loader would give it, so the next load changes nothing."""

from __future__ import annotations

from sqlalchemy import text

from warehouse import load
from warehouse.db import current_revision, head_revision, upgrade
from warehouse.load import LoadItem


def test_upgrade_from_0003_keeps_everything_and_the_next_load_changes_nothing(database, factory):
    engine = database.new_engine()
    upgrade(engine, "0003")
    article = factory.article(1)
    inds = factory.indicators(article)
    with engine.begin() as c:
        c.execute(text("INSERT INTO provinces (code, name_vi) VALUES ('gia-lai', 'Gia Lai') ON CONFLICT DO NOTHING"))
        c.execute(text("INSERT INTO sources (name, province_code, base_url, status) "
                       "VALUES ('baogialai.com.vn', 'gia-lai', 'https://baogialai.com.vn', 'active')"))
        c.execute(text("INSERT INTO pipeline_runs (flow_name, status) VALUES ('nightly', 'succeeded')"))
        c.execute(text("INSERT INTO articles (source_id, canonical_url, url, title, sapo, body, published_at, "
                       "published_month, content_hash, current_version, is_party_building, status, dedup_pending, "
                       "first_seen_at, last_seen_at) VALUES (1, :u, :u, :t, :s, :b, :p, '2025-03', :h, 1, true, "
                       "'valid', false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
                  {"u": article.canonical_url, "t": article.title, "s": article.sapo, "b": article.body,
                   "p": article.published_at, "h": load.content_hash(article)})
        c.execute(text("INSERT INTO article_versions (article_id, version, content_hash, title, sapo, body, "
                       "created_at) VALUES (1, 1, :h, :t, :s, :b, CURRENT_TIMESTAMP)"),
                  {"h": load.content_hash(article), "t": article.title, "s": article.sapo, "b": article.body})
        for ind in inds:
            c.execute(text("INSERT INTO indicators (article_id, version_id, is_current, metric, value, unit, kind, "
                           "qualifier, denominator, year, subject, evidence, start_offset, end_offset, "
                           "evidence_start, evidence_end, status, run_id) VALUES (1, 1, true, :metric, :value, "
                           ":unit, :kind, :qualifier, :denominator, :year, :subject, :evidence, :start, :end, "
                           ":evidence_start, :evidence_end, 'valid', 1)"), ind.to_dict())
        c.execute(text("INSERT INTO monthly_summaries (month, source_id, metric, unit, actual_value, "
                       "actual_indicator_id, articles_read, indicators_found, run_id, created_at) "
                       "VALUES ('2025-03', 1, 'new_members', 'count', 101, 2, 1, 1, 1, CURRENT_TIMESTAMP)"))

    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as c:
        rows = c.execute(text("SELECT id, reading_hash, is_current, extractor_version FROM indicators "
                              "ORDER BY id")).all()
        summary = c.execute(text("SELECT revision, actual_indicator_id FROM monthly_summaries")).one()
        revisions = c.execute(text("SELECT month, revision FROM monthly_revisions")).all()
        view = c.execute(text("SELECT count(*) FROM v_indicators WHERE extractor_version IS NULL")).scalar_one()
    assert [r.id for r in rows] == [1, 2] and all(r.reading_hash and r.is_current for r in rows)
    assert all(r.extractor_version is None for r in rows)  # read before lineage was recorded
    assert tuple(summary) == (1, 2) and [tuple(r) for r in revisions] == [("2025-03", 1)]
    assert view == 2

    load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly")
    stats = load.load_articles(engine, run_id, [LoadItem(article, inds, None, True, article.source)])
    assert (stats.unchanged, stats.indicators_added, stats.indicators_superseded) == (1, 0, 0)
