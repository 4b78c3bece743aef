"""Classes of phrasing that real provincial papers use, each in sentences written here (never copied
from the corpus): lists of units, parts that are not wholes, abbreviations, comparisons, names that
contain an economic word, suspensions and findings that are not discipline."""

from __future__ import annotations

from datetime import date

import pytest

from indicators.extract import extract


def records(text: str) -> list[tuple[str, float, str]]:
    """(metric, value, kind) of every figure the extractor reads as a core metric, in order."""
    return [(r.metric, r.value, r.kind) for r in extract(text) if r.metric != "other"]


def test_items_of_a_list_take_the_reading_of_the_first_item_and_name_their_unit():
    text = ("Năm 2024, Đảng bộ huyện Hòa Tây kết nạp 64 đảng viên, xã Bình Sơn 12 đảng viên, "
            "thị trấn Phú Lộc 9; Đảng bộ Công an huyện 12.")
    got = extract(text)
    assert [(r.metric, r.value) for r in got] == [("new_members", 64), ("new_members", 12),
                                                   ("new_members", 9), ("new_members", 12)]
    # two units with the same figure are two facts, each with its own unit
    assert [r.subject for r in got][1:] == ["xã Bình Sơn", "thị trấn Phú Lộc", "Đảng bộ Công an huyện"]


def test_a_target_list_stays_a_target_and_a_list_of_shares_stays_shares():
    assert records("Cụ thể: thành phố Tân An chỉ tiêu phát triển 90 đảng viên mới; Hòa Mỹ 40; Sông Cầu 35.") == [
        ("new_members", 90, "target"), ("new_members", 40, "target"), ("new_members", 35, "target")]
    assert records("Có 3 đảng bộ kết nạp đảng viên đạt từ 90% trở lên (Đảng bộ huyện Long Khê đạt 96,5%, "
                   "Đảng bộ Quân sự tỉnh đạt 91%).") == [
        ("new_members_plan_pct", 90, "actual"), ("new_members_plan_pct", 96.5, "actual"),
        ("new_members_plan_pct", 91, "actual")]


def test_ratios_of_a_list_are_not_dates():
    got = records("Các đảng bộ kết nạp cao so với chỉ tiêu là Tân Hòa 15/13, Phú Xuân 9/8.")
    assert ("new_members", 9, "actual") in got and ("new_members", 8, "target") in got


def test_a_breakdown_in_the_next_sentence_continues_the_figure_before_it():
    text = "Toàn tỉnh kết nạp được 410 đảng viên mới. Trong đó, Đông Hải 52 đảng viên, Tây Sơn 48, Bắc Hà 30."
    assert [v for m, v, _ in records(text) if m == "new_members"] == [410, 52, 48, 30]


def test_a_sentence_that_is_not_a_list_is_not_read_as_one():
    # a rating breakdown after admissions: its counts are no admissions
    text = "Trong năm đã kết nạp 9 đảng viên mới, Kết quả đánh giá đảng viên: 30 đảng viên HTXSNV, chiếm 12%."
    assert [(m, v) for m, v, _ in records(text)] == [("new_members", 9), ("member_excellent_rate", 12)]


@pytest.mark.parametrize("text", [
    "Trong số các đảng viên mới kết nạp có 75 đảng viên nữ.",
    "Có 420 đảng viên miễn đánh giá, 31 đảng viên chưa đánh giá.",
    "Đảng bộ có 2.310 đảng viên được đánh giá chất lượng.",
    "Đại hội bầu Ban Chấp hành Đảng bộ xã nhiệm kỳ 2025-2030 gồm 15 đồng chí.",
    "Các tổ chức đảng đã đình chỉ sinh hoạt 4 đồng chí.",
    "Ủy ban Kiểm tra đã kiểm tra khi có dấu hiệu vi phạm đối với 18 đảng viên.",
    "Cấp ủy giải quyết khiếu nại kỷ luật đảng 6 đảng viên.",
    "Có 12 tổ chức cơ sở đảng thực hiện vượt chỉ tiêu như: Tân Phú, Bình Lợi.",
])
def test_a_part_a_committee_or_an_inspection_is_never_a_total_or_a_discipline(text):
    assert records(text) == []


def test_a_whole_membership_is_still_a_total():
    assert records("Hiện nay, Đảng bộ xã có 415 đảng viên, sinh hoạt tại 21 chi bộ.") == [("total_members", 415, "actual")]
    assert records("Kết nạp 37 đảng viên, nâng tổng số đảng viên toàn Đảng bộ huyện lên 5.012.") == [
        ("new_members", 37, "actual"), ("total_members", 5012, "actual")]
    assert records("Đảng bộ có 31 tổ chức cơ sở Đảng và 160 chi bộ trực thuộc.") == [("org_count", 31, "actual")]


def test_who_a_verb_acts_on_and_what_happens_later_in_the_clause():
    assert records("Cấp ủy đã xóa tên, cho ra khỏi đảng đối với 14 đồng chí.") == [("removed_members", 14, "actual")]
    assert records("Có 96 đảng viên sinh hoạt tại các chi bộ của huyện bị thi hành kỷ luật.") == [
        ("disciplined_members", 96, "actual")]
    assert records("Đã thi hành kỷ luật bằng hình thức khiển trách đối với 2 tổ chức đảng và 40 đảng viên.") == [
        ("disciplined_members", 40, "actual")]


def test_abbreviations_and_the_eth_are_read_as_the_words_they_stand_for():
    assert records("Đảng bộ huyện Cao Phong kết nạp 118 ĐV (đạt 107% kế hoạch).") == [
        ("new_members", 118, "actual"), ("new_members_plan_pct", 107, "actual")]
    assert records("1.540 ĐV (chiếm 90,2%) hoàn thành tốt nhiệm vụ.") == [("member_good_rate", 90.2, "actual")]
    assert records("Kết nạp 20 đảng viên, nâng tổng số toàn Ðảng bộ lên 2.140 đảng viên.")[-1] == (
        "total_members", 2140, "actual")


def test_shares_of_the_admitted_and_rating_shares():
    # a share of the admitted who are pupils is no admission rate
    assert records("Trong số đảng viên mới, có 40 đảng viên là học sinh, chiếm tỷ lệ 6,7% so với tổng số "
                   "đảng viên được kết nạp.") == []
    assert records("Đảng viên đủ tư cách hoàn thành xuất sắc nhiệm vụ chiếm 15% tổng số đảng viên được đánh giá.") == [
        ("member_excellent_rate", 15, "actual")]
    assert records("Số đảng viên hoàn thành tốt nhiệm vụ chiếm 70,5%, số đảng viên hoàn thành xuất sắc nhiệm vụ "
                   "chiếm 18,2%.") == [("member_good_rate", 70.5, "actual"), ("member_excellent_rate", 18.2, "actual")]


def test_admissions_against_the_membership_in_a_sentence_that_says_so():
    text = ("Tính theo số đảng viên được kết nạp so với tổng số đảng viên cuối năm trước thì Đảng bộ huyện A đạt tỷ lệ "
            "phát triển Đảng cao nhất, với 120 đảng viên, bằng 7,5%; Đảng bộ huyện B kết nạp được 80 đảng viên, "
            "bằng 5,1%.")
    assert records(text) == [("new_members", 120, "actual"), ("new_members_rate", 7.5, "actual"),
                             ("new_members", 80, "actual"), ("new_members_rate", 5.1, "actual")]


def test_people_prepared_for_admission_are_not_admitted():
    assert records("Đảng ủy mở 2 lớp bồi dưỡng cho đối tượng kết nạp Đảng có 150 quần chúng tham gia.") == []


def test_an_economic_word_inside_a_name_does_not_make_welfare_money_economic():
    assert records("Mặt trận huyện Đô Lương phát động các xã ủng hộ Quỹ vì người nghèo với tổng số tiền "
                   "640 triệu đồng.") == [("welfare_funds_vnd", 640_000_000, "actual")]
    # the same word written as a common noun still marks an economic figure
    assert records("Tiền lương bình quân đạt 9 triệu đồng.") == []


def test_raised_totals_and_delegates_speak_for_the_whole_membership():
    assert records("Kết nạp 15 đảng viên, nâng tổng số toàn Đảng bộ lên 1.870 đảng viên.")[-1] == (
        "total_members", 1870, "actual")
    assert records("Kết nạp 9 đảng viên, nâng tổng số đảng viên toàn đảng bộ lên con số 912.")[-1] == (
        "total_members", 912, "actual")
    assert records("Dự Đại hội có 95 đại biểu đại diện cho hơn 400 đảng viên trong toàn Đảng bộ xã.") == [
        ("total_members", 400, "actual")]


def test_an_economic_word_after_the_next_comma_belongs_to_the_next_figure():
    text = ("Tổng kinh phí 90 tỷ đồng (trong đó, Quỹ Vì người nghèo tỉnh phân bổ 31,5 tỷ đồng, ngân sách tỉnh "
            "phân bổ 58,5 tỷ đồng).")
    assert ("welfare_funds_vnd", 31_500_000_000, "actual") in records(text)
    assert all(v != 58_500_000_000 for _, v, _ in records(text))


def test_two_units_with_the_same_share_are_two_facts_and_over_is_not_exact():
    text = ("Có 3 đảng bộ kết nạp đạt trên 40% chỉ tiêu: Đảng bộ Công an tỉnh kết nạp 9 ĐV mới, đạt 40%; "
            "Đảng bộ Quân sự tỉnh kết nạp 6 ĐV mới, đạt 40%.")
    got = [(r.metric, r.value, r.qualifier, r.subject) for r in extract(text) if r.metric == "new_members_plan_pct"]
    assert got[0][:3] == ("new_members_plan_pct", 40, "over")
    assert got[1:] == [("new_members_plan_pct", 40, "exact", "Đảng bộ Công an tỉnh"),
                       ("new_members_plan_pct", 40, "exact", "Đảng bộ Quân sự tỉnh")]


def test_proposed_or_upheld_removals_and_a_breakdown_of_organisations_are_not_counted():
    assert records("Ủy ban Kiểm tra đề nghị Bộ Chính trị khai trừ khỏi Đảng đối với 3 trường hợp.") == []
    assert records("Quyết định giữ nguyên hình thức khai trừ khỏi Đảng đối với 2 trường hợp.") == []
    assert records("Toàn Đảng bộ có 640 tổ chức cơ sở đảng, trong đó có 210 đảng bộ cơ sở.") == [
        ("org_count", 640, "actual")]


def test_a_rating_share_written_with_xep_loai():
    assert records("Có 540 TCCSĐ hoàn thành tốt nhiệm vụ, đạt 90,1%, trong đó có 21,4% xếp loại hoàn thành xuất "
                   "sắc nhiệm vụ.") == [("org_good_rate", 90.1, "actual"), ("org_excellent_rate", 21.4, "actual")]


def test_the_year_of_a_figure_from_the_end_of_its_period_and_of_a_stock_from_the_article():
    years = {r.value: r.year for r in extract("Tính đến ngày 30/9/2021, toàn Đảng bộ kết nạp được 512 đảng viên.")}
    assert years[512] == 2021
    # a January article reports on the year before, but what the Party body has, it has on the article's day
    text = "date 2024-01\nTổng kết công tác năm 2023, Đảng bộ kết nạp 95 đảng viên. Đảng bộ hiện có 3.120 đảng viên."
    years = {r.value: r.year for r in extract(text)}
    assert years[95] == 2023 and years[3120] == 2024
    assert {r.value: r.year for r in extract("date 2009-03\nNăm ngoái, ủy ban kiểm tra đã thi hành kỷ luật "
                                             "57 đảng viên.")}[57] == 2008


def test_what_a_resolution_asks_and_what_will_be_done_are_targets():
    assert records("Đảng viên hoàn thành tốt nhiệm vụ đạt 92,4%, theo Nghị quyết 90% trở lên.") == [
        ("member_good_rate", 92.4, "actual"), ("member_good_rate", 90, "target")]
    assert records("Năm 2026, Đảng ủy Khối sẽ kết nạp mới 120 đảng viên.") == [("new_members", 120, "target")]
    assert records("Toàn tỉnh phấn đấu vận động ủng hộ Quỹ vì người nghèo 12 tỷ đồng (trong đó cấp tỉnh 4 tỷ "
                   "đồng).") == [("welfare_funds_vnd", 12e9, "target"), ("welfare_funds_vnd", 4e9, "target")]
    # the membership raised by the year's admissions is a fact, whatever the share of the plan before it
    assert records("Huyện ủy kết nạp được 90 đảng viên, đạt 100% chỉ tiêu, nâng tổng số toàn Đảng bộ lên "
                   "2.450 đảng viên.")[-1] == ("total_members", 2450, "actual")


def _years(text: str) -> dict[float, int | None]:
    return {r.value: r.year for r in extract(text) if r.metric != "other"}


def test_the_article_s_own_date_is_the_one_with_a_time_beside_it():
    text = ("Dự báo thời tiết ngày 02/03/2023\n\nĐảng bộ Tân Hòa kết nạp 40 đảng viên\n\n14/11/2021 08:15\n\n"
            "Đảng bộ xã Tân Hòa hiện có 812 đảng viên sinh hoạt ở 21 chi bộ.")
    assert _years(text)[812] == 2021


@pytest.mark.parametrize(("text", "year"), [
    ("Trong 6 tháng đầu năm 2021, Đảng bộ Khối kết nạp 35 đảng viên. Đảng bộ Khối hiện có 1.240 đảng viên.", 2021),
    ("Từ đầu năm đến nay, Đảng bộ kết nạp 35 đảng viên, tăng 6 so với cùng kỳ năm 2020. Đảng bộ hiện có "
     "1.240 đảng viên.", 2021),
    ("Sáng 9/1, Huyện ủy tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2019, triển khai nhiệm vụ năm 2020. "
     "Đảng bộ huyện hiện có 1.240 đảng viên.", 2020),
    ("Chiều 29/12, Huyện ủy tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2019, triển khai nhiệm vụ năm "
     "2020. Đảng bộ huyện hiện có 1.240 đảng viên.", 2019),
    ("Ngày 12-6, Đảng bộ xã Phú Lâm tổ chức Đại hội đại biểu lần thứ XV, nhiệm kỳ 2020-2025. Các đại biểu đại "
     "diện cho 1.240 đảng viên trong toàn Đảng bộ.", 2020),
])
def test_a_text_without_a_dateline_dates_a_stock_by_the_period_it_reports(text, year):
    assert _years(text)[1240] == year


def test_a_stock_is_counted_at_the_date_its_paragraph_gives_and_a_raised_total_at_the_period_s_end():
    text = ("date 2015-02\nTính đến hết năm 2014, Đảng bộ tỉnh có 310 đảng bộ cơ sở. Tổng số đảng viên có hơn "
            "41 ngàn người.\n\nĐảng bộ tỉnh hiện có 3.900 chi bộ.")
    assert _years(text)[41000] == 2014
    text = "date 2015-01\nNăm 2014, Đảng bộ kết nạp 96 đảng viên, nâng tổng số đảng viên lên 2.130 đồng chí."
    assert _years(text) == {96: 2014, 2130: 2014}
    # the membership a share is taken of is dated, not the share
    text = ("Năm 2019, Đảng bộ sẽ kết nạp 120 đảng viên, bằng 4% số đảng viên cuối năm 2018. Quý I, Đảng bộ đã kết "
            "nạp 41 đảng viên mới, đạt 1,4% số đảng viên cuối năm trước.")
    assert _years(text)[41] == 2019


def test_ratings_take_the_year_assessed_and_targets_set_at_a_review_the_year_after():
    text = ("date 2019-04\nTính đến hết quý I/2019, Đảng bộ có 412 tổ chức cơ sở đảng.\n\nQua đánh giá, xếp loại "
            "năm 2018, có 88,5% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.\n\nĐảng viên hoàn thành xuất sắc "
            "nhiệm vụ chiếm 14,2%.")
    assert _years(text)[14.2] == 2018
    text = ("date 2020-01\nNăm 2019, huyện có 30/40 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ, chiếm 75%.\n\n"
            "Huyện phấn đấu 85% số tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.")
    assert _years(text)[85] == 2020


def test_money_written_short_or_glued_and_scales_that_are_other_words():
    assert records("Hội trao 120 suất quà cho hộ nghèo, trị giá 84,5trđ.") == [("welfare_funds_vnd", 84_500_000, "actual")]
    assert records("Các nhà hảo tâm ủng hộ 2,4tỷ đồng cho Quỹ Vì người nghèo.") == [
        ("welfare_funds_vnd", 2_400_000_000, "actual")]
    # "tỉnh" and "tỷ lệ" are no scales
    assert [(r.value, r.unit) for r in extract("Đoàn công tác làm việc với 7 tỉnh, 3 tỷ lệ được so sánh.")] == [
        (7, "count"), (3, "count")]


def test_a_donation_verb_before_the_amount_outweighs_an_economic_word_in_the_giver_s_name():
    assert records("Công ty Thương mại An Phú ủng hộ 40 triệu đồng, các Quỹ tín dụng nhân dân trên địa bàn ủng hộ "
                   "15 triệu đồng.") == [("welfare_funds_vnd", 40_000_000, "actual"),
                                         ("welfare_funds_vnd", 15_000_000, "actual")]
    assert records("Doanh nghiệp nộp thuế 60 tỷ đồng.") == []


def test_houses_finished_said_after_them_and_a_removal_combined_with_withdrawal():
    assert records("Toàn huyện có 310 nhà được khởi công; trong đó, 128 căn nhà đã hoàn thành, đưa vào sử dụng.") == [
        ("houses_built", 128, "actual")]
    assert records("Cấp ủy đã xóa tên và cho rút đối với 17 đảng viên; Ủy ban Kiểm tra đã kiến nghị xử lý 4 "
                   "đảng viên.") == [("removed_members", 17, "actual")]


def test_coordinated_rates_whose_first_noun_says_where_it_belongs():
    assert records("Có trên 95% tổ chức cơ sở đảng trực thuộc Đảng bộ tỉnh và 91% đảng viên hoàn thành tốt nhiệm vụ "
                   "trở lên.") == [("org_good_rate", 95, "actual"), ("member_good_rate", 91, "actual")]


def test_a_breakdown_named_by_example_continues_the_sentence_before_it():
    text = ("Năm 2023, 18 cơ quan, doanh nghiệp đã ủng hộ Quỹ vì người nghèo tổng số tiền 210 triệu đồng. Điển hình "
            "như: Ngân hàng Nông nghiệp huyện 30 triệu đồng, Trung tâm Y tế huyện 25 triệu đồng.")
    assert records(text) == [("welfare_funds_vnd", 210_000_000, "actual"), ("welfare_funds_vnd", 30_000_000, "actual"),
                             ("welfare_funds_vnd", 25_000_000, "actual")]


def test_the_cost_of_charity_houses_is_money_given():
    assert records("Năm 2024, Huyện đoàn xây 6 “Nhà khăn quàng đỏ” với tổng kinh phí gần 480 triệu đồng.") == [
        ("houses_built", 6, "actual"), ("welfare_funds_vnd", 480_000_000, "actual")]


def test_a_figure_summed_over_many_years_has_no_year_and_repairs_are_not_building():
    text = ("date 2019-10\nLũy kế từ khi phát động, Quỹ đã vận động được 412 tỷ đồng. Trong 6 năm qua, huyện hỗ trợ "
            "xây dựng 96 nhà đại đoàn kết. Từ đầu năm đến nay, huyện vận động được 3 tỷ đồng ủng hộ Quỹ.")
    assert _years(text) == {412e9: None, 96: None, 3e9: 2019}
    assert records("Năm 2020, huyện sữa chữa 12 nhà đại đoàn kết.") == []


def test_a_parenthesis_naming_the_resolution_or_the_plan_s_size_gives_the_target():
    assert records("Năm 2023, tỉ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên là 96,2% (Nghị quyết Đại hội Đảng bộ "
                   "huyện ít nhất đạt 95% trở lên).") == [("member_good_rate", 96.2, "actual"),
                                                          ("member_good_rate", 95, "target")]
    assert records("Năm 2023, Đảng bộ đã kết nạp 120 đảng viên, đạt 80% chỉ tiêu cả năm (150 đảng viên).") == [
        ("new_members", 120, "actual"), ("new_members_plan_pct", 80, "actual"), ("new_members", 150, "target")]
    # a part named in the parenthesis is no plan
    assert records("Năm 2023, Đảng bộ đã kết nạp 120 đảng viên, đạt 80% kế hoạch (trong đó 31 đảng viên nữ).") == [
        ("new_members", 120, "actual"), ("new_members_plan_pct", 80, "actual")]


def test_a_clause_about_a_part_of_the_members_is_no_total():
    text = ("Năm 2020, Đảng bộ xã có 310 đảng viên. Trong đó, có 96 đảng viên nữ, chiếm 31%; đảng viên dân tộc "
            "thiểu số có 142 đồng chí, chiếm 45,8%.")
    assert records(text) == [("total_members", 310, "actual")]


def test_a_list_of_admission_rates_goes_on_after_an_ellipsis():
    text = ("Tính theo tỷ lệ số đảng viên được kết nạp so với tổng số đảng viên cuối năm trước, Đảng bộ huyện Hòa "
            "Tây kết nạp được 120 đảng viên, bằng 5,1%; Đảng bộ huyện Sông Cầu kết nạp được 80 đảng viên, bằng "
            "4,2%... Đảng bộ thành phố Tân An kết nạp được 300 đảng viên, bằng 2,6%.")
    assert [v for m, v, _ in records(text) if m == "new_members_rate"] == [5.1, 4.2, 2.6]
    # a sentence that took no admissions over the membership passes nothing on
    assert records("Năm 2020, huyện kết nạp 120 đảng viên, đạt 95% kế hoạch. Xã Bình Sơn kết nạp được 30 đảng "
                   "viên, bằng 2,6%.") == [("new_members", 120, "actual"), ("new_members_plan_pct", 95, "actual"),
                                            ("new_members", 30, "actual")]


def test_a_total_after_the_verb_is_a_total_of_what_the_verb_did():
    assert records("Năm 2023, các chi bộ của xã Phú Lâm đã kết nạp được tổng số 46 đảng viên, đạt 115% kế hoạch.") == [
        ("new_members", 46, "actual"), ("new_members_plan_pct", 115, "actual")]
    assert records("Năm 2022, Ủy ban kiểm tra thi hành kỷ luật tổng cộng 9 đảng viên.") == [
        ("disciplined_members", 9, "actual")]
    # a total after a comma is still the membership
    assert records("Năm 2022, xã kết nạp 12 đảng viên, tổng số 410 đảng viên.") == [
        ("new_members", 12, "actual"), ("total_members", 410, "actual")]


def test_a_plan_to_admit_is_a_target():
    assert records("Huyện Hòa Bình ban hành kế hoạch kết nạp 150 đảng viên năm 2025") == [
        ("new_members", 150, "target")]


# "the past year" in January is the year just ended; in December, this one; in June it says nothing, and the
# figure takes the article's year as any undated figure does
@pytest.mark.parametrize(("dateline", "year"), [("08:10, 05/01/2019", 2018), ("09:30, 20/12/2019", 2019),
                                                ("10:00, 15/06/2019", 2019)])
def test_the_past_year_is_the_year_just_ended_in_a_review_of_january(dateline, year):
    text = f"{dateline}\n\nTrong năm qua, Đảng bộ xã Vĩnh Hòa kết nạp được 31 đảng viên mới."
    assert _years(text)[31] == year


def test_a_comparison_base_year_does_not_date_a_raised_total():
    text = ("Năm 2015, Đảng bộ xã đã kết nạp được 40 đảng viên mới, tăng 5,1% so tổng số đảng viên cuối năm 2014, "
            "nâng tổng số đảng viên toàn xã lên 820 người.")
    assert _years(text)[820] == 2015


@pytest.mark.parametrize("span", ["Trong 2 năm 2016-2017", "Trong 8 năm", "Những năm gần đây",
                                  "Từ đầu nhiệm kỳ 2020-2025 đến nay", "Năm 2017 và 9 tháng đầu năm 2018"])
def test_a_span_of_years_in_the_sentence_outweighs_the_paragraph_s_year(span):
    text = f"date 2018-10\nNăm 2018, xã Tân Phú tiếp tục chăm lo người nghèo. {span}, xã đã kết nạp được 75 đảng viên."
    assert _years(text)[75] is None


def test_a_headline_figure_takes_the_year_the_body_gives_it():
    text = ("Kết nạp thêm 320 đảng viên\n\n12/05/2014 10:20\n\nTrong 3 năm 2011-2013, Đảng bộ Khối doanh nghiệp "
            "tỉnh đã kết nạp được 320 đảng viên.")
    got = [(r.value, r.year) for r in extract(text) if r.metric == "new_members"]
    assert got == [(320, None)]


def test_dotted_days_and_months_are_dates_not_decimals():
    text = "Sáng 14.2, Huyện ủy Tân Lập kết nạp 18 đảng viên; đợt vận động (15.10 - 17.11.2022) thu 2,4 tỷ đồng ủng hộ."
    got = [(r.metric, r.value) for r in extract(text)]
    assert got == [("new_members", 18), ("welfare_funds_vnd", 2_400_000_000)]
    # a dotted decimal before a share or a money scale is still a figure
    assert [r.value for r in extract("Huyện vận động được 1.5 tỷ đồng ủng hộ Quỹ vì người nghèo.")] == [1_500_000_000]


