"""The page evaluation (tools.page_eval): every real fixture page right when ../shared is present,
the unseen layouts right, the mini-web's pages right, and our body at least as good as trafilatura's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tools import page_eval
from tools.page_eval import PageCase, body_score, evaluate, expected_cases, load_cases, render

REAL = page_eval.DEFAULT_SHARED / "fixtures" / "real"


def _assert_all_right(result) -> None:
    wrong = {p.name: (p.error or {k: v for k, v in p.checks.items() if not v}) for p in result.pages if not p.right}
    assert not wrong, render(result)


@pytest.mark.skipif(not (REAL / "expected.json").exists(), reason="../shared/fixtures/real not available")
def test_every_real_fixture_page_is_right_and_beats_trafilatura():
    cases = expected_cases(REAL, "real")
    assert len(cases) >= 3
    result = evaluate(cases)
    _assert_all_right(result)
    (summary,) = result.summaries
    assert summary.ours.f1 >= summary.peer.f1
    for page in result.pages:
        assert page.checks.get("author") is not False, page.name


def test_unseen_layouts_are_right():
    cases = expected_cases(page_eval.UNSEEN_PAGES, "unseen")
    assert len(cases) >= 8
    result = evaluate(cases)
    _assert_all_right(result)
    assert all(page.checks["author"] for page in result.pages), render(result)
    assert result.summaries[0].ours.f1 >= result.summaries[0].peer.f1


@pytest.mark.skipif(not (page_eval.MINIWEB_SITE / "manifest.json").exists(), reason="mini-web not built")
def test_miniweb_pages_are_right():
    result = evaluate(page_eval.miniweb_cases())
    assert len(result.pages) >= 50
    _assert_all_right(result)
    assert result.summaries[0].ours.f1 >= result.summaries[0].peer.f1


def test_a_wrong_page_is_reported_wrong():
    html = ("<html><head><title>Tin thử</title><meta property='og:type' content='article'>"
            "<meta property='article:published_time' content='2024-05-02T10:00:00+07:00'></head><body>"
            "<div class='post-content'><p>Đoạn một nói về hội nghị của chi bộ khu phố, có đủ chữ để là một đoạn văn.</p>"
            "<p>Đoạn hai kể kết quả: kết nạp 12 đảng viên mới trong năm, vượt chỉ tiêu đề ra.</p></div></body></html>")
    case = PageCase(name="x", kind="test", url="https://x.example/tin-thu.html", html=html.encode(), title="Tin khác",
                    day=date(2024, 5, 3), first="Đoạn một", last="vượt chỉ tiêu đề ra.", absent=("kết nạp 12",),
                    body="Đoạn một nói về hội nghị của chi bộ khu phố")
    result = evaluate([case])
    (page,) = result.pages
    assert page.checks == {"title": False, "day": False, "first": True, "last": True, "absent": False}
    assert not page.right and not result.all_right
    assert page.ours.recall == 1.0 and page.ours.precision < 1.0
    table = render(result)
    assert "NO" in table and "test: 0/1 pages right" in table


def test_body_score_counts_tokens():
    assert body_score("a b c", "a b c").f1 == 1.0
    score = body_score("a b x y", "a b c d")
    assert (score.precision, score.recall, score.f1) == (0.5, 0.5, 0.5)
    assert body_score("", "a").f1 == 0.0


def test_command_line_prints_the_table(capsys, tmp_path: Path):
    assert page_eval.main(["--shared", str(tmp_path / "none"), "--pages", str(page_eval.UNSEEN_PAGES)]) == 0
    out = capsys.readouterr().out
    count = len(expected_cases(page_eval.UNSEEN_PAGES, "unseen"))
    assert f"unseen: {count}/{count} pages right" in out and "F1 peer" in out
    assert len(load_cases(tmp_path / "none", (), None)) == 0
