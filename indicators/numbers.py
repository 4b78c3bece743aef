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

# a run of digits with . and , marks; it must not touch letters (image ids, Covid-19, GMT+7, 5G)
_NUM = re.compile(rf"(?<![{_L}0-9_.,/:+\-])(?<![{_L}][\-+])\d+(?:[.,]\d+)*")
_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                 "chín": 9, "mười": 10}
# a count written in words only counts before a classifier ("một căn", "hai đảng viên")
_WORD_NUM = re.compile(
    r"(?<![\w])(một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+"
    r"(?=(?:căn|ngôi|mái ấm|đảng viên|quần chúng|tổ chức cơ sở|chi bộ|chỉ tiêu|trường hợp)(?!\w))",
    re.IGNORECASE,
)
_SCALES = {"nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "tỷ": 1e9, "tỉ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3}
_SCALE = r"(?:nghìn tỷ|ngàn tỷ|tỷ|tỉ|triệu|nghìn|ngàn)"
_NOT_MONEY_AFTER_DONG = (r"chí|bào|thời|ý|hành|tình|lòng|bộ|loạt|nghiệp|đều|hương|cảm|minh|tâm|phục|sức|"
                         r"đẳng|đội|ca|hồ|nhất|dạng|thuận|bằng|khởi|lúa|cỏ|ruộng|xu|nát|hợp|tộc|môn|phục")
# a money tail: scales ("1 tỷ 200 triệu đồng") then đồng / đ / VNĐ
_MONEY_TAIL = re.compile(
    rf"\s*(?P<scale>{_SCALE})?(?P<more>(?:\s+\d+(?:[.,]\d+)*\s*{_SCALE})*)\s*"
    rf"(?P<cur>đồng(?!\w)|đ(?![{_L}])|VNĐ|VND|vnđ)?",
)
_NOT_MONEY = re.compile(rf"\s+(?:{_NOT_MONEY_AFTER_DONG})(?!\w)")
_PERCENT_TAIL = re.compile(r"\s*(?:%|phần trăm(?!\w))")
_FRACTION = re.compile(r"/(\d+(?:[.,]\d+)*)")
_DASH_PAIR = re.compile(r"\s?[-–]\s?(\d+(?:[.,]\d+)*)")
_RANGE_WORD = re.compile(r"\s+(?:đến|tới)\s+(\d+(?:[.,]\d+)*)")
_GLUED = re.compile(rf"[{_L}_]")
_TIME_AFTER = re.compile(r"[:hg]\d{2}(?!\d)")
_DOC_AFTER = re.compile(rf"(?:[-/][{_L}]|[-–]\d+[-/][{_L}])")
_DATE_AFTER = re.compile(r"([-/.])\d{1,2}\1(?:\d{4}|\d{2})(?![\d.,])")

# words after a number that make it a duration, an age, a calendar unit: never a quantity
_UNIT_AFTER = re.compile(
    r"\s*(?:,\s*\d+\s*)*(?:(?:và|hoặc)\s*\d+\s*)?"
    r"(?:năm|tháng|ngày|tuần|giờ|phút|giây|quý|thế kỷ|tuổi|nhiệm kỳ|km|m2|m²|m3|ha|kg|tấn|lít|USD|"
    r"đợt|kỳ|lần|buổi|khóa|cuộc|lớp|độ|điểm)(?!\w)",
    re.IGNORECASE,
)
# words right before a number that make it a label (ordinal, grade, document, place): never a quantity
_LABEL_WORDS = (
    "thứ", "lần", "khóa", "cấp", "hạng", "loại", "bậc", "điều", "khoản", "điểm", "mục", "chương", "trung ương",
    "hội nghị", "nghị quyết", "chỉ thị", "kết luận", "quy định", "quyết định", "hướng dẫn", "thông tri",
    "công văn", "kế hoạch số", "nghị định", "thông tư", "phường", "quận", "tổ", "thôn", "khu phố", "khu", "xóm",
    "quốc lộ", "ql", "tỉnh lộ", "km", "lô", "huy hiệu", "tốp", "top", "vòng", "mã", "tiểu đoàn", "trung đoàn",
    "sư đoàn", "quân đoàn", "quân khu", "đồn", "trạm", "đội", "ảnh", "hình", "tầng", "phòng", "ấp", "buôn", "làng",
    "bản", "tờ", "trang", "kênh", "gmt", "đường", "căn hộ", "nhà số", "năm", "tháng", "ngày", "giai đoạn",
    "nhiệm kỳ", "từ năm", "đến năm",
)


def _label_before(before: str) -> bool:
    """`before` ends (spaces aside) with a label word: `lần thứ 8`, `Quyết định 02`, `số 5` (not `tổng số`).
    A suffix test, not a regex search: it runs for nearly every digit run of every article."""
    tail = before.rstrip().lower()
    return tail.endswith(_LABEL_WORDS) or (tail.endswith("số") and not tail.endswith("tổng số"))


