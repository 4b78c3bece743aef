"""Pages written for these tests in each family's structure, but with other wrappers and classes than
the mini-web and with optional parts missing, so the layouts are checked on pages they were not tuned on."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from scrapers.config import load_sources
from scrapers.parse import parse_page

PAGES = Path(__file__).parent / "pages"
ICT = timezone(timedelta(hours=7))


@pytest.fixture(scope="module")
def sources():
    return load_sources()


def parse(name: str, url: str, source=None):
    return parse_page((PAGES / name).read_bytes(), url, source)


def test_onecms_other_wrappers_author_in_capitals_lazy_figure(sources):
    url = "https://baogialai.com.vn/dang-bo-xa-ia-hru-ket-nap-42-dang-vien-moi-post601234.html?utm_source=zalo"
    article = parse("onecms_baogialai_author_top.html", url, sources["baogialai.com.vn"])
    assert article.layout == "onecms"
    assert article.canonical_url == url.split("?")[0]
    assert article.title == "Đảng bộ xã Ia Hrú kết nạp 42 đảng viên mới"
    assert article.sapo == ("Chín tháng đầu năm 2025, Đảng bộ xã Ia Hrú đã kết nạp 42 đảng viên mới, "
                            "đạt 105% chỉ tiêu Nghị quyết đề ra.")
    assert article.author == "NGUYỄN HÂN"
    assert article.published_at == datetime(2025, 10, 3, 8, 5, tzinfo=ICT)
    assert article.category == "Xây dựng Đảng"
    assert article.tags == ("kết nạp đảng viên", "Ia Hrú")
    caption = "Lễ kết nạp đảng viên tại Chi bộ thôn Plei Ơi. Ảnh: N.H"
    assert [(i.url, i.caption) for i in article.images] == [
        ("https://cdn.baogialai.com.vn/images/4f2a9c1e/le-ket-nap.jpg.webp", caption)]
    assert article.body.split("\n\n") == [
        "Theo Bí thư Đảng ủy xã, toàn Đảng bộ hiện có 38 chi bộ trực thuộc với 1.126 đảng viên.",
        "Năm 2025, 100% chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên; 12 đảng viên được tặng "
        "Huy hiệu 30 năm tuổi Đảng.",
        "Đảng ủy xã đặt mục tiêu năm 2026 kết nạp thêm 45 đảng viên.",
    ]
    assert sources["baogialai.com.vn"].is_party_building(article)


def test_onecms_found_without_source_argument():
    url = "https://baogialai.com.vn/dang-bo-xa-ia-hru-ket-nap-42-dang-vien-moi-post601234.html"
    article = parse("onecms_baogialai_author_top.html", url)
    assert article.layout == "onecms" and article.source == "baogialai.com.vn"


def test_onecms_minimal_no_meta_no_author_no_tags(sources):
    url = "https://baohatinh.vn/ha-tinh-sap-nhap-chi-bo-thon-post287654.html"
    article = parse("onecms_baohatinh_minimal.html", url, sources["baohatinh.vn"])
    assert article.layout == "onecms"
    assert article.published_at == datetime(2025, 1, 14, 9, 15, tzinfo=ICT)
    assert article.sapo.startswith("Sau sắp xếp, toàn tỉnh giảm 312 chi bộ")  # "(BHT) - " lead became the sapo
    assert article.author is None and article.tags == () and article.images == ()
    assert article.body.split("\n\n") == [
        "Ban Tổ chức Tỉnh ủy cho biết, các chi bộ mới được kiện toàn cấp ủy trong tháng 12/2024.",
        "Tỷ lệ chi bộ có cấp ủy viên là 68,5%.",
        "Các chi bộ còn lại do bí thư chi bộ trực tiếp điều hành.",
    ]
    assert "Quảng cáo" not in article.body and "Twitter" not in article.body


def test_legacy_channel_with_image_table_and_bold_byline(sources):
    url = "https://baogialai.com.vn/channel/8301/201912/krong-pa-nang-cao-chat-luong-sinh-hoat-chi-bo-3089123/"
    article = parse("legacy_baogialai_2019.html", url, sources["baogialai.com.vn"])
    assert article.layout == "legacy_channel"
    assert article.title == "Krông Pa: Nâng cao chất lượng sinh hoạt chi bộ"
    assert article.published_at == datetime(2019, 12, 30, 15, 20, tzinfo=ICT)  # not the header's "today"
    assert article.sapo == "Năm 2019, Huyện ủy Krông Pa chỉ đạo 100% chi bộ xây dựng chuyên đề sinh hoạt hằng quý."
    assert article.author == "HOÀNG THI"
    assert article.images[0].url == "https://baogialai.com.vn/dataimages/201912/original/images2981234_sinh-hoat.jpg"
    assert article.images[0].caption == "Một buổi sinh hoạt chuyên đề tại Chi bộ buôn Mlah. Ảnh: H.T"
    assert article.body == ("Toàn Đảng bộ huyện có 64 tổ chức cơ sở đảng với 2.915 đảng viên.\n\n"
                            "Qua kiểm tra, 52 chi bộ được đánh giá sinh hoạt có chất lượng tốt, chiếm 81,2%.")


def test_legacy_channel_without_lead_element(sources):
    url = "https://baogialai.com.vn/chinh-tri/201504/chu-se-tong-ket-10-nam-2124091/"
    article = parse("legacy_baogialai_no_lead.html", url, sources["baogialai.com.vn"])
    assert article.layout == "legacy_channel"
    assert article.published_at == datetime(2015, 4, 8, 8, 11, tzinfo=ICT)
    assert article.author == "TRẦN DUNG"
    assert article.sapo.startswith("Sáng 7-4, Huyện ủy Chư Sê tổ chức hội nghị")
    assert article.images[0].caption == "Quang cảnh hội nghị. Ảnh: T.D"
    assert article.body.split("\n\n") == [
        "Trong 10 năm, huyện có 146 tập thể và 311 cá nhân được khen thưởng.",
        "Dịp này, Huyện ủy trao giấy khen cho 20 tập thể và 25 cá nhân.",
    ]
    assert article.tags == ()


def test_yyyymm_family_bold_first_paragraph_is_the_sapo(sources):
    url = "https://baodaklak.vn/chinh-tri/202403/buon-ma-thuot-97-to-chuc-co-so-dang-1a2b3c4/"
    article = parse("daklak_bold_sapo.html", url, sources["baodaklak.vn"])
    assert article.layout == "legacy_channel"
    assert article.sapo.startswith("Năm 2023, Đảng bộ thành phố Buôn Ma Thuột có 97%")
    assert article.published_at == datetime(2024, 3, 15, 10, 42, tzinfo=ICT)
    assert article.author == "Minh Thuận"
    assert article.category == "Chính trị"
    assert article.tags == ("tổ chức cơ sở đảng", "Buôn Ma Thuột")
    assert article.body.split("\n\n") == [
        "Toàn Đảng bộ có 63 tổ chức cơ sở đảng, 1.042 chi bộ trực thuộc với 14.385 đảng viên.",
        "Chú trọng phát triển đảng viên",  # a bold sub-heading later in the body stays in the body
        "Trong năm, thành phố kết nạp 402 đảng viên, đạt 100,5% kế hoạch.",
    ]


def test_yyyymm_family_no_sapo_figure_caption(sources):
    url = "https://baodaklak.vn/chinh-tri/xay-dung-dang/202402/krong-buk-trao-huy-hieu-dang-9f8e7d6/"
    article = parse("daklak_no_sapo_figure.html", url, sources["baodaklak.vn"])
    assert article.layout == "legacy_channel"
    assert article.sapo is None and article.author is None
    assert article.published_at == datetime(2024, 2, 3, 8, 30, tzinfo=ICT)
    assert article.images[0].url == "https://baodaklak.vn/uploads/2024/02/huy-hieu.jpg"
    assert "lão thành" in article.images[0].caption and "lão thành" not in article.body
    assert article.body.startswith("Sáng 2-2, Huyện ủy Krông Búk") and article.body.endswith("Huy hiệu 50 năm.")
    assert sources["baodaklak.vn"].is_party_building(article)


def test_content_detail_family(sources):
    url = "https://baoquangninh.vn/quang-ninh-ket-nap-1-560-dang-vien-trong-nam-2024-3349876.html"
    article = parse("quangninh_content_detail.html", url, sources["baoquangninh.vn"])
    assert article.layout == "content_detail"
    assert article.title == "Quảng Ninh kết nạp 1.560 đảng viên trong năm 2024"
    assert article.sapo.startswith("Năm 2024, toàn Đảng bộ tỉnh Quảng Ninh kết nạp 1.560")
    assert article.published_at == datetime(2025, 1, 13, 7, 25, tzinfo=ICT)
    assert article.author == "Thu Trang"
    assert article.category == "Xây dựng Đảng"
    assert article.images[0].caption == "Lễ kết nạp đảng viên tại Đảng bộ phường Hồng Gai."
    assert article.body == "Tỷ lệ đảng viên trẻ dưới 30 tuổi chiếm 61,3%.\n\nĐến cuối năm, Đảng bộ tỉnh có 95.218 đảng viên."


def test_content_detail_without_date_still_parses_with_warning(sources):
    url = "https://baoquangninh.vn/cam-pha-18-chi-bo-khu-pho-dat-4-tot-3350001.html?gidzl=1"
    article = parse("quangninh_no_date.html", url, sources["baoquangninh.vn"])
    assert article.layout == "content_detail"
    assert article.published_at is None and "no date found" in article.warnings
    assert article.canonical_url == url.split("?")[0]
    assert article.sapo == 'Thành phố Cẩm Phả có 18 chi bộ khu phố đạt danh hiệu "4 tốt" trong năm qua.'
    assert article.body.endswith("Mỗi chi bộ được thưởng 5 triệu đồng.") and "Facebook" not in article.body