def test_an_amount_per_house_or_person_and_a_family_s_own_money_are_not_money_raised():
    text = ("Mỗi căn nhà trị giá 80 triệu đồng, trong đó Quỹ vì người nghèo huyện hỗ trợ 40 triệu đồng/căn, "
            "một doanh nghiệp tặng 10 triệu đồng/hộ, gia đình và người thân đóng góp 30 triệu đồng.")
    assert [(m, v) for m, v, _ in records(text)] == []


def test_a_programme_of_houses_is_planned_and_houses_said_to_be_built_after_them_count():
    assert records("Chương trình xây dựng 40 ngôi nhà đại đoàn kết do huyện Tân Lập phát động năm 2023.") == [
        ("houses_built", 40, "target")]
    assert records("Năm 2022, toàn huyện có 26 căn nhà đại đoàn kết được xây dựng mới.") == [("houses_built", 26, "actual")]
    assert records("Năm 2022, huyện xây dựng và sửa chữa được gần 70 căn nhà cho hộ nghèo.") == [
        ("houses_built", 70, "actual")]


def test_a_fund_named_for_the_poor_is_charity_whatever_it_is_called():
    assert records("Năm 2021, huyện huy động được 2,1 tỷ đồng tiền Quỹ “Ngày vì người nghèo”.") == [
        ("welfare_funds_vnd", 2_100_000_000, "actual")]


def test_a_span_named_earlier_in_the_paragraph_dates_what_follows_it_to_no_one_year():
    text = ("date 2015-12\nTừ ngày phát động 17-10-2008 đến nay, huyện vận động được 9 tỷ đồng. Một phần quỹ được dùng "
            "để xây mới 120 căn nhà. Riêng năm 2015, huyện xây mới 14 căn nhà.")
    assert _years(text) == {9e9: None, 120: None, 14: 2015}


def test_a_breakdown_in_parentheses_does_not_cut_the_members_off_their_verb():
    text = ("Năm 2023, ủy ban kiểm tra thi hành kỷ luật 14 tổ chức đảng (khiển trách 9, cảnh cáo 5) và 312 đảng viên "
            "(khiển trách 200, cảnh cáo 90, cách chức 4, khai trừ 18).")
    assert records(text) == [("disciplined_members", 312, "actual"), ("removed_members", 18, "actual")]


def test_a_range_of_shares_with_the_sign_on_both_ends_is_one_range():
    assert [(r.metric, r.value, r.qualifier) for r in extract(
        "Năm 2009, Đảng bộ xã kết nạp đảng viên mới từ 6% - 7% trên tổng số đảng viên.")] == [
        ("new_members_rate", 6, "at_least"), ("new_members_rate", 7, "under")]


def test_a_plan_named_only_as_what_a_figure_was_compared_with_sets_no_target():
    text = ("Năm 2019, toàn tỉnh kết nạp được 1.200 đảng viên, chiếm tỷ lệ 80% so với chỉ tiêu Nghị quyết đề ra, "
            "trong đó Đảng bộ huyện Tân Phú kết nạp đạt trên 100% so với chỉ tiêu của huyện.")
    assert records(text) == [("new_members", 1200, "actual"), ("new_members_plan_pct", 80, "actual"),
                             ("new_members_plan_pct", 100, "actual")]


def test_the_members_an_organisation_was_founded_with_are_no_membership_of_today():
    assert records("Khi mới thành lập, chi bộ chỉ có 5 đảng viên; đến nay, Đảng bộ xã Phú An có 410 đảng viên.") == [
        ("total_members", 410, "actual")]
    assert records("Chi bộ xã Phú An được thành lập ngày 3.2.1947 với 12 đảng viên.") == []


def test_a_share_said_to_hold_every_year_has_no_one_year():
    text = ("date 2019-05\nĐảng bộ xã Phú An kỷ niệm 70 năm ngày thành lập. Hằng năm, trên 85% đảng viên hoàn thành tốt "
            "nhiệm vụ. Năm 2018, 92% đảng viên hoàn thành tốt nhiệm vụ.")
    assert _years(text) == {85: None, 92: 2018}


def test_a_unit_s_count_in_parentheses_after_its_name_takes_the_list_s_verb():
    text = ("Năm 2021, các chi bộ kết nạp được nhiều đảng viên là: Trường THPT Phú Lâm (14 đảng viên), Bệnh viện "
            "huyện (9 đảng viên).")
    got = [(r.metric, r.value, r.subject) for r in extract(text)]
    assert got == [("new_members", 14, "Trường THPT Phú Lâm"), ("new_members", 9, "Bệnh viện huyện")]
    text = "Năm 2010, có năm ĐV bị kỷ luật, nhiều nhất là xã Long Phú (ba ĐV)."
    assert records(text) == [("disciplined_members", 5, "actual"), ("disciplined_members", 3, "actual")]


def test_joining_the_ranks_is_admission_and_beating_the_plan_by_n_is_a_change():
    assert records("Năm 2020, trong số 90 đoàn viên được giới thiệu, có 62 người đã vinh dự đứng vào hàng ngũ "
                   "của Đảng.") == [("new_members", 62, "actual")]
    assert records("Năm 2020, Đảng bộ xã kết nạp được 40 đảng viên, vượt chỉ tiêu 5 đảng viên.") == [
        ("new_members", 40, "actual"), ("new_members", 5, "change")]


def test_a_raised_total_of_a_part_of_the_members_is_not_the_membership():
    assert records("Năm 2019, xã kết nạp 20 đảng viên, nâng tổng số đảng viên trong độ tuổi Đoàn lên 95 đồng chí.") == [
        ("new_members", 20, "actual")]


def test_targets_beaten_by_a_margin_are_met_and_a_term_just_ended_has_no_one_year():
    assert records("Năm 2024, xã Tân Phú hoàn thành và hoàn thành vượt mức 18/18 chỉ tiêu đề ra.") == [
        ("targets_met", 18, "actual")]
    text = "date 2025-07-20\nNhiệm kỳ vừa qua, Đảng bộ xã Tân Phú lãnh đạo tốt. 12/14 chỉ tiêu đạt và vượt Nghị quyết."
    assert _years(text) == {12: None}


def test_a_share_named_by_ty_le_keeps_its_unit_when_the_sign_is_left_out():
    assert [(r.metric, r.value, r.unit) for r in extract(
        "Năm 2020, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 92,5.")] == [("org_good_rate", 92.5, "percent")]
    # a count after the share's words is still a count
    assert [(r.value, r.unit) for r in extract("Tỷ lệ kết nạp đạt cao, với 40 đảng viên.")] == [(40, "count")]


def test_a_congress_s_presidium_and_secretariat_are_no_membership():
    assert records("Năm 2020, Đại hội bầu Đoàn Chủ tịch gồm 7 đồng chí; Đoàn Thư ký gồm 3 đồng chí.") == []


def test_houses_only_started_are_not_built_and_money_raised_from_society_is_given():
    assert records("Năm 2025, toàn tỉnh đã khởi công xây dựng, sửa chữa 5.120 căn nhà; trong đó, đã hoàn thành "
                   "4.300 căn.") == [("houses_built", 4300, "actual")]
    assert records("Năm 2026, chương trình chi hơn 90 triệu đồng; trong đó 60 triệu đồng được huy động từ nguồn "
                   "xã hội hóa.") == [("welfare_funds_vnd", 60_000_000, "actual")]


def test_organisations_counted_by_their_rating_are_no_count_of_organisations():
    assert records("Năm 2022, có 12 tổ chức cơ sở đảng trên địa bàn huyện được xếp loại hoàn thành xuất sắc "
                   "nhiệm vụ.") == []
    assert records("Năm 2022, Đảng bộ huyện có 64 tổ chức cơ sở đảng trên địa bàn 15 xã.") == [
        ("org_count", 64, "actual")]


def test_half_a_term_is_a_span_of_years():
    text = "date 2013-06\nSau nửa nhiệm kỳ, toàn Đảng bộ kết nạp được 1.020 đảng viên mới."
    assert _years(text) == {1020: None}


def test_houses_given_to_n_households_are_n_houses():
    assert records("Năm 2021, Liên đoàn Lao động tỉnh trao tặng nhà Mái ấm Công đoàn đợt 2 cho 18 đoàn viên.") == [
        ("houses_built", 18, "actual")]
    assert records("Năm 2021, huyện bàn giao 3 căn nhà đại đoàn kết cho 3 hộ nghèo.") == [("houses_built", 3, "actual")]
    # repairs, and gifts that are not houses, are not
    assert records("Năm 2021, huyện sửa chữa nhà cho 7 hộ và trao quà cho 40 hộ nghèo.") == []


def test_what_a_rule_provides_for_is_no_figure_of_the_year():
    assert records("Năm 2021, Điều 8 quy định về việc xóa tên 05 trường hợp khỏi danh sách đảng viên.") == []
    assert records("Năm 2021, đảng bộ phải có 100% tổ chức đảng trực thuộc hoàn thành nhiệm vụ trở lên, trong đó có từ "
                   "80% tổ chức đảng hoàn thành tốt nhiệm vụ trở lên.") == [("org_good_rate", 80, "target")]


def test_the_members_that_close_what_a_party_body_is_made_of_are_its_membership():
    text = ("Năm 2022, Đảng bộ tỉnh có 18 đảng bộ trực thuộc với 640 tổ chức cơ sở đảng; 3.150 chi bộ trực thuộc đảng "
            "ủy cơ sở và 61.200 đảng viên.")
    assert records(text) == [("org_count", 640, "actual"), ("total_members", 61200, "actual")]
    # a part of them is not
    assert records("Năm 2022, Chi bộ có 20 đảng viên, trong đó 6 nữ và 3 đảng viên dân tộc thiểu số.") == [
        ("total_members", 20, "actual")]


def test_a_plan_share_after_another_count_is_that_count_s_share():
    text = "Năm 2022, toàn tỉnh kết nạp được 900 đảng viên mới, thành lập mới 14 chi bộ thôn, bản, đạt 140% mục tiêu."
    assert records(text) == [("new_members", 900, "actual")]
    assert records("Năm 2022, toàn tỉnh kết nạp được 900 đảng viên mới, đạt 104% mục tiêu.") == [
        ("new_members", 900, "actual"), ("new_members_plan_pct", 104, "actual")]


def test_as_of_this_moment_is_the_article_s_year_and_a_threshold_per_giver_is_no_amount():
    text = ("10:00, 20/05/2017\n\nNăm 2016, quỹ huyện vận động được 700 triệu đồng.\n\nĐến thời điểm này, quỹ đã "
            "vận động được 420 triệu đồng.")
    assert _years(text) == {700e6: 2016, 420e6: 2017}
    assert records("Năm 2012, quỹ tiếp nhận 3,1 tỷ đồng ủng hộ; trong đó có 12 tổ chức, doanh nghiệp đóng góp từ "
                   "50 triệu đồng trở lên.") == [("welfare_funds_vnd", 3_100_000_000, "actual")]


def test_households_given_houses_and_a_birth_year_is_not_the_figure_s():
    assert records("Năm 2023, đơn vị khánh thành nhà Đại đoàn kết tặng 2 hộ nghèo.") == [("houses_built", 2, "actual")]
    text = "date 2024-02\nHai hộ được tặng nhà đại đoàn kết là hộ bà Lò Thị Sa (sinh năm 1969) và hộ ông Vàng A Lử."
    assert [(r.metric, r.value, r.year) for r in extract(text) if r.metric != "other"] == [("houses_built", 2, 2024)]


def test_strove_and_got_is_an_achievement():
    assert records("Năm 2014, huyện đã phấn đấu được 21 chỉ tiêu đạt và vượt Nghị quyết đề ra.") == [
        ("targets_met", 21, "actual")]
    assert records("Năm 2015, huyện phấn đấu kết nạp 120 đảng viên.") == [("new_members", 120, "target")]


def test_groups_of_targets_and_a_plan_s_work_items_met_are_targets_met():
    assert records("Năm 2020, Đảng bộ hoàn thành 4/5 nhóm chỉ tiêu của Nghị quyết.") == [("targets_met", 4, "actual")]
    assert records("Năm 2018, Đảng ủy Khối đạt 18/21 đầu việc theo Nghị quyết.") == [("targets_met", 18, "actual")]
    assert records("Năm 2018, Đảng ủy triển khai 12 đầu việc.") == []


def test_a_ratio_against_a_range_of_plans_counts_against_its_lower_bound():
    got = [(r.metric, r.value, r.kind, r.denominator) for r in extract(
        "Năm 2019, số lượng kết nạp đảng viên mới là 1.950/2.000 - 2.200 đảng viên.")]
    assert got == [("new_members", 1950, "actual", 2000), ("new_members", 2000, "target", None)]


def test_targets_handed_to_units_are_targets():
    assert records("Năm 2023, Ban Thường vụ giao chỉ tiêu cho 18 cơ sở đảng kết nạp 95 đảng viên.") == [
        ("new_members", 95, "target")]


def test_the_items_of_a_list_of_targets_are_targets_for_the_list_s_year_or_term():
    text = ("date 2020-10\nĐại hội Đảng bộ huyện Tân Phú nhiệm kỳ 2020-2025 đề ra các chỉ tiêu chủ yếu sau:\n"
            "- Hằng năm kết nạp từ 150 đảng viên mới trở lên.\n- 95% đảng viên hoàn thành tốt nhiệm vụ trở lên.\n"
            "Nhiệm kỳ qua, huyện kết nạp 720 đảng viên.\nPhương hướng năm 2021:\n1. Kết nạp 160 đảng viên.\n"
            "Kết quả năm 2020 như sau:\n- Kết nạp 170 đảng viên.")
    got = [(r.value, r.kind, r.year) for r in extract(text) if r.metric != "other"]
    assert got == [(150, "target", None), (95, "target", None), (720, "actual", None), (160, "target", 2021),
                   (170, "actual", 2020)]


def test_members_with_an_award_are_no_membership():
    assert records("Năm 2020, Đảng bộ thành phố đứng đầu về số đảng viên được tặng huy hiệu Đảng với 312 đảng "
                   "viên.") == []
    assert records("Năm 2020, Đảng bộ Khối được hợp nhất từ hai đảng bộ, hiện có 40 chi bộ với trên 2.600 đảng "
                   "viên.") == [("total_members", 2600, "actual")]


def test_money_for_those_who_suffered_a_loss_is_aid_and_a_loss_itself_is_not():
    assert records("Năm 2025, Mặt trận tỉnh hỗ trợ 800 triệu đồng cho các hộ bị thiệt hại do lũ.") == [
        ("welfare_funds_vnd", 800_000_000, "actual")]
    assert records("Năm 2025, cơn bão gây thiệt hại 120 tỷ đồng.") == []


def test_the_headline_below_a_date_line_takes_the_year_the_body_gives():
    text = ("Thứ bảy, 24/02/2024\n\nQuý I Đảng bộ tỉnh kết nạp được 310 đảng viên mới\n\nHết quý I năm 2011, Đảng bộ "
            "tỉnh đã kết nạp được 310 đảng viên mới. Việc đánh giá chất lượng đảng viên năm 2010 diễn ra nghiêm túc.")
    assert [(r.value, r.year) for r in extract(text) if r.metric == "new_members"] == [(310, 2011)]


def test_a_list_of_targets_goes_on_past_the_full_stop():
    text = ("Nhiệm kỳ 2020-2025, Đảng bộ đề ra mục tiêu phấn đấu: 95% trở lên đảng viên hoàn thành tốt nhiệm vụ; 90% "
            "trở lên tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ. Kết nạp đảng viên mới đạt từ 3% trở lên so với tổng "
            "số đảng viên.")
    assert [k for _, _, k in records(text)] == ["target", "target", "target"]
    text = ("Năm 2023, 95% đảng viên hoàn thành tốt nhiệm vụ; 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ. "
            "Kết nạp đảng viên mới đạt 3,2% so với tổng số đảng viên.")
    assert [k for _, _, k in records(text)] == ["actual", "actual", "actual"]


def test_organisations_in_a_list_after_the_clause_s_verb_and_members_who_are_a_part():
    text = ("Đến hết năm 2019, tỉnh có 18 đảng bộ trực thuộc Tỉnh ủy, 640 tổ chức cơ sở đảng, 3.100 chi bộ trực "
            "thuộc, 42.000 đảng viên.")
    assert records(text) == [("org_count", 640, "actual"), ("total_members", 42000, "actual")]
    assert records("Năm 2021, toàn tỉnh có trên 4.000 đảng viên là người dân tộc thiểu số.") == []


def test_the_quoted_name_of_a_campaign_states_its_goal():
    text = ("Năm 2016, Hội phát động công trình thi đua “Xây dựng, sửa chữa 80 nhà ở cho hộ phụ nữ nghèo”; đến nay đã "
            "hoàn thành xây dựng 95 ngôi nhà.")
    assert records(text) == [("houses_built", 80, "target"), ("houses_built", 95, "actual")]


def test_the_members_of_one_form_of_discipline_among_several_are_no_total():
    assert records("Năm 2022, huyện kỷ luật bằng hình thức khiển trách 6 đảng viên, cảnh cáo 2 đảng viên, khai trừ "
                   "1 đảng viên.") == [("removed_members", 1, "actual")]
    assert records("Năm 2022, huyện thi hành kỷ luật bằng hình thức khiển trách đối với 7 đảng viên.") == [
        ("disciplined_members", 7, "actual")]


def test_developing_new_members_named_before_the_figure_is_admitting_them():
    assert records("Trong nhiệm kỳ, tỉnh phát triển đảng viên mới 4.210/3.800 đảng viên.") == [
        ("new_members", 4210, "actual"), ("new_members", 3800, "target")]
    assert records("Năm 2021, xã phát triển được 14 đảng viên mới, đạt 116% kế hoạch.") == [
        ("new_members", 14, "actual"), ("new_members_plan_pct", 116, "actual")]


def test_the_whole_membership_named_after_an_admission_is_the_membership():
    assert records("Năm 2021, huyện kết nạp 85 đảng viên, toàn Đảng bộ hiện có 2.640 đảng viên.") == [
        ("new_members", 85, "actual"), ("total_members", 2640, "actual")]
    assert records("Chăm lo công tác phát triển đảng viên, Đảng bộ xã hiện có 212 đảng viên.") == [
        ("total_members", 212, "actual")]


@pytest.mark.parametrize("text", [
    "Năm 2021, tỷ lệ tổ chức cơ sở đảng và đảng viên hoàn thành tốt nhiệm vụ trở lên đều đạt trên 92%.",
    "Năm 2021, số chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên và số đảng viên xếp loại hoàn thành tốt "
    "nhiệm vụ trở lên đạt trên 92%.",
    "Năm 2021 trên 92% chi bộ, đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên.",
])
def test_one_rate_said_of_organisations_and_members_is_both_rates(text):
    assert records(text) == [("org_good_rate", 92, "actual"), ("member_good_rate", 92, "actual")]


def test_rates_each_with_its_own_figure_stay_apart():
    assert records("Năm 2021, 97% TCCSĐ hoàn thành tốt nhiệm vụ trở lên, đảng viên hoàn thành tốt nhiệm vụ đạt 89%.") \
        == [("org_good_rate", 97, "actual"), ("member_good_rate", 89, "actual")]


def test_units_grouped_by_size_and_organisations_meeting_a_condition_are_no_totals():
    assert records("Đến nay, không còn chi bộ thôn, bản có dưới 3 đảng viên.") == []
    assert records("Năm 2021, huyện có 6 chi bộ có trên 100 đảng viên.") == []
    # a whole that goes on after its parts is the membership
    assert records("Năm 2021, Đảng bộ tỉnh có 12 đảng bộ trực thuộc, có trên 50.000 đảng viên.") == [
        ("total_members", 50000, "actual")]
    assert records("Năm 2021, huyện có 9/11 tổ chức cơ sở đảng ở cơ quan nhà nước do thủ trưởng làm bí thư.") == []


def test_discipline_proposed_to_several_bodies_or_not_carried_out_is_not_done():
    assert records("Năm 2020, Ủy ban đề nghị Tỉnh ủy, Ban Thường vụ Tỉnh ủy thi hành kỷ luật 3 tổ chức đảng và "
                   "11 đảng viên.") == []
    assert records("Năm 2020, có 14 đảng viên vi phạm (đã kỷ luật 5 đảng viên, không thi hành kỷ luật 9 đảng viên "
                   "vì đã hết thời hiệu).") == [("disciplined_members", 5, "actual")]


def test_forms_of_discipline_in_a_parenthesis_are_parts_not_units():
    assert records("Năm 2020, huyện thi hành kỷ luật 40 đảng viên (Khiển trách 22, cảnh cáo 11, cách chức 2, khai "
                   "trừ 5).") == [("disciplined_members", 40, "actual"), ("removed_members", 5, "actual")]


def test_a_qualified_second_count_after_and_keeps_the_verb():
    assert records("Năm 2020, tỉnh thi hành kỷ luật 17 tổ chức đảng và trên 600 đảng viên.") == [
        ("disciplined_members", 600, "actual")]


def test_a_former_unit_named_with_cu_is_still_a_list_item():
    text = "Năm 2025, Đảng bộ huyện Krông Pa (cũ) kết nạp 96 đảng viên, huyện Ia Pa (cũ) 71 đảng viên."
    assert records(text) == [("new_members", 96, "actual"), ("new_members", 71, "actual")]
    text = ("Năm 2025, Quỹ Vì người nghèo tỉnh tiếp nhận 40 tỷ đồng. Trong đó, tỉnh Kon Tum (cũ) tiếp nhận 25 tỷ đồng; "
            "tỉnh Quảng Ngãi (cũ) tiếp nhận 15 tỷ đồng.")
    got = [r for r in extract(text) if r.metric != "other"]
    assert [(r.metric, r.value) for r in got] == [("welfare_funds_vnd", 40e9), ("welfare_funds_vnd", 25e9),
                                                  ("welfare_funds_vnd", 15e9)]
    assert "tiếp nhận" not in (got[1].subject or "")


def test_units_counted_in_parentheses_go_on_past_the_full_stop():
    text = ("Năm 2016, các đơn vị kết nạp nhiều đảng viên là: Trường Cao đẳng Y tế (9 đảng viên). Bệnh viện Đa khoa "
            "tỉnh (7 đảng viên); xã Tân Hà (5 đảng viên).")
    assert records(text) == [("new_members", 9, "actual"), ("new_members", 7, "actual"), ("new_members", 5, "actual")]


def test_the_total_cost_of_houses_just_counted_is_money_for_them():
    assert records("Năm 2025, huyện đã giải ngân xây dựng, sửa chữa 420 nhà, tổng số tiền 21.300 triệu đồng.") == [
        ("houses_built", 420, "actual"), ("welfare_funds_vnd", 21_300_000_000, "actual")]
    assert records("Năm 2025, huyện bàn giao 12 căn nhà, kinh phí 70 triệu đồng/căn.") == [
        ("houses_built", 12, "actual")]


def test_the_members_delegates_represent_are_the_membership_whatever_part_was_named_before():
    text = ("Năm 2025, đại hội có 420 đại biểu chính thức, trong đó có 61 đại biểu đương nhiên, đại diện cho hơn "
            "97.000 đảng viên toàn tỉnh.")
    assert records(text) == [("total_members", 97000, "actual")]


def test_a_stock_counted_now_takes_the_article_s_year_even_after_a_year_its_sentence_named():
    from datetime import date

    text = "Năm 2020, huyện kết nạp 75 đảng viên, đến nay toàn Đảng bộ có 2.210 đảng viên."
    got = {r.metric: r.year for r in extract(text, published=date(2021, 3, 2))}
    assert got == {"new_members": 2020, "total_members": 2021}
    # with no day to count from, "đến nay" names no year
    got = {r.metric: r.year for r in extract("Đến nay, Đảng bộ huyện có 2.210 đảng viên; năm 2020 kết nạp 75 "
                                             "đảng viên.")}
    assert got == {"total_members": None, "new_members": 2020}
    # a letter whose lower case is longer (İ) leaves no lower-cased text to search: the same reading
    text = "Đoàn tới İzmir. Năm 2020, huyện kết nạp 75 đảng viên, đến nay toàn Đảng bộ có 2.210 đảng viên."
    assert {r.metric: r.year for r in extract(text, published=date(2021, 3, 2))} == {
        "new_members": 2020, "total_members": 2021}


def test_how_many_targets_were_met_is_a_result_unless_the_sentence_sets_a_goal():
    assert records("Năm 2021, trong 19 chỉ tiêu chủ yếu, có 16 chỉ tiêu đạt và vượt kế hoạch, 3 chỉ tiêu chưa đạt.") \
        == [("targets_met", 16, "actual")]
    assert records("Năm 2022, huyện phấn đấu hoàn thành 14/16 chỉ tiêu chủ yếu.") == [("targets_met", 14, "target")]
    # the plan the targets were set by ("đề ra", set out) is no goal of the count met
    assert records("Năm 2024, trong 22 chỉ tiêu Nghị quyết Đại hội đề ra, có 19 chỉ tiêu đạt và vượt.") \
        == [("targets_met", 19, "actual")]


