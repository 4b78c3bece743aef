"""Vietnamese figures: find the quantities an article states and read their values.

`.` groups thousands and `,` is the decimal mark (`1.465`, `98,35`); money scales are `tỷ`,
`triệu`, `nghìn`/`ngàn` đồng. Many digit strings in a Party-building article are not quantities at
all: dates (`30-6`, `21/8/2024`), times (`09:59`), years and terms (`2020-2025`), document numbers
(`02-NQ/TW`), ordinals (`lần thứ 8`), grades (`nhà cấp 4`), ages and durations (`40 năm tuổi Đảng`,
`5 năm liền`), list markers and image file names. They are dropped here, so the rules only ever
see real quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_L = "A-Za-zÀ-ỹĐđ"  # letters, Vietnamese included
_WORD_CHAR = rf"[{_L}0-9_]"

# a run of digits with . and , marks; it must not touch letters (image ids, Covid-19, GMT+7, 5G).
# The first digit comes before the look-behinds (which then look one character further back): a
# pattern that opens with a character class lets `re` skip to the next digit in C, where one that
# opens with a look-behind is tried at every position of the article.
_NUM = re.compile(rf"\d(?<![{_L}0-9_.,/:+\-]\d)(?<![{_L}][\-+]\d)\d*(?:[.,]\d+)*")
_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                 "chín": 9, "mười": 10}
# a count written in words only counts before a classifier ("một căn", "hai đảng viên")
# (and "người": "Bốn người bị khai trừ Đảng"; and an amount in đồng: "hơn một nghìn tỷ đồng", "gần hai tỷ đồng")
_CLASSIFIERS = ("căn", "ngôi", "mái ấm", "đảng viên", "đv", "hộ", "quần chúng", "tổ chức cơ sở", "chi bộ", "chỉ tiêu",
                "trường hợp", "người", "tỷ", "triệu", "nghìn tỷ", "ngàn tỷ")
_SCALE_WORDS = ("tỷ", "triệu", "nghìn", "ngàn")
# the words a count in words can end on: a digit word, or the last word of a compound ("hai mươi", "một trăm",
# "mười lăm", "hai mươi mốt")
_WORD_NUM = re.compile(
    r"(?<![\w])(một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|chục|trăm|lăm|mốt)\s+"
    rf"(?=(?:{'|'.join(_CLASSIFIERS)})(?!\w))",
    re.IGNORECASE,
)
_NUMBER_WORD_ENDS = (*_NUMBER_WORDS, "mươi", "chục", "trăm", "lăm", "mốt")
# digit words inside a compound: "lăm" and "mốt" are five and one after a ten ("mười lăm", "hai mươi mốt")
_COMPOUND_DIGITS = {**_NUMBER_WORDS, "lăm": 5, "mốt": 1}
_COMPOUND_WORDS_BEFORE = re.compile(
    r"(?:(?<!\w)(?:một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|mươi|chục|trăm|lăm|mốt|linh|lẻ)\s+)+$", re.IGNORECASE)
_CLASSIFIED = re.compile(rf"\s*(?:{'|'.join(_CLASSIFIERS)})(?!\w)", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:của|là|như|mỗi)\s+$", re.IGNORECASE)
_ORDINAL_BEFORE = re.compile(r"(?:thứ|lần|số)\s*$", re.IGNORECASE)
_SCALES = {"nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "tỷ": 1e9, "tỉ": 1e9, "triệu": 1e6, "tr": 1e6, "vạn": 1e4,
           "nghìn": 1e3, "ngàn": 1e3}
# whole words ("5 tỉnh" is five provinces, "tỷ lệ" a share); "tr" abbreviates triệu only before đồng
# ("117,6trđ", "50 tr.đ"); "vạn", ten thousand, only in lower case ("27 vạn đảng viên"; not a place, "Vạn Ninh")
_SCALE = (rf"(?:(?:nghìn tỷ|ngàn tỷ|tỷ|tỉ|triệu|nghìn|ngàn|(?-i:vạn))(?![{_L}]|\s+lệ(?![{_L}]))"
          rf"|tr\.?(?=\s*đ(?:ồng)?(?![{_L}])))")
_NOT_MONEY_AFTER_DONG = (r"chí|bào|thời|ý|hành|tình|lòng|bộ|loạt|nghiệp|đều|hương|cảm|minh|tâm|phục|sức|"
                         r"đẳng|đội|ca|hồ|nhất|dạng|thuận|bằng|khởi|lúa|cỏ|ruộng|xu|nát|hợp|tộc|môn|phục")
# a money tail: scales ("1 tỷ 200 triệu đồng") then đồng / đ / VNĐ
_MONEY_TAIL = re.compile(
    rf"\s*(?P<scale>{_SCALE})?(?P<more>(?:\s+\d+(?:[.,]\d+)*\s*{_SCALE})*)\s*"
    rf"(?P<cur>đồng(?!\w)|đ(?![{_L}]|/[{_L}])|VNĐ|VND|vnđ)?",
)
# what `_MONEY_TAIL` needs to find a scale or a currency: the first letter of one, or the digit of a
# "1 tỷ 200 triệu đồng"; a cheap test that rules out most counts before the full pattern runs
_MONEY_START = re.compile(rf"\s*(?:[nt\dVv]|đ(?:ồ|(?![{_L}]|/[{_L}])))")
_SCALED = re.compile(rf"(\d+(?:[.,]\d+)*)\s*({_SCALE})")
_COUNTED_AFTER = re.compile(r"\s*[\w“\"%]")
_FROM_TAIL = re.compile(r"từ\s*$")
_MONEY_WORD_BEFORE = re.compile(r"(?:tiền|trị giá|kinh phí|ngân sách|quỹ)\b[^.;]{0,25}$", re.IGNORECASE)
_GIVEN_BEFORE = re.compile(r"(?:ủng hộ|vận động|quyên góp|đóng góp|tài trợ|hỗ trợ|tặng)(?:\s+được)?(?:\s+(?:hơn|trên|gần|"
                           r"khoảng))?\s*$", re.IGNORECASE)
# scaled amounts listed up to one that names đồng: "12,5 tỷ, 14 tỷ và 15,2 tỷ đồng" are all money
_LISTED_UP_TO_MONEY = re.compile(
    rf"(?:\s*(?:,\s*(?:và\s+)?|và\s+)(?:(?:hơn|trên|gần|khoảng)\s+)?\d+(?:[.,]\d+)*\s*{_SCALE})+"
    rf"(?:\s+\d+(?:[.,]\d+)*\s*{_SCALE})*\s*(?:đồng(?!\w)|đ(?![{_L}])|VNĐ|VND|vnđ)", re.IGNORECASE)
# (not the low end of a range of things counted: "hỗ trợ khoảng 7 nghìn đến 8 nghìn căn nhà")
# (nor over an amount of the same scale: "vận động được 5,6 tỷ/3,5 tỷ", an amount out of its plan)
_NOTHING_COUNTED = re.compile(r"\s*(?:$|[,.;:)]|(?:cho|để|và|nhằm|giúp|vào|từ)(?!\w)|/\s?\d[\d.,]*\s*(?:tỷ|tỉ|triệu)"
                              r"(?=\s*(?:$|[,.;:)]|(?:đạt|bằng|so với|vượt)(?!\w)))|"
                              r"(?:tới|đến)(?!\w)"
                              r"(?!\s*\d[\d.,]*\s*(?:nghìn|ngàn|triệu)?\s*(?:căn|ngôi|nhà|hộ|người|đảng viên|suất)(?!\w)))")
_NOT_MONEY = re.compile(rf"\s+(?:{_NOT_MONEY_AFTER_DONG})(?!\w)")
_PERCENT_TAIL = re.compile(r"\s*(?:%|phần trăm(?!\w))")
# a resolution's figure, not its number: "(Nghị quyết 490 đảng viên)"
_RESOLUTION_TAIL = re.compile(r"(?<!\w)(?:nghị quyết|nq)\s*$", re.IGNORECASE)
_PLANNED_AFTER = re.compile(r"\s*(?:đảng viên|đv|quần chúng|căn|ngôi nhà)(?!\w)", re.IGNORECASE)
_FRACTION = re.compile(r"/(\d+(?:[.,]\d+)*)")
_MONEY_OVER = re.compile(r"/\s?(\d+(?:[.,]\d+)*)")  # "… đồng/2,2 tỷ đồng": over a second amount
_SCALED_TOP = re.compile(r"\s*(?:đến|tới|-|–)\s*(\d+(?:[.,]\d+)*)(?=\s*(?:nghìn|ngàn|triệu|tỷ)(?!\w))")
# a ratio with its counted noun before the "/": "80 đảng viên/85 chỉ tiêu", "12 căn/15 căn nhà" (the same noun or a
# plan after the whole, or nothing counted; not "3 đảng viên/1 chi bộ", how many to a cell)
_NOUN_OUT_OF = re.compile(r"\s*(?P<noun>đảng viên|đv|căn nhà|căn|ngôi nhà|nhà|hộ|quần chúng|chỉ tiêu)\s*/\s*"
                          r"(?P<den>\d+(?:\.\d{3})*)(?![\d,./])"
                          r"(?=\s*(?:(?P=noun)|chỉ tiêu|kế hoạch|[(,;.)]|$|(?:đạt|so với|theo)(?!\w)))", re.IGNORECASE)
# ("Đây là 1 trong 40 căn nhà được xây mới": one of them, no part of a whole)
_ONE_OF = re.compile(r"(?<!\w)là\s*$", re.IGNORECASE)
# "14 trên tổng số 16 chỉ tiêu", "45 trên 50 tổ chức", "17 trong tổng số 19 mục tiêu": a part of a whole, written out
# (a word follows the whole; or "trong" alone before a counted noun: "bàn giao 1 trong 20 nhà", "đạt 15 trong 17 chỉ
# tiêu")
_OUT_OF = re.compile(r"\s+(?:trên\s+(?:tổng\s+số\s+)?|trong\s+(?:tổng\s+)?số\s+|trong\s+(?=\d[\d.]*\s+(?:căn|ngôi|nhà|"
                     r"chỉ tiêu|mục tiêu|tổ chức|đảng viên)(?!\w)))(\d+(?:\.\d{3})*)(?=\s+[^\W\d])")
_PERCENT_RANGE = re.compile(r"\s?(?:[-–]|đến|tới)\s?(\d+(?:,\d+)?)\s*%")
_DASH_PAIR = re.compile(r"\s?[-–]\s?(\d+(?:[.,]\d+)*)")
_RANGE_WORD = re.compile(r"\s+(?:đến|tới)\s+(\d+(?:[.,]\d+)*)")
_GLUED = re.compile(rf"[{_L}_]")
# (but a count glued to what it counts is a count: "kết nạp được 11quần chúng ưu tú")
_GLUED_COUNTED = re.compile(r"(?:quần chúng|đảng viên|căn nhà|ngôi nhà|hộ nghèo|tổ chức cơ sở)(?!\w)", re.IGNORECASE)
_GLUED_MONEY = re.compile(rf"(?:đ|{_SCALE})", re.IGNORECASE)
_TIME_AFTER = re.compile(r"[:hg]\d{2}(?!\d)")
_DOC_AFTER = re.compile(rf"(?:[-/][{_L}]|[-–]\d+[-/][{_L}])")
_YEAR_RANGE_AFTER = re.compile(r"\s?[-–]\s?\d{4}")
_LIST_MARKER_AFTER = re.compile(r"[.)]\s")
_DATE_AFTER = re.compile(r"([-/.])\d{1,2}\1(?:\d{4}|\d{2})(?![\d.,])")


def _times(value: float, mult: float) -> float:
    """A scaled amount in whole đồng: "8,2 tỷ" is 8,200,000,000, not the 8,199,999,999.999999 that floats make of it."""
    return float(round(value * mult)) if mult >= 1000 else value * mult


# words after a number that make it a duration, an age, a calendar unit: never a quantity
_UNIT_AFTER = re.compile(
    r"\s*(?:,\s*\d+\s*)*(?:(?:và|hoặc)\s*\d+\s*)?"
    r"(?:năm|tháng|ngày|tuần|giờ|phút|giây|quý|thế kỷ|tuổi|nhiệm kỳ|km|m2|m²|m3|ha|kg|tấn|lít|USD|"
    r"đợt|kỳ|lần|buổi|khóa|cuộc|lớp|độ|điểm)(?!\w)",
    re.IGNORECASE,
)
# words right before a number that make it a label (ordinal, grade, document, place): never a quantity
_LABEL_WORDS = (
    "thứ", "lần", "đợt", "khóa", "cấp", "hạng", "loại", "bậc", "điều", "khoản", "điểm", "mục", "chương", "trung ương",
    "hội nghị", "nghị quyết", "chỉ thị", "kết luận", "quy định", "quyết định", "hướng dẫn", "thông tri",
    "công văn", "kế hoạch số", "nghị định", "thông tư", "phường", "quận", "tổ", "thôn", "khu phố", "khu", "xóm",
    "quốc lộ", "ql", "tỉnh lộ", "km", "lô", "huy hiệu", "tốp", "top", "vòng", "mã", "tiểu đoàn", "trung đoàn",
    "sư đoàn", "quân đoàn", "quân khu", "đồn", "trạm", "đội", "ảnh", "hình", "tầng", "phòng", "ấp", "buôn", "làng",
    "bản", "tờ", "trang", "kênh", "gmt", "đường", "căn hộ", "nhà số", "năm", "tháng", "ngày", "giai đoạn",
    "nhiệm kỳ", "từ năm", "đến năm", "quý",
)


def by_last_letter(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """`words` grouped by their last letter: a suffix test need only try the words ending on the right one."""
    return {c: tuple(w for w in words if w[-1] == c) for c in {w[-1] for w in words}}


_LABELS_BY_LAST = by_last_letter(_LABEL_WORDS)


_PLACE_LABELS = ("đồn", "làng", "bản", "buôn", "xóm", "ấp", "khu")  # label words that also end places' names
_NAME_ENDS = re.compile(r"(?<![\w.])[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]\w*\s+"
                        r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]\w*\s*$")
# compounds that end on a label word but name a body, not a number's label ("Biên phòng 15": the border guard)
_NOT_LABELS = ("biên phòng", "quốc phòng", "bộ đội", "văn phòng", "công an", "nâng cấp")


def _label_before(before: str) -> bool:
    """`before` ends (spaces aside) with a label word: `lần thứ 8`, `Quyết định 02`, `số 5` (not `tổng số`).
    A suffix test, not a regex search: it runs for nearly every digit run of every article."""
    tail = before.rstrip().lower()
    if tail.endswith(_NOT_LABELS):
        return False
    if tail.endswith(_LABELS_BY_LAST.get(tail[-1:], ())):
        # the last word of a place's name is no label: "huyện Vân Đồn 11 đảng viên" (but "Đồn 11", "thôn Đồn 3")
        return not (tail.endswith(_PLACE_LABELS) and _NAME_ENDS.search(before))
    return tail.endswith("số") and not tail.endswith(("tổng số", "con số", "trong số"))  # ("trong số 7 đảng viên": among)


_DATE_BEFORE = re.compile(r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|mùng|mồng|rạng sáng|vào|từ|đến|tới|hạn|"
                          r"thứ \w+,?|chủ nhật,?)\s*$", re.IGNORECASE)
# the words `_DATE_BEFORE`'s branches end on (`rạng sáng` on `sáng`, `chủ nhật,` on `nhật,`); the one
# branch that ends on any word, `thứ \w+,?`, holds `thứ` before it
_DATE_LAST_WORDS = ("ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "mùng", "mồng", "vào", "từ", "đến", "tới",
                    "hạn", "nhật", "nhật,")


def may_end_on(low: str | None, start: int, end: int, last_words: tuple[str, ...], inside: str) -> bool:
    """False when `low[start:end]` (`low` is `caseless(text)`, None when unknown) neither ends on one
    of `last_words` nor holds `inside` anywhere.

    An end-anchored, case-blind pattern is tried by `re` at every position of the stretch before a
    figure; when its branches can end only on those words (or one of them needs `inside`), two `str`
    tests on the same stretch of `low` settle most figures without it.
    """
    if low is None:
        return True
    stretch = low[start:end]
    return stretch.rstrip().endswith(last_words) or inside in stretch


def _dated(before: str, low: str | None, start: int) -> bool:
    """`_DATE_BEFORE.search(before)`, where `before` is the 30 characters of the text before `start`."""
    if not may_end_on(low, max(0, start - 30), start, _DATE_LAST_WORDS, "thứ"):
        return False
    return _DATE_BEFORE.search(before) is not None


_LIST_MARKER = re.compile(r"(?:^|\n)\s*\(?$")
_PAREN_MARKER = re.compile(r"\)\s+[A-ZĐÀ-Ỹ]")
_COMMENTS_AFTER = re.compile(r"\)\s*(?:comments?|bình luận|lượt)", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    """One quantity stated in the text, with the span it occupies."""

    start: int
    end: int
    value: float
    unit: str  # percent | count | vnd
    denominator: float | None = None
    den_start: int | None = None  # where the denominator's digits are (a plan figure of its own)
    den_end: int | None = None
    range_role: str | None = None  # "low" | "high" for the two ends of "85-90%", "từ 3 đến 5"
    in_words: bool = False


def parse_vn_number(token: str) -> float:
    """Read `1.465`, `98,35`, `1.234,5`; a lone dot before other than three digits is a decimal."""
    token = token.strip()
    if token.isdecimal():  # most figures
        return float(token)
    if "," in token and "." in token:
        return float(token.replace(".", "").replace(",", "."))
    if "," in token:
        parts = token.split(",")
        if len(parts) > 2 and all(len(p) == 3 for p in parts[1:]):  # English thousands 1,234,567
            return float("".join(parts))
        return float(token.replace(",", "."))
    if "." in token:
        parts = token.split(".")
        if all(len(p) == 3 for p in parts[1:]):
            return float("".join(parts))
        if len(parts) == 2:
            return float(token)
        return float("".join(parts))
    return float(token)


def format_vn_number(value: float, decimals: int = 0) -> str:
    """Write a number the way Vietnamese papers do: `1.465`, `98,35`."""
    text = f"{abs(value):,.{decimals}f}"
    text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    return ("-" if value < 0 else "") + text


def _valid_day_month(a: float, b: float) -> bool:
    return a.is_integer() and b.is_integer() and 1 <= a <= 31 and 1 <= b <= 12


def _is_year(token: str, value: float) -> bool:
    return len(token) == 4 and token.isdecimal() and 1900 <= value <= 2100


def _money_multiplier(text: str, pos: int) -> tuple[float, int, bool]:
    """Scale and currency right after a number: (multiplier, end, is_money)."""
    if not _MONEY_START.match(text, pos):
        return 1.0, pos, False  # most counts: "120 đảng viên"
    m = _MONEY_TAIL.match(text, pos)
    if not m or not (m.group("scale") or m.group("cur")):
        return 1.0, pos, False
    mult = _SCALES[m.group("scale").lower().rstrip(".")] if m.group("scale") else 1.0
    if m.group("cur") == "đồng" and not m.group("scale") and _NOT_MONEY.match(text, m.end()):
        return 1.0, pos, False  # "5 đồng chí", "đồng bào"
    if m.group("cur"):
        return mult, m.end(), True
    if m.group("scale") and m.group("more") and all(
            _SCALES[part.group(2).lower().rstrip(".")] < mult for part in _SCALED.finditer(m.group("more"))):
        # "trị giá 35 tỷ 134 triệu", "1 tỷ 200 triệu": an amount in descending scales is money even without "đồng"
        # (counts are not written so)
        return mult, m.end("more"), True
    if m.group("scale"):
        # a scale without đồng is money only when the words before say so; the caller decides
        end = m.start("scale") + len(m.group("scale"))
        return mult, end, False
    return 1.0, pos, False


def _extra_scaled(text: str, pos: int) -> float:
    """The '200 triệu' of '1 tỷ 200 triệu đồng'."""
    m = _MONEY_TAIL.match(text, pos)
    total = 0.0
    if m and m.group("more"):
        for part in _SCALED.finditer(m.group("more")):
            total += _times(parse_vn_number(part.group(1)), _SCALES[part.group(2).lower().rstrip(".")])
    return total


def caseless(text: str) -> str | None:
    """`text.lower()` when it folds case character for character as an IGNORECASE regex does; else None.

    Then an IGNORECASE pattern of lower-case Latin words matches `text` only where the words occur in
    the result, and a `find` or an `in` test can stand in for a regex scan of the whole text. It
    does not when lower-casing changes the length (İ), or keeps a letter IGNORECASE folds (ı, ſ).
    """
    low = text.lower()
    if len(low) != len(text) or "ı" in low or "ſ" in low:
        return None
    return low


def find_amounts(text: str) -> list[Amount]:
    """Every quantity in `text` (already normalised), in order; labels, dates and years left out."""
    return amounts_in(text, caseless(text))


def amounts_in(text: str, low: str | None) -> list[Amount]:
    """`find_amounts(text)`, for a caller that has `low = caseless(text)` already."""
    out: list[Amount] = []
    skip_until = -1
    for m in _NUM.finditer(text):
        if m.start() < skip_until:
            continue
        token, start, end = m.group(), m.start(), m.end()
        try:
            value = parse_vn_number(token)
        except ValueError:
            continue
        before = text[max(0, start - 30):start]
        after = text[end:end + 40]
        if _GLUED.match(after) and not _GLUED_MONEY.match(after) and not _GLUED_COUNTED.match(after):
            continue  # glued to letters: an id, a code, "5G" (but "500đ", "117,6trđ", "1,3tỷ đồng" are money)
        if "." in token and _dotted_date(token, text, end, after):
            continue  # "Chiều 16.1, …", "(17.10 - 18.11.2021)": a day and month, never a decimal figure
        # the character after the number rules most patterns out (each `… and` below is one that
        # cannot match unless it opens with that character): most numbers are followed by a space
        nxt = after[:1]
        if nxt in ":hg-–/.":
            date = _DATE_AFTER.match(after)
            if date or _TIME_AFTER.match(after) or _DOC_AFTER.match(after):
                skip_until = end + (date.end() if date else 0)
                continue
        if _is_year(token, value):
            skip_until = end + (m2.end() if (m2 := _YEAR_RANGE_AFTER.match(after)) else 0)
            continue
        # a share is never a label: "theo Nghị quyết 90% trở lên" is a rate, "Nghị quyết 02" a document; nor is an
        # amount in đồng: "các xã, phường 998 triệu đồng"
        if not _PERCENT_TAIL.match(after) and (_UNIT_AFTER.match(after)
                                               or _label_before(before) and not _money_multiplier(text, end)[2]
                                               and not (_RESOLUTION_TAIL.search(before) and _PLANNED_AFTER.match(after))):
            continue
        if nxt in ".)" and _LIST_MARKER.search(before) and _LIST_MARKER_AFTER.match(after) or \
                nxt == ")" and _COMMENTS_AFTER.match(after):
            continue
        if nxt == ")" and before.endswith("(") and _PAREN_MARKER.match(after):  # "(2) Hàng năm": a list marker
            continue
        frac = _FRACTION.match(after) if nxt == "/" else _OUT_OF.match(after) if after[1:5] in ("trên", "tron") \
            and not _ONE_OF.search(before) else None
        dash = _DASH_PAIR.match(after) if "-" in after[:2] or "–" in after[:2] else None
        if frac:
            other = parse_vn_number(frac.group(1))
            if _dated(before, low, start) and _valid_day_month(value, other):
                skip_until = end + frac.end()
                continue
            if _valid_day_month(value, other) and not _COUNTED_AFTER.match(after, frac.end()) and \
                    not _in_ratio_list(out, text, start):
                skip_until = end + frac.end()
                continue  # "21/8" with nothing counted after it is a date
            tail = end + frac.end()
            den_end = tail
            plan_top = _DASH_PAIR.match(text, tail)
            if plan_top and parse_vn_number(plan_top.group(1)) > other:
                # "7.979/8.000 - 8500 đảng viên": the plan is a range; its top says nothing of the result
                tail = plan_top.end()
            unit, mult, extra, q_end = _unit_after(text, tail, before)
            # the scale after the whole is the part's too ("35/30 tỷ đồng"), unless the part is written out in đồng:
            # "vận động được 14.714.669.968/9,5 tỷ đồng"
            own_scale = mult if value < 1000 * other else 1.0
            out.append(Amount(start, q_end, _times(value, own_scale), unit, _times(other, mult) + extra,
                              end + 1, den_end))
            skip_until = tail
            continue
        if dash:
            other = parse_vn_number(dash.group(1))
            tail = end + dash.end()
            unit, mult, extra, q_end = _unit_after(text, tail, before)
            if _valid_day_month(value, other) and unit == "count" and not _CLASSIFIED.match(text, tail):
                skip_until = tail
                continue  # "15-7", "4-1": a date (not "từ 10 - 12 đảng viên", a range of a count)
            if other <= value or _is_year(dash.group(1), other):
                skip_until = tail
                continue
            out.append(Amount(start, end, _times(value, mult), unit, range_role="low"))
            out.append(Amount(end + dash.start(1), q_end, _times(other, mult) + extra, unit, range_role="high"))
            skip_until = tail
            continue
        rng = _RANGE_WORD.match(after) if "đến" in after or "tới" in after else None
        if rng:
            tail = end + rng.end()
            unit, mult, extra, q_end = _unit_after(text, tail, before)
            if unit != "count" or _FROM_TAIL.search(before):
                other = parse_vn_number(rng.group(1))
                # the scale after the high end is the low end's too ("từ 10 đến 15 triệu đồng"), unless that makes the
                # low end the larger: "từ 350.000 đến 1 triệu đồng" is in đồng at its low end
                low_mult = mult if value <= other else 1.0
                out.append(Amount(start, end, _times(value, low_mult), unit, range_role="low"))
                out.append(Amount(end + rng.start(1), q_end, _times(other, mult) + extra, unit, range_role="high"))
                skip_until = tail
                continue
        if after[:1] in ("-", "/") and after[1:2].isdecimal() and _dated(before, low, start):
            continue
        unit, mult, extra, q_end = _unit_after(text, end, before)
        top = _SCALED_TOP.match(text, q_end) if unit == "count" and mult != 1.0 else None
        if top:
            top_unit, top_mult, _, top_end = _unit_after(text, top.end(1), "")
            top_value = parse_vn_number(top.group(1))
            if (top_unit, top_mult) == (unit, mult) and top_value > value:
                # "khoảng 7 nghìn đến 8 nghìn căn nhà": a range, its scale said at both ends
                out.append(Amount(start, q_end, _times(value, mult), unit, range_role="low"))
                out.append(Amount(top.start(1), top_end, _times(top_value, mult), unit, range_role="high"))
                skip_until = top_end
                continue
        if unit == "count" and "/" in text[q_end:q_end + 16] and (per := _NOUN_OUT_OF.match(text, q_end)):
            out.append(Amount(start, q_end, value, unit, parse_vn_number(per.group("den")), per.start("den"),
                              per.end("den")))
            skip_until = per.end("den")
            continue
        high = _PERCENT_RANGE.match(text, q_end) if unit == "percent" else None
        if high and parse_vn_number(high.group(1)) > value:
            # "từ 8% - 9%", "5% đến 7%": a range with the sign on both ends
            out.append(Amount(start, q_end, value, unit, range_role="low"))
            out.append(Amount(high.start(1), high.end(), parse_vn_number(high.group(1)), unit, range_role="high"))
            skip_until = high.end()
            continue
        over = _MONEY_OVER.match(text, q_end) if unit == "vnd" and text.startswith("/", q_end) else None
        if over:
            den_unit, den_mult, den_extra, den_end = _unit_after(text, over.end(1), "")
            if den_unit == "vnd" or den_unit == "count" and den_mult == mult >= 1e6:
                # "cấp tỉnh 5.299.856.928 đồng/2,2 tỷ đồng": an amount out of its plan, both in đồng (not "50 triệu
                # đồng/1 nhà", an amount per house), or the plan in the amount's scale with đồng left out at both
                # ends ("vận động được 5,6 tỷ/3,5 tỷ")
                out.append(Amount(start, den_end, _times(value, mult) + extra, unit,
                                  _times(parse_vn_number(over.group(1)), den_mult) + den_extra,
                                  over.start(1), over.end(1)))
                skip_until = den_end
                continue
        out.append(Amount(start, q_end, _times(value, mult) + extra, unit))
        skip_until = q_end
    out.extend(_word_counts(text, low))
    dens = {a.den_start for a in out if a.den_start is not None}
    out.extend(a for a in _wholes_after_a_part(text) if a.start not in dens)
    out.sort(key=lambda a: a.start)
    return out


# a part over its whole, each with its noun: "kết nạp được 121 đảng viên người dân tộc thiểu số/147 đảng viên kết nạp
# mới", "87 đảng viên nữ/136 đảng viên mới" (a number right after a slash is otherwise never a figure of its own)
_WHOLE_AFTER_PART = re.compile(r"/\s?(\d+(?:\.\d{3})*)(?=\s+(?:đảng viên|đv)(?!\w))", re.IGNORECASE)


def _wholes_after_a_part(text: str) -> list[Amount]:
    if "/" not in text:
        return []
    return [Amount(m.start(1), m.end(1), parse_vn_number(m.group(1)), "count")
            for m in _WHOLE_AFTER_PART.finditer(text) if text[max(0, m.start() - 2):m.start()].strip()[-1:].isalpha()]


_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})(?:\.(?:\d{4}|\d{2}))?")


def _dotted_date(token: str, text: str, end: int, after: str) -> bool:
    """`16.1`, `18.11.2021`: a dotted day and month (a Vietnamese figure groups thousands by three digits
    after a dot, and writes decimals with a comma), unless a share or money follows (`2.5%`, `1.5 tỷ`)."""
    m = _DOTTED_DATE.fullmatch(token)
    if m is None or not _valid_day_month(float(m.group(1)), float(m.group(2))) or _PERCENT_TAIL.match(after):
        return False
    mult, _, is_money = _money_multiplier(text, end)
    return mult == 1.0 and not is_money


def _in_ratio_list(found: list[Amount], text: str, start: int) -> bool:
    """The figure at `start` follows a ratio of the same list ("Thanh Hải 11/15, Đồng Cốc 8/7"): then an
    `8/7` is one more ratio, not the 8th of July."""
    last = found[-1] if found else None
    return last is not None and last.denominator is not None and start - last.end <= 40 and \
        not re.search(r"[.!?\n]|ngày|tháng", text[last.end:start])


def _word_counts(text: str, low: str | None) -> list[Amount]:
    """Counts written in words before a classifier ("bàn giao một căn nhà"), not after an ordinal nor
    before a capital (a place's name), and not "một" where it is the article ("của một đảng viên")."""
    out = []
    for m in _word_num_matches(text, low):
        start, value = _number_in_words(text, m.start(1), m.end(1))
        if value is None:
            continue  # "hàng trăm hộ", "vài chục đảng viên": no number
        if _ORDINAL_BEFORE.search(text[max(0, start - 8):start]):
            continue
        if text[m.end()].isupper() and text[m.end() + 1:m.end() + 2].islower() \
                and not text[m.end():m.end() + 9].lower().startswith("đảng viên"):
            # a name, not a count: "huyện Năm Căn" (Cà Mau) (but "ba ĐV": an abbreviation; "Hai Đảng viên trẻ …": members
            # written with the Party's capital)
            continue
        if start == m.start(1) and m.group(1).lower() == "một" \
                and _ARTICLE_BEFORE.search(text, max(0, start - 12), start):
            continue  # "trách nhiệm của một đảng viên", "là một đảng viên": "a", not one
        if text[m.end():m.end() + 5].lower().startswith(_SCALE_WORDS):
            mult, end, money = _money_multiplier(text, m.end(1))
            if money:  # "hai tỷ đồng"; a scale with no đồng after it counts nothing read here ("hai triệu người")
                out.append(Amount(start, end, _times(value, mult), "vnd", in_words=True))
            continue
        out.append(Amount(start, m.end(1), value, "count", in_words=True))
    return out


def _number_in_words(text: str, start: int, end: int) -> tuple[int, float | None]:
    """Where the number written in words that ends with the word at start..end begins, and its value.

    The longest run of number words before that word that reads as one number ("Hai mươi hai đảng
    viên" is 22, not 2; "mười lăm" 15; "một trăm linh năm" 105); a run that does not ("trong năm hai
    đảng viên") keeps its longest tail that does. None: no tail reads as a number ("hàng trăm hộ").
    """
    before = _COMPOUND_WORDS_BEFORE.search(text, max(0, start - 60), start)
    first = before.start() if before else start
    words = [(w.start(), w.group().lower()) for w in re.finditer(r"\w+", text[first:end])]
    for i, (at, _word) in enumerate(words):
        value = _words_value([w for _, w in words[i:]])
        if value is not None:
            return first + at, float(value)
    return start, None


def _words_value(words: list[str]) -> int | None:
    """Value of Vietnamese number words (units, tens with `mươi`/`chục` or `mười`, hundreds with `trăm`),
    or None when they do not read as one number."""
    total, digit, seen_ten = 0, None, False
    for i, word in enumerate(words):
        if word in ("mươi", "chục", "trăm"):
            if digit is None:
                return None
            total += digit * (100 if word == "trăm" else 10)
            seen_ten = word != "trăm"
            digit = None
        elif word == "mười":
            if digit is not None or seen_ten:
                return None
            total, seen_ten = total + 10, True
        elif word in ("linh", "lẻ"):
            if i == 0 or digit is not None:
                return None
        elif digit is not None or word not in _COMPOUND_DIGITS or (word in ("lăm", "mốt") and not seen_ten):
            return None  # two digits in a row, not a number word, or "lăm" with no ten before it
        else:
            digit = _COMPOUND_DIGITS[word]
    return total + (digit or 0) if total or digit else None


def _word_num_matches(text: str, low: str | None) -> list[re.Match[str]]:
    """`list(_WORD_NUM.finditer(text))`, found from the classifiers instead of at every word.

    A case-insensitive pattern that opens with a look-behind is tried at every position of the
    article; the classifiers are found with `str.find` in its lower case (`low`, `caseless(text)`;
    None: not safe to, so the plain search runs), and `_WORD_NUM` itself is
    matched only where a number word (two to four letters) can end just before the spaces before
    one. Its matches never overlap, so these are the same matches.
    """
    if low is None:
        return list(_WORD_NUM.finditer(text))
    found: dict[int, re.Match[str]] = {}
    for word in _CLASSIFIERS:
        at = low.find(word)
        while at != -1:
            end = at  # of the number word: the spaces before the classifier start there
            while end and low[end - 1].isspace():
                end -= 1
            if end < at and low.endswith(_NUMBER_WORD_ENDS, max(0, end - 4), end):
                for start in range(max(0, end - 4), end - 1):
                    m = _WORD_NUM.match(text, start)
                    if m:
                        found[start] = m
            at = low.find(word, at + 1)
    return [found[start] for start in sorted(found)]


# a share named by "tỷ lệ" and stated with nothing after it: its % sign was left out
# (or a fraction "chiếm" with nothing after it: "hoàn thành xuất sắc nhiệm vụ 249, chiếm 9,41")
_RATE_WITHOUT_SIGN = re.compile(r"(?<!\w)t[ỷỉ] lệ(?!\w)[^,;.:()\d%]{0,90}?(?<!\w)(?:đạt|là|chiếm|bằng)\s+[\d.,]+$"
                                r"|(?<!\w)chiếm\s+\d+,\d+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[,;)]|\.(?!\d)|$)")


def _unit_after(text: str, pos: int, before: str) -> tuple[str, float, float, int]:
    """Unit, multiplier and end of the quantity whose digits end at `pos`."""
    p = _PERCENT_TAIL.match(text, pos)
    if p:
        return "percent", 1.0, 0.0, p.end()
    mult, end, money = _money_multiplier(text, pos)
    if money:
        return "vnd", mult, _extra_scaled(text, pos), end
    if mult != 1.0:
        if _MONEY_WORD_BEFORE.search(before) or _GIVEN_BEFORE.search(before) and _NOTHING_COUNTED.match(text, end) \
                or _LISTED_UP_TO_MONEY.match(text, end):
            # "vận động được 450 triệu cho người nghèo": an amount given, its "đồng" left out (not "hỗ trợ 1,5
            # triệu cây giống", which counts something)
            return "vnd", mult, 0.0, end
        return "count", mult, 0.0, end
    if _CLAUSE_END.match(text, pos) and _RATE_WITHOUT_SIGN.search(text, max(0, pos - 120), pos):
        return "percent", 1.0, 0.0, pos  # "tỷ lệ đảng viên … đạt 13,2.": a share whose % was left out
    return "count", 1.0, 0.0, pos
