"""Listing pages read by structure (crawler.listing): the repeated item blocks and the pager, on
hand-written pages in the shapes of several CMSs, whatever their article URLs look like."""

from __future__ import annotations

import pytest

from crawler.extract import parse_html
from crawler.discovery.links import looks_like_article_url
from crawler.discovery.listing import read_listing
from crawler.sources.registry import adhoc_source

ORIGIN = "http://cms.example.vn"
SOURCE = adhoc_source(ORIGIN + "/")

HEADLINES = [
    "Huyện ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng sáu tháng đầu năm",
    "Chi bộ khu phố Bắc Sơn sinh hoạt chuyên đề về học tập và làm theo gương Bác",
    "Đảng ủy xã Hòa Bình kết nạp bốn quần chúng ưu tú vào Đảng",
    "Ủy ban Kiểm tra Huyện ủy giám sát việc thực hiện quy chế dân chủ ở cơ sở",
]


def read(body: str, url: str = ORIGIN + "/tin-tuc"):
    return read_listing(parse_html(f"<html><body>{body}</body></html>"), url, SOURCE)


def paths(links) -> list[str]:
    return [link.url.removeprefix(ORIGIN) for link in links]


def test_liferay_view_content_listing_with_slug_only_urls_and_its_portlet_pager():
    slugs = ["so-ket-xay-dung-dang", "sinh-hoat-chuyen-de-bac-son", "ket-nap-quan-chung-uu-tu", "giam-sat-quy-che-dan-chu"]
    items = "".join(
        f'<div class="asset-abstract"><h3 class="asset-title"><a href="/tin-tuc/-/view_content/{slug}">{title}</a></h3>'
        f'<span class="metadata-publish-date">1{n}/05/2025</span></div>'
        for n, (slug, title) in enumerate(zip(slugs, HEADLINES))
    )
    portlet = "p_p_id=journal_INSTANCE_x1&p_p_lifecycle=0&_journal_INSTANCE_x1_delta=4&_journal_INSTANCE_x1_cur="
    pager = f'<ul class="pagination"><li><a href="/tin-tuc?{portlet}2">2</a></li><li><a href="/tin-tuc?{portlet}3">3</a></li>' \
            f'<li><a href="/tin-tuc?{portlet}2">Trang sau »</a></li></ul>'
    listing = read(f'<div class="portlet-body">{items}</div>{pager}')
    assert paths(listing.items) == [f"/tin-tuc/-/view_content/{slug}" for slug in slugs]
    assert [link.listing_date for link in listing.items] == ["10/05/2025", "11/05/2025", "12/05/2025", "13/05/2025"]
    assert listing.item_xpath == "//div[@class='portlet-body']/div[@class='asset-abstract']"
    assert listing.pager == "liferay"
    assert paths(listing.pages) == [f"/tin-tuc?{portlet}2", f"/tin-tuc?{portlet}3"]


def test_dnn_table_rows_and_page_in_the_path():
    rows = "".join(
        f'<tr><td><img src="/Portals/0/thumb{n}.jpg" alt="{title}"/></td>'
        f'<td><a href="/tin-tuc/ArticleId/{900 + n}/x">{title}</a> ({n + 1}/04/2025)</td></tr>'
        for n, title in enumerate(HEADLINES)
    )
    pager = '<div class="PagingTable"><a href="/tin-tuc/Page/1">1</a> <a href="/tin-tuc/Page/2">2</a> <a href="/tin-tuc/Page/2">Tiếp</a></div>'
    listing = read(f'<div class="DnnModule"><table class="News">{rows}</table></div>{pager}')
    assert paths(listing.items) == [f"/tin-tuc/ArticleId/{900 + n}/x" for n in range(4)]
    assert listing.pager == "path"
    assert paths(listing.pages) == ["/tin-tuc/Page/1", "/tin-tuc/Page/2"]


def test_postback_pager_is_reported_not_followed():
    items = "".join(f'<div class="news"><a href="/Default.aspx?tabid=52&amp;nid={n}">{t}</a></div>' for n, t in enumerate(HEADLINES))
    pager = "".join(f"<a href=\"javascript:__doPostBack('ctl00$Pager','Page${n}')\">{n}</a> " for n in (1, 2, 3))
    listing = read(f'<div class="list">{items}</div><div class="pager">{pager}</div>')
    assert len(listing.items) == 4
    assert listing.pages == [] and listing.postback and listing.pager == "postback"