def test_how_many_targets_a_plan_set_is_not_a_count_met():
    # the verb met belongs to the ratio after it, not to the plan's size before it
    assert records("Năm 2024, Đại hội đề ra 21 chỉ tiêu, đến nay đã đạt và vượt 18/21 chỉ tiêu.") \
        == [("targets_met", 18, "actual")]
    assert records("Năm 2024, Nghị quyết xác định 12 chỉ tiêu chủ yếu; đã hoàn thành vượt 10/12 chỉ tiêu.") \
        == [("targets_met", 10, "actual")]


def test_targets_that_reached_a_share_of_the_plan_were_not_met():
    assert records("Năm 2021, 11/13 chỉ tiêu đạt và vượt kế hoạch; 2 chỉ tiêu đạt trên 90%.") == [
        ("targets_met", 11, "actual")]


def test_a_part_of_a_whole_written_out_is_a_ratio():
    got = [(r.metric, r.value, r.denominator) for r in extract("Năm 2021, có 13 trên tổng số 15 chỉ tiêu đạt và vượt "
                                                               "kế hoạch.")]
    assert got == [("targets_met", 13, 15)]
    assert [r.value for r in extract("Năm 2021, kết nạp 60 đảng viên trên địa bàn huyện.")] == [60]


@pytest.mark.parametrize("text, metric", [
    ("Năm 2022, hoàn thành xuất sắc nhiệm vụ có 17 tổ chức cơ sở đảng, chiếm 18,3%.", "org_excellent_rate"),
    ("Năm 2022, xếp loại “Hoàn thành xuất sắc nhiệm vụ” 410 đảng viên, chiếm 18,3%.", "member_excellent_rate"),
    ("Năm 2022, kết quả xếp loại: hoàn thành tốt nhiệm vụ: 66 tổ chức cơ sở đảng, chiếm 18,3%.", "org_good_rate"),
])
def test_a_rating_named_before_its_count_gives_the_share_after_it(text, metric):
    assert records(text) == [(metric, 18.3, "actual")]


def test_the_members_that_got_a_rating_are_no_membership():
    assert records("Năm 2022, hoàn thành tốt nhiệm vụ có 980 đảng viên, chiếm 81%.") == [
        ("member_good_rate", 81, "actual")]
    assert records("Đảng bộ luôn hoàn thành tốt nhiệm vụ và hiện có 320 đảng viên.") == [
        ("total_members", 320, "actual")]


def test_the_members_of_one_sector_s_organisations_are_a_part_of_the_membership():
    assert records("Năm 2022, toàn tỉnh có 120 tổ chức đảng trong các doanh nghiệp tư nhân với 2.760 đảng viên.") == []
    assert records("Năm 2022, số tổ chức đảng ở khu vực ngoài nhà nước là 95 tổ chức, với 1.980 đảng viên, chiếm 3,1% so "
                   "với tổng số đảng viên toàn tỉnh.") == []
    assert records("Năm 2022, Đảng bộ huyện có 45 tổ chức cơ sở đảng với 3.120 đảng viên.") == [
        ("org_count", 45, "actual"), ("total_members", 3120, "actual")]
    # a bloc of enterprises is a whole
    assert records("Năm 2022, Đảng bộ Khối Doanh nghiệp tỉnh có 85 tổ chức cơ sở đảng trong các doanh nghiệp với "
                   "5.200 đảng viên.") == [("org_count", 85, "actual"), ("total_members", 5200, "actual")]


def test_or_more_after_a_rating_is_the_rating_s_band_for_every_coordinated_result_and_a_floor_for_targets():
    got = [(r.value, r.qualifier) for r in extract("Năm 2022 có 97,1% tổ chức cơ sở đảng và 94,6% đảng viên hoàn thành "
                                                   "tốt nhiệm vụ trở lên.")]
    assert got == [(97.1, "exact"), (94.6, "exact")]
    got = [(r.value, r.qualifier) for r in extract("Năm 2023 phấn đấu 90% tổ chức cơ sở đảng và 88% đảng viên hoàn "
                                                   "thành tốt nhiệm vụ trở lên.")]
    assert got == [(90, "at_least"), (88, "at_least")]


def test_a_group_named_after_in_which_is_a_part_of_the_admitted():
    assert records("Năm 2019, toàn tỉnh kết nạp 1.900 đảng viên, trong đó hơn 310 đảng viên là người dân tộc thiểu "
                   "số.") == [("new_members", 1900, "actual")]
    assert records("Năm 2019, huyện kết nạp 3 đảng viên là học sinh.") == [("new_members", 3, "actual")]


def test_an_amount_for_each_house_and_the_next_of_its_kind_are_no_money_raised():
    assert records("Năm 2025, mỗi căn nhà xây mới được hỗ trợ 60 triệu đồng, sửa chữa 30 triệu đồng.") == []
    assert records("Năm 2025, huyện bàn giao 12 căn nhà, mỗi căn nhà hỗ trợ kinh phí 50 triệu đồng.") == [
        ("houses_built", 12, "actual")]
    # a time is no unit: what a year raised on average is money raised
    assert records("Bình quân mỗi năm, huyện vận động được trên 3 tỷ đồng cho Quỹ Vì người nghèo.") == [
        ("welfare_funds_vnd", 3e9, "actual")]


def test_a_special_zone_since_2025_names_a_list_item_like_a_commune():
    assert records("Năm 2025, xã Long Hải kết nạp 14 đảng viên, đặc khu Cồn Cỏ 11 đảng viên.") == [
        ("new_members", 14, "actual"), ("new_members", 11, "actual")]


def test_a_place_name_ending_on_a_label_word_is_a_name_and_a_label_stays_a_label():
    assert records("Năm 2025, xã Long Hải kết nạp 14 đảng viên, huyện Vân Đồn 11 đảng viên.") == [
        ("new_members", 14, "actual"), ("new_members", 11, "actual")]
    assert [r.value for r in extract("Năm 2025, Chi bộ Làng 5 kết nạp 2 đảng viên; Đồn 11 kết nạp 1 đảng viên.")] \
        == [2, 1]


def test_money_received_in_cash_and_goods_is_donated():
    assert records("Năm 2023, quỹ tiếp nhận 640 triệu đồng tiền mặt và hàng hóa trị giá 210 triệu đồng.") == [
        ("welfare_funds_vnd", 640e6, "actual"), ("welfare_funds_vnd", 210e6, "actual")]
    assert records("Năm 2023, công ty đạt doanh thu 640 triệu đồng tiền mặt.") == []


def test_in_the_year_opening_a_sentence_of_a_january_review_is_the_year_just_ended():
    from datetime import date

    text = "Huyện ủy tổng kết công tác xây dựng Đảng.\n\nTrong năm, toàn Đảng bộ kết nạp được 96 đảng viên."
    assert [r.year for r in extract(text, published=date(2022, 1, 14))] == [2021]
    assert [r.year for r in extract(text, published=date(2022, 12, 20))] == [2022]
    # after a clause break the year the sentence named rules
    text = "Năm 2021, huyện kết nạp 96 đảng viên; trong năm, xóa tên 4 đảng viên."
    assert [r.year for r in extract(text, published=date(2022, 12, 20))] == [2021, 2021]


def test_the_rate_of_developing_members_and_a_ratio_after_admissions_are_admission_rates():
    assert records("Năm 2021, tỷ lệ phát triển đảng viên mới đạt 3,4%.") == [("new_members_rate", 3.4, "actual")]
    assert records("Năm 2021, huyện kết nạp 210 đảng viên, đạt tỷ lệ 4,1%, vượt chỉ tiêu đề ra.") == [
        ("new_members", 210, "actual"), ("new_members_rate", 4.1, "actual")]
    # a share of a named plan stays a share of the plan
    assert records("Năm 2021, huyện kết nạp 210 đảng viên, đạt tỷ lệ 84% chỉ tiêu.") == [
        ("new_members", 210, "actual"), ("new_members_plan_pct", 84, "actual")]


def test_an_amount_given_with_its_dong_left_out_is_money_and_a_counted_million_is_not():
    assert records("Năm 2023, hội vận động được 380 triệu cho người nghèo.") == [
        ("welfare_funds_vnd", 380e6, "actual")]
    assert [(r.unit, r.value) for r in extract("Năm 2023, huyện hỗ trợ 1,5 triệu cây giống cho người dân.")] == [
        ("count", 1.5e6)]


def test_a_day_s_wage_given_is_money_given_and_a_wage_bill_is_not():
    assert records("Năm 2023, cán bộ, công chức đóng góp 1 ngày lương với số tiền 96 triệu đồng.") == [
        ("welfare_funds_vnd", 96e6, "actual")]
    assert records("Năm 2023, quỹ lương của đơn vị là 3 tỷ đồng.") == []


def test_the_total_after_an_amount_for_each_is_money_given():
    assert records("Năm 2023, Hội đã trao 120 suất học bổng, mỗi suất 2 triệu đồng, tổng trị giá 240 triệu đồng.") == [
        ("welfare_funds_vnd", 240e6, "actual")]


def test_the_total_of_what_each_gave_is_money_given():
    assert records("Năm 2023, xã vận động mỗi hộ dân đóng góp được tổng số 450 triệu đồng.") == [
        ("welfare_funds_vnd", 450e6, "actual")]
    assert records("Năm 2023, các nhà hảo tâm mỗi người ủng hộ hơn 2 triệu đồng.") == []


def test_the_admitted_named_after_the_whole_they_lead_stay_the_admitted():
    assert records("Năm 2022, Đảng bộ xã Ia Lâu đạt tỷ lệ phát triển Đảng cao nhất toàn huyện, với 31 đảng viên.") == [
        ("new_members", 31, "actual")]


def test_a_total_named_before_its_figure_is_the_whole():
    assert records("Năm 2024, huyện có 61 tổ chức cơ sở đảng; tổng số đảng viên của Đảng bộ là 4.382.") == [
        ("org_count", 61, "actual"), ("total_members", 4382, "actual")]
    assert records("Đến cuối năm 2024, tổng số tổ chức cơ sở đảng là 47, tổng số đảng viên hiện nay là hơn 2.900.") \
        == [("org_count", 47, "actual"), ("total_members", 2900, "actual")]
    assert records("Tổng số đảng viên tính đến cuối năm 2024 của Đảng bộ huyện là 3.318.") == [
        ("total_members", 3318, "actual")]
    # a part named before its figure stays a part, and so do the members of an act
    assert records("Năm 2024, tổng số đảng viên trong độ tuổi Đoàn là 512.") == []
    assert not [m for m, *_ in records("Năm 2024, tổng số đảng viên trong năm được kết nạp là 96.")
                if m == "total_members"]
    assert records("Năm 2024, tổng số đảng viên nữ là 1.045.") == []


def test_members_with_organisations_broken_down_by_kind_are_the_whole():
    # the kinds of grassroots organisations together are all of them: "với" goes on with the whole
    text = ("Năm 2024, Đảng bộ tỉnh có 392 tổ chức cơ sở đảng, trong đó có 187 đảng bộ cơ sở và 205 chi bộ cơ sở, "
            "với 41.250 đảng viên.")
    assert ("total_members", 41250, "actual") in records(text)
    # a sector named among them keeps its members its own
    text = "Năm 2024, toàn tỉnh có 140 chi bộ, trong đó có 26 chi bộ doanh nghiệp, với 530 đảng viên."
    assert not [m for m, *_ in records(text) if m == "total_members"]


def test_a_number_word_in_a_place_name_is_no_count():
    # "Năm Căn" is a district of Cà Mau, not five houses; a count in words stays one
    assert records("Ngày 12-1-2024, huyện Năm Căn đã hoàn thành đánh giá, xếp loại tổ chức đảng.") == []
    assert records("Năm 2024, xã đã bàn giao hai căn nhà đại đoàn kết.") == [("houses_built", 2, "actual")]


def test_a_count_that_says_its_share_of_the_whole_is_a_part():
    text = ("Năm 2024, các xã vùng biên giới có 310 tổ chức đảng với 6.140 đảng viên (chiếm 21,7% so với tổng số "
            "đảng viên toàn tỉnh).")
    assert records(text) == []
    assert records("Năm 2024, khối doanh nghiệp có 96 tổ chức cơ sở đảng, chiếm 18% tổng số tổ chức cơ sở đảng.") == []
    # a share of something else (the population) leaves the whole a whole
    assert records("Năm 2024, toàn tỉnh có 52.310 đảng viên, chiếm tỷ lệ khoảng 4,1% dân số.") == [
        ("total_members", 52310, "actual")]


def test_money_invested_in_infrastructure_is_no_welfare():
    # (an item of a list after money given, too)
    text = ("Năm 2024, tỉnh dành 16 tỷ đồng hỗ trợ nhà ở cho hộ nghèo; hơn 95 tỷ đồng đầu tư cơ sở hạ tầng thiết yếu "
            "vùng đồng bào dân tộc thiểu số.")
    assert records(text) == [("welfare_funds_vnd", 16e9, "actual")]
    # money raised from the people for public works is
    text = "Năm 2024, huyện vận động được 14 tỷ đồng từ nhân dân đóng góp làm đường giao thông nông thôn."
    assert records(text) == [("welfare_funds_vnd", 14e9, "actual")]


def test_members_trained_beside_candidates_are_no_admissions():
    text = ("Năm 2024, Đảng ủy tổ chức 3 lớp bồi dưỡng lý luận chính trị cho 180 đối tượng kết nạp Đảng và "
            "47 đảng viên mới.")
    assert records(text) == []


def test_a_share_no_admission_rate_can_reach_is_of_the_plan():
    # "đạt tỷ lệ" with no plan named: an admission rate where it can be one, else a share of the plan
    assert records("Năm 2024, số đảng viên kết nạp mới là 1.716 đảng viên, đạt tỷ lệ 95,3%.") == [
        ("new_members", 1716, "actual"), ("new_members_plan_pct", 95.3, "actual")]
    assert records("Năm 2024, huyện kết nạp 212 đảng viên mới, đạt tỷ lệ 5,4%.") == [
        ("new_members", 212, "actual"), ("new_members_rate", 5.4, "actual")]


def test_one_of_the_targets_a_plan_set_is_a_target():
    text = ("Đại hội Đảng bộ tỉnh nhiệm kỳ 2025-2030 đề ra 28 chỉ tiêu chủ yếu, trong đó hằng năm kết nạp đảng "
            "viên mới đạt từ 3% trở lên so với tổng số đảng viên.")
    assert records(text) == [("new_members_rate", 3, "target")]
    # the plan named, and then how many of its targets were met
    assert records("Năm 2024, Nghị quyết đề ra 20 chỉ tiêu, trong đó có 17 chỉ tiêu đạt và vượt.") == [
        ("targets_met", 17, "actual")]


def test_a_breakdown_of_a_goal_set_in_the_sentence_before_is_a_goal():
    text = ("Năm 2025, Đảng ủy phấn đấu giữ vững danh hiệu trong sạch, vững mạnh. Trong đó có 70% tổ chức cơ sở "
            "đảng hoàn thành tốt nhiệm vụ trở lên.")
    assert records(text) == [("org_good_rate", 70, "target")]
    # after a sentence that reports what was done, a result
    text = ("Năm 2024, Đảng ủy đã giữ vững danh hiệu trong sạch, vững mạnh. Trong đó có 70% tổ chức cơ sở "
            "đảng hoàn thành tốt nhiệm vụ trở lên.")
    assert records(text) == [("org_good_rate", 70, "actual")]
    # a national target programme is a programme's name, not a goal
    text = ("Năm 2024, tỉnh hỗ trợ nhà ở theo chương trình mục tiêu quốc gia cho 1.200 hộ. Trong đó xây mới "
            "850 căn, sửa chữa 350 căn.")
    assert ("houses_built", 850, "actual") in records(text)


def test_the_value_of_each_past_a_figure_of_its_own_is_an_amount_for_each():
    assert records("Năm 2024, mỗi căn nhà đại đoàn kết có diện tích 40m2, trị giá 60 triệu đồng.") == []
    assert records("Năm 2024, đoàn tặng cho mỗi hộ 01 phần quà trị giá 800 nghìn đồng.") == []
    # a total after the amount for each stays a total
    assert records("Năm 2024, Hội trao 150 suất quà, mỗi suất 1 triệu đồng, tổng trị giá 150 triệu đồng.") == [
        ("welfare_funds_vnd", 150e6, "actual")]


def test_members_an_inspection_found_must_be_disciplined_are_no_discipline():
    assert records("Năm 2024, qua kiểm tra đã kết luận 3 tổ chức đảng và 95 đảng viên có vi phạm phải thi hành "
                   "kỷ luật.") == []
    assert records("Năm 2024, có 14 trường hợp vi phạm phải thi hành kỷ luật.") == []
    assert records("Năm 2024, có 14 đảng viên bị thi hành kỷ luật.") == [("disciplined_members", 14, "actual")]


def test_whom_an_inspection_was_with_is_no_membership_past_a_first_item():
    assert records("Năm 2024, UBKT các cấp đã kiểm tra khi có dấu hiệu vi phạm với 3 tổ chức đảng và 41 đảng "
                   "viên.") == []
    # "với" after what a party organisation has is its membership
    assert records("Năm 2024, Đảng bộ xã có 14 chi bộ trực thuộc với 16 tổ chức đảng và 380 đảng viên.") == [
        ("total_members", 380, "actual")]


def test_an_admission_rate_with_the_admitted_named_between_share_and_whole():
    assert records("Năm 2024, các đảng bộ được giao chỉ tiêu kết nạp 3,5% đảng viên mới trên tổng số đảng viên.") \
        == [("new_members_rate", 3.5, "target")]
    got = records("Năm 2024, các đảng bộ được giao chỉ tiêu kết nạp từ 2 - 3% đảng viên mới trở lên so với tổng số "
                  "đảng viên.")
    assert [(m, v) for m, v, _ in got] == [("new_members_rate", 2), ("new_members_rate", 3)]


def test_a_share_of_the_plan_abbreviated_and_a_share_in_the_whole():
    assert records("Năm 2017, huyện kết nạp 96 quần chúng ưu tú vào Đảng, bằng 115%NQ.") == [
        ("new_members", 96, "actual"), ("new_members_plan_pct", 115, "actual")]
    assert records("Năm 2020, có 3.120 đảng viên hoàn thành tốt nhiệm vụ, chiếm 84,2% trong tổng số đảng viên được "
                   "đánh giá.") == [("member_good_rate", 84.2, "actual")]
    # "cơ sở đảng" names grassroots organisations in a rate too
    assert records("Năm 2012 có 18,4% cơ sở đảng đạt trong sạch, vững mạnh tiêu biểu.") == [
        ("org_excellent_rate", 18.4, "actual")]


def test_makeshift_houses_still_standing_are_no_houses_built():
    text = "Năm 2024, tỉnh vận động xây nhà Đại đoàn kết cho hộ nghèo, toàn tỉnh hiện nay là 5.320 căn nhà tạm, nhà dột nát."
    assert records(text) == []
    # replaced, they are
    assert records("Năm 2024, huyện đã xóa 310 căn nhà tạm, nhà dột nát.") == [("houses_built", 310, "actual")]
    assert records("Năm 2024, tỉnh hỗ trợ xây mới, sửa chữa 140 căn nhà tạm, nhà dột nát cho hộ nghèo.") == [
        ("houses_built", 140, "actual")]


def test_the_standing_committee_of_a_party_committee_is_no_membership():
    assert records("Năm 2019, Ban Chấp hành Đảng bộ gồm 29 đồng chí; Thường trực Đảng ủy gồm 03 đồng chí.") == []


def test_a_history_dates_a_figure_by_the_end_of_its_period_even_long_ago():
    # a congress of 1977 told in an article of 2015: the membership then, not in 2015
    text = "Đại hội vòng II (từ ngày 20/02 đến 03/3/1977) có 180 đại biểu đại diện cho 2.950 đảng viên toàn tỉnh."
    got = [(r.metric, r.year) for r in extract(text, published=date(2015, 6, 1)) if r.metric != "other"]
    assert got == [("total_members", 1977)]


def test_the_members_delegates_represent_are_the_membership_now_even_before_the_congress():
    text = ("Đại hội Đảng bộ tỉnh sẽ diễn ra từ ngày 9 đến 11-10-2025, với 450 đại biểu chính thức đại diện cho hơn "
            "96.500 đảng viên của Đảng bộ.")
    assert records(text) == [("total_members", 96500, "actual")]


def test_the_admissions_a_plan_counts_are_its_target():
    text = ("Từ đầu năm 2024 đến nay, huyện kết nạp được 45 đảng viên mới trong tổng số 180 đảng viên mới theo kế "
            "hoạch năm 2024.")
    assert records(text) == [("new_members", 45, "actual"), ("new_members", 180, "target")]


def test_a_second_share_of_another_plan_is_a_share_too():
    text = ("Trong quý I/2024, Đảng ủy Khối kết nạp 31 quần chúng ưu tú vào Đảng, đạt 24,8% chỉ tiêu Nghị quyết và "
            "29,5% chỉ tiêu Tỉnh ủy giao.")
    assert records(text) == [("new_members", 31, "actual"), ("new_members_plan_pct", 24.8, "actual"),
                             ("new_members_plan_pct", 29.5, "actual")]
    text = "Năm 2024, xã kết nạp 28 đảng viên mới, đạt 112% so với nghị quyết và 87,5% so với chỉ tiêu huyện giao."
    assert records(text) == [("new_members", 28, "actual"), ("new_members_plan_pct", 112, "actual"),
                             ("new_members_plan_pct", 87.5, "actual")]


def test_a_range_of_a_count_that_looks_like_a_day_and_month_is_a_range():
    # "10 - 12" could be the 10th of December, but a counted noun follows: a range
    assert records("Năm 2024, phấn đấu hằng năm kết nạp từ 10 - 12 đảng viên.") == [
        ("new_members", 10, "target"), ("new_members", 12, "target")]
    # a date stays a date
    assert records("Ngày 10-12-2024, huyện kết nạp 20 đảng viên.") == [("new_members", 20, "actual")]


def test_a_figure_of_the_term_under_review_has_no_one_year():
    text = ("Đại hội Đảng bộ xã lần thứ VI, nhiệm kỳ 2020 - 2025.\n"
            "Trong nhiệm kỳ, Đảng bộ đã kết nạp được 41 đảng viên mới.")
    got = [(r.metric, r.value, r.year) for r in extract(text, published=date(2020, 7, 2)) if r.metric != "other"]
    assert got == [("new_members", 41, None)]


def test_a_figure_of_every_year_has_no_one_year():
    text = ("Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030.\n"
            "Trong nhiệm kỳ vừa qua, hệ thống chính trị được củng cố.\n"
            "Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ hằng năm đạt trên 88%.")
    got = [(r.metric, r.value, r.year) for r in extract(text, published=date(2025, 7, 10)) if r.metric != "other"]
    assert got == [("org_good_rate", 88, None)]
    # a year named in its sentence still rules
    text = "Năm 2024, tỷ lệ chi bộ hoàn thành tốt nhiệm vụ đạt 91%, cao nhất trong các năm."
    assert [r.year for r in extract(text, published=date(2025, 1, 10)) if r.metric != "other"] == [2024]


def test_the_members_of_an_act_named_before_their_figure():
    assert records("Năm 2024, số đảng viên bị thi hành kỷ luật là 74, trong đó khai trừ 6.") == [
        ("disciplined_members", 74, "actual"), ("removed_members", 6, "actual")]
    assert records("Năm 2024, tổng số đảng viên được kết nạp trong năm là 268.") == [("new_members", 268, "actual")]
    assert records("Năm 2024, số đảng viên bị xóa tên là 11.") == [("removed_members", 11, "actual")]


def test_struck_off_and_allowed_to_withdraw_together_is_removal():
    assert records("Năm 2024, thực hiện xóa tên, cho rút tên đối với 19 trường hợp.") == [
        ("removed_members", 19, "actual")]


def test_a_rating_breakdown_opening_a_clause_rates_what_the_clause_before_counted():
    text = ("Năm 2024, toàn Đảng bộ có 99,1% đảng viên được đánh giá, xếp loại; trong đó 18,2% hoàn thành xuất sắc "
            "nhiệm vụ.")
    assert records(text) == [("member_excellent_rate", 18.2, "actual")]


def test_by_how_much_a_named_plan_was_beaten_is_a_change():
    text = "Năm 2024, đảng viên hoàn thành tốt nhiệm vụ trở lên chiếm 91,4%, vượt chỉ tiêu Nghị quyết đề ra 6,4%."
    assert records(text) == [("member_good_rate", 91.4, "actual"), ("member_good_rate", 6.4, "change")]


def test_the_gifts_of_a_tet_are_of_its_year():
    # a January review of 2024 reports the year before, but the gifts of Tết 2025 are of 2025
    text = ("Tổng kết công tác Mặt trận năm 2024.\n"
            "Dịp Tết Nguyên đán Ất Tỵ 2025, toàn tỉnh trao tặng 38.000 suất quà với tổng trị giá 27 tỷ đồng.")
    got = [(r.metric, r.year) for r in extract(text, published=date(2025, 1, 15)) if r.metric != "other"]
    assert got == [("welfare_funds_vnd", 2025)]
    # a Tết the money is meant for is no occasion it was given on
    text = "Ngày 20/12/2023, Quỹ Vì người nghèo hỗ trợ 300 triệu đồng để các hộ nghèo vui đón Tết Nguyên đán 2024."
    got = [(r.metric, r.year) for r in extract(text, published=date(2023, 12, 22)) if r.metric != "other"]
    assert got == [("welfare_funds_vnd", 2023)]


