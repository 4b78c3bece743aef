"""The indicator extractor: article text in, the figures it reports out (see the spec).

Pure and fast: no I/O; the regexes and rules are compiled once per process. Offsets (`start`,
`end`, `evidence_start`, `evidence_end`) point into `normalise_text(text)`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date, datetime
from typing import NamedTuple

from indicators.counts import HOUSES_DONE
from indicators.normalise import normalise_text
from indicators.numbers import Amount, amounts_in, caseless, may_end_on
from indicators.reading import REPRESENTING_WORDS, Carry, Reading
from indicators.record import Indicator
from indicators.rules import LIST_JOINT, read_sentence
from indicators.sentences import Span, paragraph_bounds, split_sentences

_YEAR = re.compile(r"(?<!\w)năm\s+(\d{4})(?!\s*[-–]\s*\d{4})(?![\d/-])", re.IGNORECASE)
# a year named after a term, a comparison, `từ` or a birth (`sinh năm 1974`) is not the figure's; nor the date of
# the membership a share is taken of ("đạt 3,02% số đảng viên cuối năm 2016": the base, not the period)
_YEAR_SKIP_BEFORE = re.compile(r"(?:nhiệm kỳ|giai đoạn|(?<!\w)so(?:\s+với)?\s[^;.]{0,40}|từ|(?<!\w)sinh|"
                               r"%\s*(?:của\s+)?(?:tổng\s+)?số\s+(?:lượng\s+)?đảng viên\s+(?:cuối|đầu))\s*$",
                               re.IGNORECASE)
_YEAR_SKIP_LAST_WORDS = ("nhiệm kỳ", "giai đoạn", "từ", "cuối", "đầu", "sinh")
# the year a stock is counted at: "tính đến hết năm 2014", "đến cuối năm 2020", "cuối năm 2016"
_AS_OF_BEFORE = re.compile(r"(?<!\w)(?:đến|tới|hết|cuối)\s*$", re.IGNORECASE)
# the occasion gifts are given on ("dịp Tết …", "quà Xuân …"; not "để vui đón Tết 2024", a purpose); the year's
# name in the sixty-year cycle, "Ất Tỵ", is capitalised
_FESTIVAL_YEAR = re.compile(r"(?<=dịp |quà |DỊP |QUÀ |Dịp |Quà )(?i:tết(?:\s+nguyên\s+đán)?|xuân)"
                            r"(?:\s+[A-ZĐÀ-Ỹ]\w*\s+[A-ZĐÀ-Ỹ]\w*)?\s+(\d{4})(?![\d/-])")
# a date that is a document's (of "Kế hoạch số 50-KH/HU, ngày 14-5-2014", "Nghị quyết số 03-NQ/HU ngày 12/4/2021"), or
# that opens a stretch ("(11/4/2007 - 11/4/2017)"), is not the day the text was published
_DOCUMENT_BEFORE = re.compile(r"(?:(?<!\w)số\s+\d+[^\s,;]*|[-/][A-ZĐ]{2,}[^\s,;]*)[\s,]*(?:ban hành\s+)?(?:ngày\s*)?$")
_RANGE_GOES_ON = re.compile(r"\s*[-–]\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")
_DATELINE = re.compile(r"\bdate\s+(\d{4})-(\d{2})")
# (some papers write dates with dots: "Sáng 30.3", "(17.10 - 18.11.2021)"; a count's thousands come in threes)
_HEADER_DATE = re.compile(r"(?<![\d.])\d{1,2}([/.-])(\d{1,2})\1(\d{4})(?![\d.])")
# the article's own date carries a time ("08/11/2018 09:41", "10:04, 03/04/2017"); a page's other
# dates ("Thời tiết ngày 24/04/2019", the day it was saved) rarely do
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
# "Sáng 8/1, … tổng kết công tác năm 2015, triển khai nhiệm vụ năm 2016": a review held in the first
# months of the year it plans for ("Sáng 31/12, …": in the last months of the year it reviews)
_REVIEW_AND_PLAN = re.compile(r"(?<!\d)\d{1,2}[/-](\d{1,2})(?![/-]?\d)[^\n]{0,120}?(?<!\w)(?:tổng kết|sơ kết)(?!\w)"
                              r"[^.\n]{0,120}?năm\s+(\d{4})[^.\n]{0,80}?(?:triển khai|phương hướng|kế hoạch|nhiệm vụ)"
                              r"[^.\n]{0,40}?năm\s+(\d{4})", re.IGNORECASE)
# a congress opening the term "nhiệm kỳ 2020-2025" is held in the term's first year
_CONGRESS_TERM = re.compile(r"(?<!\w)đại hội(?!\w)[^\n]{0,200}?nhiệm kỳ\s+(\d{4})\s*[-–]\s*\d{4}", re.IGNORECASE)
# periods inside a year are written during it ("9 tháng đầu năm 2018", "quý I/2013", "6 tháng cuối năm
# 2016", "từ đầu năm 2022 đến nay"); "cùng kỳ năm 2022" compares with the year before the article's
_IN_YEAR = re.compile(r"(?<!\w)(?:(?:[1-9]|1[01]|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mười một)\s+tháng\s+"
                      r"(?:đầu\s+|cuối\s+)?năm\s+|quý\s+(?:I{1,3}|[1-3])\s*(?:năm\s+|/\s*)|từ đầu năm\s+|"
                      r"(cùng kỳ)\s+năm\s+)(\d{4})(?!\d)", re.IGNORECASE)
_PARTY_BODY = r"(?:Đảng bộ|Đảng ủy|Chi bộ|Huyện ủy|Thành ủy|Thị ủy|Tỉnh ủy|Quận ủy)"
# `(?:[Tt]oàn\s+)?<body>(?:\s+word){0,10}` with the optional "Toàn" spelled out as alternatives
# that each open with a letter, so that `re` skips in C to the next T, t, Đ, C, H or Q
_SUBJECT = re.compile(
    rf"(?:Toàn\s+{_PARTY_BODY}|toàn\s+{_PARTY_BODY}|Đảng bộ|Đảng ủy|Chi bộ|Huyện ủy|Thành ủy|Thị ủy|Tỉnh ủy|Quận ủy)"
    r"(?:\s+[^\s,.;:()“”\"]+){0,10}"
)


def _unwrap(norm: str) -> str:
    """`norm` with its lines broken inside a sentence joined by a space (the same length, so offsets still hold): a
    single line break after a word, a figure or a comma, before a word in lower case, as in text taken from a
    flipbook or a PDF ("… kết nạp 691\nđảng viên mới", "34 chi, đảng\nbộ cơ sở"). Read by `find` from break to
    break: a pattern would try every position of the article."""
    chars: list[str] | None = None
    at = norm.find("\n")
    while at != -1:
        if 0 < at < len(norm) - 1 and (norm[at - 1].isalnum() or norm[at - 1] == ",") and norm[at + 1].islower():
            chars = chars or list(norm)
            chars[at] = " "
        at = norm.find("\n", at + 1)
    return "".join(chars) if chars else norm


def infer_published(text: str) -> tuple[int | None, int | None]:
    """The year and month a plain text was published in, when it says (the month only where a date
    gives it): its dateline (a date with a time beside it before any other date at the top), else a
    dated review of one year that plans the next, else the latest period inside a year that it reports
    on (such periods are written during their year), else the first year of the term a congress opens."""
    head = text[:400]
    found = [(int(m.group(1)), int(m.group(2))) for m in _DATELINE.finditer(head)]
    if not found:
        dates = [m for m in _HEADER_DATE.finditer(head) if not _DOCUMENT_BEFORE.search(head, max(0, m.start() - 50),
                                                                                   m.start())
                 and not _RANGE_GOES_ON.match(head, m.end())]
        stamped = [m for m in dates if _TIME.search(head, max(0, m.start() - 12), m.end() + 12)]
        found = [(int(m.group(3)), int(m.group(2))) for m in stamped or dates]
    if not found:
        review = _REVIEW_AND_PLAN.search(text, 0, 600)
        month, reviewed, planned = (int(g) for g in review.groups()) if review else (0, 0, 0)
        if planned == reviewed + 1 and (month <= 6 or month >= 10):
            found = [(planned if month <= 6 else reviewed, month)]
    years: list[tuple[int, int | None]] = list(found)
    if not years:
        years = sorted(((int(m.group(2)) + (1 if m.group(1) else 0), None) for m in _IN_YEAR.finditer(text)),
                       key=lambda x: x[0], reverse=True)
    if not years:
        years = [(int(m.group(1)), None) for m in _CONGRESS_TERM.finditer(text, 0, 600)]
    year, month = next(((y, m) for y, m in years if 1990 <= y <= 2100), (None, None))
    return year, (month if month and 1 <= month <= 12 else None)


def infer_published_year(text: str) -> int | None:
    """The year of `infer_published`."""
    return infer_published(text)[0]


Published = date | datetime | int | None  # a day, or only a year (an int) when the month is not known


def extract(text: str, *, published: Published = None, normalised: bool = False) -> list[Indicator]:
    """Every figure of `text` with its reading; real quantities outside the taxonomy are `other`.

    `published` is the article's publication date; only its year and month are used (a year alone, as an
    int, when that is all that is known). Without it they are inferred from the text (`infer_published`).
    `normalised=True` promises `text == normalise_text(text)` (a parsed article's text is built from
    normalised parts, and a test holds the parsers to it), which saves normalising it twice.
    """
    shown = text if normalised else normalise_text(text)
    norm = _unwrap(shown) if "\n" in shown else shown
    if isinstance(published, int):
        pub_year, pub_month = published, None
    else:
        pub_year, pub_month = (published.year, published.month) if published is not None else infer_published(norm)
    low = caseless(norm)
    amounts = amounts_in(norm, low)
    if not amounts:
        return []
    paragraphs = paragraph_bounds(norm)
    spans = [(m.start(), m.end()) for m in (_SPAN_OF_YEARS.finditer(low) if low is not None
                                            else _SPAN_OF_YEARS_ANY_CASE.finditer(norm))]
    named = [m for m in _year_matches(norm, low) if not _year_skipped(norm, low, m.start())
             and not _inside(spans, m.start())]
    period_ends = [(at, y) for at, y in _period_ends(norm, low) if not _inside(spans, at)]
    years = sorted([(m.start(), int(m.group(1))) for m in named] + period_ends + _festival_years(norm, low)
                   + [(at, y) for at, y in _relative_years(norm, low, pub_year, pub_month) if not _inside(spans, at)]
                   + [(at, y) for at, y in _month_years(norm, low) if not _inside(spans, at)
                      and not _year_skipped(norm, low, at)])
    # the years a stock may be counted at: "tính đến hết năm 2014", "đến tháng 6/2019"
    as_of = {m.start() for m in named if _AS_OF_BEFORE.search(norm, max(0, m.start() - 12), m.start())}
    as_of.update(at for at, _ in period_ends)
    assessed = [(m.start(), int(m.group(1))) for m in named
                if _ASSESSED_BEFORE.search(norm, max(0, m.start() - 50), m.start())]
    subjects = [(m.start(), _trim_subject(m.group())) for m in _SUBJECT.finditer(norm)]
    doc_years = _document_years(norm, low, paragraphs, years, pub_year, [start for start, _ in spans])
    places = _Places(years, as_of, assessed, subjects, low, [start for start, _ in spans])
    out: list[Indicator] = []
    listed = _lists(norm, paragraphs, years)
    carry: Carry | None = None
    carry_para: Span | None = None
    goals_before = False
    houses_unbuilt_before = False  # the sentence before counted houses, none of them built
    for sent, para, group in _figures_by_sentence(norm, paragraphs, amounts):
        same_para = carry_para is not None and carry_para.start == para.start
        next_para = carry_para is not None and not same_para and not norm[carry_para.end:para.start].strip()
        # (a breakdown may open the next paragraph: "… đã thu được hơn 12,64 tỷ đồng." then "Trong đó, quỹ cấp tỉnh thu
        # gần 4,5 tỷ đồng, …")
        carried = same_para or next_para and _OPENS_ON_A_PART.match(sent.text) is not None
        readings = read_sentence(sent.text, group, sent.start, carry if carried else None)
        if (same_para or next_para) and goals_before and _GOES_ON_WITH_GOALS.match(sent.text):
            # "… đề ra mục tiêu phấn đấu: 95% …; 90% … . Kết nạp đảng viên mới đạt từ 3% trở lên …": the list of
            # targets goes on past the full stop (or into the next paragraph: "… phấn đấu tăng trưởng 10%/năm …" then
            # "Hằng năm, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 80% trở lên; …"), in a sentence with no
            # subject and no sign of a result
            for r in readings:
                if r.kind == "actual":
                    r.kind = "target"
        elif (same_para or next_para) and houses_unbuilt_before and _OPENS_ON_A_PART.match(sent.text) \
                and not HOUSES_DONE.search(sent.text):  # (not "Trong đó, 6.465/8.155 căn nhà … đã hoàn thành")
            # "… đã khởi công xây dựng, sửa chữa 10.760 căn nhà … . Trong đó xây mới 7.475 căn, …": the parts of houses
            # only started are not built either
            for r in readings:
                if r.metric == "houses_built" and r.kind == "actual":
                    r.metric = "other"
        elif _OPENS_ON_A_PART.match(sent.text) and _sets_a_goal(split_sentences(norm, para.start, sent.start)):
            # "Năm 2018, Huyện ủy phấn đấu giữ vững danh hiệu … . Trong đó có 50% tổ chức cơ sở đảng đạt …": the
            # parts of the goal the sentence before set
            for r in readings:
                if r.kind == "actual":
                    r.kind = "target"
        carry = {a.unit: r for a, r in zip(group, readings, strict=True) if r.metric != "other"}
        houses_unbuilt_before = any(r.houses_not_built for r in readings) \
            and not any(r.metric == "houses_built" and r.kind == "actual" for r in readings)
        # every figure of the sentence a goal, core or not ("Nghị quyết đề ra 25 chỉ tiêu …, trong đó phấn đấu tốc
        # độ tăng … 8%; …")
        # ("… phấn đấu tăng trưởng đạt 10%/năm trở lên; thu ngân sách tăng 12%/năm": a goal's rises are goals too)
        goals_before = any(r.kind == "target" for r in readings) and all(r.kind in ("target", "change")
                                                                          for r in readings)
        carry_para = para
        prev: tuple[Reading, int | None, int] | None = None  # the last reading, its year, where its figure ends
        respective = _respective_years(norm, sent, group, readings) if len(group) > 1 else {}
        for a, r in zip(group, readings, strict=True):
            year = respective.get(a.start) or _year_for(places, sent, para, a, doc_years, norm, r, pub_year)
            if para.start in listed and r.metric != "other":
                # an item of a list ("đề ra các chỉ tiêu chủ yếu sau:" then "- 95% đảng viên …"): a target when the
                # list is of targets, for the year its opening sentence names unless the item names its own
                targets, year_of_list = listed[para.start]
                if targets and r.kind == "actual":
                    r.kind = "target"
                if not _year_between(places, para.start, para.end) and (targets or year_of_list is not None):
                    year = year_of_list
            if r.kind == "target" and prev is not None and prev[0].kind == "actual" and prev[0].metric == r.metric \
                    and not _year_between(places, prev[2], a.start):
                # "đạt 97% (chỉ tiêu trên 90%)": the target beside a result is that result's year's target (not "có 1.200
                # đảng viên, đến năm 2030 phấn đấu có 1.500 đảng viên": a target with its own year)
                year = prev[1]
            prev = (r, year, a.end)
            subject = r.subject or _subject_for(places, sent, para, a)
            named = r.subject is not None or _named_in_clause(places, sent, a, norm)
            out.extend((rec, named) for rec in _records(a, r, year, subject, sent))
    out.sort(key=lambda x: (x[0].start, x[0].kind != "actual"))
    headline = _headline(norm, paragraphs)
    if headline is not None and not any(headline[0] <= at < headline[1] for at, _ in years):
        out = _headline_takes_body_year(out, headline[1])
    found = _dedupe(out)
    if norm is not shown:  # evidence is quoted as written, with its line breaks (the offsets are the same)
        found = [replace(r, evidence=shown[r.evidence_start:r.evidence_end]) for r in found]
    return found


# a sentence that opens on what is to be done, with no subject and nothing done ("Kết nạp đảng viên mới đạt từ 3%
# trở lên …" after a sentence of targets)
# (or with a share of every year: "Trên 90% tổ chức đảng, đảng viên hằng năm hoàn thành tốt nhiệm vụ trở lên."; being
# rated, "được đánh giá, xếp loại", is no sign of a result)
_GOES_ON_WITH_GOALS = re.compile(r"[\s“”\"']*(?:Kết nạp|Phát triển|Xây dựng|Hằng năm|Hàng năm"
                                 r"|(?:(?:Trên|Hơn|Từ|Đạt)\s+)?\d[\d,.]*\s*%[^.;\d]{0,60}?(?<!\w)(?:hằng|hàng) năm)(?!\w)"
                                 r"(?![^.;]*(?<!\w)(?:đã|được(?!\s+(?:đánh giá|xếp loại))|kết quả)(?!\w))")

_OPENS_ON_A_PART = re.compile(r"[\s“”\"']*(?:Trong đó|Trong số đó|Cụ thể)(?!\w)")
# a sentence that sets a goal ("chương trình mục tiêu quốc gia" is a programme's name) and reports nothing done
_GOAL_SET = re.compile(r"(?<!\w)(?:phấn đấu|mục tiêu(?!\s+quốc gia))(?!\w)"
                       # "Nghị quyết đại hội xác định 5 chỉ tiêu chủ yếu." (then "Trong đó, trên 90% …")
                       r"|(?<!\w)(?:đề ra|đặt ra|xác định|thông qua)\s+\d+\s+(?:nhóm\s+)?chỉ tiêu(?!\w)", re.IGNORECASE)


def _sets_a_goal(before: list[Span]) -> bool:
    """Whether the last of the sentences `before` (of the same paragraph) sets a goal and reports nothing done
    (no "đã", "được" nor result word: what a list's opening sentence is tested for, `_lists`)."""
    if not before:
        return False
    text = before[-1].text
    return _GOAL_SET.search(text) is not None and not _DONE.search(text) and not _RESULT_INTRO.search(text)


_HEADLINE_SIZE = 200  # a first line this short is the headline


def _headline(norm: str, paragraphs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The headline: the first line, past a date line above it ("Thứ bảy, 24/02/2024"), when it is short."""
    for start, end in paragraphs[:3]:
        line = norm[start:end]
        if len(line) < 60 and (_HEADER_DATE.search(line) or _TIME.search(line) or _DATELINE.search(line)):
            continue
        return (start, end) if end - start <= _HEADLINE_SIZE else None
    return None


# a paragraph ending on ":" opens a list, whose items are the paragraphs after it that open with a list marker; when
# it names a plan and no result ("Đại hội đề ra các chỉ tiêu chủ yếu sau:", "Mục tiêu đến năm 2025:") the items are
# targets
_PLAN_INTRO = re.compile(r"(?<!\w)(?:đề ra|mục tiêu|chỉ tiêu|phấn đấu|phương hướng|kế hoạch)(?!\w)", re.IGNORECASE)
_RESULT_INTRO = re.compile(r"(?<!\w)(?:kết quả|đạt được|đã đạt|thực hiện được|đã thực hiện)(?!\w)", re.IGNORECASE)
_LIST_MARKER = re.compile(r"(?:[-–+•*]|\d{1,2}[.)]|[a-zđ]\))\s")
_DONE = re.compile(r"(?<!\w)(?:đã|được)(?!\w)", re.IGNORECASE)
_INTRO_SIZE = 200


def _year_between(places: _Places, start: int, end: int) -> bool:
    """Whether a year is named in [start, end) (a list item naming its own year keeps it)."""
    i = bisect_left(places.year_at, start)
    return i < len(places.year_at) and places.year_at[i] < end


def _lists(norm: str, paragraphs: list[tuple[int, int]], years: list[tuple[int, int]]) -> dict[int, tuple[bool, int | None]]:
    """The paragraphs that are items of a list a paragraph ending on ":" opens, each with whether the list is one
    of targets and the year the opening sentence names (for a list of targets: none when it names a term or no
    year; a target list's item that says it was done is a result)."""
    out: dict[int, tuple[bool, int | None]] = {}
    targets, year, opened = False, None, False
    for start, end in paragraphs:
        if opened and _LIST_MARKER.match(norm, start):
            done = _RESULT_INTRO.search(norm, start, end) or _DONE.search(norm, start, end)
            if (targets and not done) or year is not None:
                out[start] = (targets and not done, year)
            continue
        # the sentence that ends on the colon: "…. Đại hội đề ra các chỉ tiêu chủ yếu sau:"
        intro_start = max(start, norm.rfind(". ", start, end) + 2)
        intro = norm[intro_start:end]
        opened = intro.rstrip().endswith(":") and len(intro) <= _INTRO_SIZE
        if opened:
            targets = bool(_PLAN_INTRO.search(intro)) and not _RESULT_INTRO.search(intro)
            named = [y for at, y in years if intro_start <= at < end]
            year = named[-1] if named and not (targets and _names_a_term(norm, None, intro_start, end)) else None
    return out


def _headline_takes_body_year(records: list[tuple[Indicator, bool]], headline_end: int) -> list[tuple[Indicator, bool]]:
    """A figure of a headline that names no year, stated again in the body ("Kết nạp mới thêm 1.083 đảng
    viên", then "trong 2 năm 2011-2012, … kết nạp được 1.083 ĐV"), is the body's fact and takes the year
    the body gives it, not the article's year."""
    out = list(records)
    for i, (r, named) in enumerate(out):
        if r.start >= headline_end:
            break
        body = next((b for b, _ in out if b.start >= headline_end and b.metric == r.metric != "other"
                     and (b.value, b.unit, b.kind, b.qualifier) == (r.value, r.unit, r.kind, r.qualifier)), None)
        if body is not None and body.year != r.year:
            out[i] = (replace(r, year=body.year), named)
    return out


def _figures_by_sentence(norm: str, paragraphs: list[tuple[int, int]],
                         amounts: list[Amount]) -> list[tuple[Span, Span, list[Amount]]]:
    """(sentence, paragraph, its figures in order) for every sentence holding a figure, in text order.

    A sentence never crosses a line break, so only the paragraphs that hold a figure are split
    (most of an article's sentences hold none).
    """
    para_starts = [start for start, _ in paragraphs]
    out: list[tuple[Span, Span, list[Amount]]] = []
    para_idx, sentences, starts = -1, [], []
    for a in amounts:  # in text order
        i = bisect_right(para_starts, a.start) - 1
        if i < 0 or a.start >= paragraphs[i][1]:
            continue  # not inside a paragraph, so inside no sentence either
        if i != para_idx:
            start, end = paragraphs[i]
            para = Span(start, end, norm[start:end])
            para_idx, sentences = i, split_sentences(norm, start, end)
            starts = [s.start for s in sentences]
        j = bisect_right(starts, a.start) - 1
        if j < 0 or a.start >= sentences[j].end:
            continue
        if out and out[-1][0] is sentences[j]:
            out[-1][2].append(a)
        else:
            out.append((sentences[j], para, [a]))
    return out


# ("cũng như", "as well as", adds nothing)
_ANOTHER_FACT = re.compile(r"(?<!\w)(?:cũng(?!\s+như)|cùng ngày|cùng dịp|ngoài ra)(?!\w)", re.IGNORECASE)


def _dedupe(records: list[tuple[Indicator, bool]]) -> list[Indicator]:
    """A figure repeated (headline, then body) is one fact: keep its first statement.

    Each record comes with whether its subject was named in its own clause (a list item's unit, the
    Party body its clause opens with): two figures of the same reading are two facts when each names
    its own, different unit ("Đảng bộ Quân sự tỉnh … đạt 50%; Đảng bộ Bộ đội Biên phòng … đạt 50%"),
    and one fact otherwise. "trên 50%" and "50%" are two figures.
    """
    seen: dict[tuple, list[tuple[str | None, Indicator]]] = {}
    sentences: dict[tuple, set[int | None]] = {}
    out = []
    for r, named in records:
        key = (r.metric, round(r.value, 6), r.unit, r.kind, r.qualifier, r.denominator, r.year)
        subject = r.subject if named else None
        before = seen.setdefault(key, [])
        said_in = sentences.setdefault(key, set())
        # (one sentence says a fact once: "… Tập đoàn A ủng hộ 100 triệu đồng; …; Công ty B 100 triệu đồng" are two gifts;
        # nor does a sentence that says it adds one: "Cùng ngày, Công ty B cũng tài trợ 50 triệu đồng …"; nor are two
        # givers named before the same amount one gift)
        if r.metric != "other" and before and (subject is None or any(b is None or b == subject for b, _ in before)) \
                and r.evidence_start not in said_in and not _ANOTHER_FACT.search(r.evidence) \
                and not (r.unit == "vnd" and _another_giver(r, before)):
            continue
        before.append((subject, r))
        said_in.add(r.evidence_start)
        out.append(r)
    return out


def _another_giver(r: Indicator, before: list[tuple[str | None, Indicator]]) -> bool:
    """`r` names who gave its amount, and every record of the same reading before it names someone else: no
    capitalised word in common ("Agribank Gia Lai" in a headline and "Ngân hàng Agribank chi nhánh Gia Lai" in the
    body are one giver, said twice)."""
    giver = _giver(r)
    if giver is None:
        return False
    givers = [_giver(b) for _, b in before]
    return all(g is not None and not (g & giver) for g in givers)


# who gave an amount, named right before the verb of giving in the amount's clause: "…, trong đó, Công ty Chế biến khí
# Vũng Tàu hỗ trợ 80 triệu đồng" (a name: its words capitalised)
_GIVING_VERB_ENDS = re.compile(r"\s(?:đã\s+|cũng\s+)?(?:ủng hộ|hỗ trợ|tài trợ|trao tặng|tặng|đóng góp)"
                               r"(?:\s+(?:số tiền|được))?(?:\s+(?:hơn|trên|gần|khoảng))?\s*$")


def _giver(r: Indicator) -> frozenset[str] | None:
    """The capitalised words of whoever gave the amount of `r`, when its clause names one before the verb of giving."""
    if r.start is None or r.evidence_start is None:
        return None
    head = r.evidence[max(0, r.start - r.evidence_start - 120):r.start - r.evidence_start]
    m = _GIVING_VERB_ENDS.search(head)
    if m is None:
        return None
    giver = head[max(head.rfind(",", 0, m.start()), head.rfind(";", 0, m.start()), head.rfind(":", 0, m.start()),
                     head.rfind(".", 0, m.start())) + 1:m.start()].strip()
    words = giver.split()
    names = frozenset(w for w in words if w[:1].isupper())
    return names if len(words) <= 16 and len(names) >= 2 else None


def _records(a: Amount, r: Reading, year: int | None, subject: str | None, sent: Span) -> list[Indicator]:
    unit = a.unit
    recs = [Indicator(r.metric, a.value, unit, r.kind, r.qualifier, a.denominator, year, subject, sent.text,
                      a.start, a.end, sent.start, sent.start + len(sent.text))]
    if r.also:
        recs.append(Indicator(r.also, a.value, unit, r.kind, r.qualifier, a.denominator, year, subject, sent.text,
                              a.start, a.end, sent.start, sent.start + len(sent.text)))
    if r.extra_target and a.denominator is not None and a.den_start is not None and r.kind == "actual":
        recs.append(Indicator(r.metric, a.denominator, unit, "target", "exact", None, year, subject, sent.text,
                              a.den_start, a.den_end or a.end, sent.start, sent.start + len(sent.text)))
    return recs


# lower-case words a unit's name goes on with ("Đảng bộ Công an tỉnh", "Đảng bộ Quân sự tỉnh")
_SUBJECT_WORDS = frozenset({"các", "và", "tỉnh", "huyện", "quận", "đặc", "khu", "thành", "phố", "thị", "xã", "phường",
                            "trấn", "cơ",
                            "quan", "doanh", "nghiệp", "sở", "an", "sự", "đội", "biên", "phòng", "khối", "dân",
                            "chính"})


# the departments of a province (sở) and ministries, whose names are written with lower-case words inside them
# ("Đảng bộ Sở Giáo dục và Đào tạo", not "Đảng bộ Sở Giáo")
_DEPARTMENTS = tuple(name.split() for name in (
    "Giáo dục và Đào tạo", "Kế hoạch và Đầu tư", "Tài nguyên và Môi trường", "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường", "Lao động - Thương binh và Xã hội", "Khoa học và Công nghệ", "Thông tin và Truyền thông",
    "Văn hóa và Thể thao", "Dân tộc và Tôn giáo", "Giao thông vận tải", "Tài chính", "Xây dựng", "Y tế", "Tư pháp",
    "Nội vụ", "Ngoại vụ", "Công Thương"))


def _trim_subject(name: str) -> str:
    """Keep the name: capitalised words and the few lower-case words names use, none dangling."""
    words = name.split()
    if words[0].lower() == "toàn":  # "Toàn Đảng bộ tỉnh …": the whole of it, the same organisation
        words = words[1:]
    head = 2
    keep = words[:head]
    i = head
    while i < len(words):
        department = next((d for d in _DEPARTMENTS if words[i:i + len(d)] == d), None) if words[i][0].isupper() else None
        if department:
            keep.extend(department)
            i += len(department)
            continue
        w = words[i]
        if not (w[0].isupper() or w in _SUBJECT_WORDS):
            break
        keep.append(w)
        i += 1
    while len(keep) > head and keep[-1] in _SUBJECT_WORDS and not keep[-1][0].isupper() and \
            keep[-1] in ("và", "các", "cơ", "doanh", "thành", "thị"):
        keep.pop()
    return " ".join(keep)


class _Places:
    """The years and subjects an article names, with their offsets, for bisecting per figure."""

    def __init__(self, years: list[tuple[int, int]], as_of: set[int], assessed: list[tuple[int, int]],
                 subjects: list[tuple[int, str]], low: str | None, spans_at: list[int]) -> None:
        self.low = low  # caseless(norm)
        self.years = years
        self.as_of = as_of  # offsets of the years that date a stock ("tính đến hết năm 2014")
        self.assessed = assessed  # the years ratings are given for ("đánh giá năm 2012"), with offsets
        self.assessed_at = [p for p, _ in assessed]
        self.year_at = [p for p, _ in years]
        self.subjects = subjects
        self.subject_at = [p for p, _ in subjects]
        self.spans_at = spans_at  # where a span of many years is named ("Lũy kế", "trong 10 năm qua")

    def names_a_span(self, start: int, end: int) -> bool:
        """Whether a span of many years is named in [start, end)."""
        i = bisect_left(self.spans_at, start)
        return i < len(self.spans_at) and self.spans_at[i] < end


# (and "Trong nhiệm kỳ, …" opening a clause: the term the article reviews)
_TERM = re.compile(r"(?<!\w)(?:nhiệm kỳ|giai đoạn)\s+(?:(\d{4})\s*[-–]\s*\d{4}|qua|vừa qua|trước|tới)"
                   r"|(?<!\w)trong\s+nhiệm kỳ(?=\s*[,;:])", re.IGNORECASE)
# whose term it is: a post, or the Party bodies disciplined (not "Trong các nhiệm kỳ qua, …": a span)
_OF_AN_OFFICE = re.compile(r"(?<!\w)(?:nguyên|bí thư|chủ tịch|ủy viên|giám đốc|trưởng|tổ chức đảng)(?!\w)[^,;.()\d]{0,40}$",
                           re.IGNORECASE)
_DISCIPLINE = ("disciplined_members", "removed_members")
# years that have passed, up to now: "Qua 10 năm …", "Sau hơn 5 năm …"
_ELAPSED = re.compile(r"(?<!\w)(?:qua|sau|trải qua)\s+(?:(?:hơn|gần|trên)\s+)?\d+\s+năm(?!\w)(?!\s*\d)", re.IGNORECASE)
_EACH_YEAR = re.compile(r"(?<!\w)(?:hằng|hàng)\s+năm(?!\w)", re.IGNORECASE)
# every year, said between a figure and its verb: "90% tổ chức đảng, đảng viên hằng năm hoàn thành tốt nhiệm vụ"
_EACH_YEAR_BEFORE_VERB = re.compile(r"[^.;\d]{0,40}?(?<!\w)(?:hằng|hàng)\s+năm\s+(?:đều\s+)?(?:hoàn thành|đạt|được)(?!\w)",
                                    re.IGNORECASE)
_OPENS_PARENTHESIS = re.compile(r"\s*\(\s*")
_YEAR_CLOSES_IT = re.compile(r"(?:năm\s+)?\d{4}\s*\)", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"(?<!\w)(?:tháng\s+\d{1,2}|quý\s+(?:I{1,3}|IV|[1-4]))\s*[/.-]\s*(\d{4})(?!\d)", re.IGNORECASE)
_LEAD_WITHIN = 800  # the lead opens this near the top of the text
_FOUR_DIGITS = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_SPAN_START = re.compile(r"(?<!\w)từ\s+(?:năm\s+)?$", re.IGNORECASE)
_DELEGATES = re.compile(rf"(?<!\w){REPRESENTING_WORDS}(?!\w)", re.IGNORECASE)
# (a congress held, not one whose resolution is cited: "Nghị quyết Đại hội …, nhiệm kỳ 2025-2030 đề ra …")
_CONGRESS = re.compile(r"(?<!\w)(?<!quyết\s)(?<!nq\s)đại hội(?!\w)", re.IGNORECASE)
# a congress still to come, greeted by what the article reports ("Thiết thực chào mừng Đại hội …, tiến tới Đại hội …
# nhiệm kỳ 2022 – 2027, …"): the article does not open its term
_HERALDED = re.compile(r"(?<!\w)(?:chào mừng|tiến tới|hướng tới|hướng về|trước thềm)(?:\s+(?:thành công|các))*\s+$",
                       re.IGNORECASE)
# a figure summed over many years has no one year: "Lũy kế từ khi phát động", "trong 10 năm qua", "trong 2 năm
# 2011-2012", "những năm gần đây", "từ năm 2000 đến nay", "từ ngày phát động 17-10-2000 đến nay" (not "từ đầu năm
# đến nay", which is this year), "từ đầu nhiệm kỳ đến ngày 30/6/2018", "sau nửa nhiệm kỳ", "năm 2017 và 9 tháng
# đầu năm 2018", "Hằng năm, …", "bình quân mỗi năm", "(từ) trước năm 2004"; a year inside such a span is not the
# figure's
_COUNT_WORD = r"(?:(?<!\d)\d{1,3}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"  # (not a year: "… 2019\n\nNăm qua, …")
_MANY = r"(?:[2-9]|[1-9]\d|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
_SPAN_OF_YEARS = re.compile(
    r"(?<!\w)(?:lũy kế"
    rf"|(?:(?:trong|sau|qua)\s+)?(?:(?:gần|hơn|trên|suốt)\s+)?{_COUNT_WORD}\s+năm\s+(?:qua|trở lại đây|gần đây)"
    rf"|(?:trong|sau|qua)\s+(?:(?:gần|hơn|trên|suốt)\s+)?{_MANY}\s+năm(?:\s+\(?(?:năm\s+)?\d{{4}}\s*[-–]\s*\d{{4}}\)?)?"
    r"|những năm\s+(?:qua|gần đây|trở lại đây)|(?:từ\s+)?trước\s+năm\s+\d{4}"
    r"|(?:(?:bình quân|trung bình)\s+)?(?:hằng|hàng|mỗi) năm(?=\s*,)|(?:bình quân|trung bình)\s+(?:hằng|hàng|mỗi)\s+năm"
    r"|từ\s+(?:năm\s+\d{4}|(?:khi|ngày)\s+(?:phát động|thành lập|triển khai|thực hiện)(?:\s+\d{1,2}[/-]\d{1,2}[/-]\d{4})?)"
    r"\s*(?:,\s*)?đến nay"
    r"|(?:sau\s+)?(?:nửa|giữa)\s+nhiệm kỳ"
    r"|từ\s+đầu\s+nhiệm kỳ(?:\s+\d{4}\s*[-–]\s*\d{4})?"
    r"(?:\s*,?\s*(?:đến|tới)\s+(?:nay|(?:(?:đầu|giữa|cuối)\s+)?năm\s+nay|ngày\s+\d{1,2}[/-]\d{1,2}[/-]\d{4}"
    r"|(?:tháng\s+)?\d{1,2}[/-]\d{4}))?"
    # from one year to another, written as a range: "Từ năm 2007 – 2012, …"
    r"|từ\s+(?:năm\s+)?(?P<from>\d{4})\s*[-–]\s*(?!(?P=from))\d{4}"
    rf"|năm\s+\d{{4}}\s+và\s+{_COUNT_WORD}\s+tháng\s+(?:đầu\s+)?năm\s+\d{{4}}"
    # from one year into another: "từ đầu năm 2016 đến tháng 6/2018", "từ năm 2016 đến năm 2018" (not within one year,
    # "từ đầu năm 2018 đến tháng 6/2018")
    r"|từ\s+(?:đầu\s+)?năm\s+(?P<first>\d{4})\s*,?\s*(?:đến|tới)\s+(?:(?:cuối|hết)\s+)?"
    r"(?:(?:tháng\s+\d{1,2}|quý\s+[ivx\d]+)\s*[/-]\s*|(?:tháng\s+\d{1,2}\s+)?năm\s+)(?!(?P=first))\d{4}"
    r")(?!\w)")  # matched on the lower-cased text: a case-blind search of the whole article costs twice as much
_SPAN_OF_YEARS_ANY_CASE = re.compile(_SPAN_OF_YEARS.pattern, re.IGNORECASE)  # where lower-casing moves offsets


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` falls inside one of `spans` (few: a linear scan)."""
    return any(start <= at < end for start, end in spans)


def _year_skipped(norm: str, low: str | None, at: int) -> bool:
    """`_YEAR_SKIP_BEFORE` finds the year at `at` named after a term, a comparison, `từ` or the
    membership a share is taken of (its branches end on `_YEAR_SKIP_LAST_WORDS`, or need the `so với`
    of the comparison)."""
    lo = max(0, at - 60)
    if not may_end_on(low, lo, at, _YEAR_SKIP_LAST_WORDS, "so "):
        return False
    return _YEAR_SKIP_BEFORE.search(norm[lo:at]) is not None


def _names_a_term(norm: str, low: str | None, start: int, end: int, *, offices: bool = False) -> bool:
    """`_TERM.search(norm, start, end)` found something; searched only when `low` (`caseless(norm)`)
    has one of its words there: `_TERM` opens with a look-behind, so `re` tries it at every position
    of a stretch that is most often a whole paragraph, for every figure of the paragraph.

    `offices`: not a term of someone's office or of the bodies a discipline was about ("kỷ luật … nguyên Bí thư
    quận … nhiệm kỳ 2010 - 2015", "… đối với 4 tổ chức Đảng trong các nhiệm kỳ 2005 - 2010 và 2010 - 2015"): the
    discipline is of its own day, whenever the wrong was done."""
    if low is not None and low.find("nhiệm kỳ", start, end) == -1 and low.find("giai đoạn", start, end) == -1:
        return False
    if not offices:
        return _TERM.search(norm, start, end) is not None
    return any(not _OF_AN_OFFICE.search(norm, max(start, m.start() - 45), m.start())
               for m in _TERM.finditer(norm, start, end))


def _year_matches(norm: str, low: str | None) -> list[re.Match[str]]:
    """`list(_YEAR.finditer(norm))`, matched only where `năm` is (`low` is `caseless(norm)`): a few
    `find` calls instead of a case-insensitive search that tries every position of the article."""
    if low is None:
        return list(_YEAR.finditer(norm))
    out = []
    at = low.find("năm")
    while at != -1:
        m = _YEAR.match(norm, at)
        if m:
            out.append(m)
        at = low.find("năm", at + 1)  # a match holds one `năm` only: matches never overlap
    return out


_BACKGROUND_SPANS = ("những", "hằng", "hàng", "mỗi", "bình quân", "trung bình")


class _DocYears(NamedTuple):
    report: int | None  # the year the article reports on
    plan: int | None  # the year it plans for, when it names one
    opens_term: bool = False  # a congress opening a term: a target it names no year of is the term's


def _document_years(norm: str, low: str | None, paragraphs: list[tuple[int, int]], years: list[tuple[int, int]],
                    pub: int | None, spans_at: list[int]) -> _DocYears:
    """The year the article reports on and the year it plans for, as its headline and lead set them.

    A review published in January (`tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025`) reports
    the earlier year and plans the later one; a lead opening `Năm 2019, …` sets the year of everything
    after it. A congress opening the term that starts in its own year reports the year before it, and
    the targets it sets with no year of their own are the whole term's. A lead
    that names a span of many years and no year (`tính từ đầu nhiệm kỳ đến ngày 30/6/2018, …`) reports on
    the span: no one year.
    """
    # the headline and the lead paragraph (a dateline or a caption between them is skipped, and so are a page's
    # short lines: a date, "In bài này", a lone full stop)
    def is_lead(start: int, end: int) -> bool:
        # a long headline, one line that ends on no full stop, is not the lead: "Triển khai công tác kiểm tra … năm
        # 2021 (TS 12/1)" over "Năm 2020, Ban Thường vụ …" (the year it plans, then the year it reviews)
        headline = start == paragraphs[0][0] and len(paragraphs) > 1 and end - start <= _HEADLINE_SIZE \
            and not norm[start:end].rstrip().endswith(".")
        return end - start > 80 and start < _LEAD_WITHIN and not headline

    leads = [(start, end) for start, end in paragraphs[:8] if is_lead(start, end)][:1] or paragraphs[:2]
    lead_end = leads[-1][1] if leads else min(len(norm), 600)
    # (not a year in parentheses, a comparison: "… chiếm 98,1% (năm 2020 đạt tỷ lệ tương ứng là 79,85%)")
    lead = sorted({y for p, y in years if p < lead_end and (pub is None or y <= pub + 1)
                   and norm.rfind("(", 0, p) <= norm.rfind(")", 0, p)})
    if lead:
        past = [y for y in lead if pub is None or y <= pub] or lead
        report = past[0]
        # a target set in a review published after the year it reviews is for the year it is published in
        later = [y for y in (lead[-1], pub) if y is not None and y > report]
        return _DocYears(report, later[0] if later else None)
    # ("Trong những năm qua, …", "Hằng năm, …" in a lead are background, not the period reported)
    if any(at < lead_end and not norm[at:at + 12].lower().startswith(_BACKGROUND_SPANS) for at in spans_at):
        return _DocYears(None, None)
    if pub is None and len({y for _, y in years}) == 1:
        # a page with no date of its own that names one year, wherever: that year is the one it reports on ("… đợt 2
        # năm 2023" paragraphs down, in an article of undated figures)
        return _DocYears(years[0][1], None)
    if pub is not None and (low is None or "đại hội" in low[:lead_end]) and any(
            not _HERALDED.search(norm, max(0, m.start() - 30), m.start()) for m in _CONGRESS.finditer(norm[:lead_end])):
        starts = [int(m.group(1)) for m in _TERM.finditer(norm[:lead_end]) if m.group(1)]
        if pub in starts:
            return _DocYears(pub - 1, None, opens_term=True)
    return _DocYears(pub, None)


# "đến ngày 26/9/2017", "hết quý I/2013", "đến tháng 6/2019": the figure's period ends in that year
_PERIOD_END = re.compile(r"(?<!\w)(?:đến|tới|hết|tính đến|trong)\s+(?:ngày\s+|hết\s+)?(?:(?:quý\s+[IVX]+|tháng\s+\d{1,2}|"
                         r"\d{1,2}[/.-]\d{1,2})[/.-])(\d{4})(?!\d)", re.IGNORECASE)
_TERM_START = re.compile(r"(?<!\w)đầu nhiệm kỳ\s+(\d{4})\s*[-–]\s*\d{4}", re.IGNORECASE)
# years said relative to the article's own: "Năm ngoái, …" opening a sentence or clause (not "vượt cả năm
# ngoái", a comparison); "Trong năm qua, …" (not "những năm qua", "trong 10 năm qua": many years) and "Trong
# năm, …" opening a sentence (the year a review is about; after a clause break, the sentence's year rules); "năm nay",
# "từ đầu năm đến nay", "Đến thời điểm này" (this year)
_RELATIVE_YEAR = re.compile(r"(?:(?:^|(?<=[.;:\n])\s*)(?P<last>năm ngoái)|(?:^|(?<=[.;:\n])\s*|(?<!\w)trong\s+)(?P<past>năm qua)"
                            r"|(?:^|(?<=[.\n])\s*)trong\s+(?P<during>năm)(?=,)"
                            r"|(?:^|(?<=[.\n])\s*)trong\s+(?P<quarter>quý)(?:\s+(?:này|qua|(?P<qname>i{1,3}|iv)))?(?=\s*[,\s])(?![\s,]*/)"
                            r"|(?<!\w)(?P<this>năm nay|từ đầu năm(?:\s+nay)?\s*(?:,\s*)?đến nay|(?:tính\s+)?đến thời điểm này))"
                            r"(?!\w)",
                            re.MULTILINE)  # matched on the lower-cased text (see `_SPAN_OF_YEARS`)
_RELATIVE_YEAR_ANY_CASE = re.compile(_RELATIVE_YEAR.pattern, re.IGNORECASE | re.MULTILINE)
# what says a stock is counted now, after a year its sentence named: "…, đến nay …", "hiện có", "hiện nay"
_NOW = re.compile(r"(?<!\w)(?:đến nay|hiện nay|hiện có|hiện tại|đến thời điểm này)(?!\w)")
_NOW_ANY_CASE = re.compile(_NOW.pattern, re.IGNORECASE)


def _says_now(low: str | None, norm: str, start: int, end: int) -> bool:
    """Whether norm[start:end] says "now" (`_NOW`), on the lower-cased text when there is one."""
    return bool(_NOW.search(low, start, end) if low is not None else _NOW_ANY_CASE.search(norm, start, end))


# stocks (what an organisation has) are as of the article's day, not of the year it reports on
_STOCKS = frozenset({"total_members", "org_count"})
# ratings are given for the year assessed ("Qua kết quả đánh giá năm 2012, …"), named before them
_RATINGS = frozenset({"org_good_rate", "org_excellent_rate", "member_good_rate", "member_excellent_rate",
                      "units_good_rate"})
_ASSESSED_BEFORE = re.compile(r"(?<!\w)(?:đánh giá|kiểm điểm|xếp loại)(?!\w)[^.;\n]{0,40}$", re.IGNORECASE)
_AT_ASSESSMENT = re.compile(r"(?<!\w)thời điểm\s+(?:kiểm điểm|đánh giá|xếp loại)(?!\w)", re.IGNORECASE)


def _period_ends(norm: str, low: str | None) -> list[tuple[int, int]]:
    """Years an article names as the end of a period ("đến ngày 26/9/2017", "hết quý I/2013") or as the
    start of a term ("đầu nhiệm kỳ 2020-2025"; looked for only where `low`, `caseless(norm)`, has the
    words: a pattern opening with a look-behind is tried at every position of the article)."""
    found = list(_PERIOD_END.finditer(norm))
    if low is None or "đầu nhiệm kỳ" in low:
        found += _TERM_START.finditer(norm)
    # (from the Party's founding: a history names its congresses by their dates, "vòng II (từ ngày 25/02 đến 06/3/1977)")
    return sorted((m.start(), int(m.group(1))) for m in found if 1930 <= int(m.group(1)) <= 2100)


def _month_years(norm: str, low: str | None) -> list[tuple[int, int]]:
    """Years named with their month or quarter ("Tháng 11/2009, Đảng bộ thị xã có 926 đảng viên", "đến tháng
    9-2015", "Quý I/2024, …"), looked for where `low` has "tháng" or "quý"."""
    if low is not None and "tháng" not in low and "quý" not in low:
        return []
    return [(m.start(), int(m.group(1))) for m in _MONTH_YEAR.finditer(norm) if 1930 <= int(m.group(1)) <= 2100]


def _festival_years(norm: str, low: str | None) -> list[tuple[int, int]]:
    """Years named by the New Year they are the occasion of ("nhân dịp Tết Nguyên đán 2025", "quà Tết Ất Tỵ
    2025", "dịp Xuân Giáp Thìn 2024"): the gifts of a Tết are of its year, though the article may be a review of
    the year before."""
    if low is None:
        return [(m.start(), int(m.group(1))) for m in _FESTIVAL_YEAR.finditer(norm)]
    out = []
    for word in ("tết", "xuân"):  # matched only where its words are, as `_year_matches`
        at = low.find(word)
        while at != -1:
            m = _FESTIVAL_YEAR.match(norm, at)
            if m:
                out.append((m.start(), int(m.group(1))))
            at = low.find(word, at + 1)
    return out


def _relative_years(norm: str, low: str | None, pub_year: int | None, pub_month: int | None) -> list[tuple[int, int]]:
    """Years said relative to the article's own (looked for only where `low`, `caseless(norm)`, has the
    words: the pattern is tried at every position of the article): "năm ngoái" is the year before it;
    "năm nay" and "từ đầu năm đến nay" are its own, and so is "Trong quý (I), …" opening a sentence (but in January,
    the last quarter of the year before); "năm qua" (the past year), and "Trong năm, …" opening a sentence, is the
    year before when it
    was published in the first quarter (a review of the year just ended), its own when published in the
    last two months, else unknown (twelve months back from June are two years)."""
    if pub_year is None or (low is not None and "năm ngoái" not in low and "năm qua" not in low
                            and "năm nay" not in low and "từ đầu năm" not in low and "thời điểm này" not in low
                            and "trong năm," not in low and "trong quý" not in low):
        return []
    out = []
    for m in (_RELATIVE_YEAR.finditer(low) if low is not None else _RELATIVE_YEAR_ANY_CASE.finditer(norm)):
        if m.group("last"):
            out.append((m.start(), pub_year - 1))
        elif m.group("this"):
            out.append((m.start(), pub_year))
        elif m.group("quarter"):
            # "Trong quý (I), …" opening a sentence: the quarter just reviewed, of the year before only when it is
            # the last one, told early in the next year ("Trong quý IV" in a January article, or "Trong quý," then)
            last = m.group("qname") == "iv" if m.group("qname") else pub_month == 1
            out.append((m.start(), pub_year - 1 if last and pub_month is not None and pub_month <= 3 else pub_year))
        elif pub_month is not None and (pub_month <= 3 or pub_month >= 11):
            out.append((m.start(), pub_year - 1 if pub_month <= 3 else pub_year))
    return out


_RESPECTIVELY = re.compile(r"(?<!\w)(?:lần lượt|tương ứng)(?!\w)", re.IGNORECASE)
# a year alone, not an end of a span ("2016 - 2020") nor a part of a date
_LONE_YEAR = re.compile(r"(?<![\d/.,-])(?<![-–]\s)(?:19|20)\d\d(?![\d/]|[.,]\d|\s*[-–]\s*\d)")
# between two years of one list: "2016, 2017 và 2018", "năm 2019 và năm 2020"
_YEAR_JOINT = re.compile(r"\s*(?:,|;|và)\s*(?:(?:và\s+)?năm\s+)?", re.IGNORECASE)


def _respective_years(norm: str, sent: Span, group: list[Amount], readings: list[Reading]) -> dict[int, int]:
    """Figures listed "respectively" against a list of as many years ("trong các năm 2016, 2017, 2018, … lần lượt
    kết nạp 90, 107 và 112 đảng viên"): the i-th figure is of the i-th year. By the figure's start."""
    if not _RESPECTIVELY.search(norm, sent.start, sent.end):
        return {}
    years = max(_runs(list(_LONE_YEAR.finditer(norm, sent.start, sent.end)),
                      lambda x, y: _YEAR_JOINT.fullmatch(norm, x.end(), y.start()) is not None), key=len, default=[])
    if len(years) < 2:
        return {}
    figures = [(a, r) for a, r in zip(group, readings, strict=True) if r.metric != "other"]
    for run in _runs(figures, lambda x, y: x[1].metric == y[1].metric and x[0].unit == y[0].unit
                     and LIST_JOINT.fullmatch(norm, x[0].end, y[0].start) is not None):
        if len(run) == len(years):
            return {a.start: int(y.group()) for (a, _), y in zip(run, years, strict=True)}
    return {}


def _runs(items: list, joined) -> list[list]:
    """`items` cut into runs of neighbours that `joined(before, after)` holds for."""
    out: list[list] = []
    for item in items:
        if out and joined(out[-1][-1], item):
            out[-1].append(item)
        else:
            out.append([item])
    return out


def _year_for(places: _Places, sent: Span, para: Span | None, a: Amount,
              doc_years: _DocYears, norm: str, r: Reading,
              pub_year: int | None) -> int | None:
    """The year named nearest before the figure in its sentence, else just after it in its clause,
    else earlier in its paragraph; else the article's report (or plan) year, unless a whole term is
    meant. A stock is counted on a day, a rating for the year assessed (see below). `years` is in
    text order, so each of these is one bisection."""
    years, at = places.years, places.year_at
    i = bisect_left(at, a.start)  # years[:i] are named before the figure
    stock = r.metric in _STOCKS and not r.raised and r.kind == "actual"
    if stock and pub_year is None and _says_now(places.low, norm, sent.start, a.start):
        return None  # counted "đến nay" in an article whose day is not known: no year can be told
    stock = stock and pub_year is not None
    j = bisect_left(at, a.end)  # years[j:] are named after the figure
    if j < len(at) and _OPENS_PARENTHESIS.fullmatch(norm, a.end, at[j]) and _YEAR_CLOSES_IT.match(norm, at[j]):
        # "tăng từ 93,99% (năm 2008) lên 96,11% (năm 2016)": its own year, alone in parentheses after it (not "đạt 97%
        # (năm 2015 là 95%)", the year before's figure)
        return years[j][1]
    if i and at[i - 1] >= sent.start:
        if stock and _says_now(places.low, norm, at[i - 1], a.start):
            # "Năm 2022, kết nạp 120 đảng viên, đến nay Đảng bộ có 3.120 đảng viên": counted on the article's day
            return pub_year
        return years[i - 1][1]
    clause_end = norm.find(";", a.end, sent.end)
    if clause_end == -1:
        clause_end = sent.end
    if j < len(at) and at[j] < clause_end and not (stock and years[j][1] > pub_year):  # type: ignore[operator]
        # (a stock is counted by now, never in a year still to come: "… đại diện cho hơn 67.000 đảng viên … sẽ dự Đại
        # hội … vào đầu năm 2026")
        return years[j][1]
    if r.raised and r.kind == "actual" and (_names_a_term(norm, places.low, sent.start, clause_end)
                                            or places.names_a_span(sent.start, clause_end)):
        # "Trong 2 năm 2011-2012, … kết nạp 1.083 đảng viên, nâng tổng số lên 3.750": the membership the period ended
        # with, counted at its end (now, for "5 năm qua", "từ năm 2008 đến nay", a term the article closes)
        return _period_end_year(norm, sent.start, a.start, pub_year)
    if stock and _says_now(places.low, norm, sent.start, a.start):
        # "Qua 10 năm xây dựng, đến nay Đảng bộ hiện có 420 đảng viên": counted now, whatever span the sentence names
        return pub_year
    if stock and _ELAPSED.search(norm, sent.start, a.start):
        # "Qua 10 năm xây dựng và phát triển, Đảng bộ Khối có 53 tổ chức cơ sở đảng …": the years that have passed
        # end now, when the stock is counted
        return pub_year
    if stock and _DELEGATES.search(norm, sent.start, a.start):
        # "Sáng 22/7, … Đại hội …, nhiệm kỳ 2025-2030 với 250 đại biểu, đại diện cho 6.550 đảng viên của 226 tổ chức
        # cơ sở đảng": the members and organisations on the congress's day, whatever term it opens
        return pub_year
    # a figure of a whole term (`Nhiệm kỳ qua, …`, `nhiệm kỳ 2025-2030, phấn đấu …`) or of many years has no
    # one year, whatever year its paragraph named before
    # (a stock is counted on a day: a term named after it, "… có 1.080 đảng viên, nhiệm kỳ qua, Đảng bộ …", is of what
    # the sentence goes on to say)
    term_end = a.start if stock else clause_end
    if _names_a_term(norm, places.low, sent.start, term_end, offices=r.metric in _DISCIPLINE) \
            or places.names_a_span(sent.start, term_end) \
            or _EACH_YEAR.search(norm, sent.start, a.start) or _EACH_YEAR_BEFORE_VERB.match(norm, a.end):
        # (and a figure of every year, "Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ hằng năm đạt trên 86%": before the
        # figure only, unlike the span "Hằng năm, …" of a whole clause; "đạt chỉ tiêu hằng năm" after a figure
        # names the plan, not the figure's period)
        return None
    k = bisect_left(at, sent.start)  # years[:k] are named before the sentence
    if para is not None and not stock and k and at[k - 1] >= para.start:
        # the period named last before the sentence: a year, or a span of years after it
        return None if places.names_a_span(at[k - 1], sent.start) else years[k - 1][1]
    n = bisect_left(places.assessed_at, a.start)  # places.assessed[:n] are named before the figure
    if n and (r.metric in _RATINGS and r.kind == "actual" or stock and _AT_ASSESSMENT.search(norm, sent.start, a.start)):
        # "Qua kết quả đánh giá năm 2012, …" then, paragraphs on, "Đảng viên … HTXSNV chiếm 13%": the
        # year assessed; so is a stock "tính đến thời điểm kiểm điểm, đánh giá"
        return places.assessed[n - 1][1]
    if stock:
        # "Tính đến hết năm 2014, … Tổng số đảng viên có gần 57 ngàn": the date its paragraph counts it at,
        # else the article's day ("hiện có 4.585 đảng viên"), whatever term the paragraph speaks of
        while para is not None and k and at[k - 1] >= para.start:
            k -= 1
            if at[k] in places.as_of:
                return years[k][1]
        return pub_year
    if para is not None and (_names_a_term(norm, places.low, para.start, sent.start)
                             or places.names_a_span(para.start, sent.start)):
        return None
    if r.kind == "target":
        return doc_years.plan if doc_years.plan is not None or doc_years.opens_term else doc_years.report
    return doc_years.report


def _period_end_year(norm: str, start: int, end: int, pub_year: int | None) -> int | None:
    """The year a period named in norm[start:end] ends in: now (the article's year) when it runs "đến nay" or names no
    year, else the last year it names, if not after the article's."""
    if _NOW_ANY_CASE.search(norm, start, end):
        return pub_year
    named = [int(m.group(1)) for m in _FOUR_DIGITS.finditer(norm, start, end) if 1930 <= int(m.group(1)) <= 2100
             and not _SPAN_START.search(norm, max(0, m.start() - 12), m.start())]  # (not "từ năm 2008": its start)
    if not named:
        return pub_year
    return min(named[-1], pub_year) if pub_year is not None else named[-1]


def _subject_for(places: _Places, sent: Span, para: Span | None, a: Amount) -> str | None:
    """The organisation named last before the figure in its sentence or paragraph, else the
    article's first one."""
    subjects, at = places.subjects, places.subject_at
    i = bisect_left(at, a.start)  # subjects[:i] are named before the figure
    if i and at[i - 1] >= (para.start if para is not None else sent.start):
        return _named(subjects, *subjects[i - 1])
    return subjects[0][1] if subjects else None


def _named_in_clause(places: _Places, sent: Span, a: Amount, norm: str) -> bool:
    """Whether a Party body is named before the figure in its own clause (after the last `;`)."""
    at = places.subject_at
    i = bisect_left(at, a.start)
    return bool(i) and at[i - 1] >= max(sent.start, norm.rfind(";", sent.start, a.start) + 1)


def _named(subjects: list[tuple[int, str]], pos: int, subject: str) -> str:
    """A bare `Đảng bộ` / `Đảng ủy` refers back to the last one the article named."""
    if len(subject.split()) > 2:
        return subject
    named = [s for p, s in subjects if p < pos and len(s.split()) > 2]
    same_head = [s for s in named if s.startswith(subject)]
    return (same_head or named or [subject])[-1]


def extract_records(text: str, doc: str | None = None, published: Published = None) -> list[dict]:
    """The JSON objects the CLI prints: the record fields of the spec, plus `doc` when given."""
    out = []
    for ind in extract(text, published=published):
        rec = ind.to_dict()
        if doc is not None:
            rec["doc"] = doc
        out.append(rec)
    return out
