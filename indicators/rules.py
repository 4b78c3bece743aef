"""Read a figure's context the way an analyst does: what it counts, and whether it is achieved,
planned or a change.

The words live in rules.yaml; this module compiles them once and applies a few readings:
- a rate is about the noun right after it (`98,6% tổ chức cơ sở đảng hoàn thành tốt …`), or, when no
  noun follows, about the subject of its clause (`tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ vượt 14,7%`,
  `trong đó có 95% trở lên hoàn thành tốt` inheriting `cơ quan, đơn vị` from before);
- a count is what its noun and the nearest verb before it say (`kết nạp 133 đảng viên`,
  `32 đảng viên bị xóa tên`); award lists and other verbs block it;
- a parenthesis after a figure talks about that figure: `(chỉ tiêu là trên 85%)` is its target,
  `(giảm 32 người so với …)` its change, `(đạt 43,72% so với chỉ tiêu)` its share of the plan.
When nothing decides the metric the figure is `other`: a wrong figure is worse than a missing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from indicators.lexicon import Rules, fold, load_rules, tail_end
from indicators.numbers import Amount, by_last_letter

# --- one sentence --------------------------------------------------------------------------------


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
class _Fig:
    amount: Amount
    s: int  # local offsets in the sentence (covering both ends of a range)
    e: int
    paren: tuple[int, int] | None  # the innermost parenthesis holding it
    reach: int  # where its words end: `e`, or past a whole with a noun before it ("80 đảng viên/85")
    reading: Reading | None = None


_PAREN = re.compile(r"[()]")


def _parens(text: str) -> list[tuple[int, int]]:
    """(open, close) of every parenthesis pair; an unclosed one runs to the end of the text."""
    if "(" not in text:
        return []
    out, stack = [], []
    for m in _PAREN.finditer(text):  # visits the parentheses only, not every character
        i = m.start()
        if text[i] == "(":
            stack.append(i)
        elif stack:
            out.append((stack.pop(), i))
    out.extend((o, len(text)) for o in stack)
    return out


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every span [a, b] (inclusive) overwritten by spaces; same length."""
    if not spans:
        return text
    out, pos = [], 0
    for a, b in sorted(spans):
        a, b = max(a, pos), min(b + 1, len(text))
        if a >= b:
            continue
        out += [text[pos:a], " " * (b - a)]
        pos = b
    out.append(text[pos:])
    return "".join(out)


# the small patterns of the readers below, compiled once (not looked up in `re`'s cache per call)
_OR_MORE = re.compile(r"(?<!\w)trở lên(?!\w)")
_BREAKDOWN_OPENS = re.compile(r"\s*(?:trong đó|gồm|bao gồm)(?!\w)")
# admissions in a year as a share of the membership stay far below this (3-8 % in practice)
_MOST_ADMITTED_PCT = 20
# (with the share's own qualifier: "…, đạt hơn 107% kế hoạch")
_RATE_BESIDE = re.compile(r"\s*(?:(?:đảng viên|đv)(?:\s+mới)?)?\s*,?\s*(?:bằng|chiếm|đạt)\s*(?:tỷ lệ\s*)?"
                          r"(?:(?:hơn|trên|gần|khoảng|xấp xỉ)\s+)?")
# (where they were admitted on the way: "phát triển được 550 đảng viên trong khối doanh nghiệp …, đạt 130% so với kế
# hoạch")
_PLAN_SHARE_BESIDE = re.compile(r"\s*(?:đảng viên|đv)(?:\s+mới)?\s+(?:trong|ở|tại|thuộc)\s[^\d;:()]{0,60}?,\s*(?:đạt|bằng)\s*"
                                r"(?:(?:hơn|trên|gần|khoảng|xấp xỉ)\s+)?")
_MET_AND_BEAT_TAIL = re.compile(r"(?:đạt|hoàn thành)\s*(?:và|,)\s*vượt\s*$")  # (also "đạt, vượt", "hoàn thành và vượt")
_PASSIVE_TAIL = re.compile(r"(?<!\w)được\s*$")
_ADMITTED_HEAD = re.compile(r"^\s*(?:mới\s+)?(?:được\s+)?kết nạp")
_MEMBER_HEAD = re.compile(r"^\s*(?:đảng viên|đồng chí|người)")
_UNDER_HEAD = re.compile(r"^\s*trực thuộc")
_OWNER_HEAD = re.compile(r"^\s*(?:trực thuộc|đảng viên|của [^,;]*)")
# "mỗi hộ 5 triệu", "mỗi căn nhà xây mới được hỗ trợ 60 triệu" (not a time: "bình quân mỗi năm vận động được …")
_EACH = r"(?<!\w)mỗi\s+(?!năm|tháng|quý|kỳ|đợt|tuần|ngày)\w+"  # "mỗi hộ", "mỗi căn" (not a time: "mỗi năm")
_ROUGHLY = r"(?:(?:gần|hơn|trên|khoảng)\s+)?"  # a figure's own qualifier before it: "gần 300", "hơn 1.000"
_COUNT_AFTER_VERB = rf"(?:\s+(?:được|mới|thêm))*\s+{_ROUGHLY}\d[\d.]*\s+"  # "phát triển được hơn 20 …"
_EACH_TAIL = re.compile(rf"{_EACH}(?:\s+\w+){{0,6}}\s*$")


def read_sentence(sentence: str, amounts: list[Amount], offset: int, carry: Carry | None = None) -> list[Reading]:
    """Readings for `amounts` (offsets in the article; the sentence starts at `offset`); `carry` is the
    last reading of the sentence before in the same paragraph, which a breakdown may continue."""
    rules = load_rules()
    low = fold(sentence)
    if "(cũ)" in low:  # "huyện Chư Sê (cũ)": part of a name since the 2025 mergers, not a parenthesis about a figure
        low = _FORMER.sub(lambda m: " " * len(m.group()), low)
    if " và " in low:  # "Sở Giáo dục và Đào tạo", "Sở Kế hoạch và Đầu tư": a department's name, not training or a plan
        low = _CUES_IN_NAMES.sub(lambda m: " " * len(m.group()), low)
    parens = _parens(low)
    clauses = ";" in low or ":" in low or "\n" in low  # most sentences are one clause
    figs: list[_Fig] = []
    for a in amounts:
        s, e = a.start - offset, a.end - offset
        if a.range_role == "high" and figs and figs[-1].amount.range_role == "low":
            figs.append(_Fig(a, figs[-1].s, e, figs[-1].paren, e))
            figs[-2].e = figs[-2].reach = e
            continue
        inner = [p for p in parens if p[0] < s and e <= p[1]] if parens else None
        reach = max(e, a.den_end - offset) if a.den_end is not None else e
        figs.append(_Fig(a, s, e, max(inner, key=lambda p: p[0]) if inner else None, reach))
    # an economic word inside a name ("huyện Đô Lương": lương, salary) says nothing of money: money is read
    # with the sentence's names blanked, computed once for the sentence
    unnamed = _without_names(low, sentence) if any(a.unit == "vnd" for a in amounts) else low
    for i, f in enumerate(figs):
        f.reading = _read(rules, low, parens, figs, i, clauses, unnamed, carry)
    _read_list_items(rules, sentence, low, figs, carry)
    _share_the_counted_noun(low, figs)
    if "“" in sentence:
        for f in figs:
            if f.reading is not None and f.reading.kind == "actual" and _in_campaign_name(sentence, low, f.s):
                f.reading.kind = "target"
    return [f.reading for f in figs]  # type: ignore[misc]


# the total cost of houses just counted: "… 3.561 nhà, tổng số tiền …", "… 20 căn nhà với tổng kinh phí …"
# (or "… 124 căn, tổng kinh phí …": the classifier alone)
_HOUSES_COST = re.compile(r"^\s*(?:(?:căn|ngôi)(?:\s+nhà)?|nhà)(?!\w)[^,;\d]{0,40},?\s*(?:với\s+)?(?:tổng\s+)?(?:số tiền|kinh phí)"
                          r"(?:\s+(?:là|hơn|trên|gần|khoảng|hỗ trợ))*\s*$")
_PER_UNIT_AFTER = re.compile(r"^\s*(?:/|mỗi|một)")
# public works named right before a parenthesis, and the words back to the comma before them
_WORKS_NAMED = re.compile(r"[^,;:()]*(?<!\w)(?:trụ sở|công trình|tuyến đường|đường giao thông|cây cầu|cầu|trường học|trường|"
                          r"bệnh viện|trạm y tế|dự án|hồ chứa|kênh mương|chợ)(?!\w)[^,;:()]*\s*$")
# a sentence that is only a total of money: "Tổng kinh phí (xây dựng) là …", "Tổng trị giá hơn …" (not "Tổng trị giá
# công trình …", the cost of something else)
_TOTAL_ONLY = re.compile(r"[\s“”\"']*tổng\s+(?:số\s+)?(?:kinh phí|trị giá|giá trị|số tiền|tiền)"
                         r"(?:\s+(?:xây dựng|hỗ trợ|thực hiện))?(?:\s+(?:là|hơn|trên|gần|khoảng|lên đến|lên tới))*\s*")
# after a rating, how many it counts and nothing else before the share: `… nhiệm vụ” (có) 12 tổ chức cơ sở đảng, chiếm`
_RATED_COUNT = re.compile(r"[\s“”\"']*(?:trở lên\s+)?(?:[:,]\s*)?(?:có\s+|là\s+|gồm\s+)?\d[\d.]*\s+"
                          r"(?P<noun>[^\d,;:()%]{2,40}?)\s*,?\s*(?:chiếm|bằng|đạt)?\s*(?:tỷ lệ\s*)?$")
_RATED_THEN_COUNT = re.compile(r"[\s“”\"']*(?:trở lên\s*)?(?:có|là|gồm|:)?\s*")
# organisations of the private sector, then their members: "166 tổ chức đảng trong các loại hình doanh nghiệp tư nhân
# với …" (not "Đảng bộ Khối … có 85 tổ chức cơ sở đảng trong các doanh nghiệp với …", a whole bloc)
_SECTOR_ORGS_WITH = re.compile(r"(?<!\w)(?:tổ chức|chi bộ|đảng bộ|cơ sở)[^,;.\d]{0,25}?(?:trong|ở|thuộc)\s+(?:các\s+)?"
                               r"(?:loại hình\s+)?(?:(?:doanh nghiệp|khu vực|đơn vị)[^;.\d]{0,30}?(?:tư nhân|ngoài\s+"
                               r"(?:khu vực\s+)?nhà nước|có vốn đầu tư nước ngoài|ngoài công lập)|hợp tác xã)"
                               r"[^;.]{0,60}?với\s+(?:(?:gần|hơn|trên|khoảng)\s+)?$")
# a count that says its share of the whole is a part (read in the text itself: the share may be in parentheses)
_SHARE_OF_THE_WHOLE = re.compile(r"\s*(?:đảng viên|đồng chí|đv|tổ chức cơ sở đảng|tổ chức đảng|tccsđ)?[^.;\d]{0,12}chiếm"
                                 r"[^.;]{0,25}?(?:so với\s+)?tổng số (?:đảng viên|đv|tổ chức|tccsđ)")
_NEXT_PER_ITEM = re.compile(r"\s*(?:đồng)?\s*[,;]\s*(?:và\s+)?[^\d,;:()]{0,25}")
# (not "đề ra", set out: "trong 17 chỉ tiêu Nghị quyết đề ra, có 15 chỉ tiêu đạt" names the plan the count met)
_GOAL = re.compile(r"(?<!\w)(?:phấn đấu|mục tiêu|sẽ|phải|dự kiến|định hướng)(?!\w)")
_FORMER = re.compile(r"\s*\(cũ\)")
# departments whose names hold a cue word (đào tạo, kế hoạch, phát triển)
_CUES_IN_NAMES = re.compile(r"(?<!\w)(?:giáo dục và đào tạo|kế hoạch và đầu tư|nông nghiệp và phát triển nông thôn)(?!\w)")


# the quoted name of a campaign or programme states its goal: công trình thi đua “Xây dựng, sửa chữa 100 nhà ở cho
# hộ phụ nữ …”, phong trào “…”, cuộc vận động “…”
_CAMPAIGN_BEFORE = re.compile(r"(?<!\w)(?:công trình thi đua|công trình|phong trào|cuộc vận động|chương trình|đề án|"
                              r"chiến dịch|kế hoạch)(?:\s+(?:năm\s+\d{4}|thi đua|là))*\s*$")


_CAMPAIGN_OPENS = re.compile(r"\s*(?:chương trình|phong trào|cuộc vận động|đề án|chiến dịch)(?!\w)")
_RESOLUTION_QUOTED = re.compile(r"(?<!\w)(?:nghị quyết|nq)(?!\w)[^“”.;]{0,120}$")


def _in_campaign_name(sentence: str, low: str, at: int) -> bool:
    """Whether `at` lies inside “…” quotes that open right after a campaign's noun, or on one ("“Chương trình toàn
    quân xây dựng 1.500 căn nhà …”"), or that quote a resolution ("Nghị quyết Đại hội … “Bình quân hằng năm phát
    triển 2.000 đảng viên”"): a goal's words, not a result."""
    opened = sentence.rfind("“", 0, at)
    if opened == -1 or sentence.find("”", opened, at) != -1:
        return False
    return _CAMPAIGN_BEFORE.search(low, 0, opened) is not None or _CAMPAIGN_OPENS.match(low, opened + 1) is not None \
        or _RESOLUTION_QUOTED.search(low, 0, opened) is not None


# --- lists of units ------------------------------------------------------------------------------
# "Đảng bộ huyện A kết nạp 195 đảng viên, huyện B 87 đảng viên; C 81": after the first item has said
# what is counted, each further item is only a unit's name and its figure. Such an item takes the
# reading of the item before it. A name opens with a capital or an administrative word and holds no
# verb; the words that may close it ("đạt", "là", ":") repeat the first item's verb or nothing.

_NAME = re.compile(r"(?P<name>[^\d,;:()%]{2,80}?)\s*(?:(?:đạt|là|được|có|với|kết nạp(?: được)?|ủng hộ(?: được)?|"
                   r"tiếp nhận(?: được)?|vận động(?: được)?|huy động(?: được)?)\s*)?:?\s*$")
# between two items: the first item's counted noun and what qualifies it, then the separator
_ITEM_GAP = re.compile(r"[^,;:]{0,40}?(?:(?:[,;]\s*)+|\s(?=và\s))\s*(?:và\s+)?(?:có\s+)?")
_LIST_OPENER = re.compile(r"(?:(?<!\w)(?:là|như|gồm(?: có)?|trong đó|cụ thể|trong số đó)(?!\w)|:)[\s,:]*")
# an item that names a period, not a unit: "năm 2016 là", "từ tháng 6-2015 đến tháng 12-2015 là", "quý I:"
_PERIOD_ITEM = re.compile(r"[\s,]*(?:năm\s+\d{4}|quý\s+[ivx]+(?:[/-]\d{4})?|(?:từ\s+)?tháng\s+\d{1,2}(?:[/.-]\d{4})?"
                          r"(?:\s+đến\s+(?:tháng\s+)?\d{1,2}(?:[/.-]\d{4})?)?)\s*(?:là|:|có)?\s*")
_ITEM_END = re.compile(r"\s*(?:$|[,.;)…]|và\s)")


def _is_name(rules: Rules, name: str, original: str) -> bool:
    """`name` (folded) is a unit's name: its first word is a capital in `original` (the same stretch in
    the sentence as written) or an administrative word, and it names, never says what happened."""
    words = [w for w in name.split() if w[0].isalpha()]
    if not words or len(words) > 10 or rules.not_in_names.search(name):
        return False
    return original.lstrip()[:1].isupper() or name.startswith(rules.name_openers)


def _item_name(rules: Rules, sentence: str, low: str, start: int, end: int) -> str | None:
    """The name that opens a list item in low[start:end] (before the verb it may repeat), as written."""
    m = _NAME.match(low, start, end)
    if m is None:
        return None
    written = sentence[m.start("name"):m.end("name")].strip()
    return written if _is_name(rules, m.group("name"), written) else None


_ADMISSION_METRICS = ("new_members", "new_members_plan_pct", "new_members_rate")


def _opened_list(rules: Rules, sentence: str, low: str, f: _Fig, carry: Carry | None) -> tuple[Reading, str] | None:
    """The first item of a list that a clause opens ("… kết nạp cao so với chỉ tiêu là Thanh Hải 11/15"):
    the clause before the opener says what the items count; a share of admissions is the kind of share
    the sentence before gave."""
    start = max(low.rfind(";", 0, f.s), low.rfind("(", 0, f.s)) + 1
    for m in _LIST_OPENER.finditer(low, start, f.s):
        name = _item_name(rules, sentence, low, m.end(), f.s)
        if name is None:
            continue
        intro = low[start:m.start()]
        if f.amount.unit == "count" and rules.cues["member"].nearest(intro) == "new_members":
            return Reading("new_members", "actual", "exact", noun="member", extra_target=True), name
        if f.amount.unit == "percent" and rules.admission.search(intro):
            if _PLAN_WORD.search(intro):
                # "Các đảng bộ kết nạp đảng viên vượt chỉ tiêu là: Công an tỉnh 158,18%, …": shares of their plans
                return Reading("new_members_plan_pct", "actual", "exact"), name
            before = (carry or {}).get("percent")
            if before is not None and before.metric in _ADMISSION_METRICS:
                return Reading(before.metric, "actual", "exact"), name
        if f.amount.unit == "vnd" and rules.welfare.search(intro):
            # "Điển hình như: UBND huyện A 15 triệu đồng, …": donors to the fund the clause names
            return Reading("welfare_funds_vnd", "actual", "exact", noun="money"), name
    return None