def test_before_a_year_is_many_years():
    text = "Từ trước năm 2005, toàn Đảng bộ chỉ kết nạp được 540 đảng viên là người có đạo."
    assert [(r.metric, r.year) for r in extract(text, published=date(2015, 3, 1)) if r.metric != "other"] == [
        ("new_members", None)]


def test_money_after_a_share_of_the_plan_is_no_target():
    text = "Năm 2025, Kon Tum đạt 100% chỉ tiêu xóa nhà tạm với sự đóng góp và khoảng 41,2 tỷ đồng từ người dân."
    assert records(text) == [("welfare_funds_vnd", 41.2e9, "actual")]


def test_members_a_branch_was_founded_with_after_a_word_on_admissions_are_no_admissions():
    text = ("Năm 2012, để phát triển đảng viên trong doanh nghiệp, Chi bộ Công ty A được thành lập với 4 đảng viên, "
            "Chi bộ Công ty B được thành lập năm 2013 với 9 đảng viên.")
    assert records(text) == []


def test_members_of_a_faith_are_a_part():
    assert records("Năm 2024, tỉnh hiện có hơn 4.800 đảng viên là người Công giáo.") == []


def test_one_as_an_article_is_no_count():
    assert records("Năm 2024, với trách nhiệm của một đảng viên, ông vận động bà con hiến đất.") == []
    assert records("Năm 2024, chi bộ kết nạp một đảng viên.") == [("new_members", 1, "actual")]


def test_beating_an_admission_plan_by_some_is_no_count_of_targets_met():
    text = ("Năm 2024, một số đảng bộ kết nạp đảng viên vượt chỉ tiêu như Đảng bộ xã Tân An đều vượt 3 chỉ tiêu; "
            "Đảng bộ xã Bình Hòa vượt 1 chỉ tiêu.")
    assert not [m for m, *_ in records(text) if m == "targets_met"]


def test_units_listed_with_their_share_of_the_admission_plan():
    text = ("Các đảng bộ kết nạp đảng viên năm 2023 vượt chỉ tiêu gồm có: Công an tỉnh (142,5%); huyện Bắc Bình "
            "(117,2%) và huyện Hàm Tân (104,3%).")
    got = [(r.metric, r.value, r.subject) for r in extract(text) if r.metric != "other"]
    assert got == [("new_members_plan_pct", 142.5, "Công an tỉnh"), ("new_members_plan_pct", 117.2, "huyện Bắc Bình"),
                   ("new_members_plan_pct", 104.3, "huyện Hàm Tân")]
    text = "Các đảng bộ kết nạp đảng viên vượt chỉ tiêu là: Công an tỉnh 131,5%, huyện Bắc Bình 112,4%."
    assert [(m, v) for m, v, _ in records(text)] == [("new_members_plan_pct", 131.5), ("new_members_plan_pct", 112.4)]
    # shares of the admitted by schooling stay none
    assert records("Năm 2024, đảng viên mới kết nạp có trình độ đại học chiếm 66%; trình độ THPT 18%.") == []


def test_not_fewer_than_is_at_least():
    got = [(r.metric, r.value, r.kind, r.qualifier) for r in extract("Năm 2025, phấn đấu kết nạp không dưới 120 đảng "
                                                                      "viên.") if r.metric != "other"]
    assert got == [("new_members", 120, "target", "at_least")]
    # "không thấp hơn" bounds the goal; it is no comparison
    got = [(r.metric, r.value, r.kind, r.qualifier) for r in extract("Năm 2025, phấn đấu tỷ lệ đảng viên hoàn thành tốt "
                                                                      "nhiệm vụ không thấp hơn 90%.")]
    assert got == [("member_good_rate", 90, "target", "at_least")]


def test_a_form_of_discipline_after_its_count_is_that_counts():
    text = "Năm 2024, có 14 đảng viên bị xử lý kỷ luật, trong đó 3 trường hợp khai trừ, 2 trường hợp cách chức."
    assert records(text) == [("disciplined_members", 14, "actual"), ("removed_members", 3, "actual"),
                             ("disciplined_members", 2, "actual")]


def test_a_share_after_admitted_members_higher_than_any_admission_rate_is_of_the_plan():
    assert records("Năm 2024, Đảng bộ Trường Cao đẳng Y tế kết nạp được 12 đồng chí (đạt 240%).") == [
        ("new_members", 12, "actual"), ("new_members_plan_pct", 240, "actual")]
    # a low share alone could be either: no reading is given
    assert records("Năm 2024, huyện kết nạp được 140 đảng viên (đạt 3,2%).") == [("new_members", 140, "actual")]


def test_goals_go_on_after_a_sentence_whose_figures_are_all_goals():
    text = ("Nghị quyết đề ra 22 chỉ tiêu, trong đó phấn đấu thu nhập bình quân đầu người năm 2030 đạt 90 triệu đồng; "
            "tỷ lệ hộ nghèo giảm bình quân 1,5%/năm. Hàng năm kết nạp mới từ 20 đảng viên trở lên.")
    assert records(text) == [("new_members", 20, "target")]


def test_a_committee_named_with_its_term_is_no_membership():
    text = ("Đại hội đã bầu Ban Chấp hành Đảng bộ huyện Tân Phước lần thứ XII, nhiệm kỳ 2020 – 2025 gồm 39 đồng chí; "
            "bầu Ban Thường vụ Huyện ủy 11 đồng chí.")
    assert records(text) == []


def test_a_rating_said_again_of_the_noun_in_a_clause_of_its_own_is_the_later_figures():
    text = ("Hằng năm, có 90% đảng viên và đảng ủy viên được kiểm tra, kết quả tỉ lệ đảng viên hoàn thành xuất sắc "
            "nhiệm vụ chiếm 17,4%.")
    assert records(text) == [("member_excellent_rate", 17.4, "actual")]
    # one rate of organisations and members, the rating named once after both
    text = "Năm 2025, phấn đấu trên 90% tổ chức đảng và đảng viên hoàn thành tốt nhiệm vụ trở lên."
    assert [(m, v) for m, v, _ in records(text)] == [("org_good_rate", 90), ("member_good_rate", 90)]


def test_whoever_the_part_after_in_which_is_it_stays_a_part():
    assert records("Năm 2024, Đảng bộ Quân sự tỉnh kết nạp 172 đảng viên, trong đó 110 đồng chí là chiến sĩ nghĩa vụ.") \
        == [("new_members", 172, "actual")]


def test_the_quarter_under_review_is_of_the_articles_year():
    # an April review of the first quarter, after a paragraph that named the year before's ratings
    text = ("Hội nghị đánh giá, xếp loại chất lượng tập thể, cá nhân năm 2023 nghiêm túc. Trong quý, Đảng bộ quận đã "
            "kết nạp được 47 đảng viên.")
    got = [(r.metric, r.year) for r in extract(text, published=date(2024, 4, 3)) if r.metric != "other"]
    assert got == [("new_members", 2024)]
    # the last quarter told in January is the year before's
    got = [(r.metric, r.year) for r in extract("Trong quý IV, huyện kết nạp 35 đảng viên.",
                                               published=date(2025, 1, 8)) if r.metric != "other"]
    assert got == [("new_members", 2024)]


def test_a_share_of_the_plan_after_where_the_members_were_admitted():
    text = ("Năm 2024, tỉnh đã phát triển được 420 đảng viên trong khối doanh nghiệp ngoài khu vực Nhà nước, đạt 120% "
            "so với kế hoạch đề ra.")
    assert records(text) == [("new_members", 420, "actual"), ("new_members_plan_pct", 120, "actual")]


def test_raising_the_count_of_new_members_is_admissions_so_far():
    text = ("Năm 2024, Đảng ủy Công ty kết nạp 3 đảng viên, nâng tổng số đảng viên mới được kết nạp từ đầu năm đến "
            "nay lên 9 người.")
    assert records(text) == [("new_members", 3, "actual"), ("new_members", 9, "actual")]


def test_a_share_in_parentheses_after_a_count_rated_before_it():
    assert records("Năm 2024, xếp loại hoàn thành xuất sắc nhiệm vụ có 398 đảng viên (chiếm 15,7%).") == [
        ("member_excellent_rate", 15.7, "actual")]


def test_targets_a_congress_set_over_clauses_and_a_sentence_that_opens_on_the_targets():
    text = ("Nhiệm kỳ 2025-2030, Đại hội đề ra 19 chỉ tiêu chủ yếu; trong đó kết nạp 80 đảng viên trở lên; hằng năm "
            "có 90% chi bộ hoàn thành tốt nhiệm vụ trở lên.")
    assert records(text) == [("new_members", 80, "target"), ("org_good_rate", 90, "target")]
    text = ("Các chỉ tiêu chủ yếu nhiệm kỳ 2025-2030: kết nạp đảng viên mới bình quân hằng năm từ 3% trở lên so với "
            "tổng số đảng viên.")
    assert records(text) == [("new_members_rate", 3, "target")]
    # the results of the targets are results
    assert records("Năm 2024, kết quả thực hiện các chỉ tiêu chủ yếu: kết nạp 1.150 đảng viên, đạt 104% kế hoạch.") \
        == [("new_members", 1150, "actual"), ("new_members_plan_pct", 104, "actual")]


def test_the_two_spellings_of_a_rate_are_one_word_and_a_goal_of_a_few_percent_is_of_the_membership():
    text = "Năm 2024, Đảng bộ thị xã kết nạp 180 đảng viên, đạt tỉ lệ 3,4%."
    assert records(text) == [("new_members", 180, "actual"), ("new_members_rate", 3.4, "actual")]
    assert records("Đảng bộ thị xã phấn đấu kết nạp đảng viên mới đạt từ 6% trở lên.") == [
        ("new_members_rate", 6, "target")]
    # a goal of the plan stays one
    assert records("Năm 2025 phấn đấu kết nạp đảng viên đạt 100% kế hoạch.") == [
        ("new_members_plan_pct", 100, "target")]


def test_members_written_as_comrades_in_short():
    assert records("Năm 2024, chi bộ kết nạp 4 đ/c, nâng tổng số đảng viên lên 57 đ/c.") == [
        ("new_members", 4, "actual"), ("total_members", 57, "actual")]
    assert [(r.metric, r.unit) for r in extract("Năm 2024, công đoàn ủng hộ 300.000đ.")] == [
        ("welfare_funds_vnd", "vnd")]


def test_discipline_that_is_not_the_partys_and_a_dismissal_after_an_expulsion():
    text = ("Năm 2024 có 9 đảng viên bị đình chỉ sinh hoạt, 4 đảng viên bị xử lý pháp luật, 3 đảng viên bị xử lý kỷ "
            "luật hành chính.")
    assert records(text) == []
    text = "Năm 2024 có 6 đảng viên bị khai trừ ra khỏi Đảng, 2 trường hợp bị cách chức vụ do sai phạm đất đai."
    assert records(text) == [("removed_members", 6, "actual")]
    # under a word of Party discipline, the forms after their counts are its parts
    text = "Năm 2024, thi hành kỷ luật 14 đảng viên, trong đó 2 trường hợp bị khai trừ, 5 trường hợp bị cảnh cáo."
    assert records(text) == [("disciplined_members", 14, "actual"), ("removed_members", 2, "actual"),
                             ("disciplined_members", 5, "actual")]


def test_targets_nearly_met_are_not_met_and_members_as_a_share_of_the_population_are_no_rate():
    assert records("Nhiệm kỳ qua, có 16/18 chỉ tiêu đạt và vượt, có 02 chỉ tiêu xấp xỉ đạt.") == [
        ("targets_met", 16, "actual")]
    assert records("Nhiệm kỳ qua, 14 chỉ tiêu đạt và vượt, 3 chỉ tiêu cơ bản đạt.") == [("targets_met", 14, "actual")]
    text = "Nhiệm kỳ qua, Đảng bộ xã kết nạp 21 đảng viên, nâng tổng số lên 310 đảng viên, bằng 2,1% so với dân số."
    assert records(text) == [("new_members", 21, "actual"), ("total_members", 310, "actual")]


def test_houses_only_paid_for_pledged_or_priced_are_not_built():
    assert records("Đồn Biên phòng trao kinh phí hỗ trợ xây dựng 4 căn nhà đồng đội cho cán bộ khó khăn.") == []
    assert records("Các doanh nghiệp đăng ký xây dựng 2 nhà đại đoàn kết trở lên.") == []
    assert records("Mức hỗ trợ xây dựng 1 nhà tình nghĩa là 40 triệu đồng/nhà.") == []


def test_houses_finished_in_the_passive_and_built_in_the_southern_word():
    assert records("Sau 3 tháng thi công, 9 căn nhà được hoàn thành đúng hẹn.") == [("houses_built", 9, "actual")]
    assert records("Năm 2015, xã cất 14 căn nhà đại đoàn kết cho hộ nghèo.") == [("houses_built", 14, "actual")]


def test_rooms_and_community_buildings_are_no_homes():
    text = ("Năm 2024, huyện xây dựng 8 căn nhà đại đoàn kết. Mỗi căn nhà có 2 phòng ngủ, 1 phòng bếp và 1 nhà vệ "
            "sinh. Xã cũng xây 2 nhà sinh hoạt cộng đồng.")
    assert records(text) == [("houses_built", 8, "actual")]


def test_money_invested_in_new_rural_areas_is_no_charity_but_money_given_to_it_is():
    assert records("Năm 2024, huyện đã đầu tư 86 tỷ đồng xây dựng nông thôn mới.") == []
    assert records("Năm 2024, nhân dân đóng góp 12 tỷ đồng xây dựng nông thôn mới.") == [
        ("welfare_funds_vnd", 12e9, "actual")]


def test_a_list_after_a_colon_that_names_the_targets_set_is_of_targets():
    text = ("Các nhiệm vụ, chỉ tiêu chủ yếu được đề ra là: 100% chi bộ hoàn thành tốt nhiệm vụ; kết nạp 6 đảng viên "
            "mới.")
    assert records(text) == [("org_good_rate", 100, "target"), ("new_members", 6, "target")]
    assert records("Đại hội đề ra các chỉ tiêu: kết nạp 250 đảng viên mới.") == [("new_members", 250, "target")]
    assert records("Nghị quyết đặt ra một số chỉ tiêu về công tác đảng: 92% đảng viên hoàn thành tốt nhiệm vụ.") == [
        ("member_good_rate", 92, "target")]
    # a list of what the targets came to is results
    assert records("Năm 2024, kết quả thực hiện các chỉ tiêu chủ yếu: kết nạp 140 đảng viên.") == [
        ("new_members", 140, "actual")]


def test_a_branch_committee_is_no_membership_and_the_form_named_with_the_act_is_discipline():
    assert records("Năm 2024, Ban Chi ủy khóa mới gồm 5 đồng chí.") == []
    assert records("Năm 2024, Ủy ban Kiểm tra Huyện ủy thi hành kỷ luật khiển trách 4 đảng viên.") == [
        ("disciplined_members", 4, "actual")]
    assert records("Năm 2024, Ban Thường vụ quyết định cảnh cáo 2 đảng viên.") == [("disciplined_members", 2, "actual")]
    assert records("Năm 2024, thi hành kỷ luật đối với 7 cán bộ, đảng viên vi phạm.") == [
        ("disciplined_members", 7, "actual")]


def test_admissions_a_plan_names_are_a_target_and_a_rate_the_resolution_asks_for_is_a_rate():
    text = "Năm 2017, kế hoạch năm 2017 phát triển 150 đảng viên, kết quả đã kết nạp được 171 đảng viên."
    assert records(text) == [("new_members", 150, "target"), ("new_members", 171, "actual")]
    text = "Bảo đảm tỉ lệ kết nạp đảng viên mới hằng năm đạt từ 3% theo Nghị quyết Đại hội."
    assert records(text) == [("new_members_rate", 3, "target")]


def test_a_date_written_with_dots_gives_the_year():
    text = ("Quỹ vì người nghèo tăng mạnh\n\nSố tiền được ủng hộ trong Tháng cao điểm (17.10 - 18.11.2022); trong "
            "đó cấp tỉnh hơn 3 tỷ đồng.")
    assert [(r.metric, r.year) for r in extract(text)] == [("welfare_funds_vnd", 2022)]


def years_of(text: str, published: date) -> list[tuple[str, float, int | None]]:
    return [(r.metric, r.value, r.year) for r in extract(text, published=published) if r.metric != "other"]


def test_a_cited_congress_resolution_is_no_congress_held():
    text = ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025-2030 đề ra chỉ tiêu kết nạp đảng viên mới hằng năm "
            "từ 3% trở lên so với tổng số đảng viên.\n\nĐảng bộ xã Tân An được thành lập sau sáp nhập và coi trọng "
            "phát triển đảng viên.\n\nĐảng ủy xã cho biết đã kết nạp 38 đảng viên mới trong những tháng qua.")
    assert ("new_members", 38, 2025) in years_of(text, date(2025, 12, 8))


def test_a_long_headline_that_plans_the_year_is_not_the_lead_and_a_year_compared_in_parentheses_is_not_reviewed():
    text = ("Triển khai công tác kiểm tra, giám sát và thi hành kỷ luật của Đảng bộ tỉnh trong năm 2023 (tin 10/1)\n\n"
            "Năm 2022, cấp ủy các cấp đã kiểm tra 640 tổ chức đảng và 120 đảng viên theo chương trình đề ra.\n\n"
            "Về kỷ luật, các cấp ủy đã thi hành kỷ luật 96 đảng viên.")
    assert years_of(text, date(2023, 1, 10)) == [("disciplined_members", 96, 2022)]
    text = ("Đảng ủy Khối biểu dương 15 tập thể tiêu biểu năm 2023\n\n"
            "Trong năm 2023, Đảng bộ Khối có 2.140 đảng viên hoàn thành tốt nhiệm vụ, chiếm 96,3% (năm 2022 đạt tỷ lệ "
            "tương ứng là 95,1%).\n\nĐảng ủy Khối đã kết nạp 92 đảng viên mới.")
    assert ("new_members", 92, 2023) in years_of(text, date(2024, 1, 5))


def test_admitted_against_the_plan_with_no_noun_after_the_ratio():
    text = "Năm 2019, Đảng bộ xã Hòa Lạc kết nạp được 6/4 đạt 150%, xã Tân Lập kết nạp được 3/3 đạt 100%."
    assert records(text) == [("new_members", 6, "actual"), ("new_members", 4, "target"),
                             ("new_members_plan_pct", 150, "actual"), ("new_members", 3, "actual"),
                             ("new_members", 3, "target"), ("new_members_plan_pct", 100, "actual")]


def test_expulsions_in_a_breakdown_of_forms_and_discipline_weighed_then_imposed():
    text = "Đến ngày 30.6.2023, Đảng bộ có 6 trường hợp bị thi hành kỷ luật, với hình thức khiển trách 2, khai trừ 4."
    assert records(text) == [("disciplined_members", 6, "actual"), ("removed_members", 4, "actual")]
    assert [r.year for r in extract(text) if r.metric != "other"] == [2023, 2023]
    text = ("Năm 2023, các cấp ủy đã xem xét xử lý kỷ luật 830 đảng viên với các hình thức: 600 khiển trách, 200 cảnh "
            "cáo, 10 cách chức, 20 khai trừ.")
    assert records(text) == [("disciplined_members", 830, "actual"), ("removed_members", 20, "actual")]
    # weighed only
    assert records("Năm 2023, Ủy ban Kiểm tra xem xét kỷ luật 4 đảng viên vi phạm.") == []


def test_a_total_brought_to_after_a_breakdown_and_the_excellent_as_a_share_of_the_good():
    text = ("Năm 2024, Đảng bộ kết nạp được 410 đảng viên mới, trong đó: đảng viên nữ là 160 đồng chí, đảng viên trẻ 90 "
            "đồng chí, đưa tổng số đảng viên toàn Đảng bộ đạt 52.300 đảng viên.")
    assert records(text) == [("new_members", 410, "actual"), ("total_members", 52300, "actual")]
    text = "Năm 2024 có 14,2% đảng viên hoàn thành xuất sắc nhiệm vụ, chiếm 15% số đảng viên hoàn thành tốt nhiệm vụ."
    assert records(text) == [("member_excellent_rate", 14.2, "actual")]
    assert records("Năm 2024 có 93% số đảng viên hoàn thành tốt nhiệm vụ.") == [("member_good_rate", 93, "actual")]


def test_money_received_sponsored_or_broken_down_by_level_after_the_sum_raised():
    text = ("Năm 2022, Quỹ Vì người nghèo các cấp vận động được 8,2 tỷ đồng. Trong đó cấp tỉnh thu 2,5 tỷ đồng; cấp "
            "huyện thu 3,1 tỷ đồng.")
    assert records(text) == [("welfare_funds_vnd", 8.2e9, "actual"), ("welfare_funds_vnd", 2.5e9, "actual"),
                             ("welfare_funds_vnd", 3.1e9, "actual")]
    assert records("Năm 2022, Ủy ban MTTQ tỉnh đã tiếp nhận 2,6 tỷ đồng của các tổ chức, cá nhân.") == [
        ("welfare_funds_vnd", 2.6e9, "actual")]
    assert records("Năm 2022, doanh nghiệp tài trợ 40 triệu đồng cho gia đình ông B.") == [
        ("welfare_funds_vnd", 4e7, "actual")]
    assert records("Năm 2022, dự án dùng vốn tài trợ 12 tỷ đồng của nước ngoài.") == []


def test_a_resolutions_words_quoted_and_a_programme_named_in_quotes_are_goals():
    text = ("Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh “Bình quân mỗi năm phát triển 1.500 đảng viên”, các cấp ủy đã "
            "tích cực tạo nguồn.")
    assert records(text) == [("new_members", 1500, "target")]
    text = "Lễ trao nhà nằm trong “Chương trình toàn tỉnh xây dựng 800 căn nhà đại đoàn kết” giai đoạn 2024-2025."
    assert records(text) == [("houses_built", 800, "target")]


def test_organisations_counted_after_the_members_past_a_level_and_past_a_semicolon():
    assert records("Đến nay huyện đã có hơn 3.100 đảng viên và 64 tổ chức cơ sở đảng.") == [
        ("total_members", 3100, "actual"), ("org_count", 64, "actual")]
    assert records("Đại hội có 200 đại biểu đại diện cho 4.210 đảng viên thuộc 57 tổ chức cơ sở đảng.") == [
        ("total_members", 4210, "actual"), ("org_count", 57, "actual")]
    assert records("Toàn khu vực có 40 đảng bộ cấp huyện và tương đương, với 1.820 tổ chức cơ sở đảng.") == [
        ("org_count", 1820, "actual")]
    assert records("Đảng bộ tỉnh hiện có 12 đảng bộ cấp trên cơ sở, 430 tổ chức cơ sở đảng.") == [
        ("org_count", 430, "actual")]
    assert records("Toàn tỉnh có 16 đảng bộ trực thuộc Tỉnh ủy; 590 tổ chức cơ sở đảng; 2.400 chi bộ.") == [
        ("org_count", 590, "actual")]
    # an inspection of them counts none
    assert records("Năm 2024, Ủy ban Kiểm tra đã kiểm tra 95 đảng viên và 12 tổ chức cơ sở đảng.") == []


def test_goals_go_on_into_the_next_paragraph_after_a_sentence_of_goals_and_rises():
    text = ("Nhiệm kỳ 2025-2030, tỉnh phấn đấu tăng trưởng kinh tế đạt 8%/năm trở lên; thu ngân sách tăng 10%/năm.\n\n"
            "Hằng năm, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 85% trở lên.")
    assert records(text) == [("org_good_rate", 85, "target")]
    # a paragraph of results after results stays results
    text = "Năm 2024, tỉnh tăng trưởng 7,5%.\n\nHằng năm, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 88%."
    assert records(text) == [("org_good_rate", 88, "actual")]


def test_both_bands_named_are_good_or_better_and_remaining_targets_are_not_met():
    assert records("Năm 2024, có 91,2% đảng viên hoàn thành xuất sắc nhiệm vụ và hoàn thành tốt nhiệm vụ.") == [
        ("member_good_rate", 91.2, "actual")]
    assert records("Đến nay, tỉnh đã hoàn thành 18/24 chỉ tiêu, còn 6 chỉ tiêu tiếp tục phấn đấu.") == [
        ("targets_met", 18, "actual")]


def test_branches_rated_where_they_sit_are_branches():
    text = "Năm 2024, số chi bộ trong cơ quan hành chính hoàn thành tốt nhiệm vụ trở lên là trên 96%."
    assert records(text) == [("org_good_rate", 96, "actual")]
    assert records("Năm 2024, 94% cơ quan, đơn vị hoàn thành tốt nhiệm vụ.") == [("units_good_rate", 94, "actual")]


def test_houses_only_started_approved_still_to_build_or_a_programme_goal_are_not_built():
    assert records("Từ đầu năm đến nay, các xã đã khởi công xây dựng, sửa chữa, làm mới được 640 nhà cho hộ nghèo.") == []
    assert records("Số nhà được phê duyệt năm 2025 là 12 nhà, bao gồm xây mới 5 nhà, sửa chữa 7 nhà.") == []
    assert records("Các đơn vị tiếp tục xây dựng 230 căn nhà còn lại.") == []
    assert records("Thực hiện chương trình xây tặng 900 nhà đồng đội của Quân khu.") == [("houses_built", 900, "target")]
    # started and handed over: built
    assert records("Năm 2024, xã đã khởi công và bàn giao 11 căn nhà đại đoàn kết.") == [("houses_built", 11, "actual")]


