"""Sources as data: one YAML file per site in scrapers/sources/, layout presets in scrapers/presets/.

A new paper of a known family is a few lines of YAML naming its preset. The only code here maps
between a site's real URLs and the transport URLs used to reach it (the mini-web, a test server),
so canonical URLs in the warehouse never depend on where a page was served from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field

from scrapers.records import ParsedArticle

SOURCES_DIR = Path(__file__).parent / "sources"
PRESETS_DIR = Path(__file__).parent / "presets"


class Listing(BaseModel):
    url: str  # path or absolute URL of the first page
    pagination: str | None = None  # appended/format for page n >= 2, e.g. "?page={n}" or "trang-{n}.html"
    link_selector: str = "a[href]"
    max_pages: int = 3  # nightly; backfill may walk further


class DiscoveryConfig(BaseModel):
    feeds: list[str] = Field(default_factory=list)
    sitemaps: list[str] = Field(default_factory=list)  # index or monthly sitemaps
    listings: list[Listing] = Field(default_factory=list)
    article_url_pattern: str = r".*"  # regex an article URL must match (search)
    exclude_url_patterns: list[str] = Field(default_factory=list)


class Layout(BaseModel):
    """How to read one page template. Selector lists are tried in order; the first hit wins."""

    model_config = ConfigDict(extra="allow")
    name: str
    url_pattern: str | None = None  # regex on the URL; None = any URL of the source
    detect: list[str] = Field(default_factory=list)  # selectors that must all be present
    # selectors that must all be present for a page on a host with no source file to be read with this
    # layout (a preset's family recognised by structure; stricter than `detect`, which only chooses
    # among a known source's layouts)
    signature: list[str] = Field(default_factory=list)
    container: str | None = None  # parse only this element (speed)
    title: list[str] = Field(default_factory=list)
    sapo: list[str] = Field(default_factory=list)
    body: list[str] = Field(default_factory=list)
    date: list[str] = Field(default_factory=list)
    author: list[str] = Field(default_factory=list)
    category: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    remove: list[str] = Field(default_factory=list)
    date_formats: list[str] = Field(default_factory=list)
    dateline_pattern: str | None = None  # e.g. "^\\(GLO\\)\\s*-\\s*"
    sapo_is_first_bold_paragraph: bool = False
    caption: list[str] = Field(default_factory=list)  # caption selectors besides figcaption/td.image_desc
    byline_at_end: bool = True  # a short bold or right-aligned last paragraph is the author
    author_before_sapo: bool = False  # an all-capitals name just before the sapo is the author
    url_categories: dict[str, str] = Field(default_factory=dict)  # path prefix -> category, when the page names none

    def matches_url(self, url: str) -> bool:
        """Matched on the URL without query or fragment (shared links carry `?gidzl=`, `?utm_*`)."""
        path_url = url.split("#", 1)[0].split("?", 1)[0]
        return self.url_pattern is None or re.search(self.url_pattern, path_url) is not None


class Politeness(BaseModel):
    delay_seconds: float = 1.0
    max_articles_per_run: int = 500


class PartyBuilding(BaseModel):
    sections: list[str] = Field(default_factory=list)  # category slugs / names
    keywords: list[str] = Field(default_factory=list)
    body_min_hits: int = 3  # keyword occurrences in the body that mark an article outside those sections


class Source(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str
    province: str
    province_name: str
    base_url: str  # the real site, e.g. https://baogialai.com.vn
    domains: list[str] = Field(default_factory=list)
    status: str = "active"  # active | archival
    family: str | None = None
    timezone: str = "Asia/Ho_Chi_Minh"
    discovery: DiscoveryConfig = Field(default_factory=DiscoveryConfig)
    layouts: list[Layout] = Field(default_factory=list)
    politeness: Politeness = Field(default_factory=Politeness)
    party_building: PartyBuilding = Field(default_factory=PartyBuilding)
    expected_cadence_hours: float = 48.0
    fetch_base: str | None = None  # transport override (mini-web, tests); never stored
    force_https: bool = False  # canonical URLs: rewrite http to https

    def layout_for(self, url: str) -> Layout | None:
        """The first layout whose URL pattern matches the (real) URL, if any."""
        url = self.real_url(url)
        return next((layout for layout in self.layouts if layout.matches_url(url)), None)

    def is_party_building(self, article: ParsedArticle) -> bool:
        """Party-building = in a Party-building section, or a keyword in title/sapo/tags, or often in the body."""
        from scrapers.clean import slugify

        sections = self._pb_sections
        path_parts = {p for p in urlsplit(self.real_url(article.url)).path.split("/") if p}
        if sections and (
            (article.category and slugify(article.category) in sections) or sections & path_parts
            or any(slugify(tag) in sections for tag in article.tags)
        ):
            return True
        keywords = self._pb_keywords
        if not keywords:
            return False
        head = " ".join([article.title, article.sapo or "", " ".join(article.tags), article.category or ""]).casefold()
        if any(k in head for k in keywords):
            return True
        body = article.body.casefold()
        return sum(body.count(k) for k in keywords) >= self.party_building.body_min_hits

    @cached_property
    def _pb_sections(self) -> frozenset[str]:
        """Section slugs, computed once per source rather than once per article."""
        from scrapers.clean import slugify

        return frozenset(slugify(s) for s in self.party_building.sections if s)

    @cached_property
    def _pb_keywords(self) -> tuple[str, ...]:
        from indicators.normalise import normalise_text

        return tuple(normalise_text(k).casefold() for k in self.party_building.keywords if k)

    @cached_property
    def _hosts(self) -> set[str]:
        hosts = {h.lower() for h in self.domains}
        hosts.add(urlsplit(self.base_url).hostname or "")
        return hosts

    def owns(self, url: str) -> bool:
        """True when `url` (real or transport form) belongs to this source's domains."""
        url = self.real_url(url)
        host = (urlsplit(url).hostname or "").lower()
        return any(host == h or host.endswith("." + h) for h in self._hosts if h)

    def absolute(self, path_or_url: str) -> str:
        if re.match(r"^https?://", path_or_url):
            return path_or_url
        return self.base_url.rstrip("/") + "/" + path_or_url.lstrip("/")

    def fetch_url(self, url: str) -> str:
        """Real URL -> the URL actually requested (unchanged without an override)."""
        url = self.absolute(url)
        if not self.fetch_base:
            return url
        for host in self._hosts:
            for scheme in ("https://", "http://"):
                prefix = scheme + host
                if url.lower().startswith(prefix) and (len(url) == len(prefix) or url[len(prefix)] in "/?#"):
                    return self.fetch_base.rstrip("/") + url[len(prefix):]
        return url

    def real_url(self, url: str) -> str:
        """Transport URL -> real URL (for redirects and links read on the override host)."""
        if self.fetch_base and url.startswith(self.fetch_base.rstrip("/")):
            return self.base_url.rstrip("/") + url[len(self.fetch_base.rstrip("/")):]
        return url


