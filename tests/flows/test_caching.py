"""The per-flow-run crawl cache: a retried run does not crawl again what already crawled cleanly.

baohatinh.vn and baodaklak.vn crawl cleanly from the mini-web; baogialai.com.vn always has one
truncated article (a partial crawl), so it must never be served from the cache.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, text

pytestmark = pytest.mark.flows

CLEAN, CRASHES, PARTIAL = "baohatinh.vn", "baodaklak.vn", "baogialai.com.vn"


def _requests_to(log: list[str], host: str) -> int:
    return sum(1 for path in log if path.startswith(f"/{host}/"))


def _task_runs(flow_run_id) -> dict[str, list[str]]:
    """Task run name -> its final state names, in order of start."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.client.schemas.sorting import TaskRunSort

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
                                     sort=TaskRunSort.EXPECTED_START_TIME_ASC)
    states: dict[str, list[str]] = {}
    for run in runs:
        states.setdefault(run.name, []).append(run.state.name if run.state else "")
    return states


@pytest.fixture
def instrumented(monkeypatch):
    """Count the flow's attempts and the crawls that really ran; make CRASHES raise on attempt 1.

    Task retries are kept (two), only their 10 s backoff is dropped, so CRASHES fails for good
    on the first attempt and the flow run itself is retried.
    """
    import flows.nightly as nightly_module

    attempts: list[int] = []  # request-log length when each flow attempt started
    crawled: list[tuple[int, str]] = []  # (attempt, source) of every crawl that ran
    web_log: list[list[str]] = []
    real_run_sources, real_crawl = nightly_module.run_sources, nightly_module.crawl_and_process

    def run_sources(*args, **kwargs):
        attempts.append(len(web_log[0]))
        return real_run_sources(*args, **kwargs)

    def crawl_and_process(engine, run_id, source, settings, **kwargs):
        crawled.append((len(attempts), source.name))
        if source.name == CRASHES and len(attempts) == 1:
            raise ConnectionError(f"{source.name}: connection reset (injected)")
        return real_crawl(engine, run_id, source, settings, **kwargs)

    monkeypatch.setattr(nightly_module, "run_sources", run_sources)
    monkeypatch.setattr(nightly_module, "crawl_and_process", crawl_and_process)
    monkeypatch.setattr(nightly_module, "crawl_source_task",
                        nightly_module.crawl_source_task.with_options(retry_delay_seconds=0))
    return {"attempts": attempts, "crawled": crawled, "web_log": web_log}


def test_retried_run_replays_clean_sources_from_cache(prefect_harness, instrumented, tmp_path):
    from chitieu.miniweb.server import MiniWeb
    from chitieu.settings import Settings
    from flows.nightly import nightly
    from warehouse import models
    from warehouse.db import make_engine

    db_url = f"sqlite:///{tmp_path / 'w.db'}"
    with MiniWeb() as web:
        instrumented["web_log"].append(web.request_log)
        state = nightly.with_options(retries=1, retry_delay_seconds=0)(
            sources=[CLEAN, CRASHES, PARTIAL], database_url=db_url, data_dir=str(tmp_path),
            base_url_overrides=web.overrides(), check_freshness=False, return_state=True)
        log = list(web.request_log)

    assert state.is_completed(), state.message
    attempts = instrumented["attempts"]
    assert len(attempts) == 2  # the first attempt failed (CRASHES), the retry succeeded
    first, second = log[attempts[0]:attempts[1]], log[attempts[1]:]
    # the clean source crawled once, in the first attempt, and the retry sent it no request at all
    assert _requests_to(first, CLEAN) > 0
    assert _requests_to(second, CLEAN) == 0
    assert (2, CLEAN) not in instrumented["crawled"]
    # the source that raised is not cached: crawled in the retry (it never reached the site before)
    assert _requests_to(first, CRASHES) == 0 and _requests_to(second, CRASHES) > 0
    assert instrumented["crawled"].count((1, CRASHES)) == 3  # one try + two task retries, all failed
    # the partial crawl (one truncated article) completed but was not cached: crawled again
    assert _requests_to(first, PARTIAL) > 0 and _requests_to(second, PARTIAL) > 0

    flow_run_id = state.state_details.flow_run_id
    runs = _task_runs(flow_run_id)
    assert runs[f"crawl-{CLEAN}"] == ["Completed", "Cached"]
    assert runs[f"crawl-{PARTIAL}"] == ["Completed", "Completed"]
    assert runs[f"crawl-{CRASHES}"][0] == "Failed" and runs[f"crawl-{CRASHES}"][-1] == "Completed"
    assert any((Settings(data_dir=tmp_path).prefect_storage_dir).iterdir())  # results live under the data dir

    result = state.result()
    engine = make_engine(db_url)
    with engine.connect() as conn:
        dupes = conn.execute(text(
            "SELECT canonical_url FROM articles GROUP BY canonical_url HAVING COUNT(*) > 1")).all()
        indicator_dupes = conn.execute(text(
            "SELECT version_id, metric, start_offset FROM indicators "
            "GROUP BY version_id, metric, start_offset HAVING COUNT(*) > 1")).all()
        runs_rows = conn.execute(select(models.PipelineRun).where(
            models.PipelineRun.flow_run_id == str(flow_run_id))).all()
        per_source = dict(conn.execute(
            select(models.Source.name, func.count(models.Article.id))
            .join(models.Article, models.Article.source_id == models.Source.id)
            .where(models.Article.run_id == result["run_id"])
            .group_by(models.Source.name)).all())
    assert dupes == [] and indicator_dupes == []
    # one warehouse run for the flow run, resumed by the retry, holding every source's rows
    assert len(runs_rows) == 1 and runs_rows[0].id == result["run_id"] and runs_rows[0].status == "succeeded"
    assert set(per_source) == {CLEAN, CRASHES, PARTIAL} and all(n > 0 for n in per_source.values())
    # the replayed counts are the first attempt's, so the run still reports what CLEAN loaded
    assert result["counts"][CLEAN]["fetched"] == per_source[CLEAN]
    assert runs_rows[0].counts[CLEAN]["fetched"] == per_source[CLEAN]