def test_houses_repaired_named_after_their_count_and_delegates_speaking_for_the_members():
    assert records("Năm 2024, huyện xây mới 420 nhà và 150 nhà sửa chữa.") == [("houses_built", 420, "actual")]
    assert records("Năm 2020, 320 đại biểu đại diện gần 61.000 đảng viên trong toàn Đảng bộ tỉnh.") == [
        ("total_members", 61000, "actual")]


def test_targets_met_counted_as_goals_of_the_resolution_and_a_rate_of_admissions_compared():
    assert records("Nhiệm kỳ qua, hoàn thành và hoàn thành vượt mức 14/16 mục tiêu Nghị quyết đề ra.") == [
        ("targets_met", 14, "actual")]
    text = "Năm 2018, tỷ lệ phát triển đảng viên của huyện vượt 40% so với nghị quyết năm và vượt 25% so với cùng kỳ."
    assert records(text) == [("new_members_plan_pct", 40, "change")]


def test_houses_built_and_repaired_for_households_count_a_house_each():
    assert records("Năm 2024, huyện hỗ trợ xây dựng, sửa chữa nhà ở cho 212 hộ nghèo.") == [
        ("houses_built", 212, "actual")]
    assert records("Năm 2024, toàn tỉnh đã hỗ trợ 1.480 hộ nghèo xây mới và sửa chữa nhà ở.") == [
        ("houses_built", 1480, "actual")]
    assert records("Năm 2024, có 45 hộ nghèo, hộ cận nghèo được hỗ trợ làm nhà ở.") == [("houses_built", 45, "actual")]
    # households visited are no houses
    assert records("Năm 2024, đoàn đã thăm 6 hộ gia đình, tặng nhà tình nghĩa cho bà C.") == []


def test_members_the_delegates_of_a_congress_speak_for_are_counted_on_its_day():
    text = ("Sáng 12/6, Đảng bộ xã Tân Phong tổ chức Đại hội lần thứ I, nhiệm kỳ 2025-2030, với 150 đại biểu đại diện "
            "cho 1.240 đảng viên của 42 tổ chức cơ sở đảng trực thuộc.")
    assert years_of(text, date(2025, 6, 12)) == [("total_members", 1240, 2025), ("org_count", 42, 2025)]


def test_a_year_named_with_its_month_dates_the_figure():
    assert years_of("Tháng 10/2011, Đảng bộ thị trấn có 512 đảng viên.", date(2021, 3, 1)) == [
        ("total_members", 512, 2011)]


def test_parts_of_the_targets_a_resolution_set_and_the_plan_in_parentheses_after_a_colon():
    text = ("Nghị quyết đại hội xác định 6 chỉ tiêu chủ yếu. Trong đó, trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm "
            "vụ.")
    assert records(text) == [("org_good_rate", 90, "target")]
    text = "Năm 2022, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 94,1% (Nghị quyết: 88%)."
    assert records(text) == [("org_good_rate", 94.1, "actual"), ("org_good_rate", 88, "target")]


def test_targets_met_well_and_houses_a_sponsor_paid_for():
    assert records("Nhiệm kỳ 2015-2020, huyện đã hoàn thành tốt 19/19 chỉ tiêu.") == [("targets_met", 19, "actual")]
    assert records("Năm 2023, ngân hàng đã hỗ trợ 08 căn nhà đại đoàn kết cho hộ nghèo.") == [
        ("houses_built", 8, "actual")]
    assert records("Năm 2023, huyện hỗ trợ sửa chữa 14 nhà.") == []


def test_discipline_with_its_form_named_first_and_organisations_the_branches_belong_to():
    assert records("Năm 2024, thi hành kỷ luật với hình thức khiển trách đối với 5 đảng viên vi phạm.") == [
        ("disciplined_members", 5, "actual")]
    assert records("Năm 2024, toàn Đảng bộ có 58 chi bộ trực thuộc 23 tổ chức cơ sở đảng.") == [
        ("org_count", 23, "actual")]


def test_cadres_the_party_disciplines_are_members_and_cadres_counted_otherwise_are_not():
    assert records("Năm 2024, 3 cựu cán bộ bị khai trừ Đảng.") == [("removed_members", 3, "actual")]
    assert records("Năm 2024, Ủy ban Kiểm tra quyết định cảnh cáo 2 cán bộ cấp xã.") == [
        ("disciplined_members", 2, "actual")]
    assert records("Năm 2024, huyện có 410 cán bộ.") == []


def test_equal_gifts_of_donors_listed_in_one_sentence_are_each_a_gift_and_the_familys_share_is_none():
    text = ("Năm 2024, các đơn vị ủng hộ Quỹ Vì người nghèo 900 triệu đồng. Trong đó, Ngân hàng A ủng hộ 60 triệu đồng; "
            "Công ty cấp nước B 60 triệu đồng; Trường Đại học C 60 triệu đồng.")
    assert [v for m, v, _ in records(text)] == [9e8, 6e7, 6e7, 6e7]
    text = "Trong đó, Ngân hàng D hỗ trợ 40 triệu đồng, Mặt trận huyện 20 triệu đồng, còn lại 40 triệu đồng của gia đình."
    assert [v for m, v, _ in records(text)] == [4e7, 2e7]


def test_what_a_whole_province_is_made_of_ends_on_its_members():
    assert records("Đảng bộ tỉnh có 12 đảng bộ trực thuộc, 540 tổ chức cơ sở đảng và trên 2.100 chi bộ.") == [
        ("org_count", 540, "actual")]
    assert records("Hiện nay, toàn tỉnh có 610 chi bộ thôn, bản và 38.400 đảng viên.") == [
        ("total_members", 38400, "actual")]


def test_targets_met_at_the_end_of_a_clause_members_from_many_units_and_the_unit_that_admitted_most():
    assert records("Nhiệm kỳ qua, có 21/25 chỉ tiêu chủ yếu đã đạt và vượt; thu nhập bình quân tăng nhanh.") == [
        ("targets_met", 21, "actual")]
    text = "Sáng 2/10, Đại hội có 400 đại biểu đại diện cho hơn 120.000 đảng viên đến từ 90 đảng bộ."
    assert records(text) == [("total_members", 120000, "actual")]
    text = ("Năm 2024, toàn tỉnh kết nạp 280 đảng viên mới, trong đó, Đảng ủy Khối cơ quan kết nạp được nhiều đảng viên "
            "nhất với 61 đảng viên; Đảng bộ thị xã 40 đảng viên.")
    assert records(text) == [("new_members", 280, "actual"), ("new_members", 61, "actual"), ("new_members", 40, "actual")]


def test_the_membership_a_period_ended_with_is_counted_at_its_end():
    text = "Trong 2 năm 2019-2020, Đảng bộ kết nạp được 840 đảng viên, nâng tổng số đảng viên lên 9.120 đồng chí."
    assert years_of(text, date(2021, 2, 1)) == [("new_members", 840, None), ("total_members", 9120, 2020)]
    text = "Nhiệm kỳ qua, Đảng bộ xã kết nạp 36 đảng viên mới, nâng tổng số đảng viên toàn Đảng bộ lên 545 đồng chí."
    assert years_of(text, date(2025, 5, 20)) == [("new_members", 36, None), ("total_members", 545, 2025)]


def test_the_lead_is_found_past_a_pages_short_lines():
    text = ("Vận động hơn 50 tỷ đồng cho Quỹ Vì người nghèo\n\nThứ Sáu, 17/01/2025, 19:13\nIn bài này\n.\n\n"
            "Chiều 17/1, Ủy ban MTTQ tỉnh tổ chức hội nghị tổng kết Quỹ Vì người nghèo năm 2024 và triển khai nhiệm vụ.\n\n"
            "Mặt trận các cấp đã xây mới, sửa chữa 180 căn nhà đại đoàn kết.")
    assert ("houses_built", 180, 2024) in years_of(text, date(2025, 1, 17))


def test_a_line_broken_inside_a_sentence_is_one_line():
    text = "Năm 2024, Đảng bộ thành phố kết nạp 315\nđảng viên mới, nâng tổng số lên 6.020 đảng viên."
    assert records(text) == [("new_members", 315, "actual"), ("total_members", 6020, "actual")]
    got = extract(text)
    assert [text[r.start:r.end] for r in got] == ["315", "6.020"]  # offsets still point at the figures
    assert all(r.evidence == text[r.evidence_start:r.evidence_end] for r in got)  # quoted as written
    assert "\n" in got[0].evidence
    # a paragraph of its own stays one
    assert records("Kết nạp đảng viên\n\nNăm 2024, xã kết nạp 12 đảng viên.") == [("new_members", 12, "actual")]


def test_the_worth_of_gifts_after_their_price_each_is_their_total():
    text = "Năm 2024, mạnh thường quân phát 80 phần quà cho người khuyết tật, mỗi phần 500.000đ, trị giá 40 triệu đồng."
    assert records(text) == [("welfare_funds_vnd", 4e7, "actual")]


def test_a_body_or_a_post_acted_on_and_discipline_only_weighed_are_no_members_disciplined():
    assert records("Năm 2024, Ủy ban Kiểm tra đang xem xét đề nghị thi hành kỷ luật đối với 1 Tỉnh ủy viên.") == []
    assert records("Năm 2024, thi hành kỷ luật đối với 1 tập thể chi ủy và 3 đảng viên.") == [
        ("disciplined_members", 3, "actual")]


def test_development_in_a_name_admits_no_one_and_a_goal_to_meet_all_targets_counts_none_met():
    text = "Năm 2025, xã tiếp nhận Đảng bộ Ngân hàng Nông nghiệp và phát triển nông thôn chi nhánh và 31 đảng viên."
    assert records(text) == []
    assert records("Năm 2019, xã phát triển 14 đảng viên.") == [("new_members", 14, "actual")]
    assert records("Nhiệm kỳ 2025-2030, Đảng bộ phấn đấu thực hiện hoàn thành 17 chỉ tiêu chủ yếu.") == []
    assert records("Năm 2025, xã đạt tất cả 12 chỉ tiêu.") == [("targets_met", 12, "actual")]


def test_striving_through_hardship_and_beating_the_plan_report_results():
    text = "Nhiệm kỳ qua, Đảng bộ nỗ lực phấn đấu vượt qua khó khăn, đạt và vượt 21/24 chỉ tiêu."
    assert records(text) == [("targets_met", 21, "actual")]
    assert records("Năm 2025, Đảng bộ vượt chỉ tiêu đề ra, kết nạp 28 đảng viên.") == [("new_members", 28, "actual")]
    assert records("Năm 2021, kết nạp được 8.210 so với chỉ tiêu kế hoạch (8.000 đảng viên).")[0] == (
        "new_members", 8210, "actual")


def test_a_stock_counted_now_in_a_sentence_of_many_years_is_of_now():
    assert years_of("Qua 15 năm xây dựng, đến nay Đảng bộ hiện có 380 đảng viên.", date(2022, 5, 1)) == [
        ("total_members", 380, 2022)]


def test_makeshift_houses_replaced_for_households_and_the_parts_of_houses_not_built():
    assert records("Năm 2025, tỉnh đã hỗ trợ xóa nhà tạm, nhà dột nát cho 1.930 hộ.") == [
        ("houses_built", 1930, "actual")]
    assert records("Năm 2025, xóa nhà tạm, nhà dột nát cho 640/640 hộ.") == [
        ("houses_built", 640, "actual"), ("houses_built", 640, "target")]
    assert records("Tháng 5, toàn tỉnh tiếp tục khởi công làm 210 căn nhà (xây mới 150 căn, sửa chữa 60 căn).") == []
    text = "Đến ngày 20/7, toàn tỉnh đã khởi công xây dựng, sửa chữa 5.300 căn nhà. Trong đó xây mới 3.900 căn."
    assert records(text) == []
    # parts of houses handed over are built
    assert records("Năm 2024, bàn giao 90 căn nhà (xây mới 70 căn, sửa chữa 20 căn).") == [
        ("houses_built", 90, "actual"), ("houses_built", 70, "actual")]


def test_houses_pledged_or_damaged_are_not_built():
    assert records("Năm 2023, 60 đơn vị đã đăng ký ủng hộ, hỗ trợ xây dựng 2.400 căn nhà.") == []
    assert records("Năm 2023, toàn tỉnh có 30 ngôi nhà bị hư hại hoàn toàn và 52 căn nhà bị hư hỏng một phần.") == []


def test_the_part_of_houses_started_that_is_finished_is_built():
    text = ("Đến chiều 12-6, toàn tỉnh đã khởi công xây dựng, sửa chữa 4.100 căn nhà. Trong đó, 3.200/4.300 căn nhà xây "
            "dựng đã hoàn thành.")
    assert records(text) == [("houses_built", 3200, "actual"), ("houses_built", 4300, "target")]


def test_houses_and_money_still_needed_are_goals_and_their_parts_are_not_built():
    text = ("Tổng số nhà còn lại cần hoàn thành trong năm là 3.100 căn (xây mới 2.000 căn, sửa chữa 1.100 căn). Trong "
            "đó, chương trình xã hội hóa 900 căn.")
    assert records(text) == [("houses_built", 3100, "target")]
    assert records("Năm 2024, nhiều hộ nghèo cần hỗ trợ nhà ở với tổng kinh phí lên tới hơn 300 tỷ đồng.") == []


def test_a_breakdown_by_period_continues_the_figure_before_it():
    text = ("Từ năm 2016 đến năm 2018, huyện đã xóa tên 320 đảng viên. Trong đó, năm 2016 là 90 đảng viên; năm 2017 là "
            "110 đảng viên; năm 2018 là 120 đảng viên.")
    assert [(r.metric, r.value, r.year) for r in extract(text) if r.metric != "other"][1:] == [
        ("removed_members", 90, 2016), ("removed_members", 110, 2017), ("removed_members", 120, 2018)]


def test_the_members_of_all_kinds_of_units_named_as_their_total():
    text = ("Đảng bộ có 98 tổ chức cơ sở đảng; trong đó có 60 đảng bộ cơ sở và 38 chi bộ cơ sở với tổng số đảng viên là "
            "3.870 đồng chí.")
    assert records(text) == [("org_count", 98, "actual"), ("total_members", 3870, "actual")]


def test_a_national_programme_is_no_goal_and_money_given_to_build_houses_builds_none_yet():
    text = "Năm 2025, hỗ trợ nhà ở từ Chương trình mục tiêu quốc gia giảm nghèo bền vững cho 2.100 nhà đạt 100% kế hoạch."
    assert records(text)[0] == ("houses_built", 2100, "actual")
    assert records("Dịp này, câu lạc bộ còn ủng hộ 80 triệu đồng để tài trợ xây dựng 2 căn nhà tình nghĩa.") == [
        ("welfare_funds_vnd", 8e7, "actual")]
    # a programme's money joined to build them: built
    assert records("Năm 2020, lồng ghép nguồn vốn Dự án 167 để hỗ trợ xây dựng 140 căn nhà cho người nghèo.") == [
        ("houses_built", 140, "actual")]


def test_the_parts_of_houses_started_go_on_into_the_next_paragraph():
    text = ("Tuần qua, toàn tỉnh tiếp tục khởi công làm 210 căn nhà (xây mới 120 căn, sửa chữa 90 căn).\n"
            "Trong đó, xây mới 120 căn, sửa chữa 90 căn.")
    assert records(text) == []


def test_delegates_who_stand_for_the_members():
    assert years_of("Sáng 10/7, Đại hội có 140 đại biểu tiêu biểu cho 790 đảng viên trong toàn Đảng bộ phường.",
                    date(2025, 7, 10)) == [("total_members", 790, 2025)]


def test_who_came_to_a_meeting_investment_drawn_in_and_targets_met_beyond_the_plan():
    assert records("Năm 2019, dự hội nghị có hơn 900 đảng viên trên địa bàn xã.") == []
    assert records("Năm 2019, xã đã vận động, thu hút đầu tư các công trình điện, đường với tổng số tiền 30 tỷ đồng.") == []
    assert records("Nhiệm kỳ qua, huyện hoàn thành và hoàn thành vượt kế hoạch 13/15 chỉ tiêu.") == [
        ("targets_met", 13, "actual")]


def test_admitted_for_named_after_the_verb_members_made_full_and_more_to_develop():
    assert records("Năm 2024, Đảng ủy kết nạp đảng viên mới cho 15 quần chúng ưu tú.") == [
        ("new_members", 15, "actual")]
    assert records("Năm 2024, chi bộ kết nạp mới 5 đồng chí và 4 đồng chí là đảng viên dự bị được công nhận chính thức.") \
        == [("new_members", 5, "actual")]
    assert records("Nhiệm kỳ tới, phấn đấu phát triển thêm 9 đảng viên.") == [("new_members", 9, "target")]


def test_members_disciplined_after_the_list_of_what_they_did_wrong():
    text = ("Nhiệm kỳ qua, có 9.200 đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, "
            "“tự chuyển hóa” bị xử lý kỷ luật.")
    assert records(text) == [("disciplined_members", 9200, "actual")]
    assert records("Năm 2023, có 40 đảng viên vi phạm, trong đó nhiều người bị kỷ luật.") == []


def test_members_as_a_share_of_a_force_are_no_share_of_a_plan():
    text = ("Năm 2020, kết nạp 180 đảng viên trong các lực lượng, tỷ lệ đảng trong dân quân tự vệ đạt trên 28%, trong "
            "quân nhân dự bị đạt trên 8%.")
    assert records(text) == [("new_members", 180, "actual")]
    assert records("Năm 2020, tỷ lệ đảng viên trong toàn Đảng bộ hoàn thành tốt nhiệm vụ đạt 92%.") == [
        ("member_good_rate", 92, "actual")]


def test_a_rate_names_what_it_is_of_right_after_its_word_however_far_back():
    text = ("Năm 2025, tỷ lệ tổ chức đảng trực thuộc Đảng bộ xã được đánh giá, xếp loại từ hoàn thành tốt nhiệm vụ trở "
            "lên đạt 100% (mục tiêu đại hội là 90%).")
    assert records(text) == [("org_good_rate", 100, "actual"), ("org_good_rate", 90, "target")]


def test_money_whose_giver_is_named_after_it_however_long_the_name():
    text = ("Căn nhà có tổng trị giá là 60 triệu đồng, do Hội đồng Đội tỉnh và Công ty Cổ phần Thương mại Dịch vụ Địa ốc "
            "Hoàng Long tài trợ.")
    assert records(text) == [("welfare_funds_vnd", 6e7, "actual")]
    assert records("Năm 2023, dự án 30 tỷ đồng do ngân sách tỉnh hỗ trợ.") == []


def test_counts_listed_with_one_noun_after_the_last_all_count_it():
    assert records("Ba năm qua, Đảng bộ xã kết nạp lần lượt 14, 17 và 21 đảng viên mới.") == [
        ("new_members", 14, "actual"), ("new_members", 17, "actual"), ("new_members", 21, "actual")]
    # a count with its own noun is not the list's
    assert records("Năm 2022, xã có 12 chi bộ, 9 và 4 tổ đảng.") == []


@pytest.mark.parametrize("text", [
    "Trong các năm 2021, 2022, 2023, Đảng bộ huyện lần lượt kết nạp 130, 142 và 151 đảng viên mới.",
    "Năm 2021, năm 2022 và năm 2023, Đảng bộ huyện kết nạp được lần lượt là 130, 142 và 151 đảng viên mới.",
    "Đảng bộ huyện kết nạp 130, 142 và 151 đảng viên mới, tương ứng với các năm 2021, 2022 và 2023.",
])
def test_figures_listed_respectively_against_years_are_of_those_years(text):
    assert years_of(text, date(2024, 1, 10)) == [
        ("new_members", 130, 2021), ("new_members", 142, 2022), ("new_members", 151, 2023)]


def test_rates_listed_respectively_against_years_and_lists_that_do_not_pair():
    text = ("Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên các năm 2019, 2020 lần lượt đạt 86,4% và 89%.")
    assert years_of(text, date(2021, 2, 1)) == [("org_good_rate", 86.4, 2019), ("org_good_rate", 89, 2020)]
    # a span of years is no list of them, and a list of another length pairs with nothing
    text = "Giai đoạn 2016 - 2020, Đảng bộ lần lượt kết nạp 310 và 295 đảng viên ở hai khối."
    assert years_of(text, date(2021, 2, 1)) == [("new_members", 310, None), ("new_members", 295, None)]
    text = "Các năm 2019, 2020 và 2021, huyện lần lượt kết nạp 40 và 52 đảng viên."
    assert len({y for *_, y in years_of(text, date(2022, 1, 5))}) == 1


def test_amounts_listed_up_to_one_in_dong_are_all_money():
    text = "Ba năm 2022, 2023, 2024, Quỹ Vì người nghèo huyện tiếp nhận lần lượt 3,4 tỷ, 4 tỷ và 5,1 tỷ đồng."
    assert years_of(text, date(2025, 1, 8)) == [
        ("welfare_funds_vnd", 3.4e9, 2022), ("welfare_funds_vnd", 4e9, 2023), ("welfare_funds_vnd", 5.1e9, 2024)]
    # a scaled count before money is no money
    assert [(r.unit, r.value) for r in extract("Năm 2023, xã có 1,2 triệu cây giống và 3 tỷ đồng vốn vay.")] == [
        ("count", 1.2e6), ("vnd", 3e9)]


@pytest.mark.parametrize(("text", "members"), [
    ("Năm 2021, Huyện ủy đã thi hành kỷ luật 2 cấp ủy viên và 31 đảng viên.", 31),
    ("Năm 2021, các cấp ủy đã kỷ luật 1 huyện ủy viên, 4 bí thư chi bộ…và hơn 70 đảng viên.", 70),
])
def test_members_after_the_posts_the_same_act_named_are_its_members(text, members):
    assert ("disciplined_members", members, "actual") in records(text)


@pytest.mark.parametrize(("text", "metric"), [
    ("Năm 2023, 26 đảng viên vi phạm đã được các cấp ủy xem xét, đưa ra khỏi Đảng.", "removed_members"),
    ("Năm 2023, 26 đảng viên không còn đủ tư cách đã bị chi bộ xem xét, xóa tên.", "removed_members"),
    ("Năm 2023, 26 đảng viên bị Ủy ban Kiểm tra Thành ủy thi hành kỷ luật cảnh cáo.", "disciplined_members"),
    ("Năm 2023, 26 đảng viên do không còn đủ tư cách nên bị xóa tên.", "removed_members"),
])
def test_members_acted_on_by_a_party_body_named_before_the_act(text, metric):
    assert records(text) == [(metric, 26, "actual")]


def test_an_act_denied_or_only_proposed_after_a_count_is_not_its_act():
    assert records("Năm 2023, khiển trách 6 người, cảnh cáo 2 người và không có đảng viên nào bị khai trừ.") == []
    assert records("Năm 2023, 4 đảng viên được cấp ủy đề nghị khai trừ.") == []


@pytest.mark.parametrize("text", ["Đến cuối năm 2025, có 3.105 căn hoàn thành và đưa vào sử dụng.",
                                  "Đến cuối năm 2025, 3.105 căn nhà hoàn thành, bàn giao cho các hộ."])
def test_houses_finished_and_in_use_whatever_the_tense_are_built(text):
    assert records(text) == [("houses_built", 3105, "actual")]


def test_houses_with_only_a_part_finished_are_not_built():
    assert records("Năm 2025, xã có 56 căn hoàn thành phần móng.") == []


def test_a_share_of_the_plan_with_its_own_qualifier_after_members_developed():
    text = "Năm 2024, Đảng bộ thị xã phát triển 174 đảng viên, đạt hơn 116% chỉ tiêu tỉnh giao."
    assert records(text) == [("new_members", 174, "actual"), ("new_members_plan_pct", 116, "actual")]


@pytest.mark.parametrize(("text", "met", "of"), [
    ("Nhiệm kỳ 2020 - 2025, huyện đạt và vượt 21 trong tổng số 24 chỉ tiêu chủ yếu của Nghị quyết.", 21, 24),
    ("Năm 2024, xã có 16 trong số 19 mục tiêu đạt và vượt kế hoạch.", 16, 19),
    ("Năm 2024, huyện có 27/29 chỉ tiêu về phát triển kinh tế - xã hội, quốc phòng - an ninh và xây dựng hệ thống "
     "chính trị đạt và vượt so với Nghị quyết.", 27, 29),
])
def test_targets_met_out_of_a_whole_written_out_or_with_their_field_between(text, met, of):
    got = [(r.metric, r.value, r.denominator) for r in extract(text) if r.metric != "other"]
    assert got[0] == ("targets_met", met, of)


def test_the_figure_of_a_plan_named_before_it_is_the_plan():
    text = "Năm 2024, Quỹ Vì người nghèo thị xã vận động được 2,1 tỷ đồng, vượt chỉ tiêu tỉnh giao là 1,5 tỷ đồng."
    assert records(text) == [("welfare_funds_vnd", 2.1e9, "actual"), ("welfare_funds_vnd", 1.5e9, "target")]
    assert records("Kế hoạch năm 2024 là 150 đảng viên mới.") == [("new_members", 150, "target")]


