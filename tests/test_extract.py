"""Extraction: the pieces, the sample portals' pages without their profiles, and the quality gate."""

from __future__ import annotations

import json
import tomllib

import pytest

from conftest import SITES, site_expectations
from eval_extraction import DEFAULT_DIR, evaluate, load_labels, ours
from crawler.extract import ExtractionError, extract_article
from crawler.extract.authors import person, split_credit, take_bylines
from crawler.extract.furniture import is_furniture_line
from crawler.extract.text import fold, normalize
from crawler.extract.titles import home_page_name, strip_site_name
from crawler.sources.registry import ExtractHints


def test_normalize_folds_unicode_variants():
    decomposed = "đa\u0309ng vie\u0302\u0302n"  # decomposed tone marks
    assert normalize("Ðạ Tẻh\u00a0\u200bđảng") == "Đạ Tẻh đảng"
    assert normalize("Đa\u0309ng") == "Đảng"
    assert fold("Đắk Lắk") == "dak lak" and fold(decomposed).startswith("dang")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Trung Văn - Trung tâm TTVH", "Trung Văn"),
        ("TS. LÊ VĂN CƯỜNG", "LÊ VĂN CƯỜNG"),
        ("Thu Trang - TTVH huyện", "Thu Trang"),
        ("Ban Tuyên giáo Huyện ủy", "Ban Tuyên giáo Huyện ủy"),
        ("H'Ngân Niê", "H'Ngân Niê"),
    ],
)
def test_person_keeps_the_name_alone(raw, expected):
    assert person(raw) == expected


@pytest.mark.parametrize(
    ("last_line", "bold", "author", "attribution"),
    [
        ("BẢO TOÀN", False, "BẢO TOÀN", None),
        ("Tin, ảnh: P.Y", True, "P.Y", None),
        ("Tác giả: Trung Văn - Trung tâm TTVH", False, "Trung Văn", None),
        ("Theo Báo Nam Định,", False, None, "Báo Nam Định"),
        ("Nguồn tin: Báo Gia Lai", False, None, "Báo Gia Lai"),
        ("Nguồn tin: Ban Tuyên giáo Huyện ủy", False, None, "Ban Tuyên giáo Huyện ủy"),
        ("(Theo TTXVN)", False, None, "TTXVN"),
        ("Trung Văn", True, "Trung Văn", None),
    ],
)
def test_bylines_leave_the_text(last_line, bold, author, attribution):
    body = [("Đảng bộ huyện có 41 chi, đảng bộ cơ sở với tổng số 4.014 đảng viên.", False)]
    kept, byline = take_bylines([*body, (last_line, bold)], site="Báo Hậu Giang")
    assert kept == body
    assert (byline.author, byline.attribution) == (author, attribution)


def test_a_body_sentence_starting_with_theo_stays():
    line = ("Theo báo cáo của Ban Tổ chức Huyện ủy, năm 2023 toàn huyện kết nạp 72 đảng viên mới.", False)
    kept, byline = take_bylines([line, line], site=None)
    assert kept == [line, line] and byline.attribution is None


@pytest.mark.parametrize(
    "line",
    ["anh tin bai", "Ngành Tổ chức xây dựng Đảng quan tâm - ảnh 1", "Đang online: 1", "Tất cả: 1", "Xem thêm >>",
     "Chia sẻ", "Giấy phép số 12/GP-BTTTT ngày 05/01/2021", "Từ khóa: Điều lệ Đảng, Ngã Bảy"],
)
def test_furniture_lines(line):
    assert is_furniture_line(line)


def test_body_lines_are_not_furniture():
    assert not is_furniture_line("Tính đến ngày 31-12-2023, Đảng bộ có 44 tổ chức cơ sở đảng trực thuộc Thành ủy.")


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Thành phố Ngã Bảy: Tổng kết Điều lệ Đảng - Báo Hậu Giang", "Báo Hậu Giang", "Thành phố Ngã Bảy: Tổng kết Điều lệ Đảng"),
        ("Sóc Sơn tổ chức đại hội | Báo Phụ nữ Thủ đô", None, "Sóc Sơn tổ chức đại hội"),
        ("Chi tiết tin - Tỉnh ủy Nam Định", None, ""),  # a page name and the site's: no headline
        ("Huyện Sốp Cộp > Tin tức > Xây dựng Đảng", None, ""),
    ],
)
def test_site_name_cut_from_title(title, site, expected):
    assert strip_site_name(title, site) == expected


