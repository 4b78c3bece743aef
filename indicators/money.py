"""Money: whether an amount in đồng is money raised or given for welfare, and not money per head, a family's own share,
or an economic figure (budget, investment, revenue)."""

from __future__ import annotations

import re

from indicators.lexicon import Rules
from indicators.reading import AT_LEAST_BEFORE, TOTAL_WORD, Reading

# "mỗi hộ 5 triệu", "mỗi căn nhà xây mới được hỗ trợ 60 triệu" (not a time: "bình quân mỗi năm vận động được …")
_EACH = r"(?<!\w)mỗi\s+(?!năm|tháng|quý|kỳ|đợt|tuần|ngày)\w+"  # "mỗi hộ", "mỗi căn" (not a time: "mỗi năm")
_EACH_TAIL = re.compile(rf"{_EACH}(?:\s+\w+){{0,6}}\s*$")
_FROM_GIVERS_AFTER = re.compile(r"\s*(?:đồng\s+)?(?:của|từ)\s+(?:(?:\d+|các|nhiều)\s+)?(?:nhà tài trợ|nhà hảo tâm|mạnh thường quân|"
                                r"tổ chức, cá nhân|cá nhân, tổ chức)(?!\w)")
_GIVEN_BY_AFTER = re.compile(r"[^;.]{0,20}?(?<!\w)do\s[^;.\d]{0,160}?(?<!\w)(?:tài trợ|ủng hộ|trao tặng|quyên góp|đóng góp"
                             r"|hỗ trợ)(?!\w)")
_FAMILYS_OWN_AFTER = re.compile(r"\s*(?:là\s+)?(?:của|do)\s+(?:gia đình|hộ gia đình|chủ hộ|bản thân|người thân|dòng họ)(?!\w)"
                                r"(?!\s+(?:chính sách|liệt sĩ|có công|khó khăn|nghèo))")


_WORD = re.compile(r"\w+")