def test_a_new_flow_run_does_not_reuse_the_cache(prefect_harness, instrumented, tmp_path):
    """Two nights are two flow runs: the second must go to the site again."""
    from chitieu.miniweb.server import MiniWeb
    from flows.nightly import crawl_source_task, nightly

    assert crawl_source_task.cache_expiration == timedelta(days=1)
    db_url = f"sqlite:///{tmp_path / 'w.db'}"
    states = []
    with MiniWeb() as web:
        instrumented["web_log"].append(web.request_log)
        for _ in range(2):
            states.append(nightly(sources=[CLEAN], database_url=db_url, data_dir=str(tmp_path),
                                  base_url_overrides=web.overrides(), check_freshness=False, return_state=True))
        log = list(web.request_log)

    assert all(s.is_completed() for s in states), [s.message for s in states]
    attempts = instrumented["attempts"]
    assert len(attempts) == 2
    assert _requests_to(log[:attempts[1]], CLEAN) > 0
    assert _requests_to(log[attempts[1]:], CLEAN) > 0  # the second night crawled (feeds at least)
    assert instrumented["crawled"] == [(1, CLEAN), (2, CLEAN)]
    assert _task_runs(states[1].state_details.flow_run_id)[f"crawl-{CLEAN}"] == ["Completed"]
    assert states[0].result()["run_id"] != states[1].result()["run_id"]


def test_cache_key_is_per_flow_run_and_per_work():
    """The key changes with the flow run and with what the crawl would do; no flow run, no key."""
    from types import SimpleNamespace
    from uuid import uuid4

    from chitieu.settings import Settings
    from flows.nightly import crawl_cache_key, crawl_source_task

    def context(flow_run_id):
        return SimpleNamespace(task_run=SimpleNamespace(flow_run_id=flow_run_id, id=uuid4()),
                               task=crawl_source_task)

    settings = Settings(database_url="sqlite:////tmp/w.db", data_dir="/tmp/d",
                        base_url_overrides={CLEAN: "http://127.0.0.1:1/x"})
    params = {"source_name": CLEAN, "run_id": 7, "settings": settings, "mode": "nightly", "since": None,
              "until": None}
    run = uuid4()
    key = crawl_cache_key(context(run), params)
    assert key and key == crawl_cache_key(context(run), dict(params))
    assert crawl_cache_key(context(None), params) is None
    assert crawl_cache_key(context(uuid4()), params) != key
    assert crawl_cache_key(context(run), {**params, "source_name": CRASHES}) != key
    assert crawl_cache_key(context(run), {**params, "mode": "backfill"}) != key
    assert crawl_cache_key(context(run), {**params, "settings": Settings(
        database_url="sqlite:////tmp/other.db", data_dir="/tmp/d",
        base_url_overrides={CLEAN: "http://127.0.0.1:1/x"})}) != key
    # settings that do not change the work do not change the key
    assert crawl_cache_key(context(run), {**params, "settings": settings.model_copy(
        update={"user_agent": "other"})}) == key
