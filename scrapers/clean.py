"""Turning an article body (an lxml element, already a private copy) into clean paragraphs, images and a byline.

Everything here is about what must NOT reach the indicator extractor: ad slots, share bars,
related-news and "Đọc nhiều" blocks, "Theo dõi … trên Google News", datelines such as "(GLO)- ",
captions (kept on the images instead, once) and the byline.
"""

from __future__ import annotations

import re
import unicodedata

from indicators.normalise import normalise_text
from scrapers.css import select
from scrapers.page import drop_tree, text_content
from scrapers.records import Image
from scrapers.urls import join_url

CAPTION_SELECTORS = "figcaption, .image_desc, .PhotoCMS_Caption, .image_caption, .image-caption, .caption, .img-caption, .desc"
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
_BOILERPLATE_LINES = tuple(re.compile(pattern, re.I) for pattern in (
    r"^(?:mời (?:quý |bạn )?(?:độc giả|đọc giả|bạn đọc) )?theo dõi .{0,80}trên google news\.?$",
    r"^(?:chia sẻ|chia sẻ bài viết|in bài viết|in bài|bình luận|từ khóa|từ khoá|tags?)\s*:?$",
    r"^(?:chia sẻ (?:qua |lên )?(?:facebook|zalo|twitter|email|x)\s*)+$",
    r"^(?:xem thêm|đọc thêm|tin liên quan)\s*:.{0,300}$",
))
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


def is_related_label(text: str) -> bool:
    """A heading of a related-news block ("Tin liên quan", "ĐỌC NHIỀU:")."""
    return label_of(text) in RELATED_LABELS


def is_boilerplate_line(text: str) -> bool:
    """A paragraph that is page furniture: a related-news label, a share, print or follow line."""
    return is_related_label(text) or any(pattern.match(text) for pattern in _BOILERPLATE_LINES)


_CAPTION_LINE = re.compile(r"(?:^|[\s(–-])(?:ảnh|nguồn ảnh|ảnh minh họa|ảnh minh hoạ|photo)\s*:\s*[^.:;]{2,50}\.?\)?\.?$",
                           re.I)


def is_standalone_caption(text: str) -> bool:
    """A photo caption left as a paragraph of its own (its picture elsewhere or lazy-loaded away): short,
    and ending with the photo credit ("… Ảnh: Reuters.")."""
    return len(text) <= 300 and _CAPTION_LINE.search(text) is not None


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
    return text  # normalised with the other fields in generic.build_article


def text_of(element) -> str:
    return squash(text_content(element))


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _drop(element) -> None:
    """Remove an element but keep the text that follows it (lxml stores it on the element as `tail`)."""
    if element.getparent() is not None:
        drop_tree(element)


def attached(element, root) -> bool:
    """`element` is `root` or still inside it (an ancestor may have been dropped since it was found)."""
    node = element
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


def link_density(element) -> float:
    text = len(text_of(element))
    if not text:
        return 0.0
    return sum(len(text_of(a)) for a in element.iter("a")) / text


def remove_related_blocks(root) -> None:
    """Remove "Tin liên quan" / "Đọc nhiều" / "Xem thêm:" blocks: the label and the links it heads."""
    hits = [e for e in root.iter() if isinstance(e.tag, str) and e is not root and e.text and len(e.text) < 60
            and is_related_label(e.text)]
    for element in hits:
        if not attached(element, root):
            continue
        label = label_of(element.text)
        while element.getparent() is not None and element.getparent() is not root and \
                label_of(text_content(element.getparent())) == label:
            element = element.getparent()
        block = element.getparent()
        if block is not None and block is not root and link_density(block) >= 0.5:
            _drop(block)
            continue
        for sibling in list(element.itersiblings())[:3]:
            if isinstance(sibling.tag, str) and link_density(sibling) >= 0.5:
                _drop(sibling)
            else:
                break
        _drop(element)


_TEASER_TAGS = ("table", "div", "aside", "section", "ul", "ol", "article")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def remove_teasers(root) -> None:
    """Drop boxes inside a body that only point to other articles: their text is (nearly) all link text
    and they hold a headline or several links (inline "related" tables and cards, whatever their class).
    A paragraph that merely links a phrase has far less link text than text, so it stays."""
    for element in list(root.iter(*_TEASER_TAGS)):
        if element is root or not attached(element, root):
            continue
        text = len(text_of(element))
        if text < 15:
            continue
        links = list(element.iter("a"))
        if not links or link_density(element) < 0.8:
            continue
        if len(links) >= 2 or any(True for _ in element.iter(*_HEADINGS)):
            _drop(element)


def _image_url(img, base: str) -> str | None:
    for attr in ("data-src", "data-original", "data-lazy-src", "data-srcset", "srcset", "src"):
        value = (img.get(attr) or "").strip()
        if attr.endswith("srcset") and value:
            value = value.split(",")[0].strip().split(" ")[0]
        if value and not value.startswith(("data:", "javascript:", "about:")):
            return join_url(base, value)
    return None


def find_captions(wrapper, selectors: str) -> list:
    """The outermost elements inside `wrapper` (not itself) that `selectors` names as captions."""
    found = [e for e in select(wrapper, selectors) if e is not wrapper]
    return [e for e in found if not any(a in found for a in e.iterancestors())]