_MEMBER_ACT_METRICS = ("new_members", "disciplined_members", "removed_members")
_LAST_ITEM_OPENS = re.compile(r"\s*và\s+")
_PLAN_WORD = re.compile(r"(?<!\w)(?:chỉ tiêu|kế hoạch|nghị quyết)(?!\w)")


def _named_in_parentheses(rules: Rules, sentence: str, low: str, f: _Fig,
                          carry: Carry | None = None) -> tuple[Reading, str] | None:
    """A unit's count in parentheses after its name, in a list opened by a clause that says what is
    counted: "… kết nạp được nhiều đảng viên là: Trường A (28 đảng viên), Công ty B (21 đảng viên)", "… bị kỷ
    luật …, nhiều nhất là huyện Tam Bình (bảy ĐV)", or by the sentence before, whose last count was such an
    item ("… là: Trường A (28 đảng viên). Bệnh viện B (6 đảng viên); …": the list goes on past the full stop).
    The parenthesis holds the count and its noun only, or a share alone (of the plan the opening clause names)."""
    open_at, close_at = f.paren  # type: ignore[misc]
    inside = low[f.e:close_at]
    share = f.amount.unit == "percent"
    noun = None if share else rules.nouns.match(inside)
    if share and inside.strip() or low[open_at + 1:f.s].strip():
        return None
    if not share and (noun is None or noun.lastgroup != "member" or inside[noun.end():].strip()):
        return None
    start = max(low.rfind(",", 0, open_at), low.rfind(";", 0, open_at), low.rfind(")", 0, open_at)) + 1
    openers = list(_LIST_OPENER.finditer(low, 0, open_at))
    if not openers and share:
        return None
    if not openers:
        before = (carry or {}).get("count")
        written = sentence[start:open_at].strip()
        if before is None or before.subject is None or before.metric not in _MEMBER_ACT_METRICS or not written \
                or not _is_name(rules, low[start:open_at].strip(), written):
            return None
        return Reading(before.metric, "actual", "exact", noun="member"), written
    start = max(start, openers[-1].end())
    last = _LAST_ITEM_OPENS.match(low, start, open_at)  # "…; huyện A (105%) và Đảng bộ B (104,61%)"
    start = last.end() if last else start
    written = sentence[start:open_at].strip()
    if not written or not _is_name(rules, low[start:open_at].strip(), written):
        return None
    intro = low[max(low.rfind(";", 0, openers[-1].start()), low.rfind(".", 0, openers[-1].start())) + 1:
                openers[-1].start()]
    if share:
        # "… kết nạp đảng năm 2017 vượt chỉ tiêu gồm có: Công an tỉnh (158,18%); …": each unit's share of its plan
        if rules.admission.search(intro) and _PLAN_WORD.search(intro):
            return Reading("new_members_plan_pct", "actual", "exact"), written
        return None
    acts = [k for k in rules.cues["member"].kinds(intro) if k in _MEMBER_ACT_METRICS]
    if not acts or rules.proposed.search(intro):
        return None
    return Reading(acts[-1], "actual", "exact", noun="member"), written


def _read_list_items(rules: Rules, sentence: str, low: str, figs: list[_Fig], carry: Carry | None) -> None:
    """Give each list item whose own words decide nothing the reading of the item before it (see above)."""
    for i, f in enumerate(figs):
        r = f.reading
        if r is None or r.metric != "other" or f.amount.range_role == "high":
            continue
        prev = next((g for g in reversed(figs[:i]) if g.paren == f.paren and g.amount.unit == f.amount.unit
                     and g.amount.range_role != "low"), None)
        head: Reading | None = None
        name: str | None = None
        if prev is not None and prev.reading is not None and prev.reading.metric != "other":
            gap = _ITEM_GAP.match(low, prev.e, f.s)
            name = _item_name(rules, sentence, low, gap.end(), f.s) if gap else None
            head = prev.reading if name or gap and _PERIOD_ITEM.fullmatch(low, gap.end(), f.s) else None
        elif prev is None and carry and f.amount.unit in carry:
            # "Trong đó, Thạnh Phú 121 đảng viên, Mỏ Cày Nam 121, …": the breakdown of the sentence before (by unit,
            # or by period: "Trong đó, năm 2016 là 195 đảng viên; năm 2017 là 339 đảng viên; …")
            opener = rules.breakdown_opener.match(low[:f.s])
            name = _item_name(rules, sentence, low, opener.end(), f.s) if opener else None
            head = carry[f.amount.unit] if name or opener and _PERIOD_ITEM.fullmatch(low, opener.end(), f.s) else None
        parent = _parent(figs, f) if prev is None and f.paren else None
        if head is None and parent is not None and parent.reading is not None and parent.reading.metric != "other" \
                and parent.amount.unit == f.amount.unit:
            # "… đạt từ 80% trở lên (Đảng bộ huyện A đạt 94,29%, …)": the first item of a list in parentheses
            name = _item_name(rules, sentence, low, f.paren[0] + 1, f.s)  # type: ignore[index]
            head = parent.reading if name else None
        if head is None and prev is None:
            head, name = _opened_list(rules, sentence, low, f, carry) or (None, None)
        if head is None and f.paren is not None and f.amount.unit in ("count", "percent"):
            head, name = _named_in_parentheses(rules, sentence, low, f, carry) or (None, None)
        if head is None or (r.noun not in (None, head.noun) and not (f.amount.unit == "vnd")):
            continue
        noun = rules.nouns.match(low[f.e:])
        if not _ITEM_END.match(low, f.e + (noun.end() if noun else 0)):
            continue  # "28 đảng viên HTXSNV": words after the counted noun say which part, not a unit's total
        f.reading = Reading(head.metric, head.kind, r.qualifier, head.entity, head.predicate, head.noun,
                            head.extra_target, name)


# nothing but the joints of a list between two figures: "90, 107 và 112 đảng viên", "88%, 90,5% và 92%"
LIST_JOINT = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)")


def _share_the_counted_noun(low: str, figs: list[_Fig]) -> None:
    """Counts listed with one noun after the last ("lần lượt kết nạp 90, 107 và 112 đảng viên") all count it: each
    bare count before it takes the last one's reading, with its own qualifier (one figure's "hơn" is its own)."""
    head: Reading | None = None
    for f, after in zip(reversed(figs[:-1]), reversed(figs[1:]), strict=True):
        if after.reading is not None and after.reading.metric != "other":
            head = after.reading
        if head is None or f.amount.unit != "count" or after.amount.unit != "count" or f.paren != after.paren \
                or not LIST_JOINT.fullmatch(low, f.e, after.s):
            head = None
            continue
        r = f.reading
        if r is None or r.metric != "other" or r.noun is not None:
            head = None
            continue
        f.reading = replace(head, qualifier=r.qualifier, subject=None)


Carry = dict[str, Reading]  # per unit, the last reading of a sentence that counted something


def _clause(view: str, lo: int, s: int, e: int, hi: int) -> tuple[int, int]:
    """The clause of [s, e) in view[lo:hi]: from after the last `;`, `:` or line break before it to
    the first one after it."""
    start = max(lo, view.rfind(";", lo, s) + 1, view.rfind(":", lo, s) + 1, view.rfind("\n", lo, s) + 1)
    ends = [x for x in (view.find(";", e, hi), view.find(":", e, hi), view.find("\n", e, hi)) if x != -1]
    return start, min([hi, *ends])


def _read(rules: Rules, low: str, parens: list[tuple[int, int]], figs: list[_Fig], i: int,
          clauses: bool = True, unnamed: str | None = None, carry: Carry | None = None) -> Reading:
    """The reading of figs[i]; `clauses` is False when `low` has no `;`, `:` or line break at all;
    `unnamed` is `low` with the sentence's names blanked (where money looks for economic words);
    `carry` is the sentence before's readings (`read_sentence`)."""
    f = figs[i]
    if parens:
        lo, hi = (f.paren[0] + 1, f.paren[1]) if f.paren else (0, len(low))
        view = _blank(low, [p for p in parens if lo <= p[0] and p[1] <= hi and not (p[0] < f.s and f.e <= p[1])])
        sentence_pre = _blank(low[:f.s], [p for p in parens if not (p[0] < f.s and f.e <= p[1])])
    else:  # most sentences: nothing to blank
        lo, hi, view, sentence_pre = 0, len(low), low, low[:f.s]
    c_start, c_end = _clause(view, lo, f.s, f.e, hi) if clauses else (lo, hi)
    same, prev_end, next_start = _neighbours(figs, f, c_start, c_end) if len(figs) > 1 else ([], c_start, c_end)
    own_pre = view[prev_end:f.s]
    clause_pre = view[c_start:f.s]
    own_post = view[f.e:next_start]
    parent = _parent(figs, f) if f.paren else None

    pre_end = tail_end(own_pre)  # for every test of what ends `own_pre`
    kind = _kind(rules, own_pre, pre_end, own_post, sentence_pre, f)
    if kind == "actual" and parent is not None and parent.reading is not None and parent.reading.kind == "target" \
            and _BREAKDOWN_OPENS.match(low, f.paren[0] + 1):  # type: ignore[index]
        kind = "target"  # "phấn đấu vận động 11 tỷ đồng (trong đó cấp tỉnh 3,6 tỷ đồng …)": parts of a target
    qualifier = _qualifier(rules, own_pre, pre_end, own_post, kind)
    unit = f.amount.unit
    if f.amount.range_role == "low":
        qualifier = "at_least"
    elif f.amount.range_role == "high":
        qualifier = "under"
    if unit == "percent":
        r = _read_rate(rules, own_pre, own_post, clause_pre, parent, f, view, low)
    elif unit == "vnd" and f.amount.value < 1000:
        # "phiếu mua hàng “0 đồng”": a name; "… 20 đ" where a page is cut off mid-word: no money anyone raises
        r = Reading("other", "actual", "exact", noun="money")
    elif unit == "vnd":
        plain = low if unnamed is None else unnamed
        r = _read_money(rules, own_pre, own_post, clause_pre, sentence_pre,
                        (plain[prev_end:f.s] + " " + _FIRST_PART.match(plain, f.e, next_start).group()[:80],
                         plain[c_start:f.s]), view[f.e:min(c_end, f.e + 80)])
        if r.metric == "other" and r.noun == "money" and carry and carry.get("vnd") is not None \
                and carry["vnd"].metric == "welfare_funds_vnd" and rules.breakdown_opener.match(low):
            # "Quỹ … vận động được 6,7 tỷ đồng. Trong đó cấp tỉnh thu trên 1,6 tỷ đồng; …": the parts of the money
            # the sentence before raised
            r = Reading("welfare_funds_vnd", "actual", "exact", noun="money")
        elif r.metric == "welfare_funds_vnd" and f.paren and not rules.donated.search(own_pre) \
                and (works := _WORKS_NAMED.search(low, 0, f.paren[0])) \
                and not rules.welfare.search(works.group()) and not rules.welfare.search(view[lo:hi]):
            # "…, bàn giao 300 căn nhà đại đoàn kết, khánh thành trụ sở Công an tỉnh (tổng kinh phí 612 tỷ đồng)": the
            # cost of the public works the parenthesis follows, not of the welfare the sentence named before them
            r = Reading("other", "actual", "exact", noun="economy")
        elif r.metric == "other" and r.noun == "money" and carry and _TOTAL_ONLY.fullmatch(own_pre) and (
                carry.get("vnd") is not None and carry["vnd"].metric == "welfare_funds_vnd"
                or carry.get("count") is not None and carry["count"].metric == "houses_built"):
            # "… đã bàn giao 20 căn nhà đại đoàn kết cho hộ nghèo. Tổng kinh phí là 1,2 tỷ đồng.": the total of what the
            # sentence before gave or built, in a sentence of its own
            r = Reading("welfare_funds_vnd", "actual", "exact", noun="money")
    else:
        r = _read_count(rules, own_pre, own_post, clause_pre, parent, f, low)
    if unit == "percent" and r.metric == "other" and r.noun is None and i and figs[i - 1].reading is not None \
            and figs[i - 1].reading.metric == "new_members" and _RATE_BESIDE.fullmatch(own_pre) \
            and ("tổng số đảng viên" in sentence_pre or carry and carry.get("percent") is not None
                 and carry["percent"].metric == "new_members_rate" or own_pre.rstrip().endswith("tỷ lệ")):
        # "kết nạp được 91 đảng viên, bằng 6,85%" in a sentence that takes admissions over the membership,
        # or that goes on with the sentence before that did ("…, bằng 6,10%... Đảng bộ B … 510 đảng viên,
        # bằng 2,58%"), or that names it a ratio ("kết nạp 1.250 đảng viên, đạt tỷ lệ 3,2%": no plan is named;
        # but "… 1.932 đảng viên, đạt tỷ lệ 96,6%" can only be of the plan: no party admits a fifth of itself)
        named_only = "tổng số đảng viên" not in sentence_pre and not (carry and carry.get("percent") is not None)
        plausible = f.amount.value <= _MOST_ADMITTED_PCT or not named_only
        r = Reading("new_members_rate" if plausible else "new_members_plan_pct", "actual", "exact")
    elif unit == "percent" and r.metric == "other" and r.noun == "plan" and i and figs[i - 1].reading is not None \
            and (figs[i - 1].reading.metric == "new_members" and (_RATE_BESIDE.fullmatch(own_pre)
                                                                  or _PLAN_SHARE_BESIDE.fullmatch(own_pre))
                 or figs[i - 1].reading.metric == "new_members_plan_pct" and _PREVIOUS_PLAN.match(own_pre)):
        # "phát triển được 120 đảng viên mới, đạt 105% kế hoạch": the share of the plan the members just
        # counted as admitted make, whatever verb admitted them; and "…, đạt 120% chỉ tiêu tỉnh giao và bằng 145% chỉ
        # tiêu Nghị quyết Huyện ủy": their share of another plan
        r = Reading("new_members_plan_pct", "actual", "exact")
    if r.metric in ("new_members_plan_pct", "new_members_rate") and i and _restates_a_ratio_of_units(figs[i - 1], f, c_start):
        # "Có 356/541 tổ chức cơ sở đảng kết nạp được đảng viên mới, đạt 65,8%": the share of the organisations that
        # admitted anyone (356/541), no share of admissions
        r = Reading("other", "actual", "exact", noun="share")
    if r.metric in ("total_members", "org_count") and (
            r.metric == "total_members" and _SECTOR_ORGS_WITH.search(clause_pre)
            or _SHARE_OF_THE_WHOLE.match(low, f.e, min(len(low), f.e + 80))):
        # "166 tổ chức đảng trong các doanh nghiệp tư nhân với 3.390 đảng viên", "… với 4.158 đảng viên, chiếm 4,7%
        # so với tổng số đảng viên", "96 tổ chức cơ sở đảng (chiếm 18% tổng số tổ chức cơ sở đảng)": the members
        # of a part of the organisations, a part of the membership, a part of the organisations
        r = Reading("other", "actual", "exact", noun=r.noun)
    if unit == "vnd" and r.metric != "other" and i and figs[i - 1].reading is not None \
            and figs[i - 1].reading.noun == "per" and figs[i - 1].s >= c_start and _NEXT_PER_ITEM.fullmatch(own_pre) \
            and "tổng" not in own_pre and "trị giá" not in own_pre:
        # "mỗi căn xây mới được hỗ trợ 60 triệu đồng, sửa chữa 30 triệu đồng": the next amount of the same kind
        # (not "mỗi suất 2 triệu đồng, tổng trị giá 300 triệu đồng", "… mỗi phần 300.000đ, trị giá 30 triệu đồng": the
        # total)
        r = Reading("other", "actual", "exact", noun="per")
    if unit == "vnd" and r.metric == "other" and i and figs[i - 1].reading is not None \
            and figs[i - 1].reading.metric == "houses_built" and figs[i - 1].s >= c_start \
            and _HOUSES_COST.match(own_pre) and not _PER_UNIT_AFTER.match(own_post):
        # "giải ngân xây dựng, sửa chữa 3.561 nhà, tổng số tiền 148.246 triệu đồng": what the houses cost
        r = Reading("welfare_funds_vnd", "actual", "exact", noun="money")
    if unit == "count" and r.metric == "other" and r.noun == "target" and i and figs[i - 1].reading is not None \
            and figs[i - 1].reading.metric == "targets_met" and figs[i - 1].s >= c_start \
            and _NEXT_TARGETS.fullmatch(own_pre) and not _OWN_VERDICT.search(own_post, 0, 60):
        # "hoàn thành vượt mức 30/30 chỉ tiêu Nghị quyết, 49 chỉ tiêu theo Kế hoạch số 11": the next plan's targets the
        # same verb met
        r = Reading("targets_met", "actual", "exact", noun="target")
    if r.noun == "coordinated" and qualifier == "exact" and kind == "target" and _OR_MORE.search(view[f.e:c_end]):
        # "phấn đấu 95% TCCSĐ và 88% đảng viên hoàn thành tốt nhiệm vụ trở lên": for both (of a result, "trở lên"
        # after the rating is the rating's band, as for one rate: `_qualifier`)
        qualifier = "at_least"
    if unit == "count" and rules.restate.search(own_pre, pre_end) and "và tương đương" not in own_pre:
        # (not "89 đảng bộ cấp huyện và tương đương, với 3.549 tổ chức cơ sở đảng": "and the like", no restatement)
        r = _restated(r, [g for g in same if g.e <= f.s and g.s >= c_start])
    if r.metric == "targets_met":
        # how many targets were met is a result; it is a goal only where the sentence says one ("phấn đấu
        # hoàn thành 15/17 chỉ tiêu"), not because the words "chỉ tiêu", "kế hoạch" are on the way, nor a clause
        # before it ("… việc thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ; hoàn thành và vượt 32/33 nội dung")
        # (and "dự kiến cả 17/17 chỉ tiêu đạt và vượt" near a year's end estimates how many were met: a result)
        goals = list(_GOAL.finditer(sentence_pre)) if kind == "target" else []
        kind = "target" if goals and goals[-1].group() != "dự kiến" and ";" not in sentence_pre[goals[-1].end():] \
            else "actual"
        # (the verb's "vượt" is no qualifier of how many: "đạt và vượt 15/17 chỉ tiêu" met 15)
        qualifier = "exact" if qualifier == "over" or _MET_AND_BEAT_TAIL.search(own_pre) else qualifier
        if kind == "target" and f.amount.denominator is None:
            # "phấn đấu thực hiện hoàn thành 19 chỉ tiêu chủ yếu": the plan's targets, all of them, no count met
            r = Reading("other", "actual", "exact", noun="target")
    if parent is not None and parent.reading is not None and r.metric == "other" and \
            r.noun in (None, parent.reading.noun):
        r = _inherit(rules, r, parent, own_pre, own_post, unit, kind, f.amount.value)
    elif parent is not None and parent.reading is not None and parent.reading.metric == "new_members_plan_pct" \
            and r.noun == "member" and r.metric == "other" and (not own_pre.strip(" “”\"'")
                                                                 or _PLAN_LABELLED.fullmatch(own_pre)):
        # "đạt 87,4% chỉ tiêu tỉnh giao cả năm (190 đảng viên)": the plan that share was taken of (or labelled: "chiếm
        # 64,29% (Nghị quyết là 4.830 đảng viên)")
        r, kind = Reading("new_members", "target", "exact", noun="member"), "target"
    if r.metric == "other" and r.noun == "member" and parent is not None and parent.reading is not None \
            and parent.reading.metric == "new_members" and not own_pre.strip(" “”\"'") \
            and _PLAN_BEFORE_PARENS.search(low, 0, f.paren[0] + 1):  # type: ignore[index]
        # "kết nạp được 10.027 so với chỉ tiêu kế hoạch (9.744 đảng viên)": the plan the admissions are set against
        r, kind = Reading("new_members", "target", "exact", noun="member"), "target"
    if r.metric == "houses_built" and kind == "actual" and parent is not None and parent.reading is not None \
            and parent.reading.houses_not_built:
        # "khởi công làm 353 căn nhà (xây mới 198 căn, sửa chữa 155 căn)": the parts of houses only started, still to
        # build or repaired are not built either
        r = Reading("other", "actual", "exact", noun="house")
    if r.metric == "total_members" and _REPRESENTING.search(own_pre):
        kind = "actual"  # "Đại hội … sẽ diễn ra …, với 498 đại biểu đại diện cho 119.396 đảng viên": the members now
    elif r.metric == "new_members" and _OF_THE_PLAN_AFTER.match(own_post):
        kind = "target"  # "kết nạp được 39 đảng viên mới trong tổng số 200 đảng viên mới theo kế hoạch": the plan
    r.kind = kind
    r.qualifier = qualifier
    return r


