"""The reextract flow end to end: a night on the mini-web, one figure as an older extractor misread it,
its month published, then `reextract` with today's extractor supersedes the misreading, the gate
validates the new row, and the month is published again as revision 2 with a note saying so."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

pytestmark = pytest.mark.flows

OLDER = "0.0.1+olderextract"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, prefect_harness):
    from chitieu.miniweb.server import MiniWeb
    from flows.nightly import nightly

    data = tmp_path_factory.mktemp("data")
    db_url = f"sqlite:///{data / 'warehouse.db'}"
    with MiniWeb() as web:
        state = nightly(database_url=db_url, data_dir=str(data), base_url_overrides=web.overrides(),
                        check_freshness=False, return_state=True)
    assert state.is_completed(), state.message
    return {"db_url": db_url, "data": data}


def test_reextract_supersedes_an_older_reading_validates_and_republishes(warehouse, artifacts_of):
    from flows.monthly import monthly_publish
    from flows.reextract import reextract
    from indicators.version import extractor_version
    from warehouse.db import make_engine
    from warehouse.report import latest_month_with_data

    engine = make_engine(warehouse["db_url"])
    month = latest_month_with_data(engine)
    with engine.begin() as c:
        target = c.execute(text(
            "SELECT v.indicator_id, v.value, v.source, v.metric, i.version_id FROM v_monthly_indicators m "
            "JOIN v_indicators v ON v.indicator_id = m.latest_indicator_id JOIN indicators i ON i.id = v.indicator_id "
            "WHERE m.month = :m AND m.kind = 'actual' AND m.metric <> 'other' ORDER BY v.indicator_id LIMIT 1"),
            {"m": month}).one()
        # what an older extractor left behind: another value, its own version, its own reading
        c.execute(text("UPDATE indicators SET value = value + 7, reading_hash = 'older', extractor_version = :o "
                       "WHERE id = :i"), {"o": OLDER, "i": target.indicator_id})
        c.execute(text("UPDATE article_versions SET extractor_version = :o WHERE id = :v"),
                  {"o": OLDER, "v": target.version_id})
    first = monthly_publish(month=month, database_url=warehouse["db_url"], data_dir=str(warehouse["data"]))
    assert first["rows"] > 0

    state = reextract(database_url=warehouse["db_url"], data_dir=str(warehouse["data"]), workers=1,
                      return_state=True)
    assert state.is_completed(), state.message
    result = state.result()
    assert result["extractor_version"] == extractor_version()
    changed = [r for r in result["changes"] if r["added"] or r["superseded"]]
    assert changed == [{"source": target.source, "metric": target.metric, "added": 1, "superseded": 1,
                        "unchanged": changed[0]["unchanged"]}]
    with engine.connect() as c:
        old = c.execute(text("SELECT is_current, superseded_by_run FROM indicators WHERE id = :i"),
                        {"i": target.indicator_id}).one()
        new = c.execute(text("SELECT value, status, extractor_version FROM indicators WHERE is_current "
                             "AND version_id = :v AND metric = :m AND run_id = :r"),
                        {"v": target.version_id, "m": target.metric, "r": result["run_id"]}).one()
        run = c.execute(text("SELECT status, extractor_version FROM pipeline_runs WHERE id = :r"),
                        {"r": result["run_id"]}).one()
    assert (bool(old.is_current), old.superseded_by_run) == (False, result["run_id"])
    assert (new.value, new.status, new.extractor_version) == (target.value, "valid", extractor_version())
    assert tuple(run) == ("succeeded", extractor_version())

    assert [(r["month"], r["revision"]) for r in result["republished"]] == [(month, 2)]
    html = (warehouse["data"] / "reports" / month / "summary.html").read_text(encoding="utf-8")
    markdown = (warehouse["data"] / "reports" / month / "summary.md").read_text(encoding="utf-8")
    for page in (html, markdown):
        assert "Revision note" in page and OLDER in page and extractor_version() in page
    assert f"{target.value + 7:g} → {target.value:g}" in result["republished"][0]["note"]
    arts = artifacts_of(state.state_details.flow_run_id)
    table = arts["reextract-changes"].data
    rows = json.loads(table) if isinstance(table, str) else table
    assert {(r["source"], r["metric"]): (r["added"], r["superseded"]) for r in rows}[
        (target.source, target.metric)] == (1, 1)

    again = reextract(database_url=warehouse["db_url"], data_dir=str(warehouse["data"]), workers=1)
    assert all(r["added"] == r["superseded"] == 0 for r in again["changes"]) and again["republished"] == []
    assert sum(row.get("versions", 0) for row in again["counts"].values()) == 0
    engine.dispose()