def _merge(preset: dict, own: dict) -> dict:
    merged = dict(preset)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _expand_layouts(raw_layouts: list) -> list[dict]:
    layouts = []
    for item in raw_layouts or []:
        preset_name = item.get("preset")
        if preset_name:
            preset = yaml.safe_load((PRESETS_DIR / f"{preset_name}.yaml").read_text(encoding="utf-8"))
            item = _merge(preset, {k: v for k, v in item.items() if k != "preset"})
        layouts.append(item)
    return layouts


def load_presets(directory: Path = PRESETS_DIR) -> list[Layout]:
    """Every layout preset (a CMS family), in file-name order."""
    return [Layout.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
            for path in sorted(directory.glob("*.yaml"))]


def family_source(url: str, layout: Layout) -> Source:
    """A source for the host of `url`, which has no source file, read with one family's preset."""
    host = (urlsplit(url).hostname or "").lower()
    scheme = urlsplit(url).scheme or "https"
    return Source(name=host, province="", province_name="", base_url=f"{scheme}://{host}", domains=[host],
                  family=layout.name, layouts=[layout])


def source_from_dict(data: dict, fetch_base: str | None = None) -> Source:
    """A source from its YAML mapping (presets expanded), e.g. for a paper tried out before it gets a file."""
    data = {**data, "layouts": _expand_layouts(data.get("layouts", [])), "fetch_base": fetch_base}
    return Source.model_validate(data)


def load_source_file(path: Path, fetch_base: str | None = None) -> Source:
    return source_from_dict(yaml.safe_load(path.read_text(encoding="utf-8")), fetch_base)


def load_sources(overrides: dict[str, str] | None = None, directory: Path = SOURCES_DIR) -> dict[str, Source]:
    """All sources by name, with transport overrides applied (source name -> base URL)."""
    overrides = overrides or {}
    sources = {}
    for path in sorted(directory.glob("*.yaml")):
        name = yaml.safe_load(path.read_text(encoding="utf-8"))["name"]
        sources[name] = load_source_file(path, overrides.get(name))
    unknown = set(overrides) - set(sources)
    if unknown:
        raise ValueError(f"base URL override for unknown source(s): {', '.join(sorted(unknown))}")
    return sources


def require_known(names: Iterable[str], sources: dict[str, Source]) -> None:
    """Raise ValueError naming the names that are no source, and the sources there are."""
    unknown = sorted(set(names) - set(sources))
    if unknown:
        raise ValueError(f"unknown source(s): {', '.join(unknown)}; known: {', '.join(sorted(sources))}")