_DATE_BEFORE = re.compile(r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|mùng|mồng|rạng sáng|vào|từ|đến|tới|hạn|"
                          r"thứ \w+,?|chủ nhật,?)\s*$", re.IGNORECASE)
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
    m = _MONEY_TAIL.match(text, pos)
    if not m or not (m.group("scale") or m.group("cur")):
        return 1.0, pos, False
    mult = _SCALES[m.group("scale").lower()] if m.group("scale") else 1.0
    if m.group("cur") == "đồng" and not m.group("scale") and _NOT_MONEY.match(text, m.end()):
        return 1.0, pos, False  # "5 đồng chí", "đồng bào"
    if m.group("cur"):
        return mult, m.end(), True
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
        for part in re.finditer(rf"(\d+(?:[.,]\d+)*)\s*({_SCALE})", m.group("more")):
            total += parse_vn_number(part.group(1)) * _SCALES[part.group(2).lower()]
    return total


def find_amounts(text: str) -> list[Amount]:
    """Every quantity in `text` (already normalised), in order; labels, dates and years left out."""
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
        if _GLUED.match(after) and not after.startswith("đ"):
            continue  # glued to letters: an id, a code, "5G" (but "500đ" is money)
        if _TIME_AFTER.match(after) or _DOC_AFTER.match(after) or _DATE_AFTER.match(after):
            skip_until = end + (_DATE_AFTER.match(after).end() if _DATE_AFTER.match(after) else 0)
            continue
        if _is_year(token, value):
            skip_until = end + (m2.end() if (m2 := re.match(r"\s?[-–]\s?\d{4}", after)) else 0)
            continue
        if _UNIT_AFTER.match(after) or _label_before(before):
            continue
        if _LIST_MARKER.search(before) and re.match(r"[.)]\s", after) or _COMMENTS_AFTER.match(after):
            continue
        if before.endswith("(") and _PAREN_MARKER.match(after):  # "(2) Hàng năm": a list marker
            continue
        frac = _FRACTION.match(after)
        dash = _DASH_PAIR.match(after)
        if frac:
            other = parse_vn_number(frac.group(1))
            if _DATE_BEFORE.search(before) and _valid_day_month(value, other):
                skip_until = end + frac.end()
                continue
            if _valid_day_month(value, other) and not re.match(r"\s*[\w“\"%]", after[frac.end():]):
                skip_until = end + frac.end()
                continue  # "21/8" with nothing counted after it is a date
            tail = end + frac.end()
            unit, mult, extra, q_end = _unit_after(text, tail, before)
            out.append(Amount(start, q_end, value * mult, unit, other * mult + extra,
                              end + 1, tail))
            skip_until = tail
            continue
        if dash:
            other = parse_vn_number(dash.group(1))
            tail = end + dash.end()
            unit, mult, extra, q_end = _unit_after(text, tail, before)
            if _valid_day_month(value, other) and unit == "count":
                skip_until = tail
                continue  # "15-7", "4-1": a date
            if other <= value or _is_year(dash.group(1), other):
                skip_until = tail
                continue
            out.append(Amount(start, end, value * mult, unit, range_role="low"))
            out.append(Amount(end + dash.start(1), q_end, other * mult + extra, unit, range_role="high"))
            skip_until = tail
            continue
        rng = _RANGE_WORD.match(after)
        if rng:
            tail = end + rng.end()
            unit, mult, extra, q_end = _unit_after(text, tail, before)
            if unit != "count" or re.search(r"từ\s*$", before):
                other = parse_vn_number(rng.group(1))
                out.append(Amount(start, end, value * mult, unit, range_role="low"))
                out.append(Amount(end + rng.start(1), q_end, other * mult + extra, unit, range_role="high"))
                skip_until = tail
                continue
        if after[:1] in ("-", "/") and after[1:2].isdecimal() and _DATE_BEFORE.search(before):
            continue
        unit, mult, extra, q_end = _unit_after(text, end, before)
        out.append(Amount(start, q_end, value * mult + extra, unit))
        skip_until = q_end
    for m in _WORD_NUM.finditer(text):
        if re.search(r"(?:thứ|lần|số)\s*$", text[max(0, m.start() - 8):m.start()], re.IGNORECASE):
            continue
        out.append(Amount(m.start(1), m.end(1), float(_NUMBER_WORDS[m.group(1).lower()]), "count",
                          in_words=True))
    out.sort(key=lambda a: a.start)
    return out


def _unit_after(text: str, pos: int, before: str) -> tuple[str, float, float, int]:
    """Unit, multiplier and end of the quantity whose digits end at `pos`."""
    p = _PERCENT_TAIL.match(text, pos)
    if p:
        return "percent", 1.0, 0.0, p.end()
    mult, end, money = _money_multiplier(text, pos)
    if money:
        return "vnd", mult, _extra_scaled(text, pos), end
    if mult != 1.0:
        if re.search(r"(?:tiền|trị giá|kinh phí|ngân sách|quỹ)\b[^.;]{0,25}$", before, re.IGNORECASE):
            return "vnd", mult, 0.0, end
        return "count", mult, 0.0, end
    return "count", 1.0, 0.0, pos