def without_names(low: str, sentence: str) -> str:
    """`low` with the words blanked that `sentence` capitalises after its first word: names ("Đô Lương")."""
    if len(sentence) != len(low):
        return low
    out = list(low)
    for m in _WORD.finditer(sentence, 1):
        if m.group()[0].isupper() and sentence[:m.start()].rstrip()[-1:] not in ".:;!?\"“(":
            out[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(out)


# economic words that say nothing of the economy: who suffered a loss is who was helped ("hỗ trợ 500 triệu đồng
# cho các hộ bị thiệt hại do lũ"); a day's wage is what staff gave ("đóng góp 1 ngày lương với số tiền …"), and so is
# what they gave out of their pay ("trích từ tiền lương hàng tháng đóng góp, đồng thời vận động … được 40 triệu đồng");
# "lương thực" is food, no wage ("ủng hộ lương thực, thực phẩm và tiền mặt tổng cộng được trên 1,4 tỷ đồng"); what was
# spent on welfare is welfare ("Tổng chi phí cho các hoạt động an sinh xã hội trên hơn 1,5 tỷ đồng")
# (and relief: "ủng hộ đồng bào … khắc phục thiệt hại do mưa lũ là trên 2,7 tỷ đồng")
# (and money paid out to build houses: "đã giải ngân số tiền 22,5 tỷ đồng để hỗ trợ xây dựng 450 nhà", not a loan)
_NOT_ECONOMIC = re.compile(r"(?<!\w)(?:bị\s+thiệt hại|khắc phục\s+(?:hậu quả|thiệt hại)|ngày lương"
                           r"|trích\s+(?:từ\s+)?(?:tiền\s+)?lương|lương thực"
                           r"|chi phí cho\s+(?:các\s+)?(?:hoạt động|công tác|chương trình)?\s*(?:an sinh|từ thiện|nhân đạo)"
                           r"|giải ngân(?=[^;.]{0,40}?(?<!\w)(?:để\s+)?hỗ trợ\s+(?:xây|làm|sửa)(?![^;.]*(?<!\w)vay(?!\w))))(?!\w)")
_EACH_GIVER_FROM = re.compile(r"\s*(?:tập thể|tổ chức|cá nhân|doanh nghiệp|đơn vị|nhà hảo tâm)(?!\w)[^.;\d]{0,60}?"
                              r"(?<!\w)(?:đóng góp|ủng hộ|tài trợ)\s+(?:được\s+)?từ\s*$")


# the value of each, past a figure of its own: "Mỗi ngôi nhà … có diện tích 30m2, trị giá 50 triệu đồng", "tặng cho
# mỗi hộ 01 phần quà trị giá 600 nghìn đồng" (not "mỗi suất 2 triệu đồng, tổng trị giá …", the total)
_EACH_VALUED = re.compile(rf"{_EACH}(?:(?!tổng)[^.;:]){{0,60}}?(?<!\w)(?:trị giá|có giá trị)"
                          r"(?:\s+là)?\s*$")
_CALLED_ON = re.compile(r"(?<!\w)(?<!lời )kêu gọi(?!\w)")  # (not "Hưởng ứng lời kêu gọi, … đã ủng hộ ít nhất 2 tỷ đồng")
_DONE_WORD = re.compile(r"(?<!\w)(?:đã|được)(?!\w)")
# the amount each giver is asked for: "Mức ủng hộ (tối thiểu) …", "mức đóng góp của mỗi …"
_GIVING_LEVEL = re.compile(r"(?<!\w)mức\s+(?:ủng hộ|đóng góp|quyên góp|vận động)(?!\w)")


# money named after those who did not give it: "còn 17 đơn vị chưa ủng hộ quỹ … với số tiền gần 90 triệu đồng" (not
# past another verb of giving: "các đơn vị chưa ủng hộ thì doanh nghiệp đã ủng hộ 40 triệu đồng")
_NOT_GIVEN = re.compile(r"(?<!\w)(?:chưa|không)\s+(?:ủng hộ|đóng góp|quyên góp|nộp)(?!\w)"
                        r"(?:(?!ủng hộ|đóng góp|quyên góp|tài trợ|vận động)[^,;.])*$")


def read_money(rules: Rules, own_pre: str, own_post: str, clause_pre: str, sentence_pre: str,
                unnamed: tuple[str, str], after: str = "") -> Reading:
    """`unnamed` is (own context, clause before) with names blanked, where economic words are looked for; `after` is
    the rest of the clause after the amount, past any figure (whom it came from: "… của 5 nhà tài trợ")."""
    each = _EACH_TAIL.search(own_pre) or ("mỗi" in clause_pre and _EACH_VALUED.search(clause_pre))
    if rules.money_per.match(own_post) or each and not TOTAL_WORD.search(each.group()) \
            or "mức" in sentence_pre and _GIVING_LEVEL.search(sentence_pre) \
            or "kêu gọi" in sentence_pre and AT_LEAST_BEFORE.search(own_pre) and _CALLED_ON.search(sentence_pre) \
            and not _DONE_WORD.search(own_pre):
        # (not "vận động mỗi hộ dân đóng góp được tổng số 500 triệu đồng": the total of what each gave; and "Mức ủng
        # hộ: cán bộ ít nhất 100 nghìn đồng, hộ dân từ 20 nghìn đồng trở lên", "kêu gọi … hội viên … giúp đỡ ít nhất
        # 50 ngàn đồng": what each is asked to give)
        return Reading("other", "actual", "exact", noun="per")
    if ("chưa" in clause_pre or "không" in clause_pre) and _NOT_GIVEN.search(clause_pre):
        # "còn 17 đơn vị chưa ủng hộ quỹ … với số tiền gần 90 triệu đồng": money not given
        return Reading("other", "actual", "exact", noun="money")
    own = own_pre + " " + own_post[:80]
    if rules.own_money.search(own_pre) or _FAMILYS_OWN_AFTER.match(own_post):
        # (and "…, còn lại 50 triệu đồng của gia đình": the family's own share of the cost)
        return Reading("other", "actual", "exact", noun="own")
    if _EACH_GIVER_FROM.match(own_pre) and "trở lên" in own_post[:12]:
        # "có 15 tổ chức, doanh nghiệp đóng góp từ 50 triệu đồng trở lên": what each of them gave at least
        return Reading("other", "actual", "exact", noun="per")
    if rules.donated.search(own_pre):
        return Reading("welfare_funds_vnd", "actual", "exact", noun="money")
    given_by = _GIVEN_BY_AFTER.match(own_post)
    economic = _NOT_ECONOMIC.sub(" ", unnamed[0])
    if given_by and "chi phí" in economic:
        # "Tổng chi phí 100 triệu đồng, do UBND xã … vận động … các nhà hảo tâm hỗ trợ": a cost its givers bore
        economic = economic.replace("chi phí", "       ")
    if rules.money_exclude.search(economic):
        return Reading("other", "actual", "exact", noun="economy")
    if rules.welfare.search(own) or given_by or _FROM_GIVERS_AFTER.match(after):
        # (and "tổng trị giá là 50 triệu đồng, do Hội đồng Đội tỉnh và Công ty … tài trợ": its giver named after it,
        # however long the name; "đã nhận 20,5 tỷ đồng của 5 nhà tài trợ": its givers)
        return Reading("welfare_funds_vnd", "actual", "exact", noun="money")
    if rules.money_exclude.search(_NOT_ECONOMIC.sub(" ", unnamed[1])):
        return Reading("other", "actual", "exact", noun="economy")
    if rules.welfare.search(sentence_pre):
        return Reading("welfare_funds_vnd", "actual", "exact", noun="money")
    return Reading("other", "actual", "exact", noun="money")
