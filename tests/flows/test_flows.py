"""The nightly and monthly flows under a temporary Prefect API, against the bundled mini-web."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, text

pytestmark = pytest.mark.flows


@pytest.fixture(scope="module")
def night(tmp_path_factory, prefect_harness):
    from chitieu.miniweb.server import MiniWeb
    from flows.nightly import nightly

    data = tmp_path_factory.mktemp("data")
    db_url = f"sqlite:///{data / 'warehouse.db'}"
    with MiniWeb() as web:
        state = nightly(database_url=db_url, data_dir=str(data), base_url_overrides=web.overrides(),
                        check_freshness=False, return_state=True)
        second = nightly(database_url=db_url, data_dir=str(data), base_url_overrides=web.overrides(),
                         check_freshness=False, return_state=True)
    return {"state": state, "second": second, "db_url": db_url, "data": data}


def test_nightly_loads_every_site_and_records_artifacts(night, artifacts_of):
    from warehouse import models
    from warehouse.db import make_engine

    assert night["state"].is_completed(), night["state"].message
    result = night["state"].result()
    engine = make_engine(night["db_url"])
    with engine.connect() as conn:
        per_source = dict(conn.execute(
            select(models.Source.name, func.count(models.Article.id))
            .join(models.Article, models.Article.source_id == models.Source.id)
            .group_by(models.Source.name)).all())
        n_indicators = conn.scalar(select(func.count()).select_from(models.Indicator))
        n_quarantine = conn.scalar(select(func.count()).select_from(models.Quarantine))
        run = conn.execute(select(models.PipelineRun).where(models.PipelineRun.id == result["run_id"])).one()
    assert set(per_source) == {"baogialai.com.vn", "baohatinh.vn", "baodaklak.vn", "baoquangninh.vn"}
    assert all(n > 0 for n in per_source.values())
    assert n_indicators > 100
    assert n_quarantine > 0  # the bad pages of the mini-web
    assert run.flow_run_id == str(night["state"].state_details.flow_run_id)
    arts = artifacts_of(night["state"].state_details.flow_run_id)
    assert "nightly-counts" in arts and "nightly-summary" in arts
    table = arts["nightly-counts"].data
    rows = json.loads(table) if isinstance(table, str) else table
    assert {r["source"] for r in rows} == set(per_source)
    assert sum(r["indicators"] for r in rows) == n_indicators


def test_second_night_adds_nothing(night):
    from warehouse import models
    from warehouse.db import make_engine

    assert night["second"].is_completed(), night["second"].message
    engine = make_engine(night["db_url"])
    with engine.connect() as conn:
        dupes = conn.execute(text(
            "SELECT canonical_url FROM articles GROUP BY canonical_url HAVING COUNT(*) > 1")).all()
        per_run = dict(conn.execute(
            select(models.Indicator.run_id, func.count()).group_by(models.Indicator.run_id)).all())
    assert dupes == []
    second_run = night["second"].result()["run_id"]
    assert per_run.get(second_run, 0) == 0


def test_monthly_publish_writes_report_and_artifacts(night, artifacts_of):
    from flows.monthly import monthly_publish
    from warehouse.db import make_engine
    from warehouse.report import latest_month_with_data

    month = latest_month_with_data(make_engine(night["db_url"]))
    assert month is not None
    state = monthly_publish(month=month, database_url=night["db_url"], data_dir=str(night["data"]),
                            return_state=True)
    assert state.is_completed(), state.message
    out = night["data"] / "reports" / month
    for name in ("summary.html", "summary.md", "indicators.csv", "indicators.parquet"):
        assert (out / name).stat().st_size > 0
    arts = artifacts_of(state.state_details.flow_run_id)
    assert "monthly-summary" in arts
    assert month in arts["monthly-summary"].data


def test_failure_hook_posts_to_webhook(prefect_harness, webhook, tmp_path):
    from flows.nightly import nightly

    state = nightly(sources=["no-such-paper"], database_url=f"sqlite:///{tmp_path / 'w.db'}",
                    data_dir=str(tmp_path), return_state=True)
    assert state.is_failed()
    assert len(webhook) == 1 and webhook[0]["event"] == "flow_run_failed"
    assert webhook[0]["flow"] == "nightly"
    assert "no-such-paper" in webhook[0]["message"]


def test_blocked_gate_fails_the_run_and_posts_to_webhook(prefect_harness, webhook, tmp_path):
    """Live nights check freshness: the mini-web's newest article (2025) is stale today."""
    from chitieu.miniweb.server import MiniWeb
    from flows.nightly import nightly
    from warehouse import models
    from warehouse.db import make_engine

    db_url = f"sqlite:///{tmp_path / 'w.db'}"
    with MiniWeb() as web:
        state = nightly(sources=["baohatinh.vn"], database_url=db_url, data_dir=str(tmp_path),
                        base_url_overrides=web.overrides(), return_state=True)
    assert state.is_failed()
    assert len(webhook) == 1 and webhook[0]["event"] == "quality_gate_blocked"
    assert "baohatinh.vn" in webhook[0]["message"] and "stale" in webhook[0]["message"]
    with make_engine(db_url).connect() as conn:
        run = conn.execute(select(models.PipelineRun).where(models.PipelineRun.flow_name == "nightly")).one()
    assert run.status == "blocked" and "baohatinh.vn" in run.message


def test_backfill_on_the_dask_task_runner(prefect_harness, tmp_path):
    """`chitieu backfill --task-runner dask`: the same tasks on a Dask cluster (prefect-dask)."""
    prefect_dask = pytest.importorskip("prefect_dask")
    from chitieu.miniweb import load_manifest
    from chitieu.miniweb.server import MiniWeb
    from flows.backfill import backfill
    from warehouse import models
    from warehouse.db import make_engine

    db_url = f"sqlite:///{tmp_path / 'w.db'}"
    runner = prefect_dask.DaskTaskRunner(cluster_kwargs={"n_workers": 1, "processes": False})
    with MiniWeb() as web:
        state = backfill.with_options(task_runner=runner)(
            since="2024-01-01", until="2025-12-31", sources=["baohatinh.vn"], database_url=db_url,
            data_dir=str(tmp_path), base_url_overrides=web.overrides(), return_state=True)
    assert state.is_completed(), state.message
    articles = load_manifest()["articles"]
    expected = [a for a in (articles.values() if isinstance(articles, dict) else articles)
                if a["host"] == "baohatinh.vn"]
    with make_engine(db_url).connect() as conn:
        loaded = conn.scalar(select(func.count()).select_from(models.Article))
    assert loaded == len(expected)


@pytest.mark.parametrize("flow_name", ["nightly", "backfill"])
def test_the_per_source_flows_crawl_every_source_at_once(prefect_harness, flow_name):
    """A source's crawl mostly waits out its own politeness delay, so a night is as long as its busiest
    site only if every source crawls at once: twelve stand-in crawls on the flow's own task runner must
    all be running together (a barrier of twelve breaks on a runner of fewer threads; 8 was the cap)."""
    import importlib
    import threading

    from prefect import flow, task

    flow_obj = getattr(importlib.import_module(f"flows.{flow_name}"), flow_name)
    sources = 12
    barrier = threading.Barrier(sources, timeout=30)

    @task
    def crawl_stand_in(i: int) -> int:
        barrier.wait()
        return i

    @flow(task_runner=flow_obj.task_runner.duplicate())
    def night() -> list[int]:
        return [f.result() for f in [crawl_stand_in.submit(i) for i in range(sources)]]

    assert night() == list(range(sources))
