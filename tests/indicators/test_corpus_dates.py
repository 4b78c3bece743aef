"""A corpus's manifest (`sources.tsv`: file, URL, publication date) gives each document the date the
pipeline would know, for `chitieu extract` and `chitieu eval` alike: the year of a stock and of "năm qua"
depend on it. Texts here are written here."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from chitieu.cli import app
from indicators.evaluation import load_corpus, predict, read_sources

TEXT = "Trong năm qua, Đảng bộ xã kết nạp 14 đảng viên. Hiện Đảng bộ có 310 đảng viên."


def _corpus(tmp_path, manifest: str):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(TEXT, encoding="utf-8")
    (docs / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "sources.tsv").write_text(manifest, encoding="utf-8")
    return docs


def test_the_manifest_reads_days_months_and_years_and_skips_unknown_dates(tmp_path):
    path = tmp_path / "sources.tsv"
    path.write_text("a.txt\thttps://x.vn/a\t2021-01-12\nb.txt\thttps://x.vn/b\t2019-06\nc.txt\thttps://x.vn/c\t2018\n"
                    "d.txt\thttps://x.vn/d\t\n\n", encoding="utf-8")
    assert read_sources(path) == {"a.txt": date(2021, 1, 12), "b.txt": date(2019, 6, 1), "c.txt": 2018}


def test_a_first_line_of_column_names_is_a_header_and_a_word_later_is_still_an_error(tmp_path):
    path = tmp_path / "sources.tsv"
    path.write_text("file\turl\tpublication date\na.txt\thttps://x.vn/a\t2021-01-12\n", encoding="utf-8")
    assert read_sources(path) == {"a.txt": date(2021, 1, 12)}
    path.write_text("a.txt\thttps://x.vn/a\t2021-01-12\nb.txt\thttps://x.vn/b\tunknown\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"sources\.tsv:2: 'unknown' is no date"):
        read_sources(path)


@pytest.mark.parametrize("bad", ["12/01/2021", "2021-13-01", "21-01-12"])
def test_a_date_the_manifest_cannot_read_is_an_error_naming_its_line(tmp_path, bad):
    path = tmp_path / "sources.tsv"
    path.write_text(f"a.txt\thttps://x.vn/a\t2021-01-12\nb.txt\thttps://x.vn/b\t{bad}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"sources\.tsv:2: .* is no date"):
        read_sources(path)


def test_extract_and_eval_date_each_document_from_the_manifest_beside_its_folder(tmp_path):
    docs = _corpus(tmp_path, "a.txt\thttps://x.vn/a\t2021-01-12\nb.txt\thttps://x.vn/b\t2019\n")
    result = CliRunner().invoke(app, ["extract", str(docs / "a.txt"), str(docs / "b.txt"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    years = {(r["doc"], r["metric"]): r["year"] for r in map(json.loads, result.stdout.splitlines())}
    # published in January 2021: "năm qua" is 2020 and the stock is counted in 2021; with a year alone, "năm
    # qua" cannot be told from the year before and the article's year is all there is
    assert years == {("a.txt", "new_members"): 2020, ("a.txt", "total_members"): 2021,
                     ("b.txt", "new_members"): 2019, ("b.txt", "total_members"): 2019}
    corpus = load_corpus("t", docs, tmp_path / "gold.jsonl")
    assert {(r["doc"], r["metric"]): r["year"] for r in predict(corpus)} == years


def test_published_on_the_command_line_wins_and_a_bad_manifest_is_a_clear_error(tmp_path):
    docs = _corpus(tmp_path, "a.txt\thttps://x.vn/a\t2021-01-12\n")
    result = CliRunner().invoke(app, ["extract", str(docs / "a.txt"), "--published", "2017-12-20"])
    assert {r["year"] for r in map(json.loads, result.stdout.splitlines())} == {2017}
    (tmp_path / "sources.tsv").write_text("a.txt\thttps://x.vn/a\tsoon\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(docs / "a.txt")])
    assert result.exit_code == 2 and "sources.tsv:1" in result.stderr
