"""Page evaluation: how well article pages parse, against what a reader sees, beside trafilatura.

Three sets of pages are scored, each checked the same way:
- real: every page with an entry in `../shared/fixtures/real/expected.json` (saved from public
  repositories; read in place, never copied into the project);
- unseen: pages of layouts nobody here wrote parsers for, written for this project in its own words
  (`tests/scrapers/unseen/`, same `expected.json` format plus the whole body), kept aside from the
  presets to check that the generic path and the family recognition generalise;
- miniweb: the bundled mini-web's good article pages, whose title, date, sapo and body the
  generator states.

Per page: title, publication day, author, sapo start, body start and end, and no `absent` string in the body
(the `right` verdict uses title, day, body start and end, absent), plus token precision / recall /
F1 of the body text against the reference body, for chitieu's body and for `trafilatura.extract`'s
text of the same page (the peer). For real pages the reference body is the page's own block text
from the expected first paragraph to the expected last one, captions, scripts and `absent` strings
taken out; for the others it is stated with the page.

`load_cases` does the reading, `evaluate` is a pure function of the cases, `render` makes a plain
text table; `python -m tools.page_eval [--shared PATH] [--pages DIR]` prints it.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from indicators.normalise import normalise_text

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = PROJECT.parent / "shared"
UNSEEN_PAGES = PROJECT / "tests" / "scrapers" / "unseen"
MINIWEB_SITE = PROJECT / "chitieu" / "miniweb" / "site"
TARGET_CHECKS = ("title", "day", "first", "last", "absent")
_WORD = re.compile(r"\w+")
_DATELINE = re.compile(r"^\s*\(\s*[^()\n]{2,30}?\s*\)\s*[-–—:]+\s*")


@dataclass(frozen=True)
class PageCase:
    """One page and what a reader sees on it. Fields left None are not checked."""

    name: str
    kind: str  # "real" | "unseen" | "miniweb"
    url: str
    html: bytes
    title: str | None = None
    day: date | None = None
    author: str | None = None
    sapo: str | None = None  # its first characters (a dateline such as "(PLO)- " is ignored)
    first: str | None = None  # the first characters of the body's first paragraph
    last: str | None = None  # the last characters of the body's last paragraph
    absent: tuple[str, ...] = ()
    body: str | None = None  # the whole reference body, when stated; else derived (real pages)


@dataclass(frozen=True)
class BodyScore:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class PageScore:
    name: str
    kind: str
    layout: str | None  # the path that produced the article; None when parsing failed
    checks: dict[str, bool] = field(default_factory=dict)
    error: str | None = None
    ours: BodyScore | None = None
    peer: BodyScore | None = None  # trafilatura.extract on the same page

    @property
    def right(self) -> bool:
        return self.error is None and all(self.checks.get(name, True) for name in TARGET_CHECKS)


@dataclass(frozen=True)
class KindSummary:
    kind: str
    pages: int
    right: int
    ours: BodyScore  # micro-averaged over the pages' tokens
    peer: BodyScore


@dataclass(frozen=True)
class PageEval:
    pages: tuple[PageScore, ...]
    summaries: tuple[KindSummary, ...]

    @property
    def all_right(self) -> bool:
        return all(page.right for page in self.pages)


# ------------------------------------------------------------------ scoring (pure)


def tokens(text: str | None) -> Counter:
    """The body's words, normalised (NFC, one tone-mark convention) and case-folded, as a multiset."""
    return Counter(_WORD.findall(normalise_text(text or "").casefold()))


def _prf(got: Counter, want: Counter) -> tuple[int, int, int]:
    return sum((got & want).values()), sum(got.values()), sum(want.values())


def _score(overlap: int, got: int, want: int) -> BodyScore:
    precision = overlap / got if got else 0.0
    recall = overlap / want if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BodyScore(round(precision, 4), round(recall, 4), round(f1, 4))


def body_score(got: str | None, want: str) -> BodyScore:
    """Token precision / recall / F1 of `got` against the reference body `want`."""
    return _score(*_prf(tokens(got), tokens(want)))


def _norm(text: str | None) -> str:
    return " ".join(normalise_text(text or "").split())


def _undated(text: str) -> str:
    return _DATELINE.sub("", text, count=1)