_PLAN_BEFORE_PARENS = re.compile(r"(?<!\w)(?:chỉ tiêu|kế hoạch)(?:\s+[^\s\d,;:()]+){0,4}\s*\($")


def _restates_a_ratio_of_units(before: _Fig, f: _Fig, c_start: int) -> bool:
    """Whether the share `f` is the ratio just before it in its clause, a count of organisations out of a whole."""
    a = before.amount
    return before.s >= c_start and a.denominator is not None and a.denominator > 0 and before.reading is not None \
        and before.reading.noun in ("org", "branch") and abs(100 * a.value / a.denominator - f.amount.value) < 0.1


def _neighbours(figs: list[_Fig], f: _Fig, c_start: int, c_end: int) -> tuple[list[_Fig], int, int]:
    """The other figures in `f`'s parenthesis (the two ends of a range are one figure), and the stretch
    of `f`'s clause [c_start, c_end) that is its own: from the end of the figure before it to the start
    of the one after it.

    One pass for what reads plainly as a list and a `max` and a `min` over it (a test holds it to
    them): it runs for every figure of a sentence with more than one.
    """
    same, prev_end, next_start = [], c_start, c_end
    for g in figs:
        if g.paren == f.paren and g is not f and g.s != f.s:
            same.append(g)
            if g.s >= c_start and prev_end < g.reach <= f.s:
                prev_end = g.reach
            if f.e <= g.s < next_start:
                next_start = g.s
    return same, prev_end, next_start


_RESTATED_AS = {"new_members_rate": "new_members", "new_members_plan_pct": "new_members"}


def _restated(r: Reading, before: list[_Fig]) -> Reading:
    """`… 2,54% so với tổng số đảng viên, tương ứng 192 đảng viên`: the count is the rate's numerator,
    so it is what the rate counts, never the total the rate was taken of."""
    prev = before[-1].reading if before else None
    metric = _RESTATED_AS.get(prev.metric) if prev is not None else None
    if metric and r.noun == "member":
        return Reading(metric, "actual", "exact", noun=r.noun)
    if r.metric in ("total_members", "org_count"):
        return Reading("other", "actual", "exact", noun=r.noun)
    return r


def _parent(figs: list[_Fig], f: _Fig) -> _Fig | None:
    """The figure just before the parenthesis that holds `f`, when the parenthesis follows it."""
    open_at = f.paren[0] if f.paren else -1
    before = [g for g in figs if g.e <= open_at and g.paren != f.paren]
    if not before:
        return None
    g = before[-1]
    return g if g.reading is not None else None


def _inherit(rules: Rules, r: Reading, parent: _Fig, own_pre: str, own_post: str, unit: str,
             kind: str, value: float) -> Reading:
    p = parent.reading
    assert p is not None
    target_or_change = kind in ("target", "change")
    if unit == parent.amount.unit and target_or_change and p.metric != "other":
        return Reading(p.metric, kind, "exact", p.entity, p.predicate)
    if unit == "percent" and parent.amount.unit == "count" and not target_or_change:
        # "485 TCCSĐ (đạt 93,3%) hoàn thành tốt …", "787 đảng viên (đạt 43,72% so với chỉ tiêu)"
        if p.metric == "new_members":
            if rules.plan_post.search(own_post):
                return Reading("new_members_plan_pct", kind, "exact")
            if rules.total_post.search(own_post):
                return Reading("new_members_rate", kind, "exact")
            if value > _MOST_ADMITTED_PCT and _REACHED_ALONE.fullmatch(own_pre) and not own_post.strip(" ,.…"):
                # "kết nạp được 14 đồng chí (đạt 233,3%)": more than any admission rate can be, so of the plan
                return Reading("new_members_plan_pct", kind, "exact")
        elif p.entity and p.predicate and not own_post.strip(" ,.…"):
            metric = rules.rate_metrics.get(p.entity, {}).get(p.predicate)
            if metric:
                return Reading(metric, kind, "exact", p.entity, p.predicate)
    return r


_REACHED_ALONE = re.compile(r"[\s(]*(?:đạt|bằng)\s*")
# what a resolution asks: "theo Nghị quyết 90% trở lên", "so với Nghị quyết Đại hội Đảng bộ Khối đạt 95%",
# a parenthesis opening with it "(Nghị quyết Đại hội … ít nhất đạt 98% trở lên)"
_RESOLUTION_SAYS = re.compile(r"(?:(?<!\w)(?:theo|so với)\s+|^[\s“”\"']*)nghị quyết(?:\s+[^\s,;:()]+){0,8}?\s*(?:là|đạt|:)?\s*$")


# the rest of an item of targets met, then the next: "… 30/30 chỉ tiêu Nghị quyết Đại hội, "
# (a document's number on the way is no figure: "… theo Chương trình hành động số 18 của Tỉnh ủy, ")
_NEXT_TARGETS = re.compile(r"\s*(?:chỉ tiêu|mục tiêu)(?!\w)[^;:()]{0,80},\s*(?:và\s+)?")
# an item with a verdict of its own ("…, 2 chỉ tiêu không đạt") is not the verb's before it
_OWN_VERDICT = re.compile(r"(?<!\w)(?:chưa|không|đạt|hoàn thành|vượt|xấp xỉ|cơ bản|gần)(?!\w)")
# one of the targets a plan set: "Đại hội đề ra 31 chỉ tiêu …, trong đó tỷ lệ kết nạp đảng viên mới tối thiểu 3%/năm"
# (a few words may name the plan between: "đề ra chương trình thực hiện gồm có 4 chỉ tiêu …"; the list may open in
# parentheses: "… 4 chỉ tiêu về công tác xây dựng Đảng (Kết nạp 150 đảng viên, …")
_TARGETS_SET = re.compile(r"(?<!\w)(?:đề ra|đặt ra|xác định|thông qua)(?:\s+[^\s\d.;:()]+){0,8}?"
                          r"\s+(?P<count>\d[\d.]*\s+(?:nhóm\s+)?chỉ tiêu)(?!\w)"
                          r"[^.]*?(?:(?<!\w)(?:trong đó|gồm|bao gồm)(?!\w)|\()")
# a sentence that opens on the list of targets: "Các chỉ tiêu chủ yếu nhiệm kỳ 2025-2030: Kết nạp đảng viên mới …"
# (or on the targets of every year, then what they have: "Các chỉ tiêu hàng năm có 50% tổ chức cơ sở đảng …")
_TARGETS_LISTED = re.compile(r"[\s“”\"'-]*(?:các\s+|một số\s+|những\s+)?(?:mục tiêu|chỉ tiêu)"
                             r"(?:\s+(?:chủ yếu|cụ thể|chính|cơ bản))?(?:\s+(?:của\s+)?(?:nhiệm kỳ|năm|giai đoạn|hàng năm|hằng năm)[^:.;]{0,30})?"
                             r"\s*(?::|(?<=năm)\s+(?:có|là)(?!\w))")
# the admissions a plan names, its year or owner between: "kế hoạch năm 2016 phát triển 200 đảng viên"
_PLANNED_ADMISSIONS = re.compile(r"(?<!\w)kế hoạch(?:\s+năm(?:\s+\d{4})?|\s+của\s+[^,;:()\d]{1,30}?)?(?:\s+là)?\s+"
                                 r"(?:kết nạp|phát triển)(?:\s+(?:mới|được))?(?:\s+(?:từ|trên|khoảng))?\s*$")
# (or the homes it is to make for households: "… chương trình hỗ trợ làm nhà ở cho hơn 1.000 hộ nghèo")
_PROGRAMME_BUILDS = re.compile(r"(?<!\w)(?:chương trình|đề án|dự án)(?:\s+[^\s\d,;:()]+){0,3}?\s+(?:hỗ trợ\s+)?"
                               r"(?:xây dựng|xây tặng|xây|làm)(?:\s+mới)?(?:\s+nhà(?:\s+ở)?\s+cho)?"
                               r"(?:\s+(?:hơn|trên|gần|khoảng))?\s*$")
# what opens a list of targets before its colon: the targets, and that a plan set them or which they are
_INTRO_SIZE = 150
_TARGETS_INTRO = re.compile(r"(?<!\w)(?:chỉ tiêu|mục tiêu)(?!\w)(?=.*?(?<!\w)(?:đề ra|đặt ra|thông qua|xác định|chủ yếu|"
                            r"cụ thể|phấn đấu)(?!\w))|(?<!\w)(?:đề ra|đặt ra|thông qua|xác định|thống nhất)(?!\w).*?(?<!\w)"
                            r"(?:chỉ tiêu|mục tiêu)(?!\w)")
# (carrying a plan out that a congress agreed on is no result: "biểu quyết thống nhất thực hiện các chỉ tiêu …:")
_RESULTS_INTRO = re.compile(r"(?<!\w)(?:kết quả|đạt được|đã|thực hiện được|(?<!thống nhất )thực hiện|hoàn thành|đạt|vượt|"
                            r"so với)(?!\w)")
# the plan a figure before was compared with ("… 83,45% so với chỉ tiêu Nghị quyết của Tỉnh đề ra, …"): no target
_COMPARED_WITH = re.compile(r"(?<!\w)so(?:\s+với)?(?!\w)[^,;]*$")


_PLAN_IN_PARENS = re.compile(r"\(\s*(?:nghị quyết|nq|chỉ tiêu|kế hoạch|mục tiêu)(?:\s+[^\s():]+){0,6}?\s*(?::|là)\s*"
                             r"(?:(?:trên|từ|dưới|khoảng|tối thiểu)\s+)?$")
# by how much a named plan was beaten: "… chiếm 90,6%, vượt chỉ tiêu Nghị quyết đề ra 5,6%"
_BEAT_THE_PLAN_BY = re.compile(r"(?<!\w)vượt\s+(?:so với\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu)(?!\w)[^,;:()\d]{0,40}$")
# the plan of the figure before, then the next figure: "đạt 21,6% chỉ tiêu Nghị quyết và 27,7% chỉ tiêu Tỉnh ủy giao"
_PREVIOUS_PLAN = re.compile(r"\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch|nghị quyết)(?!\w)[^,;()]*?(?:,|\svà)"
                            r"(?:\s+(?:bằng|đạt))?(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")
# admitting, the verb right before its count: "phát triển (thêm) 200 đảng viên"
_DEVELOPED = re.compile(r"(?<!\w)phát triển(?:\s+(?:được|mới|thêm))*\s+(?:(?:từ|trên|hơn|khoảng|gần)\s+)?$")
# "(chương trình) mục tiêu quốc gia": a programme's name, no goal
_NATIONAL = re.compile(r"\s+quốc gia(?!\w)")
# the plan met or beaten before the figure: "vượt chỉ tiêu đề ra, kết nạp 32 đảng viên" reports a result (so does
# "hoàn thành các mục tiêu, nhiệm vụ đề ra: …")
_PLAN_MET_BEFORE = re.compile(r"(?<!\w)(?:vượt|đạt|hoàn thành)(?:\s+(?:và\s+vượt|vượt|mức))?(?:\s+(?:tất cả\s+)?các)?"
                              r"(?:\s+(?:chỉ tiêu|kế hoạch|mục tiêu))?\s*$")
# "đã phấn đấu được 36 chỉ tiêu đạt và vượt": strove and got, an achievement
_STROVE_AND_GOT = re.compile(r"phấn đấu\s+được(?!\w)")


# the plan named, then its figure: "(vượt) chỉ tiêu tỉnh giao là 900 triệu đồng", "kế hoạch năm 2022 là 200 đảng viên"
_PLAN_IS = re.compile(r"(?<!\w)(?:chỉ tiêu|kế hoạch)(?:\s+(?:[^\s\d,;:()]+|\d{4}(?!\d))){0,4}?\s*(?:là|:)\s*"
                      rf"{_ROUGHLY}$")


# the plan's own figure, the plan missed: "không hoàn thành chỉ tiêu kết nạp 2.500 đảng viên mỗi năm"
_PLAN_MISSED = re.compile(rf"(?<!\w)(?:không|chưa)\s+(?:hoàn thành|đạt)(?:\s+được)?\s+(?:chỉ tiêu|kế hoạch)\s+"
                          rf"(?:kết nạp|phát triển)(?:\s+(?:mới|được))?\s+{_ROUGHLY}$")


_PLAN_NOUNS = ("chỉ tiêu", "kế hoạch")


def _kind(rules: Rules, own_pre: str, pre_end: str, own_post: str, sentence_pre: str, f: _Fig) -> str:
    if ("chỉ tiêu" in own_pre or "kế hoạch" in own_pre) and (_PLAN_IS.search(own_pre, max(0, len(own_pre) - 80))
                                                            or _PLAN_MISSED.search(own_pre)):
        return "target"
    if rules.change_tail.search(own_pre, pre_end) and not _MET_AND_BEAT_TAIL.search(own_pre) \
            and not ("không" in own_pre and _NOT_UNDER.search(own_pre)) \
            or "vượt" in own_pre and _BEAT_THE_PLAN_BY.search(own_pre):
        return "change"
    previous_plan = _PREVIOUS_PLAN.match(own_pre)  # the plan the figure before was a share of
    if not previous_plan and _RESOLUTION_SAYS.search(own_pre):
        return "target"
    if f.paren and _PLAN_IN_PARENS.search(sentence_pre):
        # "đạt 96,9% (Nghị quyết: 85%)": the plan beside the result, past the colon that ends no clause here
        return "target"
    targets_set = _TARGETS_SET.search(sentence_pre) if "chỉ tiêu" in sentence_pre else None
    if targets_set and not rules.target_reset.search(sentence_pre, targets_set.end("count")):
        return "target"
    if _TARGETS_LISTED.match(sentence_pre):
        return "target"
    if "kế hoạch" in own_pre and _PLANNED_ADMISSIONS.search(own_pre) \
            or ("án" in own_pre or "chương trình" in own_pre) and _PROGRAMME_BUILDS.search(own_pre):
        # (and "thực hiện chương trình xây tặng 1.500 nhà tình nghĩa": what a programme is to build)
        return "target"
    colon = sentence_pre.find(":") if ":" in sentence_pre else -1
    if 0 <= colon <= _INTRO_SIZE and _TARGETS_INTRO.search(sentence_pre, 0, colon) \
            and not _RESULTS_INTRO.search(sentence_pre, 0, colon) and not rules.target_reset.search(sentence_pre, colon):
        # the list after a colon whose opening words name the targets a plan set: "Các nhiệm vụ, chỉ tiêu chủ yếu
        # được đề ra là: …", "Đại hội đề ra các chỉ tiêu: …", "Nghị quyết đặt ra một số chỉ tiêu về xây dựng Đảng: …"
        return "target"
    # (not "Chương trình mục tiêu quốc gia", a programme's name)
    near = [m for m in rules.target_near.finditer(own_pre) if not _NATIONAL.match(own_pre, m.end())] \
        if not previous_plan else []
    if near and not rules.target_reset.search(own_pre[near[-1].end():]) and not _COMPARED_WITH.search(
            own_pre, 0, near[-1].start()) and not _STROVE_AND_GOT.match(own_pre, near[-1].start()) \
            and not _PLAN_MET_BEFORE.search(own_pre, 0, near[-1].start()) \
            and not (f.amount.denominator is not None and near[-1].group() in _PLAN_NOUNS):
        # (a count out of its plan after the plan is named is the result: "theo chỉ tiêu chi, đảng bộ cơ sở phát triển
        # được 79/206", the plan being the whole)
        return "target"
    sent = [m for m in rules.target_sentence.finditer(sentence_pre) if not _NATIONAL.match(sentence_pre, m.end())] \
        if not f.paren else []
    if sent:
        between = sentence_pre[sent[-1].end():]
        if not rules.target_reset.search(between) and not _PASSIVE_TAIL.search(own_pre) \
                and not (":" in between and _PLAN_MET_BEFORE.search(sentence_pre, 0, sent[-1].start())):
            # (not the goals met, listed: "… đã thực hiện hoàn thành các mục tiêu, nhiệm vụ đề ra: 100% đảng viên …";
            # but "góp phần hoàn thành mục tiêu hằng năm kết nạp đảng viên đạt từ 3%" names the goal)
            return "target"
    return "actual"


