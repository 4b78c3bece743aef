"""prefect.yaml and `chitieu serve` describe the same two scheduled deployments and `reextract`."""

from __future__ import annotations

import importlib
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def test_prefect_yaml_declares_both_deployments_with_schedules():
    config = yaml.safe_load((REPO / "prefect.yaml").read_text())
    by_name = {d["name"]: d for d in config["deployments"]}
    assert set(by_name) == {"nightly", "monthly-publish", "reextract"}
    assert by_name["reextract"]["entrypoint"] == "flows/reextract.py:reextract"
    assert not by_name["reextract"].get("schedules")  # on demand, after an extractor upgrade
    expected = {"nightly": ("flows/nightly.py:nightly", "0 2 * * *"),
                "monthly-publish": ("flows/monthly.py:monthly_publish", "0 6 1 * *")}
    for name, (entrypoint, cron) in expected.items():
        dep = by_name[name]
        assert dep["entrypoint"] == entrypoint
        assert dep["schedules"] == [{"cron": cron, "timezone": "Asia/Ho_Chi_Minh"}]
        path, func = entrypoint.split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        assert hasattr(getattr(module, func), "to_deployment")  # a Prefect flow object
        assert (REPO / path).is_file()


def test_served_deployments_match_prefect_yaml():
    from flows.deployments import build_deployments

    deps = {d.name: d for d in build_deployments()}
    assert set(deps) == {"nightly", "monthly-publish", "reextract"}
    assert not deps.pop("reextract").schedules
    crons = {name: (d.schedules[0].schedule.cron, d.schedules[0].schedule.timezone) for name, d in deps.items()}
    assert crons == {"nightly": ("0 2 * * *", "Asia/Ho_Chi_Minh"),
                     "monthly-publish": ("0 6 1 * *", "Asia/Ho_Chi_Minh")}


def test_serve_does_not_pause_schedules_on_shutdown(monkeypatch):
    import prefect

    from flows import deployments

    seen = {}
    monkeypatch.setattr(prefect, "serve", lambda *deps, **kw: seen.update(kw, n=len(deps)))
    deployments.serve_all()
    assert seen["pause_on_shutdown"] is False and seen["n"] == 3
