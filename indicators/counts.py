"""Counts: what a count of members, organisations, houses or targets is, from its noun and the nearest verb before it
(`kết nạp 133 đảng viên`, `32 đảng viên bị xóa tên`); award lists and other verbs block it."""

from __future__ import annotations

import re

from indicators.lexicon import Rules
from indicators.numbers import by_last_letter
from indicators.reading import (
    IN_WHICH,
    MEMBER_ACT_METRICS,
    REPRESENTING,
    ROUGHLY,
    TARGETS_SET,
    TOTAL_WORD,
    Fig,
    Reading,
    find_predicate,
    strip_words,
)

_ADMITTED_HEAD = re.compile(r"^\s*(?:mới\s+)?(?:được\s+)?kết nạp")
_MEMBER_HEAD = re.compile(r"^\s*(?:đảng viên|đồng chí|người)")
_UNDER_HEAD = re.compile(r"^\s*trực thuộc")
_OWNER_HEAD = re.compile(r"^\s*(?:trực thuộc|đảng viên|của [^,;]*)")
_COUNT_AFTER_VERB = rf"(?:\s+(?:được|mới|thêm))*\s+{ROUGHLY}\d[\d.]*\s+"  # "phát triển được hơn 20 …"
_RATED_THEN_COUNT = re.compile(r"[\s“”\"']*(?:trở lên\s*)?(?:có|là|gồm|:)?\s*")
# admitting, the verb right before its count: "phát triển (thêm) 200 đảng viên"
_DEVELOPED = re.compile(r"(?<!\w)phát triển(?:\s+(?:được|mới|thêm))*\s+(?:(?:từ|trên|hơn|khoảng|gần)\s+)?$")
_HELPER_VERBS = by_last_letter(("có", "được", "thực hiện", "đã", "tất cả", "toàn bộ"))
_MAKESHIFT_GONE = re.compile(r"[^;.\d]{0,60}?(?<!\w)(?:đã\s+)?(?:bị|được)\s+(?:xóa sổ|xóa bỏ|xóa)(?!\w)")
# the people admitted, named for what they are: "(260 em) học sinh", "sinh viên", "đoàn viên" …
_LEARNERS = r"(?:em\s+)?(?:sinh viên|học sinh|học viên|đoàn viên|quần chúng|công nhân|chiến sĩ|giáo viên|cán bộ|người)"
_LEARNERS_AFTER = re.compile(rf"\s*{_LEARNERS}(?!\w)")
# admitted for them, the verb before: "kết nạp Đảng cho 4 học sinh", "kết nạp được cho 187 quần chúng"
# (or into the Party, named, then the count: "kết nạp Đảng được 08 đoàn viên ưu tú là học sinh")
_ADMITTED_FOR = re.compile(rf"(?<!\w)(?<!đối tượng )(?<!chuẩn bị )kết nạp(?:(?:\s+(?:đảng viên mới|đảng viên|vào đảng|đảng))?(?:\s+được)?"
                           rf"\s+(?:cho|đối với)|\s+(?:vào\s+)?đảng(?:\s+được)?)\s+{ROUGHLY}$")
# admitted or developed, then who, then into the Party: "phát triển được 07 đoàn viên là học sinh vào Đảng"
_VERB_BEFORE = re.compile(rf"(?<!\w)(?:kết nạp|phát triển)(?:\s+(?:mới|được))*\s+{ROUGHLY}$")
# who they are, then up to `reach` characters of what else is said of them, before a word
_WHO_THEN = rf"\s*{_LEARNERS}(?!\w)[^;:()\d.,]{{{{0,{{reach}}}}}}?(?<!\w)"
_INTO_THE_PARTY_AFTER = re.compile(_WHO_THEN.format(reach=40) + r"vào\s+đảng(?!\w)")
# admitted, the verb after who they are: "12 sinh viên ưu tú của Trường … đã được kết nạp Đảng", "… đã vinh dự
# được đứng trong hàng ngũ của Đảng"
_ADMITTED_LATER = re.compile(_WHO_THEN.format(reach=60) + r"(?:đã\s+)?(?:được\s+(?:vinh dự\s+)?kết nạp(?:\s+vào)?|đứng\s+(?:vào|trong)"
                             r"\s+hàng ngũ(?:\s+của)?)\s+đảng(?!\w)")