def test_members_discipline_was_taken_with_are_disciplined_not_the_membership():
    text = "Năm 2021, Đảng bộ tỉnh thi hành kỷ luật đảng với 143 đảng viên (giảm 17 đảng viên so với năm 2020)."
    assert records(text) == [("disciplined_members", 143, "actual"), ("disciplined_members", 17, "change")]
    assert records("Năm 2021, Đảng bộ tỉnh với 143 đảng viên.") == [("total_members", 143, "actual")]


def test_the_kinds_of_organisations_newly_founded_are_no_count_of_organisations():
    text = "Năm 2024, Đảng bộ Khối phát triển được 11 tổ chức đảng, gồm 4 tổ chức cơ sở đảng và 7 chi bộ trực thuộc."
    assert records(text) == []
    text = "Năm 2024, Đảng bộ Khối có 31 tổ chức đảng, gồm 12 tổ chức cơ sở đảng và 19 chi bộ trực thuộc."
    assert records(text) == [("org_count", 12, "actual")]


def test_the_expelled_labelled_in_a_breakdown_of_discipline():
    text = "Năm 2024, thi hành kỷ luật 17 đảng viên (khiển trách: 9; cảnh cáo: 5; cách chức: 1; khai trừ: 2)."
    assert records(text) == [("disciplined_members", 17, "actual"), ("removed_members", 2, "actual")]


def test_members_acted_on_by_a_long_named_body_and_a_second_share_of_another_plan():
    text = ("Trong 5 năm qua, hơn 3.000 đảng viên không còn đủ tư cách đã được các cấp ủy và tổ chức đảng trong toàn tỉnh "
            "đã đưa ra khỏi Đảng.")
    assert records(text) == [("removed_members", 3000, "actual")]
    text = "Năm 2024, huyện phát triển 96 đảng viên, đạt 112% chỉ tiêu tỉnh giao và bằng 128% chỉ tiêu Nghị quyết đề ra."
    assert records(text) == [("new_members", 96, "actual"), ("new_members_plan_pct", 112, "actual"),
                             ("new_members_plan_pct", 128, "actual")]


def test_the_amount_each_giver_is_asked_for_is_no_money_raised():
    text = "Mức ủng hộ năm 2024: cán bộ, công chức ít nhất 200 nghìn đồng; hộ kinh doanh từ 50 nghìn đồng trở lên."
    assert records(text) == []


def test_a_stock_is_counted_on_its_day_whatever_term_the_sentence_goes_on_to():
    text = "Đảng bộ phường Bình Minh có 1.415 đảng viên, nhiệm kỳ qua, Đảng bộ và nhân dân phường đã nỗ lực vượt khó."
    assert years_of(text, date(2025, 7, 20)) == [("total_members", 1415, 2025)]
    assert years_of("Nhiệm kỳ qua, Đảng bộ phường có 1.415 đảng viên.", date(2025, 7, 20)) == [
        ("total_members", 1415, None)]


def test_goals_go_on_into_a_share_of_every_year_with_no_year_of_its_own():
    text = ("Nhiệm kỳ 2025-2030, Đảng bộ xã phấn đấu thực hiện 18 chỉ tiêu chủ yếu. Phấn đấu thu ngân sách tăng trên "
            "11%/năm, đến năm 2030 đạt 3,2 tỷ đồng. Trên 91% tổ chức đảng, đảng viên hằng năm hoàn thành tốt nhiệm vụ "
            "trở lên.")
    got = [(r.metric, r.value, r.kind, r.year) for r in extract(text, published=date(2025, 8, 1))
           if r.metric != "other"]
    assert got == [("org_good_rate", 91, "target", None), ("member_good_rate", 91, "target", None)]


def test_the_party_body_of_an_urban_district_or_a_special_zone_is_named_whole():
    text = ("Đơn vị đạt cao như: Đảng bộ Khối Cơ quan tỉnh kết nạp 210 ĐV, đạt 120%; Đảng bộ quận Hải An kết nạp 98 ĐV, "
            "đạt 105%; Đảng bộ đặc khu Côn Đảo kết nạp 31 ĐV.")
    got = {r.value: r.subject for r in extract(text) if r.metric == "new_members"}
    assert got == {210: "Đảng bộ Khối Cơ quan tỉnh", 98: "Đảng bộ quận Hải An", 31: "Đảng bộ đặc khu Côn Đảo"}


def test_the_cost_of_houses_counted_by_their_classifier_and_no_home_after_a_classifier():
    assert records("Năm 2024, số nhà được xây mới là 86 căn, tổng kinh phí 4,3 tỷ đồng.") == [
        ("houses_built", 86, "actual"), ("welfare_funds_vnd", 4.3e9, "actual")]
    assert records("Năm 2024, xã xây mới 12 căn nhà văn hóa, tổng kinh phí 6 tỷ đồng.") == []


def test_homes_made_new_and_repaired_for_households_are_houses():
    assert records("Năm 2024, Mặt trận các cấp đã làm mới và sửa chữa nhà ở cho hơn 2.600 hộ nghèo.") == [
        ("houses_built", 2600, "actual")]


@pytest.mark.parametrize("text", [
    "Năm 2024, Ngân hàng trao tặng 420 triệu đồng hỗ trợ huyện Ia Grai xây dựng 7 căn nhà.",
    "Năm 2024, UBND tỉnh quyết định hỗ trợ xây dựng 240 nhà ở cho hộ nghèo.",
])
def test_houses_money_was_handed_over_for_or_that_were_decided_are_not_built(text):
    assert "houses_built" not in [m for m, _, _ in records(text)]


def test_houses_the_money_raised_built_are_built():
    assert records("Năm 2024, cán bộ, đảng viên đóng góp hơn 4 tỷ đồng hỗ trợ xây dựng 82 căn nhà.") == [
        ("welfare_funds_vnd", 4e9, "actual"), ("houses_built", 82, "actual")]


def test_reached_or_beaten_is_at_least_and_a_goal_stays_a_goal():
    got = [(r.metric, r.kind, r.qualifier) for r in extract("Năm 2025, xã phấn đấu vận động đạt, vượt 600 triệu đồng.")]
    assert got == [("welfare_funds_vnd", "target", "at_least")]
    got = [(r.metric, r.value, r.qualifier) for r in extract("Năm 2024, huyện đạt và vượt 19/21 chỉ tiêu.")]
    assert got[0] == ("targets_met", 19, "exact")


@pytest.mark.parametrize("text", [
    "Sáng 5/3/2025, 14 sinh viên ưu tú của Trường Cao đẳng Kỹ thuật đã được kết nạp Đảng.",
    "Sáng 5/3/2025, 14 quần chúng ưu tú của Bệnh viện đã được kết nạp vào Đảng.",
])
def test_people_admitted_with_the_verb_after_who_they_are(text):
    assert records(text) == [("new_members", 14, "actual")]


def test_admitted_to_the_youth_union_or_a_part_of_the_admitted_is_no_admission():
    assert records("Năm 2024, 45 đoàn viên ưu tú được kết nạp vào Đoàn.") == []
    assert records("Năm 2024, kết nạp 52 đảng viên, trong đó 16 sinh viên được kết nạp Đảng.") == [
        ("new_members", 52, "actual")]


def test_targets_a_plan_sets_listed_in_parentheses_after_words_naming_the_plan():
    text = ("Năm 2024, Đảng ủy Khối đề ra chương trình thực hiện gồm có 3 chỉ tiêu về công tác xây dựng Đảng (Kết nạp "
            "120 đảng viên, …).")
    assert records(text) == [("new_members", 120, "target")]


def test_a_membership_raised_after_the_admissions_with_no_period_of_them_named():
    text = "Năm 2024, toàn tỉnh kết nạp 1.930 đảng viên, nâng tổng số đảng viên mới trong toàn tỉnh lên 48.215 đảng viên."
    assert records(text) == [("new_members", 1930, "actual"), ("total_members", 48215, "actual")]
    text = "Tháng 6/2024, xã kết nạp 9 đảng viên, nâng tổng số đảng viên mới từ đầu năm lên 31 đồng chí."
    assert records(text) == [("new_members", 9, "actual"), ("new_members", 31, "actual")]


def test_targets_the_same_verb_met_in_a_second_plan_and_not_those_with_a_verdict_of_their_own():
    text = "Năm 2024, Đảng bộ hoàn thành vượt mức 25/25 chỉ tiêu Nghị quyết Đại hội, 38 chỉ tiêu theo Kế hoạch của Tỉnh ủy."
    assert [(m, v) for m, v, _ in records(text)] == [("targets_met", 25), ("targets_met", 38)]
    assert [(m, v) for m, v, _ in records("Năm 2024, đạt 16/18 chỉ tiêu, 2 chỉ tiêu không đạt.")] == [
        ("targets_met", 16)]


def test_a_stock_is_never_counted_in_a_year_still_to_come_and_a_target_keeps_its_own_year():
    text = "32 đại biểu đại diện cho hơn 58.000 đảng viên của Đảng bộ sẽ dự Đại hội Đảng toàn quốc vào đầu năm 2026."
    assert years_of(text, date(2025, 10, 1)) == [("total_members", 58000, 2025)]
    text = "Đảng bộ xã có 1.140 đảng viên, đến năm 2030 phấn đấu có 1.400 đảng viên."
    assert years_of(text, date(2025, 8, 1)) == [("total_members", 1140, 2025), ("total_members", 1400, 2030)]


def test_targets_the_same_verb_met_past_a_documents_number():
    text = ("Năm 2024, huyện hoàn thành vượt mức 28/28 chỉ tiêu theo Chương trình hành động số 09 của Tỉnh ủy, 41 chỉ "
            "tiêu theo Kế hoạch số 15 của Huyện ủy.")
    assert [(m, v) for m, v, _ in records(text)] == [("targets_met", 28), ("targets_met", 41)]


def test_houses_finished_off_and_built_with_repairs_misspelt_are_built():
    assert records("Đến cuối tháng 9/2024, đã có 212 căn nhà được hoàn thiện.") == [("houses_built", 212, "actual")]
    assert records("Năm 2024, tỉnh đã xây dựng mới và sữa chữa 1.306 căn nhà đại đoàn kết.") == [
        ("houses_built", 1306, "actual")]


def test_organisations_that_held_their_congress_or_were_handed_over_are_no_count():
    assert records("Đến nay, huyện đã có 14 tổ chức cơ sở đảng trực thuộc tổ chức xong Đại hội.") == []
    assert records("Năm 2024, Đảng bộ tiếp nhận 12 tổ chức đảng với tổng số 530 đảng viên.") == []


def test_admissions_done_after_they_were_weighed_and_money_after_a_numbered_ward_word():
    assert records("Từ đầu nhiệm kỳ đến nay, các chi bộ đã xem xét kết nạp được 318 đảng viên.") == [
        ("new_members", 318, "actual")]
    assert records("Năm 2024, cấp huyện vận động 1,6 tỷ đồng, các xã, phường 740 triệu đồng.") == [
        ("welfare_funds_vnd", 1.6e9, "actual"), ("welfare_funds_vnd", 7.4e8, "actual")]


def test_people_come_for_households_are_no_houses():
    assert records("Dự lễ có lãnh đạo huyện cùng đại diện 150 hộ dân được hỗ trợ xây dựng nhà.") == []


@pytest.mark.parametrize(("text", "houses"), [
    ("Năm 2024, Mặt trận tỉnh hỗ trợ xây dựng mới và sửa chữa nhà ở cho 318 hộ nghèo.", 318),
    ("Năm 2024, tỉnh đã hỗ trợ xây dựng, sửa chữa cho trên 1.120 nhà Đại đoàn kết.", 1120),
])
def test_houses_built_and_repaired_for_households_or_counted_after_cho(text, houses):
    assert records(text) == [("houses_built", houses, "actual")]


def test_the_homes_a_programme_is_to_make_for_households_are_a_goal():
    assert records("Năm 2024, huyện triển khai thực hiện chương trình hỗ trợ làm nhà ở cho hơn 800 hộ nghèo.") == [
        ("houses_built", 800, "target")]


def test_members_said_who_they_are_then_disciplined_and_a_membership_from_its_units():
    assert records("Năm 2024, 38 đảng viên là cha, mẹ của học sinh được nâng điểm cũng bị kỷ luật.") == [
        ("disciplined_members", 38, "actual")]
    text = "Dự Đại hội có 320 đại biểu, đại diện cho hơn 81 nghìn đảng viên từ 64 đảng bộ trực thuộc."
    assert records(text) == [("total_members", 81000, "actual")]


def test_members_moved_in_from_elsewhere_are_no_membership_and_a_task_assigned_is_a_goal():
    assert records("Năm 2024, huyện có thêm 57 đảng viên từ nơi khác chuyển đến.") == []
    text = ("Năm 2024, tỉnh thành lập Ban chỉ đạo, giao nhiệm vụ cho các đơn vị khẩn trương hỗ trợ làm nhà ở cho hơn 600 "
            "hộ khó khăn.")
    assert records(text) == [("houses_built", 600, "target")]


def test_money_given_to_overcome_damage_and_money_received_from_sponsors_is_raised():
    text = ("Năm 2024, các cấp công đoàn vận động đóng góp ủng hộ đồng bào khắc phục thiệt hại do bão là trên 1,9 tỷ "
            "đồng.")
    assert records(text) == [("welfare_funds_vnd", 1.9e9, "actual")]
    assert records("Năm 2024, Ủy ban MTTQ tỉnh đã nhận 12,5 tỷ đồng của 7 nhà tài trợ.") == [
        ("welfare_funds_vnd", 1.25e10, "actual")]
    assert records("Năm 2024, bão gây thiệt hại 30 tỷ đồng.") == []


def test_a_stock_after_the_years_that_have_passed_is_counted_now():
    text = "Qua 15 năm xây dựng và phát triển, Đảng bộ Khối có 48 tổ chức cơ sở đảng với trên 2.100 đảng viên."
    assert years_of(text, date(2024, 5, 4)) == [("org_count", 48, 2024), ("total_members", 2100, 2024)]
    assert years_of("Qua 5 năm, Đảng bộ kết nạp 430 đảng viên.", date(2024, 5, 4)) == [("new_members", 430, None)]


def test_people_counted_in_words_are_counted():
    assert records("Năm 2024, ba người bị khai trừ Đảng.") == [("removed_members", 3, "actual")]
    assert records("Năm 2024, một người dân ủng hộ 5 triệu đồng cho Quỹ Vì người nghèo.") == [
        ("welfare_funds_vnd", 5e6, "actual")]


def test_money_written_in_words_with_its_scale_is_money():
    assert records("Năm 2011, Mặt trận các cấp đã vận động được hơn một nghìn tỷ đồng cho Quỹ Vì người nghèo.") == [
        ("welfare_funds_vnd", 1e12, "actual")]
    assert records("Năm 2011, tỉnh có hai triệu người.") == []


def test_individuals_the_party_disciplines_are_members_disciplined():
    assert records("Năm 2012, ủy ban kiểm tra các cấp đã xử lý kỷ luật 9 cá nhân.") == [
        ("disciplined_members", 9, "actual")]
    assert records("Năm 2024, xã khen thưởng 12 cá nhân.") == []


def test_households_helped_to_replace_a_makeshift_house_and_contents_met_out_of_a_whole():
    got = [(r.metric, r.value, r.kind, r.denominator) for r in extract("Đến nay, 15/21 hộ đã được hỗ trợ xóa nhà tạm.")]
    assert got == [("houses_built", 15, "actual", 21), ("houses_built", 21, "target", None)]
    got = [(r.metric, r.value, r.kind, r.denominator) for r in extract("Năm 2025, Đảng bộ hoàn thành và vượt 27/28 nội dung.")]
    assert got == [("targets_met", 27, "actual", 28)]


def test_a_sentence_opening_on_what_a_party_body_is_made_of():
    text = "Với 62 tổ chức cơ sở đảng trực thuộc và 2.870 đảng viên, Đảng bộ phường là đảng bộ lớn của tỉnh."
    assert records(text) == [("org_count", 62, "actual"), ("total_members", 2870, "actual")]


def test_a_membership_that_came_to_its_congress_and_one_founded_by_a_decision():
    assert records("Dự Đại hội có 260 đại biểu, đại diện cho hơn 12 ngàn đảng viên về dự Đại hội.") == [
        ("total_members", 12000, "actual")]
    text = ("Đảng bộ xã được thành lập theo Quyết định số 1234-QĐ/TU của Ban Thường vụ Tỉnh ủy, gồm 38 chi bộ trực thuộc "
            "với 612 đảng viên.")
    assert records(text) == [("total_members", 612, "actual")]
    assert records("Đảng bộ xã được thành lập năm 1948, với 6 đảng viên.") == []


def test_admissions_as_a_share_of_the_members_of_a_whole_body():
    assert records("Nhiệm kỳ qua, kết nạp đảng viên bình quân đạt trên 5% so với đảng viên toàn Đảng bộ.") == [
        ("new_members_rate", 5, "actual")]


def test_a_share_restating_a_ratio_of_organisations_and_the_units_the_admitted_come_from():
    assert records("Năm 2023, có 412/630 tổ chức cơ sở đảng kết nạp được đảng viên mới, đạt 65,4%.") == []
    text = "Sáng 3/2, Quận ủy tổ chức lễ kết nạp đảng viên đối với 18 quần chúng ưu tú của 2 chi bộ cơ sở trực thuộc."
    assert records(text) == [("new_members", 18, "actual")]


@pytest.mark.parametrize("text", [
    "Năm 2025, Đảng ủy phường đã lãnh đạo thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ; hoàn thành và vượt 29/30 nội dung.",
    "Năm 2024, dự kiến cả 16/16 chỉ tiêu đạt và vượt kế hoạch.",
])
def test_targets_met_after_a_clause_naming_goals_or_estimated_are_results(text):
    assert [(r.metric, r.kind) for r in extract(text) if r.metric != "other"] == [("targets_met", "actual")]


def test_targets_met_a_goal_names_stay_a_goal():
    assert [(r.metric, r.kind) for r in extract("Năm 2025, phấn đấu hoàn thành 15/17 chỉ tiêu.")
            if r.metric != "other"] == [("targets_met", "target")]


def test_houses_handed_over_and_repaired_are_built_and_houses_launched_or_handed_support_are_not():
    assert records("Năm 2021, huyện đã bàn giao và sửa chữa 31 căn nhà tình nghĩa.") == [("houses_built", 31, "actual")]
    assert records("Năm 2024, Hội trao hỗ trợ xây dựng 3 ngôi nhà tình nghĩa.") == []
    assert records("Năm 2024, Ủy ban MTTQ phát động xây dựng 4 căn nhà tình thương.") == []


def test_no_money_is_no_amount_raised():
    text = "Năm 2024, Hội tặng 2.000 phiếu mua hàng “0 đồng”, trị giá hơn 800 triệu đồng."
    assert records(text) == [("welfare_funds_vnd", 8e8, "actual")]


def test_members_admitted_out_of_a_quota_counted_in_targets():
    got = [(r.metric, r.value, r.kind) for r in extract("Năm 2023, toàn Đảng bộ kết nạp được 634/1.100 chỉ tiêu (đạt "
                                                          "57,64%).") if r.metric != "other"]
    assert got == [("new_members", 634, "actual"), ("new_members", 1100, "target"), ("new_members_plan_pct", 57.64, "actual")]


@pytest.mark.parametrize(("text", "metric", "value"), [
    ("Năm 2023, Đảng ủy khiển trách, cảnh cáo 11 người thuộc phòng Cảnh sát giao thông.", "disciplined_members", 11),
    ("Năm 2023, 6 đảng viên bị kỷ luật khai trừ Đảng.", "removed_members", 6),
    ("Năm 2023, 2 nguyên Bí thư Huyện ủy bị khai trừ ra khỏi Đảng.", "removed_members", 2),
    ("Năm 2023, 5 lãnh đạo cấp phòng bị kỷ luật cảnh cáo.", "disciplined_members", 5),
])
def test_discipline_by_forms_named_together_expulsion_as_discipline_and_people_named_by_post(text, metric, value):
    assert records(text) == [(metric, value, "actual")]


def test_a_form_named_for_the_count_before_and_bodies_acted_on_are_not_the_next_count():
    text = "Năm 2023, đã xử lý kỷ luật 16 đảng viên (với các hình thức: 13 khiển trách; 2 cảnh cáo và khai trừ 1 trường hợp)."
    assert records(text) == [("disciplined_members", 16, "actual"), ("removed_members", 1, "actual")]
    assert records("Năm 2023, 2 tập thể bị kỷ luật.") == []
    text = "Năm 2023, thi hành kỷ luật 40 người, trong đó 9 người bị cách chức và khai trừ 3 người."
    assert ("removed_members", 3, "actual") in records(text)


def test_both_kinds_of_grassroots_organisations_named_whole_and_a_composition_ending_on_about_n_members():
    text = "Năm 2024, Đảng bộ thị xã gồm 52 chi bộ, đảng bộ cơ sở và hơn 8.000 đảng viên."
    assert records(text) == [("org_count", 52, "actual"), ("total_members", 8000, "actual")]


def test_among_n_members_expelled_the_n_is_the_whole_and_the_part_after_it_no_total():
    text = "Trong số 9 đảng viên bị kỷ luật khai trừ Đảng, có 5 cán bộ là cựu lãnh đạo sở, ngành của tỉnh bị kỷ luật."
    assert records(text) == [("removed_members", 9, "actual")]


def test_houses_a_donor_pledged_to_build_are_not_built():
    assert records("Năm 2014, Sở Công thương cũng ủng hộ xây dựng 2 căn nhà đại đoàn kết.") == []


@pytest.mark.parametrize(("text", "value"), [
    ("Năm 2024, huyện có 15 nhà đã xây dựng hoàn thành.", 15),
    ("Năm 2025, hơn 6.000 căn nhà tạm trên địa bàn tỉnh đã bị xóa sổ.", 6000),
    ("Năm 2025, 2.310 hộ nghèo được hỗ trợ làm mới và sửa chữa nhà ở.", 2310),
    ("Năm 2025, tỉnh đã xử lý xong 8.120/8.200 căn nhà tạm.", 8120),
])
def test_houses_finished_gone_or_made_new_for_households_are_built(text, value):
    assert ("houses_built", value, "actual") in records(text)


def test_houses_a_province_must_or_resolves_to_replace_or_needs_are_no_houses_built():
    assert records("Năm 2025, cả nước phải xóa 280 căn nhà tạm.") == [("houses_built", 280, "target")]
    assert records("Tỉnh quyết tâm xóa 1.200 nhà tạm trong năm 2026.") == [("houses_built", 1200, "target")]
    assert records("Năm 2025, tổng nhu cầu hỗ trợ từ nguồn xã hội hóa là 8.400 nhà.") == []


def test_money_raised_in_ty_with_its_givers_after_it():
    assert records("Năm 2025, tỉnh vận động khoảng 80 tỷ từ các tổ chức, cá nhân.") == [
        ("welfare_funds_vnd", 8e10, "actual")]


@pytest.mark.parametrize(("text", "value"), [
    ("Năm 2023, Chi bộ Trường THPT Lê Lợi kết nạp Đảng cho 5 học sinh.", 5),
    ("Năm 2023, đã có 140 em học sinh đã được kết nạp Đảng.", 140),
])
def test_pupils_and_students_admitted_are_new_members(text, value):
    assert records(text) == [("new_members", value, "actual")]


def test_a_class_for_those_to_be_admitted_admits_no_one():
    assert records("Năm 2023, tổ chức 1 lớp bồi dưỡng đối tượng kết nạp Đảng cho 96 quần chúng ưu tú.") == []


def test_the_plan_in_parentheses_after_admissions_set_against_it():
    text = "Năm 2020, toàn huyện đã kết nạp được 1.027 so với chỉ tiêu kế hoạch (974 đảng viên), đạt 105,4%."
    assert records(text) == [("new_members", 1027, "actual"), ("new_members", 974, "target"),
                             ("new_members_plan_pct", 105.4, "actual")]


def test_a_membership_named_first_and_counted_in_comrades():
    text = "Năm 2021, tổng số đảng viên của chi bộ đến thời điểm đánh giá là 14 đồng chí, trong đó chính thức 12."
    assert records(text) == [("total_members", 14, "actual")]


def test_a_few_dong_are_no_money_raised():
    assert records("Năm 2021, ý kiến đóng góp của các đồng chí trong hội nghị, 720 đảng viên hoàn thành tốt, 20 đ") == []


def test_houses_said_done_after_houses_only_started_and_makeshift_houses_of_two_kinds_gone():
    assert records("Đến nay, huyện đã khởi công 150 nhà, 9 nhà đã xây dựng hoàn thành.") == [
        ("houses_built", 9, "actual")]
    assert records("Năm 2025, hơn 4.000 căn nhà tạm, nhà dột đã bị xóa sổ trên địa bàn tỉnh.") == [
        ("houses_built", 4000, "actual")]


def test_members_in_words_with_the_partys_capital_and_young_members_admitted():
    assert records("Năm 2024, Ba Đảng viên trẻ được kết nạp là đoàn viên ưu tú của chi đoàn.") == [
        ("new_members", 3, "actual")]
    assert records("Năm 2024, huyện Năm Căn có 12 căn nhà đại đoàn kết được bàn giao.") == [("houses_built", 12, "actual")]