@pytest.mark.parametrize("page", [b"", b"\x00\x01\x02\x03binary", b"   "])
def test_non_pages_raise_a_clear_error(page):
    with pytest.raises(ExtractionError):
        extract_article(page, "https://x.vn/a.html")


def _page(site: str, path: str) -> bytes:
    www = SITES / site / "www"
    routes = json.loads((www / "_routes.json").read_text("utf-8")) if (www / "_routes.json").exists() else {}
    target = www / (routes.get(path) or path.lstrip("/"))
    return (target / "index.html" if target.is_dir() else target).read_bytes()


SAMPLE_ARTICLES = [(site, a) for site, e in site_expectations().items() for a in e["articles"]]


@pytest.mark.parametrize(("site", "article"), SAMPLE_ARTICLES, ids=[f"{s}:{a['path'][-40:]}" for s, a in SAMPLE_ARTICLES])
@pytest.mark.parametrize("with_profile", [True, False], ids=["profile", "generic"])
def test_sample_pages_extract_exactly(site, article, with_profile):
    """Every sample article, with its site profile and without it (as an unknown portal)."""
    entry = tomllib.loads((SITES / site / "source.toml").read_text("utf-8"))
    hints = ExtractHints(**{k: tuple(v) for k, v in entry.get("extract", {}).items()}) if with_profile else ExtractHints()
    result = extract_article(_page(site, article["path"]), "http://127.0.0.1:8000" + article["path"], hints, site=entry["name"])
    assert result.title == article["title"]
    assert result.author == article["author"]
    if result.date_source != "listing" and article["published"] and "ItemID=3587" not in article["path"]:
        assert result.published == article["published"]
    for paragraph in article["body"]:
        assert paragraph in result.text
    for junk in article.get("absent", []) + site_expectations()[site]["furniture"]:
        assert junk not in result.text


def test_year_less_lead_date_takes_its_year_from_the_listing():
    """The Sốp Cộp seed prints only "Chiều ngày 23/1": its listing's date is the evidence."""
    page = _page("sopcop", "/Default.aspx?tabid=91&ItemID=3587")
    assert extract_article(page, "http://127.0.0.1:8000/Default.aspx?tabid=91&ItemID=3587").published is None
    dated = extract_article(page, "http://127.0.0.1:8000/Default.aspx?tabid=91&ItemID=3587", listing_date="24/01/2024")
    assert (dated.published, dated.date_source) == ("2024-01-24", "listing")


def test_quality_gate_on_the_labelled_set():
    """The levels reached on tests/eval (see `make eval`): a drop here is a regression."""
    labels = load_labels(DEFAULT_DIR)
    assert len(labels) >= 108 and len({label["layout"] for label in labels}) >= 27
    scores = evaluate(DEFAULT_DIR, extractors={"ours": ours})["ours"]
    figures = scores.figures()
    assert figures["body recall"] >= 0.99, scores.misses
    assert figures["furniture leaks"] == 0, scores.misses
    assert figures["title accuracy"] == 1.0, scores.misses
    assert figures["published (day)"] == 1.0, scores.misses
    assert figures["published (minute)"] >= 0.97, scores.misses
    assert figures["author accuracy"] >= 0.97, scores.misses
    # Not in the printed table (plain trafilatura has no such field); page 76's copy-link box is still missed.
    wrong = {label["file"] for label in labels
             if ours((DEFAULT_DIR / "pages" / label["file"]).read_bytes(), label["url"])["source_attribution"] != label["source_attribution"]}
    assert wrong <= {"76-copylink-box.html"}, wrong


def test_header_date_widget_is_not_the_publication_date():
    body = "".join(f"<p>Đoạn {i}: Đảng bộ xã tổ chức sinh hoạt chi bộ chuyên đề về công tác phát triển đảng viên mới.</p>" for i in range(6))
    page = (
        '<html><body><div class="top-date">Thứ Bảy, 21/11/2026</div>'
        "<h1>Đảng bộ xã Phù Linh kết nạp 12 đảng viên mới trong năm 2024</h1>"
        f"<div>{'<span>Chuyên mục</span>' * 8}</div><div class='meta'>Ngày 05/03/2024</div>{body}</body></html>"
    )
    assert extract_article(page, "https://x.vn/tin/a-1234.html").published == "2024-03-05"