# not admitted yet: "32 đoàn viên đang phấn đấu để được kết nạp Đảng", "… đủ điều kiện được kết nạp"
_NOT_YET_ADMITTED = re.compile(r"(?<!\w)(?:để|sẽ|chờ|đang|phấn đấu|đủ điều kiện|đề nghị|xem xét)(?!\w)")


# members named with a part word, then a slash before the whole they are a part of: "121 đảng viên người dân tộc thiểu
# số/147 đảng viên kết nạp mới" (the whole after the slash is read as a count of its own by `numbers`)
_PART_OVER_WHOLE = re.compile(r"\s*(?:đảng viên|đv)(?!\w)([^/\d,;.()]{1,40}?)\s?/\s?(?:\d|$)", re.IGNORECASE)


# candidates put forward, then those of them admitted: "giới thiệu cho Đảng 2.156 đoàn viên ưu tú, trong đó có …"
_OF_THE_INTRODUCED = re.compile(r"(?<!\w)(?:giới thiệu|bồi dưỡng|cảm tình đảng|tạo nguồn)(?!\w)(?:(?!kết nạp)[^;])*"
                                r"(?<!\w)trong (?:đó|số đó)(?:\s+có)?\s*$")


def read_count(rules: Rules, own_pre: str, own_post: str, clause_pre: str, parent: Fig | None, f: Fig,
                low: str) -> Reading:
    if _HOUSEHOLDS.match(own_post) and REPRESENTING.search(own_pre):
        # "cùng đại diện 200 hộ dân được hỗ trợ xây dựng nhà": people who came for the households, no house counted
        return Reading("other", "actual", "exact")
    if (rules.houses_given_to.match(own_post) and (rules.houses_given.search(own_pre[-120:])
                                                   or rules.makeshift_replaced_for.search(own_pre))
            or rules.houses_given_post.match(own_post)
            or "hỗ trợ" in own_pre and _HELPED.search(own_pre) and rules.houses_helped_post.match(own_post)) \
            and not _APPROVED.search(own_pre):  # (not "phê duyệt nhu cầu hỗ trợ xây dựng … nhà ở cho 955 hộ": to build)
        # "trao tặng nhà Mái ấm Công đoàn cho 32 đoàn viên", "2 hộ được bàn giao nhà": one house to each
        return Reading("houses_built", "actual", "exact", noun="house", extra_target=True)
    if (("kết nạp" in own_post or "hàng ngũ" in own_post) and (later := _ADMITTED_LATER.match(own_post))
            and not _NOT_YET_ADMITTED.search(later.group())
            or "kết nạp" in own_pre and _ADMITTED_FOR.search(own_pre) and _LEARNERS_AFTER.match(own_post)
            or _VERB_BEFORE.search(own_pre) and _INTO_THE_PARTY_AFTER.match(own_post)) \
            and (not IN_WHICH.search(clause_pre) or _OF_THE_INTRODUCED.search(clause_pre)):
        # "12 sinh viên ưu tú của Trường Đại học … đã được kết nạp Đảng": people admitted, their verb after who they
        # are (not "…, trong đó 12 sinh viên được kết nạp …", a part of the admitted; but "giới thiệu cho Đảng 2.156
        # đoàn viên ưu tú, trong đó có 1.450 đoàn viên được kết nạp Đảng": the admitted among those put forward)
        return Reading("new_members", "actual", "exact", noun="member")
    if "/" in own_post[:60] and (part := _PART_OVER_WHOLE.match(own_post)) and rules.part.search(part.group(1)):
        # "kết nạp được 121 đảng viên người dân tộc thiểu số/147 đảng viên kết nạp mới": the part, over the whole
        # admitted (which `numbers` reads as a count of its own)
        return Reading("other", "actual", "exact", noun="member")
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
    if "hình thức" in own_pre:
        # "thi hành kỷ luật 1 đảng ủy cơ sở bằng hình thức cảnh cáo và 366 đảng viên": the form of the object before
        own_pre = _FORM_OF_THE_ONE_BEFORE.sub(lambda m: " " * len(m.group()), own_pre)
    nm = rules.nouns.match(own_post)
    # (a membership named first may be counted in comrades: "tổng số đảng viên của chi bộ đến thời điểm đánh giá là 11
    # đồng chí")
    named = _TOTAL_NAMED_FIRST.search(own_pre) if "tổng" in own_pre and (
        nm is None or nm.lastgroup == "member" and nm.group("member") in ("đồng chí", "người")) else None
    # (and counted in comrades: "số đảng viên được kết nạp ở dự án tại Lào là 51 đồng chí")
    acted = _ACT_NAMED_FIRST.search(own_pre) if named is None and "số" in own_pre and (
        nm is None or nm.lastgroup == "member" and nm.group("member") in ("đồng chí", "người")) else None
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
    if (nm is None or nm.lastgroup in ("member", "cadre")) and "kỷ luật" in low \
            and _EXPELLED_LABEL.search(low, max(0, f.s - 20), f.s):
        # "(khiển trách: 5; cảnh cáo: 4; khai trừ: 2)", "…; khai trừ: 12 đảng viên": the expelled, labelled (the colon
        # is no clause here)
        return Reading("removed_members", "actual", "exact", noun="member")
    if nm is None:
        # "khai trừ 3" inside a discipline list: a bare count right after a strong member verb
        tail = " ".join(own_pre.split()[-4:])
        cue = rules.cues["member"].nearest(tail)
        if _EXPELLED_AFTER.match(own_post) and "kỷ luật" in low:
            # "… với các hình thức: 1.439 khiển trách, 476 cảnh cáo, 71 cách chức, 50 khai trừ": the expelled,
            # counted before their form
            return Reading("removed_members", "actual", "exact", noun="member")
        if cue in MEMBER_ACT_METRICS and _BARE_COUNT_ENDS.match(own_post) and not rules.proposed.search(clause_pre) \
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
    if cls == "target" and r.metric == "other" and f.paren and f.amount.denominator is not None \
            and not own_pre.strip() and _TARGETS_MET_BEFORE.search(low, 0, f.paren[0]):
        # "hoàn thành khá tốt các chỉ tiêu chủ yếu (9/14 chỉ tiêu)": how many of them, said in parentheses
        r = Reading("targets_met", "actual", "exact", noun=cls)
    if cls == "member" and r.metric == "other" and "kỷ luật" in clause_pre and _FORMS_COUNTED_AFTER.match(low, f.e) \
            and not _PROPOSED_ONLY.search(clause_pre):
        # "xem xét thi hành kỷ luật đối với 10 tổ chức Đảng (khiển trách) và 46 đảng viên (khiển trách 30, cảnh cáo 15,
        # khai trừ 1)": members counted by the forms they were disciplined with, so disciplined, whatever was weighed
        r = Reading("disciplined_members", "actual", "exact", noun=cls)
    if r.metric == "new_members" and _STILL_VETTED.match(rest):
        # "…, 1 quần chúng được thẩm tra xác minh lý lịch": still being vetted for admission, whatever verb came before
        r = Reading("other", "actual", "exact", noun=cls)
    if r.metric == "disciplined_members" and _CIVIL_SERVANTS.search(clause_pre) and "đảng" not in clause_pre:
        # "cán bộ, công chức, viên chức bị kỷ luật có 19 trường hợp bị cách chức": the state's discipline of its staff
        r = Reading("other", "actual", "exact", noun=cls)
    if r.metric in ("org_count", "total_members") and f.amount.denominator is not None:
        # "16/17 tổ chức cơ sở đảng trong cơ quan …, thủ trưởng … làm bí thư": how many of them meet a
        # condition, not how many there are
        r = Reading("other", "actual", "exact", noun=cls)
    elif r.metric in ("org_count", "total_members"):
        segment = clause_pre[max(clause_pre.rfind(","), clause_pre.rfind(":")) + 1:]
        rated = find_predicate(rules, segment, last=True)
        if rated is not None and rated[0] != "plain" and _RATED_THEN_COUNT.fullmatch(segment, rated[1].end()):
            # "hoàn thành xuất sắc nhiệm vụ có 12 tổ chức cơ sở đảng, chiếm 15,4%": how many got the rating (which
            # a share in parentheses after it takes: "… có 412 đảng viên (chiếm 16,2%)")
            r = Reading("other", "actual", "exact", "org" if cls == "branch" else cls, rated[0], noun=cls)
    if cls in ("org", "member", "branch") and r.metric == "other" and r.predicate is None:
        pred = find_predicate(rules, rest)
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
                and not TARGETS_SET.search(sentence_pre):
            return Reading("other", "actual", "exact", noun=cls)
        if re.search(r"(?:chưa|không|(?<!\w)còn(?:\s+lại)?)\s*$", own_pre) or re.match(r"^[^;:.]{0,40}?(?:chưa|không)\s+(?:đạt|hoàn thành)", rest):
            return Reading("other", "actual", "exact", noun=cls)
        if _NEARLY_MET.match(rest):
            # "có 02 chỉ tiêu xấp xỉ đạt", "2 chỉ tiêu cơ bản đạt": targets nearly met were not met
            return Reading("other", "actual", "exact", noun=cls)
        pre_tail = strip_words(own_pre.rstrip(), _HELPER_VERBS)
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
        if makeshift and _STOCK_TAIL.search(own_pre) and not _MAKESHIFT_GONE.match(rest):
            # "… toàn tỉnh hiện nay là 7.687 căn nhà tạm, nhà dột nát", "còn 900 căn nhà tạm": houses still to
            # replace (but "xóa 217 căn nhà tạm", "xây mới 120 căn nhà tạm, nhà dột nát" replaced them, and "có 80 căn
            # nhà tạm bợ đã được xóa" are gone)
            return Reading("other", "actual", "exact", noun=cls)
        if makeshift and (rules.house_replace.search(own_pre) or _MAKESHIFT_GONE.match(rest)):
            # (or gone, said after them: "hơn 9.000 căn nhà tạm trên địa bàn tỉnh đã bị xóa sổ")
            return Reading("houses_built", "actual", "exact", noun=cls, extra_target=True)
        if _PROGRAMME_SIZE.search(own_pre):
            # "Chương trình 100 nhà Mặt trận Tổ quốc tỉnh triển khai": a programme named by its size
            return Reading("other", "actual", "exact", noun=cls)
        last_done = next(reversed(list(HOUSES_DONE.finditer(own_pre))), None)
        # (the last act named decides: "Tại lễ bàn giao, … đề nghị … sớm hoàn thành việc hỗ trợ xây dựng 85 căn nhà còn lại")
        if (last_done is None or _NOT_YET_BEFORE.search(own_pre, 0, last_done.start())) and (
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
            cue = verb if cue is None or verb in MEMBER_ACT_METRICS else cue
        if cue is None and _LAST_ITEM.search(own_pre) and _COMPOSITION_OPENS.match(sentence_pre):
            # "Đảng bộ tỉnh có 31 đảng bộ trực thuộc, …; 10.225 chi bộ … và 230.741 đảng viên": the last item of
            # what a Party body is made of
            cue = "total_members"
        if cue in MEMBER_ACT_METRICS:
            if cue == "new_members" and noun_text == "trường hợp":  # cases are not people admitted
                return Reading("other", "actual", "exact", noun=cls)
            if (rules.proposed.search(clause_pre) and not _FORMS_LISTED.match(rest) and not _ACT_GOT.search(own_pre)) \
                    or _NOT_DONE.search(own_pre):
                # "đề nghị … khai trừ", "giữ nguyên hình thức khai trừ": proposed, or upheld on appeal;
                # "không thi hành kỷ luật 20 đảng viên do hết thời hiệu": not done
                return Reading("other", "actual", "exact", noun=cls)
            if IN_WHICH.search(own_pre) and _IS_A_PART.match(rest):
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
                         r"máy|thờ|chờ|truyền thống|văn phòng|điều hành|làm việc|sinh hoạt cộng đồng|sinh hoạt|"
                         # (the classifier before a building that is no home: "hai ngôi trường mẫu giáo", "ngôi chùa")
                         r"trường|chùa|đình|đền|miếu|tháp|mộ|trụ sở)(?!\w)")
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
_MEMBERS_WITH_AFTER = re.compile(rf"\s*,?\s*với\s+{ROUGHLY}$")
_LEVEL = re.compile(r"(?<!\w)cấp\s+(?:trên\s+cơ sở|trên|huyện|tỉnh|xã|cơ sở|ủy)(?!\w)")
_BODIES_BEFORE = re.compile(r"\d[\d.]*\s+(?:đảng bộ|chi bộ)(?!\w)[^;:.\d]{0,40};\s*$")
# "64 chi bộ trực thuộc 27 tổ chức cơ sở đảng": the organisations the branches just counted belong to
_BRANCHES_OF = re.compile(r"\s*(?:chi bộ|đảng bộ bộ phận)(?:\s+[^\s\d,;:()]+){0,2}?\s+(?:trực thuộc|thuộc|của)\s*")
_AFTER_MEMBERS = re.compile(r"\s*(?:đảng viên|đv|đồng chí)\s*(?:,|và|thuộc|của|ở|tại|trong)\s*")
_REPAIRED_AFTER = re.compile(r"\s*(?:được\s+)?(?:sửa chữa|sữa chữa|nâng cấp)(?!\w)")
# words that say houses were done (the pipeline's `extract` reads a breakdown after houses only started by them too)
HOUSES_DONE = re.compile(r"(?<!\w)(?:bàn giao|khánh thành|hoàn thành|đưa vào sử dụng)(?!\w)", re.IGNORECASE)
# people still vetted for admission, said after their count ("1 quần chúng được thẩm tra xác minh lý lịch"), or
# waiting for its decision ("2 quần chúng chờ quyết định")
_STILL_VETTED = re.compile(r"\s*(?:ưu tú\s+)?(?:đã\s+|đang\s+)?(?:được\s+)?(?:thẩm tra|xác minh|học lớp|bồi dưỡng|làm hồ sơ|"
                           r"hoàn thiện hồ sơ|chờ\s+(?:quyết định|kết nạp|xét))(?!\w)")
