"""Render the mini-web snapshot: `python -m tools.miniweb.generate [--out DIR]`.

Plans about sixty articles over four papers from a fixed seed, plants the deliberately bad pages
(no date, a 140% rate, a truncated page, a short read, duplicates, an edited article), renders
every page, feed, listing, sitemap and robots.txt exactly as the site would serve it, and writes
`site/` (night 1), `site_night2/` (only the files that changed the next night) and a manifest of
what each page holds. Same seed, same bytes: the snapshot is committed and a test re-renders it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from chitieu.miniweb import PACKAGE_DIR  # the snapshot stays in the shipped package, served from there
from tools.miniweb import layouts
from tools.miniweb.news import NEWS_WRITERS
from tools.miniweb.papers import PAPERS, TZ, Article, Paper
from tools.miniweb.stories import WRITERS, Ctx, Story, kind_for
from tools.miniweb.text import Planted, plant, slugify, vn_int

SEED = "chitieu-miniweb-1"
START = datetime(2024, 7, 1, 6, 0, tzinfo=TZ)
END = datetime(2025, 6, 24, 21, 0, tzinfo=TZ)
SNAPSHOT = {1: datetime(2025, 6, 26, 23, 0, tzinfo=TZ), 2: datetime(2025, 6, 28, 23, 0, tzinfo=TZ)}
PAGE_SIZE = 6
LEGACY_CHANNEL = 8301
FIXED_LAST_MODIFIED = datetime(2024, 1, 2, 8, 0, tzinfo=TZ)  # robots.txt and other static files


@dataclass
class Rendered:
    content: bytes
    last_modified: datetime | None
    short_body: bool = False


# ---------------------------------------------------------------- planning


def _ctx(paper: Paper, rng: random.Random, when: datetime, unit: str | None = None) -> Ctx:
    unit = unit or rng.choice(paper.units)
    return Ctx(rng=rng, province=paper.province, unit=unit, when=when, author=rng.choice(paper.authors),
               photographer=rng.choice(paper.photographers), leader=rng.choice(paper.leaders),
               secretary=rng.choice(paper.secretaries), date_style=paper.date_style,
               border=unit in paper.border_units)


def _times(rng: random.Random, n: int) -> list[datetime]:
    span = (END - START).total_seconds()
    out = []
    for i in range(n):
        # one article per slice of the period keeps every paper spread over the months
        at = START + timedelta(seconds=span * (i + rng.uniform(0.05, 0.95)) / n)
        out.append(at.replace(hour=rng.randint(6, 20), minute=rng.randint(0, 59), second=rng.randint(0, 59),
                              microsecond=0))
    return out


def _ident(paper: Paper, when: datetime, rng: random.Random) -> str:
    if paper.family == "legacy_channel":
        return hashlib.sha1(f"{paper.host}{when.isoformat()}{rng.random()}".encode()).hexdigest()[:7]
    frac = (when - START).total_seconds() / (END - START).total_seconds()
    return str(int(paper.first_id + frac * (paper.last_id - paper.first_id)) + rng.randint(0, 40))


def _url(paper: Paper, layout: str, story: Story, when: datetime, ident: str, slug: str,
         channel: int | None = None) -> str:
    if layout == "onecms":
        return f"{paper.base}/{slug}-post{ident}.html"
    if layout == "content_detail":
        return f"{paper.base}/{slug}-{ident}.html"
    if channel:
        return f"{paper.base}/channel/{channel}/{when:%Y%m}/{slug}-{ident}/"
    return f"{paper.base}/{paper.category(story.category)[0]}/{when:%Y%m}/{slug}-{ident}/"


def _article(paper: Paper, story: Story, when: datetime, rng: random.Random, *, ident: str | None = None,
             slug: str | None = None) -> Article:
    ident = ident or _ident(paper, when, rng)
    slug = slug or slugify(story.title)
    return Article(paper=paper, story=story, published=when, modified=when, ident=ident, slug=slug,
                   url=_url(paper, paper.family, story, when, ident, slug), layout=paper.family,
                   with_dateline=rng.random() < paper.dateline_share)


def plan_paper(paper: Paper) -> list[Article]:
    rng = random.Random(f"{SEED}:{paper.host}")
    articles = []
    for i, when in enumerate(_times(rng, paper.n_articles)):
        if paper.family != "onecms":
            when = when.replace(second=0)  # these templates print minutes only
        arng = random.Random(f"{SEED}:{paper.host}:{i}")
        c = _ctx(paper, arng, when)
        if rng.random() < 0.74:
            story = WRITERS[kind_for(when, arng, c.unit)](c)
        else:
            story = NEWS_WRITERS[rng.randrange(len(NEWS_WRITERS))](c)
        articles.append(_article(paper, story, when, arng))
    return articles


LEGACY_DATES = (datetime(2019, 12, 30, 15, 20, tzinfo=TZ), datetime(2020, 6, 15, 9, 5, tzinfo=TZ),
                datetime(2021, 3, 22, 16, 40, tzinfo=TZ), datetime(2021, 11, 8, 7, 30, tzinfo=TZ))


def plan_gialai_legacy() -> list[Article]:
    paper = PAPERS["baogialai.com.vn"]
    out = []
    for i, when in enumerate(LEGACY_DATES):
        rng = random.Random(f"{SEED}:legacy:{i}")
        c = _ctx(paper, rng, when)
        story = WRITERS[kind_for(when, rng, c.unit)](c)
        ident = str(2_890_000 + i * 97_000 + rng.randint(0, 900))
        slug = slugify(story.title)
        out.append(Article(paper=paper, story=story, published=when, modified=when, ident=ident, slug=slug,
                           url=_url(paper, "legacy_channel", story, when, ident, slug, LEGACY_CHANNEL),
                           layout="legacy_gialai", legacy_channel=LEGACY_CHANNEL))
    return out


def _party(articles: list[Article]) -> list[Article]:
    return [a for a in articles if a.story.party_building and not a.bad]


def _with_paragraph(story: Story, index: int, text: str, planted: list[Planted]) -> Story:
    for p in planted:
        p.evidence = text
    blocks = list(story.blocks)
    blocks.insert(index, text)
    return replace(story, blocks=blocks, planted=story.planted + planted)


def plant_bad_pages(by_host: dict[str, list[Article]]) -> list[Article]:
    """Mark and add the pages the pipeline must survive; returns the extra URLs (duplicates)."""
    extra = []
    gl = _party(by_host["baogialai.com.vn"])
    edited = [a for a in gl if a.published < END - timedelta(days=8)][-1]
    edited.edited = True
    edited.modified = edited.published + timedelta(days=1, hours=2, minutes=17)
    short = gl[len(gl) // 2]
    short.bad, short.bad_reason = "short_read", "served with a Content-Length larger than the body sent"
    original = gl[len(gl) // 3]
    dup = replace(original, ident=str(int(original.ident) + 57), slug="-".join(original.slug.split("-")[:7]),
                  published=original.published + timedelta(minutes=40), modified=original.published + timedelta(minutes=40),
                  bad="duplicate", bad_reason="the same article re-posted at a second URL", duplicate_of=original.url,
                  related=[], most_read=[])
    dup.url = _url(dup.paper, dup.layout, dup.story, dup.published, dup.ident, dup.slug)
    extra.append(dup)

    ht = _party(by_host["baohatinh.vn"])
    typo = next((a for a in ht if a.story.kind == "year_end_review"), ht[0])
    year = typo.published.year - (1 if typo.published.month < 11 else 0)
    sentence = (f"Đáng chú ý, năm {year} có 140% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ, tăng so với năm "
                "trước.")
    typo.story = _with_paragraph(typo.story, 3, sentence, [plant("org_good_rate", 140, year=year)])
    typo.bad, typo.bad_reason = "impossible_rate", "reports 140% of grassroots organisations rated good (a typo)"

    dl = _party(by_host["baodaklak.vn"])
    nodate = dl[len(dl) // 2]
    nodate.published = nodate.modified = None
    nodate.bad, nodate.bad_reason = "no_date", "no date in the page, the feed or the listing"

    qn = _party(by_host["baoquangninh.vn"])
    cut = qn[len(qn) // 2]
    cut.bad, cut.bad_reason = "truncated", "HTML cut in the middle of the body"

    source = next(a for a in ht if a is not typo and a.published > START + timedelta(days=60))
    paper = PAPERS["baoquangninh.vn"]
    when = (source.published + timedelta(hours=26)).replace(second=0)
    ident = _ident(paper, when, random.Random(source.url))
    syn = Article(paper=paper, story=source.story, published=when, modified=when, ident=ident, slug=source.slug,
                  url=_url(paper, paper.family, source.story, when, ident, source.slug), layout=paper.family,
                  bad="duplicate", bad_reason="syndicated copy of an article of another paper",
                  duplicate_of=source.url, syndicated_from=source.paper.short)
    extra.append(syn)
    return extra


def night_two(articles: list[Article]) -> list[Article]:
    """The next night: the edited article changes again and two new reports appear."""
    edited = next(a for a in articles if a.edited)
    story = edited.story
    target = next(p for p in story.planted if p.unit == "count" and p.kind == "actual" and p.qualifier == "exact"
                  and vn_int(int(p.value)) in p.evidence)
    old_text = vn_int(int(target.value))
    new_value = int(target.value) + 17
    new_evidence = target.evidence.replace(old_text, vn_int(new_value), 1)
    blocks = [b.replace(target.evidence, new_evidence) if isinstance(b, str) else b for b in story.blocks]
    blocks.append("* Bài viết đã được cập nhật số liệu theo báo cáo chính thức của cơ quan chức năng.")
    planted = []
    for p in story.planted:
        q = replace(p)
        if p is target:
            q.value = float(new_value)
        if q.evidence == target.evidence:
            q.evidence = new_evidence
        planted.append(q)
    edited.story = replace(story, blocks=blocks, planted=planted)
    edited.modified = SNAPSHOT[2] - timedelta(hours=20)

    new = []
    for host, when in (("baohatinh.vn", datetime(2025, 6, 27, 8, 32, 10, tzinfo=TZ)),
                       ("baoquangninh.vn", datetime(2025, 6, 28, 9, 14, tzinfo=TZ))):
        paper = PAPERS[host]
        rng = random.Random(f"{SEED}:night2:{host}")
        c = _ctx(paper, rng, when)
        story = WRITERS["congress" if host == "baoquangninh.vn" else "housing"](c)
        article = _article(paper, story, when, rng, ident=str(paper.last_id + 300 + rng.randint(0, 99)))
        new.append(article)
    return new


def link_related(articles: list[Article]) -> None:
    """Related and most-read lists point at older pages only, so new pages never change old ones."""
    for a in articles:
        rng = random.Random(f"{SEED}:related:{a.url}")
        older = sorted((o for o in articles if o.paper is a.paper and o.published and a.published and not o.bad
                        and o.published < a.published and (o.layout == "legacy_gialai") == (a.layout == "legacy_gialai")),
                       key=lambda o: o.published)
        same = [o for o in older if o.story.category == a.story.category][-6:]
        a.related = rng.sample(same, min(2, len(same)))
        a.most_read = rng.sample(older[-10:], min(5, len(older[-10:])))


def plan(night: int = 1) -> list[Article]:
    by_host = {host: plan_paper(paper) for host, paper in PAPERS.items()}
    extra = plant_bad_pages(by_host)
    articles = [a for host in PAPERS for a in by_host[host]] + plan_gialai_legacy() + extra
    if night == 2:
        articles += night_two(articles)
    link_related(articles)
    return articles


# ---------------------------------------------------------------- rendering


def relpath(url: str) -> str:
    """Real URL -> file under site/: `/x/` -> x/index.html, `/x/?page=3` -> x/index-page-3.html."""
    parts = urlsplit(url)
    path = parts.path
    page = 1
    if parts.query.startswith("page="):
        page = int(parts.query[5:])
    if path.endswith("/"):
        path += "index.html" if page == 1 else f"index-page-{page}.html"
    return parts.hostname + path


def _newest(items: list[Article]) -> datetime | None:
    return max(((a.modified or a.published) for a in items if a.published), default=None)


def _render_article(a: Article) -> str:
    if a.layout == "onecms":
        return layouts.render_onecms(a)
    if a.layout == "legacy_gialai":
        return layouts.render_gialai_legacy(a)
    if a.layout == "legacy_channel":
        return layouts.render_daklak(a)
    return layouts.render_quangninh(a, with_sapo_div=int(hashlib.sha1(a.url.encode()).hexdigest(), 16) % 5 < 3)


def _cut(html: str) -> str:
    start = html.index('id="content-detail"')
    third = start
    for _ in range(3):
        third = html.index("<p>", third + 1)
    return html[: third + 3 + 60]


def _listing(paper: Paper, path: str, name: str, items: list[Article], files: dict, *, gialai: bool = False) -> int:
    pages = max(1, -(-len(items) // PAGE_SIZE))
    for page in range(1, pages + 1):
        chunk = items[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        if paper.family == "onecms" and not gialai:
            html = layouts.render_onecms_listing(paper, path, name, chunk, page, pages)
        elif paper.family == "content_detail":
            html = layouts.render_quangninh_listing(paper, path, name, chunk, page, pages)
        else:
            html = layouts.render_legacy_listing(paper, path, name, chunk, page, pages, gialai=gialai)
        url = f"{paper.base}{path}" + (f"?page={page}" if page > 1 else "")
        files[relpath(url)] = Rendered(html.encode(), _newest(chunk))
    return pages


ROBOTS = {
    "baogialai.com.vn": "User-agent: *\nDisallow: /search/\nDisallow: /api/\nCrawl-delay: 1\n\n"
                        "Sitemap: https://baogialai.com.vn/sitemap.xml\n",
    "baohatinh.vn": "User-agent: *\nAllow: /\nDisallow: /search/\nDisallow: /api/\n\n"
                    "Sitemap: https://baohatinh.vn/sitemap.xml\n",
    "baodaklak.vn": "User-agent: *\nDisallow: /Admin/\nDisallow: /tim-kiem/\n",
    "baoquangninh.vn": "User-agent: *\nDisallow: /tim-kiem\nDisallow: /user/\n\nUser-agent: GPTBot\nDisallow: /\n",
}


def render(articles: list[Article]) -> tuple[dict[str, Rendered], dict]:
    files: dict[str, Rendered] = {}
    hosts: dict[str, dict] = {}
    for host, paper in PAPERS.items():
        mine = sorted((a for a in articles if a.paper is paper and a.layout != "legacy_gialai"),
                      key=lambda a: (a.sort_time, a.url), reverse=True)
        for a in mine:
            html = _render_article(a)
            if a.bad == "truncated":
                html = _cut(html)
            files[relpath(a.url)] = Rendered(html.encode(), a.modified if a.published else None,
                                             short_body=a.bad == "short_read")
        files[f"{host}/robots.txt"] = Rendered(ROBOTS[host].encode(), FIXED_LAST_MODIFIED)
        info: dict = {"name": paper.name, "family": paper.family, "feeds": [], "sitemaps": [], "listings": []}
        party = [a for a in mine if a.story.category == "xay-dung-dang"]
        slug, name = paper.party_category
        pages = _listing(paper, f"/{slug}/", name, party, files)
        selector = {"onecms": "article.story a.cms-link[href]", "legacy_channel": "a.title5[href]",
                    "content_detail": "article.card a[href]"}[paper.family]
        info["listings"].append({"url": f"{paper.base}/{slug}/", "pagination": "?page={n}",
                                 "link_selector": selector, "pages": pages})
        feeds: list[tuple[str, str, list[Article]]] = []
        if paper.family == "content_detail":
            cats = sorted({a.story.category for a in mine})
            for key in cats:
                cslug, cname = paper.category(key)
                feeds.append((f"/rss/news/{cslug}.rss", cname, [a for a in mine if a.story.category == key]))
            index = layouts.render_quangninh_rss_index(paper, [(f, n) for f, n, _ in feeds])
            files[f"{host}/rss/index.html"] = Rendered(index.encode(), FIXED_LAST_MODIFIED)
            info["rss_index"] = f"{paper.base}/rss"
        else:
            feeds.append(("/rss/home.rss", "Trang chủ", mine[:50]))
            feeds.append((f"/rss/{slug}.rss", name, party))
        for path, title, items in feeds:
            xml = layouts.render_rss(paper, path, title, items)
            files[host + path] = Rendered(xml.encode(), _newest(items))
            info["feeds"].append(paper.base + path)
        if paper.family == "onecms":
            months: dict[tuple[int, int], list[Article]] = {}
            for a in mine:
                if a.published:
                    months.setdefault((a.published.year, a.published.month), []).append(a)
            index = [(y, m, _newest(items)) for (y, m), items in sorted(months.items(), reverse=True)]
            files[f"{host}/sitemap.xml"] = Rendered(layouts.render_sitemap_index(paper, index).encode(),
                                                    _newest(mine))
            for (y, m), items in months.items():
                files[f"{host}/sitemaps/news-{y}-{m}.xml"] = Rendered(
                    layouts.render_news_sitemap(paper, items).encode(), _newest(items))
            info["sitemaps"].append(f"{paper.base}/sitemap.xml")
        if host == "baogialai.com.vn":
            legacy = sorted((a for a in articles if a.layout == "legacy_gialai"), key=lambda a: a.published,
                            reverse=True)
            for a in legacy:
                files[relpath(a.url)] = Rendered(layouts.render_gialai_legacy(a).encode(), a.modified)
            pages = _listing(paper, f"/channel/{LEGACY_CHANNEL}/", "Chính trị - Xã hội", legacy, files, gialai=True)
            info["listings"].append({"url": f"{paper.base}/channel/{LEGACY_CHANNEL}/", "pagination": "?page={n}",
                                     "link_selector": "#cate-content > li a.title-2[href]", "pages": pages,
                                     "relative_links": True})
        info["robots"] = f"{paper.base}/robots.txt"
        hosts[host] = info
    return files, hosts


# ---------------------------------------------------------------- manifest and files


def _manifest_entry(a: Article, files: dict[str, Rendered]) -> dict:
    served = files[relpath(a.url)].content.decode()
    indicators = [p.to_dict() for p in a.story.planted
                  if a.bad != "truncated" or escape(p.evidence, quote=True) in served]
    layout = "legacy_channel" if a.layout == "legacy_gialai" else a.layout
    return {
        "url": a.url, "host": a.paper.host, "file": relpath(a.url), "layout": layout,
        "title": a.story.title, "sapo": a.story.sapo, "kind": a.story.kind,
        "published_at": a.published.isoformat() if a.published else None,
        "modified_at": a.modified.isoformat() if a.published and a.modified else None,
        "category": a.category[1], "author": layouts.byline(a), "party_building": a.story.party_building,
        "bad": a.bad, "bad_reason": a.bad_reason, "duplicate_of": a.duplicate_of, "edited": a.edited,
        "indicators": indicators,
    }


def manifest(night: int, articles: list[Article], files: dict[str, Rendered], hosts: dict) -> dict:
    entries = sorted((_manifest_entry(a, files) for a in articles), key=lambda m: m["url"])
    return {"generator": "tools.miniweb.generate", "seed": SEED, "night": night,
            "snapshot": SNAPSHOT[night].isoformat(), "hosts": hosts, "articles": entries}


def _serve_meta(files: dict[str, Rendered]) -> dict:
    meta = {}
    for path, r in sorted(files.items()):
        entry = {}
        if r.last_modified:
            entry["last_modified"] = format_datetime(r.last_modified.astimezone(UTC), usegmt=True)
        if r.short_body:
            entry["short_body"] = True
        meta[path] = entry
    return {"files": meta}


def _write(root: Path, files: dict[str, Rendered], man: dict) -> None:
    if root.exists():
        shutil.rmtree(root)
    for path, r in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(r.content)
    dump = {"ensure_ascii": False, "indent": 1, "sort_keys": True}
    (root / "manifest.json").write_text(json.dumps(man, **dump) + "\n", encoding="utf-8")
    (root / "_serve.json").write_text(json.dumps(_serve_meta(files), **dump) + "\n", encoding="utf-8")


def generate(out: Path = PACKAGE_DIR) -> dict[int, dict]:
    """Write out/site and out/site_night2; returns the two manifests."""
    night1 = plan(1)
    files1, hosts1 = render(night1)
    man1 = manifest(1, night1, files1, hosts1)
    _write(out / "site", files1, man1)
    night2 = plan(2)
    files2, hosts2 = render(night2)
    man2 = manifest(2, night2, files2, hosts2)
    changed = {p: r for p, r in files2.items() if p not in files1 or files1[p].content != r.content
               or files1[p].last_modified != r.last_modified}
    _write(out / "site_night2", changed, man2)
    return {1: man1, 2: man2}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PACKAGE_DIR, help="directory to hold site/ and site_night2/")
    args = parser.parse_args(argv)
    manifests = generate(args.out)
    for night, man in manifests.items():
        arts = man["articles"]
        print(f"night {night}: {len(arts)} articles, {sum(a['party_building'] for a in arts)} Party-building, "
              f"{sum(len(a['indicators']) for a in arts)} planted indicators, "
              f"{sum(1 for a in arts if a['bad'])} bad")


if __name__ == "__main__":
    main()