BODY = "".join(
    f"<p>Đoạn {i}: Chi bộ thôn tổ chức sinh hoạt chuyên đề về công tác phát triển đảng viên, với nhiều ý kiến thẳng thắn.</p>"
    for i in range(5)
)
RELATED = '<div class="box-related"><h3>Tin liên quan</h3><ul><li><a href="/b-2.html">Một tin khác về đại hội chi bộ</a> 02/01/2024 07:00</li></ul></div>'


def _article(head: str = "", top: str = "", body: str = BODY, after: str = "", headline: str = "<h1>Chi bộ thôn Tân Lập kết nạp ba đảng viên mới trong quý I</h1>") -> str:
    return f"<html><head>{head}</head><body><div class='top-date'>Thứ Bảy, 21/11/2026</div><div class='detail'>{headline}{top}<div class='content'>{body}</div>{after}</div>{RELATED}</body></html>"


def test_a_date_line_inside_the_share_bar_is_the_article_date():
    share = '<div class="sharemxh"><a class="fb">Facebook</a><a class="zalo">Zalo</a><span class="pubdate">08/01/2026 - 18:21</span></div>'
    result = extract_article(_article(top=share), "https://x.vn/a-1.html")
    assert (result.published, result.date_source) == ("2026-01-08T18:21:00+07:00", "date-line")
    assert "Facebook" not in result.text and "18:21" not in result.text


@pytest.mark.parametrize(
    ("linked", "published"),
    [
        ({"@type": "NewsArticle", "datePublished": "2025-11-03T09:15:00+07:00"}, "2025-11-03T09:15:00+07:00"),
        ({"@type": "NewsArticle", "datePublished": "2025-11-03T20:15:00Z"}, "2025-11-04T03:15:00+07:00"),
        ({"@graph": [{"@type": "WebSite"}, {"@type": ["NewsArticle"], "datePublished": "2025-11-03T09:15:00+07:00"}]},
         "2025-11-03T09:15:00+07:00"),
    ],
)
def test_a_json_ld_date_is_read_as_json(linked, published):
    script = f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", **linked})}</script>'
    result = extract_article(_article(head=script), "https://x.vn/a-1.html")
    assert (result.published, result.date_source) == (published, "json-ld")


def test_every_author_in_printed_order_and_the_byline_never_in_the_text():
    linked = {"@context": "https://schema.org", "@type": "NewsArticle", "author": [
        {"@type": "Person", "name": "NHẬT XUÂN"}, {"@type": "Person", "name": "NGHI VŨ"}]}
    page = _article(
        head=f'<script type="application/ld+json">{json.dumps(linked)}</script>',
        top="<div class='author'>NHẬT XUÂN và 1 tác giả khác</div><div class='time'>12/01/2024 15:45</div>",
        body=BODY + "<p><strong>NHẬT XUÂN - NGHI VŨ</strong></p>",
    )
    result = extract_article(page, "https://x.vn/a-1.html")
    assert (result.author, result.author_source) == ("NHẬT XUÂN, NGHI VŨ", "byline-end")
    assert "NHẬT XUÂN" not in result.text and "tác giả khác" not in result.text


@pytest.mark.parametrize(
    ("closing", "author"),
    [
        ("<p><strong>Hà Thu</strong> <em>(tổng hợp)</em></p>", "Hà Thu"),
        ('<p style="text-align:right"><strong>Tin, ảnh: P.Y</strong></p>', "P.Y"),
        ("<p>Anh Dũng</p>", "Anh Dũng"),
        ("<p>Tác giả: Lò Hương - Trung tâm TTVH và Trần Minh</p>", "Lò Hương"),
    ],
)
def test_closing_bylines(closing, author):
    result = extract_article(_article(body=BODY + closing, top="<p>12/01/2024</p>"), "https://x.vn/a-1.html")
    assert result.author == author
    assert author not in result.text


