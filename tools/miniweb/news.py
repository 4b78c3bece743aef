"""Ordinary local news for the mini-web: the pages a Party-building filter must leave out.

They carry everyday figures (rainfall, hectares, visitors) that are not Party indicators, so they
also exercise the extractor's precision. Nothing here is planted in the manifest.
"""

from __future__ import annotations

from tools.miniweb.stories import Ctx, Figure, Story
from tools.miniweb.text import pick, vn_int


def weather(c: Ctx) -> Story:
    r = c.rng
    mm = r.randint(60, 240)
    return Story(
        "news", pick(r, [f"Mưa lớn kéo dài, {c.unit} chủ động ứng phó ngập úng",
                         f"{c.unit_cap}: Nhiều tuyến đường ngập cục bộ sau mưa lớn"]),
        f"Do ảnh hưởng của không khí lạnh kết hợp nhiễu động gió đông, từ đêm qua đến sáng {c.day()}, trên địa bàn "
        f"{c.unit} có mưa to đến rất to, gây ngập cục bộ nhiều khu dân cư thấp trũng.",
        [f"Theo Đài Khí tượng Thủy văn tỉnh, lượng mưa phổ biến từ 80 đến {mm} mm, có nơi cao hơn. Mực nước trên "
         "các sông, suối nhỏ lên nhanh.",
         "Ngay trong đêm, lực lượng quân sự, công an xã đã có mặt tại các điểm xung yếu để hướng dẫn người dân di "
         "chuyển tài sản, cắm biển cảnh báo tại các ngầm tràn.",
         Figure("mua-lon.jpg", f"Lực lượng chức năng hỗ trợ người dân di chuyển qua đoạn đường ngập. Ảnh: {c.photographer}"),
         "Ngành nông nghiệp khuyến cáo bà con khơi thông kênh mương, gia cố bờ bao, thu hoạch sớm diện tích lúa đã "
         "chín để hạn chế thiệt hại.",
         "Dự báo trong 24 giờ tới, khu vực tiếp tục có mưa rào và dông rải rác; người dân cần đề phòng lốc, sét và "
         "sạt lở đất ở vùng đồi núi."],
        [], "xa-hoi", ["thời tiết", "mưa lớn"], c.author, party_building=False)


def harvest(c: Ctx) -> Story:
    r = c.rng
    crop = pick(r, ["cà phê", "hồ tiêu", "lúa", "sầu riêng", "keo"])
    ha = r.randint(300, 5200)
    return Story(
        "news", pick(r, [f"Nông dân {c.unit} phấn khởi vào vụ thu hoạch {crop}",
                         f"Giá {crop} tăng, người trồng ở {c.unit} có lãi"]),
        f"Những ngày này, khắp các cánh đồng ở {c.unit} rộn ràng không khí thu hoạch {crop}. Năm nay thời tiết "
        "thuận lợi, năng suất đạt khá, giá bán ổn định nên người dân rất phấn khởi.",
        [f"Theo Phòng Nông nghiệp và Phát triển nông thôn, toàn địa phương có khoảng {vn_int(ha)} ha {crop}, phần lớn "
         "đã cho thu hoạch.",
         f"Ông Nguyễn Văn Bảy, một hộ trồng {crop} lâu năm, cho biết nhờ áp dụng tưới tiết kiệm và bón phân hữu cơ, "
         "vườn nhà ông cho năng suất cao hơn năm trước.",
         Figure("thu-hoach.jpg", f"Người dân thu hoạch {crop}. Ảnh: {c.photographer}"),
         "Tuy vậy, tình trạng thiếu lao động thời vụ và chi phí thuê nhân công tăng vẫn là nỗi lo của nhiều nhà vườn.",
         "Địa phương đang khuyến khích liên kết với doanh nghiệp để bao tiêu sản phẩm, hướng đến sản xuất theo tiêu "
         "chuẩn an toàn."],
        [], "kinh-te", ["nông nghiệp", crop], c.author, party_building=False)