_LINKING_WORDS = by_last_letter(("có", "đạt", "là", "được", "chiếm", "bằng", "với", "lên", "phấn đấu"))
_HELPER_VERBS = by_last_letter(("có", "được", "thực hiện", "đã", "tất cả", "toàn bộ"))


def _strip_words(text: str, words: dict[str, tuple[str, ...]]) -> str:
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


_NOT_UNDER = re.compile(r"(?<!\w)không\s+(?:dưới|ít hơn|thấp hơn)\s*$")
_AT_LEAST_AFTER = re.compile(r"^\s*trở lên")
_AT_LEAST_NOUN_AFTER = re.compile(r"^[\s“”\"']*(?:số\s+)?[^\s,;()]+(?:\s+[^\s,;()]+){0,4}?\s+trở lên")
_RATED_TASK = re.compile(r"nhiệm vụ|giao|mạnh")


def _qualifier(rules: Rules, own_pre: str, pre_end: str, own_post: str, kind: str) -> str:
    pre = _strip_words(own_pre.rstrip(), _LINKING_WORDS)
    end = tail_end(pre)
    # most figures have no qualifier before them: one test of the last word for all four lists
    if end.endswith(rules.qualifier_words) or pre_end.endswith(rules.qualifier_words):
        if _NOT_UNDER.search(pre) or _MET_AND_BEAT_TAIL.search(pre):
            # "không dưới 120 đảng viên": not fewer; "đạt và vượt 900 triệu đồng": reached or beaten; at least
            return "at_least"
        for name in ("under", "approx", "over", "at_least"):
            tail = rules.qualifier_tail[name]
            if tail.search(pre, end) or tail.search(own_pre, pre_end):
                if name == "over" and kind == "change":
                    continue
                if name == "at_least" and not _AT_LEAST_BEFORE.search(pre) and \
                        "trở lên" not in own_post[:60]:
                    continue
                return name
    if "trở lên" not in own_post:  # what follows can only make it `at_least`
        return "exact"
    if _AT_LEAST_AFTER.match(own_post):
        return "at_least"
    m = _AT_LEAST_NOUN_AFTER.match(own_post)
    if m and not _RATED_TASK.search(m.group()):
        return "at_least"
    if kind == "target":
        return "at_least"
    return "exact"


# --- rates ---------------------------------------------------------------------------------------


# `(?<!\w)hoàn thành(?!\w)` with the look-behind after the phrase: a pattern that opens with a
# literal lets `re` jump from one occurrence to the next instead of trying every position
_DONE = re.compile(r"hoàn thành(?<!\whoàn thành)(?!\w)")
_MAKESHIFT_GONE = re.compile(r"[^;.\d]{0,60}?(?<!\w)(?:đã\s+)?(?:bị|được)\s+(?:xóa sổ|xóa bỏ|xóa)(?!\w)")
# the people admitted, named for what they are: "(260 em) học sinh", "sinh viên", "đoàn viên" …
_LEARNERS = r"(?:em\s+)?(?:sinh viên|học sinh|học viên|đoàn viên|quần chúng|công nhân|chiến sĩ|giáo viên|cán bộ|người)"
_LEARNERS_AFTER = re.compile(rf"\s*{_LEARNERS}(?!\w)")
# admitted for them, the verb before: "kết nạp Đảng cho 4 học sinh", "kết nạp được cho 187 quần chúng"
# (or into the Party, named, then the count: "kết nạp Đảng được 08 đoàn viên ưu tú là học sinh")
_ADMITTED_FOR = re.compile(rf"(?<!\w)(?<!đối tượng )(?<!chuẩn bị )kết nạp(?:(?:\s+(?:đảng viên mới|đảng viên|vào đảng|đảng))?(?:\s+được)?"
                           rf"\s+(?:cho|đối với)|\s+(?:vào\s+)?đảng(?:\s+được)?)\s+{_ROUGHLY}$")
# admitted or developed, then who, then into the Party: "phát triển được 07 đoàn viên là học sinh vào Đảng"
_VERB_BEFORE = re.compile(rf"(?<!\w)(?:kết nạp|phát triển)(?:\s+(?:mới|được))*\s+{_ROUGHLY}$")
# who they are, then up to `reach` characters of what else is said of them, before a word
_WHO_THEN = rf"\s*{_LEARNERS}(?!\w)[^;:()\d.,]{{{{0,{{reach}}}}}}?(?<!\w)"
_INTO_THE_PARTY_AFTER = re.compile(_WHO_THEN.format(reach=40) + r"vào\s+đảng(?!\w)")
# admitted, the verb after who they are: "12 sinh viên ưu tú của Trường … đã được kết nạp Đảng", "… đã vinh dự
# được đứng trong hàng ngũ của Đảng"
_ADMITTED_LATER = re.compile(_WHO_THEN.format(reach=60) + r"(?:đã\s+)?(?:được\s+kết nạp(?:\s+vào)?|đứng\s+(?:vào|trong)"
                             r"\s+hàng ngũ(?:\s+của)?)\s+đảng(?!\w)")
# not admitted yet: "32 đoàn viên đang phấn đấu để được kết nạp Đảng", "… đủ điều kiện được kết nạp"
_NOT_YET_ADMITTED = re.compile(r"(?<!\w)(?:để|sẽ|chờ|đang|phấn đấu|đủ điều kiện|đề nghị|xem xét)(?!\w)")
_IN_WHICH = re.compile(r"(?<!\w)(?:trong đó|trong số đó)(?!\w)")
_IN_WHICH_OPENS = re.compile(r"[\s,]*(?:trong đó|trong số đó)(?!\w)")


_BOTH_BANDS = re.compile(r"\s*(?:nhiệm vụ\s*)?(?:và|hoặc|,)\s*(?:hoàn thành\s*)?")


def _predicate(rules: Rules, text: str, *, last: bool = False) -> tuple[str, re.Match[str]] | None:
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


def _entity_at(rules: Rules, m: re.Match[str]) -> str:
    # the rule regexes are alternations of named groups with no group inside: the one that matched
    # is the last group closed (groupdict() would build a dict of every alternative per match)
    return m.lastgroup


def _read_rate(rules: Rules, own_pre: str, own_post: str, clause_pre: str, parent: _Fig | None, f: _Fig,
               view: str, low: str) -> Reading:
    density = _PARTY_DENSITY.search(clause_pre) if "tỷ lệ" in clause_pre else None
    if density and not rules.admission.search(clause_pre, density.end()) \
            and _predicate(rules, clause_pre[density.end():] + own_post) is None:
        # "tỷ lệ đảng trong dân quân tự vệ đạt trên 31%, trong quân nhân dự bị đạt trên 9%": members as a share of a
        # force, not of any plan
        return Reading("other", "actual", "exact", noun="share")
    if _OF_THE_GOOD.match(own_post) and (_predicate(rules, clause_pre, last=True) or ("",))[0] == "excellent":
        # "… 10,9% đảng viên hoàn thành xuất sắc nhiệm vụ, chiếm 12% số đảng viên hoàn thành tốt nhiệm vụ": the
        # excellent as a share of those rated good or better, not the good rate
        return Reading("other", "actual", "exact", noun="share")
    if _OF_POPULATION.match(own_post):
        # "nâng tổng số … lên 226 đảng viên, đạt 1,85% so với dân số": members as a share of the population
        return Reading("other", "actual", "exact", noun="share")
    # shares of a plan or of the membership: only admissions have a metric for them (but "tỷ lệ kết nạp đảng viên mới
    # … đạt từ 3%-4% theo Nghị quyết 21": a rate of admissions the resolution asks for, not a share of it)
    per_the_plan = own_post.lstrip(" “”\"'").startswith("theo") and f.amount.value <= _MOST_ADMITTED_PCT \
        and rules.rate_of_admission.search(clause_pre)
    if rules.plan_post.search(own_post) and not rules.change_tail.search(own_pre) and not per_the_plan:
        counted = rules.nouns.match(own_pre) if not _PREVIOUS_PLAN.match(own_pre) else None
        if counted is not None and counted.lastgroup != "member" and not rules.admission.search(own_pre):
            # "kết nạp 1.860 đảng viên, thành lập mới 22 chi bộ …, đạt 220% mục tiêu": the share of what was
            # counted right before it
            return Reading("other", "actual", "exact", noun="plan")
        if rules.admission.search(clause_pre) or (parent and parent.reading and
                                                  parent.reading.metric == "new_members"):
            return Reading("new_members_plan_pct", "actual", "exact")
        return Reading("other", "actual", "exact", noun="plan")
    admitted = rules.admission.search(clause_pre) or rules.admission.search(own_post[:40])
    if admitted and _SHARE_BESIDE.search(own_pre) and _PLAN_OPENS_PARENS.match(low, f.e):
        # "kết nạp 3.105 đảng viên, chiếm 64,29% (Nghị quyết là 4.830 đảng viên)": a share of the plan beside it
        return Reading("new_members_plan_pct", "actual", "exact")
    if admitted and _REACHED.search(own_pre) and _no_noun(own_post) and _predicate(rules, own_post) is None \
            and not rules.total_post.search(own_post) and not _SHARE_OF_MEMBERS.match(own_post) \
            and not rules.rate_of_admission.search(clause_pre):
        # "kết nạp đảng viên đạt từ 80% trở lên": what admissions reach is a share of their plan (but a goal of a
        # few percent, "phấn đấu kết nạp đảng viên mới đạt từ 7%", can only be of the membership: no plan is
        # set to be missed)
        if f.amount.value <= _MOST_ADMITTED_PCT and _GOAL.search(clause_pre):
            return Reading("new_members_rate", "actual", "exact")
        return Reading("new_members_plan_pct", "actual", "exact")
    if rules.rate_of_admission.search(clause_pre) and rules.change_tail.search(own_pre) \
            and _COMPARED_AFTER.match(own_post):
        # "Tỷ lệ phát triển đảng viên … vượt 66% so với nghị quyết năm và vượt 88% so với cùng kỳ": by how much the
        # admissions beat the plan, or the year before; no share of the membership
        plan = rules.plan_post.search(own_post.replace("so với", "", 1))
        return Reading("new_members_plan_pct" if plan else "other", "actual", "exact", noun="plan" if plan else None)
    if rules.total_post.search(own_post) or rules.rate_of_admission.search(clause_pre) or \
            (admitted and (_SHARE_OF_MEMBERS.match(own_post) or _NEW_OF_ALL.match(own_post))):
        if admitted and (rules.part.search(clause_pre[admitted.start():]) or _OF_THE_ADMITTED.match(own_post)):
            # "… là học sinh, chiếm 1,75% so với tổng số đảng viên được kết nạp": a share of the admitted
            return Reading("other", "actual", "exact", noun="share")
        if admitted:
            return Reading("new_members_rate", "actual", "exact")
        rated = _predicate(rules, clause_pre, last=True)
        ents = list(rules.entity_any.finditer(clause_pre[:rated[1].start()])) if rated and rated[0] != "plain" else []
        if ents:
            # "Đảng viên hoàn thành xuất sắc nhiệm vụ chiếm 13% tổng số đảng viên": a rating's share
            return _rate(rules, _entity_at(rules, ents[-1]), rated[0])  # type: ignore[index]
        return Reading("other", "actual", "exact", noun="share")
    post = _IN_WHICH.split(own_post)[0] if "trong" in own_post else own_post
    adj = rules.entity_adjacent.match(post)
    if adj:
        ent = _entity_at(rules, adj)
        pred = _predicate(rules, post[adj.end():])
        if pred is None and _COORDINATED.fullmatch(post[adj.end():]):
            # "95% TCCSĐ và 88% đảng viên hoàn thành tốt …": coordinated rates share the rating that
            # closes the clause
            pred = _coordinated_predicate(rules, view, f)
            if pred is not None and pred[0] != "plain":
                r = _rate(rules, ent, pred[0])
                r.noun = "coordinated"
                return r
        if pred is None or pred[0] == "plain":
            return Reading("other", "actual", "exact", ent, None, noun=ent)
        # the rating must belong to this noun, not to another one named on the way
        between = post[adj.end():adj.end() + pred[1].start()]  # (the rating was found in post[adj.end():])
        nearer = [m for m in rules.entity_any.finditer(between)]
        if nearer and _entity_at(rules, nearer[-1]) != ent:
            if len(nearer) == 1 and _AND_NOUN.fullmatch(between[:nearer[0].start()]):
                # "Trên 90% chi bộ, đảng viên xếp loại hoàn thành tốt …": one rate of both nouns
                return _shared_rate(rules, ent, _entity_at(rules, nearer[0]), pred[0])
            return Reading("other", "actual", "exact", ent, None, noun=ent)
        if nearer and "," in between[:nearer[-1].start()]:
            # "90% đảng viên … được kiểm tra, kết quả tỉ lệ đảng viên hoàn thành xuất sắc nhiệm vụ chiếm 18,1%": the
            # rating is said again of the noun, in a clause of its own, for the figure after it
            return Reading("other", "actual", "exact", ent, None, noun=ent)
        return _rate(rules, ent, pred[0])
    if not _no_noun(post):
        return Reading("other", "actual", "exact", noun="?")
    # a rating after a comma belongs to the next figure ("… chiếm 66,51%, số đảng viên hoàn thành xuất sắc …")
    pred = None if post.lstrip()[:1] in (",", ";") else _predicate(rules, post)
    ent: str | None = None
    if pred is not None and pred[0] != "plain":
        ents = list(rules.entity_any.finditer(clause_pre))
        if not ents and _IN_WHICH_OPENS.match(clause_pre):
            # "98,2% đảng viên được đánh giá, xếp loại; trong đó 17,5% hoàn thành xuất sắc nhiệm vụ": the
            # breakdown is of what the clause before counted
            ents = list(rules.entity_any.finditer(view, 0, f.s - len(clause_pre)))
        if ents:
            ent = _entity_at(rules, ents[-1])
        return _rate(rules, ent, pred[0]) if ent else Reading("other", "actual", "exact")
    if pred is not None:
        return Reading("other", "actual", "exact")
    pred = _predicate(rules, clause_pre, last=True)
    if pred is None or pred[0] == "plain":
        return _rated_before_colon(rules, view, f.s - len(clause_pre), clause_pre)
    window = clause_pre[:pred[1].start()]
    window_words = window.split()[-8:]
    ents = _owners(rules, " ".join(window_words))
    counted = _RATED_COUNT.match(clause_pre, pred[1].end())
    if not ents and counted is not None:
        # "(xếp loại) hoàn thành xuất sắc nhiệm vụ (có) 12 tổ chức cơ sở đảng, chiếm 15,4%": the rating first,
        # then how many it counts, then their share
        ents = list(rules.entity_any.finditer(counted.group("noun")))
    if not ents and len(window.split()) <= 2:
        # "…; hoàn thành tốt nhiệm vụ 26.300 đồng chí, bằng 77,5%": the subject of the clause before
        ents = list(rules.entity_any.finditer(view[:max(0, len(view) - len(clause_pre) - (len(view) - f.s))]))
    if not ents and "tỷ lệ" in window:
        # "tỷ lệ tổ chức Đảng trực thuộc Đảng bộ xã được đánh giá, xếp loại từ hoàn thành tốt nhiệm vụ trở lên đạt 100%":
        # the rate names what it is of right after "tỷ lệ", however far back
        after = _RATE_OF.match(window, window.rfind("tỷ lệ") + len("tỷ lệ"))
        named = rules.entity_any.match(window, after.end()) if after else None
        ents = [named] if named else []
    if not ents:
        return Reading("other", "actual", "exact")
    first = _coordinated_subject(rules, window, pred[0])
    if first is not None and first != _entity_at(rules, ents[-1]):
        # "tỷ lệ tổ chức cơ sở đảng và đảng viên hoàn thành tốt nhiệm vụ đều đạt trên 90%", "số chi bộ xếp loại
        # hoàn thành tốt nhiệm vụ trở lên và số đảng viên được xếp loại … đạt trên 90%": one rate of both
        return _shared_rate(rules, first, _entity_at(rules, ents[-1]), pred[0])
    return _rate(rules, _entity_at(rules, ents[-1]), pred[0])