def test_json_ld_authors_are_people_never_the_paper_or_a_url():
    linked = {"@context": "https://schema.org", "@type": "NewsArticle", "author": {"@type": "Organization", "name": "Báo Tân Lập"}}
    head = (f'<script type="application/ld+json">{json.dumps(linked)}</script>'
            '<meta property="article:author" content="https://www.facebook.com/baotanlap">')
    assert extract_article(_article(head=head, top="<p>12/01/2024</p>"), "https://x.vn/a-1.html").author is None
    linked["author"] = [{"@type": "Person", "name": "Minh Khôi"}, "https://www.facebook.com/minhkhoi"]
    head = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    result = extract_article(_article(head=head, top="<p>12/01/2024</p>"), "https://x.vn/a-1.html")
    assert (result.author, result.author_source) == ("Minh Khôi", "json-ld")


def test_the_printed_headline_wins_over_reworded_metadata():
    head = ('<title>Tân Lập có thêm đảng viên trẻ | Báo Tân Lập</title>'
            '<meta property="og:title" content="Thêm ba đảng viên trẻ ở thôn Tân Lập">')
    sapo = "<div class='sapo'>Sáng 12/1, Chi bộ thôn Tân Lập tổ chức lễ kết nạp ba quần chúng ưu tú vào Đảng.</div>"
    result = extract_article(_article(head=head, top="<div class='time'>12/01/2024 08:05</div>" + sapo), "https://x.vn/a-1.html")
    assert result.title == "Chi bộ thôn Tân Lập kết nạp ba đảng viên mới trong quý I"
    assert result.published == "2024-01-12T08:05:00+07:00"
    assert result.text.startswith("Sáng 12/1, Chi bộ thôn Tân Lập")


@pytest.mark.parametrize(
    "box",
    [
        '<div class="ticker"><b>Tin nóng</b><a href="/c-3.html">Khai mạc hội nghị cán bộ chủ chốt 09:10</a></div>',
        '<div class="box-copylink"><span>Copy link</span><span>Link bài gốc</span><a>Lấy link!</a></div>',
        '<div class="app-download"><p>Tải ứng dụng Báo Tân Lập</p><a>App Store</a><a>Google Play</a></div>',
    ],
)
def test_boxes_inside_the_article_column_do_not_leak(box):
    page = _article(top="<p>12/01/2024</p>" + box, after=box)
    text = extract_article(page, "https://x.vn/a-1.html").text
    for word in ("Tin nóng", "Khai mạc hội nghị", "Copy link", "Link bài gốc", "Lấy link", "Tải ứng dụng", "App Store"):
        assert word not in text


def test_a_tag_name_xml_refuses_does_not_stop_extraction():
    """Broken markup (`<id="x" class="...">`) gives lxml's HTML parser a tag name XML refuses; the
    shield that tests classes against trafilatura's discard rules must still work (found by test_fuzz)."""
    body = " ".join(["Đảng ủy xã tổ chức hội nghị kiểm tra công tác xây dựng Đảng năm 2026."] * 12)
    page = (f'<html><head><title>Hội nghị kiểm tra</title></head><body><h1>Hội nghị kiểm tra</h1>'
            f'<div class="news-slide"><id="dnn_ctr1_x" class="news_content"><p>{body}</p>'
            f'</id="dnn_ctr1_x"></div></body></html>')
    article = extract_article(page, "https://example.vn/tin/1.html")
    assert "hội nghị kiểm tra công tác" in article.text


@pytest.mark.parametrize(
    ("closing", "author", "attribution"),
    [
        ('<div class="post-origin" style="text-align:right">Theo <strong>Reuters</strong></div>', None, "Reuters"),
        ('<div style="text-align:right">Theo <strong>Reuters, AFP</strong></div>', None, "Reuters, AFP"),
        ('<p style="text-align:right">Theo <strong>Minh Hòa</strong></p><p style="text-align:right"><em>Tạp chí Tân Lập</em></p>',
         "Minh Hòa", "Tạp chí Tân Lập"),
        ('<div class="article-source"><span class="name">(TTXVN/Tân Lập+)</span></div>', None, "TTXVN/Tân Lập+"),
        ('<div class="author"><strong>Hoàng Yến</strong><i> (TTXVN)</i></div>', "Hoàng Yến", "TTXVN"),
        ('<div class="post-author">Lê Minh/Tanlap/tanlap.vn</div>', "Lê Minh", "Tanlap/tanlap.vn"),
    ],
)
def test_closing_credits_split_writer_and_source(closing, author, attribution):
    result = extract_article(_article(top="<p>12/01/2024</p>", after=closing), "https://x.vn/a-1.html")
    assert (result.author, result.source_attribution) == (author, attribution)
    assert "Theo" not in result.text and (author is None or author not in result.text)