def test_people_who_stand_in_the_partys_ranks_were_admitted_and_those_striving_to_were_not():
    assert records("Năm 2024, 27 quần chúng ưu tú đã vinh dự được đứng trong hàng ngũ của Đảng.") == [
        ("new_members", 27, "actual")]
    assert records("Năm 2024, có 18 đoàn viên được đứng vào hàng ngũ của Đảng.") == [("new_members", 18, "actual")]
    assert records("Năm 2024, có 40 đoàn viên đang phấn đấu để được đứng vào hàng ngũ của Đảng.") == []
    assert records("Năm 2024, có 3.120 đoàn viên đủ điều kiện được kết nạp vào Đảng.") == []


def test_members_counted_in_compound_number_words():
    assert records("Năm 2024, hai mươi hai đảng viên được kết nạp.") == [("new_members", 22, "actual")]


def test_a_ratio_with_its_counted_noun_before_the_slash():
    assert records("Năm 2024, Đảng bộ huyện kết nạp 57 đảng viên/60 chỉ tiêu, đạt 95%.") == [
        ("new_members", 57, "actual"), ("new_members", 60, "target"), ("new_members_plan_pct", 95, "actual")]
    assert records("Năm 2024, toàn tỉnh đã bàn giao 140 căn/150 căn nhà đại đoàn kết.") == [
        ("houses_built", 140, "actual"), ("houses_built", 150, "target")]
    # how many to a cell is no ratio of a count to its plan
    assert records("Năm 2024, bình quân mỗi chi bộ có 9 đảng viên/1 chi bộ.") == []


def test_makeshift_houses_all_gone_and_houses_built_new_in_the_souths_word():
    assert records("Đến cuối tháng 9/2025, tỉnh đã xóa xong toàn bộ 4.217 nhà tạm, nhà dột nát.") == [
        ("houses_built", 4217, "actual")]
    assert records("Năm 2025, huyện đã xóa hết 85 nhà tạm trên địa bàn.") == [("houses_built", 85, "actual")]
    assert records("Năm 2023, Ủy ban MTTQ huyện cất mới và sửa chữa 37 căn nhà đại đoàn kết.") == [
        ("houses_built", 37, "actual")]


def test_a_list_of_targets_a_congress_agreed_on_or_that_every_year_has():
    # carrying out the targets the congress voted for is no result
    assert records("Tại đại hội, chi bộ biểu quyết thống nhất thực hiện các chỉ tiêu nhiệm kỳ 2025-2027: kết nạp "
                   "4 đảng viên mới; hằng năm tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 95% trở lên.") == [
        ("new_members", 4, "target"), ("member_good_rate", 95, "target")]
    assert records("Chi bộ đã thực hiện các chỉ tiêu nhiệm kỳ 2020-2022: kết nạp 6 đảng viên mới.") == [
        ("new_members", 6, "actual")]
    # a sentence opening on the targets of every year: all its shares are targets
    assert records("Các chỉ tiêu hằng năm có 70% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ, trong đó 25% hoàn thành "
                   "xuất sắc nhiệm vụ; có 18% đảng viên hoàn thành xuất sắc nhiệm vụ.") == [
        ("org_good_rate", 70, "target"), ("org_excellent_rate", 25, "target"), ("member_excellent_rate", 18, "target")]


def test_targets_go_on_into_a_paragraph_of_shares_rated_every_year():
    text = ("Nghị quyết phấn đấu tỷ lệ kết nạp đảng viên mới hằng năm đạt từ 2,5% tổng số đảng viên trở lên.\n\n"
            "Hằng năm có trên 88% tổ chức cơ sở đảng được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên.")
    assert records(text) == [("new_members_rate", 2.5, "target"), ("org_good_rate", 88, "target")]


def test_a_quarter_with_its_year_dates_the_figures_after_it():
    text = "Năm 2023, trường kết nạp 212 đảng viên. Quý I/2024, trường đã kết nạp được 64 đảng viên."
    assert [(r.value, r.year) for r in extract(text) if r.metric != "other"] == [(212, 2023), (64, 2024)]
    # "quý 1/2024" is a period, not a figure out of a whole
    assert [(r.metric, r.value, r.year) for r in extract("Quý 1/2024, trường đã kết nạp được 64 đảng viên.")] == [
        ("new_members", 64, 2024)]


def test_a_year_alone_in_parentheses_after_a_figure_is_its_own():
    got = extract("Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ tăng từ 88,5% (năm 2010) lên 94,2% (năm 2015).")
    assert [(r.value, r.year) for r in got if r.metric == "org_good_rate"] == [(94.2, 2015)]
    # (a year opening a parenthesis of the year before's figure is that figure's)
    got = extract("Năm 2016, tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 97% (năm 2015 là 95%).")
    assert [(r.value, r.year) for r in got if r.metric == "member_good_rate"][0] == (97, 2016)


def test_a_share_chiem_whose_sign_was_left_out_and_a_total_raised_to_what_it_is_now():
    assert records("Năm 2019, có 312 đảng viên hoàn thành xuất sắc nhiệm vụ, chiếm 11,06.") == [
        ("member_excellent_rate", 11.06, "actual")]
    got = extract("Năm 2022, Đảng bộ xã đã kết nạp 07 đảng viên mới, nâng tổng số đảng viên hiện nay là 296 đảng viên.")
    assert [(r.metric, r.value, r.year) for r in got] == [("new_members", 7, 2022), ("total_members", 296, 2022)]


def test_money_handed_over_to_build_houses_and_a_drive_for_them_build_none_yet():
    assert records("Sáng 20/12/2023, Huyện đoàn trao kinh phí xây 4 căn nhà nhân ái cho đoàn viên nghèo.") == []
    assert records("Năm 2023, Ban Thường trực phân bổ kinh phí xây tặng 6 căn nhà đại đoàn kết.") == []
    assert records("Năm 2023, việc vận động xây dựng 500 căn nhà được triển khai rộng khắp.") == []
    # built through a drive
    assert records("Năm 2023, huyện đã phối hợp vận động xây dựng 52 căn nhà đại đoàn kết.") == [
        ("houses_built", 52, "actual")]


def test_figures_of_a_stretch_from_one_year_into_another_have_no_one_year():
    got = extract("Từ đầu năm 2019 đến tháng 9/2021, các cấp ủy đã thi hành kỷ luật 412 đảng viên. "
                  "Trong đó, khai trừ 35 đảng viên.")
    assert [(r.metric, r.value, r.year) for r in got] == [("disciplined_members", 412, None),
                                                           ("removed_members", 35, None)]
    # within one year, the year is the figure's
    got = extract("Từ đầu năm 2021 đến tháng 9/2021, các cấp ủy đã thi hành kỷ luật 97 đảng viên.")
    assert [(r.value, r.year) for r in got] == [(97, 2021)]


def test_targets_a_congress_opening_a_term_sets_with_no_year_are_the_terms():
    text = ("Đại hội đại biểu Đảng bộ tỉnh Nam Sơn lần thứ XXI, nhiệm kỳ 2025-2030 đã bế mạc sáng 14/10 sau ba ngày "
            "làm việc khẩn trương, nghiêm túc với nhiều quyết sách quan trọng.\n\n"
            "Đại hội đề ra 28 chỉ tiêu, trong đó trên 92% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.")
    got = [r for r in extract(text, published=date(2025, 10, 14)) if r.metric != "other"]
    assert [(r.metric, r.value, r.kind, r.year) for r in got] == [("org_good_rate", 92, "target", None)]


def test_a_congress_still_to_come_that_an_event_greets_opens_no_term():
    text = ("Thiết thực chào mừng Đại hội Hội Nông dân các cấp, tiến tới Đại hội đại biểu Hội Nông dân tỉnh nhiệm kỳ "
            "2026 – 2031, sáng 9/1/2026, Hội Nông dân huyện đã trao kinh phí hỗ trợ cho hội viên nghèo.\n\n"
            "Dịp này, Hội đã bàn giao 3 căn nhà tình thương cho hội viên.")
    got = [r for r in extract(text, published=date(2026, 1, 9)) if r.metric != "other"]
    assert [(r.metric, r.value, r.year) for r in got] == [("houses_built", 3, 2026)]


def test_an_equal_amount_in_a_sentence_that_says_it_adds_one_is_another_gift():
    text = ("Năm 2024, Công ty Sông Xanh trao 40 triệu đồng hỗ trợ xây nhà đại đoàn kết cho gia đình ông Lâm. "
            "Cùng ngày, Hội Doanh nhân trẻ huyện cũng trao 40 triệu đồng cho gia đình bà Nguyệt.")
    assert records(text) == [("welfare_funds_vnd", 40e6, "actual"), ("welfare_funds_vnd", 40e6, "actual")]
    # a repeat is still one fact, and "cũng như" (as well as) adds nothing
    text = ("Công ty Sông Xanh trao 40 triệu đồng cho gia đình ông Lâm. Số tiền 40 triệu đồng giúp gia đình ổn định "
            "cuộc sống cũng như yên tâm sản xuất.")
    assert records(text) == [("welfare_funds_vnd", 40e6, "actual")]


def test_houses_money_or_effort_is_for_are_not_built_yet():
    assert records("Năm 2019, huyện hỗ trợ 800 triệu đồng để xây dựng mới và sửa chữa 16 nhà tình nghĩa.") == [
        ("welfare_funds_vnd", 800e6, "actual")]
    # (but funds joined "để hỗ trợ xây dựng" houses, in a review of years, built them)
    assert records("Từ năm 2010 đến nay, tỉnh lồng ghép với nguồn vốn của Trung ương để hỗ trợ xây dựng 190 căn nhà.") == [
        ("houses_built", 190, "actual")]
    assert records("Năm 2024, tỉnh huy động các nguồn lực để làm mới từ 2.000 - 2.500 nhà đại đoàn kết.") == []
    # built, then given: the purpose comes after the houses
    assert records("Năm 2019, toàn huyện xây dựng 40 căn nhà để trao cho hộ nghèo.") == [("houses_built", 40, "actual")]


def test_the_low_end_of_a_range_of_houses_in_thousands_is_houses_not_money():
    assert records("Năm 2024, tỉnh phấn đấu hỗ trợ khoảng 3 nghìn đến 4 nghìn căn nhà đại đoàn kết.") == [
        ("houses_built", 3000, "target"), ("houses_built", 4000, "target")]


def test_shares_of_the_party_bodies_of_communes_rated_are_shares_of_grassroots_organisations():
    assert records("Năm 2022, 100% đảng bộ các xã biên giới đạt hoàn thành tốt nhiệm vụ trở lên.") == [
        ("org_good_rate", 100, "actual")]
    assert records("Năm 2022, tỷ lệ đảng bộ xã hoàn thành tốt nhiệm vụ đạt 96,5% (Nghị quyết là 90%).") == [
        ("org_good_rate", 96.5, "actual"), ("org_good_rate", 90, "target")]
    # a commune's own body, then its members' share
    assert records("Năm 2022, Đảng bộ xã có 93% đảng viên hoàn thành tốt nhiệm vụ.") == [
        ("member_good_rate", 93, "actual")]


def test_a_share_beside_the_plan_named_in_parentheses_after_it():
    assert records("Nhiệm kỳ qua, Đảng bộ tỉnh đã kết nạp 2.418 đảng viên, chiếm 71,5% (Nghị quyết là 3.380 đảng viên).") == [
        ("new_members", 2418, "actual"), ("new_members_plan_pct", 71.5, "actual"), ("new_members", 3380, "target")]
    assert records("Năm 2020, huyện kết nạp 96 đảng viên, đạt 80% (chỉ tiêu là 120 đảng viên).") == [
        ("new_members", 96, "actual"), ("new_members_plan_pct", 80, "actual"), ("new_members", 120, "target")]


def test_admissions_still_going_through_their_procedure_admit_no_one_yet():
    assert records("Năm 2023, chi bộ đang hướng dẫn thủ tục kết nạp 7 quần chúng ưu tú.") == []
    assert records("Năm 2023, chi bộ đang hoàn thiện hồ sơ kết nạp 5 quần chúng, đã kết nạp 9 đảng viên.") == [
        ("new_members", 9, "actual")]
    assert records("Năm 2023, chi bộ đã hoàn tất thủ tục kết nạp 8 đảng viên mới.") == [("new_members", 8, "actual")]


def test_the_whole_membership_a_part_was_counted_in():
    assert records("Năm 2024, có gần 3.100 đảng viên là người dân tộc thiểu số trong tổng số hơn 41.000 đảng viên của "
                   "toàn Đảng bộ tỉnh.") == [("total_members", 41000, "actual")]
    assert records("Năm 2010, trong tổng số 64.210 đảng viên toàn tỉnh chỉ có 8.120 đảng viên là nữ.") == [
        ("total_members", 64210, "actual")]
    # the whole of the admitted, or of the members assessed, is no membership
    assert records("Năm 2023, trong tổng số 1.200 đảng viên được kiểm điểm, có 1.100 đảng viên hoàn thành tốt "
                   "nhiệm vụ.") == []


def test_houses_allotted_are_not_built_and_a_familys_own_money_with_its_qualifier_is_no_gift():
    assert records("Năm 2023, theo phân bổ, Hội Nông dân tỉnh hỗ trợ 30 nhà; Hội Phụ nữ tỉnh hỗ trợ 15 nhà.") == []
    assert records("Năm 2022, tổng kinh phí hơn 85 triệu đồng (Đồn Biên phòng hỗ trợ 50 triệu đồng, gia đình đóng góp "
                   "hơn 35 triệu đồng).") == [("welfare_funds_vnd", 50e6, "actual")]


def test_a_membership_counted_now_after_the_work_of_admitting_is_no_admission():
    assert records("Nhờ làm tốt công tác phát triển đảng, đến nay, Đảng bộ Khu công nghiệp đã có 6 chi bộ với 58 "
                   "đảng viên.") == [("total_members", 58, "actual")]
    # (the admissions "so far" of a unit that admitted most are still admissions)
    assert records("Từ đầu năm đến nay, Đảng bộ Quân sự kết nạp được nhiều đảng viên nhất với 31 đảng viên.") == [
        ("new_members", 31, "actual")]


def test_a_body_made_up_anew_or_listed_with_no_verb_counts_its_organisations_and_members():
    assert records("Năm 2025, Đảng bộ xã được kiện toàn với 38 tổ chức cơ sở đảng và hơn 1.400 đảng viên.") == [
        ("org_count", 38, "actual"), ("total_members", 1400, "actual")]
    assert records("Năm 2025, Đảng bộ tỉnh có 16 đảng bộ trực thuộc; gần 700 tổ chức cơ sở đảng với hơn 40.000 đảng "
                   "viên.") == [("org_count", 700, "actual"), ("total_members", 40000, "actual")]
    # what an inspection was about is no make-up of a body
    assert records("Năm 2025, đoàn đã kiểm tra 12 tổ chức cơ sở đảng với 40 đảng viên.") == []


def test_a_breakdown_opening_the_next_paragraph_goes_on_with_the_money_before_it():
    text = ("Năm 2021, Quỹ Vì người nghèo các cấp trong tỉnh đã thu được hơn 9,2 tỷ đồng.\n\n"
            "Trong đó, quỹ cấp tỉnh thu gần 3,1 tỷ đồng, quỹ cấp huyện hơn 2,4 tỷ đồng.")
    assert records(text) == [("welfare_funds_vnd", 9.2e9, "actual"), ("welfare_funds_vnd", 3.1e9, "actual"),
                             ("welfare_funds_vnd", 2.4e9, "actual")]


def test_a_term_of_the_office_or_the_bodies_disciplined_is_not_the_disciplines_period():
    got = extract("Ban Thường vụ Tỉnh ủy đã thi hành kỷ luật 3 tổ chức đảng trong các nhiệm kỳ 2010 - 2015 và "
                  "2015 - 2020, khai trừ khỏi Đảng 4 người.", published=date(2022, 1, 6))
    assert [(r.metric, r.value, r.year) for r in got if r.metric != "other"] == [("removed_members", 4, 2022)]
    got = extract("Năm 2019, 3 đảng viên bị kỷ luật cảnh cáo là nguyên Bí thư huyện nhiệm kỳ 2010 - 2015.")
    assert [(r.metric, r.value, r.year) for r in got] == [("disciplined_members", 3, 2019)]
    # a whole term's discipline has no one year
    got = extract("Nhiệm kỳ 2015 - 2020, cấp ủy các cấp đã thi hành kỷ luật 120 đảng viên.", published=date(2020, 9, 1))
    assert [(r.metric, r.value, r.year) for r in got] == [("disciplined_members", 120, None)]


def test_admitted_for_people_with_the_verbs_got():
    assert records("Năm 2018, các chi bộ kết nạp được cho 64 quần chúng ưu tú vào Đảng.") == [("new_members", 64, "actual")]


def test_money_still_lacking_is_no_money_raised():
    assert records("Năm 2025, tỉnh còn thiếu hơn 38,2 tỷ đồng để xóa nhà tạm, nhà dột nát.") == []
    assert records("Năm 2025, Quỹ Bảo trợ trẻ em và thiếu nhi tỉnh vận động được 3 tỷ đồng.") == [
        ("welfare_funds_vnd", 3e9, "actual")]


def test_youth_members_admitted_into_the_party_named_with_the_verb():
    assert records("Năm 2021, trường đã kết nạp Đảng được 06 đoàn viên ưu tú là học sinh.") == [("new_members", 6, "actual")]
    assert records("Năm 2021, chi bộ đã phát triển được 05 đoàn viên là sinh viên vào Đảng.") == [
        ("new_members", 5, "actual")]
    # admitted into the Youth Union
    assert records("Năm 2021, Đoàn trường kết nạp 120 đoàn viên mới.") == []


def test_a_body_reshaped_then_its_members_after_its_organisations():
    assert records("Năm 2025, phường kiện toàn 64 tổ chức đảng trực thuộc với gần 2.900 đảng viên.") == [
        ("total_members", 2900, "actual")]


def test_the_goals_met_listed_after_a_colon_are_results():
    assert records("Nhiệm kỳ 2010-2015, Đảng bộ Sở đã thực hiện hoàn thành các mục tiêu, nhiệm vụ đề ra: 96% trở lên "
                   "đảng viên hoàn thành tốt nhiệm vụ; kết nạp 9 đảng viên mới.") == [
        ("member_good_rate", 96, "actual"), ("new_members", 9, "actual")]
    # the goal a result helped complete is named, not met in figures
    assert records("Công tác phát triển đảng góp phần hoàn thành mục tiêu hằng năm kết nạp đảng viên đạt từ 3% "
                   "tổng số đảng viên trở lên.") == [("new_members_rate", 3, "target")]


def test_the_least_each_giver_is_called_on_to_give_is_no_money_raised():
    assert records("Năm 2025, Ban Chỉ đạo kêu gọi đoàn viên, hội viên giúp đỡ ít nhất 30 ngàn đồng; mỗi hộ gia đình "
                   "ủng hộ ít nhất 80 ngàn đồng.") == []
    assert records("Hưởng ứng lời kêu gọi, năm 2025 các doanh nghiệp đã ủng hộ ít nhất 2 tỷ đồng.") == [
        ("welfare_funds_vnd", 2e9, "actual")]


def test_a_plan_of_admissions_missed_is_the_plans_figure_and_admissions_prepared_admit_no_one():
    assert records("Nhiều năm liền tỉnh không hoàn thành chỉ tiêu kết nạp 1.800 đảng viên mỗi năm.") == [
        ("new_members", 1800, "target")]
    # the plan missed, then what was admitted
    assert records("Năm 2018, huyện chưa đạt chỉ tiêu, kết nạp 27 đảng viên.") == [("new_members", 27, "actual")]
    assert records("Năm 2019, huyện chuẩn bị kết nạp Đảng cho gần 35 quần chúng.") == []


def test_a_page_with_no_date_that_names_one_year_reports_on_it():
    lead = "Quỹ Vì người nghèo tỉnh đã tiếp nhận 12,4 tỷ đồng từ các tổ chức, cá nhân, doanh nghiệp trong và ngoài tỉnh.\n\n"
    text = lead + "Đợt 2 năm 2023, Ban vận động tiếp tục hỗ trợ xây dựng 120 căn nhà đại đoàn kết."
    assert [(r.metric, r.value, r.year) for r in extract(text)] == [
        ("welfare_funds_vnd", 12.4e9, 2023), ("houses_built", 120, 2023)]
    # two years named after the lead: no guess
    text = lead + "Năm 2022, tỉnh xây 80 căn nhà; năm 2023, tỉnh xây 120 căn nhà."
    assert [(r.value, r.year) for r in extract(text)][0] == (12.4e9, None)


def test_a_departments_name_holding_a_cue_word_is_no_cue():
    assert records("Năm 2020, Ban Thường vụ Tỉnh ủy khai trừ ra khỏi Đảng đối với nguyên Giám đốc Sở Giáo dục và Đào tạo "
                   "Lê Văn B và năm đảng viên.") == [("removed_members", 5, "actual")]
    assert records("Năm 2020, tỉnh đào tạo 50 đảng viên trẻ.") == []


def test_a_count_out_of_its_plan_after_the_plan_is_named_is_the_result():
    assert records("Năm 2013, theo chỉ tiêu các chi, đảng bộ cơ sở phát triển được 64/150 đảng viên.") == [
        ("new_members", 64, "actual"), ("new_members", 150, "target")]
    # a goal written as a ratio stays a goal
    assert records("Năm 2013, huyện phấn đấu kết nạp 64/150 đảng viên.") == [("new_members", 64, "target")]


def test_members_said_to_have_a_part_word_are_a_part_not_the_membership():
    assert records("Năm 2019, đảng viên có trình độ đại học 09 đồng chí.") == []
    assert records("Năm 2019, tổng số đảng viên có 450 đồng chí.") == [("total_members", 450, "actual")]


def test_houses_whose_building_is_still_going_on_are_not_built():
    assert records("Năm 2020, huyện đang triển khai hỗ trợ xây dựng 14 ngôi nhà, trong đó 9 nhà có vốn đối ứng.") == []
    assert records("Năm 2020, huyện đã hỗ trợ xây dựng 14 ngôi nhà.") == [("houses_built", 14, "actual")]


def test_houses_said_handed_over_after_them_are_built_unless_still_to_come():
    assert records("Năm 2024, huyện đã có 64 ngôi nhà nhân ái được trao cho các hộ khó khăn.") == [
        ("houses_built", 64, "actual")]
    assert records("Năm 2024, có 27 căn nhà tình thương đã được trao tặng người có công.") == [
        ("houses_built", 27, "actual")]
    # still to come, or still being built, whatever verb follows
    assert records("Năm 2024, có 18 căn nhà sẽ được bàn giao vào quý IV.") == []
    assert records("Năm 2024, 33 căn nhà đang được xây dựng.") == []


def test_a_sentence_that_is_only_a_total_of_money_totals_what_the_sentence_before_gave_or_built():
    text = "Năm 2023, xã đã khánh thành 12 căn nhà nhân ái cho hộ cận nghèo. Tổng kinh phí hơn 840 triệu đồng."
    assert records(text) == [("houses_built", 12, "actual"), ("welfare_funds_vnd", 840e6, "actual")]
    # after houses only started, or when the total is of some other work, no welfare money
    assert records("Năm 2023, xã khởi công 12 căn nhà nhân ái. Tổng kinh phí hơn 840 triệu đồng.") == []
    assert records("Năm 2023, xã quyên góp được 90 triệu đồng. Tổng giá trị con đường là 3 tỷ đồng.") == [
        ("welfare_funds_vnd", 90e6, "actual")]


def test_the_typo_co_so_without_its_hook_still_names_grassroots_organisations():
    assert records("Năm 2022, có 91,5% tổ chức cơ sơ đảng hoàn thành tốt nhiệm vụ.") == [("org_good_rate", 91.5, "actual")]


def test_the_cost_of_public_works_in_a_parenthesis_is_not_the_welfare_named_before_them():
    assert records("Năm 2025, huyện trao 45 căn nhà tình thương, khánh thành cây cầu Tân Lợi (tổng kinh phí 38 tỷ đồng).") \
        == [("houses_built", 45, "actual")]
    # the houses' own cost, or works the clause says were given, stay welfare
    assert records("Năm 2025, huyện trao 45 căn nhà tình thương (tổng kinh phí 2,7 tỷ đồng), khánh thành cây cầu Tân Lợi.") \
        == [("houses_built", 45, "actual"), ("welfare_funds_vnd", 2.7e9, "actual")]
    assert records("Năm 2025, hội quyên góp xây 2 cây cầu cho học sinh nghèo (260 triệu đồng).") == [
        ("welfare_funds_vnd", 260e6, "actual")]
    # the value of works, after a comma
    assert records("Năm 2025, xã bê tông hóa 12km đường thôn, trị giá hơn 9 tỷ đồng, và tặng quà cho 40 hộ nghèo.") == []
    assert records("Năm 2025, hội quyên góp xây 2 cây cầu cho học sinh nghèo, trị giá 260 triệu đồng.") == [
        ("welfare_funds_vnd", 260e6, "actual")]


def test_a_ratio_after_beating_the_plan_is_the_result_out_of_the_plan_not_a_change():
    assert records("Năm 2021, xã xây dựng vượt chỉ tiêu huyện giao 9/6 căn nhà nhân ái.") == [
        ("houses_built", 9, "actual"), ("houses_built", 6, "target")]
    # a count alone after beating the plan is by how much
    assert records("Năm 2021, xã kết nạp vượt chỉ tiêu 4 đảng viên.") == [("new_members", 4, "change")]


