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
from typing import Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from scrapers.records import ParsedArticle

SOURCES_DIR = Path(__file__).parent / "sources"
PRESETS_DIR = Path(__file__).parent / "presets"


class SourceFileError(ValueError):
    """A source or preset file that cannot be used, with the file and the offending key named."""


class _Strict(BaseModel):
    """Every YAML mapping is strict: an unknown or misspelt key is an error, never silently ignored
    (a misspelt `feedz:` would otherwise leave a paper with no feed and nobody would notice)."""

    model_config = ConfigDict(extra="forbid")


class Listing(_Strict):
    url: str  # path or absolute URL of the first page
    pagination: str | None = None  # appended/format for page n >= 2, e.g. "?page={n}" or "trang-{n}.html"
    link_selector: str = "a[href]"
    max_pages: int = 3  # nightly; backfill may walk further


class DiscoveryConfig(_Strict):
    feeds: list[str] = Field(default_factory=list)
    sitemaps: list[str] = Field(default_factory=list)  # index or monthly sitemaps
    listings: list[Listing] = Field(default_factory=list)
    article_url_pattern: str = r".*"  # regex an article URL must match (search)
    exclude_url_patterns: list[str] = Field(default_factory=list)


class Layout(_Strict):
    """How to read one page template. Selector lists are tried in order; the first hit wins."""

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


class Politeness(_Strict):
    delay_seconds: float = 1.0
    max_articles_per_run: int = 500


class PartyBuilding(_Strict):
    sections: list[str] = Field(default_factory=list)  # category slugs / names
    keywords: list[str] = Field(default_factory=list)
    body_min_hits: int = 3  # keyword occurrences in the body that mark an article outside those sections


# the facts a source file may say the origin of (`provenance:`), so a misspelt key is caught too
ProvenanceKey = Literal["name", "base_url", "domains", "status", "family", "feeds", "sitemaps", "listings",
                        "article_url_pattern", "party_building", "merged_into", "layouts", "dateline"]


class Source(_Strict):
    name: str
    province: str  # the province as it published (before 2025-07-01 an archival paper's own province)
    province_name: str
    base_url: str  # the real site, e.g. https://baogialai.com.vn
    domains: list[str] = Field(default_factory=list)
    # active: crawled every night; archival: a paper that merged into another (history, backfill only)
    status: Literal["active", "archival"] = "active"
    family: str | None = None  # a preset in scrapers/presets/; None = the generic path
    merged_into: str | None = None  # archival: the active source that continues this paper
    # checked against the live site by an operator (`chitieu sources check`); false until then
    verified: bool = False
    provenance: dict[ProvenanceKey, str] = Field(default_factory=dict)  # fact -> where it came from
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