def test_a_body_sentence_opening_with_theo_an_outlet_stays_text():
    sentence = "<p>Theo Reuters, hội nghị đại biểu đảng viên đã bàn kỹ quy chế làm việc của chi bộ trong nhiệm kỳ mới.</p>"
    result = extract_article(_article(top="<p>12/01/2024</p>", body=sentence + BODY), "https://x.vn/a-1.html")
    assert result.text.startswith("Theo Reuters, hội nghị") and result.source_attribution is None


@pytest.mark.parametrize(
    ("raw", "name", "outlet"),
    [
        ("Văn Giáp/Bnews/vnanet.vn", "Văn Giáp", "Bnews/vnanet.vn"),
        ("Tâm Hằng (TTXVN)", "Tâm Hằng", "TTXVN"),
        ("Tâm HằngTTXVN", "Tâm Hằng", "TTXVN"),
        ("Hà Thu (tổng hợp)", "Hà Thu (tổng hợp)", None),
        ("NHẬT XUÂN - NGHI VŨ", "NHẬT XUÂN - NGHI VŨ", None),
        ("Tin/ảnh: Thu Hà", "Tin/ảnh: Thu Hà", None),
        ("Hà Thu (CTV)", "Hà Thu (CTV)", None),
        ("Thu Hà/Báo Bắc Giang", "Thu Hà", "Báo Bắc Giang"),
    ],
)
def test_split_credit(raw, name, outlet):
    assert split_credit(raw) == (name, outlet)


def test_json_ld_glued_credit_never_beats_the_printed_byline():
    linked = {"@context": "https://schema.org", "@type": "NewsArticle", "author": {"@type": "Person", "name": "Hoàng YếnTTXVN"}}
    head = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    result = extract_article(_article(head=head, top="<p>12/01/2024</p>"), "https://x.vn/a-1.html")
    assert (result.author, result.author_source) == ("Hoàng Yến", "json-ld")
    printed = '<div class="author"><strong>Hoàng Yến</strong><i> (TTXVN)</i></div>'
    result = extract_article(_article(head=head, top="<p>12/01/2024</p>", after=printed), "https://x.vn/a-1.html")
    assert (result.author, result.source_attribution) == ("Hoàng Yến", "TTXVN")


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="copyright" content="Tân Lập"><meta name="author" content="Tân Lập">',
        '<meta name="copyright" content="Copyright © 2024 by tanlap.vn"><meta name="author" content="Tân Lập">',
        '<meta name="twitter:site" content="tanlap.vn"><meta name="author" content="Tân Lập">',
    ],
)
def test_a_meta_author_that_repeats_the_publisher_is_not_a_person(head):
    assert extract_article(_article(head=head, top="<p>12/01/2024</p>"), "https://x.vn/a-1.html").author is None


def test_a_person_icon_marks_the_byline():
    top = '<ul class="meta"><li><span><i class="icon-user"></i>Lê Minh/Tanlap/tanlap.vn</span></li><li><time>12/01/2024</time></li></ul>'
    result = extract_article(_article(top=top), "https://x.vn/a-1.html")
    assert (result.author, result.source_attribution) == ("Lê Minh", "Tanlap/tanlap.vn")


def test_a_list_of_other_stories_between_lead_and_body_is_furniture():
    sapo = "<h2 class='sapo'>Sáng 12/1, Chi bộ thôn Tân Lập tổ chức lễ kết nạp ba quần chúng ưu tú vào Đảng.</h2>"
    related = "<ul class='concern'>" + "".join(
        f"<li><h4><a href='/tin-{i}.htm'>Đảng bộ xã số {i} tổng kết công tác xây dựng Đảng năm 2023</a></h4></li>" for i in range(3)
    ) + "</ul>"
    result = extract_article(_article(top="<p>12/01/2024</p>" + sapo + related), "https://x.vn/a-1.html")
    assert "tổng kết công tác" not in result.text and result.text.startswith("Sáng 12/1, Chi bộ thôn")
    listed = "<ul>" + "".join(f"<li>Nhiệm vụ số {i}: rà soát hồ sơ đảng viên, cập nhật dữ liệu và báo cáo cấp ủy.</li>" for i in range(3)) + "</ul>"
    kept = extract_article(_article(top="<p>12/01/2024</p>" + sapo, body=BODY[:200] + listed + BODY), "https://x.vn/a-1.html")
    assert "Nhiệm vụ số 1" in kept.text