# the state's staff, whom its own discipline acts on
_CIVIL_SERVANTS = re.compile(r"(?<!\w)(?:công chức|viên chức)(?!\w)")
# the targets a clause met, before a parenthesis that counts them (not "chưa đạt …", "không hoàn thành …")
_TARGETS_MET_BEFORE = re.compile(r"(?<!\w)(?<!chưa )(?<!không )(?:đạt|hoàn thành|vượt)(?!\w)[^,;:()\d]{0,50}?"
                                 r"(?<!\w)(?:chỉ tiêu|mục tiêu)(?!\w)[^,;:()\d]{0,30}$")
# (not done yet: "sớm hoàn thành việc hỗ trợ xây dựng 85 căn nhà còn lại", "để bàn giao …")
_NOT_YET_BEFORE = re.compile(r"(?<!\w)(?:sớm|sẽ|để|nhằm|phấn đấu|cần|phải|chưa)\s*$")
_PROGRAMME_SIZE = re.compile(r"(?<!\w)(?:chương trình|đề án)\s*$")
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
# (or given for someone named to build with: "ủng hộ 300 triệu đồng để Mặt trận huyện xây dựng 6 căn nhà")
_MONEY_TO_BUILD = re.compile(r"(?<!\w)(?:đồng|đ)\s+(?:để\s+(?:tài trợ\s+|hỗ trợ\s+)?(?:[^\d\s,;.]+\s+){0,6}?|(?:tài trợ|hỗ trợ)\s+"
                             r"(?:cho\s+)?(?:[^\d\s,;.]+\s+){1,6}?)(?:xây dựng|xây|làm)(?:\s+mới)?\s*$")
