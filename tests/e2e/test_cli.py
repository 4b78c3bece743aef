"""The command line end to end: parse, extract, and the offline demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from demo_helpers import table_counts
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


@pytest.mark.parametrize("host, source", [("nghean.example.vn", None), ("baonghean.vn", "baonghean.vn")])
def test_parse_a_known_family_on_a_host_with_no_source_file_or_one_that_names_no_family(host, source):
    """`chitieu parse` reads the page with the 1cdn / NEKO preset its markup names, on a host no source file
    owns and on baonghean.vn, whose file names no family yet."""
    page = REPO / "tests/scrapers/unseen/baonghean.vn/ket-nap-dang-vien-moi-712345.html"
    url = f"https://{host}/huyen-mien-nui-ket-nap-215-dang-vien-moi-712345.html"
    result = runner.invoke(app, ["parse", str(page), "--url", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["layout"], data["source"]) == ("neko", source)
    assert data["title"] == "Huyện miền núi kết nạp 215 đảng viên mới trong năm"
    assert data["published_at"] == "2026-03-04T19:15:30+07:00"  # the meta's "3/4/2026 7:15:30 PM", month first
    assert data["author"] == "Hồng Nhung" and data["body"].startswith("Theo Ban Tổ chức Huyện ủy")


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
    (["reextract", "--since", "2025-1-1x"], "--since must be a date YYYY-MM-DD"),
    (["reextract", "--source", "x"], "unknown source(s): x;"),
    (["reextract", "--workers", "0"], "--workers must be at least 1, got 0"),
    (["sources", "check", "x"], "unknown source(s): x; known: baoangiang.com.vn"),
    (["extract", "/nonexistent.txt", "--published", "2025-02-30"], "--published must be a date YYYY-MM-DD"),
])
def test_bad_options_are_refused_before_any_flow_starts(args, message, tmp_path, monkeypatch):
    import flows.backfill
    import flows.nightly
    import flows.reextract
    import flows.reparse

    def no_flow(*a, **k):
        raise AssertionError("a flow was started")

    for module, name in ((flows.nightly, "nightly"), (flows.backfill, "backfill"), (flows.reparse, "reparse"),
                         (flows.reextract, "reextract")):
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


def test_demo_runs_offline_and_reports(demo_run):
    after_first = table_counts(demo_run.db)
    assert after_first["articles"] >= 60 and after_first["indicators"] > 100 and after_first["quarantine"] > 0
    reports = list((demo_run.root / "data" / "reports").glob("*/summary.html"))
    assert reports, demo_run.stdout[-2000:]
    # written to a pipe (as to a cron log), the run table keeps whole source names and headers
    for cell in ("baogialai.com.vn", "baoquangninh.vn", "quarantined"):
        assert f"│ {cell}" in demo_run.stdout or f"┃ {cell}" in demo_run.stdout, demo_run.stdout[-3000:]
    assert "quality gate: passed" in demo_run.stdout  # and each source's failures, once each:
    truncated = [line for line in demo_run.stdout.splitlines() if "truncated body" in line]
    assert len(truncated) == 1 and truncated[0].lstrip().startswith("baogialai.com.vn: article https://")


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
