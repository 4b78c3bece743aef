"""Page processing: parse + normalise + extract, pages per second on one core, against peers.

Four things run over the very same bytes in the same process, pinned to one CPU:
- chitieu: `pipeline.steps.parse_and_extract` (layout parse, normalisation, indicator extraction and
  the Party-building test: everything a night does to a page between the archive and the loader);
- peer: `trafilatura.extract` (main-text extraction only: no dates, no indicators);
- floor: a bare `lxml.html.fromstring` parse, which every HTML tool pays at least once;
- least work: `least_work`, the part of chitieu's work no version of it can skip (below), so that
  each run shows how much of the goal's time budget is left for everything else.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from benchmarks.common import Result, Size, throughputs, unavailable
from benchmarks.corpus import MINIWEB_SITE, miniweb_articles, real_articles, synthetic_corpus

# the goal: chitieu at least 4x trafilatura's pages per second on the real pages (issue 23; the earlier 5x on the
# small mini-web pages is retired)
GOAL = 4.0
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def least_work(html: str | bytes, url: str, source) -> list[str]:
    """The digit runs of a page's article body, found the cheapest way chitieu's own parts allow.

    Not a page processor: it reads no title, date or author, cleans nothing and decides nothing. It
    is what every version of chitieu must do at the least (decode and parse the page, find the
    body by the source's layouts, copy it, since captions and ads must be cut from it and the page's
    own tree is never changed, take its text, normalise it, find the figures), so its time per page
    is a floor under ours, and the goal leaves `1 / (GOAL * trafilatura's rate) - this floor` per
    page for all the rest. Raises LookupError for a page that no layout of `source` reads.
    """
    from indicators.normalise import normalise_text
    from scrapers.page import Page, text_content
    from scrapers.parse import _first  # the layouts' own body lookup

    page = Page(html, url)
    body = next((el for layout in source.layouts if (el := _first(page, layout.body)) is not None), None)
    if body is None:  # the generic fallback's page: what it must do at the least is not defined here
        raise LookupError(f"no layout of {source.name} finds the body of {url}")
    return _DIGITS.findall(normalise_text(text_content(copy.deepcopy(body))))


@contextmanager
def _one_core() -> Iterator[str]:
    """Pin this process to one CPU while measuring, then give the others back.

    Giving them back matters: run_all runs the other benchmarks in this process afterwards, and the
    child processes they start (the nights, the Prefect API) would inherit the single CPU.
    """
    try:
        before = os.sched_getaffinity(0)
        cpu = sorted(before)[0]
        os.sched_setaffinity(0, {cpu})
    except (AttributeError, OSError):
        yield "not pinned (no sched_setaffinity)"
        return
    try:
        yield f"pinned to CPU {cpu}"
    finally:
        os.sched_setaffinity(0, before)


def _measure(pages, sources, repeat: int, chunks: int = 1) -> dict[str, tuple[float, int]]:
    import lxml.html
    import trafilatura

    from indicators.extract import extract
    from pipeline.steps import parse_and_extract
    from scrapers.parse import parse_page
    from scrapers.records import ParseError

    items = [(p, sources[p.host]) for p in pages if p.host in sources]
    articles = []
    for page, source in items:
        try:
            articles.append(parse_page(page.html, page.url, source))
        except ParseError:
            pass
    return throughputs({
        "chitieu": (lambda it: parse_and_extract(it[0].html, it[0].url, it[1]), items),
        "parse": (lambda it: parse_page(it[0].html, it[0].url, it[1]), items),
        "extract": (lambda a: extract(a.text, published=a.published_at), articles),
        "trafilatura": (lambda it: trafilatura.extract(it[0].html), items),
        "lxml": (lambda it: lxml.html.fromstring(it[0].html), items),
        "least": (lambda it: least_work(it[0].html, it[0].url, it[1]), items),
    }, repeat=repeat, chunks=chunks)


@dataclass(frozen=True)
class _Plan:
    variants: int
    web_passes: int
    web_slices: int
    variant_passes: int
    real_passes: int
    pages: int | None = None  # the first N mini-web pages only (None: all)


_PLANS: dict[Size, _Plan] = {"full": _Plan(5000, 5, 4, 2, 20), "quick": _Plan(1000, 5, 4, 2, 20),
                             "smoke": _Plan(20, 1, 1, 1, 1, pages=8)}


def run(size: Size = "full") -> Result:
    title = "Page processing (pages/second, one core)"
    try:
        import trafilatura  # noqa: F401

        from pipeline.steps import parse_and_extract  # noqa: F401
        from scrapers.config import load_sources
        from scrapers.parse import parse_page  # noqa: F401

        pages = miniweb_articles()
    except (ImportError, FileNotFoundError) as exc:
        return unavailable("page_processing", title, exc)
    if not pages:
        return unavailable("page_processing", title, FileNotFoundError(f"no article pages in {MINIWEB_SITE}"))
    sources = load_sources()
    plan = _PLANS[size]
    pages = pages[:plan.pages]
    corpus = synthetic_corpus(pages, plan.variants)
    real, real_sources = real_articles()
    variant_slices = max(1, plan.variants // 250)
    # (corpus, pages, their sources, passes, slices measured in turn: see benchmarks.common.throughputs)
    runs = [("mini-web articles", pages, sources, plan.web_passes, plan.web_slices),
            (f"{plan.variants:,} variants", corpus, sources, plan.variant_passes, variant_slices)]
    if real:
        runs.append(("real pages (../shared)", real, real_sources, plan.real_passes, 1))
    result = Result("page_processing", title,
                    ["corpus", "pages", "chitieu pages/s", "trafilatura pages/s", "lxml parse pages/s",
                     "chitieu / trafilatura", "chitieu / lxml floor", "parse_page only pages/s",
                     "extract only pages/s", "least-work pages/s",
                     "ms/page beyond least work: chitieu / goal's budget", "chitieu ParseErrors"])
    with _one_core() as pinned:
        # warm-up: imports, lru caches, compiled selectors, so the first timed page is not paying for them
        _measure(pages[:5], sources, repeat=1)
        for name, corpus_pages, corpus_sources, repeat, chunks in runs:
            rates = _measure(corpus_pages, corpus_sources, repeat, chunks)
            ours, failures = rates["chitieu"]
            peer, (least, no_layout) = rates["trafilatura"][0], rates["least"]
            beyond = "-" if no_layout else \
                f"{1000 / ours - 1000 / least:.2f} / {1000 / (GOAL * peer) - 1000 / least:.2f}"
            result.rows.append([name, len(corpus_pages), ours, peer, rates["lxml"][0], ours / peer,
                                ours / rates["lxml"][0], rates["parse"][0], rates["extract"][0],
                                "-" if no_layout else least, beyond, failures])
    total_bytes = sum(len(p.html) for p in pages)
    result.notes += [
        f"Process {pinned} while measuring. The six functions take turns, so that a slow spell of the "
        f"machine falls on all alike: on each slice of the mini-web pages ({plan.web_slices}) and of the variants "
        f"({variant_slices}), every function runs in turn, {plan.web_passes} and {plan.variant_passes} "
        "time(s) respectively, and keeps its best.",
        f"Mini-web: {len(pages)} article pages from the manifest (bad pages included), "
        f"{total_bytes / len(pages) / 1024:.0f} KiB on average; variants change ids, figures and indentation.",
        "chitieu = `pipeline.steps.parse_and_extract` (parse, normalise, extract indicators, Party-building test); "
        f"trafilatura = `trafilatura.extract(html)` (main text only). Goal: ≥ {GOAL:g}× trafilatura on the real pages. "
        "The two last rate columns split chitieu's time: `scrapers.parse.parse_page` alone and "
        "`indicators.extract.extract` alone (on the parsed text).",
        "least work = `benchmarks.page_processing.least_work`: decode and parse the page, find the body by the "
        "source's layouts, copy it, take its text, normalise it, find its digit runs; what no version of chitieu "
        "can skip, so a floor under its time. The column after it compares the time chitieu spends on everything "
        f"else (ms per page) with what the goal of {GOAL:g}x trafilatura leaves for it: 1 / ({GOAL:g} × "
        "trafilatura's rate) − the least work's time. Both show '-' for a corpus with a page that no layout "
        "reads (the generic fallback's), for which this floor is not defined.",
    ]
    if real:
        result.notes.append(
            f"Real pages: {len(real)} article pages read from ../shared/fixtures/real "
            f"({sum(len(p.html) for p in real) / len(real) / 1024:.0f} KiB on average, navigation and all), "
            f"best of {plan.real_passes} passes; the ONECMS and 1cdn/NEKO pages through their family's preset, the "
            "home-grown CMSs (baocantho, znews) through the generic fallback. trafilatura's cost grows with the "
            "page, ours mostly with the article.")
    if size != "full":
        result.notes.append(f"--{size}: {plan.variants:,} variants instead of 5,000"
                            + (f", the first {plan.pages} mini-web pages, one pass each." if plan.pages else "."))
    return result


if __name__ == "__main__":
    import sys

    print(run("quick" if "--quick" in sys.argv else "full").markdown())