# what money or effort is for, houses still to build: "hỗ trợ 1 tỷ đồng để xây dựng mới và sửa chữa 20 nhà", "vận động
# các nguồn lực để làm mới từ 7.000 - 8.000 nhà" (not "lồng ghép với nguồn vốn … để hỗ trợ xây dựng 237 căn nhà", what
# the funds were joined for in a review of years, nor "được dùng để xây mới 120 căn nhà", what the money went on: built)
_FOR_BUILDING = re.compile(r"(?<!\w)(?<!dùng )để\s+(?:xây dựng|xây tặng|xây|làm|hoàn thành)(?:\s+mới)?"
                           rf"(?:\s*(?:,|và)\s*s[ửữ]a chữa)?\s+{ROUGHLY}(?:từ\s+)?$")
# pledged: "128 đơn vị đã đăng ký ủng hộ, hỗ trợ xây dựng 10.184 căn nhà"
_PLEDGED = re.compile(r"(?<!\w)đăng ký(?!\w)[^.;:\d]{0,40}$")
_NEARLY_MET = re.compile(r"\s*(?:(?:chủ yếu|còn lại)\s+)?(?:xấp xỉ|cơ bản|gần|sắp|chưa hoàn toàn)\s+(?:đạt|hoàn thành)(?!\w)")
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
    r"(?:\s+(?:trong|từ|của|tại|toàn|ở)\s[^,;:()]{0,40}?)?\s+(?:là|đạt)\s+(?:(?:gần|hơn|trên|khoảng)\s+)?$")