def preset_names(directory: Path = PRESETS_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.yaml"))


# libyaml's loader when built in: 64 source files load in a fraction of the pure-Python time
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_mapping(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise SourceFileError(f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise SourceFileError(f"{path}: expected a mapping of keys, got {type(data).__name__}")
    return data


def load_preset(name: str, directory: Path = PRESETS_DIR) -> dict:
    """A layout preset's mapping, checked against `Layout` (strictly) before any source uses it."""
    path = directory / f"{name}.yaml"
    if not path.exists():
        raise SourceFileError(f"unknown preset {name!r} (known: {', '.join(preset_names(directory))})")
    data = _read_mapping(path)
    try:
        Layout.model_validate(data)
    except ValidationError as exc:
        raise SourceFileError(describe_errors(path, exc)) from None
    return data


def _expand_layouts(raw_layouts: list) -> list[dict]:
    layouts = []
    for item in raw_layouts or []:
        preset_name = item.get("preset") if isinstance(item, dict) else None
        if preset_name:
            item = _merge(load_preset(preset_name), {k: v for k, v in item.items() if k != "preset"})
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


def _with_family_defaults(data: dict) -> dict:
    """A paper of a known family needs no layouts: its family's preset is its layout, and the preset's
    article URL pattern is its discovery pattern unless it says otherwise."""
    family = data.get("family")
    if not family:
        return data
    preset = load_preset(family)
    data = dict(data)
    if not data.get("layouts"):
        data["layouts"] = [{"preset": family}]
    discovery = data.get("discovery")
    if preset.get("url_pattern") and (discovery is None or isinstance(discovery, dict)):
        discovery = dict(discovery or {})
        discovery.setdefault("article_url_pattern", preset["url_pattern"])
        data["discovery"] = discovery
    return data


def describe_errors(path: Path | str, exc: ValidationError) -> str:
    """One line per problem, each naming the file and the key path (`discovery.feedz`)."""
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        if error["type"] == "extra_forbidden":
            lines.append(f"{path}: unknown key {where!r}")
        elif error["type"] == "missing":
            lines.append(f"{path}: missing key {where!r}")
        else:
            lines.append(f"{path}: {where}: {error['msg']}")
    return "; ".join(lines)


def source_from_dict(data: dict, fetch_base: str | None = None, *, origin: Path | str = "<source>") -> Source:
    """A source from its YAML mapping (presets expanded), e.g. for a paper tried out before it gets a file."""
    if "fetch_base" in data:
        raise SourceFileError(f"{origin}: unknown key 'fetch_base' (a transport override is not configuration)")
    try:
        data = _with_family_defaults(data)
        data = {**data, "layouts": _expand_layouts(data.get("layouts", [])), "fetch_base": fetch_base}
        return Source.model_validate(data)
    except ValidationError as exc:
        raise SourceFileError(describe_errors(origin, exc)) from None
    except SourceFileError as exc:
        message = str(exc)
        raise SourceFileError(message if message.startswith(str(origin)) else f"{origin}: {message}") from None


def load_source_file(path: Path, fetch_base: str | None = None) -> Source:
    return source_from_dict(_read_mapping(path), fetch_base, origin=path)


def load_sources(overrides: dict[str, str] | None = None, directory: Path = SOURCES_DIR) -> dict[str, Source]:
    """All sources by name, with transport overrides applied (source name -> base URL).

    Raises SourceFileError naming the file and key of the first broken file (`lint_sources` lists all).
    """
    overrides = overrides or {}
    sources: dict[str, Source] = {}
    for path in sorted(directory.glob("*.yaml")):
        name = _read_mapping(path).get("name")
        source = load_source_file(path, overrides.get(name) if isinstance(name, str) else None)
        if source.name in sources:
            raise SourceFileError(f"{path}: source name {source.name!r} is used by another file too")
        sources[source.name] = source
    unknown = set(overrides) - set(sources)
    if unknown:
        raise ValueError(f"base URL override for unknown source(s): {', '.join(sorted(unknown))}")
    return sources


def active_names(sources: dict[str, Source]) -> list[str]:
    return [name for name, s in sources.items() if s.status == "active"]


def lint_sources(directory: Path = SOURCES_DIR, presets: Path = PRESETS_DIR) -> list[str]:
    """Every problem of every source and preset file, one line each naming the file (empty: all good).

    Beyond what loading checks (unknown keys, types): the file is named after its source, no domain
    is owned by two sources, an archival paper names the active source it merged into and an active
    one names none, and every selector is one cssselect can translate.
    """
    from scrapers.css import compile_selector

    problems: list[str] = []
    for path in sorted(presets.glob("*.yaml")):
        try:
            load_preset(path.stem, presets)
        except SourceFileError as exc:
            problems.append(str(exc))
    loaded: dict[str, tuple[Path, Source]] = {}
    for path in sorted(directory.glob("*.yaml")):
        try:
            source = load_source_file(path)
        except SourceFileError as exc:
            problems.append(str(exc))
            continue
        if path.stem != source.name:
            problems.append(f"{path}: file name should be {source.name}.yaml (the source's name)")
        if source.name in loaded:
            problems.append(f"{path}: source name {source.name!r} is also used by {loaded[source.name][0]}")
        loaded[source.name] = (path, source)
        for layout in source.layouts:
            for key in ("detect", "title", "sapo", "body", "date", "author", "category", "tags", "remove"):
                for selector in getattr(layout, key):
                    css = _ATTR_SUFFIX.sub("", selector)
                    try:
                        compile_selector(css)
                    except Exception as exc:  # noqa: BLE001 - reported with the file and key
                        problems.append(f"{path}: layouts[{layout.name}].{key}: {selector!r}: {exc}")
        missing = [fact for fact in _facts_to_source(source) if fact not in source.provenance]
        if missing:
            problems.append(f"{path}: provenance does not say where {', '.join(missing)} came from")
        for pattern in [source.discovery.article_url_pattern, *source.discovery.exclude_url_patterns]:
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append(f"{path}: discovery pattern {pattern!r}: {exc}")
    owners: dict[str, str] = {}
    for name, (path, source) in loaded.items():
        for host in source._hosts:
            if host in owners and owners[host] != name:
                problems.append(f"{path}: domain {host} is also owned by {owners[host]}")
            owners.setdefault(host, name)
        if source.status == "archival":
            target = loaded.get(source.merged_into or "")
            if target is None:
                problems.append(f"{path}: archival source needs merged_into: <an active source>, "
                                f"got {source.merged_into!r}")
            elif target[1].status != "active":
                problems.append(f"{path}: merged_into {source.merged_into!r} is not an active source")
        elif source.merged_into:
            problems.append(f"{path}: an active source has no merged_into (got {source.merged_into!r})")
    return problems


def _facts_to_source(source: Source) -> list[str]:
    """The facts a source file must say the origin of (`provenance:`): its site, its family, where it
    finds articles and Party-building ones, and, for an archival paper, the merger it followed."""
    facts = ["base_url", "family", "party_building"]
    facts += [key for key in ("feeds", "sitemaps", "listings") if getattr(source.discovery, key)]
    if source.status == "archival":
        facts.append("merged_into")
    return facts


_ATTR_SUFFIX = re.compile(r"@[\w:-]+$")


def require_known(names: Iterable[str], sources: dict[str, Source]) -> None:
    """Raise ValueError naming the names that are no source, and the sources there are."""
    unknown = sorted(set(names) - set(sources))
    if unknown:
        known = sorted(sources)
        listed = ", ".join(known) if len(known) <= 8 else \
            f"{', '.join(known[:5])}, … and {len(known) - 5} more (`chitieu sources` lists them)"
        raise ValueError(f"unknown source(s): {', '.join(unknown)}; known: {listed}")
