"""Turning an article container (a BeautifulSoup fragment) into clean paragraphs, images and a byline.

Everything here is about what must NOT reach the indicator extractor: ad slots, share bars,
related-news and "Đọc nhiều" blocks, "Theo dõi … trên Google News", datelines such as "(GLO)- ",
captions (kept on the images instead, once) and the byline.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urljoin

from bs4 import BeautifulSoup, NavigableString, Tag

from indicators.normalise import normalise_text
from scrapers.records import Image

# Removed from every article body, whatever the layout says (site layouts add their own).
BOILERPLATE_SELECTORS = (
    "script, style, link, iframe, form, button, input, select, textarea, ins, object, embed, svg, video, audio",
    "[id^=sdaWeb_], [id^=adsWeb_], [id^=ads_], .sda_middle, .rennab, .ads_middle, .ads, .adsbygoogle, .banner",
    ".related-news, .article-relate, .box-related, .related, .relates, .tinlienquan, .tin-lien-quan",
    "[class*=tin-lien], .hot-news, [data-source=mostread-news], .most-read",
    ".social, .social-share, .share, .sharing, .fb-like, .fb-share-button, .zalo-share-button, .gg-news",
    ".article__tags, .wrap-comment, #comment, .comment, .print, .sendprint, .topics",
)
CAPTION_SELECTORS = "figcaption, td.image_desc, .PhotoCMS_Caption, .image_caption, .image-caption, .caption, .img-caption"
CAPTION_HINT = re.compile(r"caption|image_desc|figcaption|desc", re.I)
NO_CAPTIONS = ":no-caption-markup"  # marker passed from soup_of: skip the stray-caption selector pass
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote section article table tbody thead tr figure header footer "
    "aside pre dl dt dd center main nav details summary address hr".split()
)
SKIP_TAGS = frozenset("script style noscript template iframe object embed svg button select textarea head title".split())
RELATED_LABELS = frozenset(
    {
        "đọc nhiều", "tin liên quan", "bài liên quan", "tin bài liên quan", "tin cùng chuyên mục",
        "cùng chuyên mục", "xem thêm", "đọc thêm", "tin khác", "tin mới", "tin mới nhất", "tin đọc nhiều",
        "có thể bạn quan tâm", "bài viết liên quan", "các tin khác", "tin nổi bật",
    }
)
_BOILERPLATE_LINES = (
    re.compile(r"^(?:mời (?:quý |bạn )?(?:độc giả|đọc giả|bạn đọc) )?theo dõi .{0,80}trên google news\.?$", re.I),
    re.compile(r"^(?:chia sẻ|chia sẻ bài viết|in bài viết|bình luận|từ khóa|từ khoá|tags?)\s*:?$", re.I),
    re.compile(r"^(?:xem thêm|đọc thêm|tin liên quan)\s*:.{0,300}$", re.I),
)
DATELINE = re.compile(r"^\s*\(\s*[^()\n]{2,30}?\s*\)\s*[-–—:]+\s*")
_BYLINE_PREFIX = re.compile(
    r"^(?:(?:tin|bài|ảnh|video|clip|thực hiện|nhóm)(?:\s*(?:,|và|/|-|\+)\s*(?:tin|bài|ảnh|video|clip))*\s*:\s*)",
    re.I,
)
_RIGHT = re.compile(r"text-align\s*:\s*right", re.I)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_BYLINE_CLASSES = frozenset({"t1", "t2", "author", "article__author", "cms-author", "text-right", "pseudonym", "tac-gia"})


def slugify(text: str) -> str:
    """ASCII slug as these sites build them ("Xây dựng Đảng" -> "xay-dung-dang")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def squash(text: str) -> str:
    return " ".join(text.split())


def label_of(text: str) -> str:
    return squash(text).rstrip(":").strip().casefold()


def is_boilerplate_line(text: str) -> bool:
    if label_of(text) in RELATED_LABELS:
        return True
    return any(p.match(text) for p in _BOILERPLATE_LINES)


def strip_dateline(text: str, pattern: re.Pattern | None = None) -> str:
    """Drop a leading "(GLO)- ", "(BHT) - ", "(QBĐT) - "… (or the layout's own pattern)."""
    stripped = (pattern or DATELINE).sub("", text, count=1)
    return stripped if stripped.strip() else text


def clean_author(text: str | None) -> str | None:
    if not text:
        return None
    text = squash(text).strip(" -–—|,.;:")
    text = _BYLINE_PREFIX.sub("", text).strip(" -–—|,;:")
    if not text or len(text) > 80:
        return None
    return normalise_text(text)