def reference_body(case: PageCase) -> str | None:
    """The case's stated body, or for a real page the block text of the page from `first` to `last`."""
    if case.body is not None:
        return case.body
    if not case.first or not case.last:
        return None
    from scrapers import clean
    from scrapers.page import Page, drop_tree

    page = Page(case.html, case.url)
    for element in list(page.doc.iter("script", "style", "noscript", "template", "figcaption", "head")):
        if element.getparent() is not None:
            drop_tree(element)
    for element in list(page.doc.iter()):
        if isinstance(element.tag, str) and "caption" in (element.get("class") or "").lower() \
                and element.getparent() is not None:
            drop_tree(element)
    text = "\n".join(_norm(p) for p in clean.paragraphs(page.doc))
    start = text.find(_norm(case.first))
    end = text.find(_norm(case.last), max(start, 0))
    if start < 0 or end < 0:
        return None
    body = text[start:end + len(_norm(case.last))]
    for junk in case.absent:
        body = body.replace(_norm(junk), " ")
    return body


def _checks(case: PageCase, article) -> dict[str, bool]:
    paragraphs = article.body.split("\n\n") if article.body else [""]
    checks: dict[str, bool] = {}
    if case.title is not None:
        checks["title"] = _norm(article.title) == _norm(case.title)
    if case.day is not None:
        checks["day"] = article.published_at is not None and article.published_at.date() == case.day
    if case.author is not None:
        checks["author"] = _norm(article.author).casefold() == _norm(case.author).casefold()
    if case.sapo is not None:
        checks["sapo"] = _undated(_norm(article.sapo)).startswith(_undated(_norm(case.sapo)))
    if case.first is not None:
        checks["first"] = _norm(paragraphs[0]).startswith(_norm(case.first))
    if case.last is not None:
        checks["last"] = _norm(paragraphs[-1]).endswith(_norm(case.last))
    if case.absent:
        body = _norm(article.body)
        checks["absent"] = not any(_norm(junk) in body for junk in case.absent)
    return checks


def _peer_text(html: bytes) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def evaluate(cases: Iterable[PageCase]) -> PageEval:
    """Score every case: chitieu's parse (`scrapers.parse.parse_page`, no source given, as a new user
    would run `chitieu parse`) and trafilatura's text, against the case's expectations."""
    from scrapers.parse import parse_page
    from scrapers.records import ParseError

    scores: list[PageScore] = []
    totals: dict[str, list[list[int]]] = {}
    for case in cases:
        want = reference_body(case)
        peer_text = _peer_text(case.html)
        kind_totals = totals.setdefault(case.kind, [[0, 0, 0], [0, 0, 0]])
        peer = None
        if want is not None:
            counts = _prf(tokens(peer_text), tokens(want))
            kind_totals[1] = [a + b for a, b in zip(kind_totals[1], counts, strict=True)]
            peer = _score(*counts)
        try:
            article = parse_page(case.html, case.url)
        except ParseError as exc:
            if want is not None:
                kind_totals[0] = [a + b for a, b in zip(kind_totals[0], (0, 0, sum(tokens(want).values())),
                                                        strict=True)]
            scores.append(PageScore(case.name, case.kind, None, {}, str(exc), body_score("", want or ""), peer))
            continue
        ours = None
        if want is not None:
            counts = _prf(tokens(article.body), tokens(want))
            kind_totals[0] = [a + b for a, b in zip(kind_totals[0], counts, strict=True)]
            ours = _score(*counts)
        scores.append(PageScore(case.name, case.kind, article.layout, _checks(case, article), None, ours, peer))
    summaries = tuple(
        KindSummary(kind, sum(1 for s in scores if s.kind == kind), sum(1 for s in scores if s.kind == kind and s.right),
                    _score(*ours), _score(*peer))
        for kind, (ours, peer) in totals.items()
    )
    return PageEval(tuple(scores), summaries)


# ------------------------------------------------------------------ rendering (pure)


def _mark(checks: dict[str, bool], name: str) -> str:
    return "-" if name not in checks else ("ok" if checks[name] else "NO")


def _f(score: BodyScore | None) -> str:
    return "-" if score is None else f"{score.f1:.3f}"