@pytest.mark.parametrize(
    ("head", "label", "stays"),
    [
        ("", '<span class="tanlap-lead">TANLAP</span>', False),
        ('<meta name="copyright" content="Copyright © 2024 by tanlap.vn">', "<span>TANLAP</span>", False),
        ("", "<span>HÀ NỘI</span>", True),
        ("", "<span>TTXVN</span>", True),
    ],
)
def test_an_outlet_label_in_front_of_the_lead_goes(head, label, stays):
    sapo = f"<div class='summary-post'><p>{label}<b>Sáng 12/1, Chi bộ thôn Tân Lập tổ chức lễ kết nạp ba quần chúng ưu tú vào Đảng.</b></p></div>"
    text = extract_article(_article(head=head, top="<p>12/01/2024</p>" + sapo), "https://x.vn/a-1.html").text
    assert text.startswith("Sáng 12/1") != stays


def test_a_login_link_beside_a_person_icon_is_not_the_author():
    top = '<div class="login"><a href="/dang-nhap"><i class="fa fa-user"></i>Đăng nhập</a></div><p>12/01/2024</p>'
    assert extract_article(_article(top=top), "https://x.vn/a-1.html").author is None


def test_a_list_of_other_stories_closing_the_body_block_is_furniture():
    box = "<div><ul>" + "".join(
        f"<li data-date='16/09/2016 15:15'><span>Tham khảo thêm</span><h4><a href='/tin-{i}.htm'>Chi bộ số {i} sơ kết công tác phát triển đảng viên</a></h4></li>"
        for i in range(3)) + "</ul></div>"
    page = _article(top="<p>12/01/2024</p>", body=BODY + "<p style='text-align:right'><b>Hải Đăng</b></p>" + box)
    result = extract_article(page, "https://x.vn/a-1.html")
    assert "Tham khảo thêm" not in result.text and "sơ kết" not in result.text
    assert result.author == "Hải Đăng"


LINK_SOURCE = ('<div class="link-source-wrapper is-web clearfix" id="urlSourceTanlap"><a class="link-source-name" title="x">'
               'Theo <span class="link-source-text-name">{outlet}</span><span class="btn-copy-link-source2"><i>Copy link</i></span></a>'
               '<div class="link-source-detail"><span>Link bài gốc</span><span><i>Lấy link</i></span>'
               '<a class="link-source-full" href="https://songmoi.vn/bai-goc-2026.htm">https://songmoi.vn/bai-goc-2026.htm</a></div></div>')


@pytest.mark.parametrize(
    ("after", "outlet"),
    [
        (LINK_SOURCE.format(outlet="Nhịp Sống Tân Lập"), "Nhịp Sống Tân Lập"),  # right after the body, a plain outlet name
        ('<div class="gg-news">Thêm TANLAP trên Google</div><div class="tags">Tags <a href="/t">chi bộ</a></div>'
         + LINK_SOURCE.format(outlet="songmoi.vn"), "songmoi.vn"),  # third after the body, a domain
        ('<div class="link-source-wrapper"><a class="link-source-name">Theo <span class="link-source-text-name">Thời Báo Đất Việt'
         '</span></a></div>', "Thời Báo Đất Việt"),  # a bare "Theo X" box: the source, never the writer
        ('<div class="content_source"><p class="author">Theo Đỗ Quang Huy</p><p class="source" data-field="source"> Tiền Lập</p></div>',
         "Tiền Lập"),  # the writer is the author ("Theo " dropped), the marked source the attribution
    ],
)
def test_a_source_box_gives_the_attribution_and_stays_out_of_the_text(after, outlet):
    result = extract_article(_article(top="<p>12/01/2024</p>", after=after), "https://x.vn/a-1.html")
    assert (result.author, result.source_attribution) == ("Đỗ Quang Huy" if "Quang Huy" in after else None, outlet)
    for word in ("Copy link", "Link bài gốc", "Lấy link", "Theo", "songmoi", "Google", outlet):
        assert word not in result.text