def test_money_out_of_its_plan_gives_the_plan_as_a_target_and_money_for_one_house_is_per_house():
    text = "Năm 2022, Quỹ Vì người nghèo xã vận động được 812.450.000 đồng/700 triệu đồng, đạt 116% kế hoạch."
    assert records(text) == [("welfare_funds_vnd", 812_450_000, "actual"), ("welfare_funds_vnd", 700e6, "target")]
    assert extract(text)[0].denominator == 700e6
    assert records("Năm 2022, Quỹ Vì người nghèo xã vận động được 1,6/1,5 tỷ đồng.") == [
        ("welfare_funds_vnd", 1.6e9, "actual"), ("welfare_funds_vnd", 1.5e9, "target")]
    assert records("Năm 2022, Quỹ hỗ trợ 40 triệu đồng/1 nhà cho 12 hộ.") == []


def test_a_house_classifier_before_a_building_that_is_no_home_counts_no_houses():
    assert records("Năm 2012, bốn ngôi trường mầm non được xây dựng mới.") == []
    assert records("Năm 2012, xã xây 2 ngôi chùa và 9 ngôi nhà đại đoàn kết.") == [("houses_built", 9, "actual")]


def test_houses_to_be_finished_soon_or_a_programme_named_by_its_size_are_not_built():
    assert records("Năm 2024, xã quyết tâm sớm hoàn thành việc xây dựng 17 căn nhà còn lại.") == []
    # the last act named decides, not a handover the sentence opened on
    assert records("Năm 2024, tại lễ bàn giao, lãnh đạo xã đề nghị sớm hoàn thành việc xây dựng 17 căn nhà còn lại.") == []
    assert records("Năm 2024, xã đã hoàn thành việc xây dựng 17 căn nhà còn lại.") == [("houses_built", 17, "actual")]
    assert records("Năm 2024, tỉnh bàn giao 45 căn nhà thuộc Chương trình 300 nhà của Hội Nông dân.") == [
        ("houses_built", 45, "actual")]


def test_households_helped_with_a_plain_verb_each_got_a_house_and_makeshift_houses_said_gone_are_replaced():
    assert records("Năm 2015, Hội đã hỗ trợ 14 hộ cận nghèo xây nhà đại đoàn kết.") == [("houses_built", 14, "actual")]
    assert records("Năm 2015, Hội đã hỗ trợ 14 hộ cận nghèo làm nhà tắm.") == []
    assert records("Năm 2015, toàn huyện có 230 căn nhà dột nát đã được xóa.") == [("houses_built", 230, "actual")]
    assert records("Năm 2015, toàn huyện còn 230 căn nhà dột nát.") == []


def test_money_paid_out_to_build_houses_is_welfare_but_a_loan_paid_out_is_not():
    assert records("Năm 2021, Ban vận động tỉnh đã giải ngân 6,3 tỷ đồng để hỗ trợ làm nhà cho hộ nghèo.") == [
        ("welfare_funds_vnd", 6.3e9, "actual")]
    assert records("Năm 2021, ngân hàng đã giải ngân 6,3 tỷ đồng để hỗ trợ làm nhà cho hộ nghèo vay vốn.") == []


def test_a_plan_in_parentheses_named_without_la_is_the_plan_of_the_share_before_it():
    assert records("Năm 2019, huyện kết nạp 244 đảng viên, chiếm 81,3% (Nghị quyết 300 đảng viên).") == [
        ("new_members", 244, "actual"), ("new_members_plan_pct", 81.3, "actual"), ("new_members", 300, "target")]
    assert records("Năm 2019, huyện kết nạp 244 đảng viên, đạt 81,3% (chỉ tiêu 300).") == [
        ("new_members", 244, "actual"), ("new_members_plan_pct", 81.3, "actual"), ("new_members", 300, "target")]
    # a resolution's number is still no figure
    assert records("Năm 2019, huyện quán triệt Nghị quyết 35 đến 244 đảng viên.") == []


def test_a_part_out_of_a_whole_written_with_trong_alone():
    assert records("Năm 2018, xã đã bàn giao 3 trong 8 căn nhà tình nghĩa.")[0] == ("houses_built", 3, "actual")
    assert extract("Năm 2018, xã đã bàn giao 3 trong 8 căn nhà tình nghĩa.")[0].denominator == 8
    assert records("Năm 2018, huyện kết nạp 12 đảng viên trong 3 tháng.") == [("new_members", 12, "actual")]


def test_an_event_still_to_come_that_announces_a_result_reports_the_result():
    assert records("Năm 2025, thứ Bảy tới, tỉnh sẽ công bố hoàn thành 1.250 căn nhà đại đoàn kết.") == [
        ("houses_built", 1250, "actual")]
    assert records("Năm 2025, tỉnh sẽ xây dựng 1.250 căn nhà đại đoàn kết.") == [("houses_built", 1250, "target")]
    assert records("Năm 2025, tỉnh phấn đấu công bố hoàn thành 1.250 căn nhà đại đoàn kết.") == [
        ("houses_built", 1250, "target")]


def test_targets_met_counted_in_parentheses_after_the_clause_that_met_them():
    assert records("Nhiệm kỳ 2015-2020, xã hoàn thành cơ bản các chỉ tiêu Nghị quyết (11/13 chỉ tiêu).") == [
        ("targets_met", 11, "actual")]
    assert records("Nhiệm kỳ 2015-2020, xã chưa hoàn thành các chỉ tiêu Nghị quyết (4/13 chỉ tiêu).") == []


def test_the_number_of_members_is_the_membership_and_the_number_of_new_members_the_admitted():
    assert records("Năm 2023, số lượng đảng viên của Đảng bộ xã là 612 đồng chí.") == [("total_members", 612, "actual")]
    assert records("Năm 2023, tổng số đảng viên mới của Đảng bộ xã là 14 đồng chí.") == [("new_members", 14, "actual")]
    assert records("Năm 2023, số lượng đảng viên mới của Đảng bộ xã là 14 đồng chí.") == [("new_members", 14, "actual")]


def test_households_who_will_get_a_house_or_whose_need_was_approved_got_none_yet():
    assert records("Năm 2020, có 21 hộ gia đình người có công sẽ được trao tặng nhà tình nghĩa.") == []
    assert records("Năm 2020, có 21 hộ gia đình người có công đã được trao tặng nhà tình nghĩa.") == [
        ("houses_built", 21, "actual")]
    assert records("Năm 2020, UBND huyện phê duyệt nhu cầu hỗ trợ xây dựng nhà ở cho 210 hộ.") == []


def test_the_states_discipline_of_civil_servants_is_not_the_partys():
    assert records("Năm 2021, trong số công chức, viên chức bị kỷ luật có 12 trường hợp bị cách chức.") == []
    assert records("Năm 2021, Đảng bộ thi hành kỷ luật 12 trường hợp là công chức.") == [
        ("disciplined_members", 12, "actual")]


def test_members_counted_by_the_forms_they_were_disciplined_with_were_disciplined_whatever_was_weighed():
    text = ("Năm 2016, Ủy ban Kiểm tra xem xét thi hành kỷ luật đối với 4 chi bộ (khiển trách) và 22 đảng viên "
            "(khiển trách 14, cảnh cáo 8).")
    assert ("disciplined_members", 22, "actual") in records(text)
    assert records("Năm 2016, Ủy ban Kiểm tra đề nghị thi hành kỷ luật 22 đảng viên (khiển trách 14, cảnh cáo 8).") == []


def test_leaders_the_party_acts_on_are_members_but_leaders_attending_are_not_counted():
    assert records("Năm 2022, Tỉnh ủy quyết định khai trừ ra khỏi Đảng 2 lãnh đạo cấp sở.") == [
        ("removed_members", 2, "actual")]
    assert records("Năm 2022, có 4 lãnh đạo tỉnh dự lễ trao quyết định.") == []
    assert records("Năm 2022, Bộ Chính trị khai trừ ra khỏi Đảng 3 ủy viên Trung ương.") == [("removed_members", 3, "actual")]
    assert records("Năm 2022, Ban Chấp hành Đảng bộ huyện gồm 39 ủy viên.") == []


def test_money_given_for_someone_named_to_build_houses_with_builds_none_yet():
    assert records("Năm 2020, doanh nghiệp trao 420 triệu đồng để Hội Cựu chiến binh xã xây 7 căn nhà.") == [
        ("welfare_funds_vnd", 420e6, "actual")]


def test_a_unit_founded_in_the_news_has_the_members_it_was_founded_with_but_a_founding_recalled_does_not():
    assert records("Năm 2024, Huyện ủy quyết định thành lập Đảng bộ Cụm công nghiệp, có 5 chi bộ, với 64 đảng viên.") \
        == [("total_members", 64, "actual")]
    assert records("Năm 2024, Chi bộ Thanh niên được thành lập với 17 đảng viên.") == [("total_members", 17, "actual")]
    assert records("Năm 2024, Đảng bộ kỷ niệm 70 năm; lúc mới thành lập chỉ có 6 đảng viên.") == []


def test_households_that_finished_building_their_house_each_built_one():
    assert records("Năm 2025, toàn huyện có 1.204 hộ đã hoàn thành xây dựng nhà ở.") == [("houses_built", 1204, "actual")]
    assert records("Năm 2025, toàn huyện có 1.204 hộ chưa hoàn thành xây dựng nhà ở.") == []


def test_a_span_written_as_a_range_of_years_or_running_to_this_year_has_no_one_year():
    pub = date(2022, 5, 10)
    assert [r.year for r in extract("Từ năm 2007 – 2012, Đảng bộ kết nạp 1.150 đảng viên.", published=pub)] == [None]
    assert [r.year for r in extract("Từ đầu nhiệm kỳ đến đầu năm nay, huyện đã kỷ luật 105 đảng viên.",
                                    published=pub)] == [None]
    assert [r.year for r in extract("Từ đầu năm nay, huyện đã kỷ luật 10 đảng viên.", published=pub)] == [2022]
    # a year closing the line before is no count of years
    assert [r.year for r in extract("Ngày đăng: 05/01/2019\n\nNăm qua, huyện kết nạp 208 đảng viên.",
                                    published=date(2019, 1, 5))] == [2018]


def test_a_documents_date_or_the_start_of_a_stretch_is_not_the_day_a_text_was_published():
    from indicators.extract import infer_published_year
    assert infer_published_year("Thực hiện Kế hoạch số 12-KH/HU, ngày 3-6-2015 của Huyện ủy, các chi bộ tạo nguồn.") \
        is None
    assert infer_published_year("Kỷ niệm 15 năm Ngày thành lập Đảng bộ (2/9/2008 - 2/9/2023). Đảng bộ có 900 "
                                "đảng viên.") == 2023
    assert infer_published_year("Cập nhật ngày 12/3/2021, huyện kết nạp 90 đảng viên.") == 2021


def test_people_still_being_vetted_for_admission_are_not_admitted():
    assert records("Năm 2021, chi bộ có 4 quần chúng đang làm hồ sơ đề nghị kết nạp Đảng, 2 quần chúng được thẩm tra "
                   "lý lịch.") == []
    assert records("Năm 2021, chi bộ kết nạp 2 quần chúng ưu tú vào Đảng.") == [("new_members", 2, "actual")]


def test_one_of_a_number_of_houses_is_no_part_of_a_whole():
    assert records("Năm 2012, đây là 1 trong 35 căn nhà đại đoàn kết được xây mới.") == [("houses_built", 35, "actual")]


def test_growing_a_party_body_is_no_admission():
    assert records("Sau 20 năm xây dựng và phát triển, Đảng bộ Khối có 64 tổ chức cơ sở đảng với 3.950 đảng viên.") == [
        ("org_count", 64, "actual"), ("total_members", 3950, "actual")]


def test_members_disciplined_after_a_body_given_its_own_form_and_the_expelled_labelled_with_their_noun():
    assert records("Năm 2019, thi hành kỷ luật 2 chi ủy bằng hình thức khiển trách và 57 đảng viên.") == [
        ("disciplined_members", 57, "actual")]
    assert ("removed_members", 6, "actual") in records(
        "Năm 2019, kỷ luật 31 đảng viên, trong đó khiển trách: 16; cảnh cáo: 9; khai trừ: 6 đảng viên.")


def test_members_working_in_organisations_are_the_membership_and_the_organisations_counted():
    assert records("Năm 2017, toàn Đảng bộ có 41.200 đảng viên hoạt động trong 610 tổ chức cơ sở đảng.") == [
        ("total_members", 41200, "actual"), ("org_count", 610, "actual")]


def test_the_states_money_advanced_is_no_welfare_raised():
    assert records("Năm 2019, tỉnh đã tạm ứng 48 tỷ đồng để hỗ trợ hộ nghèo làm nhà.") == []


def test_a_targets_yearly_average_in_parentheses_is_a_target_too():
    assert records("Năm 2020, chỉ tiêu nhiệm kỳ kết nạp 60 đảng viên (bình quân mỗi năm kết nạp 12 đảng viên).") == [
        ("new_members", 60, "target"), ("new_members", 12, "target")]


def test_the_admitted_named_first_in_comrades_and_admitted_with_honour_after_who_they_are():
    assert records("Năm 2019, số đảng viên được kết nạp ở công trường là 23 đồng chí.") == [("new_members", 23, "actual")]
    assert records("Năm 2019, 9 công nhân ưu tú của nhà máy được vinh dự kết nạp vào Đảng.") == [
        ("new_members", 9, "actual")]


def test_the_members_a_delegation_speaks_for_named_with_their_party_body():
    assert ("total_members", 640, "actual") in records(
        "Năm 2020, Đại hội có 110 đại biểu đại diện cho 640 đảng viên Đảng bộ Công ty Điện lực.")


def test_organisations_broken_down_by_kind_in_the_next_sentence_then_the_members_of_them_all():
    text = "Năm 2018, Đảng bộ quận có 75 tổ chức cơ sở đảng. Trong đó, có 50 đảng bộ và 25 chi bộ cơ sở với 21.000 đảng viên."
    assert ("total_members", 21000, "actual") in records(text)


def test_thatch_and_mud_or_unsafe_houses_replaced_are_makeshift_houses_replaced():
    assert records("Năm 2024, huyện đã xóa nhà tranh vách đất, nhà không an toàn cho 214 hộ.") == [
        ("houses_built", 214, "actual")]
    assert records("Năm 2024, huyện đã xóa 57 căn nhà tranh vách đất.") == [("houses_built", 57, "actual")]
    assert records("Năm 2024, huyện còn 57 căn nhà không an toàn.") == []


def test_a_share_of_the_whole_plan_is_a_share_of_the_plan_not_of_the_membership():
    assert records("Năm 2021, huyện kết nạp 210 đảng viên, bằng 0,3% so với tổng số đảng viên đầu năm và đạt gần "
                   "78% so với tổng số chỉ tiêu được giao.") == [
        ("new_members", 210, "actual"), ("new_members_rate", 0.3, "actual"), ("new_members_plan_pct", 78, "actual")]


def test_the_number_of_members_said_plainly_is_the_membership_but_not_its_full_or_exempted_members():
    assert records("Năm 2022, số đảng viên của xã là 312 đồng chí, sinh hoạt ở 11 chi bộ.") == [
        ("total_members", 312, "actual")]
    assert records("Năm 2022, số đảng viên được miễn sinh hoạt là 14 đồng chí.") == []
    assert records("Năm 2022, số đảng viên chính thức là 290 đồng chí.") == []
    # nor the number of some of them, however the words after "số đảng viên" name them
    assert records("Năm 2022, số đảng viên cao tuổi là 47 đồng chí.") == []
    assert records("Năm 2022, số lượng đảng viên đang công tác là 185 đồng chí.") == []
    assert records("Năm 2022, số đảng viên toàn Đảng bộ hiện nay là 1.318 đồng chí.") == [
        ("total_members", 1318, "actual")]


def test_organisations_counted_then_broken_down_with_gom_and_the_typo_co_so():
    assert records("Năm 2020, toàn Đảng bộ có 41 tổ chức cơ sở đảng (tăng 2 chi bộ) gồm: 15 đảng bộ cơ sở và 26 chi bộ "
                   "cơ sở.")[0] == ("org_count", 41, "actual")
    assert records("Năm 2020, Đảng bộ thị xã có 57 tổ chức có sở đảng trực thuộc.") == [("org_count", 57, "actual")]


def test_the_other_end_of_a_range_of_units_and_one_count_for_each_unit_named():
    assert records("Năm 2024, Đảng bộ huyện A được giao chỉ tiêu kết nạp đảng viên mới cao nhất với 212 đảng viên, "
                   "thấp nhất là Đảng bộ Công an tỉnh 9 đảng viên.") == [
        ("new_members", 212, "target"), ("new_members", 9, "target")]
    assert records("Năm 2016, các đơn vị kết nạp nhiều là: Trường Cao đẳng B (15 đảng viên); xã C, xã D (mỗi nơi 7 "
                   "đảng viên).") == [("new_members", 15, "actual"), ("new_members", 7, "actual")]


def test_money_out_of_its_plan_in_one_scale_with_dong_left_out_at_both_ends():
    assert records("Năm 2018, Ủy ban MTTQ xã đã vận động được 820 triệu/600 triệu, đạt 137% kế hoạch.")[:2] == [
        ("welfare_funds_vnd", 820e6, "actual"), ("welfare_funds_vnd", 600e6, "target")]
    assert records("Năm 2018, huyện vận động được 1,2 triệu/1,5 triệu người tham gia.") == []


def test_what_staff_gave_out_of_their_pay_is_welfare_not_a_wage_bill():
    assert records("Năm 2021, cán bộ cơ quan trích từ tiền lương đóng góp, đồng thời vận động doanh nghiệp được 65 "
                   "triệu đồng để xây nhà cho hộ nghèo.") == [("welfare_funds_vnd", 65e6, "actual")]
    assert records("Năm 2021, cơ quan chi trả tiền lương 65 triệu đồng.") == []


def test_food_given_with_cash_is_no_wage():
    assert records("Năm 2013, Hội đã vận động ủng hộ lương thực, quần áo và tiền mặt tổng cộng được hơn 600 triệu "
                   "đồng cho người nghèo.") == [("welfare_funds_vnd", 600e6, "actual")]


def test_members_whose_part_an_inspection_weighs_are_no_membership():
    assert records("Năm 2022, Ủy ban Kiểm tra tiến hành 4 cuộc kiểm tra với 4 tổ chức đảng gắn với trách nhiệm của "
                   "11 đảng viên.") == []


def test_a_part_of_the_admitted_over_the_whole_admitted_with_a_slash():
    assert records("Năm 2018, Đảng bộ huyện A kết nạp được 64 đảng viên là đoàn viên/93 đảng viên kết nạp mới; "
                   "Đảng bộ huyện B kết nạp được 40 đảng viên người dân tộc thiểu số/52 đảng viên kết nạp mới.") == [
        ("new_members", 93, "actual"), ("new_members", 52, "actual")]
    assert records("Năm 2018, tỉnh kết nạp 41 đảng viên nữ /97 đảng viên mới.") == [("new_members", 97, "actual")]
    assert records("Năm 2018, tỉnh kết nạp 41 đảng viên/38 đảng viên theo kế hoạch.")[0] == ("new_members", 41, "actual")


def test_the_fund_a_per_house_gift_was_drawn_from_a_familys_counterpart_and_money_spent_on_welfare():
    assert records("Năm 2020, mỗi căn nhà được trao tặng 40 triệu đồng, trích từ 1,2 tỷ đồng quỹ hỗ trợ của Tổng công "
                   "ty B.") == [("welfare_funds_vnd", 1.2e9, "actual")]
    found = records("Năm 2017, xây mới 9 căn nhà với tổng kinh phí 500 triệu đồng (Quỹ vì người nghèo 300 triệu đồng "
                    "và hộ dân đối ứng là 40 triệu đồng).")
    assert ("welfare_funds_vnd", 300e6, "actual") in found and ("welfare_funds_vnd", 40e6, "actual") not in found
    assert records("Năm 2024, tổng chi phí cho các hoạt động an sinh xã hội là 900 triệu đồng.") == [
        ("welfare_funds_vnd", 900e6, "actual")]
    assert records("Năm 2024, chi phí sản xuất là 900 triệu đồng.") == []


def test_the_admitted_among_the_candidates_put_forward_are_admissions():
    assert records("Năm 2015, Đoàn đã giới thiệu cho Đảng 940 đoàn viên ưu tú, trong đó có 610 đoàn viên được kết nạp "
                   "Đảng.") == [("new_members", 610, "actual")]
    assert ("new_members", 120, "actual") not in records(
        "Năm 2015, kết nạp 300 đảng viên, trong đó có 120 đoàn viên được kết nạp Đảng.")


def test_households_that_finished_building_or_mending_their_houses():
    assert records("Năm 2024, đã có 315 hộ nghèo, hộ cận nghèo hoàn thành việc xây, sửa nhà ở.") == [
        ("houses_built", 315, "actual")]
    assert records("Năm 2024, có 315 hộ nghèo sẽ hoàn thành xây dựng nhà ở.") == []
    assert records("Năm 2024, có 315 hộ phấn đấu hoàn thành xây dựng nhà ở trước ngày 30/6.") == []
    assert records("Năm 2024, còn 315 hộ cần hoàn thành xây dựng nhà ở.") == []


def test_the_same_amount_from_two_givers_named_is_two_gifts_but_one_giver_said_twice_is_one():
    text = ("Năm 2023, Hội Nạn nhân chất độc da cam tỉnh hỗ trợ 60 triệu đồng xây nhà cho gia đình ông Lê Văn Bình.\n\n"
            "Chiều cùng ngày, UBMTTQ xã An Phú bàn giao nhà đại đoàn kết cho gia đình bà Trần Thị Lan. Căn nhà có tổng "
            "trị giá 150 triệu đồng, trong đó, Công ty Cấp nước tỉnh hỗ trợ 60 triệu đồng.")
    assert records(text).count(("welfare_funds_vnd", 60e6, "actual")) == 2
    text = "Ngân hàng Nông nghiệp hỗ trợ 60 triệu đồng xây nhà. Năm 2022, Ngân hàng Nông nghiệp đã hỗ trợ 60 triệu đồng."
    assert records(text).count(("welfare_funds_vnd", 60e6, "actual")) == 1
    # (one giver named two ways, in the headline and the body, is still one)
    text = ("Agribank Kon Tum hỗ trợ 60 triệu đồng xây nhà đại đoàn kết\n\nNăm 2022, Ngân hàng Agribank chi nhánh Kon "
            "Tum đã hỗ trợ 60 triệu đồng xây nhà cho hộ nghèo.")
    assert records(text).count(("welfare_funds_vnd", 60e6, "actual")) == 1


def test_money_not_given_and_people_waiting_for_the_decision_are_no_figures():
    assert records("Năm 2016, vẫn còn 9 đơn vị chưa ủng hộ quỹ Vì người nghèo với số tiền khoảng 40 triệu đồng.") == []
    assert records("Năm 2016, các đơn vị chưa ủng hộ thì đã có doanh nghiệp ủng hộ 40 triệu đồng.") == [
        ("welfare_funds_vnd", 40e6, "actual")]
    assert records("Năm 2016, có 21 quần chúng đã được kết nạp, 3 quần chúng chờ quyết định.") == [
        ("new_members", 21, "actual")]


def test_a_cost_its_givers_bore_is_money_given():
    assert records("Năm 2023, Hội trao 30 suất quà cho hộ nghèo. Tổng chi phí 15 triệu đồng, do Hội Phụ nữ xã vận động "
                   "các nhà hảo tâm hỗ trợ.") == [("welfare_funds_vnd", 15e6, "actual")]
    assert records("Năm 2023, tổng chi phí sản xuất của hợp tác xã là 15 triệu đồng.") == []


def test_a_plan_to_be_met_is_a_target_a_plan_met_is_the_result():
    assert records("Để hoàn thành chỉ tiêu vận động 450 triệu đồng quỹ vì người nghèo năm 2020, xã phát động đợt cao "
                   "điểm.") == [("welfare_funds_vnd", 450e6, "target")]
    assert records("Năm 2020, xã hoàn thành chỉ tiêu vận động 450 triệu đồng quỹ vì người nghèo.") == [
        ("welfare_funds_vnd", 450e6, "actual")]


def test_building_and_mending_run_together_count_houses_and_money_set_aside_to_build_is_a_plan():
    assert records("Năm 2012, phường đã xây dựng sửa chữa tổng số 23 nhà cho hộ nghèo.") == [
        ("houses_built", 23, "actual")]
    assert records("Năm 2021, Ủy ban MTTQ tỉnh phân bổ chi phí xây dựng 8 căn nhà đại đoàn kết.") == [
        ("houses_built", 8, "target")]


def test_build_mend_and_upgrade_count_houses_and_admissions_shortened():
    assert records("Năm 2018, huyện hỗ trợ xây dựng, sửa chữa, nâng cấp 97 nhà tình nghĩa.") == [
        ("houses_built", 97, "actual")]
    assert records("Năm 2018, tặng nhà cấp 4 cho 3 hộ.") == [("houses_built", 3, "actual")]
    assert records("Từ năm 2010 đến nay, huyện đã nạp mới 830 đảng viên.") == [("new_members", 830, "actual")]