def _caption_near(img, root, caption_selectors: str) -> tuple[str | None, list]:
    """The caption that belongs to `img`, and the elements to drop from the body with it."""
    wrapper = next(img.iterancestors("figure", "table"), None)
    if wrapper is not None and not attached(wrapper, root):
        wrapper = None
    if wrapper is not None and wrapper.tag == "table" and len(list(wrapper.iter("tr"))) > 3:
        wrapper = None  # a data table that happens to contain a picture
    if wrapper is not None:
        captions = find_captions(wrapper, caption_selectors)
        if not captions and wrapper.tag == "table":
            captions = [row for row in wrapper.iter("tr") if not list(row.iter("img")) and text_of(row)]
        text = " ".join(text_of(c) for c in captions).strip()
        return (text or None), [wrapper]
    # a figure-less picture: caption in the next block when it is short and italic or centred
    block = img
    while block.getparent() is not None and block.getparent() is not root and block.tag not in ("p", "div"):
        block = block.getparent()
    if block is root or text_of(block):
        return None, []
    following = block.getnext()
    if following is not None and isinstance(following.tag, str):
        text = text_of(following)
        style = (following.get("style") or "").lower()
        italic_text = " ".join(text_of(e) for e in following.iter("em", "i") if not any(
            a.tag in ("em", "i") for a in e.iterancestors() if attached(a, following) and a is not following))
        italic = len(squash(italic_text)) >= 0.8 * len(text)
        if text and len(text) <= 400 and (italic or "center" in style or _classes(following) & {"caption", "image_desc"}):
            return text, [block, following]
    return None, [block]


def extract_images(root, base: str, caption_selectors: str = CAPTION_SELECTORS) -> list[Image]:
    """Images in the body with their captions; removes pictures and captions from the tree."""
    images: list[Image] = []
    seen: dict[str, int] = {}
    for img in list(root.iter("img")):
        if not attached(img, root):
            continue
        url = _image_url(img, base)
        caption, drop = _caption_near(img, root, caption_selectors)
        caption = normalise_text(caption) if caption else None
        if url:
            if url in seen:
                if caption and not images[seen[url]].caption:
                    images[seen[url]] = Image(url=url, caption=caption)
            else:
                seen[url] = len(images)
                images.append(Image(url=url, caption=caption))
        for element in drop:
            if attached(element, root) and element is not root:
                _drop(element)
        if attached(img, root) and img is not root:
            _drop(img)
    for stray in find_captions(root, caption_selectors):
        if attached(stray, root):
            _drop(stray)
    return images


def paragraphs(root) -> list[str]:
    """Block-level text of `root`, one string per paragraph (a <br> also ends a paragraph)."""
    out: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            text = squash("".join(buffer))
            buffer.clear()
            if text:
                out.append(text)

    def walk(node) -> None:
        if node.text:
            buffer.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else None
            if tag is None:
                pass  # comment or processing instruction: its text is not content
            elif tag == "br":
                flush()
            elif tag in SKIP_TAGS:
                pass
            elif tag in BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)
                if tag in ("td", "th"):
                    buffer.append(" ")
            if child.tail:
                buffer.append(child.tail)

    walk(root)
    flush()
    return out


def _is_bold(element) -> bool:
    text = text_of(element)
    if not text:
        return False
    if _BOLD_STYLE.search(element.get("style") or "") or element.tag in ("strong", "b"):
        return True
    bold = sum(len(text_of(b)) for b in element.iter("strong", "b")
               if b is not element and not any(a.tag in ("strong", "b") for a in b.iterancestors() if attached(a, element)
                                               and a is not element))
    return bold >= 0.9 * len(text)


def _is_right_or_byline(element) -> bool:
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if _RIGHT.search(node.get("style") or "") or (node.get("align") or "").lower() == "right":
            return True
        if _classes(node) & _BYLINE_CLASSES:
            return True
    return False


def last_block(root):
    """The last leaf-ish block holding text (descends through wrapper divs)."""
    node = root
    while True:
        # the last child holding text (read from the end: only it matters, and text_of is not free)
        last = next((c for c in reversed(node) if isinstance(c.tag, str) and c.tag not in SKIP_TAGS and text_of(c)),
                    None)
        if last is None:
            return node if node is not root else None
        trailing = "".join([last.tail or ""] + [c.tail or "" for c in last.itersiblings()])
        if trailing.strip():
            return node if node is not root else None
        if last.tag in BLOCK_TAGS and any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in last):
            node = last
            continue
        return last


def looks_like_byline(text: str) -> bool:
    text = squash(text)
    if not text or len(text) > 60 or len(text.split()) > 9:
        return False
    # a sentence ends with a period after a lower-case word; initials ("P.Y", "N.H.") do not
    return not re.search(r"[a-zà-ỹ]{3,}[.!?…]$", text) and not re.search(r"\d{3,}", text)


def take_tail_byline(root, *, require_style: bool = True) -> str | None:
    """A short bold or right-aligned last paragraph is the byline: return it and drop it."""
    block = last_block(root)
    if block is None:
        return None
    text = text_of(block)
    if not looks_like_byline(text):
        return None
    if require_style and not (_is_bold(block) or _is_right_or_byline(block)):
        return None
    author = clean_author(text)
    if author:
        _drop(block)
    return author


def take_first_bold_paragraph(root) -> str | None:
    """The sapo of CMSs that print it as the body's bold first paragraph; removed from the body."""
    for child in root.iter("p", "div", "h2"):
        if child is root:
            continue
        text = text_of(child)
        if not text:
            continue
        if any(isinstance(c.tag, str) and c.tag in ("p", "div") and text_of(c) for c in child):
            continue  # a wrapper: look at its first paragraph instead
        if list(child.iter("img")) and len(text) < 20:
            continue
        if _is_bold(child) and len(text) >= 40:
            _drop(child)
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
