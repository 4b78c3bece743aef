"""The words of rules.yaml, compiled once per process into the patterns the sentence reader uses.

A phrase's words match with any run of spaces, commas, quotes or dashes between them ("trong sạch vững
mạnh" also reads "trong sạch, vững mạnh"). Patterns are written so that `re` can skip ahead to the letters
their phrases open with (see `_branches`); a test holds each to its plain definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

_RULES_FILE = Path(__file__).with_name("rules.yaml")
_SEP = r"[\s,“”\"'‘’«»\-–]+"
_QUOTES = "“”\"'‘’«»"


def _phrase(p: str) -> str:
    return _SEP.join(re.escape(w) for w in p.split())


def _alt(phrases: list[str]) -> str:
    return "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True))


def _branches(phrases: list[str]) -> str:
    r"""`(?<!\w)(?:…)` of `phrases` in this order (a phrase at the start of a word), written so that
    `re` can skip ahead: the phrases of one first letter grouped, and the look-behind after that
    letter (`c(?<!\wc)`: what comes before the `c` is no word character).

    A pattern that opens with a look-behind is tried at every position of the text, and at every
    word `re` tries the branches of an alternation one by one; when every branch opens with a
    letter instead, `re` skips in C to the next of those letters and tries only the phrases that
    start with it. Phrases with different first letters never match at the same place, so the
    phrase that matches (the first in order that does) is the same; a test holds each pattern
    built this way to the plain one.
    """
    groups: dict[str, list[str]] = {}
    for p in phrases:
        first, *rest = p.split()
        groups.setdefault(first[0], []).append(_SEP.join([re.escape(first[1:]), *(re.escape(w) for w in rest)]))
    return "|".join(rf"{re.escape(c)}(?<!\w{re.escape(c)})" + (f"(?:{'|'.join(tails)})" if len(tails) > 1 else tails[0])
                    for c, tails in groups.items())


def _at_word(phrases: list[str]) -> str:
    r"""`(?<!\w)(?:{_alt(phrases)})` as `_branches` writes it, the longest phrases first."""
    return _branches(sorted(phrases, key=len, reverse=True))


def _rx(phrases: list[str], *, anchored: bool = False) -> re.Pattern[str]:
    if anchored:  # only ever matched at the start of a text: nothing to skip
        return re.compile(rf"^[\s“”\"'‘’]*(?<!\w)(?:{_alt(phrases)})(?!\w)")
    return re.compile(rf"(?:{_at_word(phrases)})(?!\w)")


class Phrases:
    """`_rx(phrases)`, and a word of each phrase to look for first.

    A text that holds none of those words cannot match; a few `in` tests settle that for most texts
    at less than the cost of trying the alternation at every word. The word of a phrase is one of
    `guard` when it has one (a rarer word than the automatic choice), else its longest word.
    """

    def __init__(self, phrases: list[str], guard: tuple[str, ...] = ()) -> None:
        self.rx = _rx(phrases)
        words = set()
        for p in phrases:
            mine = [w for w in p.split() if w in guard]
            words.add(mine[0] if mine else max(p.split(), key=len))
        self.words = tuple(sorted(words))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for w in self.words:
            if w in text:
                return self.rx.finditer(text)
        return iter(())


def _last_words(phrases: list[str]) -> set[str]:
    return {p.split()[-1] for p in phrases}


_TAIL_BLANKS = "“”\"'‘’"  # with white space, what a tail pattern lets follow its last word


def tail_end(text: str) -> str:
    """`text` without the white space and quotes that end it."""
    end = text.rstrip()
    while end and end[-1] in _TAIL_BLANKS:
        end = end[:-1].rstrip()
    return end


class Tail:
    """A pattern anchored at the end of the text, with every word it can end on.

    `search` answers None at once when the text, trailing blanks and quotes aside, ends on none of
    those words: the pattern cannot match then, and `re` would otherwise try it at every word of the
    text (it has no way to search from the end) for an answer the last word nearly always settles.
    """

    def __init__(self, pattern: str, last_words: set[str]) -> None:
        self.rx = re.compile(pattern)
        self.last_words = tuple(sorted(last_words))

    def search(self, text: str, end: str | None = None) -> re.Match[str] | None:
        """`rx.search(text)`; `end` is `tail_end(text)` when the caller has it already."""
        return self.rx.search(text) if (tail_end(text) if end is None else end).endswith(self.last_words) else None


def _tail(phrases: list[str]) -> Tail:
    """The phrases at the end of the text, blanks and quotes after them allowed."""
    return Tail(rf"(?:{_at_word(phrases)})(?!\w)[\s“”\"'‘’]*$", _last_words(phrases))


@dataclass(frozen=True)
class Rules:
    """The compiled rules; built once per process from rules.yaml."""

    entity: dict[str, re.Pattern[str]]
    entity_any: re.Pattern[str]
    entity_adjacent: re.Pattern[str]
    excellent: Phrases
    good: Phrases
    negation: Tail
    rate_metrics: dict[str, dict[str, str]]
    nouns: re.Pattern[str]
    cues: dict[str, Cues]  # per noun class: every cue, and what it makes
    post: dict[str, re.Pattern[str]]
    met_tail: Tail
    met_post: re.Pattern[str]
    welfare: re.Pattern[str]
    money_exclude: re.Pattern[str]
    money_per: re.Pattern[str]
    donated: Tail
    own_money: re.Pattern[str]  # a family giving to its own house ("gia đình và dòng họ đóng góp …")
    target_near: Phrases
    target_sentence: Phrases
    target_reset: re.Pattern[str]
    change_tail: Tail
    plan_post: re.Pattern[str]
    total_post: re.Pattern[str]
    admission: re.Pattern[str]
    rate_of_admission: re.Pattern[str]
    qualifier_tail: dict[str, Tail]
    qualifier_words: tuple[str, ...]  # every word a qualifier can end on
    house_build_repair: Tail
    house_replace: Tail
    house_replaced: re.Pattern[str]
    makeshift_replaced_for: re.Pattern[str]  # "xóa nhà tạm, nhà dột nát cho " ending the text before households
    restate: Tail
    houses_given: re.Pattern[str]  # "tặng nhà … cho " ending the text before a count of recipients
    houses_given_to: re.Pattern[str]  # the recipients that count ("hộ", "đảng viên")
    houses_given_post: re.Pattern[str]  # "N hộ được tặng nhà": recipients said given houses after them
    houses_helped_post: re.Pattern[str]  # "(hỗ trợ) N hộ … xây mới nhà": households helped to build
    houses_done: re.Pattern[str]  # houses said done after them, maybe past their name ("… đại đoàn kết được bàn giao")
    passive_act: re.Pattern[str]  # a passive verb later in a member's clause ("… bị thi hành kỷ luật")
    passive: dict[str, str]  # that verb (its words, single-spaced) → the metric it makes
    part: re.Pattern[str]  # words that name a part of the members ("nữ", "học sinh", "dân tộc thiểu số")
    part_before: re.Pattern[str]  # what makes the count after it a part ("trong đó có 130 …")
    committee: re.Pattern[str]  # bodies whose members are no membership ("Ban Chấp hành gồm 13 đồng chí")
    founding: re.Pattern[str]  # a founding named before a count, and no return to the present after it
    proposed: re.Pattern[str]  # an act proposed or upheld on appeal, not done ("đề nghị … khai trừ")
    awaiting: re.Pattern[str]  # people prepared for admission, not admitted
    name_openers: tuple[str, ...]  # words a unit's name in a list may open with, besides a capital
    not_in_names: re.Pattern[str]  # words no unit's name holds (verbs, comparisons, periods)
    breakdown_opener: re.Pattern[str]  # what opens a breakdown of the sentence before ("Trong đó, …")


_SEP_RX = re.compile(_SEP)
# "so với" (a comparison), "đối với" (whom a verb acts on) and the lighter form of a discipline just
# imposed ("thi hành kỷ luật bằng hình thức khiển trách đối với 76 đảng viên") are no cue of their own
_NOT_A_CUE = re.compile(r"(?<!\w)(?:(?:so|đối)\s+với|(?:bằng|với)\s+(?:các\s+)?hình\s+thức\s+(?:khiển trách|cảnh cáo|cách chức))"
                        r"(?!\w)")


class Cues:
    """The cue phrases of several lists in one alternation (longest phrases first overall), and the
    list each phrase comes from.

    The phrase that matched is read back from its words, not from a named group per phrase: with a
    hundred groups `re` saves and restores them at every word it tries, which made the search
    several times slower.
    """

    def __init__(self, groups: dict[str, list[str]]) -> None:
        items = sorted(((p, name) for name, ps in groups.items() for p in ps), key=lambda x: -len(x[0]))
        self.rx = re.compile(rf"(?:{_branches([p for p, _ in items])})(?!\w)")
        self.kind: dict[str, str] = {}  # by the phrase's words, as `_phrase` separates them
        for p, name in items:
            self.kind.setdefault(" ".join(_SEP_RX.split(p.strip())), name)  # in two lists: the first

    def kinds(self, text: str) -> list[str]:
        """The lists of every cue in `text`, in order (see `nearest`)."""
        cues = self.rx.findall(_NOT_A_CUE.sub(" ", text) if "với" in text or "hình thức" in text else text)
        return [self.kind[" ".join(_SEP_RX.split(c))] for c in cues]

    def nearest(self, text: str) -> str | None:
        """The list of the last cue in `text` (matches taken left to right, as `finditer` does); the
        `với` of "so với" (a comparison) and "đối với" (whom a verb acts on) is no cue of its own."""
        cues = self.rx.findall(_NOT_A_CUE.sub(" ", text) if "với" in text or "hình thức" in text else text)
        return self.kind[" ".join(_SEP_RX.split(cues[-1]))] if cues else None


@cache
def load_rules(path: str | None = None) -> Rules:
    data = yaml.safe_load(Path(path or _RULES_FILE).read_text(encoding="utf-8"))
    ents = data["entities"]
    pred = data["predicates"]
    nouns = data["nouns"]
    cc = data["count_cues"]
    pc = data["post_cues"]
    money = data["money"]
    ent_alt = "|".join(rf"(?P<{k}>{_alt(v)})" for k, v in ents.items())
    noun_alt = "|".join(rf"(?P<{k}>{_alt(v)})" for k, v in nouns.items())
    member_groups = {k: cc[k] for k in ("new_members", "disciplined_members", "removed_members", "total_members")}
    member_groups["blocker"] = cc["blocker"]
    qualifiers = sum(data["qualifiers"].values(), [])
    org_groups = {"total_members": cc["total_members"], "org_place": cc["org_place"],
                  "blocker": cc["blocker"] + cc["new_members"] + cc["disciplined_members"] + cc["removed_members"]}
    passive = {p: metric for metric in ("disciplined_members", "removed_members") for p in pc[metric]
               if p.startswith("bị ")}
    return Rules(
        entity={k: _rx(v) for k, v in ents.items()},
        entity_any=re.compile(rf"(?<!\w)(?:{ent_alt})(?!\w)"),
        entity_adjacent=re.compile(rf"^[\s“”\"']*(?:trở lên\s+)?(?:số\s+|các\s+|tổng số\s+)?(?:{ent_alt})(?!\w)"),
        excellent=Phrases(pred["excellent"], guard=("xuất", "biểu")),
        good=Phrases(pred["good"], guard=("tốt", "sạch", "tsvm")),
        negation=_tail(pred["negations"]),
        rate_metrics=data["rate_metrics"],
        nouns=re.compile(rf"^[\s“”\"']*(?:(?:{noun_alt}))(?!\w)"),
        cues={"member": Cues(member_groups), "org": Cues(org_groups),
              "house": Cues({"houses_built": cc["houses_built"], "blocker": cc["house_blockers"]})},
        post={k: _rx(v, anchored=True) for k, v in pc.items()},
        met_tail=Tail(rf"(?:{_at_word(data['met_verbs'])})(?:\s+được)?[\s“”\"']*$",
                      _last_words(data["met_verbs"]) | {"được"}),
        # "2 chỉ tiêu đạt trên 95%": reached a share of the plan, not met (the text read may end where the
        # next figure starts); the verb is read whole (atomic), so that in "đề ra 17 chỉ tiêu, đã đạt và vượt
        # 15/17" the "đạt" of "đạt và vượt 15/17" does not make the plan's 17 a count met
        # (the targets' field may come between, long: "20/21 chỉ tiêu về kinh tế - xã hội, quốc phòng - an ninh và
        # xây dựng Đảng đạt và vượt")
        met_post=re.compile(rf"^(?:\s*về\s[^;:.]{{0,120}}?|[^;:.]{{0,40}}?)(?<!\w)(?:đã\s+|được\s+)?"
                            rf"(?>{_alt(data['met_verbs'])})(?!\w)"
                            r"(?!\s*(?:(?:trên|hơn|gần|khoảng|từ|dưới|được)\s*)?(?:\d|$))"),
        welfare=_rx(money["welfare"]),
        money_exclude=_rx(money["exclude"]),
        # ("… đồng/nhà", and "… đồng/1 nhà", one house)
        money_per=re.compile(r"^\s*(?:/\s*(?:0?1\s+)?[^\W\d]|" + "|".join(re.escape(p) for p in money["per"]) + ")"),
        donated=Tail(rf"(?:{_at_word(money['donated'])})(?:\s+(?:{_alt(qualifiers)}))?\s*$",
                     _last_words(money["donated"]) | _last_words(qualifiers)),
        own_money=re.compile(rf"(?<!\w)(?:{_alt(money['own_givers'])})(?:[\s,]+(?:và\s+)?(?:{_alt(money['own_givers'])}))*"
                             rf"\s+(?:{_alt(money['own_verbs'])})(?:\s+(?:thêm|được|là))*(?:\s+(?:hơn|trên|gần|khoảng))?\s*$"),
        target_near=Phrases(data["target_near"]),
        target_sentence=Phrases(data["target_sentence"]),
        target_reset=_rx(data["target_reset"]),
        change_tail=Tail(rf"(?:{_at_word(data['change_verbs'])})(?:\s+(?:{_alt(qualifiers)}))?\s*$",
                         _last_words(data["change_verbs"]) | _last_words(qualifiers)),
        plan_post=re.compile(rf"^[\s“”\"']*(?:(?:so với|so|của|theo)\s+)?(?:{_alt(data['plan_words'])})(?!\w)"),
        total_post=re.compile(rf"^[\s“”\"']*(?:trở lên\s+)?(?:(?:so với|trên|của|trong)\s+)?(?:{_alt(data['total_words'])})(?!\w)"),
        # (not "phát triển đảng bộ", nor "xây dựng và phát triển, Đảng bộ có …": growing a Party body, not its members)
        admission=re.compile(rf"(?:{_at_word(data['admission_words'])})(?!\w)(?!{_SEP}(?:bộ|ủy)(?!\w))"),
        # "tỷ lệ (đảng viên mới được) kết nạp", "tỷ lệ phát triển đảng viên (mới)": admissions over the membership
        rate_of_admission=re.compile(r"(?<!\w)tỷ lệ\s+(?:(?:đảng viên\s+)?(?:mới\s+)?(?:được\s+)?kết nạp"
                                     r"|phát triển\s+(?:đảng viên|đảng)(?:\s+mới)?)(?!\w)"),
        qualifier_tail={k: _tail(v) for k, v in data["qualifiers"].items()},
        qualifier_words=tuple(sorted(_last_words(qualifiers))),
        # (the two verbs may run together, and the count be named a total: "xây dựng sửa chữa tổng số 19 nhà"; an upgrade
        # may close the list: "hỗ trợ xây dựng, sửa chữa, nâng cấp 218 nhà")
        house_build_repair=Tail(rf"(?:{_at_word(data['house_build_repair'])})\s*(?:,|và|hoặc)?\s*s[ửữ]a chữa"
                                rf"(?:\s*(?:,|và)\s*nâng cấp)?(?:\s+(?:được|mới))?(?:\s+cho)?(?:\s+(?:tổng số|tổng cộng))?"
                                rf"(?:\s+(?:{_alt(qualifiers)}))?\s*$",
                                {"chữa", "cấp", "được", "mới", "cho", "số", "cộng"} | _last_words(qualifiers)),
        # ("xóa xong toàn bộ 6.508 nhà tạm": all of them, done)
        house_replace=Tail(rf"(?:{_at_word(data['house_replace_verbs'])})(?:\s+(?:được|bỏ|xong|hết))?"
                           r"(?:\s+(?:toàn bộ|hoàn toàn|tất cả))?\s*$",
                           _last_words(data["house_replace_verbs"]) | {"được", "bỏ", "xong", "hết", "bộ", "toàn", "cả"}),
        house_replaced=re.compile(rf"^(?:\s*(?:căn|ngôi)?\s*nhà)?\s*(?:{_alt(data['house_replaced'])})(?!\w)"),
        # "xóa nhà tạm, nhà dột nát cho 2.622 hộ": each household's makeshift house replaced, a house each
        makeshift_replaced_for=re.compile(
            rf"(?<!\w)xóa\s+(?:bỏ\s+)?nhà\s+(?:{_alt(data['house_replaced'])})(?:[\s,]+(?:và\s+)?(?:nhà\s+)?"
            rf"(?:{_alt(data['house_replaced'])}))*\s+cho\s+(?:(?:gần|hơn|trên|khoảng)\s+)?$"),
        restate=Tail(rf"(?:{_at_word(data['restate_cues'])})\s*(?:(?:khoảng|gần|hơn|trên)\s*)?$",
                     _last_words(data["restate_cues"]) | {"khoảng", "gần", "hơn", "trên"}),
        # (a repair beside the build counts with it: "hỗ trợ xây dựng, sửa chữa nhà ở cho 1.047 hộ nghèo")
        houses_given=re.compile(rf"(?:{_at_word(data['houses_given_verbs'])}){_AND_REPAIR}\s+(?:căn\s+|ngôi\s+)?nhà(?!\w)"
                                rf"[^,;.\d]{{0,60}}?(?:\d[^,;.]{{0,20}}?)?\s+(?:cho|tặng|trao tặng|tặng cho)"
                                r"(?:\s+(?:hơn|trên|gần|khoảng))?\s*$"),
        # (not past a word that says they are not given yet: "38 gia đình … sẽ được trao tặng nhà tình nghĩa"; but "chưa"
        # may say what the households lack: "3.800 gia đình chưa có nhà ở ổn định được hỗ trợ xây dựng nhà ở")
        houses_given_post=re.compile(rf"^\s*(?:{_alt(data['houses_given_to'])})(?!\w)"
                                     rf"(?:(?!(?<!\w)(?:sẽ|sắp|đang|dự kiến)(?!\w))[^;.\d]){{0,40}}?(?<!\w)"
                                     rf"(?:được\s+(?:{_alt(data['houses_given_verbs'])})"
                                     # (or finished their own: "3.899 hộ đã hoàn thành xây dựng nhà ở", "712 hộ nghèo, hộ
                                     # cận nghèo hoàn thành việc xây, sửa nhà ở")
                                     rf"|(?<!chưa )(?<!không )(?<!cần )(?<!phải )(?<!để )(?<!nhằm )(?<!phấn đấu )"
                                     rf"(?:đã\s+)?hoàn thành\s+(?:việc\s+)?(?:xây dựng|xây|làm)"
                                     rf"(?:\s+mới)?)"
                                     rf"{_AND_REPAIR}\s+(?:căn\s+|ngôi\s+)?nhà(?!\w)"),
        # "hỗ trợ 3.690 hộ nghèo xây mới và sửa chữa nhà ở": households helped to build, each a house
        # (and the plain verbs: "hỗ trợ 31 hộ nghèo làm nhà đại đoàn kết", "… xây nhà"; not "làm nhà vệ sinh")
        houses_helped_post=re.compile(rf"^\s*(?:{_alt(data['houses_given_to'])})(?!\w)[^,;.\d]{{0,30}}?\s"
                                      rf"(?:{_alt([*data['house_build_repair'], 'xây', 'làm', 'cất'])}){_AND_REPAIR}"
                                      r"\s+(?:căn\s+|ngôi\s+)?nhà(?!\w)(?!\s+(?:vệ sinh|tắm|bếp|kho|văn hóa))"),
        houses_given_to=re.compile(rf"^\s*(?:{_alt(data['houses_given_to'])})(?!\w)"),
        # (not past a word that says they are not done yet: "12 căn nhà sẽ được bàn giao", "… đang được xây dựng")
        houses_done=re.compile(rf"^(?:(?!(?<!\w)(?:sẽ|sắp|đang|chưa|dự kiến)(?!\w))[^,;:.()\d]){{0,40}}?"
                               rf"(?<!\w)(?:{_alt(pc['houses_built'])})(?!\w)"),
        # (not across a negation: "cảnh cáo 3 người và không có đảng viên nào bị khai trừ")
        passive_act=re.compile(rf"^(?:(?!không (?:có|ai|bị)|chưa (?:có|bị))[^,;:()\d]){{0,80}}?(?<!\w)(?P<verb>{_alt(list(passive))})(?!\w)"),
        passive=passive,
        part=_rx(data["part_words"]),
        part_before=_rx(data["wholes"]["part_before"]),
        committee=_rx(data["wholes"]["committees"]),
        founding=re.compile(rf"(?:{_at_word(data['wholes']['founding'])})(?!\w)"
                            rf"(?!.*(?<!\w)(?:{_alt(data['wholes']['present'])})(?!\w))", re.DOTALL),
        # a comma goes on only to the next body a proposal is made to: "đề nghị Ban Chấp hành Trung ương, Bộ
        # Chính trị, Ban Bí thư thi hành kỷ luật …"
        proposed=re.compile(rf"(?:{_at_word(data['proposed'])})(?!\w)(?:[^,;]|,\s*(?={_alt(data['proposed_to'])}))*$"),
        awaiting=_rx(data["awaiting_admission"]),
        name_openers=tuple(data["list_items"]["name_openers"]),
        not_in_names=_rx(data["list_items"]["not_in_names"]),
        breakdown_opener=re.compile(rf"^[\s“”\"']*(?:{_alt(data['list_items']['breakdown_openers'])})[\s,:]+"),
    )


_AND_REPAIR = r"(?:\s*(?:,|và)\s*(?:sửa chữa|sữa chữa|nâng cấp|sửa))?"


def fold(text: str) -> str:
    """Lower case with quotes blanked, same length as the input so offsets still hold."""
    out = text.lower()
    if "tỉ lệ" in out:  # "tỉ" and "tỷ" are one word in two spellings (Nghị quyết 21 writes "tỉ lệ"): one spelling
        out = out.replace("tỉ lệ", "tỷ lệ")
    if "cơ sơ " in out:  # the typo "tổ chức cơ sơ đảng" (a missing hook): the word it misspells
        out = out.replace("cơ sơ đảng", "cơ sở đảng")
    if "chức có sở " in out:  # the typo "tổ chức có sở đảng" (a hook for a horn): "có sở" says nothing else there
        out = out.replace("tổ chức có sở đảng", "tổ chức cơ sở đảng")
    for q in _QUOTES:  # a replace per quote mark: `translate` looks every character up in a dict
        out = out.replace(q, " ")
    return out if len(out) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