_RATE_OF = re.compile(r"\s+(?:các\s+|số\s+)?")  # after "tỷ lệ": what the rate is of


def _owners(rules: Rules, text: str) -> list[re.Match[str]]:
    """The entities named in `text`, less a unit that only says where the one before it is: "số chi bộ trong cơ quan
    hành chính hoàn thành tốt nhiệm vụ": the branches are rated, not the agencies."""
    ents = list(rules.entity_any.finditer(text))
    if len(ents) > 1 and _entity_at(rules, ents[-1]) == "unit" and _entity_at(rules, ents[-2]) in ("org", "member") \
            and _WHERE_IT_IS.fullmatch(text, ents[-2].end(), ents[-1].start()):
        ents.pop()
    return ents


_WHERE_IT_IS = re.compile(r"\s*(?:trong|ở|thuộc|tại|của)\s+(?:các\s+|khối\s+)?")


def _rated_before_colon(rules: Rules, view: str, c_start: int, clause_pre: str) -> Reading:
    """"Hoàn thành xuất sắc nhiệm vụ: 45 tổ chức cơ sở đảng, chiếm 15%": a clause that opens after a
    rating and its colon, counting what got it, then its share."""
    if c_start < 1 or view[c_start - 1] != ":":
        return Reading("other", "actual", "exact")
    head = view[max(view.rfind(";", 0, c_start - 1), view.rfind(".", 0, c_start - 1)) + 1:c_start - 1]
    rated = _predicate(rules, head, last=True)
    counted = _RATED_COUNT.match(clause_pre)
    if rated is None or rated[0] == "plain" or counted is None or head[rated[1].end():].strip(" “”\"'") not in (
            "", "trở lên"):
        return Reading("other", "actual", "exact")
    ents = list(rules.entity_any.finditer(counted.group("noun")))
    return _rate(rules, _entity_at(rules, ents[0]), rated[0]) if ents else Reading("other", "actual", "exact")


# what joins two nouns that share one rate: "chi bộ, đảng viên", "tổ chức cơ sở đảng và đảng viên"
_AND_NOUN = re.compile(r"\s*(?:,|và)\s*(?:(?:các|số|tỷ lệ)\s+)?")
# the end of the first of two subjects that share a rate, each with its own rating: "… trở lên và số "
_SECOND_SUBJECT = re.compile(r"(?:\s+trở lên)?\s*(?:,|và)\s*(?:(?:các|số|tỷ lệ)\s+)?(?P<rest>[^,;:()]{0,40})$")


def _coordinated_subject(rules: Rules, window: str, pred: str) -> str | None:
    """The first of two subjects the rating after `window` is shared by, or None.

    `window` is the clause up to the rating of the last subject. The subjects share the rate when the
    last one follows the one before with only "và" or a comma between (`TCCSĐ và đảng viên`), or when
    each has the same rating and then "và" (`số chi bộ xếp loại hoàn thành tốt nhiệm vụ trở lên và số
    đảng viên được xếp loại`)."""
    ents = list(rules.entity_any.finditer(window))
    if len(ents) < 2 or "%" in window:  # "96% TCCSĐ hoàn thành tốt …, đảng viên … đạt 91%": each has its own
        return None
    last, before = ents[-1], ents[-2]
    gap = window[before.end():last.start()]
    if _AND_NOUN.fullmatch(gap):
        return _entity_at(rules, before)
    rated = _predicate(rules, gap, last=True)
    if rated is None or rated[0] != pred:
        return None
    tail = _SECOND_SUBJECT.match(gap, rated[1].end())
    if tail is None or tail.group("rest").strip() or not rules.entity_any.fullmatch(window[last.start():last.end()]):
        return None
    return _entity_at(rules, before)


def _shared_rate(rules: Rules, first: str, second: str, pred: str) -> Reading:
    """One rate stated of two nouns: the first noun's metric, and the second's as `also` (when both are
    metrics; otherwise whichever is)."""
    a, b = _rate(rules, first, pred), _rate(rules, second, pred)
    if a.metric == "other":
        return b
    if b.metric != "other" and b.metric != a.metric:
        a.also = b.metric
    return a


_PARTY_DENSITY = re.compile(r"(?<!\w)tỷ lệ\s+(?:đảng viên|đảng)\s+(?:trong|ở|tại)\s")
_OF_THE_GOOD = re.compile(r"[\s“”\"']*(?:so với\s+)?(?:tổng\s+)?số\s+(?:đảng viên|đv|tổ chức cơ sở đảng|tổ chức đảng|tccsđ|"
                          r"chi bộ)\s+(?:được\s+(?:xếp loại|đánh giá)\s+)?(?:hoàn thành tốt|httnv)(?!\w)")
_COMPARED_AFTER = re.compile(r"[\s“”\"']*so(?:\s+với)?(?!\w)")
_OF_POPULATION = re.compile(r"[\s“”\"']*(?:so với\s+|trên\s+)?(?:tổng\s+)?(?:số\s+)?dân\s+số(?!\w)")
_REACHED = re.compile(r"(?<!\w)đạt(?:\s+(?:được|gần|trên|hơn|khoảng|từ|xấp xỉ))*\s*$")
_SHARE_BESIDE = re.compile(r"(?<!\w)(?:chiếm|bằng)\s*$")
# a plan named in a parenthesis, then its figure: "(Nghị quyết là 4.830 đảng viên)", "(chỉ tiêu: 190)"
_PLAN_LABEL = r"(?:nghị quyết|nq|chỉ tiêu|kế hoạch)(?:\s+[^\s():,;]+){0,4}?\s*(?:là|:)"
_PLAN_OPENS_PARENS = re.compile(rf"\s*\(\s*{_PLAN_LABEL}")
_PLAN_LABELLED = re.compile(rf"\s*{_PLAN_LABEL}\s*")
# "bằng 6,6% số đảng viên cuối năm 2016": a share of the membership
# (or the members of a whole body: "… đạt trên 6% so với đảng viên toàn Đảng bộ")
_SHARE_OF_MEMBERS = re.compile(r"[\s“”\"']*(?:(?:so với\s+)?số\s+(?:đảng viên|đv)(?!\s+(?:mới|được|dự kiến|đăng ký))"
                               r"|so với\s+(?:tổng\s+)?(?:đảng viên|đv)\s+(?:toàn|của|trong)(?!\w))")
# "(chỉ tiêu kết nạp) 3,25% đảng viên mới trên tổng số đảng viên": the admitted named between share and whole
_NEW_OF_ALL = re.compile(r"[\s“”\"']*(?:đảng viên|đv)\s+mới(?:\s+trở lên)?\s+(?:so với|trên)\s+tổng\s+số(?!\w)")
_OF_THE_ADMITTED = re.compile(r"[\s“”\"']*(?:so với\s+)?(?:tổng\s+)?số\s+(?:đảng viên|đv)\s+(?:mới\s+)?(?:được\s+)?kết nạp")
# what a noun of coordinated rates may say it belongs to ("… tổ chức cơ sở Đảng trực thuộc Đảng bộ huyện và …")
_BELONGING = r"(?:\s+(?:trực thuộc|thuộc(?!\s+diện)|của|trong)\s+[^\d%,;:.()]{0,40}?)?"
_COORDINATED = re.compile(_BELONGING + r"[\s,]*(?:và|cùng)?[\s,]*(?:(?:có|trên|hơn|từ|đạt|khoảng|gần|ít nhất)\s+)*")
_RATE_ITEM = re.compile(_BELONGING + r"[\s,]*(?:và|cùng)?[\s,]*(?:(?:có|trên|hơn|từ|đạt|khoảng|gần|ít nhất)\s+)*"
                        r"\d[\d.,]*\s*%\s*(?:trở lên\s+)?")


def _coordinated_predicate(rules: Rules, view: str, f: _Fig) -> tuple[str, re.Match[str]] | None:
    """The rating after a run of `X% noun và Y% noun`, when each rate is followed only by its noun."""
    ends = [x for x in (view.find(ch, f.e) for ch in ";:\n") if x != -1]
    rest = view[f.e:min(ends, default=len(view))]
    rest = _IN_WHICH.split(rest)[0] if "trong" in rest else rest
    pos, items = 0, 0
    while True:
        adj = rules.entity_adjacent.match(rest[pos:])
        if adj is None:
            return None
        pos += adj.end()
        item = _RATE_ITEM.match(rest, pos)
        if item is None or not rules.entity_adjacent.match(rest[item.end():]):
            break
        pos, items = item.end(), items + 1
    return _predicate(rules, rest[pos:]) if items else None


_FUNCTION_START = re.compile(
    r"^[\s“”\"'…]*(?:$|[,;.)(…]|so với|trở lên|hoàn thành|được|đã|đạt|và|trong đó|trong số|là|số|tổng số|xếp loại|"
    r"năm|của|trong sạch|tsvm|đủ tư cách|theo|vào|với|\.\.\.)"
)


def _no_noun(post: str) -> bool:
    return _FUNCTION_START.match(post) is not None


def _rate(rules: Rules, ent: str, pred: str) -> Reading:
    metric = rules.rate_metrics.get(ent, {}).get(pred, "other")
    return Reading(metric, "actual", "exact", ent, pred)


# --- counts --------------------------------------------------------------------------------------


def _read_count(rules: Rules, own_pre: str, own_post: str, clause_pre: str, parent: _Fig | None, f: _Fig,
                low: str) -> Reading:
    if _HOUSEHOLDS.match(own_post) and _REPRESENTING.search(own_pre):
        # "cùng đại diện 200 hộ dân được hỗ trợ xây dựng nhà": people who came for the households, no house counted
        return Reading("other", "actual", "exact")
    if rules.houses_given_to.match(own_post) and (rules.houses_given.search(own_pre[-120:])
                                                  or _MAKESHIFT_REPLACED_FOR.search(own_pre)) \
            or rules.houses_given_post.match(own_post) \
            or "hỗ trợ" in own_pre and _HELPED.search(own_pre) and rules.houses_helped_post.match(own_post):
        # "trao tặng nhà Mái ấm Công đoàn cho 32 đoàn viên", "2 hộ được bàn giao nhà": one house to each
        return Reading("houses_built", "actual", "exact", noun="house", extra_target=True)
    if (("kết nạp" in own_post or "hàng ngũ" in own_post) and (later := _ADMITTED_LATER.match(own_post))
            and not _NOT_YET_ADMITTED.search(later.group())
            or "kết nạp" in own_pre and _ADMITTED_FOR.search(own_pre) and _LEARNERS_AFTER.match(own_post)
            or _VERB_BEFORE.search(own_pre) and _INTO_THE_PARTY_AFTER.match(own_post)) \
            and not _IN_WHICH.search(clause_pre):
        # "12 sinh viên ưu tú của Trường Đại học … đã được kết nạp Đảng": people admitted, their verb after who they
        # are (not "…, trong đó 12 sinh viên được kết nạp …", a part of the admitted)
        return Reading("new_members", "actual", "exact", noun="member")
    raised = _RAISED_TOTAL.search(own_pre)
    if raised and any(rules.part.match(raised.group(), m.end()) for m in _MEMBERS_WORD.finditer(raised.group())):
        # "nâng tổng số đảng viên trong độ tuổi Đoàn lên 674": a part of the members
        return Reading("other", "actual", "exact", noun="member")
    if raised and _NEW_RAISED.search(raised.group()) and not (
            _ADMITTED_COUNT_BEFORE.search(clause_pre, 0, len(clause_pre) - len(own_pre) + raised.start())
            and not _SO_FAR.search(raised.group())):
        # "nâng tổng số đảng viên mới … được kết nạp từ đầu năm đến nay lên 6 người": the admissions so far (but "kết
        # nạp 2.658 đảng viên, nâng tổng số đảng viên mới trong toàn tỉnh lên 54.968": after the admissions, with no
        # period of them named, the membership they raised)
        return Reading("new_members", "actual", "exact", noun="member")
    if raised and ("đảng viên" in raised.group() or "đv" in raised.group() or _MEMBER_HEAD.match(own_post)):
        # "nâng tổng số đảng viên toàn Đảng bộ lên 2.824": the membership after the admissions
        return Reading("total_members", "actual", "exact", noun="member", raised=True)
    # "đối với" only says whom a verb acts on: "xóa tên đối với 7 đồng chí" is read as "xóa tên 7 đồng chí"
    own_pre = _TOWARDS.sub(lambda m: " " * len(m.group()), own_pre)
    nm = rules.nouns.match(own_post)
    # (a membership named first may be counted in comrades: "tổng số đảng viên của chi bộ đến thời điểm đánh giá là 11
    # đồng chí")
    named = _TOTAL_NAMED_FIRST.search(own_pre) if "tổng" in own_pre and (
        nm is None or nm.lastgroup == "member" and nm.group("member") in ("đồng chí", "người")) else None
    acted = _ACT_NAMED_FIRST.search(own_pre) if nm is None and named is None and "số" in own_pre else None
    if acted:
        # "số đảng viên bị thi hành kỷ luật (trong năm) là 86": the members of an act, named before their figure
        act = acted.group("act")
        metric = ("new_members" if "kết nạp" in act else "disciplined_members" if "kỷ luật" in act
                  else "removed_members")
        return Reading(metric, "actual", "exact", noun="member")
    if named and not rules.part.search(named.group("of")) and not _ACTED_ON.search(named.group("of")):
        # "tổng số đảng viên toàn Đảng bộ là 36.607": the whole, named before its figure (not "tổng số đảng
        # viên trong độ tuổi Đoàn là 674", a part)
        cls = "member" if named.group("member") else "org"
        return Reading("total_members" if cls == "member" else "org_count", "actual", "exact", noun=cls)
    if nm is None and _PEOPLE_ACTED_ON.match(own_post):
        passive = rules.passive_act.match(own_post)
        if passive:
            # "3 nguyên Bí thư Tỉnh ủy bị khai trừ ra khỏi Đảng": people named by their posts, then the act on them
            return Reading(rules.passive[" ".join(passive.group("verb").split())], "actual", "exact", noun="member")
    if nm is None:
        # "khai trừ 3" inside a discipline list: a bare count right after a strong member verb
        tail = " ".join(own_pre.split()[-4:])
        cue = rules.cues["member"].nearest(tail)
        if "kỷ luật" in low and _EXPELLED_LABEL.search(low, max(0, f.s - 20), f.s):
            # "(khiển trách: 5; cảnh cáo: 4; khai trừ: 2)": the expelled, labelled (the colon is no clause here)
            return Reading("removed_members", "actual", "exact", noun="member")
        if _EXPELLED_AFTER.match(own_post) and "kỷ luật" in low:
            # "… với các hình thức: 1.439 khiển trách, 476 cảnh cáo, 71 cách chức, 50 khai trừ": the expelled,
            # counted before their form
            return Reading("removed_members", "actual", "exact", noun="member")
        if cue in _MEMBER_ACT_METRICS and _BARE_COUNT_ENDS.match(own_post) and not rules.proposed.search(clause_pre) \
                and ("đảng viên" in low or "kỷ luật" in low and cue != "new_members"
                     or cue == "new_members" and f.amount.denominator) \
                and re.search(r"(?:xóa tên|khai trừ|kỷ luật|kết nạp(?: mới)?(?: được)?)[\s:]*$", own_pre):
            # (and "xã A kết nạp được 7/5 đạt 140%": admitted against the plan, whom a Party body admits)
            return Reading(cue, "actual", "exact", noun="member", extra_target=cue == "new_members")
        return Reading("other", "actual", "exact")
    cls = nm.lastgroup
    noun_text = nm.group(cls)
    rest = own_post[nm.end():]
    if cls == "cadre":
        # "thi hành kỷ luật 6 cán bộ", "4 cựu cán bộ bị khai trừ Đảng": what a Party body's discipline acts on are its
        # members, whatever post they held; but cadres counted for anything else are not the membership
        r = _read_count_noun(rules, "member", noun_text, rest, own_pre, clause_pre, low[:f.s])
        return r if r.metric in ("disciplined_members", "removed_members") else Reading("other", "actual", "exact")
    if cls == "target" and not low[f.e + len(own_post):f.e + len(own_post) + 1].isdigit():
        # the words after the targets end with their clause, not at the next figure: "Có 24/27 chỉ tiêu chủ yếu đã đạt
        # và vượt; thu nhập …" met them (the verb's test for a share it reaches looks for a figure after it)
        rest += " ."
    r = _read_count_noun(rules, cls, noun_text, rest, own_pre, clause_pre, low[:f.s])
    if r.metric in ("org_count", "total_members") and f.amount.denominator is not None:
        # "16/17 tổ chức cơ sở đảng trong cơ quan …, thủ trưởng … làm bí thư": how many of them meet a
        # condition, not how many there are
        r = Reading("other", "actual", "exact", noun=cls)
    elif r.metric in ("org_count", "total_members"):
        segment = clause_pre[max(clause_pre.rfind(","), clause_pre.rfind(":")) + 1:]
        rated = _predicate(rules, segment, last=True)
        if rated is not None and rated[0] != "plain" and _RATED_THEN_COUNT.fullmatch(segment, rated[1].end()):
            # "hoàn thành xuất sắc nhiệm vụ có 12 tổ chức cơ sở đảng, chiếm 15,4%": how many got the rating (which
            # a share in parentheses after it takes: "… có 412 đảng viên (chiếm 16,2%)")
            r = Reading("other", "actual", "exact", "org" if cls == "branch" else cls, rated[0], noun=cls)
    if cls in ("org", "member", "branch") and r.metric == "other" and r.predicate is None:
        pred = _predicate(rules, rest)
        if pred is not None and pred[0] != "plain":
            r.entity, r.predicate = ("org" if cls == "branch" else cls), pred[0]
    return r