# what makes the figure after a total named first the members of an act, not the whole
_ACTED_ON = re.compile(r"(?<!\w)(?:kết nạp|kỷ luật|xóa tên|khai trừ|được|bị|mới)(?!\w)")
# the form the object before was disciplined with: "… 1 đảng ủy cơ sở bằng hình thức cảnh cáo và 366 đảng viên"
_FORM_OF_THE_ONE_BEFORE = re.compile(r"(?<!\w)(?:bằng|với)\s+hình thức\s+(?:khiển trách|cảnh cáo|cách chức|giải tán)(?=\s+và\s*$)")
# (and "thi hành kỷ luật (đảng) với 95 đảng viên": whom the act was taken with, not a membership "với" counts)
_TOWARDS = re.compile(r"(?<!\w)(?:đối với|(?:(?<=kỷ luật )|(?<=khai trừ )|(?<=xóa tên ))(?:đảng\s+)?với)(?=\s*$)")
# what may follow the counted members of a total: the end of the clause, where they belong, a breakdown;
# anything else ("đảng viên nữ", "đảng viên được đánh giá", "đảng viên HTXSNV") names a part of them
# (and "… đại diện cho hơn 14 ngàn đảng viên về dự Đại hội": the whole membership came to it through its delegates)
_TOTAL_RESTS = re.compile(r"^[\s“”\"']*(?:$|[,.;:()…]|(?:trong|đang sinh hoạt|sinh hoạt|tham gia sinh hoạt|hoạt động\s+(?:trong|tại|ở)|của|đảng bộ|chi bộ|thuộc|ở|đến từ|"
                          r"từ(?=\s*$|\s+(?:các|những))|tại|trên|toàn|hiện|với|(?:bao\s+)?gồm|(?:về\s+)?dự\s+đại hội|và\s*(?:$|\d|(?:trên|hơn|gần|khoảng)\s*$)|là\s+(?:đảng viên|người)\b)(?!\w))")
