"""Body cleaning: the lines and blocks that must not reach the indicator extractor."""

from __future__ import annotations

import lxml.html

from scrapers.clean import extract_images, is_boilerplate_line


def test_related_labels_are_boilerplate_however_written():
    assert is_boilerplate_line("  TIN LIÊN QUAN :: ")
    assert is_boilerplate_line("Đọc nhiều")
    assert not is_boilerplate_line("Tin liên quan đến công tác xây dựng Đảng năm 2025 được tổng kết.")


def test_share_print_and_follow_lines_are_boilerplate():
    assert is_boilerplate_line("Mời bạn đọc theo dõi Báo Gia Lai trên Google News")
    assert is_boilerplate_line("Chia sẻ:")
    assert is_boilerplate_line("Chia sẻ qua Facebook Chia sẻ qua Zalo")
    assert is_boilerplate_line("Xem thêm: Kết nạp 25 đảng viên mới")
    assert not is_boilerplate_line("Chia sẻ kinh nghiệm kết nạp đảng viên trong doanh nghiệp tư nhân.")


def test_a_caption_stays_on_its_image_once_and_leaves_the_body():
    root = lxml.html.fragment_fromstring(
        """<div><figure><img src="/a.jpg"><figcaption>Hội nghị <span class="caption">sơ kết</span></figcaption>
        </figure><table class="image"><tr><td><img src="/b.jpg"></td></tr><tr><td class="desc">Ảnh: T.L</td></tr>
        </table><p>Nội dung</p><p class="image_desc">lạc chỗ</p></div>""")
    images = extract_images(root, "https://e.org/")
    assert [(i.url, i.caption) for i in images] == [("https://e.org/a.jpg", "Hội nghị sơ kết"),
                                                    ("https://e.org/b.jpg", "Ảnh: T.L")]
    assert root.text_content().split() == ["Nội", "dung"]