def _read_count_noun(rules: Rules, cls: str, noun_text: str, rest: str, own_pre: str,
                     clause_pre: str, sentence_pre: str = "") -> Reading:
    if cls == "target" and _ADMITTED_OF_THE_QUOTA.search(own_pre):
        # "kết nạp được 821/1.450 chỉ tiêu": members admitted out of the quota, no targets met
        return Reading("new_members", "actual", "exact", noun="member", extra_target=True)
    if cls == "target":
        # "18/21 chỉ tiêu, trong đó 8 chỉ tiêu vượt …": a part of the targets met, not their count (but in "đề
        # ra 20 chỉ tiêu, trong đó có 18 chỉ tiêu đạt" the whole is the plan, and the part the count met)
        if re.search(r"(?<!\w)(?:trong đó|trong số đó|riêng)(?:\s+có)?\s*$", own_pre) \
                and not _TARGETS_SET.search(sentence_pre):
            return Reading("other", "actual", "exact", noun=cls)
        if re.search(r"(?:chưa|không|(?<!\w)còn(?:\s+lại)?)\s*$", own_pre) or re.match(r"^[^;:.]{0,40}?(?:chưa|không)\s+(?:đạt|hoàn thành)", rest):
            return Reading("other", "actual", "exact", noun=cls)
        if _NEARLY_MET.match(rest):
            # "có 02 chỉ tiêu xấp xỉ đạt", "2 chỉ tiêu cơ bản đạt": targets nearly met were not met
            return Reading("other", "actual", "exact", noun=cls)
        pre_tail = _strip_words(own_pre.rstrip(), _HELPER_VERBS)
        if _BEAT_BY_TAIL.search(pre_tail) and rules.admission.search(sentence_pre):
            # "kết nạp đảng viên vượt chỉ tiêu như Đảng bộ xã A … đều vượt 2 chỉ tiêu": by how many members each
            # beat its plan, not how many targets it met
            return Reading("other", "actual", "exact", noun=cls)
        if rules.met_tail.search(pre_tail) and not re.search(r"(?:chưa|không)\s+(?:\S+\s+)?\S+\s*$", pre_tail[-25:]) \
                or rules.met_post.match(rest):
            if not re.search(r"(?:chưa|không)\s+\S*\s*$", pre_tail):
                return Reading("targets_met", "actual", "exact", noun=cls)
        return Reading("other", "actual", "exact", noun=cls)
    if cls == "house":
        if noun_text.rsplit(maxsplit=1)[-1] in ("căn", "ngôi", "nhà") and _NOT_A_HOME.match(rest) \
                or _REPAIRED_AFTER.match(rest):  # (and "20 căn nhà văn hóa": the classifier before the building)
            # (and "837 nhà làm mới và 282 nhà sửa chữa": houses repaired, named after their count)
            return Reading("other", "actual", "exact", noun=cls)
        makeshift = rules.house_replaced.match(noun_text + rest)
        if makeshift and _STOCK_TAIL.search(own_pre):
            # "… toàn tỉnh hiện nay là 7.687 căn nhà tạm, nhà dột nát", "còn 900 căn nhà tạm": houses still to
            # replace (but "xóa 217 căn nhà tạm", "xây mới 120 căn nhà tạm, nhà dột nát" replaced them)
            return Reading("other", "actual", "exact", noun=cls)
        if makeshift and (rules.house_replace.search(own_pre) or _MAKESHIFT_GONE.match(rest)):
            # (or gone, said after them: "hơn 9.000 căn nhà tạm trên địa bàn tỉnh đã bị xóa sổ")
            return Reading("houses_built", "actual", "exact", noun=cls, extra_target=True)
        if not HOUSES_DONE.search(own_pre) and (
                _ONLY_STARTED.search(own_pre) or _APPROVED.search(sentence_pre) or _STILL_TO_BUILD.match(rest)
                or _PLEDGED.search(own_pre) or _MONEY_TO_BUILD.search(clause_pre) or _FOR_BUILDING.search(own_pre)):
            # "đã khởi công xây dựng, sửa chữa, làm mới được 1.119 nhà": only started; "Số nhà … được phê duyệt …
            # năm 2025 là 17 nhà, bao gồm xây mới 06 nhà": approved, to build; "xây dựng 591 căn nhà còn lại": the rest
            # of a programme, still to build (but "đã khởi công và bàn giao 20 căn": done)
            return Reading("other", "actual", "exact", noun=cls)
        own = rules.cues["house"].nearest(own_pre)
        if own is None and rules.houses_done.match(rest):
            # "đã khởi công 204 nhà, 12 nhà đã xây dựng hoàn thành": said done after them, whatever the clause said of
            # the houses before
            return Reading("houses_built", "actual", "exact", noun=cls, extra_target=True)
        cue = own or rules.cues["house"].nearest(clause_pre)
        both = rules.house_build_repair.search(own_pre)
        if both and not own_pre[:both.start()].rstrip().endswith("khởi công"):
            cue = "houses_built"  # "xây mới, sửa chữa 120 căn" (not "khởi công xây dựng, sửa chữa …": only started)
        if cue == "houses_built" or cue is None and rules.houses_done.match(rest):
            return Reading("houses_built", "actual", "exact", noun=cls, extra_target=True)
        return Reading("other", "actual", "exact", noun=cls)
    if cls == "member":
        mod = rules.post["member_modifiers"].match(rest)
        acted = rest[mod.end():] if mod else rest
        for metric in ("removed_members", "disciplined_members"):
            done = rules.post[metric].match(acted)
            if done and _NOT_PARTY_DISCIPLINE.match(acted, done.end()):
                # "5 đảng viên bị xử lý kỷ luật hành chính": their employer's discipline, not the Party's
                return Reading("other", "actual", "exact", noun=cls)
            if done:
                return Reading(metric, "actual", "exact", noun=cls)
        forms = _FORMS_JOINED.search(own_pre)
        if forms and own_pre[:forms.start()].strip() and not _PASSIVE_BEFORE.search(own_pre, 0, forms.start()):
            # "khiển trách, cảnh cáo 14 người": one count for the forms named together, all of them discipline (not
            # "… 2 cảnh cáo và khai trừ 1 trường hợp", "… 18 người bị cách chức và khai trừ 12 người": the first form
            # is the count's before it)
            return Reading("disciplined_members", "actual", "exact", noun=cls)
        form = _FORM_AFTER.match(acted)
        if form and "kỷ luật" not in sentence_pre and acted[form.start(1) - 3:form.start(1)] == "bị ":
            # "7 đảng viên bị khai trừ …, 1 trường hợp bị cách chức vụ": the count's own act, not the act before
            # it, and nothing says it is the Party's discipline
            return Reading("removed_members" if form.group(1) == "khai trừ" else "other", "actual", "exact", noun=cls)
        if form and "kỷ luật" in sentence_pre:
            # "… bị xử lý kỷ luật, trong đó 2 trường hợp khai trừ, 3 trường hợp cách chức": the form named after
            # its count is that count's (not the next one's)
            return Reading("removed_members" if form.group(1) == "khai trừ" else "disciplined_members", "actual",
                           "exact", noun=cls)
        # "272 đảng viên sinh hoạt tại các tổ chức Đảng … bị thi hành kỷ luật": a passive verb later in
        # the same clause, with no other figure or clause break between
        late = _LATE_PASSIVE.match(acted) if mod or _IS_A_PART.match(rest) and not rules.part_before.search(clause_pre) \
            else None
        if late:
            # "25.104 đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, … bị xử lý kỷ luật": the list of
            # what they did wrong, then what was done to them (or who they are: "46 đảng viên là cha, mẹ của thí sinh …
            # cũng bị kỷ luật")
            return Reading("disciplined_members" if late.group("act") == "kỷ luật" else "removed_members", "actual",
                           "exact", noun=cls)
        later = rules.passive_act.match(acted)
        if later:
            return Reading(rules.passive[" ".join(later.group("verb").split())], "actual", "exact", noun=cls)
        by_party = _ACTED_ON_BY_PARTY.match(acted)
        if by_party:
            # "38 đảng viên … đã được các cấp ủy xem xét, đưa ra khỏi Đảng": the act after the Party body that did it
            return Reading("disciplined_members" if by_party.group("act") == "kỷ luật" else "removed_members",
                           "actual", "exact", noun=cls)
        if _MADE_FULL.match(rest):
            # "… và 6 đồng chí là đảng viên dự bị được công nhận chính thức": members made full, none admitted
            return Reading("other", "actual", "exact", noun=cls)
        if rules.post["new_members"].match(rest) or noun_text == "đảng viên mới":
            if not rules.post["evaluative"].match(_ADMITTED_HEAD.sub("", rest)) \
                    or rules.post["new_members"].match(rest):
                cue = rules.cues["member"].nearest(own_pre)
                if cue in (None, "new_members", "total_members"):
                    return Reading("new_members", "actual", "exact", noun=cls, extra_target=True)
        cue = rules.cues["member"].nearest(own_pre)
        if cue is None and _DEVELOPED.search(own_pre):
            # "kế hoạch năm 2016 phát triển 200 đảng viên": admitted, the verb right before its count (not "Ngân
            # hàng Nông nghiệp và phát triển nông thôn … và 44 đảng viên": a name)
            cue = "new_members"
        if cue == "total_members":
            cue = _act_totalled(rules, own_pre) or cue
        joined = _BLANKED.sub(" ", own_pre)  # a parenthesis on the way is blanked: one space
        if cue in (None, "blocker") and (_CONNECTORS.fullmatch(_MEMBER_HEAD.sub("", joined)) or re.fullmatch(
                r"[\s,]*(?:và|,)?[\s\w]{0,25}(?:và|,|…)\s*(?:và\s+)?(?:(?:trên|hơn|gần|khoảng|dưới)\s+)?", joined)):
            # "thi hành kỷ luật 5 tổ chức đảng và 20 đảng viên", "…, giảm 23 đảng viên so với …", "… 80 tổ chức
            # đảng (khiển trách 57, …) và 2.869 đảng viên"; an item before that names posts is the act's too, not a
            # part of the members that stops the act ("thi hành kỷ luật 3 cấp ủy viên và 45 đảng viên")
            verb = rules.cues["member"].nearest(clause_pre[:len(clause_pre) - len(own_pre)])
            cue = verb if cue is None or verb in _MEMBER_ACT_METRICS else cue
        if cue is None and _LAST_ITEM.search(own_pre) and _COMPOSITION_OPENS.match(sentence_pre):
            # "Đảng bộ tỉnh có 31 đảng bộ trực thuộc, …; 10.225 chi bộ … và 230.741 đảng viên": the last item of
            # what a Party body is made of
            cue = "total_members"
        if cue in _MEMBER_ACT_METRICS:
            if cue == "new_members" and noun_text == "trường hợp":  # cases are not people admitted
                return Reading("other", "actual", "exact", noun=cls)
            if (rules.proposed.search(clause_pre) and not _FORMS_LISTED.match(rest) and not _ACT_GOT.search(own_pre)) \
                    or _NOT_DONE.search(own_pre):
                # "đề nghị … khai trừ", "giữ nguyên hình thức khai trừ": proposed, or upheld on appeal;
                # "không thi hành kỷ luật 20 đảng viên do hết thời hiệu": not done
                return Reading("other", "actual", "exact", noun=cls)
            if _IN_WHICH.search(own_pre) and _IS_A_PART.match(rest):
                # "kết nạp 2.300 đảng viên, trong đó 420 đảng viên là người dân tộc thiểu số", "… trong đó 120 đồng
                # chí là chiến sĩ nghĩa vụ": whatever they are, a part of them
                return Reading("other", "actual", "exact", noun=cls)
            if cue == "disciplined_members" and _ONE_FORM.search(own_pre) and _ANOTHER_FORM.search(rest):
                # "kỷ luật bằng hình thức khiển trách 5 đảng viên, cảnh cáo 3 …": the members of one form only
                return Reading("other", "actual", "exact", noun=cls)
            return Reading(cue, "actual", "exact", noun=cls, extra_target=cue == "new_members")
        if cue == "total_members" and _admitted_after_total(rules, clause_pre) and _TOTAL_RESTS.match(rest) \
                and not rules.part.match(rest.strip()):
            # "… đạt tỷ lệ phát triển Đảng cao nhất, với 227 đảng viên": the members it admitted
            return Reading("new_members", "actual", "exact", noun=cls)
        if cue == "total_members" and _ATTENDING.search(clause_pre):
            # "Dự hội nghị có hơn 1.300 đảng viên": who came, not the membership
            return Reading("other", "actual", "exact", noun=cls)
        if cue == "total_members" and _is_membership(rules, noun_text, rest, clause_pre):
            return Reading("total_members", "actual", "exact", noun=cls)
        return Reading("other", "actual", "exact", noun=cls)
    if cls == "org":
        if "cấp" in clause_pre:  # "15 đảng bộ cấp trên cơ sở, 651 tổ chức cơ sở đảng": a level, not "cấp" (issued)
            own_pre = _LEVEL.sub(lambda m: " " * len(m.group()), own_pre)
            clause_pre = _LEVEL.sub(lambda m: " " * len(m.group()), clause_pre)
        cue = rules.cues["org"].nearest(" ".join(own_pre.split()[-6:]))
        if cue is None and (_AFTER_MEMBERS.fullmatch(own_pre) or _BRANCHES_OF.fullmatch(own_pre)):
            # "đã có hơn 2.000 đảng viên và 51 tổ chức cơ sở đảng", "2.631 đảng viên thuộc 48 tổ chức cơ sở đảng": the
            # organisations of the members just counted, as the clause counts them
            cue = rules.cues["org"].nearest(clause_pre)
        if cue is None and not own_pre.strip() and _BODIES_BEFORE.search(sentence_pre):
            # "toàn tỉnh có 18 đảng bộ trực thuộc Tỉnh ủy; 761 tổ chức cơ sở đảng; …": the next item of what the
            # sentence's verb counts, past a semicolon
            cue = rules.cues["org"].nearest(_LEVEL.sub(" ", sentence_pre))
        if cue is None and _LIST_CONTINUES.fullmatch(own_pre):
            # "Lâm Đồng có 18 đảng bộ trực thuộc Tỉnh ủy, 764 tổ chức cơ sở đảng, …": an item of a list that the
            # clause's verb opened
            cue = rules.cues["org"].nearest(clause_pre)
        if "kết nạp" in clause_pre and _UNITS_OF_THE_ADMITTED.search(clause_pre):
            # "lễ kết nạp 20 quần chúng ưu tú của 6 chi bộ trực thuộc Đảng ủy và 2 chi bộ cơ sở …": where the admitted
            # come from, no count of the organisations
            return Reading("other", "actual", "exact", noun=cls)
        if _HELD_A_MEETING.match(rest):
            # "8 tổ chức cơ sở Đảng trực thuộc tổ chức xong Đại hội": how far the congresses have gone, no count of them
            return Reading("other", "actual", "exact", noun=cls)
        if cue == "blocker" or cue == "total_members" and _ORGS_FOUNDED.search(clause_pre):
            # (and "phát triển được 14 tổ chức đảng, gồm 5 tổ chức cơ sở đảng …": the kinds of those newly founded)
            return Reading("other", "actual", "exact", noun=cls)
        if rules.post["org_strong"].match(rest) and not rules.post["evaluative"].match(
                _UNDER_HEAD.sub("", rest)):
            return Reading("org_count", "actual", "exact", noun=cls)
        if cue in ("total_members", "org_place") and _clean(rules, rest) and _TOTAL_RESTS.match(rest) \
                and not rules.part_before.search(clause_pre):
            return Reading("org_count", "actual", "exact", noun=cls)
        if cue is None and _MEMBERS_WITH_AFTER.match(rest):
            # "…; hơn 900 tổ chức cơ sở đảng với hơn 52.000 đảng viên": a body's make-up, said with no verb
            return Reading("org_count", "actual", "exact", noun=cls)
        return Reading("other", "actual", "exact", noun=cls)
    return Reading("other", "actual", "exact", noun=cls)


# "nhà văn hóa", "căn hộ chung cư", "nhà vệ sinh", "nhà bếp", "nhà sinh hoạt cộng đồng": a building or a room, no home
_NOT_A_HOME = re.compile(r"\s*(?:văn hóa|hộ chung cư|cấp|số|trọ|vệ sinh|tắm|bếp|kho|xưởng|để xe|ăn|công vụ|bán trú|lớp học|"
                         r"máy|thờ|chờ|truyền thống|văn phòng|điều hành|làm việc|sinh hoạt cộng đồng|sinh hoạt)(?!\w)")
# ("lễ kết nạp đảng viên đối với 20 quần chúng ưu tú của 6 chi bộ …")
_UNITS_OF_THE_ADMITTED = re.compile(rf"(?<!\w)kết nạp(?:\s+đảng viên(?:\s+mới)?)?(?:\s+(?:đối với|cho))?{_COUNT_AFTER_VERB}(?:quần chúng|đảng viên|đồng chí)[^;.\d]{{0,20}}?"
                                    r"\s(?:của|thuộc|ở|đến từ|từ)\s[^;.]*$")