def test_a_source_box_outside_the_column_that_holds_the_text_is_read():
    page = _article(top="<p>12/01/2024</p>").replace(
        "<div class='detail'>", "<div class='wrap'><div class='detail'>").replace(
        "</div><div class=\"box-related", "</div>" + LINK_SOURCE.format(outlet="Nhịp Sống Tân Lập") + "</div><div class=\"box-related", 1)
    assert "urlSource" in page
    assert extract_article(page, "https://x.vn/a-1.html").source_attribution == "Nhịp Sống Tân Lập"


@pytest.mark.parametrize(
    ("top", "head", "author"),
    [
        ('<span class="author" data-role="author" itemprop="author"><b>Theo Phạm Trường</b></span>', "", "Phạm Trường"),
        ("", '<meta property="article:author" content="Theo Phạm Trường">', "Phạm Trường"),
        ("", '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Theo Phạm Trường"}}</script>',
         "Phạm Trường"),
        ('<span class="author">Theo báo cáo</span>', "", "Theo báo cáo"),  # not a name after "Theo": left as it is
    ],
)
def test_theo_before_a_name_in_an_author_field_is_not_the_name(top, head, author):
    assert extract_article(_article(head=head, top=top + "<p>12/01/2024</p>"), "https://x.vn/a-1.html").author == author


@pytest.mark.parametrize(
    ("credit", "author", "outlet"),
    [
        ('<span itemprop="name">Thế Duyệt</span>, Đời sống Pháp luật&nbsp;', "Thế Duyệt", "Đời sống Pháp luật"),
        ('<span itemprop="name">Thế Duyệt</span>&nbsp;', "Thế Duyệt", None),
        ('<span itemprop="name">Thế Duyệt</span>, ảnh của tác giả cung cấp cho tòa soạn ngày 12/1', "Thế Duyệt", None),
    ],
)
def test_an_outlet_after_a_comma_beside_the_nested_name_is_the_attribution(credit, author, outlet):
    top = f'<span class="kbwcm-author" itemprop="author" itemscope itemtype="https://schema.org/Person">{credit}</span><p>12/01/2024</p>'
    result = extract_article(_article(top=top), "https://x.vn/a-1.html")
    assert (result.author, result.source_attribution) == (author, outlet)


@pytest.mark.parametrize(
    ("label", "embed", "gone"),
    [
        ("<p><strong><em>XEM VIDEO</em>:</strong></p>", '<figure class="video-embed"><iframe src="https://v.x.vn/1"></iframe></figure>', True),
        ("<p>Video:</p>", '<div class="embed"><video src="/v.mp4"></video></div>', True),
        ("<p>Nội dung gồm các ý sau:</p>", "<ul><li>Rà soát hồ sơ đảng viên cao tuổi.</li><li>Trao huy hiệu đúng dịp.</li></ul>", False),
    ],
)
def test_a_label_over_an_embed_is_furniture(label, embed, gone):
    text = extract_article(_article(top="<p>12/01/2024</p>", body=label + embed + BODY), "https://x.vn/a-1.html").text
    assert (label.replace("<p>", "").split("<")[0].split(":")[0].strip() in text) != gone or "XEM" in label and "XEM VIDEO" not in text


@pytest.mark.parametrize(("title", "name"), [
    ("Báo Hậu Giang - Tin tức Hậu Giang cập nhật liên tục 24h", "Báo Hậu Giang"),
    ("Trang chủ - Đảng bộ huyện Liên Sơn", "Đảng bộ huyện Liên Sơn"),
    ("Huyện Sốp Cộp > Trang chủ", "Huyện Sốp Cộp"),
    ("  TRANG CHỦ |  Cổng thông tin điện tử Tỉnh ủy  ", "Cổng thông tin điện tử Tỉnh ủy"),
    ("Tin tức - Trang chủ", None),
    ("", None),
])
def test_a_home_page_title_gives_the_site_s_name(title, name):
    assert home_page_name(title) == name
