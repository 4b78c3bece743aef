"""The command line end to end: parse, extract, and the offline demo."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from chitieu.cli import app

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_parse_real_onecms_page(shared_dir):
    page = next((shared_dir / "fixtures/real/baolaocai.vn").glob("*.html"))
    result = runner.invoke(app, ["parse", str(page), "--url", "https://baolaocai.vn/" + page.name,
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"url", "canonical_url", "source", "title", "sapo", "body", "published_at", "author",
                         "category", "tags", "images"}
    assert data["published_at"] == "2025-06-17T13:43:02+07:00"
    assert data["title"] and len(data["body"]) > 500


@pytest.mark.parametrize("args", [["parse", "/nonexistent.html", "--url", "https://x.vn/a"],
                                  ["extract", "/nonexistent.txt"]])
def test_unreadable_input_exits_nonzero_with_one_line(args):
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nonexistent" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["run", "--source", "nope.vn"], "unknown source(s): nope.vn; known: baoangiang.com.vn"),
    (["backfill", "--since", "2025-13-01"], "--since must be a date YYYY-MM-DD, got '2025-13-01'"),
    (["backfill", "--since", "2025-02-01", "--until", "2025-01-31"], "--until 2025-01-31 is before --since"),
    (["backfill", "--since", "2025-01-01", "--source", "baogialai.com.vn", "--source", "x"], "unknown source(s): x;"),
    (["reparse", "--since", "yesterday"], "--since must be a date YYYY-MM-DD"),
    (["reparse", "--source", "x"], "unknown source(s): x;"),
    (["sources", "check", "x"], "unknown source(s): x; known: baoangiang.com.vn"),
    (["extract", "/nonexistent.txt", "--published", "2025-02-30"], "--published must be a date YYYY-MM-DD"),
])
def test_bad_options_are_refused_before_any_flow_starts(args, message, tmp_path, monkeypatch):
    import flows.backfill
    import flows.nightly
    import flows.reparse

    def no_flow(*a, **k):
        raise AssertionError("a flow was started")

    for module, name in ((flows.nightly, "nightly"), (flows.backfill, "backfill"), (flows.reparse, "reparse")):
        monkeypatch.setattr(module, name, no_flow)
    monkeypatch.setenv("CHITIEU_DATA_DIR", str(tmp_path))
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()] and message in result.stderr


def test_extract_rejects_binary(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x81garbage")
    result = runner.invoke(app, ["extract", str(bad)])
    assert result.exit_code != 0 and "bad.txt" in result.stderr


def test_extract_seeds_jsonl_with_doc(shared_dir):
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    result = runner.invoke(app, ["extract", *map(str, seeds), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["doc"] for r in records} == {p.name for p in seeds}
    for r in records:
        assert {"metric", "value", "unit", "kind", "qualifier", "denominator", "year", "subject", "evidence",
                "start", "end"} <= set(r)


@pytest.mark.slow
def test_demo_runs_offline_and_twice_adds_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API") and k != "COLUMNS"}
    env.update(CHITIEU_DATA_DIR=str(tmp_path / "data"), CHITIEU_DATABASE_URL=f"sqlite:///{tmp_path}/data/warehouse.db",
               PREFECT_HOME=str(tmp_path / "prefect"))
    cmd = [sys.executable, "-m", "chitieu.cli", "demo"]
    first = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    db = tmp_path / "data" / "warehouse.db"

    def counts():
        with sqlite3.connect(db) as conn:
            return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                    for t in ("articles", "article_versions", "indicators", "quarantine", "sources")}

    after_first = counts()
    assert after_first["articles"] >= 60 and after_first["indicators"] > 100 and after_first["quarantine"] > 0
    reports = list((tmp_path / "data" / "reports").glob("*/summary.html"))
    assert reports, first.stdout[-2000:]
    # written to a pipe (as to a cron log), the run table keeps whole source names and headers
    for cell in ("baogialai.com.vn", "baoquangninh.vn", "quarantined"):
        assert f"│ {cell}" in first.stdout or f"┃ {cell}" in first.stdout, first.stdout[-3000:]
    assert "quality gate: passed" in first.stdout  # and each source's failures, once each:
    truncated = [line for line in first.stdout.splitlines() if "truncated body" in line]
    assert len(truncated) == 1 and truncated[0].lstrip().startswith("baogialai.com.vn: article https://")
    second = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert counts() == after_first

    # by hand, the gate says what it checked: nothing is left pending after the nightly gate; --all is everything
    validate = [sys.executable, "-m", "chitieu.cli", "validate"]
    pending = subprocess.run(validate, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert pending.returncode == 0, pending.stdout[-3000:] + pending.stderr[-3000:]
    assert "checked 0 articles and 0 indicators" in pending.stdout and "no rows were pending" in pending.stdout
    every = subprocess.run(validate + ["--all"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert every.returncode == 0, every.stdout[-3000:] + every.stderr[-3000:]
    assert (f"checked {after_first['articles']} articles and {after_first['indicators']} indicators: "
            "0 newly valid, 0 newly quarantined; PASSED") in every.stdout

    # reparse (no network) reports what it replayed from the archive: every article, all unchanged
    reparse = subprocess.run([sys.executable, "-m", "chitieu.cli", "reparse"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=600)
    assert reparse.returncode == 0, reparse.stdout[-3000:] + reparse.stderr[-3000:]
    rows = [line.split("│")[1:-1] for line in reparse.stdout.splitlines() if line.startswith("│ bao")]
    header = next(line for line in reparse.stdout.splitlines() if "┃ source" in line).split("┃")[1:-1]
    columns = [cell.strip() for cell in header]
    table = {cells[0].strip(): dict(zip(columns, (cell.strip() for cell in cells), strict=True)) for cells in rows}
    assert len(table) == 4 and "quality gate: passed" in reparse.stdout
    assert sum(int(row["parsed"]) for row in table.values()) == after_first["articles"]
    assert all(row["unchanged"] == row["parsed"] and row["new"] == "0" for row in table.values())


@pytest.mark.slow
def test_demo_on_postgresql_gives_the_same_counts_as_on_sqlite(tmp_path, postgres_url):
    import uuid

    from sqlalchemy import create_engine, text

    schema = f"demo_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        counts = {}
        for name, url in (("sqlite", f"sqlite:///{tmp_path}/sqlite/warehouse.db"),
                          ("postgresql", f"{postgres_url}?options=-csearch_path%3D{schema}")):
            env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
            env.update(CHITIEU_DATA_DIR=str(tmp_path / name), CHITIEU_DATABASE_URL=url,
                       PREFECT_HOME=str(tmp_path / f"prefect-{name}"))
            done = subprocess.run([sys.executable, "-m", "chitieu.cli", "demo"], env=env, cwd=tmp_path,
                                  capture_output=True, text=True, timeout=900)
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
            engine = create_engine(url)
            with engine.connect() as conn:
                counts[name] = {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()  # noqa: S608
                                for t in ("articles", "article_versions", "indicators", "quarantine",
                                          "monthly_summaries", "v_indicators")}
            engine.dispose()
        assert counts["postgresql"] == counts["sqlite"]
        assert counts["sqlite"]["v_indicators"] > 100
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@given(st.data())
def test_table_evidence_shows_the_figure_in_bold_whatever_its_place(data):
    from chitieu.cli import _evidence_window

    # sentences of every length, most of them longer than the 80-character window; evidence is normalised
    # text, so no control characters (which Rich would drop from a Text anyway)
    length = data.draw(st.integers(1, 400))
    evidence = data.draw(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=length,
                                 max_size=length))
    at = data.draw(st.integers(0, len(evidence) - 1))
    end = data.draw(st.integers(at + 1, min(len(evidence), at + 120)))
    sentence_at = data.draw(st.integers(0, 10_000))
    record = {"evidence": evidence, "evidence_start": sentence_at, "start": sentence_at + at, "end": sentence_at + end}
    window = _evidence_window(record)
    bold = [window.plain[span.start:span.end] for span in window.spans if span.style == "bold"]
    assert bold == [evidence[at:end]]
    assert len(window.plain) <= max(80, end - at) + 2  # two ellipses at most
    assert window.plain.strip("…") in evidence or evidence in window.plain


def test_table_evidence_falls_back_to_the_sentence_start_on_foreign_offsets():
    from chitieu.cli import _evidence_window

    window = _evidence_window({"evidence": "x" * 100, "evidence_start": 50, "start": 10, "end": 12})
    assert window.plain == "x" * 80 + "…" and not window.spans