# people named by a former post or a leading role (not bodies: "2 tập thể bị kỷ luật")
_PEOPLE_ACTED_ON = re.compile(r"\s*(?:nguyên|cựu|lãnh đạo|bí thư|phó bí thư|chủ tịch|phó chủ tịch|giám đốc|phó giám đốc|"
                              r"trưởng|phó trưởng|cán bộ|công chức|sĩ quan|chiến sĩ)(?!\w)")
_ADMITTED_OF_THE_QUOTA = re.compile(r"(?<!\w)kết nạp(?:\s+mới)?(?:\s+được)?\s*$")
_HOUSEHOLDS = re.compile(r"\s*(?:hộ|gia đình)(?!\w)")
_HELD_A_MEETING = re.compile(r"[^,;.\d]{0,40}?(?<!\w)(?:đã\s+)?(?:tổ chức|tiến hành|hoàn thành)\s+(?:xong\s+)?"
                             r"(?:đại hội|hội nghị)(?!\w)")
_EXPELLED_LABEL = re.compile(r"(?<!\w)khai trừ\s*:\s*$")
# organisations newly founded, counted: "phát triển được 14 tổ chức đảng", "thành lập mới 5 chi bộ"
_ORGS_FOUNDED = re.compile(rf"(?<!\w)(?:phát triển|thành lập){_COUNT_AFTER_VERB}(?:tổ chức|chi bộ|đảng bộ|tccsđ)")
# (the figure after "với" starts where the organisations' own words end)
_MEMBERS_WITH_AFTER = re.compile(rf"\s*,?\s*với\s+{_ROUGHLY}$")
_LEVEL = re.compile(r"(?<!\w)cấp\s+(?:trên\s+cơ sở|trên|huyện|tỉnh|xã|cơ sở|ủy)(?!\w)")
_BODIES_BEFORE = re.compile(r"\d[\d.]*\s+(?:đảng bộ|chi bộ)(?!\w)[^;:.\d]{0,40};\s*$")
# "64 chi bộ trực thuộc 27 tổ chức cơ sở đảng": the organisations the branches just counted belong to
_BRANCHES_OF = re.compile(r"\s*(?:chi bộ|đảng bộ bộ phận)(?:\s+[^\s\d,;:()]+){0,2}?\s+(?:trực thuộc|thuộc|của)\s*")
_AFTER_MEMBERS = re.compile(r"\s*(?:đảng viên|đv|đồng chí)\s*(?:,|và|thuộc|của|ở|tại|trong)\s*")
_REPAIRED_AFTER = re.compile(r"\s*(?:được\s+)?(?:sửa chữa|sữa chữa|nâng cấp)(?!\w)")
# words that say houses were done (the pipeline's `extract` reads a breakdown after houses only started by them too)
HOUSES_DONE = re.compile(r"(?<!\w)(?:bàn giao|khánh thành|hoàn thành|đưa vào sử dụng)(?!\w)", re.IGNORECASE)
_ONLY_STARTED = re.compile(r"(?<!\w)khởi công(?!\w)[^;.\d]{0,60}$")
# (or decided: "UBND tỉnh quyết định hỗ trợ xây dựng 150 nhà ở"; or needed: "tổng nhu cầu hỗ trợ … là 10.744 nhà")
# (or allotted: "Theo phân bổ, Mặt trận Tổ quốc tỉnh thực hiện hỗ trợ 40 nhà; …"; not "đã phân bổ xây dựng mới 9 nhà",
# a result)
_APPROVED = re.compile(r"(?<!\w)(?:(?:được\s+)?(?:phê duyệt|duyệt)|quyết định\s+(?:hỗ trợ|xây dựng|xây)|nhu cầu"
                       r"|(?:theo|được)\s+phân bổ)(?!\w)")
# (or damaged: "84 căn nhà bị hư hỏng một phần", "41 ngôi nhà bị hư hại hoàn toàn phải xây dựng lại")
_STILL_TO_BUILD = re.compile(r"\s*(?:còn lại|chưa|đang|cần|phải|bị|hư hỏng|hư hại)(?!\w)")
# money given for houses still to build: "ủng hộ 100 triệu đồng để tài trợ xây dựng 2 căn nhà"
# (or given to someone named to build with: "trao tặng 300 triệu đồng hỗ trợ huyện Đức Cơ xây dựng 6 căn nhà"; not "đóng
# góp hơn 6 tỷ đồng hỗ trợ xây dựng 115 căn nhà", a result)
_MONEY_TO_BUILD = re.compile(r"(?<!\w)(?:đồng|đ)\s+(?:để\s+(?:tài trợ\s+|hỗ trợ\s+)?|(?:tài trợ|hỗ trợ)\s+(?:cho\s+)?"
                             r"(?:[^\d\s,;.]+\s+){1,6}?)(?:xây dựng|xây|làm)(?:\s+mới)?\s*$")
# what money or effort is for, houses still to build: "hỗ trợ 1 tỷ đồng để xây dựng mới và sửa chữa 20 nhà", "vận động
# các nguồn lực để làm mới từ 7.000 - 8.000 nhà" (not "lồng ghép với nguồn vốn … để hỗ trợ xây dựng 237 căn nhà", what
# the funds were joined for in a review of years, nor "được dùng để xây mới 120 căn nhà", what the money went on: built)
_FOR_BUILDING = re.compile(r"(?<!\w)(?<!dùng )để\s+(?:xây dựng|xây tặng|xây|làm|hoàn thành)(?:\s+mới)?"
                           rf"(?:\s*(?:,|và)\s*s[ửữ]a chữa)?\s+{_ROUGHLY}(?:từ\s+)?$")
# pledged: "128 đơn vị đã đăng ký ủng hộ, hỗ trợ xây dựng 10.184 căn nhà"
_PLEDGED = re.compile(r"(?<!\w)đăng ký(?!\w)[^.;:\d]{0,40}$")
_NEARLY_MET = re.compile(r"\s*(?:(?:chủ yếu|còn lại)\s+)?(?:xấp xỉ|cơ bản|gần|sắp|chưa hoàn toàn)\s+(?:đạt|hoàn thành)(?!\w)")
_FROM_GIVERS_AFTER = re.compile(r"\s*(?:đồng\s+)?(?:của|từ)\s+(?:(?:\d+|các|nhiều)\s+)?(?:nhà tài trợ|nhà hảo tâm|mạnh thường quân|"
                                r"tổ chức, cá nhân|cá nhân, tổ chức)(?!\w)")
_GIVEN_BY_AFTER = re.compile(r"[^;.]{0,20}?(?<!\w)do\s[^;.\d]{0,140}?(?<!\w)(?:tài trợ|ủng hộ|trao tặng|quyên góp|đóng góp)"
                             r"(?!\w)")
_FAMILYS_OWN_AFTER = re.compile(r"\s*(?:là\s+)?(?:của|do)\s+(?:gia đình|hộ gia đình|chủ hộ|bản thân|người thân|dòng họ)(?!\w)"
                                r"(?!\s+(?:chính sách|liệt sĩ|có công|khó khăn|nghèo))")
# "xóa nhà tạm, nhà dột nát cho 2.622 hộ": each household's makeshift house replaced, a house each
_MAKESHIFT_REPLACED_FOR = re.compile(r"(?<!\w)xóa\s+(?:bỏ\s+)?nhà\s+(?:tạm|dột nát)(?:[\s,]+(?:và\s+)?(?:nhà\s+)?"
                                     r"(?:tạm|dột nát|tạm bợ|xuống cấp))*\s+cho\s+(?:(?:gần|hơn|trên|khoảng)\s+)?$")
_HELPED = re.compile(r"(?<!\w)(?:đã\s+)?hỗ trợ(?:\s+(?:được|cho))?\s*$")
_ATTENDING = re.compile(r"(?<!\w)(?:tham\s+)?dự\s+(?:hội nghị|lễ|buổi|lớp|đại hội|chương trình|sự kiện)(?!\w)[^;:.]{0,40}"
                        r"(?<!\w)có\s+(?:(?:gần|hơn|trên|khoảng)\s+)?$")
_MADE_FULL = re.compile(r"\s*(?:là\s+)?(?:đảng viên\s+)?(?:dự bị\s+)?(?:được\s+)?(?:công nhận|chuyển)\s+(?:đảng viên\s+|đảng\s+)?"
                        r"chính thức(?!\w)|\s*(?:là\s+)?đảng viên dự bị được")
# (not across a negation: "cảnh cáo 3 người và không có đảng viên nào bị khai trừ")
_LATE_PASSIVE = re.compile(r"(?:(?!trong đó|trong số|riêng|nhiều|một số|không (?:có|ai|bị)|chưa (?:có|bị))[^;:()\d.]){0,160}?(?<!\w)bị\s+"
                           r"(?:(?:thi hành|xử lý)\s+)?(?P<act>kỷ luật|khai trừ|xóa tên)(?!\w)")
# members acted on by a Party body named between them and the act: "… đã được các cấp ủy xem xét, đưa ra khỏi Đảng",
# "… bị Ủy ban Kiểm tra Huyện ủy thi hành kỷ luật" (not proposed, not denied: "được đề nghị khai trừ")
_ACTED_ON_BY_PARTY = re.compile(
    r"(?:(?!không (?:có|ai|bị)|chưa (?:có|bị)|đề nghị|kiến nghị|trong đó|trong số)[^;:()\d.]){0,100}?(?<!\w)(?:bị|được)\s+(?:các\s+)?"
    r"(?:cấp ủy|chi bộ|tổ chức đảng|đảng ủy|ủy ban kiểm tra|ubkt)(?:\s+(?!đề nghị|kiến nghị)[^\s,;:()\d.]+){0,8}?"
    r"(?:\s+xem xét)?[\s,]+(?:(?:thi hành|xử lý|quyết định)\s+)?"
    r"(?P<act>kỷ luật|khai trừ|xóa tên|đưa ra khỏi đảng|cho ra khỏi đảng)(?!\w)")
_STOCK_TAIL = re.compile(r"(?<!\w)(?:là|có|còn|còn lại|với|gồm)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$")
_ADMITTED_COUNT_BEFORE = re.compile(rf"(?<!\w)(?:kết nạp|phát triển){_COUNT_AFTER_VERB}(?:đảng viên|đv|quần chúng)")
_SO_FAR = re.compile(r"(?<!\w)(?:kết nạp|từ đầu|trong năm|đến nay|tới nay|lũy kế|trong (?:quý|tháng))(?!\w)")
_NEW_RAISED = re.compile(r"(?<!\w)(?:đảng viên|đv)\s+mới(?!\w)|(?<!\w)(?:được\s+)?kết nạp(?!\w)")
_RAISED_TOTAL = re.compile(r"(?<!\w)(?:nâng|đưa)\s+(?:tổng\s+)?(?:số\s+(?:lượng\s+)?)?(?:(?:đảng viên|đv)(?!\w)|(?=toàn|lên))"
                           r"[^,;:()]{0,60}?(?<!\w)(?:lên|đạt|là)\s+(?:(?:con số|mức|tới|đến)\s+)?(?:(?:gần|hơn|trên|khoảng)\s+)?$")
# a total named before its figure, with at most whose it is and when between: "tổng số đảng viên (của Đảng bộ)
# (hiện nay) là …", "tổng số đảng viên tính đến cuối năm 2024 của Đảng bộ là …", "tổng số tổ chức cơ sở đảng là …"
_TOTAL_NAMED_FIRST = re.compile(
    r"(?<!\w)tổng\s+số\s+(?:(?P<member>đảng viên|đv)|(?P<org>tổ chức cơ sở đảng|tccsđ))(?!\w)"
    r"(?P<of>(?:\s+(?:của|toàn|trên toàn|trong toàn|trong|tại|(?:tính\s+)?(?:đến|tới)|hiện)\s[^,;:()]{0,40}?){0,2})"
    r"(?:\s+(?:hiện nay|hiện tại|hiện|đến nay))?\s+(?:là|có|đạt)\s+(?:(?:gần|hơn|trên|khoảng)\s+)?$")
_BEAT_BY_TAIL = re.compile(r"(?<!\w)(?:đều\s+)?vượt$")
# the members of an act named before their figure: "(tổng) số đảng viên (mới) được kết nạp / bị thi hành kỷ luật /
# bị xóa tên (trong năm 2024) là …"
_ACT_NAMED_FIRST = re.compile(
    r"(?<!\w)(?:tổng\s+)?số\s+(?:đảng viên|đv)(?:\s+mới)?\s+(?:được\s+|bị\s+|đã\s+)?"
    r"(?P<act>kết nạp(?:\s+mới)?|thi hành kỷ luật|xử lý kỷ luật|kỷ luật|xóa tên|khai trừ)(?!\w)"
    r"(?:\s+(?:trong|từ|của|tại|toàn)\s[^,;:()]{0,40}?)?\s+(?:là|đạt)\s+(?:(?:gần|hơn|trên|khoảng)\s+)?$")
# what makes the figure after a total named first the members of an act, not the whole
_ACTED_ON = re.compile(r"(?<!\w)(?:kết nạp|kỷ luật|xóa tên|khai trừ|được|bị|mới)(?!\w)")
# (and "thi hành kỷ luật (đảng) với 95 đảng viên": whom the act was taken with, not a membership "với" counts)
_TOWARDS = re.compile(r"(?<!\w)(?:đối với|(?:(?<=kỷ luật )|(?<=khai trừ )|(?<=xóa tên ))(?:đảng\s+)?với)(?=\s*$)")
# what may follow the counted members of a total: the end of the clause, where they belong, a breakdown;
# anything else ("đảng viên nữ", "đảng viên được đánh giá", "đảng viên HTXSNV") names a part of them
# (and "… đại diện cho hơn 14 ngàn đảng viên về dự Đại hội": the whole membership came to it through its delegates)
_TOTAL_RESTS = re.compile(r"^[\s“”\"']*(?:$|[,.;:()…]|(?:trong|đang sinh hoạt|sinh hoạt|tham gia sinh hoạt|của|thuộc|ở|đến từ|"
                          r"từ(?=\s*$|\s+(?:các|những))|tại|trên|toàn|hiện|với|(?:về\s+)?dự\s+đại hội|và\s*(?:$|\d|(?:trên|hơn|gần|khoảng)\s*$)|là\s+(?:đảng viên|người)\b)(?!\w))")
# admitted members the plan counts: "… 200 đảng viên mới theo kế hoạch năm 2017"
_OF_THE_PLAN_AFTER = re.compile(r"\s*(?:đảng viên|đv|quần chúng)(?:\s+mới)?\s+(?:theo|của)\s+(?:kế hoạch|chỉ tiêu|nghị quyết)(?!\w)")
# delegates "đại diện cho gần 300 đảng viên" speak for the whole membership
# (the same words date a congress's membership, `indicators.extract`)
REPRESENTING_WORDS = r"(?:đại diện|thay mặt|tiêu biểu cho)"
_REPRESENTING = re.compile(rf"(?<!\w){REPRESENTING_WORDS}(?:\s+cho)?\s+(?:(?:gần|hơn|trên|khoảng)\s+)?$")
# organisations broken down by their kind (which together are all of them), then "với" their members:
# "477 tổ chức cơ sở đảng, trong đó có 248 đảng bộ cơ sở và 229 chi bộ cơ sở, với 36.607 đảng viên" (the
# members of every kind, the whole; not "trong đó có 30 chi bộ doanh nghiệp, với 600 đảng viên", a sector)
_KINDS_OF_UNITS = re.compile(
    r"(?<!\w)(?:trong đó|gồm|bao gồm)\s+(?:có\s+)?"
    r"(?:\d[\d.]*\s+(?:đảng bộ cơ sở|chi bộ cơ sở|đảng bộ bộ phận|chi bộ trực thuộc|chi bộ)(?!\w)[\s,]*(?:và\s+)?)+"
    r"với\s+(?:tổng\s+số(?:\s+(?:đảng viên|đv))?(?:\s+là)?\s+)?(?:(?:gần|hơn|trên|khoảng)\s+)?$")


_LAST_ITEM = re.compile(rf"(?<!\w)và\s*{_ROUGHLY}$")  # (with its qualifier: "… và hơn 9.000 đảng viên")
# (or a sentence opening on it: "Với 84 tổ chức cơ sở đảng trực thuộc và 3.255 đảng viên, Đảng bộ Đặc khu … là …")
_COMPOSITION_OPENS = re.compile(r"^[\s“”\"']*(?:(?:[^,;:.]{0,30},\s*)?(?:(?:toàn\s+)?(?:đảng bộ|chi bộ)|toàn\s+(?:tỉnh|huyện|"
                                r"vùng|thành phố|thị xã|quận|khối|xã|phường))(?!\w)[^,;:.\d]{0,60}?"
                                rf"\s(?:hiện\s+)?(?:có|gồm)\s|với\s+{_ROUGHLY}\d)")
_TOTAL_TAIL = re.compile(r"(?<!\w)tổng (?:số|cộng)(?:\s+(?:là|có))?\s*$")


def _act_totalled(rules: Rules, own_pre: str) -> str | None:
    """"kết nạp được tổng số 100 đảng viên", "thi hành kỷ luật tổng cộng 12 đảng viên": a total of what
    the verb right before it did, not the membership."""
    m = _TOTAL_TAIL.search(own_pre)
    if m is None:
        return None
    before = own_pre[:m.start()].rstrip()
    if not before or before[-1] in ",;:.":
        return None
    act = rules.cues["member"].nearest(" ".join(before.split()[-4:]))
    return act if act in _MEMBER_ACT_METRICS else None