# organisations broken down by their kind (which together are all of them), then "với" their members:
# "477 tổ chức cơ sở đảng, trong đó có 248 đảng bộ cơ sở và 229 chi bộ cơ sở, với 36.607 đảng viên" (the
# members of every kind, the whole; not "trong đó có 30 chi bộ doanh nghiệp, với 600 đảng viên", a sector)
_KINDS_OF_UNITS = re.compile(
    r"(?<!\w)(?:trong đó|gồm|bao gồm)[\s,]+(?:có\s+)?"
    r"(?:\d[\d.]*\s+(?:đảng bộ cơ sở|chi bộ cơ sở|đảng bộ bộ phận|chi bộ trực thuộc|chi bộ|đảng bộ)(?!\w)[\s,]*(?:và\s+)?)+"
    r"với\s+(?:tổng\s+số(?:\s+(?:đảng viên|đv))?(?:\s+là)?\s+)?(?:(?:gần|hơn|trên|khoảng)\s+)?$")


_LAST_ITEM = re.compile(rf"(?<!\w)và\s*{ROUGHLY}$")  # (with its qualifier: "… và hơn 9.000 đảng viên")
# (or a sentence opening on it: "Với 84 tổ chức cơ sở đảng trực thuộc và 3.255 đảng viên, Đảng bộ Đặc khu … là …")
_COMPOSITION_OPENS = re.compile(r"^[\s“”\"']*(?:(?:[^,;:.]{0,30},\s*)?(?:(?:toàn\s+)?(?:đảng bộ|chi bộ)|toàn\s+(?:tỉnh|huyện|"
                                r"vùng|thành phố|thị xã|quận|khối|xã|phường))(?!\w)[^,;:.\d]{0,60}?"
                                rf"\s(?:hiện\s+)?(?:có|gồm)\s|với\s+{ROUGHLY}\d)")
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
    return act if act in MEMBER_ACT_METRICS else None


