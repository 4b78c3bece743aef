"""The example SQL of docs/warehouse.md runs on both dialects and answers what it says."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from sqlalchemy import text

from warehouse import load
from warehouse.load import LoadItem

DOC = Path(__file__).resolve().parents[2] / "docs" / "warehouse.md"


def _queries() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_documented_queries_run(engine, factory):
    load.sync_sources(engine, factory.sources())
    run_id = load.start_run(engine, "nightly")
    articles = [factory.article(1), factory.article(2, source="baohatinh.vn",
                                                    body=factory.body(place="xã Kỳ Anh", rate="97", members=9))]
    load.load_articles(engine, run_id, [LoadItem(a, factory.indicators(a), None, True, a.source) for a in articles])
    with engine.begin() as c:
        c.execute(text("UPDATE indicators SET status = 'valid'"))
    queries = _queries()
    assert len(queries) == 6
    with engine.connect() as c:
        latest = c.execute(text(queries[0])).mappings().all()
        assert {(r["province"], r["value"]) for r in latest} == {("gia-lai", 92.5), ("ha-tinh", 97.0)}
        c.execute(text(queries[1])).all()
        monthly = c.execute(text(queries[2])).mappings().all()
        assert sorted(r["new_members"] for r in monthly) == [9, 101]
        indicator_id = c.execute(text("SELECT MIN(id) FROM indicators")).scalar_one()
        merged = c.execute(text(queries[3])).mappings().all()  # across the merger (test_wh_provinces.py)
        assert {(r["province_2025"], r["new_members"]) for r in merged} == {("gia-lai", 101), ("ha-tinh", 9)}
        lineage = c.execute(text(queries[4]), {"indicator_id": indicator_id}).mappings().one()
        assert lineage["flow_name"] == "nightly"
    # a later run reads the first article's rate as 93: the old reading is superseded, side by side
    run2 = load.start_run(engine, "reextract")
    readings = [replace(i, value=93.0) if i.metric == "member_good_rate" else i
                for i in factory.indicators(articles[0])]
    load.load_articles(engine, run2, [LoadItem(articles[0], readings, None, True, articles[0].source)])
    with engine.connect() as c:
        changed = c.execute(text(queries[5]), {"run_id": run2}).mappings().all()
    assert [(r["metric"], r["old_value"], r["new_value"], r["flow_name"]) for r in changed] == [
        ("member_good_rate", 92.5, 93.0, "reextract")]
