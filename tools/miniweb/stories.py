"""The Vietnamese reports of the mini-web, written from phrase banks with seeded figures.

Each writer composes a whole article (title, sapo, paragraphs, captions) for one kind of
Party-building report: year-end reviews, mid-year reviews, congresses, admissions, discipline,
housing and welfare, the term review of a bloc. Every metric has several phrasings, and every
figure that is an indicator is planted with its metric, kind and qualifier so the manifest states
what a correct extractor must find. Ordinary news (no indicators) lives in `news.py`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

from tools.miniweb.text import Planted, Sentence, money, pick, plant, rand_money, rate, vn_decimal, vn_int


@dataclass
class Figure:
    image: str  # file name on the paper's CDN
    caption: str  # caption text, ending with the photo credit


@dataclass
class Story:
    kind: str
    title: str
    sapo: str
    blocks: list  # str paragraphs and Figure
    planted: list[Planted]
    category: str  # category key of the paper (see papers.py)
    tags: list[str]
    author: str
    party_building: bool = True


@dataclass
class Ctx:
    """Who and when an article is about; everything a writer needs to fill its phrases."""

    rng: random.Random
    province: str  # "Gia Lai"
    unit: str  # "huyện Chư Păh", "Khối các Cơ quan và Doanh nghiệp tỉnh"
    when: datetime
    author: str
    photographer: str
    leader: tuple[str, str]  # (name, position) of the provincial leader attending
    secretary: str  # the unit's Party secretary
    date_style: str = "dash"  # "dash" -> 15-1, "slash" -> 15/1
    border: bool = False  # border unit ("Mái ấm biên cương" programme)
    extra: dict = field(default_factory=dict)

    @property
    def subject(self) -> str:
        return f"Đảng bộ {self.unit}"

    @property
    def unit_cap(self) -> str:
        return self.unit[0].upper() + self.unit[1:]

    def day(self) -> str:
        sep = "-" if self.date_style == "dash" else "/"
        return f"{self.when.day}{sep}{self.when.month}"

    def moment(self) -> str:
        part = "Sáng" if self.when.hour < 12 else "Chiều"
        if self.date_style == "slash" and self.rng.random() < 0.4:
            return f"{part} nay ({self.day()})"
        return f"{part} {self.day()}"


# ---------------------------------------------------------------- metric phrasings


def s_org_rating(c: Ctx, year: int, *, target: bool = False) -> Sentence:
    r = c.rng
    good = rate(r, 86, 98.5)
    exc = rate(r, 11, 24)
    variant = r.randrange(5) if not target else 1
    if variant == 0:
        return Sentence(
            f"Kết quả đánh giá, xếp loại chất lượng năm {year}, toàn Đảng bộ có {vn_decimal(good)}% tổ chức cơ sở "
            f"đảng hoàn thành tốt nhiệm vụ trở lên, trong đó {vn_decimal(exc)}% hoàn thành xuất sắc nhiệm vụ.",
            [plant("org_good_rate", good, year=year), plant("org_excellent_rate", exc, year=year)])
    if variant == 1:
        tgt = pick(r, [80, 85, 85, 90])
        good = max(good, tgt + 1.5)
        return Sentence(
            f"Tỷ lệ TCCSĐ được xếp loại “Hoàn thành tốt nhiệm vụ” trở lên đạt {vn_decimal(good)}% "
            f"(chỉ tiêu là trên {tgt}%).",
            [plant("org_good_rate", good, year=year), plant("org_good_rate", tgt, "target", "over", year=year)])
    if variant == 2:
        floor = pick(r, [85, 90, 92, 95])
        return Sentence(
            f"Trong năm, trên {floor}% tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ, "
            "vượt chỉ tiêu nghị quyết đề ra.",
            [plant("org_good_rate", floor, qualifier="over", year=year)])
    if variant == 3:
        total = r.randint(38, 96)
        good_n = round(total * good / 100)
        share = round(good_n * 100 / total, 2)
        return Sentence(
            f"Có {good_n}/{total} chi bộ, đảng bộ cơ sở được xếp loại hoàn thành tốt nhiệm vụ trở lên, "
            f"đạt {vn_decimal(share)}%.",
            [plant("org_good_rate", share, year=year), plant("org_count", total, year=year, optional=True)])
    return Sentence(
        f"Qua kiểm điểm, đánh giá cuối năm, {vn_decimal(good)}% TCCSĐ đạt mức “Hoàn thành tốt nhiệm vụ” trở lên; "
        f"số tổ chức đảng hoàn thành xuất sắc nhiệm vụ chiếm {vn_decimal(exc)}%.",
        [plant("org_good_rate", good, year=year), plant("org_excellent_rate", exc, year=year)])


def s_member_rating(c: Ctx, year: int) -> Sentence:
    r = c.rng
    good = rate(r, 86, 97.5)
    exc = rate(r, 10, 19)
    variant = r.randrange(4)
    if variant == 0:
        return Sentence(
            f"Về chất lượng đảng viên, {vn_decimal(good)}% đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên, "
            f"trong đó có {vn_decimal(exc)}% đảng viên hoàn thành xuất sắc nhiệm vụ.",
            [plant("member_good_rate", good, year=year), plant("member_excellent_rate", exc, year=year)])
    if variant == 1:
        tgt = pick(r, [85, 85, 90])
        good = max(good, tgt + 2)
        return Sentence(
            f"Hằng năm có {vn_decimal(good)}% đảng viên (chỉ tiêu trên {tgt}%) được phân loại "
            "“Hoàn thành tốt nhiệm vụ” trở lên.",
            [plant("member_good_rate", good, year=year), plant("member_good_rate", tgt, "target", "over", year=year)])
    if variant == 2:
        bad = rate(r, 0.3, 1.4)
        return Sentence(
            f"Số đảng viên hoàn thành tốt nhiệm vụ trở lên chiếm {vn_decimal(good)}%; chỉ có {vn_decimal(bad)}% "
            "đảng viên không hoàn thành nhiệm vụ.",
            [plant("member_good_rate", good, year=year)])
    approx = round(good)
    return Sentence(
        f"Khoảng {approx}% đảng viên được đánh giá hoàn thành tốt nhiệm vụ, không có đảng viên nào "
        "vi phạm tư cách phải xử lý.",
        [plant("member_good_rate", approx, qualifier="approx", year=year)])


def s_units(c: Ctx, year: int | None) -> Sentence:
    r = c.rng
    good = rate(r, 88, 97)
    if r.random() < 0.5:
        tgt = pick(r, [85, 90])
        return Sentence(
            f"Bình quân hằng năm có {vn_decimal(good)}% cơ quan, đơn vị, doanh nghiệp hoàn thành tốt nhiệm vụ "
            f"trở lên (chỉ tiêu là trên {tgt}%).",
            [plant("units_good_rate", good, year=year), plant("units_good_rate", tgt, "target", "over", year=year)])
    return Sentence(
        f"Các cơ quan, đơn vị, doanh nghiệp trong khối hoàn thành tốt nhiệm vụ chính trị được giao đạt tỷ lệ "
        f"{vn_decimal(good)}%.",
        [plant("units_good_rate", good, year=year)])


def s_new_members(c: Ctx, year: int | None, *, period: str = "year") -> Sentence:
    r = c.rng
    total = c.extra.setdefault("total", r.randint(1800, 9800))
    scale = 5.0 if period == "term" else (0.5 if period == "half" else 1.0)
    n = max(12, round(total * r.uniform(0.022, 0.045) * scale))
    variant = r.randrange(6)
    if variant == 0:
        return Sentence(f"Trong năm, toàn Đảng bộ đã kết nạp {vn_int(n)} đảng viên mới.",
                        [plant("new_members", n, year=year)])
    if variant == 1 or period == "half":
        pct = round(r.uniform(38, 118) if period != "half" else r.uniform(35, 62), 2)
        since = "Từ đầu năm đến nay" if period == "half" else "Cả năm"
        return Sentence(
            f"{since}, các cấp ủy đã kết nạp được {vn_int(n)} đảng viên (đạt {vn_decimal(pct)}% so với chỉ tiêu "
            "nghị quyết năm).",
            [plant("new_members", n, year=year), plant("new_members_plan_pct", pct, year=year)])
    if variant == 2:
        over = rate(r, 3, 25)
        return Sentence(
            f"Công tác phát triển đảng viên được quan tâm, đã kết nạp {vn_int(n)} quần chúng ưu tú vào Đảng, "
            f"vượt {vn_decimal(over)}% kế hoạch.",
            [plant("new_members", n, year=year),
             plant("new_members_plan_pct", over, "change", "over", year=year, optional=True)])
    if variant == 3:
        new_total = total + n - r.randint(20, 90)
        c.extra["total"] = new_total
        return Sentence(
            f"Với {vn_int(n)} đảng viên mới được kết nạp, tổng số đảng viên toàn Đảng bộ được nâng lên "
            f"{vn_int(new_total)} đồng chí.",
            [plant("new_members", n, year=year), plant("total_members", new_total, year=year)])
    if variant == 4:
        share = round(n * 100 / total, 2)
        return Sentence(
            f"Tỷ lệ kết nạp đảng viên mới đạt {vn_decimal(share)}% so với tổng số đảng viên đầu năm, "
            f"tương ứng {vn_int(n)} đảng viên.",
            [plant("new_members_rate", share, year=year), plant("new_members", n, year=year)])
    minority = max(2, round(n * r.uniform(0.25, 0.6)))
    return Sentence(
        f"Các chi, đảng bộ trực thuộc đã kết nạp {vn_int(n)} đảng viên, trong đó có {minority} đảng viên là "
        "người dân tộc thiểu số.",
        [plant("new_members", n, year=year), plant("new_members", minority, year=year, optional=True)])


def s_discipline(c: Ctx, year: int | None) -> Sentence:
    r = c.rng
    d = r.randint(4, 38)
    removed = r.randint(2, 16)
    variant = r.randrange(5)
    if variant == 0:
        return Sentence(f"Cấp ủy, ủy ban kiểm tra các cấp đã thi hành kỷ luật {d} đảng viên vi phạm.",
                        [plant("disciplined_members", d, year=year)])
    if variant == 1:
        return Sentence(
            f"Trong kỳ, có {d} đảng viên bị thi hành kỷ luật và {removed} đảng viên bị xóa tên khỏi danh sách.",
            [plant("disciplined_members", d, year=year), plant("removed_members", removed, year=year)])
    if variant == 2:
        a = r.randint(2, 10)
        b = r.randint(1, 6)
        expelled = r.randint(1, 4)
        d = a + b + expelled
        return Sentence(
            f"Đảng bộ đã xem xét, thi hành kỷ luật {d} đảng viên (khiển trách {a}, cảnh cáo {b}, khai trừ "
            f"{expelled}).",
            [plant("disciplined_members", d, year=year), plant("removed_members", expelled, year=year)])
    if variant == 3:
        return Sentence(
            f"Qua rà soát, các tổ chức đảng đã đưa {removed} đảng viên không còn đủ tư cách ra khỏi Đảng; "
            f"{d} trường hợp vi phạm bị xử lý kỷ luật đảng.",
            [plant("removed_members", removed, year=year), plant("disciplined_members", d, year=year)])
    drop = r.randint(2, 9)
    return Sentence(
        f"Số đảng viên phải thi hành kỷ luật là {d} trường hợp, giảm {drop} trường hợp so với cùng kỳ.",
        [plant("disciplined_members", d, year=year),
         plant("disciplined_members", drop, "change", year=year, optional=True)])


def s_inspection(c: Ctx) -> Sentence:
    r = c.rng
    orgs = r.randint(6, 40)
    members = r.randint(10, 60)
    return Sentence(
        f"Ủy ban Kiểm tra các cấp đã kiểm tra khi có dấu hiệu vi phạm đối với {orgs} tổ chức đảng và {members} "
        "đảng viên; giám sát chuyên đề việc thực hiện nhiệm vụ được giao, qua đó kịp thời chấn chỉnh những "
        "thiếu sót.")


def s_size(c: Ctx, year: int | None) -> Sentence:
    r = c.rng
    orgs = c.extra.setdefault("orgs", r.randint(24, 142))
    total = c.extra.setdefault("total", r.randint(1800, 9800))
    variant = r.randrange(3)
    if variant == 0:
        return Sentence(f"{c.subject} hiện có {orgs} tổ chức cơ sở đảng với {vn_int(total)} đảng viên.",
                        [plant("org_count", orgs, year=year), plant("total_members", total, year=year)])
    if variant == 1:
        return Sentence(
            f"Toàn Đảng bộ có {orgs} chi, đảng bộ cơ sở trực thuộc, tổng số {vn_int(total)} đảng viên sinh hoạt "
            "tại các chi bộ.",
            [plant("org_count", orgs, year=year), plant("total_members", total, year=year)])
    return Sentence(
        f"Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến đến {orgs} tổ chức cơ sở đảng trực "
        "thuộc.",
        [plant("org_count", orgs, year=year)])


def s_welfare(c: Ctx, year: int | None) -> list[Sentence]:
    r = c.rng
    variant = r.randrange(5)
    if variant == 3 and c.when < datetime(2024, 9, 20, tzinfo=c.when.tzinfo):
        variant = 4
    if variant == 0:
        amount = rand_money(r, 1200, 38000)
        return [Sentence(f"Các cấp ủy đã vận động ủng hộ Quỹ “Vì người nghèo” hơn {money(amount)}.",
                         [plant("welfare_funds_vnd", amount, qualifier="over", year=year)])]
    if variant == 1:
        total = rand_money(r, 3000, 42000)
        part = rand_money(r, 300, int(total / 1_000_000 * 0.4))
        return [Sentence(
            f"Các cơ quan, đơn vị, doanh nghiệp đã đóng góp, ủng hộ công tác an sinh xã hội với tổng số tiền trên "
            f"{money(total)}, trong đó hỗ trợ xây dựng nhà ở cho hộ nghèo {money(part)}.",
            [plant("welfare_funds_vnd", total, qualifier="over", year=year),
             plant("welfare_funds_vnd", part, year=year)])]
    if variant == 2:
        amount = rand_money(r, 400, 9000)
        return [Sentence(f"Từ nguồn xã hội hóa, địa phương huy động khoảng {money(amount)} để chăm lo cho "
                         "gia đình chính sách, hộ nghèo.",
                         [plant("welfare_funds_vnd", amount, qualifier="approx", year=year)])]
    if variant == 3:
        amount = rand_money(r, 150, 2600)
        return [Sentence(f"Cán bộ, đảng viên trong Đảng bộ đã quyên góp {money(amount)} ủng hộ đồng bào các "
                         "tỉnh phía Bắc bị thiệt hại do bão số 3.",
                         [plant("welfare_funds_vnd", amount, year=2024)])]
    amount = rand_money(r, 600, 12000)
    return [Sentence(f"Tổng kinh phí huy động cho các hoạt động đền ơn đáp nghĩa, an sinh xã hội đạt "
                     f"{money(amount)}.", [plant("welfare_funds_vnd", amount, year=year)])]


def s_houses(c: Ctx, year: int | None) -> Sentence:
    r = c.rng
    variant = r.randrange(4) if not c.border else r.choice([0, 1, 4])
    houses = r.randint(6, 180)
    if variant == 0:
        return Sentence(f"Mặt trận và các đoàn thể đã bàn giao {houses} căn nhà đại đoàn kết cho hộ nghèo, "
                        "hộ cận nghèo.", [plant("houses_built", houses, year=year)])
    if variant == 1:
        return Sentence(f"Đảng bộ đã hỗ trợ xây mới, sửa chữa {houses} nhà tình nghĩa, nhà đại đoàn kết cho "
                        "các gia đình chính sách.", [plant("houses_built", houses, year=year)])
    if variant == 2:
        plan = houses + r.randint(0, 40)
        return Sentence(f"Chương trình xóa nhà tạm, nhà dột nát đã hoàn thành {houses}/{plan} căn, số còn lại "
                        "đang được đẩy nhanh tiến độ.",
                        [plant("houses_built", houses, denominator=plan, year=year),
                         plant("houses_built", plan, "target", year=year)])
    if variant == 3:
        return Sentence(f"Đến nay, địa phương đã xóa {houses} căn nhà tạm, nhà dột nát cho người dân.",
                        [plant("houses_built", houses, year=year)])
    plan = r.randint(20, 40)
    done = plan + r.randint(2, 8)
    cost = rand_money(r, 900, 2400)
    return Sentence(
        f"Đảng ủy đã xây dựng và bàn giao {done}/{plan} “Mái ấm biên cương” cho các hộ nghèo khu vực biên giới "
        f"với tổng kinh phí {money(cost)}.",
        [plant("houses_built", done, denominator=plan, year=year), plant("houses_built", plan, "target", year=year),
         plant("welfare_funds_vnd", cost, year=year)])


def s_targets_met(c: Ctx, year: int | None) -> Sentence:
    r = c.rng
    total = r.randint(7, 22)
    met = total - r.randint(0, 3)
    variant = r.randrange(4)
    if variant == 0:
        text = f"Kết quả, có {met}/{total} chỉ tiêu chủ yếu đã đạt và vượt so với nghị quyết đề ra."
    elif variant == 1:
        text = f"Đảng bộ đã thực hiện đạt và vượt {met}/{total} chỉ tiêu của nghị quyết đại hội."
    elif variant == 2:
        text = f"Có {met} trên tổng số {total} chỉ tiêu nghị quyết đại hội nhiệm kỳ 2020-2025 đạt và vượt."
    else:
        high = r.randint(2, max(2, met - 2))
        text = (f"Nhiệm kỳ qua, Đảng bộ hoàn thành {met}/{total} chỉ tiêu, trong đó {high} chỉ tiêu vượt cao so "
                "với kế hoạch.")
    return Sentence(text, [plant("targets_met", met, denominator=total, year=year)])


def s_congress_progress(c: Ctx) -> Sentence:
    r = c.rng
    total = r.randint(900, 3600)
    done = r.randint(15, 260)
    pct = round(done * 100 / total, 2)
    return Sentence(
        f"Đến nay, có {vn_int(done)}/{vn_int(total)} chi bộ trực thuộc đảng ủy cơ sở hoàn thành việc tổ chức đại "
        f"hội, đạt {vn_decimal(pct)}%.",
        [plant("other", done, denominator=total, optional=True),
         plant("other", pct, unit="percent", optional=True)])


def s_targets(c: Ctx, year: int | None) -> list[Sentence]:
    """Targets for the coming year or term; phrased the ways resolutions are quoted."""
    r = c.rng
    out = []
    org_t = pick(r, [85, 90, 90, 95])
    mem_t = pick(r, [85, 88, 90])
    exc_t = pick(r, [12, 15, 15, 20])
    rate_t = pick(r, [2, 2.5, 3, 3, 3.5])
    variant = r.randrange(3)
    when = f"Năm {year}" if year else "Nhiệm kỳ 2025-2030"
    if variant == 0:
        out.append(Sentence(
            f"{when}, Đảng bộ phấn đấu có {org_t}% trở lên tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ; "
            f"có từ {mem_t}% đảng viên trở lên hoàn thành tốt nhiệm vụ, trong đó {exc_t}% trở lên hoàn thành xuất "
            "sắc nhiệm vụ.",
            [plant("org_good_rate", org_t, "target", "at_least", year=year),
             plant("member_good_rate", mem_t, "target", "at_least", year=year),
             plant("member_excellent_rate", exc_t, "target", "at_least", year=year)]))
    elif variant == 1:
        out.append(Sentence(
            f"Mục tiêu đặt ra là hằng năm có trên {org_t}% TCCSĐ và trên {mem_t}% đảng viên được xếp loại "
            "hoàn thành tốt nhiệm vụ trở lên.",
            [plant("org_good_rate", org_t, "target", "over", year=year),
             plant("member_good_rate", mem_t, "target", "over", year=year)]))
    else:
        out.append(Sentence(
            f"Phấn đấu {org_t}% tổ chức cơ sở đảng và {mem_t}% đảng viên hoàn thành tốt nhiệm vụ trở lên.",
            [plant("org_good_rate", org_t, "target", year=year),
             plant("member_good_rate", mem_t, "target", year=year)]))
    if r.random() < 0.5:
        out.append(Sentence(
            f"Chỉ tiêu kết nạp đảng viên mới hằng năm đạt từ {vn_decimal(rate_t)}% trở lên so với tổng số đảng "
            "viên đầu năm.", [plant("new_members_rate", rate_t, "target", "at_least", year=year)]))
    else:
        n = r.randint(60, 420)
        out.append(Sentence(f"Toàn Đảng bộ phấn đấu kết nạp trên {n} đảng viên mới, xóa thôn, tổ dân phố "
                            "chưa có đảng viên.",
                            [plant("new_members", n, "target", "over", year=year)]))
    if r.random() < 0.3:
        out.append(Sentence("Đồng thời hạn chế tỷ lệ đảng viên không hoàn thành nhiệm vụ dưới 1%."))
    return out


# ---------------------------------------------------------------- filler text (no indicators)

EDUCATION = [
    "Công tác giáo dục chính trị, tư tưởng được quan tâm; việc học tập, quán triệt các chỉ thị, nghị quyết "
    "của Đảng được tổ chức nghiêm túc, bảo đảm về thời gian và chất lượng.",
    "Cấp ủy các cấp đã bám sát nghị quyết đại hội, ban hành chương trình, kế hoạch công tác sát với thực tiễn; "
    "chất lượng sinh hoạt chi bộ có chuyển biến rõ nét, nội dung sinh hoạt chuyên đề phong phú hơn.",
    "Việc đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với thực hiện Nghị quyết "
    "Trung ương 4 về xây dựng, chỉnh đốn Đảng tiếp tục đi vào chiều sâu, tạo sức lan tỏa trong cán bộ, "
    "đảng viên và Nhân dân.",
    "Các cấp ủy chú trọng nắm bắt tâm tư, nguyện vọng của cán bộ, đảng viên; kịp thời định hướng thông tin, "
    "đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng.",
    "Công tác sắp xếp tổ chức bộ máy theo tinh thần Nghị quyết số 18-NQ/TW được triển khai khẩn trương, đúng lộ "
    "trình; tư tưởng cán bộ, đảng viên cơ bản ổn định.",
]
LIMITS = [
    "Tuy nhiên, hội nghị cũng chỉ ra một số hạn chế: chất lượng sinh hoạt ở một số chi bộ chưa cao; công tác "
    "tạo nguồn phát triển đảng viên ở vùng sâu, vùng xa còn khó khăn do thanh niên đi làm ăn xa.",
    "Bên cạnh kết quả đạt được, việc cụ thể hóa nghị quyết ở một vài cơ sở còn chậm; năng lực tham mưu của "
    "một bộ phận cán bộ chưa đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
    "Một số tổ chức đảng chưa phát huy hết vai trò hạt nhân chính trị; công tác kiểm tra, giám sát ở cơ sở "
    "có lúc chưa thường xuyên, chưa phát hiện sớm sai phạm.",
]
CLOSINGS = [
    "Phát biểu chỉ đạo, đồng chí {leader} ghi nhận những kết quả {subject} đạt được, đồng thời đề nghị cấp ủy "
    "các cấp tiếp tục đổi mới phương thức lãnh đạo, nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức "
    "cơ sở đảng.",
    "Kết luận hội nghị, đồng chí {secretary} - Bí thư {unit_party} yêu cầu các chi, đảng bộ trực thuộc phát huy "
    "tinh thần đoàn kết, quyết tâm hoàn thành thắng lợi các mục tiêu, nhiệm vụ đã đề ra.",
    "Đồng chí {leader} đề nghị {subject} quan tâm hơn nữa đến công tác tạo nguồn, phát triển đảng viên, nhất "
    "là trong các doanh nghiệp ngoài khu vực nhà nước; tăng cường kiểm tra, giám sát, kịp thời chấn chỉnh "
    "những biểu hiện né tránh, đùn đẩy trách nhiệm.",
]
AWARD = [
    "Dịp này, Ban Thường vụ {unit_party} đã tặng giấy khen cho các tập thể, cá nhân có thành tích xuất sắc "
    "trong thực hiện nhiệm vụ năm {year}.",
    "Nhân dịp này, nhiều tổ chức đảng và đảng viên hoàn thành xuất sắc nhiệm vụ tiêu biểu đã được khen thưởng.",
]


def _fill(template: str, c: Ctx, year: int | None = None) -> str:
    return template.format(leader=f"{c.leader[0]} - {c.leader[1]}", subject=c.subject, secretary=c.secretary,
                           unit_party=f"{'Đảng ủy' if c.unit.startswith('Khối') else _committee(c.unit)}",
                           year=year or c.when.year)


def _committee(unit: str) -> str:
    """'huyện Chư Păh' -> 'Huyện ủy Chư Păh', 'thị xã An Khê' -> 'Thị ủy An Khê', 'TP. Pleiku' -> 'Thành ủy Pleiku'."""
    for prefix, name in (("huyện ", "Huyện ủy "), ("thị xã ", "Thị ủy "), ("thành phố ", "Thành ủy "),
                         ("TP. ", "Thành ủy "), ("TP ", "Thành ủy ")):
        if unit.startswith(prefix):
            return name + unit[len(prefix):]
    return "Đảng ủy " + unit


def _join(sentences: list[Sentence]) -> tuple[str, list[Planted]]:
    return " ".join(s.text for s in sentences), [p for s in sentences for p in s.planted]


class _Builder:
    def __init__(self) -> None:
        self.blocks: list = []
        self.planted: list[Planted] = []

    def para(self, *items: Sentence | str) -> None:
        sentences = [Sentence(i) if isinstance(i, str) else i for i in items]
        text, planted = _join(sentences)
        self.blocks.append(text)
        self.planted.extend(planted)

    def figure(self, image: str, caption: str) -> None:
        self.blocks.append(Figure(image, caption))


def _photo(c: Ctx, what: str) -> str:
    return f"{what}. Ảnh: {c.photographer}"


# ---------------------------------------------------------------- story writers


def year_end_review(c: Ctx) -> Story:
    r = c.rng
    year = c.when.year if c.when.month >= 11 else c.when.year - 1
    b = _Builder()
    opening = (f"{c.moment()}, {c.subject} tổ chức hội nghị tổng kết công tác xây dựng Đảng năm {year}, triển khai "
               f"nhiệm vụ năm {year + 1}. Đồng chí {c.leader[0]} - {c.leader[1]} dự và chỉ đạo hội nghị.")
    sapo = opening
    edu = r.sample(EDUCATION, 2)
    b.para(s_size(c, year), edu[0])
    b.figure(f"hoi-nghi-tong-ket-{year}.jpg", _photo(c, f"Quang cảnh hội nghị tổng kết công tác xây dựng Đảng năm {year}"))
    b.para(edu[1], s_org_rating(c, year), s_member_rating(c, year))
    b.para(s_new_members(c, year), s_discipline(c, year))
    if r.random() < 0.6:
        ws = s_welfare(c, year)
        b.para("Công tác dân vận, an sinh xã hội được chú trọng.", *ws, s_houses(c, year))
    b.para(pick(r, LIMITS))
    b.para("Hội nghị đã thảo luận, thống nhất các chỉ tiêu, nhiệm vụ, giải pháp trọng tâm năm tới.",
           *s_targets(c, year + 1))
    b.figure("lanh-dao-phat-bieu.jpg", _photo(c, f"Đồng chí {c.leader[0]} phát biểu chỉ đạo hội nghị"))
    b.para(_fill(pick(r, CLOSINGS), c))
    if r.random() < 0.6:
        b.para(_fill(pick(r, AWARD), c, year))
    good = next((p for p in b.planted if p.metric == "org_good_rate" and p.kind == "actual"), None)
    titles = [
        f"{c.subject}: Tổng kết công tác xây dựng Đảng năm {year}",
        f"{c.unit_cap} triển khai nhiệm vụ xây dựng Đảng năm {year + 1}",
        f"Nâng cao chất lượng tổ chức cơ sở đảng ở {c.unit}",
    ]
    if good and good.qualifier == "exact":
        titles.append(f"{c.unit_cap}: {vn_decimal(good.value)}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên")
    return Story("year_end_review", pick(r, titles), sapo, b.blocks, b.planted, "xay-dung-dang",
                 ["xây dựng Đảng", c.unit_cap, f"tổng kết năm {year}"], c.author)


def mid_year_review(c: Ctx) -> Story:
    r = c.rng
    year = c.when.year
    b = _Builder()
    organiser = pick(r, [f"Ban Tổ chức {_committee(c.unit)}", c.subject, f"Ban Thường vụ {_committee(c.unit)}"])
    sapo = (f"{c.moment()}, {organiser} tổ chức hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm và triển "
            f"khai nhiệm vụ 6 tháng cuối năm {year}.")
    b.para(f"Tham dự hội nghị có đại diện lãnh đạo các ban xây dựng Đảng, bí thư các chi, đảng bộ trực thuộc. "
           f"Đồng chí {c.secretary} chủ trì hội nghị.")
    b.para(*r.sample(EDUCATION, 2))
    b.para(s_new_members(c, year, period="half"), s_discipline(c, year))
    b.figure("so-ket-6-thang.jpg", _photo(c, "Các đại biểu dự hội nghị sơ kết"))
    if r.random() < 0.5:
        b.para("Công tác chuẩn bị đại hội đảng bộ các cấp được triển khai chặt chẽ.", s_congress_progress(c))
    b.para(*s_welfare(c, year), s_houses(c, year))
    b.para(pick(r, LIMITS))
    b.para(_fill(pick(r, CLOSINGS), c))
    titles = [
        f"{c.unit_cap} sơ kết công tác xây dựng Đảng 6 tháng đầu năm {year}",
        f"Công tác xây dựng Đảng 6 tháng đầu năm ở {c.unit} có nhiều chuyển biến",
        f"{organiser}: Triển khai nhiệm vụ 6 tháng cuối năm {year}",
    ]
    return Story("mid_year_review", pick(r, titles), sapo, b.blocks, b.planted, "xay-dung-dang",
                 ["sơ kết 6 tháng", "công tác tổ chức xây dựng Đảng"], c.author)


ROMAN = ["XIX", "XX", "XXI", "XXII", "XXIII", "XXIV"]


def congress(c: Ctx) -> Story:
    r = c.rng
    b = _Builder()
    number = pick(r, ROMAN)
    near = c.extra.setdefault("total", r.randint(1800, 9800)) // 100 * 100 + 100
    opening = Sentence(
        f"{c.moment()}, {c.subject} long trọng khai mạc Đại hội đại biểu lần thứ {number}, nhiệm kỳ 2025-2030 với "
        f"sự tham dự của các đại biểu chính thức đại diện cho gần {vn_int(near)} đảng viên toàn Đảng bộ.",
        [plant("total_members", near, qualifier="approx", year=2025)])
    sapo = opening.text
    b.planted.extend(opening.planted)
    b.para(f"Dự đại hội có đồng chí {c.leader[0]} - {c.leader[1]}.", pick(r, EDUCATION))
    b.para("Báo cáo chính trị trình đại hội nêu rõ, nhiệm kỳ 2020-2025 diễn ra trong bối cảnh có nhiều khó khăn, "
           "thách thức, song Đảng bộ đã đoàn kết, nỗ lực vượt qua.", s_targets_met(c, None))
    orgs = s_org_rating(c, 2024)
    b.para("Công tác xây dựng Đảng được chú trọng, tổ chức cơ sở đảng ngày càng vững mạnh.", orgs,
           s_member_rating(c, 2024))
    b.figure("dai-hoi-nhiem-ky-2025-2030.jpg", _photo(c, "Các đại biểu biểu quyết thông qua chương trình đại hội"))
    b.para(s_new_members(c, None, period="term"), *s_welfare(c, None))
    b.para("Đại hội xác định phương hướng, mục tiêu nhiệm kỳ 2025-2030 với nhiều chỉ tiêu quan trọng.",
           *s_targets(c, None))
    b.para(_fill(pick(r, CLOSINGS), c))
    b.para(f"Đại hội đã bầu Ban Chấp hành {c.subject} nhiệm kỳ 2025-2030; đồng chí {c.secretary} được tín nhiệm "
           "bầu giữ chức Bí thư.")
    met = next(p for p in b.planted if p.metric == "targets_met")
    titles = [
        f"Đại hội đại biểu {c.subject} lần thứ {number}, nhiệm kỳ 2025-2030",
        f"{c.subject} đạt và vượt {int(met.value)}/{int(met.denominator)} chỉ tiêu nghị quyết nhiệm kỳ 2020-2025",
        f"{c.unit_cap}: Đoàn kết, đổi mới, phát triển nhanh và bền vững",
    ]
    # the term's achievements are not about one year
    for p in b.planted:
        if p.kind != "target" and p.metric in {"targets_met", "new_members", "new_members_plan_pct",
                                               "welfare_funds_vnd", "total_members"}:
            p.year = None
    return Story("congress", pick(r, titles), sapo, b.blocks, b.planted, "xay-dung-dang",
                 ["đại hội đảng bộ", "nhiệm kỳ 2025-2030", c.unit_cap], c.author)


def admissions(c: Ctx) -> Story:
    r = c.rng
    year = c.when.year
    b = _Builder()
    place = pick(r, ["vùng đồng bào dân tộc thiểu số", "doanh nghiệp ngoài nhà nước", "thôn, tổ dân phố",
                     "lực lượng đoàn viên thanh niên"])
    sapo = (f"Xác định phát triển đảng viên là nhiệm vụ thường xuyên, quan trọng, thời gian qua {c.subject} đã có "
            f"nhiều cách làm linh hoạt để tạo nguồn, kết nạp đảng viên trong {place}.")
    b.para(f"Theo đồng chí {c.secretary} - Bí thư {_committee(c.unit)}, khó khăn lớn nhất là nguồn quần chúng ưu tú "
           "thường xuyên biến động, nhiều thanh niên đi làm ăn xa.",
           "Vì vậy, cấp ủy giao đảng viên trực tiếp theo dõi, giúp đỡ từng quần chúng ngay từ khi còn là đoàn viên.")
    b.para(s_size(c, year), s_new_members(c, year))
    b.figure("ket-nap-dang-vien.jpg", _photo(c, "Lễ kết nạp đảng viên mới tại chi bộ thôn"))
    b.para(s_new_members(c, year) if r.random() < 0.4 else pick(r, EDUCATION),
           "Nhiều chi bộ đã xóa được tình trạng 2-3 năm liền không kết nạp được đảng viên.")
    b.para("Thời gian tới, địa phương tiếp tục rà soát nguồn, gắn công tác phát triển đảng viên với xây dựng "
           "chi bộ vững mạnh.", *s_targets(c, year)[1:])
    titles = [
        f"Chú trọng phát triển đảng viên trong {place}",
        f"{c.unit_cap}: Nâng cao chất lượng công tác kết nạp đảng viên",
        f"Tạo nguồn phát triển đảng viên ở {c.unit}",
    ]
    return Story("admissions", pick(r, titles), sapo, b.blocks, b.planted, "xay-dung-dang",
                 ["phát triển đảng viên", c.unit_cap], c.author)


def discipline(c: Ctx) -> Story:
    r = c.rng
    year = c.when.year if c.when.month >= 7 else c.when.year - 1
    b = _Builder()
    sapo = (f"Năm {year}, Ủy ban Kiểm tra {_committee(c.unit)} đã tham mưu thực hiện toàn diện các nhiệm vụ kiểm "
            "tra, giám sát theo Điều lệ Đảng, góp phần giữ vững kỷ cương, kỷ luật trong Đảng bộ.")
    b.para(s_inspection(c), "Nội dung kiểm tra tập trung vào những lĩnh vực nhạy cảm, dễ phát sinh vi phạm như "
           "quản lý đất đai, tài chính, đầu tư công.")
    b.para(s_discipline(c, year))
    b.figure("uy-ban-kiem-tra.jpg", _photo(c, "Đoàn kiểm tra làm việc với chi bộ cơ sở"))
    b.para(s_discipline(c, year) if r.random() < 0.5 else
           "Việc thi hành kỷ luật bảo đảm đúng nguyên tắc, thủ tục, có tác dụng giáo dục, răn đe.", pick(r, LIMITS))
    b.para(_fill(pick(r, CLOSINGS), c))
    titles = [
        f"Siết chặt kỷ cương qua công tác kiểm tra, giám sát ở {c.unit}",
        f"Ủy ban Kiểm tra {_committee(c.unit)}: Nâng cao hiệu quả kiểm tra, giám sát",
        f"{c.unit_cap}: Kiểm tra, giám sát góp phần làm trong sạch tổ chức đảng",
    ]
    return Story("discipline", pick(r, titles), sapo, b.blocks, b.planted, "xay-dung-dang",
                 ["kiểm tra giám sát", "kỷ luật đảng"], c.author)


def housing(c: Ctx) -> Story:
    r = c.rng
    year = c.when.year
    b = _Builder()
    sapo = (f"Thực hiện phong trào thi đua chung tay xóa nhà tạm, nhà dột nát, cấp ủy, chính quyền {c.unit} đã huy "
            "động sức mạnh của cả hệ thống chính trị, giúp nhiều hộ nghèo an cư.")
    b.para(f"{c.moment()}, {c.subject} phối hợp Ủy ban MTTQ Việt Nam {c.unit} tổ chức bàn giao nhà cho các hộ "
           "nghèo trên địa bàn.", s_houses(c, year))
    b.figure("ban-giao-nha.jpg", _photo(c, "Đại diện lãnh đạo địa phương trao quyết định bàn giao nhà cho hộ nghèo"))
    b.para(*s_welfare(c, year))
    b.para(s_houses(c, year) if r.random() < 0.6 else "Nhiều đơn vị đã cử lực lượng ngày công hỗ trợ vận chuyển "
           "vật liệu, giúp các hộ sớm hoàn thiện nhà trước mùa mưa.",
           "Đảng viên ở các chi bộ thôn gương mẫu hiến đất, góp ngày công giúp các hộ khó khăn.")
    b.para(_fill(pick(r, CLOSINGS[2:] + CLOSINGS[:1]), c))
    titles = [
        f"{c.unit_cap}: Chung tay xóa nhà tạm, nhà dột nát",
        "Mái ấm cho hộ nghèo từ sự chung tay của cán bộ, đảng viên",
        f"Bàn giao nhà đại đoàn kết cho hộ nghèo ở {c.unit}",
    ]
    return Story("housing", pick(r, titles), sapo, b.blocks, b.planted, "xay-dung-dang",
                 ["xóa nhà tạm", "an sinh xã hội", "nhà đại đoàn kết"], c.author)


def bloc_term_review(c: Ctx) -> Story:
    r = c.rng
    year = c.when.year
    b = _Builder()
    sapo = (f"Ban Thường vụ Tỉnh ủy vừa có buổi làm việc với Ban Thường vụ {c.subject} về tình hình thực hiện "
            "nghị quyết đại hội nhiệm kỳ 2020-2025 và nhiệm vụ trọng tâm thời gian tới.")
    b.para(f"Theo báo cáo, từ đầu nhiệm kỳ đến nay, Ban Thường vụ {_fill('{unit_party}', c)} đã bám sát nghị quyết "
           "đại hội, lãnh đạo triển khai nhiều chương trình, kế hoạch cụ thể.", s_targets_met(c, None))
    b.para("Trong đó,", s_units(c, None), s_org_rating(c, year - 1, target=True), s_member_rating(c, year - 1))
    b.figure("buoi-lam-viec.jpg", _photo(c, f"Đồng chí {c.leader[0]} phát biểu kết luận buổi làm việc"))
    b.para(*s_welfare(c, None), s_houses(c, None))
    b.para(pick(r, LIMITS), "Vẫn còn 2 chỉ tiêu chưa đạt là tỷ lệ cơ quan đạt chuẩn văn hóa và tỷ lệ đảng viên "
           "đạt gia đình văn hóa.")
    b.para(_fill(pick(r, CLOSINGS), c))
    for p in b.planted:
        if p.metric in {"targets_met", "units_good_rate"}:
            p.year = None
    titles = [
        f"{c.subject}: Quyết tâm hoàn thành các chỉ tiêu nghị quyết đại hội",
        f"Ban Thường vụ Tỉnh ủy làm việc với {c.subject}",
    ]
    return Story("bloc_term_review", pick(r, titles), sapo, b.blocks, b.planted, "xay-dung-dang",
                 ["Ban Thường vụ Tỉnh ủy", c.subject], c.author)


WRITERS = {
    "year_end_review": year_end_review,
    "mid_year_review": mid_year_review,
    "congress": congress,
    "admissions": admissions,
    "discipline": discipline,
    "housing": housing,
    "bloc_term_review": bloc_term_review,
}


def kind_for(when: datetime, rng: random.Random, unit: str) -> str:
    """The report a paper would plausibly run in that month for that unit."""
    if unit.startswith("Khối") and rng.random() < 0.7:
        return "bloc_term_review"
    if when.month in (12, 1) or (when.month == 2 and when.day < 10):
        return "year_end_review"
    if when.month in (7, 8):
        return pick(rng, ["mid_year_review", "mid_year_review", "housing"])
    if when.year == 2025 and 4 <= when.month <= 6:
        return pick(rng, ["congress", "congress", "housing", "admissions"])
    return pick(rng, ["admissions", "discipline", "housing", "discipline", "admissions"])
