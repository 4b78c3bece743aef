"""Article pages to measure on: the mini-web's, and any number of deterministic variants of them.

A variant keeps the page's layout and only changes what differs between two real articles of one
site: the article id (in the URL and wherever the page links to itself), the figures in the text,
and the indentation between tags. That keeps every variant parseable by the same layout, so a
5,000-page corpus measures the parser's steady state rather than its failure path.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

MINIWEB_SITE = Path(__file__).resolve().parents[1] / "chitieu" / "miniweb" / "site"
REAL_PAGES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real"
# the real article pages (read in place, never copied), their URLs, and the layout a new source
# for that paper would declare: a family's preset (ONECMS, 1cdn / NEKO), or none for a home-grown CMS
# (the generic fallback)
_REAL = (
    ("baolaocai.vn/song-dep-tu-nhung-dieu-gian-di-post404649.html",
     "https://baolaocai.vn/song-dep-tu-nhung-dieu-gian-di-post404649.html", [{"preset": "onecms"}]),
    ("baocantho.com.vn/article-a196670.html", "https://baocantho.com.vn/tap-trung-trien-khai-a196670.html", []),
    ("hanoimoi.vn/dat-vang-94-lo-duc-731520.html",
     "https://hanoimoi.vn/phuong-hai-ba-trung-mong-som-dua-khu-dat-vang-94-pho-lo-duc-vao-su-dung-731520.html",
     [{"preset": "neko"}]),
    ("plo.vn/tuong-niem-liet-si-post874982.html",
     "https://plo.vn/doan-dai-bieu-tphcm-dang-hoa-tuong-niem-cac-anh-hung-liet-si-tai-binh-duong-ba-ria-vung-tau-cu"
     "-post874982.html", [{"preset": "onecms"}]),
    ("znews.vn/gia-vang-the-gioi-post1613516.html",
     "https://znews.vn/gia-vang-the-gioi-cao-nhat-moi-thoi-dai-post1613516.html", []),
)

# figures in running text: 98,6% / 12% / 1.234 / 245 (not dates 05/03/2025, times 08:00 or years 2025)
_FIGURE = re.compile(r"(?<![\d/:.,-])(\d{1,3}(?:[.,]\d{1,3})*)(?=\s*%|\s+[^\W\d])(?![/:])")
_TEXT_NODE = re.compile(r">([^<>]+)<")
_INDENT = re.compile(r">\n[ \t]*<")
_ID = re.compile(r"(?<=-|t)([0-9a-f]{5,})(?=/?$|\.html$)")  # "-post123456.html", "-2e986ee/", "-3357880.html"


@dataclass(frozen=True)
class Page:
    url: str  # real URL
    host: str
    html: bytes


def miniweb_articles(site: Path = MINIWEB_SITE, *, include_bad: bool = True) -> list[Page]:
    """The mini-web's article pages, as the manifest lists them (bad pages included by default,
    because a night meets them too)."""
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    pages = []
    for entry in manifest["articles"]:
        if entry.get("bad") and not include_bad:
            continue
        path = site / entry["file"]
        if path.is_file():
            pages.append(Page(entry["url"], entry["host"], path.read_bytes()))
    return pages


def real_articles(folder: Path = REAL_PAGES) -> tuple[list[Page], dict]:
    """Real provincial article pages (~155 KiB each, with all their navigation) and a source per host.
    Empty when ../shared is not beside the project."""
    from scrapers.config import source_from_dict

    pages, sources = [], {}
    for file, url, layouts in _REAL:
        path = folder / file
        if path.is_file():
            host = file.split("/", 1)[0]
            pages.append(Page(url, host, path.read_bytes()))
            sources[host] = source_from_dict({"name": host, "province": host, "province_name": host,
                                              "base_url": f"https://{host}", "domains": [host],
                                              "layouts": layouts})
    return pages, sources


def _vary_figures(text: str, rng: random.Random) -> str:
    def figure(match: re.Match) -> str:
        digits = [c if not c.isdigit() else str(rng.randint(1 if i == 0 else 0, 9))
                  for i, c in enumerate(match.group(1))]
        return "".join(digits)

    return _FIGURE.sub(figure, text)


def variant(page: Page, index: int, seed: int = 0) -> Page:
    """The `index`-th variant of `page`: new id, new figures, new indentation; same layout."""
    rng = random.Random(f"{seed}|{page.url}|{index}")
    text = page.html.decode("utf-8", errors="replace")
    match = _ID.search(page.url)
    url = page.url
    if match:
        new_id = _new_id(match.group(1), f"{seed}|{page.url}|{index}")
        url = page.url[: match.start()] + new_id + page.url[match.end():]
        text = text.replace(page.url, url)
        old_path = page.url.split(page.host, 1)[-1]
        new_path = url.split(page.host, 1)[-1]
        if len(old_path) > 1:
            text = text.replace(old_path, new_path)
    text = _TEXT_NODE.sub(lambda m: ">" + _vary_figures(m.group(1), rng) + "<", text)
    text = _INDENT.sub(lambda m: ">\n" + " " * rng.randint(0, 12) + "<", text)
    return Page(url, page.host, text.encode("utf-8"))


def _new_id(old: str, key: str) -> str:
    """Same length and alphabet as `old` (decimal stays decimal, hex stays hex), derived from `key`."""
    digest = hashlib.sha256(key.encode()).hexdigest()
    if old.isdigit():
        number = str(int(digest, 16))
        return str(int(number[0]) % 9 + 1) + number[1:len(old)]
    return digest[: len(old)]


def synthetic_corpus(pages: list[Page], n: int, seed: int = 0) -> list[Page]:
    """`n` variants, cycling over `pages` in order (every layout equally represented)."""
    if not pages:
        return []
    return [variant(pages[i % len(pages)], i // len(pages), seed) for i in range(n)]
