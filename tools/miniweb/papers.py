"""The four papers of the mini-web: names, layouts, sections, places and people (all fictional people).

This is data the generator plans with; the HTML of each family is in `layouts.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from tools.miniweb.stories import Story

TZ = timezone(timedelta(hours=7))


@dataclass(frozen=True)
class Paper:
    host: str
    name: str  # "Báo Gia Lai điện tử"
    short: str  # "Báo Gia Lai"
    province: str
    family: str  # onecms | legacy_channel | content_detail
    party_category: tuple[str, str]  # (slug, display name) of the section the reports live in
    categories: dict[str, tuple[str, str]]  # story category key -> (slug, display name)
    units: tuple[str, ...]
    border_units: frozenset[str]
    authors: tuple[str, ...]
    photographers: tuple[str, ...]
    leaders: tuple[tuple[str, str], ...]
    secretaries: tuple[str, ...]
    dateline: str | None = None
    dateline_share: float = 1.0
    date_style: str = "slash"
    first_id: int = 100000
    last_id: int = 200000
    n_articles: int = 15

    @property
    def base(self) -> str:
        return f"https://{self.host}"

    def category(self, key: str) -> tuple[str, str]:
        if key == "xay-dung-dang":
            return self.party_category
        return self.categories.get(key, self.party_category)


_NEWS_CATS = {
    "kinh-te": ("kinh-te", "Kinh tế"), "xa-hoi": ("xa-hoi", "Xã hội"), "van-hoa": ("van-hoa", "Văn hóa"),
    "du-lich": ("du-lich", "Du lịch"), "phap-luat": ("phap-luat", "Pháp luật"),
}

PAPERS: dict[str, Paper] = {p.host: p for p in (
    Paper(
        host="baogialai.com.vn", name="Báo Gia Lai điện tử", short="Báo Gia Lai", province="Gia Lai",
        family="onecms", party_category=("chinh-tri", "Chính trị"), categories=_NEWS_CATS,
        units=("huyện Chư Păh", "huyện Ia Grai", "huyện Đak Đoa", "huyện Mang Yang", "huyện Chư Sê",
               "huyện Chư Prông", "huyện Đức Cơ", "huyện Krông Pa", "huyện Kbang", "thị xã An Khê",
               "thị xã Ayun Pa", "thành phố Pleiku", "Khối các Cơ quan và Doanh nghiệp tỉnh"),
        border_units=frozenset({"huyện Chư Prông", "huyện Đức Cơ", "huyện Ia Grai",
                                "Khối các Cơ quan và Doanh nghiệp tỉnh"}),
        authors=("MINH NHẬT", "PHƯƠNG VI", "ĐỨC THỤY", "HÀ DUY", "KIM NGÂN", "LAM NGUYÊN"),
        photographers=("Minh Nhật", "Đức Thụy", "Hà Duy", "Lam Nguyên"),
        leaders=(("Nguyễn Đình Khải", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tổ chức Tỉnh ủy"),
                 ("Rơ Mah Thuyên", "Phó Bí thư Tỉnh ủy"),
                 ("Trần Quốc Hưng", "Ủy viên Ban Thường vụ Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy")),
        secretaries=("Lê Văn Thạch", "Siu H'Blao", "Phạm Ngọc Lâm", "Đinh Văn Tuyên", "Nguyễn Thị Hoài"),
        dateline="(GLO)- ", date_style="dash", first_id=521000, last_id=579000, n_articles=18,
    ),
    Paper(
        host="baohatinh.vn", name="Báo Hà Tĩnh điện tử", short="Báo Hà Tĩnh", province="Hà Tĩnh",
        family="onecms", party_category=("xay-dung-dang", "Xây dựng Đảng"), categories=_NEWS_CATS,
        units=("huyện Cẩm Xuyên", "huyện Thạch Hà", "huyện Đức Thọ", "huyện Hương Sơn", "huyện Hương Khê",
               "huyện Can Lộc", "huyện Nghi Xuân", "huyện Lộc Hà", "huyện Vũ Quang", "thị xã Hồng Lĩnh",
               "thị xã Kỳ Anh", "thành phố Hà Tĩnh", "Khối các Cơ quan và Doanh nghiệp tỉnh"),
        border_units=frozenset(),
        authors=("Thu Hà", "Ngọc Loan", "Hữu Trung", "Thanh Nga", "Phan Trâm"),
        photographers=("Thu Hà", "Hữu Trung", "Thanh Nga"),
        leaders=(("Hoàng Trung Kiên", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tổ chức Tỉnh ủy"),
                 ("Trần Thế Vinh", "Phó Bí thư Thường trực Tỉnh ủy"),
                 ("Võ Hồng Sơn", "Ủy viên Ban Thường vụ Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy")),
        secretaries=("Nguyễn Văn Lợi", "Lê Thị Hằng", "Phan Đình Tú", "Trần Anh Tuấn", "Bùi Quang Minh"),
        dateline="(BHT) - ", dateline_share=0.5, date_style="slash", first_id=268000, last_id=296000,
        n_articles=15,
    ),
    Paper(
        host="baodaklak.vn", name="Báo Đắk Lắk điện tử", short="Báo Đắk Lắk", province="Đắk Lắk",
        family="legacy_channel", party_category=("chinh-tri", "Chính trị"), categories=_NEWS_CATS,
        units=("huyện Krông Búk", "huyện Cư M'gar", "huyện Ea H'leo", "huyện Krông Pắc", "huyện Ea Kar",
               "huyện M'Drắk", "huyện Lắk", "huyện Krông Ana", "huyện Buôn Đôn", "huyện Ea Súp",
               "thị xã Buôn Hồ", "thành phố Buôn Ma Thuột"),
        border_units=frozenset(),
        authors=("Hoàng Gia", "Minh Thuận", "H'Xíu", "Thúy Hồng", "Quang Nhật"),
        photographers=("Hoàng Gia", "Minh Thuận", "Quang Nhật"),
        leaders=(("Y Nhuận Byă", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tổ chức Tỉnh ủy"),
                 ("Huỳnh Thị Chiến Hòa", "Phó Bí thư Tỉnh ủy"),
                 ("Nguyễn Văn Đông", "Ủy viên Ban Thường vụ Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy")),
        secretaries=("Y Bhiăo Niê", "Nguyễn Đức Thanh", "H'Yim Kđoh", "Lê Văn Sơn", "Trương Công Hậu"),
        date_style="slash", n_articles=14,
    ),
    Paper(
        host="baoquangninh.vn", name="Báo Quảng Ninh điện tử", short="Báo Quảng Ninh", province="Quảng Ninh",
        family="content_detail", party_category=("xay-dung-dang", "Xây dựng Đảng"),
        categories={**_NEWS_CATS, "van-hoa": ("van-hoa-van-nghe", "Văn hóa - Văn nghệ")},
        units=("thành phố Hạ Long", "thành phố Cẩm Phả", "thành phố Uông Bí", "thành phố Móng Cái",
               "thị xã Đông Triều", "thị xã Quảng Yên", "huyện Tiên Yên", "huyện Ba Chẽ", "huyện Bình Liêu",
               "huyện Đầm Hà", "huyện Hải Hà", "huyện Vân Đồn", "huyện Cô Tô", "Khối các Cơ quan và Doanh nghiệp tỉnh"),
        border_units=frozenset(),
        authors=("Thu Chung", "Mạnh Trường", "Hùng Sơn", "Thanh Tâm", "Ngọc Anh"),
        photographers=("Thu Chung", "Mạnh Trường", "Hùng Sơn"),
        leaders=(("Đặng Xuân Phương", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tổ chức Tỉnh ủy"),
                 ("Trịnh Thị Minh Thanh", "Phó Bí thư Thường trực Tỉnh ủy"),
                 ("Vũ Văn Diện", "Ủy viên Ban Thường vụ Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy")),
        secretaries=("Nguyễn Văn Hồi", "Lục Thị Liên", "Phạm Tuấn Đạt", "Hoàng Bá Nam", "Vũ Quyết Tiến"),
        date_style="slash", first_id=3310000, last_id=3366000, n_articles=15,
    ),
)}


@dataclass
class Article:
    """One page to render: a story placed on a paper at a URL and a time."""

    paper: Paper
    story: Story
    published: datetime | None
    modified: datetime | None
    ident: str  # post id, legacy id or hex
    slug: str
    url: str
    layout: str  # onecms | legacy_channel | content_detail
    with_dateline: bool = True
    bad: str | None = None
    bad_reason: str | None = None
    duplicate_of: str | None = None
    edited: bool = False
    syndicated_from: str | None = None  # paper short name credited instead of a reporter
    related: list[Article] = field(default_factory=list)
    most_read: list[Article] = field(default_factory=list)
    legacy_channel: int | None = None

    @property
    def category(self) -> tuple[str, str]:
        if self.legacy_channel:
            return (f"channel/{self.legacy_channel}", "Chính trị - Xã hội")
        return self.paper.category(self.story.category)

    @property
    def sapo_text(self) -> str:
        """The sapo as printed, dateline included when the paper uses one."""
        if self.paper.dateline and self.with_dateline:
            return self.paper.dateline + self.story.sapo
        return self.story.sapo

    @property
    def sort_time(self) -> datetime:
        return self.published or datetime(2025, 1, 1, tzinfo=TZ)