def test_the_section_listing_not_the_menu_link_boxes_or_most_read():
    menu = '<ul class="main-menu">' + "".join(
        f'<li><a href="/{slug}"><img src="/i/bullet.gif" alt=""/> {name}</a></li>'
        for slug, name in [("tin-tuc", "Tin tức"), ("xay-dung-dang", "Xây dựng Đảng"), ("chinh-quyen", "Chính quyền"), ("doan-the", "Đoàn thể")]
    ) + "</ul>"
    links_box = '<div class="box"><div class="box-title">Website liên kết</div><ul>' + "".join(
        f'<li><a href="/lien-ket/{n}">Trang thông tin điện tử xã số {n} trong huyện miền núi</a></li>' for n in range(3)
    ) + "</ul></div>"
    most_read = '<div class="box"><div class="box-title">Đọc nhiều</div><ul>' + "".join(
        f'<li><a href="/doc-nhieu/bai-{n}">{title}</a> <span>0{n + 1}/03/2025</span></li>' for n, title in enumerate(HEADLINES)
    ) + "</ul></div>"
    latest = '<div class="box"><h3>Tin mới</h3><ul>' + "".join(
        f'<li><a href="/moi/bai-{n}">{title}</a></li>' for n, title in enumerate(HEADLINES)
    ) + "</ul></div>"
    listing_html = '<div class="cat-news">' + "".join(
        f'<div class="item"><a href="/xay-dung-dang/bai-viet-{n}"><img src="/t/{n}.jpg" alt="ảnh"/></a>'
        f'<h4><a href="/xay-dung-dang/bai-viet-{n}">{title}</a></h4><p>Tóm tắt: {title.lower()} trong tháng qua.</p></div>'
        for n, title in enumerate(HEADLINES)
    ) + "</div>"
    footer = '<footer><ul>' + "".join(f'<li><a href="/f/{n}">Liên kết chân trang số {n} của cổng thông tin</a></li>' for n in range(4)) + "</ul></footer>"
    listing = read(f"<header>{menu}</header>{listing_html}<aside>{latest}</aside>{links_box}{most_read}{footer}",
                   ORIGIN + "/xay-dung-dang/")
    assert paths(listing.items) == [f"/xay-dung-dang/bai-viet-{n}" for n in range(4)]
    assert listing.item_xpath == "//div[@class='cat-news']/div[@class='item']"
    assert listing.pages == [] and listing.pager is None


def test_a_menu_is_no_listing_even_with_bullets():
    menu = "<table>" + "".join(
        f'<tr><td><img src="/bullet.gif" alt=""/> <a href="/Default.aspx?tabid={n}">{name}</a></td></tr>'
        for n, name in enumerate(["Giới thiệu chung", "Cơ cấu tổ chức", "Xây dựng Đảng", "Liên hệ"])
    ) + "</table>"
    assert read(menu).items == []


def test_query_and_path_pagers():
    items = "".join(f'<article class="post"><h2><a href="/bai/{n}">{t}</a></h2></article>' for n, t in enumerate(HEADLINES))
    query = read(f'<main>{items}</main><div class="nav-links"><a href="/tin?cur=2">2</a><a href="/tin?cur=3">3</a></div>')
    assert query.pager == "query" and paths(query.pages) == ["/tin?cur=2", "/tin?cur=3"]
    path = read(f'<main>{items}</main><div class="paging"><a href="/tin/trang-2">2</a><a href="/tin/trang-2">»</a></div>')
    assert path.pager == "path" and paths(path.pages) == ["/tin/trang-2"]


def test_joomla_limitstart_and_a_next_link_in_words():
    items = "".join(f'<tr><td><a class="contentpagetitle" href="/index.php?option=com_content&amp;task=view&amp;id={n}">{t}</a>'
                    f"</td></tr>" for n, t in enumerate(HEADLINES))
    pager = ('<div><a class="pagenav" href="/index.php?option=com_content&amp;task=blogcategory&amp;id=12&amp;limitstart=4">2</a> '
             '<a class="pagenav" href="/index.php?option=com_content&amp;task=blogcategory&amp;id=12&amp;limitstart=4">Kế tiếp &gt;</a></div>')
    listing = read(f"<table>{items}</table>{pager}")
    assert listing.pager == "query"
    assert paths(listing.pages) == ["/index.php?option=com_content&task=blogcategory&id=12&limitstart=4"]


def test_a_card_whose_only_link_is_empty_gives_its_aria_label():
    cards = "".join(f'<article class="entry"><h2>{t}</h2><a class="entry-link" aria-label="{t}" href="/tin-tuc/bai-{n}/"></a>'
                    f"<time>1{n}/05/2025</time></article>" for n, t in enumerate(HEADLINES))
    assert paths(read(f"<main>{cards}</main>").items) == [f"/tin-tuc/bai-{n}/" for n in range(len(HEADLINES))]


@pytest.mark.parametrize(
    ("url", "anchor", "dated", "article"),
    [
        ("/tin-tuc/-/view_content/khanh-thanh-nha-van-hoa-thon-tien-phong-xa-trieu-phong",
         "Khánh thành nhà văn hóa thôn Tiên Phong xã Triệu Phong", True, True),  # the slug is the headline
        ("/tin-tuc/hoi-thi-bi-thu-chi-bo-gioi-nam-2024/", "Hội thi Bí thư chi bộ giỏi năm 2024 của Đảng bộ thành phố", True, True),
        ("/chuyen-de/-/view_content/hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh",
         "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", False, False),  # a topic: no date beside it
        ("/chuyen-muc/van-hoa-xa-hoi", "Văn hóa - Xã hội: tin tức mới nhất trong tuần qua", True, False),  # a section's slug
        ("/xay-dung-dang", "Xây dựng Đảng", True, False),  # a menu's few words
    ],
)
def test_a_dated_link_whose_slug_is_its_headline_is_a_story(url, anchor, dated, article):
    assert looks_like_article_url(ORIGIN + url, anchor, dated=dated) is article
