"""Rates: what a percentage is the share of. A rate is about the noun right after it (`98,6% tổ chức cơ sở đảng hoàn
thành tốt …`) or, when no noun follows, about the subject of its clause (`tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ vượt
14,7%`)."""

from __future__ import annotations

import re

from indicators.lexicon import Rules
from indicators.reading import (
    GOAL,
    IN_WHICH,
    MOST_ADMITTED_PCT,
    PLAN_LABEL,
    PREVIOUS_PLAN,
    Fig,
    Reading,
    find_predicate,
)

# after a rating, how many it counts and nothing else before the share: `… nhiệm vụ” (có) 12 tổ chức cơ sở đảng, chiếm`
_RATED_COUNT = re.compile(r"[\s“”\"']*(?:trở lên\s+)?(?:[:,]\s*)?(?:có\s+|là\s+|gồm\s+)?\d[\d.]*\s+"
                          r"(?P<noun>[^\d,;:()%]{2,40}?)\s*,?\s*(?:chiếm|bằng|đạt)?\s*(?:tỷ lệ\s*)?$")
_IN_WHICH_OPENS = re.compile(r"[\s,]*(?:trong đó|trong số đó)(?!\w)")


def _entity_at(rules: Rules, m: re.Match[str]) -> str:
    # the rule regexes are alternations of named groups with no group inside: the one that matched
    # is the last group closed (groupdict() would build a dict of every alternative per match)
    return m.lastgroup


def read_rate(rules: Rules, own_pre: str, own_post: str, clause_pre: str, parent: Fig | None, f: Fig,
               view: str, low: str) -> Reading:
    density = _PARTY_DENSITY.search(clause_pre) if "tỷ lệ" in clause_pre else None
    if density and not rules.admission.search(clause_pre, density.end()) \
            and find_predicate(rules, clause_pre[density.end():] + own_post) is None:
        # "tỷ lệ đảng trong dân quân tự vệ đạt trên 31%, trong quân nhân dự bị đạt trên 9%": members as a share of a
        # force, not of any plan
        return Reading("other", "actual", "exact", noun="share")
    if _OF_THE_GOOD.match(own_post) and (find_predicate(rules, clause_pre, last=True) or ("",))[0] == "excellent":
        # "… 10,9% đảng viên hoàn thành xuất sắc nhiệm vụ, chiếm 12% số đảng viên hoàn thành tốt nhiệm vụ": the
        # excellent as a share of those rated good or better, not the good rate
        return Reading("other", "actual", "exact", noun="share")
    if _OF_POPULATION.match(own_post):
        # "nâng tổng số … lên 226 đảng viên, đạt 1,85% so với dân số": members as a share of the population
        return Reading("other", "actual", "exact", noun="share")
    # shares of a plan or of the membership: only admissions have a metric for them (but "tỷ lệ kết nạp đảng viên mới
    # … đạt từ 3%-4% theo Nghị quyết 21": a rate of admissions the resolution asks for, not a share of it)
    per_the_plan = own_post.lstrip(" “”\"'").startswith("theo") and f.amount.value <= MOST_ADMITTED_PCT \
        and rules.rate_of_admission.search(clause_pre)
    if rules.plan_post.search(own_post) and not rules.change_tail.search(own_pre) and not per_the_plan:
        counted = rules.nouns.match(own_pre) if not PREVIOUS_PLAN.match(own_pre) else None
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
    if admitted and _REACHED.search(own_pre) and _no_noun(own_post) and find_predicate(rules, own_post) is None \
            and not rules.total_post.search(own_post) and not _SHARE_OF_MEMBERS.match(own_post) \
            and not rules.rate_of_admission.search(clause_pre):
        # "kết nạp đảng viên đạt từ 80% trở lên": what admissions reach is a share of their plan (but a goal of a
        # few percent, "phấn đấu kết nạp đảng viên mới đạt từ 7%", can only be of the membership: no plan is
        # set to be missed)
        if f.amount.value <= MOST_ADMITTED_PCT and GOAL.search(clause_pre):
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
        rated = find_predicate(rules, clause_pre, last=True)
        ents = list(rules.entity_any.finditer(clause_pre[:rated[1].start()])) if rated and rated[0] != "plain" else []
        if ents:
            # "Đảng viên hoàn thành xuất sắc nhiệm vụ chiếm 13% tổng số đảng viên": a rating's share
            return _rate(rules, _entity_at(rules, ents[-1]), rated[0])  # type: ignore[index]
        return Reading("other", "actual", "exact", noun="share")
    post = IN_WHICH.split(own_post)[0] if "trong" in own_post else own_post
    adj = rules.entity_adjacent.match(post)
    if adj:
        ent = _entity_at(rules, adj)
        pred = find_predicate(rules, post[adj.end():])
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
    pred = None if post.lstrip()[:1] in (",", ";") else find_predicate(rules, post)
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
    pred = find_predicate(rules, clause_pre, last=True)
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
    rated = find_predicate(rules, head, last=True)
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
    rated = find_predicate(rules, gap, last=True)
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
_PLAN_OPENS_PARENS = re.compile(rf"\s*\(\s*{PLAN_LABEL}")
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


def _coordinated_predicate(rules: Rules, view: str, f: Fig) -> tuple[str, re.Match[str]] | None:
    """The rating after a run of `X% noun và Y% noun`, when each rate is followed only by its noun."""
    ends = [x for x in (view.find(ch, f.e) for ch in ";:\n") if x != -1]
    rest = view[f.e:min(ends, default=len(view))]
    rest = IN_WHICH.split(rest)[0] if "trong" in rest else rest
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
    return find_predicate(rules, rest[pos:]) if items else None


_FUNCTION_START = re.compile(
    r"^[\s“”\"'…]*(?:$|[,;.)(…]|so với|trở lên|hoàn thành|được|đã|đạt|và|trong đó|trong số|là|số|tổng số|xếp loại|"
    r"năm|của|trong sạch|tsvm|đủ tư cách|theo|vào|với|\.\.\.)"
)


def _no_noun(post: str) -> bool:
    return _FUNCTION_START.match(post) is not None


def _rate(rules: Rules, ent: str, pred: str) -> Reading:
    metric = rules.rate_metrics.get(ent, {}).get(pred, "other")
    return Reading(metric, "actual", "exact", ent, pred)