def link_density(tag: Tag) -> float:
    text = len(squash(tag.get_text(" ")))
    if not text:
        return 0.0
    return sum(len(squash(a.get_text(" "))) for a in tag.find_all("a")) / text


def remove_selectors(root: Tag, selectors) -> None:
    for selector in selectors:
        if not selector:
            continue
        for element in root.select(selector):
            if element is not root:
                element.decompose()


def remove_related_blocks(root: Tag) -> None:
    """Remove "Tin liên quan" / "Đọc nhiều" / "Xem thêm:" blocks: the label and the links it heads."""
    hits = [s for s in root.find_all(string=True) if len(s) < 60 and label_of(s) in RELATED_LABELS]
    for string in hits:
        element = getattr(string, "parent", None)  # strings inside an already removed block lose .parent
        if element is None or element.decomposed:
            continue
        while element.parent is not None and element.parent is not root and label_of(element.parent.get_text()) == label_of(string):
            element = element.parent
        block = element.parent
        if block is not None and block is not root and link_density(block) >= 0.5:
            block.decompose()
            continue
        for sibling in list(element.find_next_siblings())[:3]:
            if isinstance(sibling, Tag) and link_density(sibling) >= 0.5:
                sibling.decompose()
            else:
                break
        element.decompose()


def _image_url(img: Tag, base: str) -> str | None:
    for attr in ("data-src", "data-original", "data-lazy-src", "data-srcset", "srcset", "src"):
        value = (img.get(attr) or "").strip()
        if attr.endswith("srcset") and value:
            value = value.split(",")[0].strip().split(" ")[0]
        if value and not value.startswith(("data:", "javascript:", "about:")):
            return urljoin(base, value)
    return None


CAPTION_CLASSES = frozenset(
    {"image_desc", "PhotoCMS_Caption", "image_caption", "image-caption", "caption", "img-caption", "desc"}
)


def caption_matcher(selectors: str):
    """A fast predicate for caption elements: figcaption or a caption class (plain `.x` / `tag.x` selectors);
    anything more complex is handed to soupsieve."""
    classes, complex_selectors = set(CAPTION_CLASSES), []
    for selector in (s.strip() for s in selectors.split(",")):
        simple = re.fullmatch(r"(?:[a-z0-9]+)?\.([\w-]+)", selector)
        if simple:
            classes.add(simple.group(1))
        elif selector and selector != "figcaption":
            complex_selectors.append(selector)

    def find(wrapper: Tag) -> list[Tag]:
        found = [t for t in wrapper.find_all(True) if t.name == "figcaption" or classes.intersection(t.get("class") or ())]
        if complex_selectors:
            found += [t for t in wrapper.select(", ".join(complex_selectors)) if t not in found]
        return [t for t in found if not any(p in found for p in t.parents)]

    return find


def _caption_near(img: Tag, find_captions) -> tuple[str | None, list[Tag]]:
    """The caption that belongs to `img`, and the elements to drop from the body with it."""
    wrapper = img.find_parent(["figure", "table"])
    if wrapper is not None and wrapper.name == "table" and len(wrapper.find_all("tr")) > 3:
        wrapper = None  # a data table that happens to contain a picture
    if wrapper is not None:
        captions = find_captions(wrapper)
        if not captions and wrapper.name == "table":
            captions = [row for row in wrapper.find_all("tr") if not row.find("img") and squash(row.get_text())]
        text = " ".join(squash(c.get_text(" ")) for c in captions).strip()
        return (text or None), [wrapper]
    # a figure-less picture: caption in the next block when it is short and italic or centred
    block = img
    while block.parent is not None and block.parent.name not in ("body", "[document]") and block.name not in ("p", "div"):
        block = block.parent
    if squash(block.get_text()):
        return None, []
    following = block.find_next_sibling()
    if isinstance(following, Tag):
        text = squash(following.get_text(" "))
        style = (following.get("style") or "").lower()
        italic = following.find(["em", "i"]) is not None and len(squash("".join(
            t.get_text(" ") for t in following.find_all(["em", "i"])))) >= 0.8 * len(text)
        classes = set(following.get("class") or [])
        if text and len(text) <= 400 and (italic or "center" in style or classes & {"caption", "image_desc"}):
            return text, [block, following]
    return None, [block]