def render(result: PageEval) -> str:
    """A plain-text table: one row per page, then one summary row per set of pages."""
    header = ["page", "layout", "title", "day", "author", "sapo", "first", "last", "absent", "right", "F1 ours", "F1 peer",
              "P/R ours"]
    rows = [header]
    for page in result.pages:
        pr = "-" if page.ours is None else f"{page.ours.precision:.2f}/{page.ours.recall:.2f}"
        rows.append([page.name if len(page.name) <= 60 else "…" + page.name[-59:], page.layout or f"ERROR: {page.error}"[:40],
                     *(_mark(page.checks, c) for c in ("title", "day", "author", "sapo", "first", "last", "absent")),
                     "yes" if page.right else "NO", _f(page.ours), _f(page.peer), pr])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    for summary in result.summaries:
        lines.append(
            f"{summary.kind}: {summary.right}/{summary.pages} pages right; body tokens P/R/F1 chitieu "
            f"{summary.ours.precision:.3f}/{summary.ours.recall:.3f}/{summary.ours.f1:.3f}, trafilatura "
            f"{summary.peer.precision:.3f}/{summary.peer.recall:.3f}/{summary.peer.f1:.3f}")
    return "\n".join(lines)


# ------------------------------------------------------------------ reading the cases (I/O)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def expected_cases(folder: Path, kind: str) -> list[PageCase]:
    """The pages of `folder/expected.json` (the format of ../shared/fixtures/real); [] when absent."""
    manifest = folder / "expected.json"
    if not manifest.is_file():
        return []
    cases = []
    for file, entry in json.loads(manifest.read_text(encoding="utf-8")).items():
        path = folder / file
        if not path.is_file():
            continue
        body = entry.get("body")
        cases.append(PageCase(
            name=f"{kind}/{file}", kind=kind, url=entry["url"], html=path.read_bytes(), title=entry.get("title"),
            day=_day(entry.get("date")), author=entry.get("author"), sapo=entry.get("sapo"), first=entry.get("first"), last=entry.get("last"),
            absent=tuple(entry.get("absent", ())), body="\n\n".join(body) if isinstance(body, list) else body))
    return cases


def miniweb_cases(site: Path = MINIWEB_SITE) -> list[PageCase]:
    """The mini-web's good article pages, with the body its generator wrote (its plan is seeded, so the
    plan and the snapshot agree; a test re-renders the snapshot from it)."""
    manifest = site / "manifest.json"
    if not manifest.is_file():
        return []
    from tools.miniweb.generate import plan  # the generator states the planted text (test data)

    bodies = {a.url: [b for b in a.story.blocks if isinstance(b, str)] for a in plan(1)}
    cases = []
    for entry in json.loads(manifest.read_text(encoding="utf-8"))["articles"]:
        path = site / entry["file"]
        blocks = bodies.get(entry["url"])
        if entry.get("bad") or not path.is_file() or not blocks:
            continue
        cases.append(PageCase(
            name=f"miniweb/{entry['file']}", kind="miniweb", url=entry["url"], html=path.read_bytes(),
            title=entry["title"], day=_day(entry.get("published_at")), author=entry.get("author"),
            sapo=entry.get("sapo"),
            first=blocks[0][:60], last=blocks[-1][-60:], body="\n\n".join(blocks)))
    return cases


def load_cases(shared: Path | None = DEFAULT_SHARED, pages: Sequence[Path] = (UNSEEN_PAGES,),
               site: Path | None = MINIWEB_SITE) -> list[PageCase]:
    """Every case there is: the shared real pages (when `shared` exists), the unseen pages, the mini-web."""
    cases: list[PageCase] = []
    if shared is not None:
        cases += expected_cases(Path(shared) / "fixtures" / "real", "real")
    for folder in pages:
        cases += expected_cases(Path(folder), "unseen")
    if site is not None:
        cases += miniweb_cases(Path(site))
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.page_eval", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (../shared)")
    parser.add_argument("--pages", type=Path, action="append", help="a folder of pages with expected.json")
    args = parser.parse_args(argv)
    result = evaluate(load_cases(args.shared, args.pages or (UNSEEN_PAGES,)))
    print(render(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