def festival(c: Ctx) -> Story:
    r = c.rng
    return Story(
        "news", pick(r, [f"Đặc sắc ngày hội văn hóa các dân tộc ở {c.unit}",
                         f"{c.unit_cap} tưng bừng lễ hội truyền thống"]),
        f"Tối {c.day()}, tại quảng trường trung tâm, {c.unit} long trọng khai mạc ngày hội văn hóa, thể thao và du "
        "lịch, thu hút đông đảo người dân và du khách.",
        ["Ngày hội gồm nhiều hoạt động như trình diễn trang phục truyền thống, thi ẩm thực, biểu diễn nhạc cụ dân "
         "tộc, các trò chơi dân gian và giải bóng chuyền nam nữ.",
         Figure("ngay-hoi.jpg", f"Màn trình diễn nghệ thuật tại lễ khai mạc. Ảnh: {c.photographer}"),
         "Đây là dịp để quảng bá hình ảnh quê hương, con người địa phương tới du khách gần xa, đồng thời góp phần "
         "bảo tồn, phát huy giá trị văn hóa truyền thống.",
         "Ngày hội diễn ra đến hết ngày 3, với nhiều gian hàng giới thiệu sản phẩm OCOP và đặc sản địa phương."],
        [], "van-hoa", ["lễ hội", "văn hóa"], c.author, party_building=False)


def traffic(c: Ctx) -> Story:
    r = c.rng
    cases = r.randint(120, 900)
    return Story(
        "news", pick(r, ["Tăng cường tuần tra, xử lý vi phạm nồng độ cồn",
                         f"Công an {c.unit} ra quân bảo đảm trật tự an toàn giao thông"]),
        f"Công an {c.unit} vừa tổ chức lễ ra quân cao điểm bảo đảm trật tự an toàn giao thông, tập trung xử lý các "
        "lỗi vi phạm là nguyên nhân trực tiếp gây tai nạn.",
        [f"Trong đợt cao điểm trước, lực lượng cảnh sát giao thông đã lập biên bản {cases} trường hợp vi phạm, chủ "
         "yếu là lỗi vi phạm nồng độ cồn, chạy quá tốc độ và không đội mũ bảo hiểm.",
         Figure("tuan-tra.jpg", f"Lực lượng cảnh sát giao thông kiểm tra nồng độ cồn. Ảnh: {c.photographer}"),
         "Bên cạnh xử lý vi phạm, đơn vị đẩy mạnh tuyên truyền tại trường học, khu dân cư để nâng cao ý thức chấp "
         "hành pháp luật của người tham gia giao thông."],
        [], "phap-luat", ["an toàn giao thông"], c.author, party_building=False)


def school(c: Ctx) -> Story:
    r = c.rng
    pupils = r.randint(12000, 48000)
    return Story(
        "news", pick(r, [f"Hơn {vn_int(pupils // 1000 * 1000)} học sinh {c.unit} bước vào năm học mới",
                         f"{c.unit_cap} sẵn sàng cho năm học mới"]),
        f"Sáng {c.day()}, các trường học trên địa bàn {c.unit} đồng loạt tổ chức lễ khai giảng năm học mới trong "
        "không khí vui tươi, phấn khởi.",
        ["Để chuẩn bị cho năm học, ngành giáo dục đã rà soát cơ sở vật chất, sửa chữa phòng học, bổ sung thiết bị "
         "dạy học và sách giáo khoa cho học sinh vùng khó.",
         Figure("khai-giang.jpg", f"Học sinh dự lễ khai giảng. Ảnh: {c.photographer}"),
         "Nhiều trường vẫn còn thiếu giáo viên các môn tin học, ngoại ngữ, nghệ thuật; địa phương đang kiến nghị bổ "
         "sung biên chế để bảo đảm thực hiện chương trình giáo dục phổ thông mới."],
        [], "xa-hoi", ["giáo dục", "năm học mới"], c.author, party_building=False)


def tourism(c: Ctx) -> Story:
    r = c.rng
    visitors = r.randint(20, 400) * 1000
    return Story(
        "news", pick(r, [f"Du lịch {c.unit} khởi sắc", "Khách du lịch tăng mạnh dịp nghỉ lễ"]),
        f"Trong kỳ nghỉ lễ vừa qua, các điểm đến ở {c.unit} đón lượng khách tăng mạnh so với cùng kỳ, nhiều cơ sở "
        "lưu trú kín phòng.",
        [f"Theo thống kê sơ bộ, địa phương đón khoảng {vn_int(visitors)} lượt khách, doanh thu từ du lịch tăng đáng kể.",
         "Các sản phẩm mới như du lịch cộng đồng, trải nghiệm nông nghiệp, thưởng thức ẩm thực địa phương được du "
         "khách ưa chuộng.",
         Figure("du-lich.jpg", f"Du khách tham quan, chụp ảnh tại điểm đến. Ảnh: {c.photographer}"),
         "Ngành chức năng tăng cường kiểm tra, chấn chỉnh tình trạng chèo kéo, nâng giá dịch vụ, bảo đảm an ninh, "
         "an toàn cho du khách."],
        [], "du-lich", ["du lịch"], c.author, party_building=False)


NEWS_WRITERS = [weather, harvest, festival, traffic, school, tourism]