def extract_images(
    root: Tag, base: str, caption_selectors: str = CAPTION_SELECTORS, *, stray_captions: bool = True
) -> list[Image]:
    """Images in the body with their captions; removes pictures and captions from the tree."""
    images: list[Image] = []
    seen: dict[str, int] = {}
    find_captions = caption_matcher(caption_selectors)
    for img in root.find_all("img"):
        if img.decomposed:
            continue
        url = _image_url(img, base)
        caption, drop = _caption_near(img, find_captions)
        caption = normalise_text(caption) if caption else None
        if url:
            if url in seen:
                if caption and not images[seen[url]].caption:
                    images[seen[url]] = Image(url=url, caption=caption)
            else:
                seen[url] = len(images)
                images.append(Image(url=url, caption=caption))
        for element in drop:
            if not element.decomposed:
                element.decompose()
        if not img.decomposed:
            img.decompose()
    if stray_captions:  # skipped when the body's markup mentions no caption class at all
        for stray in find_captions(root):
            if not stray.decomposed:
                stray.decompose()
    return images


def paragraphs(root: Tag) -> list[str]:
    """Block-level text of `root`, one string per paragraph (a <br> also ends a paragraph)."""
    out: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            text = squash("".join(buffer))
            buffer.clear()
            if text:
                out.append(text)

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "br":
                flush()
            elif name in SKIP_TAGS:
                continue
            elif name in BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)
                if name in ("td", "th"):
                    buffer.append(" ")

    walk(root)
    flush()
    return out


def _is_bold(tag: Tag) -> bool:
    text = squash(tag.get_text())
    if not text:
        return False
    if _BOLD_STYLE.search(tag.get("style") or "") or tag.name in ("strong", "b"):
        return True
    bold = sum(len(squash(b.get_text())) for b in tag.find_all(["strong", "b"]) if not b.find_parent(["strong", "b"]) or b.find_parent(["strong", "b"]) is tag)
    return bold >= 0.9 * len(text)


def _is_right_or_byline(tag: Tag) -> bool:
    for element in [tag, *tag.find_all(True)]:
        if _RIGHT.search(element.get("style") or "") or (element.get("align") or "").lower() == "right":
            return True
        if set(element.get("class") or []) & _BYLINE_CLASSES:
            return True
    return False


def last_block(root: Tag) -> Tag | None:
    """The last leaf-ish block holding text (descends through wrapper divs)."""
    node = root
    while True:
        children = [c for c in node.children if (isinstance(c, Tag) and squash(c.get_text())) or
                    (type(c) is NavigableString and c.strip())]
        if not children:
            return node if node is not root else None
        last = children[-1]
        if not isinstance(last, Tag):
            return node if node is not root else None
        if last.name in BLOCK_TAGS and any(isinstance(c, Tag) and c.name in BLOCK_TAGS for c in last.children):
            node = last
            continue
        return last


def looks_like_byline(text: str) -> bool:
    text = squash(text)
    if not text or len(text) > 60 or len(text.split()) > 9:
        return False
    # a sentence ends with a period after a lower-case word; initials ("P.Y", "N.H.") do not
    return not re.search(r"[a-zà-ỹ]{3,}[.!?…]$", text) and not re.search(r"\d{3,}", text)


def take_tail_byline(root: Tag, *, require_style: bool = True) -> str | None:
    """A short bold or right-aligned last paragraph is the byline: return it and drop it."""
    block = last_block(root)
    if block is None:
        return None
    text = squash(block.get_text(" "))
    if not looks_like_byline(text):
        return None
    if require_style and not (_is_bold(block) or _is_right_or_byline(block)):
        return None
    author = clean_author(text)
    if author:
        block.decompose()
    return author


def take_first_bold_paragraph(root: Tag) -> str | None:
    """The sapo of CMSs that print it as the body's bold first paragraph; removed from the body."""
    for child in root.find_all(["p", "div", "h2"], recursive=True):
        text = squash(child.get_text(" "))
        if not text:
            continue
        if any(isinstance(c, Tag) and c.name in ("p", "div") and squash(c.get_text()) for c in child.children):
            continue  # a wrapper: look at its first paragraph instead
        if child.find("img") is not None and len(text) < 20:
            continue
        if _is_bold(child) and len(text) >= 40:
            child.decompose()
            return text
        return None
    return None


def is_upper_name(text: str) -> bool:
    text = squash(text)
    letters = [c for c in text if c.isalpha()]
    return (
        bool(letters) and 3 <= len(text) <= 60 and all(c.isupper() for c in letters) and len(text.split()) <= 6
        and not re.search(r"[\d:;!?]", text)
    )


def make_soup(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "lxml")