# "với" before the count, or before a first count and "và" ("kiểm tra … với 4 tổ chức đảng và 28 đảng viên")
_WITH_TAIL = re.compile(r"(?<!\w)với\s+(?:\d[\d.]*\s+[^\d,;:()]{1,30}?\s+và\s+)?(?:(?:gần|hơn|trên|khoảng)\s+)?$")
_WEAK_TOTAL_TAIL = re.compile(r"(?<!\w)(?:với|có)\s*$")
# people prepared for admission, not admitted: "lớp bồi dưỡng cho đối tượng kết nạp Đảng có 204 quần chúng"


def _admitted_after_total(rules: Rules, clause_pre: str) -> bool:
    """A count after a weak total cue ("với", "có") in a clause about admissions, where the admission is
    named after any "tổng số" the clause holds, and no whole body is named after it ("kết nạp 120 đảng
    viên, toàn Đảng bộ hiện có 3.120 đảng viên": the membership)."""
    if not _WEAK_TOTAL_TAIL.search(clause_pre) or rules.awaiting.search(clause_pre):
        return False
    admitted = list(rules.admission.finditer(clause_pre))
    totals = list(TOTAL_WORD.finditer(clause_pre))
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
# (or decided: "ra quyết định thành lập Đảng bộ các Khu công nghiệp, có 7 chi bộ trực thuộc, với 80 đảng viên"; or the
# unit the news is of, founded with its members: "Chi bộ Sinh viên … được thành lập gồm 29 đảng viên", not recalled:
# "Lúc thành lập chỉ có 4 đảng viên", "từ khi mới thành lập với 3 đảng viên")
_FOUNDING_DECIDED = re.compile(r"(?<!\w)(?:quyết định|qđ)\s*(?:việc\s+)?$")
_FOUNDED_WITH = re.compile(r"\s*,?\s*(?:gồm|với)(?!\w)")
_FOUNDING_RECALLED = re.compile(r"(?<!\w)(?:lúc|khi|từ|ban đầu|buổi đầu|ngày đầu|những ngày)(?!\w)[^,;]{0,20}$")
_FOUNDED_NOW = re.compile(r"(?:\s+(?:theo|tại)\s+(?:quyết định|qđ)(?!\w)|[^,;.]{0,20}?(?<!\d)20[1-3]\d(?!\d))")


def _founded_long_ago(rules: Rules, clause_pre: str) -> bool:
    """A founding named before a count, with no return to the present after it and not one of today (see above)."""
    m = rules.founding.search(clause_pre)
    return m is not None and not _FOUNDED_NOW.match(clause_pre, m.end()) and not (
        _FOUNDING_DECIDED.search(clause_pre, 0, m.start())
        or _FOUNDED_WITH.match(clause_pre, m.end()) and not _FOUNDING_RECALLED.search(clause_pre, 0, m.start()))


