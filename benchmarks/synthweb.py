"""A mini-web scaled up: N synthetic papers × M new articles, in the real layouts, in a temp dir.

Each synthetic paper copies one real source (its layouts, URL pattern, Party-building rules) under a
host of its own (`s07-baohatinh.vn`) and serves variants of that paper's mini-web articles (new ids,
new figures, new indentation; see benchmarks/corpus.py), one RSS feed listing all of them and a
robots.txt without Crawl-delay (the politeness delay is then exactly the one the run is given). The
directory has the mini-web's layout, so `chitieu.miniweb.server.MiniWeb(root)` serves it, with ETags
and conditional GETs, exactly like the bundled snapshot.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.corpus import Page, miniweb_articles, variant

FEED_PATH = "/rss/home.rss"


@dataclass(frozen=True)
class SynthSource:
    """Enough to rebuild the Source in another process: template source, host, transport base."""

    name: str  # the synthetic host, also the source name
    template: str  # the real source it copies
    articles: tuple[str, ...]  # real URLs of its articles


def _file_for(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path + ("index.html" if parts.path.endswith("/") else "")
    return f"{parts.hostname}{path}"


def _feed(host: str, items: list[tuple[str, str, datetime]]) -> str:
    entries = "".join(
        f"<item><title><![CDATA[{title}]]></title><link>{escape(url)}</link><guid>{escape(url)}</guid>"
        f"<pubDate>{format_datetime(when)}</pubDate></item>\n" for url, title, when in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{host}</title>'
            f"<link>https://{host}</link><description>synthetic</description>\n{entries}</channel></rss>\n")


def build(root: Path, n_sources: int, per_source: int, *, seed: int = 0) -> list[SynthSource]:
    """Write root/site/<host>/… for `n_sources` papers of `per_source` articles; returns what was built."""
    from scrapers.config import load_sources

    real = load_sources()
    templates: dict[str, list[Page]] = {}
    for page in miniweb_articles(include_bad=False):
        if page.host in real:
            templates.setdefault(page.host, []).append(page)
    hosts = sorted(templates)
    if not hosts:
        raise FileNotFoundError("no mini-web article pages to build a synthetic web from")
    site = root / "site"
    now = datetime.now(UTC).replace(microsecond=0)
    built = []
    for k in range(n_sources):
        template = hosts[k % len(hosts)]
        host = f"s{k:02d}-{template}"
        (site / host).mkdir(parents=True, exist_ok=True)
        (site / host / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
        pages = templates[template]
        items, urls = [], []
        for i in range(per_source):
            base = pages[i % len(pages)]
            moved = base.html.replace(template.encode(), host.encode())
            page = variant(Page(base.url.replace(template, host), host, moved), i // len(pages) * 1000 + i, seed)
            target = site / _file_for(page.url)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.html)
            items.append((page.url, f"Bài {i}", now - timedelta(minutes=i)))
            urls.append(page.url)
        (site / host / FEED_PATH.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
        (site / host / FEED_PATH.lstrip("/")).write_text(_feed(host, items), encoding="utf-8")
        built.append(SynthSource(host, template, tuple(urls)))
    (site / "manifest.json").write_text(json.dumps({"articles": [
        {"url": u, "host": s.name, "file": _file_for(u), "bad": None} for s in built for u in s.articles]}),
        encoding="utf-8")
    return built


def sources_for(built: list[SynthSource], web_base: str, delay: float) -> dict:
    """Source objects for the synthetic papers, served from `web_base`, politeness `delay` seconds."""
    from scrapers.config import Source, load_sources

    real = load_sources()
    out = {}
    for s in built:
        data = real[s.template].model_dump()
        data.update(name=s.name, base_url=f"https://{s.name}", domains=[s.name], fetch_base=f"{web_base}/{s.name}")
        data["discovery"] = {"feeds": [FEED_PATH], "sitemaps": [], "listings": [],
                             "article_url_pattern": data["discovery"]["article_url_pattern"],
                             "exclude_url_patterns": data["discovery"]["exclude_url_patterns"]}
        data["politeness"] = {**data["politeness"], "delay_seconds": delay,
                              "max_articles_per_run": max(len(s.articles), data["politeness"]["max_articles_per_run"])}
        out[s.name] = Source.model_validate(data)
    return out


def save(built: list[SynthSource], path: Path) -> None:
    path.write_text(json.dumps([s.__dict__ | {"articles": list(s.articles)} for s in built]), encoding="utf-8")


def load(path: Path) -> list[SynthSource]:
    return [SynthSource(d["name"], d["template"], tuple(d["articles"]))
            for d in json.loads(path.read_text(encoding="utf-8"))]
