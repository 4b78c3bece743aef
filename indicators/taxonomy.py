"""The metric codes of the spec with their unit and descriptions (Vietnamese and English).

This is reference data: the warehouse seeds its `metrics` table from it and the quality gate
checks `indicators.metric` against it. The phrases that recognise each metric live with the rules.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    code: str
    unit: str
    description_vi: str
    description_en: str


METRICS: dict[str, Metric] = {
    m.code: m
    for m in (
        Metric("org_good_rate", "percent", "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
               "Share of grassroots Party organisations rated 'completed tasks well' or better"),
        Metric("org_excellent_rate", "percent", "Tỷ lệ tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ",
               "Share of grassroots Party organisations rated 'completed tasks excellently'"),
        Metric("member_good_rate", "percent", "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên",
               "Share of Party members rated 'completed tasks well' or better"),
        Metric("member_excellent_rate", "percent", "Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ",
               "Share of Party members rated 'completed tasks excellently'"),
        Metric("units_good_rate", "percent", "Tỷ lệ cơ quan, đơn vị, doanh nghiệp hoàn thành tốt nhiệm vụ",
               "Share of agencies, units and enterprises completing their tasks well"),
        Metric("new_members", "count", "Số đảng viên mới được kết nạp", "New Party members admitted"),
        Metric("new_members_plan_pct", "percent", "Kết nạp đảng viên so với chỉ tiêu, kế hoạch (%)",
               "Admissions as a share of the plan"),
        Metric("new_members_rate", "percent", "Kết nạp đảng viên so với tổng số đảng viên (%)",
               "Admissions as a share of total membership"),
        Metric("disciplined_members", "count", "Số đảng viên bị thi hành kỷ luật", "Party members disciplined"),
        Metric("removed_members", "count", "Số đảng viên bị xóa tên, khai trừ, đưa ra khỏi Đảng",
               "Party members struck off or expelled"),
        Metric("total_members", "count", "Tổng số đảng viên", "Total Party membership"),
        Metric("org_count", "count", "Số tổ chức cơ sở đảng", "Grassroots Party organisations"),
        Metric("welfare_funds_vnd", "vnd", "Số tiền vận động, ủng hộ an sinh xã hội (đồng)",
               "Money raised or donated for social welfare (VND)"),
        Metric("houses_built", "count", "Số căn nhà xây dựng, bàn giao (nhà tình nghĩa, đại đoàn kết)",
               "Houses built or handed over"),
        Metric("targets_met", "count", "Số chỉ tiêu đạt và vượt", "Plan targets met or exceeded"),
        Metric("other", "any", "Số liệu khác", "A real quantity outside the taxonomy"),
    )
}

# plan shares may exceed 100% (a plan beaten three times over is real); other rates may not
PLAN_SHARE_METRICS = frozenset({"new_members_plan_pct"})