def _is_membership(rules: Rules, noun_text: str, rest: str, clause_pre: str) -> bool:
    """Whether `N <noun>` after a total cue ("có", "gồm", "tổng số") is a whole membership, not a part of
    one ("trong đó có 130 đảng viên nữ"), a committee ("Ban Chấp hành gồm 13 đồng chí"), people
    ("có gần 57 ngàn người" counts members only after "tổng số đảng viên") or the members it was founded
    with ("Lúc thành lập chỉ có 4 đảng viên")."""
    if noun_text == "người" and "tổng số đảng viên" not in clause_pre:
        return False
    if noun_text not in ("đảng viên", "đồng chí", "đv", "người"):
        return False
    named = _NUMBER_OF_MEMBERS.search(clause_pre) if "đảng viên" in clause_pre else None
    if named and not _OF_THE_WHOLE.fullmatch(named.group("between")):
        # "số đảng viên cao tuổi là 40 đồng chí", "số đảng viên đang công tác là 80 đồng chí": the number of some of
        # them (but "số đảng viên của Đảng bộ xã là 612 đồng chí", "đến nay số đảng viên là 144 đồng chí": all)
        return False
    if _WHOLE_OF_A_PART.search(clause_pre):
        # "có hơn 5.400 đảng viên là người Công giáo trong tổng số hơn 90.000 đảng viên của toàn Đảng bộ tỉnh": the
        # whole a part was counted in, whatever part the clause named (not "trong tổng số 120 đảng viên mới")
        return noun_text in ("đảng viên", "đv") and _TOTAL_RESTS.match(rest) is not None
    if _founded_long_ago(rules, clause_pre) or _SIZE_OF_UNITS.search(clause_pre) or _TRANSFERRED.search(clause_pre):
        return False
    if _WITH_TAIL.search(clause_pre) and rules.cues["member"].kinds(clause_pre)[-2:-1] == ["blocker"] \
            and not _RESHAPED_WITH.search(clause_pre) \
            and not (rules.founding.search(clause_pre) and not rules.admission.search(clause_pre)):
        # "… đứng đầu về số đảng viên được tặng huy hiệu đảng dịp này với 448 đảng viên": "với" right after an
        # award, an inspection, … names the members it was about (after "hiện có …" it goes on with the whole; after a
        # founding of today, with the members it was founded with, unless the clause is about admissions)
        return False
    # a committee is counted in "đồng chí" and named with its term ("Ban Chấp hành Đảng bộ huyện …, nhiệm kỳ 2020 –
    # 2025 gồm 41 đồng chí"): looked for further back then
    committee_window = 110 if noun_text == "đồng chí" else 60
    if not REPRESENTING.search(clause_pre) and not _KINDS_OF_UNITS.search(clause_pre) \
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
# "số (lượng) đảng viên … là", right before a count, and what the words between say of the members
_NUMBER_OF_MEMBERS = re.compile(rf"(?<!\w)số\s+(?:lượng\s+)?đảng viên(?P<between>[^,;:\d]{{0,80}}?)\s*(?:hiện\s+)?(?:là|có)\s*"
                                rf"{ROUGHLY}$")
_OF_THE_WHOLE = re.compile(r"\s*(?:(?:của|toàn|trong)\s[^,;:\d]*|hiện nay|hiện tại|đến nay)?\s*")
_WHOLE_OF_A_PART = re.compile(rf"(?<!\w)trong\s+tổng\s+số\s+{ROUGHLY}$")


# a body given a new shape, then what it has: "Đảng bộ phường được kiện toàn với 41 tổ chức cơ sở đảng và hơn 1.100 đảng
# viên", "kiện toàn 82 tổ chức Đảng trực thuộc với gần 3.200 đảng viên" (not what an award or an inspection was about)
_RESHAPED_WITH = re.compile(r"(?<!\w)(?:kiện toàn|sáp nhập|hợp nhất|sắp xếp)(?!\w)[^;:]*?(?<!\w)với\s+[^;:]*$")


# organisations or members handed from one Party body to another: "tiếp nhận 10 tổ chức đảng với tổng số 670 đảng viên"
_TRANSFERRED = re.compile(rf"(?<!\w)(?:tiếp nhận|bàn giao|chuyển giao|chuyển về|chuyển đến|chuyển đi|điều chuyển)\s+"
                          rf"{ROUGHLY}\d")
# an act that got done, whatever was weighed first: "xem xét kết nạp được 446 đảng viên"
_ACT_GOT = re.compile(rf"(?<!\w)(?:kết nạp|kỷ luật|xóa tên|khai trừ)(?:\s+mới)?\s+được\s*{ROUGHLY}$")
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
# a discipline only proposed, whatever forms it lists ("đề nghị thi hành kỷ luật 22 đảng viên (khiển trách 14, …)")
_PROPOSED_ONLY = re.compile(r"(?<!\w)(?:đề nghị|kiến nghị|dự kiến)(?!\w)")
# ("xem xét thi hành kỷ luật … 46 đảng viên (khiển trách 30, cảnh cáo 15, khai trừ 1)": counted by form, so done)
_FORMS_COUNTED_AFTER = re.compile(rf"\s*(?:đảng viên|đv|đồng chí|trường hợp)?\s*\(\s*{_FORMS}\s*\d")
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
