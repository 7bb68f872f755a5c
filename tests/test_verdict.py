"""The page decides (crawler.extract.verdict): a short item with a headline, a date and two sentences
is an article; listings, contact pages, document lists, search results and galleries are not."""

from __future__ import annotations

import pytest

from crawler.extract import Article, extract_article, parse_html
from crawler.extract.verdict import not_an_article

SHELL = """<html><head><title>{title} - Cổng thông tin điện tử huyện Hòa Vang</title></head><body>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li></ul>
<div id="main">{main}</div>
<div class="footer">Địa chỉ: Số 1 đường Trần Phú. Điện thoại: 0236 3 123 456</div></body></html>"""
HEADLINES = [
    "Huyện ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng sáu tháng đầu năm",
    "Chi bộ khu phố Bắc Sơn sinh hoạt chuyên đề về học tập và làm theo gương Bác",
    "Đảng ủy xã Hòa Bình kết nạp bốn quần chúng ưu tú vào Đảng",
    "Ủy ban Kiểm tra Huyện ủy giám sát việc thực hiện quy chế dân chủ ở cơ sở",
]


def judge(title: str, main: str) -> str | None:
    page = SHELL.format(title=title, main=main)
    return not_an_article(extract_article(page, "http://hoavang.example.vn/tin-tuc/bai-viet"), parse_html(page))


def test_a_two_sentence_item_is_an_article():
    main = """<h1>Hòa Vang trao Huy hiệu 55 năm tuổi Đảng cho đảng viên lão thành</h1>
    <div class="date">08:30 | 12/05/2025</div>
    <p>Sáng 11-5, Huyện ủy Hòa Vang trao Huy hiệu 55 năm tuổi Đảng cho đồng chí Lê Văn Bảy, thôn Phước Thuận.
    Thay mặt Huyện ủy, đồng chí Phó Bí thư chúc mừng và mong đồng chí tiếp tục nêu gương sáng cho con cháu.</p>"""
    assert judge("Hòa Vang trao Huy hiệu 55 năm tuổi Đảng cho đảng viên lão thành", main) is None


def test_no_date_or_two_words_is_not():
    undated = "<h1>Hòa Vang trao Huy hiệu Đảng</h1><p>" + "Sáng 11-5, Huyện ủy Hòa Vang trao Huy hiệu Đảng cho các đảng viên. " * 3 + "</p>"
    assert judge("Hòa Vang trao Huy hiệu Đảng", undated) == "no date"
    assert judge("Hòa Vang", "<h1>Hòa Vang</h1><div>12/05/2025</div><p>Xin chào.</p>") in {"too little text", "no headline"}


def test_a_listing_is_not():
    items = "".join(
        f'<div class="item"><h3><a href="/tin-tuc/bai-{n}">{title}</a></h3><div>1{n}/05/2025</div>'
        f"<p>{title} là nội dung được cấp ủy quan tâm chỉ đạo trong thời gian qua.</p></div>"
        for n, title in enumerate(HEADLINES)
    )
    assert judge("Tin tức - Sự kiện", f"<h1>Tin tức - Sự kiện</h1>{items}") == "listing"


def test_a_contact_page_is_not():
    main = """<h1>Liên hệ</h1><p>Ngày cập nhật: 01/01/2025</p><p>Địa chỉ: Số 1 đường Trần Phú, thị trấn Hòa Vang</p>
    <p>Điện thoại: 0236 3 123 456</p><p>Email: banbientap@hoavang.example.vn</p>
    <p>Ý kiến đóng góp xin gửi về Ban Biên tập trong giờ hành chính các ngày làm việc trong tuần.</p>"""
    assert judge("Liên hệ", main) == "contact page"


def test_a_document_list_is_not():
    rows = "".join(
        f"<tr><td>{n}-CV/HU</td><td>0{n % 9 + 1}/04/2025</td><td>Về việc triển khai nhiệm vụ công tác xây dựng Đảng quý {n % 4 + 1}</td></tr>"
        for n in range(120, 126)
    )
    main = f"<h1>Chỉ đạo điều hành</h1><table><tr><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr>{rows}</table>"
    assert judge("Chỉ đạo điều hành", main) == "document list"


@pytest.mark.parametrize("title", ["Kết quả tìm kiếm", "Tìm kiếm"])
def test_search_results_are_not(title):
    items = "".join(f'<p><a href="/tin-tuc/bai-{n}">{t}</a> (1{n}/05/2025)</p>' for n, t in enumerate(HEADLINES))
    assert judge(title, f"<h1>{title}</h1><p>Có 4 kết quả cho từ khóa “đảng viên” ngày 12/05/2025.</p>{items}") == "search results"


def test_a_gallery_is_not():
    images = "".join(f'<a href="/anh/{n}.jpg"><img src="/anh/{n}-nho.jpg" alt="Ảnh hoạt động {n}"/></a>' for n in range(8))
    main = f'<h1>Hoạt động kỷ niệm ngày thành lập Đảng</h1><div class="date">03/02/2025</div><div class="album-photos">{images}</div>' \
           "<p>Một số hình ảnh hoạt động kỷ niệm 95 năm Ngày thành lập Đảng.</p>"
    assert judge("Hoạt động kỷ niệm ngày thành lập Đảng", main) == "gallery"
    assert judge("Thư viện ảnh", f"<h1>Thư viện ảnh</h1>{images}") == "gallery"


def test_the_verdict_needs_only_title_text_date_and_the_tree():
    article = Article("http://x.vn/a", "Một tiêu đề", "Hai câu. " * 20, "2025-01-01", "date-line", None, None, None, None, 40)
    assert not_an_article(article, parse_html("<html><body><h1>Một tiêu đề</h1></body></html>")) is None


def test_a_section_page_with_a_single_item_is_not():
    """A section named as the menu names it ("Văn hóa - Xã hội") is a listing, even with one story in it."""
    menu = '<ul class="nav"><li><a href="/van-hoa-xa-hoi">Văn hóa - Xã hội</a></li></ul>'
    item = (f'<div class="item"><a href="/tin-tuc/bai-1">{HEADLINES[0]}</a><div>12/05/2025</div>'
            "<p>Huyện ủy đánh giá kết quả nổi bật và chỉ ra những hạn chế cần khắc phục trong sáu tháng cuối năm.</p></div>")
    assert judge("Văn hóa - Xã hội", f"{menu}<h1>Văn hóa - Xã hội</h1>{item}") == "section listing"


def test_the_pages_own_headline_linked_from_a_box_does_not_make_it_a_listing():
    title = HEADLINES[0]
    main = (f'<h1>{title}</h1><div class="date">12/05/2025</div>'
            "<p>Sáng 12-5, Huyện ủy Hòa Vang đánh giá kết quả nổi bật và chỉ ra hạn chế cần khắc phục.</p>"
            f"<p>{title} là dịp để các chi bộ rà soát chương trình công tác và báo cáo trước ngày 30/6.</p>"
            f'<div class="box"><a href="/tin-tuc/bai-viet">{title}</a></div>')
    assert judge(title, main) is None
