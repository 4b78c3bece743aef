"""`chitieu sources check` and `chitieu sources lint`: is a source file right, and does the site still
look the way it says?

`check_source` is what an operator runs on the first day with a live network (and after a site
changes): robots.txt, every feed, sitemap and listing the file names, then one article parsed and
its indicators extracted. Each step is one row with a verdict and a one-line reason, so a table
shows at a glance which part of which paper needs its YAML fixed. The requests go through the
normal polite fetcher (robots.txt obeyed, one connection per host, the politeness delay).

`lint_all` adds to the file checks of `scrapers.config.lint_sources` the checks against the
province reference (warehouse/provinces_2025.yaml): a source's province is an earlier province, an
active source's is one of the 34 current units, every unit has exactly one active paper, and an
archival paper merged into the paper of the unit its province joined.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from scrapers.config import PRESETS_DIR, SOURCES_DIR, Source, lint_sources, load_source_file


@dataclass(frozen=True)
class CheckRow:
    source: str
    check: str  # robots | feed | sitemap | listing | article
    url: str
    ok: bool
    detail: str


@dataclass
class SourceCheck:
    source: str
    rows: list[CheckRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(row.ok for row in self.rows)

    @property
    def failures(self) -> list[str]:
        return [f"{row.check} {row.url}: {row.detail}" for row in self.rows if not row.ok]


def _http_problem(result) -> str:
    return result.error or f"HTTP {result.status}"


def check_source(source: Source, fetcher) -> SourceCheck:
    """Check one source against its site (or the server its base-URL override points at)."""
    from scrapers.discovery import (
        DiscoveryError,
        article_url,
        listing_page_url,
        parse_listing,
        parse_sitemap,
        read_feed,
    )

    out = SourceCheck(source.name)

    def add(check: str, url: str, ok: bool, detail: str) -> None:
        out.rows.append(CheckRow(source.name, check, url, ok, detail))

    robots_url = source.absolute("/robots.txt")
    policy = fetcher.robots_policy(robots_url, source)
    add("robots", robots_url, not policy.unreachable,
        policy.note + (f", crawl-delay {policy.crawl_delay:g} s" if policy.crawl_delay else ""))

    def fetched(check: str, url: str, parse):
        """`parse(content)` of the page at `url` (a feed or a sitemap); None once the row says why not."""
        result = fetcher.fetch(url, source, page_type=check)
        if not result.ok:
            add(check, url, False, _http_problem(result))
            return None
        try:
            return parse(result.content)
        except DiscoveryError as exc:
            add(check, url, False, str(exc))
            return None

    candidates: list[str] = []
    for feed in source.discovery.feeds:
        url = source.absolute(feed)
        read = fetched("feed", url, lambda content: read_feed(content, source))
        if read is None:
            continue
        candidates += [link.url for link in read.links]
        add("feed", url, bool(read.links), f"{len(read.links)} article links"
            + ("" if read.links else " (check discovery.article_url_pattern)")
            + (f"; {read.problem}" if read.problem else ""))
    for sitemap in source.discovery.sitemaps:
        url = source.absolute(sitemap)
        parsed = fetched("sitemap", url, parse_sitemap)
        if parsed is None:
            continue
        links = [u for link in parsed.urls if (u := article_url(link.url, source))]
        candidates += links
        if parsed.children:
            add("sitemap", url, True, f"index of {len(parsed.children)} sitemaps")
        else:
            add("sitemap", url, bool(links), f"{len(links)} article links"
                + ("" if links else " (check discovery.article_url_pattern)"))
    for listing in source.discovery.listings:
        url = listing_page_url(source, listing, 1)
        result = fetcher.fetch(url, source, page_type="listing")
        if not result.ok:
            add("listing", url, False, _http_problem(result))
            continue
        links = [link.url for link in parse_listing(result.content, source.real_url(result.final_url or url),
                                                    listing, source)]
        candidates += links
        add("listing", url, bool(links), f"{len(links)} article links"
            + ("" if links else " (check link_selector and article_url_pattern)"))

    _check_article(source, fetcher, list(dict.fromkeys(candidates)), add)
    return out


def _check_article(source: Source, fetcher, candidates: list[str], add) -> None:
    """Parse the first article that fetches; report what an analyst would get from it."""
    from indicators.extract import extract
    from scrapers.parse import parse_page
    from scrapers.records import ParseError

    if not candidates:
        add("article", source.base_url, False, "no article link found by any feed, sitemap or listing")
        return
    problems = []
    for url in candidates[:3]:  # a removed article is not the paper's fault: try the next one
        page = fetcher.fetch(url, source)
        if not page.ok:
            problems.append(f"{url}: {_http_problem(page)}")
            continue
        try:
            article = parse_page(page.content, page.final_url or page.url, source)
        except ParseError as exc:
            add("article", url, False, f"not parsed: {exc}")
            return
        indicators = extract(article.text, published=article.published_at, normalised=True)
        day = article.published_at.date().isoformat() if article.published_at else "no date"
        title = article.title if len(article.title) <= 50 else article.title[:49] + "…"
        add("article", url, article.published_at is not None,
            f"{title} · {day} · body {len(article.body):,} chars · {len(indicators)} indicators"
            f" · layout {article.layout or 'generic'}")
        return
    add("article", candidates[0], False, "; ".join(problems))


def check_sources(sources: Iterable[Source], fetcher) -> list[SourceCheck]:
    """Every source at once (one thread each; requests to one host still queue politely)."""
    sources = list(sources)
    if not sources:
        return []
    with ThreadPoolExecutor(max_workers=min(16, len(sources))) as pool:
        return list(pool.map(lambda s: check_source(s, fetcher), sources))


# ---------------------------------------------------------------- lint


def lint_all(directory: Path = SOURCES_DIR, presets: Path = PRESETS_DIR) -> list[str]:
    """File problems (scrapers.config.lint_sources) plus the province checks, one line each."""
    from warehouse.provinces import reference

    problems = lint_sources(directory, presets)
    ref = reference()
    provinces = ref.by_code()
    sources: dict[str, tuple[Path, Source]] = {}
    for path in sorted(directory.glob("*.yaml")):
        try:
            source = load_source_file(path)
        except ValueError:
            continue  # already reported by lint_sources
        sources[source.name] = (path, source)
    active_of_unit: dict[str, list[str]] = {}
    for name, (path, source) in sources.items():
        province = provinces.get(source.province)
        if province is None:
            problems.append(f"{path}: province {source.province!r} is not in warehouse/provinces_2025.yaml")
            continue
        if source.province_name != province.name_vi:
            problems.append(f"{path}: province_name {source.province_name!r} should be {province.name_vi!r}")
        if source.status == "active":
            if not province.is_current_unit:
                problems.append(f"{path}: an active source's province must be one of the 34 units since "
                                f"2025-07-01; {source.province} joined {province.province_2025}")
            active_of_unit.setdefault(province.province_2025, []).append(name)
        elif source.merged_into in sources:
            target = sources[source.merged_into][1]
            if provinces.get(target.province) and province.province_2025 != target.province:
                problems.append(f"{path}: {source.province} joined {province.province_2025} on "
                                f"{ref.effective}, but merged_into {target.name} is the paper of {target.province}")
    for unit in ref.units:
        papers = active_of_unit.get(unit.code, [])
        if len(papers) != 1:
            problems.append(f"{directory}: the unit {unit.code} has {len(papers)} active sources "
                            f"({', '.join(sorted(papers)) or 'none'}); expected one")
    return problems
