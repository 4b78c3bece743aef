"""What a figure reads as (`Reading`), a figure in its sentence (`Fig`), and the patterns and helpers that more
than one reader (rates, counts, money, the sentence) needs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from indicators.lexicon import Rules
from indicators.numbers import Amount


@dataclass
class Reading:
    """What the rules make of one figure."""

    metric: str
    kind: str
    qualifier: str
    entity: str | None = None
    predicate: str | None = None
    noun: str | None = None
    extra_target: bool = False  # the denominator is the plan ("35/30 Mái ấm")
    subject: str | None = None  # the unit a list item names, as written ("Hội An 110")
    raised: bool = False  # a total the period's admissions raised ("nâng tổng số … lên"): dated by the period
    also: str | None = None  # a second metric the same figure states ("tỷ lệ TCCSĐ và đảng viên … đều đạt 90%")

    @property
    def houses_not_built(self) -> bool:
        """Houses counted but not built: only started, still to build, repaired (no metric), or a goal; their parts
        are not built either (in parentheses after them, or in a "Trong đó …" sentence after them)."""
        return self.noun == "house" and self.metric == "other" or self.metric == "houses_built" and self.kind == "target"


@dataclass
class Fig:
    amount: Amount
    s: int  # local offsets in the sentence (covering both ends of a range)
    e: int
    paren: tuple[int, int] | None  # the innermost parenthesis holding it
    reach: int  # where its words end: `e`, or past a whole with a noun before it ("80 đảng viên/85")
    reading: Reading | None = None


# admissions in a year as a share of the membership stay far below this (3-8 % in practice)
MOST_ADMITTED_PCT = 20
ROUGHLY = r"(?:(?:gần|hơn|trên|khoảng)\s+)?"  # a figure's own qualifier before it: "gần 300", "hơn 1.000"
# (not "đề ra", set out: "trong 17 chỉ tiêu Nghị quyết đề ra, có 15 chỉ tiêu đạt" names the plan the count met)
GOAL = re.compile(r"(?<!\w)(?:phấn đấu|mục tiêu|sẽ|phải|dự kiến|định hướng)(?!\w)")


MEMBER_ACT_METRICS = ("new_members", "disciplined_members", "removed_members")


Carry = dict[str, Reading]  # per unit, the last reading of a sentence that counted something
# one of the targets a plan set: "Đại hội đề ra 31 chỉ tiêu …, trong đó tỷ lệ kết nạp đảng viên mới tối thiểu 3%/năm"
# (a few words may name the plan between: "đề ra chương trình thực hiện gồm có 4 chỉ tiêu …"; the list may open in
# parentheses: "… 4 chỉ tiêu về công tác xây dựng Đảng (Kết nạp 150 đảng viên, …")
TARGETS_SET = re.compile(r"(?<!\w)(?:đề ra|đặt ra|xác định|thông qua)(?:\s+[^\s\d.;:()]+){0,8}?"
                          r"\s+(?P<count>\d[\d.]*\s+(?:nhóm\s+)?chỉ tiêu)(?!\w)"
                          r"[^.]*?(?:(?<!\w)(?:trong đó|gồm|bao gồm)(?!\w)|\()")
# the plan of the figure before, then the next figure: "đạt 21,6% chỉ tiêu Nghị quyết và 27,7% chỉ tiêu Tỉnh ủy giao"
PREVIOUS_PLAN = re.compile(r"\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch|nghị quyết)(?!\w)[^,;()]*?(?:,|\svà)"
                            r"(?:\s+(?:bằng|đạt))?(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")


def strip_words(text: str, words: dict[str, tuple[str, ...]]) -> str:
    r"""`text` (with no white space at its end) without the run of `words` (by last letter) that ends
    it: what `re.sub(r"(?:(?<!\w)(?:word|…)\s*)+$", "", text)` leaves, read from the end instead of
    by a search that tries every position of the text.

    No word is the end of another, so at most one ends at any place; a word counts when nothing
    of a word runs into it, and the words of the run are apart by white space only.
    """
    cut = end = len(text)
    while end:
        for w in words.get(text[end - 1], ()):
            if text.endswith(w, 0, end):
                break
        else:
            break
        start = end - len(w)
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            break
        cut = end = start
        while end and text[end - 1].isspace():
            end -= 1
    return text[:cut]


# `(?<!\w)hoàn thành(?!\w)` with the look-behind after the phrase: a pattern that opens with a
# literal lets `re` jump from one occurrence to the next instead of trying every position
_DONE = re.compile(r"hoàn thành(?<!\whoàn thành)(?!\w)")
IN_WHICH = re.compile(r"(?<!\w)(?:trong đó|trong số đó)(?!\w)")


_BOTH_BANDS = re.compile(r"\s*(?:nhiệm vụ\s*)?(?:và|hoặc|,)\s*(?:hoàn thành\s*)?")


def find_predicate(rules: Rules, text: str, *, last: bool = False) -> tuple[str, re.Match[str]] | None:
    found: list[tuple[str, re.Match[str]]] = []
    for name, rx in (("excellent", rules.excellent), ("good", rules.good)):
        for m in rx.finditer(text):
            if rules.negation.search(text[:m.start()]):
                continue
            if any(m.start() >= o.start() and m.end() <= o.end() for _, o in found):
                continue
            found.append((name, m))
    if "hoàn thành" in text:
        found += [("plain", m) for m in _DONE.finditer(text) if not any(o.start() <= m.start() < o.end() for _, o in found)]
    if not found:
        return None
    found.sort(key=lambda x: x[1].start())
    if len(found) > 1 and found[0][0] == "excellent" and found[1][0] == "good" \
            and _BOTH_BANDS.fullmatch(text, found[0][1].end(), found[1][1].start()):
        # "87,9% đảng viên hoàn thành xuất sắc nhiệm vụ và hoàn thành tốt nhiệm vụ": both bands, good or better
        found = found[1:]
    return found[-1] if last else found[0]


# a plan named in a parenthesis, then its figure: "(Nghị quyết là 4.830 đảng viên)", "(chỉ tiêu: 190)", or the plan's
# name right before it ("(Nghị quyết 490 đảng viên)"; the end of the text before a figure stands for the figure)
PLAN_LABEL = r"(?:nghị quyết|nq|chỉ tiêu|kế hoạch)(?:(?:\s+[^\s():,;]+){0,4}?\s*(?:là|:)|(?=\s*(?:\d|$)))"
# delegates "đại diện cho gần 300 đảng viên" speak for the whole membership
# (the same words date a congress's membership, `indicators.extract`)
REPRESENTING_WORDS = r"(?:đại diện|thay mặt|tiêu biểu cho)"
REPRESENTING = re.compile(rf"(?<!\w){REPRESENTING_WORDS}(?:\s+cho)?\s+(?:(?:gần|hơn|trên|khoảng)\s+)?$")
TOTAL_WORD = re.compile(r"(?<!\w)tổng số(?!\w)")


AT_LEAST_BEFORE = re.compile(r"(?<!\w)(?:ít nhất|tối thiểu)\s*$")