# "với" before the count, or before a first count and "và" ("kiểm tra … với 4 tổ chức đảng và 28 đảng viên")
_WITH_TAIL = re.compile(r"(?<!\w)với\s+(?:\d[\d.]*\s+[^\d,;:()]{1,30}?\s+và\s+)?(?:(?:gần|hơn|trên|khoảng)\s+)?$")
_WEAK_TOTAL_TAIL = re.compile(r"(?<!\w)(?:với|có)\s*$")
_TOTAL_WORD = re.compile(r"(?<!\w)tổng số(?!\w)")
# people prepared for admission, not admitted: "lớp bồi dưỡng cho đối tượng kết nạp Đảng có 204 quần chúng"


def _admitted_after_total(rules: Rules, clause_pre: str) -> bool:
    """A count after a weak total cue ("với", "có") in a clause about admissions, where the admission is
    named after any "tổng số" the clause holds, and no whole body is named after it ("kết nạp 120 đảng
    viên, toàn Đảng bộ hiện có 3.120 đảng viên": the membership)."""
    if not _WEAK_TOTAL_TAIL.search(clause_pre) or rules.awaiting.search(clause_pre):
        return False
    admitted = list(rules.admission.finditer(clause_pre))
    totals = list(_TOTAL_WORD.finditer(clause_pre))
    if not admitted or totals and admitted[-1].start() < totals[-1].start():
        return False
    if rules.part_before.search(clause_pre, admitted[-1].end()):
        # (a part named after the admission; but "…, trong đó, Đảng ủy Khối … kết nạp được nhiều đảng viên nhất với 74
        # đảng viên": a unit of the breakdown admitting its own)
        return False
    if rules.founding.search(clause_pre, admitted[-1].end()):
        return False  # "… phát triển đảng viên …, Chi bộ … được thành lập năm 2009 với 3 đảng viên": founded with
    if _NOW_NAMED.search(clause_pre, admitted[-1].end()):
        return False  # "Nhờ chủ động trong công tác phát triển đảng, đến nay, Đảng bộ … đã có 8 chi bộ với 73 đảng viên"
    return not _WHOLE_NAMED.search(clause_pre, admitted[-1].end())


_NOW_NAMED = re.compile(r"(?<!\w)(?:đến nay|hiện nay)(?!\w)")
# the whole membership named after an admission: "…, toàn Đảng bộ (hiện) có", "hiện có", "hiện nay có"
# (the clause ends on its "có"; "… cao nhất toàn huyện, với 27 đảng viên" names the admitted)
_WHOLE_NAMED = re.compile(r"(?<!\w)(?:hiện(?:\s+nay)?\s+có|toàn\s+(?:đảng bộ|tỉnh|huyện|thành phố|thị xã|quận|xã|phường)"
                          r"(?:\s+[^\s,;]+){0,4}?\s+(?:hiện(?:\s+nay)?\s+)?có)\s*$")


# a founding by a decision or in recent years is news of today's unit, not its history: "được thành lập theo Quyết định
# số 3632-QĐ/TU …, gồm 43 chi bộ trực thuộc với 685 đảng viên", "… được thành lập ngày 10/7/2025, …"
_FOUNDED_NOW = re.compile(r"(?:\s+(?:theo|tại)\s+(?:quyết định|qđ)(?!\w)|[^,;.]{0,20}?(?<!\d)20[1-3]\d(?!\d))")


def _founded_long_ago(rules: Rules, clause_pre: str) -> bool:
    """A founding named before a count, with no return to the present after it and not one of today (see above)."""
    m = rules.founding.search(clause_pre)
    return m is not None and not _FOUNDED_NOW.match(clause_pre, m.end())


def _is_membership(rules: Rules, noun_text: str, rest: str, clause_pre: str) -> bool:
    """Whether `N <noun>` after a total cue ("có", "gồm", "tổng số") is a whole membership, not a part of
    one ("trong đó có 130 đảng viên nữ"), a committee ("Ban Chấp hành gồm 13 đồng chí"), people
    ("có gần 57 ngàn người" counts members only after "tổng số đảng viên") or the members it was founded
    with ("Lúc thành lập chỉ có 4 đảng viên")."""
    if noun_text == "người" and "tổng số đảng viên" not in clause_pre:
        return False
    if noun_text not in ("đảng viên", "đồng chí", "đv", "người"):
        return False
    if _WHOLE_OF_A_PART.search(clause_pre):
        # "có hơn 5.400 đảng viên là người Công giáo trong tổng số hơn 90.000 đảng viên của toàn Đảng bộ tỉnh": the
        # whole a part was counted in, whatever part the clause named (not "trong tổng số 120 đảng viên mới")
        return noun_text in ("đảng viên", "đv") and _TOTAL_RESTS.match(rest) is not None
    if _founded_long_ago(rules, clause_pre) or _SIZE_OF_UNITS.search(clause_pre) or _TRANSFERRED.search(clause_pre):
        return False
    if _WITH_TAIL.search(clause_pre) and rules.cues["member"].kinds(clause_pre)[-2:-1] == ["blocker"] \
            and not _RESHAPED_WITH.search(clause_pre):
        # "… đứng đầu về số đảng viên được tặng huy hiệu đảng dịp này với 448 đảng viên": "với" right after an
        # award, an inspection, … names the members it was about (after "hiện có …" it goes on with the whole)
        return False
    # a committee is counted in "đồng chí" and named with its term ("Ban Chấp hành Đảng bộ huyện …, nhiệm kỳ 2020 –
    # 2025 gồm 41 đồng chí"): looked for further back then
    committee_window = 110 if noun_text == "đồng chí" else 60
    if not _REPRESENTING.search(clause_pre) and not _KINDS_OF_UNITS.search(clause_pre) \
            and (rules.part_before.search(clause_pre) or rules.committee.search(clause_pre[-committee_window:])):
        # "500 đại biểu, trong đó có 83 đại biểu đương nhiên, đại diện cho hơn 152.000 đảng viên": whom the
        # delegates represent is the whole membership, whatever part the clause named on the way
        return False
    # "đảng viên dân tộc thiểu số tại chỗ có 68 đồng chí": the clause is about a part of the members
    # (or "đảng viên có trình độ đại học 06 đồng chí": the part said with "có")
    if any(rules.part.match(clause_pre, (h.end() if (h := _HAVING.match(clause_pre, m.end())) else m.end()))
           for m in _MEMBERS_WORD.finditer(clause_pre)):
        return False
    if _IS_A_PART.match(rest) and rules.part.search(rest, 0, 40):
        return False  # "có trên 4.000 đảng viên là người dân tộc thiểu số": members who are a part
    return _TOTAL_RESTS.match(rest) is not None


_HAVING = re.compile(r"\s*(?:có|là)\s+")
_WHOLE_OF_A_PART = re.compile(rf"(?<!\w)trong\s+tổng\s+số\s+{_ROUGHLY}$")


# a body given a new shape, then what it has: "Đảng bộ phường được kiện toàn với 41 tổ chức cơ sở đảng và hơn 1.100 đảng
# viên", "kiện toàn 82 tổ chức Đảng trực thuộc với gần 3.200 đảng viên" (not what an award or an inspection was about)
_RESHAPED_WITH = re.compile(r"(?<!\w)(?:kiện toàn|sáp nhập|hợp nhất|sắp xếp)(?!\w)[^;:]*?(?<!\w)với\s+[^;:]*$")


# organisations or members handed from one Party body to another: "tiếp nhận 10 tổ chức đảng với tổng số 670 đảng viên"
_TRANSFERRED = re.compile(rf"(?<!\w)(?:tiếp nhận|bàn giao|chuyển giao|chuyển về|chuyển đến|chuyển đi|điều chuyển)\s+"
                          rf"{_ROUGHLY}\d")
# an act that got done, whatever was weighed first: "xem xét kết nạp được 446 đảng viên"
_ACT_GOT = re.compile(rf"(?<!\w)(?:kết nạp|kỷ luật|xóa tên|khai trừ)(?:\s+mới)?\s+được\s*{_ROUGHLY}$")
_NOT_DONE = re.compile(r"(?<!\w)(?:không|chưa)\s+(?:được\s+|bị\s+|đủ điều kiện\s+)?(?:thi hành\s+|xử lý\s+)?"
                       r"(?:kỷ luật|kết nạp|xóa tên|khai trừ)[^,;()]*$")
# units grouped by their size, not a membership: "không còn chi bộ …, … có dưới 5 đảng viên", "12 chi bộ có trên
# 50 đảng viên" (but "… có 12 đảng bộ trực thuộc, có trên 50.000 đảng viên" goes on with the whole)
_SIZE_OF_UNITS = re.compile(r"(?<!\w)(?:không còn|còn|các|những|số|\d+)\s+(?:chi bộ|tổ chức cơ sở đảng|tccsđ|đảng bộ)"
                            r"(?:[^;:.]{0,60}?(?<!\w)có\s+(?:dưới|ít hơn|chưa đến|không đủ)"
                            r"|[^,;:.]{0,40}?(?<!\w)có\s+(?:trên|từ|hơn))\s*$")
_BLANKED = re.compile(r"\s{2,}")
_IS_A_PART = re.compile(r"\s*là\s")
_FORMS = r"(?:khiển trách|cảnh cáo|cách chức|khai trừ)"
# what may follow a bare count of members acted on: the end of its item (not "1 tập thể chi ủy", "1 Tỉnh ủy viên":
# a body, a post)
_BARE_COUNT_ENDS = re.compile(r"\s*(?:$|[,.;:()…]|(?:và|đạt|trong đó|so với|bằng|vượt)(?!\w))")
_EXPELLED_AFTER = re.compile(r"\s*khai trừ(?!\w)(?!\s+\d)")
# the forms a count of members was disciplined with, listed after it: whatever was "xem xét", it was done
_FORMS_LISTED = re.compile(r"\s*(?:với|bằng)\s+(?:các\s+)?hình thức\s*(?::|$)")
_PASSIVE_BEFORE = re.compile(r"(?<!\w)bị\s*$")
_FORMS_JOINED = re.compile(rf"(?<!\w){_FORMS}(?:\s*(?:,|và|hoặc)\s*{_FORMS})+\s*(?:đối với\s+)?$")
_FORM_AFTER = re.compile(rf"\s*(?:bị\s+)?({_FORMS})(?!\w)")
_NOT_PARTY_DISCIPLINE = re.compile(r"\s*(?:về\s+)?(?:hành chính|chính quyền|đoàn thể|pháp luật)(?!\w)")
_ONE_FORM = re.compile(rf"hình thức\s+{_FORMS}\s*$")
_ANOTHER_FORM = re.compile(rf"(?<!\w){_FORMS}\s*$")
# the rest of the item before, then a comma: the next item of a list ("… 18 đảng bộ trực thuộc Tỉnh ủy, ")
_LIST_CONTINUES = re.compile(r"[^,;:.()\d]{0,40},\s*")
_MEMBERS_WORD = re.compile(r"(?<!\w)(?:đảng viên|đv)\s+(?:(?:trong|là|thuộc)\s+)?")


_CONNECTORS = re.compile(
    r"[\s,]*(?:(?:và|trong đó|riêng|giảm|tăng|thêm|vượt|chỉ tiêu|kế hoạch|đi|có|là|được|khoảng|gần|hơn|trên|dưới|so với)"
    r"(?!\w)[\s,]*)*")


# a rating or an act later in the counted noun's clause, past where the units are ("10 tổ chức cơ sở Đảng trên
# địa bàn thị xã được xếp loại …")
_ACTED_LATER = re.compile(r"^[^,;.()]{0,60}?(?<!\w)(?:được|bị|đạt|hoàn thành|xếp loại)(?!\w)")


def _clean(rules: Rules, rest: str) -> bool:
    """Nothing after the counted noun says it was rated, awarded or acted on."""
    rest = _OWNER_HEAD.sub("", rest)
    return rules.post["evaluative"].match(rest) is None and _ACTED_LATER.match(rest) is None


# --- money ---------------------------------------------------------------------------------------


_WORD = re.compile(r"\w+")
_FIRST_PART = re.compile(r"[^,;]*")  # what follows a figure up to the next comma: its own words


def _without_names(low: str, sentence: str) -> str:
    """`low` with the words blanked that `sentence` capitalises after its first word: names ("Đô Lương")."""
    if len(sentence) != len(low):
        return low
    out = list(low)
    for m in _WORD.finditer(sentence, 1):
        if m.group()[0].isupper() and sentence[:m.start()].rstrip()[-1:] not in ".:;!?\"“(":
            out[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(out)


# economic words that say nothing of the economy: who suffered a loss is who was helped ("hỗ trợ 500 triệu đồng
# cho các hộ bị thiệt hại do lũ"); a day's wage is what staff gave ("đóng góp 1 ngày lương với số tiền …")
# (and relief: "ủng hộ đồng bào … khắc phục thiệt hại do mưa lũ là trên 2,7 tỷ đồng")
_NOT_ECONOMIC = re.compile(r"(?<!\w)(?:bị\s+thiệt hại|khắc phục\s+(?:hậu quả|thiệt hại)|ngày lương)(?!\w)")
_EACH_GIVER_FROM = re.compile(r"\s*(?:tập thể|tổ chức|cá nhân|doanh nghiệp|đơn vị|nhà hảo tâm)(?!\w)[^.;\d]{0,60}?"
                              r"(?<!\w)(?:đóng góp|ủng hộ|tài trợ)\s+(?:được\s+)?từ\s*$")


# the value of each, past a figure of its own: "Mỗi ngôi nhà … có diện tích 30m2, trị giá 50 triệu đồng", "tặng cho
# mỗi hộ 01 phần quà trị giá 600 nghìn đồng" (not "mỗi suất 2 triệu đồng, tổng trị giá …", the total)
_EACH_VALUED = re.compile(rf"{_EACH}(?:(?!tổng)[^.;:]){{0,60}}?(?<!\w)(?:trị giá|có giá trị)"
                          r"(?:\s+là)?\s*$")


_AT_LEAST_BEFORE = re.compile(r"(?<!\w)(?:ít nhất|tối thiểu)\s*$")
_CALLED_ON = re.compile(r"(?<!\w)(?<!lời )kêu gọi(?!\w)")  # (not "Hưởng ứng lời kêu gọi, … đã ủng hộ ít nhất 2 tỷ đồng")
_DONE_WORD = re.compile(r"(?<!\w)(?:đã|được)(?!\w)")
# the amount each giver is asked for: "Mức ủng hộ (tối thiểu) …", "mức đóng góp của mỗi …"
_GIVING_LEVEL = re.compile(r"(?<!\w)mức\s+(?:ủng hộ|đóng góp|quyên góp|vận động)(?!\w)")


def _read_money(rules: Rules, own_pre: str, own_post: str, clause_pre: str, sentence_pre: str,
                unnamed: tuple[str, str], after: str = "") -> Reading:
    """`unnamed` is (own context, clause before) with names blanked, where economic words are looked for; `after` is
    the rest of the clause after the amount, past any figure (whom it came from: "… của 5 nhà tài trợ")."""
    each = _EACH_TAIL.search(own_pre) or ("mỗi" in clause_pre and _EACH_VALUED.search(clause_pre))
    if rules.money_per.match(own_post) or each and not _TOTAL_WORD.search(each.group()) \
            or "mức" in sentence_pre and _GIVING_LEVEL.search(sentence_pre) \
            or "kêu gọi" in sentence_pre and _AT_LEAST_BEFORE.search(own_pre) and _CALLED_ON.search(sentence_pre) \
            and not _DONE_WORD.search(own_pre):
        # (not "vận động mỗi hộ dân đóng góp được tổng số 500 triệu đồng": the total of what each gave; and "Mức ủng
        # hộ: cán bộ ít nhất 100 nghìn đồng, hộ dân từ 20 nghìn đồng trở lên", "kêu gọi … hội viên … giúp đỡ ít nhất
        # 50 ngàn đồng": what each is asked to give)
        return Reading("other", "actual", "exact", noun="per")
    own = own_pre + " " + own_post[:80]
    if rules.own_money.search(own_pre) or _FAMILYS_OWN_AFTER.match(own_post):
        # (and "…, còn lại 50 triệu đồng của gia đình": the family's own share of the cost)
        return Reading("other", "actual", "exact", noun="own")
    if _EACH_GIVER_FROM.match(own_pre) and "trở lên" in own_post[:12]:
        # "có 15 tổ chức, doanh nghiệp đóng góp từ 50 triệu đồng trở lên": what each of them gave at least
        return Reading("other", "actual", "exact", noun="per")
    if rules.donated.search(own_pre):
        return Reading("welfare_funds_vnd", "actual", "exact", noun="money")
    if rules.money_exclude.search(_NOT_ECONOMIC.sub(" ", unnamed[0])):
        return Reading("other", "actual", "exact", noun="economy")
    if rules.welfare.search(own) or _GIVEN_BY_AFTER.match(own_post) or _FROM_GIVERS_AFTER.match(after):
        # (and "tổng trị giá là 50 triệu đồng, do Hội đồng Đội tỉnh và Công ty … tài trợ": its giver named after it,
        # however long the name; "đã nhận 20,5 tỷ đồng của 5 nhà tài trợ": its givers)
        return Reading("welfare_funds_vnd", "actual", "exact", noun="money")
    if rules.money_exclude.search(_NOT_ECONOMIC.sub(" ", unnamed[1])):
        return Reading("other", "actual", "exact", noun="economy")
    if rules.welfare.search(sentence_pre):
        return Reading("welfare_funds_vnd", "actual", "exact", noun="money")
    return Reading("other", "actual", "exact", noun="money")
