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

This module reads the sentence (clauses, parentheses, lists of units, kind, qualifier); what a figure counts is read
by one module per noun class: `rates`, `counts`, `money` (they share `reading`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from indicators.counts import read_count
from indicators.lexicon import Rules, fold, load_rules, tail_end
from indicators.money import read_money, without_names
from indicators.numbers import Amount, by_last_letter
from indicators.rates import read_rate
from indicators.reading import (
    AT_LEAST_BEFORE,
    GOAL,
    MEMBER_ACT_METRICS,
    MOST_ADMITTED_PCT,
    PLAN_LABEL,
    PREVIOUS_PLAN,
    REPRESENTING,
    ROUGHLY,
    TARGETS_SET,
    Carry,
    Fig,
    Reading,
    strip_words,
)

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
# what opens the parts of a figure in parentheses: "(trong đó …)", and its share of each year ("(bình quân mỗi năm kết
# nạp từ 8-10 đảng viên)")
_BREAKDOWN_OPENS = re.compile(r"\s*(?:trong đó|gồm|bao gồm|(?:bình quân|trung bình)(?:\s+(?:mỗi|hằng|hàng)\s+năm)?"
                              r"|(?:mỗi|hằng|hàng)\s+năm)(?!\w)")
# (with the share's own qualifier: "…, đạt hơn 107% kế hoạch")
_RATE_BESIDE = re.compile(r"\s*(?:(?:đảng viên|đv)(?:\s+mới)?)?\s*,?\s*(?:bằng|chiếm|đạt)\s*(?:tỷ lệ\s*)?"
                          r"(?:(?:hơn|trên|gần|khoảng|xấp xỉ)\s+)?")
# (where they were admitted on the way: "phát triển được 550 đảng viên trong khối doanh nghiệp …, đạt 130% so với kế
# hoạch")
_PLAN_SHARE_BESIDE = re.compile(r"\s*(?:đảng viên|đv)(?:\s+mới)?\s+(?:trong|ở|tại|thuộc)\s[^\d;:()]{0,60}?,\s*(?:đạt|bằng)\s*"
                                r"(?:(?:hơn|trên|gần|khoảng|xấp xỉ)\s+)?")
_MET_AND_BEAT_TAIL = re.compile(r"(?:đạt|hoàn thành)\s*(?:và|,)\s*vượt\s*$")  # (also "đạt, vượt", "hoàn thành và vượt")
_PASSIVE_TAIL = re.compile(r"(?<!\w)được\s*$")


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
    figs: list[Fig] = []
    for a in amounts:
        s, e = a.start - offset, a.end - offset
        if a.range_role == "high" and figs and figs[-1].amount.range_role == "low":
            figs.append(Fig(a, figs[-1].s, e, figs[-1].paren, e))
            figs[-2].e = figs[-2].reach = e
            continue
        inner = [p for p in parens if p[0] < s and e <= p[1]] if parens else None
        reach = max(e, a.den_end - offset) if a.den_end is not None else e
        figs.append(Fig(a, s, e, max(inner, key=lambda p: p[0]) if inner else None, reach))
    # an economic word inside a name ("huyện Đô Lương": lương, salary) says nothing of money: money is read
    # with the sentence's names blanked, computed once for the sentence
    unnamed = without_names(low, sentence) if any(a.unit == "vnd" for a in amounts) else low
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
# public works named right before a parenthesis or a value, and the words back to the comma before them
_WORKS_NAMED = re.compile(r"[^,;:()]*(?:(?<!\w)(?:trụ sở|công trình|tuyến đường|đường giao thông|đường|cây cầu|cầu|trường học|"
                          r"trường|bệnh viện|trạm y tế|dự án|hồ chứa|kênh mương|chợ)(?!\w)|\d\s*km(?!\w))[^,;:()]*\s*$")
# the value of what the words before it name: "…, trị giá trên 18 tỷ đồng", "… với tổng kinh phí hơn 3 tỷ đồng"
_VALUED_TAIL = re.compile(r",?\s*(?:với\s+)?(?:tổng\s+)?(?:trị giá|giá trị|kinh phí)(?:\s+(?:là|hơn|trên|gần|khoảng))*\s*$")
# a sentence that is only a total of money: "Tổng kinh phí (xây dựng) là …", "Tổng trị giá hơn …" (not "Tổng trị giá
# công trình …", the cost of something else)
_TOTAL_ONLY = re.compile(r"[\s“”\"']*tổng\s+(?:số\s+)?(?:kinh phí|trị giá|giá trị|số tiền|tiền)"
                         r"(?:\s+(?:xây dựng|hỗ trợ|thực hiện))?(?:\s+(?:là|hơn|trên|gần|khoảng|lên đến|lên tới))*\s*")
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


# "Đảng bộ huyện A kết nạp 195 đảng viên, huyện B 87 đảng viên; C 81": after the first item has said
# what is counted, each further item is only a unit's name and its figure. Such an item takes the
# reading of the item before it. A name opens with a capital or an administrative word and holds no
# verb; the words that may close it ("đạt", "là", ":") repeat the first item's verb or nothing.

_NAME = re.compile(r"(?P<name>[^\d,;:()%]{2,80}?)\s*(?:(?:đạt|là|được|có|với|kết nạp(?: được)?|ủng hộ(?: được)?|"
                   r"tiếp nhận(?: được)?|vận động(?: được)?|huy động(?: được)?)\s*)?:?\s*$")
# between two items: the first item's counted noun and what qualifies it, then the separator
# (or the other end of a range of units: "… cao nhất với 489 đảng viên, thấp nhất là Đảng bộ A 15 đảng viên")
_ITEM_GAP = re.compile(r"[^,;:]{0,40}?(?:(?:[,;]\s*)+|\s(?=và\s))\s*(?:và\s+)?(?:có\s+)?"
                       r"(?:(?:cao|thấp|nhiều|ít)\s+nhất(?:\s+là|\s*:)?\s+)?")
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


def _opened_list(rules: Rules, sentence: str, low: str, f: Fig, carry: Carry | None) -> tuple[Reading, str] | None:
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


_LAST_ITEM_OPENS = re.compile(r"\s*và\s+")
_PLAN_WORD = re.compile(r"(?<!\w)(?:chỉ tiêu|kế hoạch|nghị quyết)(?!\w)")


# the same count for each unit named: "xã A, phường B (mỗi nơi 4 đảng viên)"
_EACH_OF_THEM = re.compile(r"^\s*mỗi\s+(?:nơi|đơn vị|xã|phường|đảng bộ|chi bộ)\s*:?")


def _named_in_parentheses(rules: Rules, sentence: str, low: str, f: Fig,
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
    if share and inside.strip() or _EACH_OF_THEM.sub("", low[open_at + 1:f.s]).strip():
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
        if before is None or before.subject is None or before.metric not in MEMBER_ACT_METRICS or not written \
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
    acts = [k for k in rules.cues["member"].kinds(intro) if k in MEMBER_ACT_METRICS]
    if not acts or rules.proposed.search(intro):
        return None
    return Reading(acts[-1], "actual", "exact", noun="member"), written


def _read_list_items(rules: Rules, sentence: str, low: str, figs: list[Fig], carry: Carry | None) -> None:
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


def _share_the_counted_noun(low: str, figs: list[Fig]) -> None:
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


def _clause(view: str, lo: int, s: int, e: int, hi: int) -> tuple[int, int]:
    """The clause of [s, e) in view[lo:hi]: from after the last `;`, `:` or line break before it to
    the first one after it."""
    start = max(lo, view.rfind(";", lo, s) + 1, view.rfind(":", lo, s) + 1, view.rfind("\n", lo, s) + 1)
    ends = [x for x in (view.find(";", e, hi), view.find(":", e, hi), view.find("\n", e, hi)) if x != -1]
    return start, min([hi, *ends])


def _read(rules: Rules, low: str, parens: list[tuple[int, int]], figs: list[Fig], i: int,
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
        r = read_rate(rules, own_pre, own_post, clause_pre, parent, f, view, low)
    elif unit == "vnd" and f.amount.value < 1000:
        # "phiếu mua hàng “0 đồng”": a name; "… 20 đ" where a page is cut off mid-word: no money anyone raises
        r = Reading("other", "actual", "exact", noun="money")
    elif unit == "vnd":
        plain = low if unnamed is None else unnamed
        r = read_money(rules, own_pre, own_post, clause_pre, sentence_pre,
                        (plain[prev_end:f.s] + " " + _FIRST_PART.match(plain, f.e, next_start).group()[:80],
                         plain[c_start:f.s]), view[f.e:min(c_end, f.e + 80)])
        if r.metric == "other" and r.noun == "money" and carry and carry.get("vnd") is not None \
                and carry["vnd"].metric == "welfare_funds_vnd" and rules.breakdown_opener.match(low):
            # "Quỹ … vận động được 6,7 tỷ đồng. Trong đó cấp tỉnh thu trên 1,6 tỷ đồng; …": the parts of the money
            # the sentence before raised
            r = Reading("welfare_funds_vnd", "actual", "exact", noun="money")
        elif r.metric == "welfare_funds_vnd" and (f.paren or "trị giá" in clause_pre or "giá trị" in clause_pre
                                                  or "kinh phí" in clause_pre) and not rules.donated.search(own_pre) and (
                f.paren and (works := _WORKS_NAMED.search(low, 0, f.paren[0])) and not rules.welfare.search(view[lo:hi])
                or not f.paren and (valued := _VALUED_TAIL.search(clause_pre))
                and (works := _WORKS_NAMED.search(clause_pre, 0, valued.start()))) \
                and not rules.welfare.search(works.group()):
            # "…, bàn giao 300 căn nhà đại đoàn kết, khánh thành trụ sở Công an tỉnh (tổng kinh phí 612 tỷ đồng)", "láng
            # nhựa 44,5km đường nông thôn, trị giá trên 18 tỷ đồng": the cost of the public works the parenthesis or
            # the value follows, not of the welfare the sentence names besides
            r = Reading("other", "actual", "exact", noun="economy")
        elif r.metric == "other" and r.noun == "money" and carry and _TOTAL_ONLY.fullmatch(own_pre) and (
                carry.get("vnd") is not None and carry["vnd"].metric == "welfare_funds_vnd"
                or carry.get("count") is not None and carry["count"].metric == "houses_built"):
            # "… đã bàn giao 20 căn nhà đại đoàn kết cho hộ nghèo. Tổng kinh phí là 1,2 tỷ đồng.": the total of what the
            # sentence before gave or built, in a sentence of its own
            r = Reading("welfare_funds_vnd", "actual", "exact", noun="money")
        if r.metric == "welfare_funds_vnd" and f.amount.denominator is not None:
            # "vận động được 3,4/2,5 tỷ đồng": raised out of the plan, which is a target (as "35/30 căn nhà")
            r = replace(r, extra_target=True)
    else:
        r = read_count(rules, own_pre, own_post, clause_pre, parent, f, low)
    if unit == "percent" and r.metric == "other" and r.noun is None and i and figs[i - 1].reading is not None \
            and figs[i - 1].reading.metric == "new_members" and _RATE_BESIDE.fullmatch(own_pre) \
            and ("tổng số đảng viên" in sentence_pre or carry and carry.get("percent") is not None
                 and carry["percent"].metric == "new_members_rate" or own_pre.rstrip().endswith("tỷ lệ")):
        # "kết nạp được 91 đảng viên, bằng 6,85%" in a sentence that takes admissions over the membership,
        # or that goes on with the sentence before that did ("…, bằng 6,10%... Đảng bộ B … 510 đảng viên,
        # bằng 2,58%"), or that names it a ratio ("kết nạp 1.250 đảng viên, đạt tỷ lệ 3,2%": no plan is named;
        # but "… 1.932 đảng viên, đạt tỷ lệ 96,6%" can only be of the plan: no party admits a fifth of itself)
        named_only = "tổng số đảng viên" not in sentence_pre and not (carry and carry.get("percent") is not None)
        plausible = f.amount.value <= MOST_ADMITTED_PCT or not named_only
        r = Reading("new_members_rate" if plausible else "new_members_plan_pct", "actual", "exact")
    elif unit == "percent" and r.metric == "other" and r.noun == "plan" and i and figs[i - 1].reading is not None \
            and (figs[i - 1].reading.metric == "new_members" and (_RATE_BESIDE.fullmatch(own_pre)
                                                                  or _PLAN_SHARE_BESIDE.fullmatch(own_pre))
                 or figs[i - 1].reading.metric == "new_members_plan_pct" and PREVIOUS_PLAN.match(own_pre)):
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
            and "tổng" not in own_pre and "trị giá" not in own_pre and "trích" not in own_pre:
        # "mỗi căn xây mới được hỗ trợ 60 triệu đồng, sửa chữa 30 triệu đồng": the next amount of the same kind
        # (not "mỗi suất 2 triệu đồng, tổng trị giá 300 triệu đồng", "… mỗi phần 300.000đ, trị giá 30 triệu đồng": the
        # total; nor "Mỗi căn nhà được trao tặng 50 triệu đồng, trích từ 1,95 tỷ đồng quỹ hỗ trợ của …": the fund it
        # was drawn from)
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
        goals = list(GOAL.finditer(sentence_pre)) if kind == "target" else []
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
    if r.metric == "total_members" and REPRESENTING.search(own_pre):
        kind = "actual"  # "Đại hội … sẽ diễn ra …, với 498 đại biểu đại diện cho 119.396 đảng viên": the members now
    elif r.metric == "new_members" and _OF_THE_PLAN_AFTER.match(own_post):
        kind = "target"  # "kết nạp được 39 đảng viên mới trong tổng số 200 đảng viên mới theo kế hoạch": the plan
    r.kind = kind
    r.qualifier = qualifier
    return r


_PLAN_BEFORE_PARENS = re.compile(r"(?<!\w)(?:chỉ tiêu|kế hoạch)(?:\s+[^\s\d,;:()]+){0,4}\s*\($")


def _restates_a_ratio_of_units(before: Fig, f: Fig, c_start: int) -> bool:
    """Whether the share `f` is the ratio just before it in its clause, a count of organisations out of a whole."""
    a = before.amount
    return before.s >= c_start and a.denominator is not None and a.denominator > 0 and before.reading is not None \
        and before.reading.noun in ("org", "branch") and abs(100 * a.value / a.denominator - f.amount.value) < 0.1


def _neighbours(figs: list[Fig], f: Fig, c_start: int, c_end: int) -> tuple[list[Fig], int, int]:
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


def _restated(r: Reading, before: list[Fig]) -> Reading:
    """`… 2,54% so với tổng số đảng viên, tương ứng 192 đảng viên`: the count is the rate's numerator,
    so it is what the rate counts, never the total the rate was taken of."""
    prev = before[-1].reading if before else None
    metric = _RESTATED_AS.get(prev.metric) if prev is not None else None
    if metric and r.noun == "member":
        return Reading(metric, "actual", "exact", noun=r.noun)
    if r.metric in ("total_members", "org_count"):
        return Reading("other", "actual", "exact", noun=r.noun)
    return r


def _parent(figs: list[Fig], f: Fig) -> Fig | None:
    """The figure just before the parenthesis that holds `f`, when the parenthesis follows it."""
    open_at = f.paren[0] if f.paren else -1
    before = [g for g in figs if g.e <= open_at and g.paren != f.paren]
    if not before:
        return None
    g = before[-1]
    return g if g.reading is not None else None


def _inherit(rules: Rules, r: Reading, parent: Fig, own_pre: str, own_post: str, unit: str,
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
            if value > MOST_ADMITTED_PCT and _REACHED_ALONE.fullmatch(own_pre) and not own_post.strip(" ,.…"):
                # "kết nạp được 14 đồng chí (đạt 233,3%)": more than any admission rate can be, so of the plan
                return Reading("new_members_plan_pct", kind, "exact")
        elif p.entity and p.predicate and not own_post.strip(" ,.…"):
            metric = rules.rate_metrics.get(p.entity, {}).get(p.predicate)
            if metric:
                return Reading(metric, kind, "exact", p.entity, p.predicate)
    if unit == "count" and parent.amount.unit == "percent" and kind == "target" and p.metric == "new_members_plan_pct" \
            and r.metric == "other" and r.noun in (None, "member"):
        # "kết nạp 321 đảng viên, đạt 65,5% (chỉ tiêu 490)": the plan the share is of, in members
        return Reading("new_members", kind, "exact")
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


# an event still to come that reports a result: "tỉnh sẽ công bố hoàn thành 714 nhà đại đoàn kết" (after "sẽ")
_ANNOUNCES = re.compile(r"\s*(?:công bố|tổng kết|sơ kết|báo cáo)(?!\w)")
_PLAN_IN_PARENS = re.compile(r"\(\s*(?:nghị quyết|nq|chỉ tiêu|kế hoạch|mục tiêu)(?:\s+[^\s():]+){0,6}?\s*(?::|là)\s*"
                             r"(?:(?:trên|từ|dưới|khoảng|tối thiểu)\s+)?$")
# by how much a named plan was beaten: "… chiếm 90,6%, vượt chỉ tiêu Nghị quyết đề ra 5,6%"
_BEAT_THE_PLAN_BY = re.compile(r"(?<!\w)vượt\s+(?:so với\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu)(?!\w)[^,;:()\d]{0,40}$")
# "(chương trình) mục tiêu quốc gia": a programme's name, no goal
_NATIONAL = re.compile(r"\s+quốc gia(?!\w)")
# the plan met or beaten before the figure: "vượt chỉ tiêu đề ra, kết nạp 32 đảng viên" reports a result (so does
# "hoàn thành các mục tiêu, nhiệm vụ đề ra: …")
# (not a plan to be met: "Để hoàn thành chỉ tiêu xây dựng 700 triệu đồng quỹ …")
_PLAN_MET_BEFORE = re.compile(r"(?<!\w)(?<!để )(?<!nhằm )(?:vượt|đạt|hoàn thành)(?:\s+(?:và\s+vượt|vượt|mức))?"
                              r"(?:\s+(?:tất cả\s+)?các)?"
                              r"(?:\s+(?:chỉ tiêu|kế hoạch|mục tiêu))?\s*$")
# "đã phấn đấu được 36 chỉ tiêu đạt và vượt": strove and got, an achievement
_STROVE_AND_GOT = re.compile(r"phấn đấu\s+được(?!\w)")


# the plan named, then its figure: "(vượt) chỉ tiêu tỉnh giao là 900 triệu đồng", "kế hoạch năm 2022 là 200 đảng viên"
_PLAN_IS = re.compile(r"(?<!\w)(?:chỉ tiêu|kế hoạch)(?:\s+(?:[^\s\d,;:()]+|\d{4}(?!\d))){0,4}?\s*(?:là|:)\s*"
                      rf"{ROUGHLY}$")


# the plan's own figure, the plan missed: "không hoàn thành chỉ tiêu kết nạp 2.500 đảng viên mỗi năm"
_PLAN_MISSED = re.compile(rf"(?<!\w)(?:không|chưa)\s+(?:hoàn thành|đạt)(?:\s+được)?\s+(?:chỉ tiêu|kế hoạch)\s+"
                          rf"(?:kết nạp|phát triển)(?:\s+(?:mới|được))?\s+{ROUGHLY}$")


_PLAN_NOUNS = ("chỉ tiêu", "kế hoạch")


def _kind(rules: Rules, own_pre: str, pre_end: str, own_post: str, sentence_pre: str, f: Fig) -> str:
    if ("chỉ tiêu" in own_pre or "kế hoạch" in own_pre) and (_PLAN_IS.search(own_pre, max(0, len(own_pre) - 80))
                                                            or _PLAN_MISSED.search(own_pre)):
        return "target"
    if f.amount.denominator is None and (
            rules.change_tail.search(own_pre, pre_end) and not _MET_AND_BEAT_TAIL.search(own_pre)
            and not ("không" in own_pre and _NOT_UNDER.search(own_pre))
            or "vượt" in own_pre and _BEAT_THE_PLAN_BY.search(own_pre)):
        # (not a ratio: "vượt chỉ tiêu tỉnh giao 7/5 nhà" built 7 of the 5 planned)
        return "change"
    previous_plan = PREVIOUS_PLAN.match(own_pre)  # the plan the figure before was a share of
    if not previous_plan and _RESOLUTION_SAYS.search(own_pre):
        return "target"
    if f.paren and _PLAN_IN_PARENS.search(sentence_pre):
        # "đạt 96,9% (Nghị quyết: 85%)": the plan beside the result, past the colon that ends no clause here
        return "target"
    targets_set = TARGETS_SET.search(sentence_pre) if "chỉ tiêu" in sentence_pre else None
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
    if near and near[-1].group() == "sẽ" and _ANNOUNCES.match(own_pre, near[-1].end()):
        near = []
    if near and not rules.target_reset.search(own_pre[near[-1].end():]) and not _COMPARED_WITH.search(
            own_pre, 0, near[-1].start()) and not _STROVE_AND_GOT.match(own_pre, near[-1].start()) \
            and not _PLAN_MET_BEFORE.search(own_pre, 0, near[-1].start()) \
            and not (f.amount.denominator is not None and near[-1].group() in _PLAN_NOUNS):
        # (a count out of its plan after the plan is named is the result: "theo chỉ tiêu chi, đảng bộ cơ sở phát triển
        # được 79/206", the plan being the whole)
        return "target"
    sent = [m for m in rules.target_sentence.finditer(sentence_pre) if not _NATIONAL.match(sentence_pre, m.end())
            and not (m.group() == "sẽ" and _ANNOUNCES.match(sentence_pre, m.end()))] if not f.paren else []
    if sent:
        between = sentence_pre[sent[-1].end():]
        if not rules.target_reset.search(between) and not _PASSIVE_TAIL.search(own_pre) \
                and not (":" in between and _PLAN_MET_BEFORE.search(sentence_pre, 0, sent[-1].start())):
            # (not the goals met, listed: "… đã thực hiện hoàn thành các mục tiêu, nhiệm vụ đề ra: 100% đảng viên …";
            # but "góp phần hoàn thành mục tiêu hằng năm kết nạp đảng viên đạt từ 3%" names the goal)
            return "target"
    return "actual"


_LINKING_WORDS = by_last_letter(("có", "đạt", "là", "được", "chiếm", "bằng", "với", "lên", "phấn đấu"))


_NOT_UNDER = re.compile(r"(?<!\w)không\s+(?:dưới|ít hơn|thấp hơn)\s*$")
_AT_LEAST_AFTER = re.compile(r"^\s*trở lên")
_AT_LEAST_NOUN_AFTER = re.compile(r"^[\s“”\"']*(?:số\s+)?[^\s,;()]+(?:\s+[^\s,;()]+){0,4}?\s+trở lên")
_RATED_TASK = re.compile(r"nhiệm vụ|giao|mạnh")


def _qualifier(rules: Rules, own_pre: str, pre_end: str, own_post: str, kind: str) -> str:
    pre = strip_words(own_pre.rstrip(), _LINKING_WORDS)
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
                if name == "at_least" and not AT_LEAST_BEFORE.search(pre) and \
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


_PLAN_LABELLED = re.compile(rf"\s*{PLAN_LABEL}\s*")
# admitted members the plan counts: "… 200 đảng viên mới theo kế hoạch năm 2017"
_OF_THE_PLAN_AFTER = re.compile(r"\s*(?:đảng viên|đv|quần chúng)(?:\s+mới)?\s+(?:theo|của)\s+(?:kế hoạch|chỉ tiêu|nghị quyết)(?!\w)")
_FIRST_PART = re.compile(r"[^,;]*")  # what follows a figure up to the next comma: its own words
