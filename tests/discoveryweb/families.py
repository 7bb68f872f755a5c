"""The discovery portals: one small site per CMS family, each with that family's URL shapes,
pagination and markup (class names, ids, date lines, bylines), and invented text.

The structures follow what these CMSs publish (DNN modules in layout tables, Liferay asset
publishers, NukeViet's ``news`` module, WordPress themes, SharePoint publishing pages...); the
place names are real, every story is made up (``stories.py``).
"""

from __future__ import annotations

import re
from datetime import datetime

from portal import EXTERNAL, Portal, cut, dmy, esc, hm, iso, weekday
from stories import Story


def links(portal: Portal, stories: list[Story], item: str = "<li>{a}</li>", a_attrs: str = "") -> str:
    return "\n".join(
        item.format(a=f'<a{a_attrs} href="{esc(portal.article_url(s))}" title="{esc(s.title)}">{esc(s.title)}</a>', date=dmy(s.published), s=s)
        for s in stories
    )


def menu_items(portal: Portal, item: str = '<li><a href="{url}">{label}</a></li>') -> str:
    return "\n".join(item.format(url=esc(url), label=esc(label)) for label, url in portal.menu())


def external_box(title: str = "Website liên kết", kind: str = "select") -> str:
    if kind == "select":
        options = "".join(f'<option value="{url}">{esc(name)}</option>' for name, url in EXTERNAL)
        anchors = "".join(f'<li><a href="{url}" target="_blank">{esc(name)}</a></li>' for name, url in EXTERNAL)
        return f'<div class="weblink"><h3>{title}</h3><select onchange="window.open(this.value)"><option>-- Chọn website --</option>{options}</select><ul>{anchors}</ul></div>'
    return "".join(f'<a href="{url}" target="_blank"><img src="/images/banner/{i}.png" alt="{esc(name)}"></a>' for i, (name, url) in enumerate(EXTERNAL))


def head(title: str, site: str, extra: str = "", css: str = "/css/style.css", og: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}{" - " + esc(site) if title != site else ""}</title>
<meta name="description" content="{esc(site)}">
<link rel="stylesheet" href="{css}">
{og}{extra}
</head>"""


# 1 ---------------------------------------------------------------------------------------------
class DNN(Portal):
    """DotNetNuke district portal: layout tables, ``dnn_ctrNNN`` module ids, friendly
    ``/tabid/91/ArticleID/123/...aspx`` article URLs, ``/Page/2/Default.aspx`` pagination."""

    key, family = "dnn", "DNN district portal (tabid/ArticleID, /Page/2, layout tables)"
    name, short_name = "Cổng thông tin điện tử huyện Krông Năng", "Krông Năng"
    place = {"xa": ["Ea Hồ", "Phú Lộc", "Tam Giang", "Ea Tam"], "noi": "huyện Krông Năng", "cap": "Huyện ủy Krông Năng"}
    id_base, topic_offset = 1520, 0
    robots = "User-agent: *\nDisallow: /admin/\nDisallow: /DesktopModules/\nDisallow: /Providers/\n"
    about_url, contact_url = "/gioi-thieu/tabid/55/Default.aspx", "/lien-he/tabid/60/Default.aspx"
    documents_url, gallery_url = "/van-ban/tabid/70/Default.aspx", "/thu-vien-anh/tabid/75/Default.aspx"
    search_url, search_results_url = "/tim-kiem/tabid/80/Default.aspx", "/tim-kiem/tabid/80/Default.aspx?Search=dang+vien"
    tag_url = "/tin-tuc/tabid/91/tagid/4/dang-vien.aspx"

    def article_url(self, s):
        tab = 91 if s.section == "party" else 92 + self.other_stories.index(s)
        return f"/tin-tuc/tabid/{tab}/ArticleID/{s.id}/{cut(s.slug, 60)}.aspx"

    def section_url(self, page=1):
        return "/xay-dung-dang/tabid/91/Default.aspx" if page == 1 else f"/xay-dung-dang/tabid/91/Page/{page}/Default.aspx"

    def other_url(self, i):
        return f"/{('kinh-te', 'van-hoa-xa-hoi')[i]}/tabid/{92 + i}/Default.aspx"

    def page(self, title, main, crumbs, kind):
        crumb = " &gt; ".join(f'<a href="{esc(u)}" class="Breadcrumb">{esc(t)}</a>' for t, u in crumbs)
        return head(title, self.name, '<script src="/js/dnncore.js"></script>', "/Portals/_default/Skins/KrongNang/skin.css") + f"""
<body id="Body">
<form method="post" action="/Default.aspx" id="Form">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgYCAQ9kFgICBw8WAh4EVGV4dAUJ">
<table width="1000" border="0" cellpadding="0" cellspacing="0" align="center" class="skinmaster">
<tr><td colspan="2" class="banner"><a href="/"><img src="/Portals/0/banner.jpg" alt="{esc(self.name)}"></a></td></tr>
<tr><td colspan="2" class="menu"><div id="dnn_dnnNAV_ctldnnNAV"><ul class="mainmenu">
{menu_items(self, '<li class="mi"><a href="{url}"><span>{label}</span></a></li>')}
<li class="mi"><a href="{esc(self.search_url)}"><span>Tìm kiếm</span></a></li>
</ul></div></td></tr>
<tr><td colspan="2" class="ticker"><marquee scrollamount="3">{links(self, self.newest_links(3), '<span class="tickeritem">{a}</span> | ')}</marquee></td></tr>
<tr><td colspan="2"><span id="dnn_dnnBREADCRUMB_lblBreadCrumb">{crumb}</span></td></tr>
<tr>
<td valign="top" width="700" id="dnn_ContentPane" class="ContentPane">
<div class="DnnModule DnnModule-ArticlesModule DnnModule-{740 if kind == "article" else 738}"><a name="{740 if kind == "article" else 738}"></a>
<table class="Container" width="100%"><tr><td class="Head"><span id="dnn_ctr740_dnnTITLE_lblTitle" class="Head">{esc(crumbs[-1][0])}</span></td></tr>
<tr><td id="dnn_ctr740_ContentPane" class="ContainerContent">
{main}
</td></tr></table></div>
</td>
<td valign="top" width="300" id="dnn_RightPane" class="RightPane">
<table class="Container"><tr><td class="Head">Tin mới</td></tr><tr><td><ul class="newslist">{links(self, self.newest_links())}</ul></td></tr></table>
<table class="Container"><tr><td class="Head">Đọc nhiều</td></tr><tr><td><ul class="newslist">{links(self, self.most_read())}</ul></td></tr></table>
<table class="Container"><tr><td class="Head">Liên kết website</td></tr><tr><td>{external_box("Website liên kết")}</td></tr></table>
<div class="counter">Lượt truy cập: <span>1.254.336</span></div>
</td></tr>
<tr><td colspan="2" class="footer"><span class="Normal">Cơ quan chủ quản: {esc(self.place['cap'])}<br>Địa chỉ: Thị trấn Krông Năng, huyện Krông Năng, tỉnh Đắk Lắk<br>Chịu trách nhiệm chính: Chánh Văn phòng Huyện ủy</span>
<a href="/Login.aspx" class="SkinObject">Đăng nhập</a></td></tr>
</table>
</form>
</body>
</html>"""

    def article_main(self, s):
        author = f'<span id="dnn_ctr740_ViewArticle_lblAuthor" class="author">{esc(s.author)}</span>' if s.author else ""
        related = links(self, self.related(s), '<li>{a} <span class="date">({date})</span></li>')
        return f"""<div class="ArticleDetail">
<h1 class="Title"><span id="dnn_ctr740_ViewArticle_lblTitle">{esc(s.title)}</span></h1>
<div class="ArticleDate"><span id="dnn_ctr740_ViewArticle_lblDate">Cập nhật lúc {hm(s.published)}, {weekday(s.published)}, {dmy(s.published)}</span></div>
<div class="ArticleSummary"><span id="dnn_ctr740_ViewArticle_lblSummary">{esc(s.lead)}</span></div>
<div class="Normal ArticleContent" id="dnn_ctr740_ViewArticle_divContent">
{"".join(f"<p>{esc(p)}</p>" for p in s.paragraphs)}
</div>
<div class="ArticleAuthor" style="text-align:right">{author}</div>
<div class="ArticleTools"><a href="javascript:window.print()">In bài viết</a> | <a href="javascript:history.back()">Quay lại</a></div>
<div class="OtherArticles"><span class="SubHead">Các tin khác</span><ul>{related}</ul></div>
</div>"""

    def listing_main(self, heading, stories, pager):
        rows = "\n".join(
            f'<tr><td class="ArticleImage" width="130"><a href="{esc(self.article_url(s))}"><img src="/Portals/0/News/{s.id}.jpg" width="120"></a></td>'
            f'<td class="ArticleListItem"><a class="ArticleTitle" href="{esc(self.article_url(s))}">{esc(s.title)}</a>'
            f'<span class="ArticleDate"> ({dmy(s.published)})</span><div class="Normal">{esc((s.lead or s.paragraphs[0])[:180])}</div></td></tr>'
            for s in stories
        )
        return f'<table class="ArticleList" width="100%">\n{rows}\n</table>\n{pager}'

    def pager(self, page, pages):
        cells = "".join(
            f'<span class="PagerCurrent">{p}</span>' if p == page else f'<a class="PagerLink" href="{esc(self.section_url(p))}">{p}</a>'
            for p in range(1, pages + 1)
        )
        return f'<div class="ArticlePager">Trang: {cells}</div>'


# 2 ---------------------------------------------------------------------------------------------
class Liferay6(Portal):
    """Liferay 6.x portal: an Asset Publisher portlet, ``/-/asset_publisher/<id>/content/<slug>``
    articles, ``p_p_id=101_INSTANCE_<id>&..._cur=2`` pagination."""

    key, family = "liferay6", "Liferay 6 (asset_publisher/content, p_p_id ... _cur=2)"
    name, short_name = "Cổng thông tin điện tử tỉnh Phú Yên", "Phú Yên"
    place = {"xa": ["An Mỹ", "Hòa Quang Bắc", "Xuân Lãnh", "Sơn Thành Đông"], "noi": "tỉnh Phú Yên", "cap": "Tỉnh ủy Phú Yên"}
    newest, id_base, topic_offset, party = datetime(2024, 4, 26, 15, 12), 4100, 2, 7
    instance = "Xr7dQm2KpL0a"
    robots = "User-agent: *\nDisallow: /c/\nDisallow: /api/\n"
    about_url, contact_url, documents_url = "/web/guest/gioi-thieu", "/web/guest/lien-he", "/web/guest/van-ban-chi-dao"
    gallery_url, search_url = "/web/guest/thu-vien-anh", "/web/guest/tim-kiem"
    search_results_url = "/web/guest/tim-kiem?_3_keywords=dang+vien&_3_struts_action=%2Fsearch%2Fsearch"
    tag_url = "/web/guest/xay-dung-dang/-/asset_publisher/Xr7dQm2KpL0a/tag/dang-vien"

    def article_url(self, s):
        section = "xay-dung-dang" if s.section == "party" else ("kinh-te", "van-hoa-xa-hoi")[self.other_stories.index(s)]
        return f"/web/guest/{section}/-/asset_publisher/{self.instance}/content/{cut(s.slug, 70)}"

    def section_url(self, page=1):
        if page == 1:
            return "/web/guest/xay-dung-dang"
        p = f"101_INSTANCE_{self.instance}"
        return (f"/web/guest/xay-dung-dang?p_p_id={p}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view"
                f"&p_p_col_id=column-2&p_p_col_count=1&_{p}_cur={page}&_{p}_delta={self.per_page}")

    def other_url(self, i):
        return f"/web/guest/{('kinh-te', 'van-hoa-xa-hoi')[i]}"

    def page(self, title, main, crumbs, kind):
        crumb = "".join(f'<li class="{"last" if i == len(crumbs) - 1 else ""}"><span><a href="{esc(u)}">{esc(t)}</a></span></li>' for i, (t, u) in enumerate(crumbs))
        return head(title, self.name, '<script src="/html/js/barebone.jsp?browserId=other&amp;themeId=phuyen_WAR_phuyentheme"></script>', "/phuyen-theme/css/main.css") + f"""
<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site">
<div id="wrapper">
<header id="banner" role="banner"><div id="heading"><h1 class="site-title"><a class="logo custom-logo" href="/web/guest" title="{esc(self.name)}"><img alt="{esc(self.name)}" src="/image/layout_set_logo?img_id=10561"></a></h1></div>
<nav class="sort-pages modify-pages" id="navigation" role="navigation"><ul aria-label="Trang web" role="menubar">
{menu_items(self, '<li class="lfr-nav-item" role="presentation"><a href="{url}" role="menuitem"><span>{label}</span></a></li>')}
</ul></nav></header>
<div class="marquee-news"><marquee>{links(self, self.newest_links(3), '{a} &nbsp;&nbsp; ')}</marquee></div>
<nav class="site-breadcrumbs"><ul class="breadcrumbs breadcrumbs-horizontal lfr-component">{crumb}</ul></nav>
<div id="content"><div class="columns-2" id="main-content" role="main"><div class="portlet-layout row-fluid">
<div class="portlet-column portlet-column-first span8" id="column-2"><div class="portlet-dropzone portlet-column-content portlet-column-content-first" id="layout-column_column-2">
<div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-static-end portlet-borderless portlet-asset-publisher" id="p_p_id_101_INSTANCE_{self.instance}_">
<span id="p_101_INSTANCE_{self.instance}"></span><div class="portlet-borderless-container"><div class="portlet-body">
{main}
</div></div></div></div></div>
<div class="portlet-column portlet-column-last span4" id="column-3"><div class="portlet-dropzone" id="layout-column_column-3">
<div class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher"><div class="portlet-title">Tin mới</div><div class="portlet-body"><ul class="title-list">{links(self, self.newest_links(), '<li class="title-list">{a}</li>')}</ul></div></div>
<div class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher"><div class="portlet-title">Đọc nhiều nhất</div><div class="portlet-body"><ul class="title-list">{links(self, self.most_read(), '<li class="title-list">{a}</li>')}</ul></div></div>
<div class="portlet-boundary portlet-boundary_56_ portlet-journal-content"><div class="journal-content-article">{external_box()}</div></div>
<div class="portlet-boundary portlet-boundary_3_ portlet-search"><form action="{esc(self.search_url)}" method="get"><input name="_3_keywords" type="text"><input type="submit" value="Tìm"></form></div>
</div></div></div></div></div>
<footer id="footer" role="contentinfo"><p>Cơ quan chủ quản: Văn phòng {esc(self.place['cap'])}. Địa chỉ: 07 Lê Lợi, thành phố Tuy Hòa, tỉnh Phú Yên.</p><p class="powered-by">Powered by <a href="http://www.liferay.com" rel="external">Liferay</a></p></footer>
</div>
<script>Liferay.Portlet.onLoad({{canEditTitle: false, portletId: '101_INSTANCE_{self.instance}'}});</script>
</body>
</html>"""

    def article_main(self, s):
        author = f'<div class="asset-author" style="text-align:right"><strong>{esc(s.author)}</strong></div>' if s.author else ""
        related = links(self, self.related(s), '<li class="title-list"><span class="asset-title">{a}</span> <span class="metadata-entry metadata-publish-date">{date}</span></li>')
        return f"""<div class="taglib-header "><span class="header-back-to"><a class="icon-circle-arrow-left previous-level" href="{esc(self.section_url())}" title="Trở về"><span class="helper-hidden-accessible">Trở về</span></a></span>
<h3 class="header-title"><span>{esc(s.title)}</span></h3></div>
<div class="asset-full-content default-asset-publisher show-asset-title">
<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{dmy(s.published)} {hm(s.published)}</span></div>
<div class="asset-content" id="_101_INSTANCE_{self.instance}_{s.id}"><div class="journal-content-article">
{f'<p class="sapo"><strong>{esc(s.lead)}</strong></p>' if s.lead else ''}
{"".join(f'<p style="text-align: justify;">{esc(p)}</p>' for p in s.paragraphs)}
</div>{author}
<div class="asset-ratings"><div class="taglib-ratings stars">Đánh giá</div></div>
<div class="entry-links"><span>Tin liên quan</span><ul>{related}</ul></div>
</div></div>"""

    def listing_main(self, heading, stories, pager):
        items = "\n".join(
            f'<div class="asset-abstract default-asset-publisher"><div class="lfr-meta-actions asset-actions"></div>'
            f'<h3 class="asset-title"><a href="{esc(self.article_url(s))}">{esc(s.title)}</a></h3>'
            f'<div class="asset-content"><div class="asset-summary"><div class="asset-small-image"><img class="asset-small-image" src="/documents/10181/0/{s.id}.jpg"></div>'
            f'{esc((s.lead or s.paragraphs[0])[:200])}</div>'
            f'<div class="asset-more"><a href="{esc(self.article_url(s))}">Xem thêm <span class="hide-accessible">về {esc(s.title)}</span> »</a></div></div>'
            f'<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{dmy(s.published)}</span></div></div>'
            for s in stories
        )
        return f'<h2 class="portlet-title-text">{esc(heading)}</h2>\n{items}\n{pager}'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        def a(p, label, cls=""):
            return f'<li class="{cls}"><a href="{esc(self.section_url(p))}">{label}</a></li>'
        nav = (a(1, "&larr; Đầu") + a(page - 1, "Trước")) if page > 1 else '<li class="disabled"><a href="javascript:;">&larr; Đầu</a></li><li class="disabled"><a href="javascript:;">Trước</a></li>'
        nav += (a(page + 1, "Tiếp") + a(pages, "Cuối &rarr;")) if page < pages else '<li class="disabled"><a href="javascript:;">Tiếp</a></li><li class="disabled"><a href="javascript:;">Cuối &rarr;</a></li>'
        return f'<div class="taglib-page-iterator"><div class="clearfix lfr-pagination"><div class="lfr-pagination-config"><div class="lfr-pagination-page-selector"><span>Trang {page} của {pages}</span></div></div><ul class="lfr-pagination-buttons pager">{nav}</ul></div></div>'


# 3 ---------------------------------------------------------------------------------------------
class Liferay7(Portal):
    """Liferay 7 / DXP: ``/tin-tuc/-/view_content/<slug>`` (a url title, no number), Clay
    pagination ``?delta=4&cur=2``."""

    key, family = "liferay7", "Liferay 7 (view_content/<slug> without digits, ?delta=&cur=2)"
    name, short_name = "Cổng thông tin điện tử Tỉnh ủy Quảng Trị", "Tỉnh ủy Quảng Trị"
    place = {"xa": ["Hải Thượng", "Cam Thủy", "Triệu Phong", "Vĩnh Linh"], "noi": "tỉnh Quảng Trị", "cap": "Tỉnh ủy Quảng Trị"}
    newest, id_base, topic_offset, party, shorts = datetime(2024, 6, 3, 10, 5), 200, 4, 6, (2, 5)
    about_url, contact_url, documents_url, gallery_url = "/gioi-thieu", "/lien-he", "/van-ban", "/thu-vien-anh"
    search_url, search_results_url, tag_url = "/tim-kiem", "/tim-kiem?q=dang+vien", "/xay-dung-dang/-/tag/dang-vien"

    def prepare(self):
        for s in self.stories:
            s.slug = re.sub(r"-+", "-", re.sub(r"\d", "", s.slug.split("-nhiem-ky")[0])).strip("-")

    def article_url(self, s):
        return f"/{'xay-dung-dang' if s.section == 'party' else 'tin-tuc'}/-/view_content/{s.slug}"

    def section_url(self, page=1):
        return "/xay-dung-dang" if page == 1 else f"/xay-dung-dang?delta={self.per_page}&cur={page}"

    def other_url(self, i):
        return f"/{('kinh-te', 'van-hoa-xa-hoi')[i]}"

    def page(self, title, main, crumbs, kind):
        crumb = "".join(f'<li class="breadcrumb-item"><a class="breadcrumb-link" href="{esc(u)}"><span class="breadcrumb-text-truncate">{esc(t)}</span></a></li>' for t, u in crumbs)
        return head(title, self.name, '<script src="/o/frontend-js-web/loader/config.js"></script>', "/o/quangtri-theme/css/main.css",
                    f'<meta property="og:site_name" content="{esc(self.name)}">\n<meta property="og:title" content="{esc(title)}">\n') + f"""
<body class="controls-visible signed-out public-page site">
<div class="d-flex flex-column min-vh-100"><div class="d-flex flex-column flex-fill" id="wrapper">
<header id="banner"><div class="navbar navbar-classic navbar-top py-3"><div class="container-fluid container-fluid-max-xl"><a class="logo" href="/" title="{esc(self.name)}"><img src="/image/layout_set_logo?img_id=38120" alt=""></a></div></div>
<nav class="navbar navbar-expand-md navbar-dark bg-primary"><ul class="navbar-nav" role="menubar">
{menu_items(self, '<li class="lfr-nav-item nav-item" role="presentation"><a class="nav-link text-truncate" href="{url}" role="menuitem"><span class="text-truncate">{label}</span></a></li>')}
</ul></nav></header>
<section id="content"><div class="container"><nav aria-label="Breadcrumb"><ol class="breadcrumb">{crumb}</ol></nav>
<div class="row"><div class="col-md-8 portlet-column" id="column-1">
<div class="portlet-boundary portlet-boundary_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_ portlet-static portlet-asset-publisher" id="p_p_id_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_qtNews_">
<div class="portlet-content-container"><div class="portlet-body">
{main}
</div></div></div></div>
<div class="col-md-4 portlet-column" id="column-2">
<div class="portlet-boundary"><h2 class="portlet-title-text">Tin mới nhất</h2><ul class="list-unstyled">{links(self, self.newest_links())}</ul></div>
<div class="portlet-boundary"><h2 class="portlet-title-text">Xem nhiều</h2><ul class="list-unstyled">{links(self, self.most_read())}</ul></div>
<div class="portlet-boundary portlet-journal-content"><div class="journal-content-article">{external_box()}</div></div>
</div></div></div></section>
<footer id="footer" role="contentinfo"><div class="container"><p>Bản quyền thuộc về {esc(self.place['cap'])}. Địa chỉ: 45 Hùng Vương, thành phố Đông Hà.</p><p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div></footer>
</div></div>
<script>Liferay.Loader.require('frontend-js-web/liferay/aui_plugins.es');</script>
</body>
</html>"""

    def article_main(self, s):
        author = f'<p class="news-author text-right"><strong>{esc(s.author)}</strong></p>' if s.author else ""
        return f"""<div class="asset-full-content clearfix mb-5 show-asset-title">
<h1 class="component-title h3"><span class="asset-title d-inline">{esc(s.title)}</span></h1>
<div class="autofit-row metadata-author"><div class="autofit-col autofit-col-expand"><div class="text-truncate-inline"><span class="text-secondary">{dmy(s.published)} {hm(s.published)}</span></div></div></div>
<div class="asset-content mb-3"><div class="journal-content-article" data-analytics-asset-id="{s.id}">
{f'<div class="news-sapo"><strong>{esc(s.lead)}</strong></div>' if s.lead else ''}
{"".join(f"<p>{esc(p)}</p>" for p in s.paragraphs)}
{author}
</div></div>
<div class="asset-links mb-4"><h4 class="component-title">Tin khác</h4><ul class="list-unstyled">{links(self, self.related(s))}</ul></div>
</div>"""

    def listing_main(self, heading, stories, pager):
        items = "\n".join(
            f'<div class="list-group-item list-group-item-flex"><div class="autofit-col"><img class="sticker-img" src="/documents/20126/0/{s.id}.jpg"></div>'
            f'<div class="autofit-col autofit-col-expand"><h4 class="list-group-title text-truncate"><a href="{esc(self.article_url(s))}">{esc(s.title)}</a></h4>'
            f'<p class="list-group-subtitle text-truncate">{dmy(s.published)}</p><p class="list-group-text">{esc((s.lead or s.paragraphs[0])[:200])}</p></div></div>'
            for s in stories
        )
        return f'<h2 class="component-title">{esc(heading)}</h2>\n<div class="list-group">\n{items}\n</div>\n{pager}'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        items = "".join(
            f'<li class="page-item{" active" if p == page else ""}"><a class="page-link" href="{esc(self.section_url(p))}">{p}</a></li>' for p in range(1, pages + 1)
        )
        nxt = f'<li class="page-item"><a class="page-link" href="{esc(self.section_url(page + 1))}"><span class="sr-only">Tiếp</span>»</a></li>' if page < pages else ""
        return f'<div class="pagination-bar"><div class="dropdown pagination-items-per-page"><a class="dropdown-toggle page-link" href="javascript:;">{self.per_page} mục</a></div><div class="pagination-results">Hiển thị {(page - 1) * self.per_page + 1} - {min(page * self.per_page, self.party)} của {self.party} kết quả.</div><ul class="pagination">{items}{nxt}</ul></div>'


# 4 ---------------------------------------------------------------------------------------------
class NukeViet(Portal):
    """NukeViet 4: the ``news`` module, ``/news/<category>/<slug>-<id>.html``, ``/page-2``
    pagination, Bootstrap panels, ``#news-bodyhtml``."""

    key, family = "nukeviet", "NukeViet 4 (/news/cat/slug-123.html, /page-2)"
    name, short_name = "Đảng bộ huyện Tân Phú", "Đảng bộ huyện Tân Phú"
    place = {"xa": ["Phú Lâm", "Trà Cổ", "Nam Cát Tiên", "Phú Bình"], "noi": "huyện Tân Phú", "cap": "Huyện ủy Tân Phú"}
    newest, id_base, topic_offset, party, other, shorts = datetime(2024, 3, 22, 16, 40), 300, 6, 5, 2, (0, 3)
    robots = "User-agent: *\nDisallow: /admin/\nDisallow: /data/\nDisallow: /includes/\nDisallow: /install/\n"
    about_url, contact_url, documents_url = "/about/gioi-thieu-chung.html", "/contact/", "/laws/"
    gallery_url, search_url, search_results_url, tag_url = "/photos/", "/seek/", "/seek/?q=dang+vien", "/news/tag/dang-vien"

    def article_url(self, s):
        cat = "xay-dung-dang" if s.section == "party" else ("kinh-te", "van-hoa-xa-hoi")[self.other_stories.index(s)]
        return f"/news/{cat}/{cut(s.slug, 80)}-{s.id}.html"

    def section_url(self, page=1):
        return "/news/xay-dung-dang/" if page == 1 else f"/news/xay-dung-dang/page-{page}"

    def other_url(self, i):
        return f"/news/{('kinh-te', 'van-hoa-xa-hoi')[i]}/"

    def page(self, title, main, crumbs, kind):
        crumb = "".join(f'<li itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem"><a href="{esc(u)}" itemprop="item" title="{esc(t)}"><span itemprop="name">{esc(t)}</span></a></li>' for t, u in crumbs)
        return head(title, self.name, '<script src="/assets/js/jquery/jquery.min.js"></script>\n<script src="/assets/js/language/vi.js"></script>', "/themes/default/css/style.css") + f"""
<body>
<noscript><div class="alert alert-danger">Trình duyệt của bạn đã tắt chức năng hỗ trợ JavaScript.</div></noscript>
<div class="body-bg"><div class="wraper">
<header><div class="container"><div id="header" class="row"><div class="logo col-xs-24 col-sm-24 col-md-8"><a title="{esc(self.name)}" href="/"><img src="/uploads/logo.png" alt="{esc(self.name)}"></a><span class="site_name">{esc(self.name)}</span></div></div></div></header>
<nav class="second-nav" id="menusite"><div class="container"><div class="row"><div class="bg box-shadow"><ul class="nav navbar-nav">
{menu_items(self, '<li><a title="{label}" href="{url}">{label}</a></li>')}
</ul></div></div></div></nav>
<section><div class="container" id="body"><nav class="third-nav"><div class="row"><div class="bg"><div class="clearfix"><div class="col-xs-24 col-sm-18 col-md-18"><div class="breadcrumbs-wrap"><div class="display"><ul class="breadcrumbs list-none">{crumb}</ul></div></div></div></div></div></div></nav>
<div class="marquee-news"><marquee>{links(self, self.newest_links(3), '{a} - ')}</marquee></div>
<div class="row"><div class="col-md-18">
{main}
</div><div class="col-md-6">
<div class="panel panel-primary"><div class="panel-heading">Tin mới</div><div class="panel-body"><ul class="block_tophits list-none list-items">{links(self, self.newest_links(), '<li class="clearfix">{a}</li>')}</ul></div></div>
<div class="panel panel-primary"><div class="panel-heading">Tin xem nhiều</div><div class="panel-body"><ul class="list-none list-items">{links(self, self.most_read(), '<li class="clearfix">{a}</li>')}</ul></div></div>
<div class="panel panel-primary"><div class="panel-heading">Liên kết website</div><div class="panel-body">{external_box()}</div></div>
<div class="panel panel-primary"><div class="panel-heading">Thống kê truy cập</div><div class="panel-body"><ul class="counter list-none"><li><span>Đang truy cập</span><span>37</span></li><li><span>Tổng lượt truy cập</span><span>2.310.442</span></li></ul></div></div>
</div></div></div></section>
<footer id="footer" class="wraper"><div class="container"><div class="row"><div class="col-xs-24 col-sm-24 col-md-12"><p class="company_name">{esc(self.place['cap'])}</p><p>Địa chỉ: Thị trấn Tân Phú, huyện Tân Phú, tỉnh Đồng Nai</p><p>Điện thoại: 0251 3856 200</p></div>
<div class="col-md-12"><div class="copyright"><span>&copy; Bản quyền thuộc về <a href="/">{esc(self.short_name)}</a>. Mã nguồn <a href="https://nukeviet.vn">NukeViet CMS</a>.</span></div></div></div></div></footer>
</div></div>
<script src="/themes/default/js/main.js"></script>
</body>
</html>"""

    def article_main(self, s):
        author = f'<p class="h5 text-right"><strong>Tác giả bài viết: </strong>{esc(s.author)}</p>' if s.author else ""
        return f"""<div class="news_column panel panel-default" itemtype="http://schema.org/NewsArticle" itemscope>
<div class="panel-body">
<h1 class="title margin-bottom-lg" itemprop="headline">{esc(s.title)}</h1>
<div class="row margin-bottom-lg"><div class="col-md-12"><span class="h5">{weekday(s.published).lower().replace("thứ", "Thứ")} - {dmy(s.published)} {hm(s.published)}</span></div>
<div class="col-md-12"><ul class="list-inline text-right"><li><a class="dimgray" rel="nofollow" title="Gửi bài viết qua email" href="javascript:void(0);"><em class="fa fa-envelope fa-lg">&nbsp;</em></a></li><li><a class="dimgray" rel="nofollow" title="In ra" href="javascript:void(0);"><em class="fa fa-print fa-lg">&nbsp;</em></a></li></ul></div></div>
<div class="clearfix">{f'<div class="hometext m-bottom" itemprop="description">{esc(s.lead)}</div>' if s.lead else ''}</div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">
{"".join(f'<p style="text-align: justify;">{esc(p)}</p>' for p in s.paragraphs)}
</div>
{author}
</div></div>
<div class="news_column panel panel-default"><div class="panel-body other-news"><p class="h3"><strong>Những tin mới hơn</strong></p><div class="clearfix"><ul class="detail-related related list-none list-items">
{links(self, self.related(s), '<li><em class="fa fa-angle-right">&nbsp;</em>{a} <em>({date})</em></li>')}
</ul></div></div></div>"""

    def listing_main(self, heading, stories, pager):
        items = "\n".join(
            f'<div class="news_column panel panel-default"><div class="panel-body">'
            f'<a href="{esc(self.article_url(s))}" title="{esc(s.title)}"><img alt="{esc(s.title)}" src="/assets/news/2024_0{s.published.month}/{s.id}.jpg" width="183" class="img-thumbnail pull-left imghome"></a>'
            f'<h3><a href="{esc(self.article_url(s))}" title="{esc(s.title)}">{esc(s.title)}</a></h3>'
            f'<div class="text-muted"><ul class="list-unstyled list-inline"><li><em class="fa fa-clock-o">&nbsp;</em> {dmy(s.published)} {hm(s.published)}</li><li><em class="fa fa-eye">&nbsp;</em> Đã xem: {s.id * 3}</li></ul></div>'
            f'{esc((s.lead or s.paragraphs[0])[:220])}</div></div>'
            for s in stories
        )
        return f'{items}\n{pager}'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        items = "".join(
            f'<li class="active"><a href="#">{p}</a></li>' if p == page else f'<li><a href="{esc(self.section_url(p))}">{p}</a></li>' for p in range(1, pages + 1)
        )
        nxt = f'<li><a href="{esc(self.section_url(page + 1))}">&raquo;</a></li>' if page < pages else '<li class="disabled"><a href="#">&raquo;</a></li>'
        return f'<div class="text-center"><ul class="pagination">{items}{nxt}</ul></div>'


# 5 ---------------------------------------------------------------------------------------------
class WordPress(Portal):
    """WordPress with a news theme: ``/YYYY/MM/DD/slug/`` permalinks, ``/category/.../page/2/``."""

    key, family = "wordpress", "WordPress (/YYYY/MM/DD/slug/, /page/2/)"
    name, short_name = "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh Bình Định", "Đảng bộ Khối"
    place = {"xa": ["Nhơn Bình", "Ghềnh Ráng", "Cát Tiến", "Phước Sơn"], "noi": "Đảng bộ Khối", "cap": "Đảng ủy Khối"}
    newest, id_base, topic_offset, party, other, shorts, per_page = datetime(2024, 5, 9, 9, 15), 880, 8, 6, 1, (1, 5), 4
    robots = "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
    about_url, contact_url, documents_url, gallery_url = "/gioi-thieu/", "/lien-he/", "/van-ban/", "/thu-vien-anh/"
    search_url, search_results_url, tag_url = "/?s=", "/?s=dang+vien", "/tag/dang-vien/"
    party_label, other_labels = "Xây dựng Đảng", ("Hoạt động đoàn thể",)

    def article_url(self, s):
        d = s.published
        return f"/{d.year}/{d.month:02d}/{d.day:02d}/{cut(s.slug, 70)}/"

    def section_url(self, page=1):
        return "/category/xay-dung-dang/" if page == 1 else f"/category/xay-dung-dang/page/{page}/"

    def other_url(self, i):
        return "/category/hoat-dong-doan-the/"

    def page(self, title, main, crumbs, kind):
        body_class = {"article": "post-template-default single single-post single-format-standard", "listing": "archive category", "home": "home blog"}.get(kind, "page-template-default page")
        return head(title, self.name, "<link rel='dns-prefetch' href='//fonts.googleapis.com' />\n<script src='/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>\n<link rel=\"https://api.w.org/\" href=\"/wp-json/\" />\n<meta name=\"generator\" content=\"WordPress 6.5.3\" />", "/wp-content/themes/newsup/style.css?ver=6.5.3") + f"""
<body class="{body_class} wp-embed-responsive">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Chuyển đến nội dung</a>
<div class="mg-headwidget"><div class="mg-head-detail hidden-xs"><div class="container-fluid"><ul class="info-left"><li>{weekday(self.newest)}, {dmy(self.newest)}</li></ul></div></div>
<div class="site-branding-text"><p class="site-title"><a href="/" rel="home">{esc(self.name)}</a></p><p class="site-description">Tin tức công tác xây dựng Đảng</p></div></div>
<div class="mg-menu-full"><nav class="navbar navbar-expand-lg navbar-wp"><ul id="menu-primary" class="nav navbar-nav mr-auto">
{menu_items(self, '<li class="menu-item menu-item-type-taxonomy menu-item-object-category"><a class="nav-link" href="{url}">{label}</a></li>')}
</ul></nav></div>
<div class="mg-latest-news-sec"><div class="mg-latest-news"><div class="bn_title"><span>Tin nóng</span></div><div class="mg-latest-news-slider marquee">{links(self, self.newest_links(3), '<span>{a}</span>')}</div></div></div>
<div id="content" class="container-fluid"><div class="row"><div class="col-md-9"><div id="primary" class="content-area"><main id="main" class="site-main">
{main}
</main></div></div>
<aside class="col-md-3"><div id="sidebar-right" class="mg-sidebar">
<div id="block-2" class="mg-widget widget_search"><form role="search" method="get" class="search-form" action="/"><input type="search" class="search-field" name="s"><button class="search-submit">Tìm kiếm</button></form></div>
<div id="recent-posts-2" class="mg-widget widget_recent_entries"><div class="mg-wid-title"><h6 class="wtitle">Bài viết mới</h6></div><ul>{links(self, self.newest_links())}</ul></div>
<div id="wpp-2" class="mg-widget popular-posts"><div class="mg-wid-title"><h6 class="wtitle">Đọc nhiều</h6></div><ul class="wpp-list">{links(self, self.most_read(), '<li>{a}</li>', ' class="wpp-post-title"')}</ul></div>
<div id="tag_cloud-2" class="mg-widget widget_tag_cloud"><div class="tagcloud"><a href="/tag/dang-vien/" class="tag-cloud-link">đảng viên</a></div></div>
<div id="custom_html-2" class="widget_text mg-widget widget_custom_html"><div class="textwidget custom-html-widget">{external_box()}</div></div>
</div></aside></div></div>
<footer class="footer"><div class="mg-footer-widget-area"><p>{esc(self.name)} - Số 1 Hai Bà Trưng, Quy Nhơn, Bình Định</p></div><div class="mg-footer-copyright"><p>Bản quyền &copy; 2024. Vận hành bởi <a href="https://wordpress.org/">WordPress</a></p></div></footer>
</div>
<script src='/wp-content/themes/newsup/js/custom.js?ver=6.5.3' id='newsup-custom-js'></script>
</body>
</html>"""

    def article_main(self, s):
        d = s.published
        author = f'<span class="byline"> Đăng bởi <span class="author vcard"><a class="url fn n" href="/author/{self.slug_author(s)}/">{esc(s.author)}</a></span></span>' if s.author else ""
        nav = links(self, self.related(s)[:2], '<div class="nav-links-item">{a}</div>')
        return f"""<article id="post-{s.id}" class="post-{s.id} post type-post status-publish format-standard has-post-thumbnail hentry category-xay-dung-dang">
<header class="entry-header"><div class="mg-blog-category"><a class="newsup-categories category-color-1" href="{esc(self.section_url())}">Xây dựng Đảng</a></div>
<h1 class="entry-title title">{esc(s.title)}</h1>
<div class="media mg-info-author-block"><div class="media-body"><span class="mg-blog-date"><i class="fas fa-clock"></i> <time class="entry-date published" datetime="{iso(d)}">{d.day} Tháng {d.month}, {d.year}</time></span>{author}</div></div></header>
<div class="entry-content">
{f'<p><strong>{esc(s.lead)}</strong></p>' if s.lead else ''}
{"".join(f"<p>{esc(p)}</p>" for p in s.paragraphs)}
<div class="post-share"><a class="post-share-icons facebook" href="https://www.facebook.com/sharer.php?u={esc(self.article_url(s))}">Chia sẻ</a></div>
</div>
<footer class="entry-footer"><span class="tags-links"><a href="/tag/dang-vien/" rel="tag">đảng viên</a></span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Bài viết"><h2 class="screen-reader-text">Điều hướng bài viết</h2><div class="nav-links">{nav}</div></nav>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Để lại một bình luận</h3><form action="/wp-comments-post.php" method="post" id="commentform"><p class="comment-notes">Email của bạn sẽ không được hiển thị công khai.</p><textarea id="comment" name="comment"></textarea></form></div></div>"""

    @staticmethod
    def slug_author(s):
        from stories import slugify
        return slugify(s.author or "admin")

    def listing_main(self, heading, stories, pager):
        items = "\n".join(
            f'<article class="d-md-flex mg-posts-sec-post"><div class="col-12 col-md-6"><a href="{esc(self.article_url(s))}"><img width="300" src="/wp-content/uploads/{s.published.year}/{s.published.month:02d}/anh-{s.id}-300x200.jpg" class="wp-post-image"></a></div>'
            f'<div class="mg-sec-top-post py-3 col"><h4 class="entry-title title"><a href="{esc(self.article_url(s))}">{esc(s.title)}</a></h4>'
            f'<div class="mg-blog-meta"><span class="mg-blog-date"><i class="fas fa-clock"></i> <a href="{esc(self.article_url(s))}">{s.published.day} Tháng {s.published.month}, {s.published.year}</a></span></div>'
            f'<div class="mg-content"><p>{esc((s.lead or s.paragraphs[0])[:200])} &hellip;</p></div></div></article>'
            for s in stories
        )
        return f'<div class="mg-breadcrumb-title"><h1 class="page-title">Chuyên mục: {esc(heading)}</h1></div>\n<div id="grid" class="mg-posts-modul-6">\n{items}\n</div>\n{pager}'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        items = "".join(
            f'<span aria-current="page" class="page-numbers current">{p}</span>' if p == page else f'<a class="page-numbers" href="{esc(self.section_url(p))}">{p}</a>' for p in range(1, pages + 1)
        )
        if page > 1:
            items = f'<a class="prev page-numbers" href="{esc(self.section_url(page - 1))}">Trước</a>' + items
        if page < pages:
            items += f'<a class="next page-numbers" href="{esc(self.section_url(page + 1))}">Tiếp</a>'
        return f'<nav class="navigation pagination" aria-label="Các bài viết"><h2 class="screen-reader-text">Điều hướng bài viết</h2><div class="nav-links">{items}</div></nav>'


# 6 ---------------------------------------------------------------------------------------------
class VNPTiPortal(Portal):
    """VNPT iPortal (on SharePoint Foundation underneath): ``/Pages/<page>.aspx?ItemID=N``
    article pages, ``?Page=2`` pagination rendered server-side as links."""

    key, family = "vnpt", "VNPT iPortal (/Pages/x.aspx?ItemID=, ?Page=2)"
    name, short_name = "Cổng thông tin điện tử huyện Cẩm Thủy", "Cẩm Thủy"
    place = {"xa": ["Cẩm Tân", "Cẩm Bình", "Cẩm Phong", "Cẩm Ngọc"], "noi": "huyện Cẩm Thủy", "cap": "Huyện ủy Cẩm Thủy"}
    newest, id_base, topic_offset, party, shorts = datetime(2024, 2, 28, 14, 0), 2301, 10, 6, (2, 5)
    robots = "User-agent: *\nDisallow: /_layouts/\nDisallow: /_vti_bin/\n"
    about_url, contact_url, documents_url = "/Pages/gioi-thieu.aspx", "/Pages/lien-he.aspx", "/Pages/van-ban-chi-dao-dieu-hanh.aspx"
    gallery_url, search_url, search_results_url = "/Pages/thu-vien-hinh-anh.aspx", "/Pages/tim-kiem.aspx", "/Pages/tim-kiem.aspx?k=dang+vien"
    tag_url = "/Pages/tin-tuc-su-kien.aspx?CateID=12&tag=dang-vien"

    def article_url(self, s):
        cate = 12 if s.section == "party" else 13 + self.other_stories.index(s)
        return f"/Pages/tin-tuc-su-kien.aspx?ItemID={s.id}&CateID={cate}"

    def section_url(self, page=1):
        return "/Pages/xay-dung-dang.aspx" if page == 1 else f"/Pages/xay-dung-dang.aspx?Page={page}"

    def other_url(self, i):
        return f"/Pages/{('kinh-te', 'van-hoa-xa-hoi')[i]}.aspx"

    def page(self, title, main, crumbs, kind):
        crumb = '<span class="sep"> » </span>'.join(f'<a href="{esc(u)}">{esc(t)}</a>' for t, u in crumbs)
        return head(title, self.name, '<script type="text/javascript" src="/_layouts/1066/init.js?rev=ck%2BHdHQ8ABQHif7kr%2Bj7iQ%3D%3D"></script>\n<script src="/Style Library/VNPT/js/iportal.js"></script>', "/Style Library/VNPT/css/iportal.css") + f"""
<body scroll="yes" onload="javascript:_spBodyOnLoadWrapper();">
<form name="aspnetForm" method="post" action="{esc(crumbs[-1][1])}" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwULLTEzMjcxNjU0MjMPZBYCZg9kFgICAw9kFgQC">
<div id="iportal-wrapper"><div class="iportal-header"><a href="/"><img src="/Style Library/VNPT/images/banner-camthuy.jpg" alt="{esc(self.name)}"></a></div>
<div class="iportal-menu"><ul class="menu-top">
{menu_items(self, '<li><a href="{url}">{label}</a></li>')}
</ul><div class="search-box"><input name="ctl00$txtSearch" type="text" id="ctl00_txtSearch"><a href="{esc(self.search_url)}">Tìm kiếm</a></div></div>
<div class="iportal-ticker"><span class="ticker-title">Tin nổi bật:</span> <marquee>{links(self, self.newest_links(3), '{a} | ')}</marquee></div>
<div class="iportal-breadcrumb">Bạn đang ở: {crumb}</div>
<table class="iportal-body" width="100%"><tr>
<td class="iportal-main" valign="top"><div class="ms-WPBody" id="WebPartWPQ2">
{main}
</div></td>
<td class="iportal-right" valign="top" width="290">
<div class="box-right"><div class="box-title">Tin mới cập nhật</div><ul class="list-news">{links(self, self.newest_links(), '<li>{a}</li>')}</ul></div>
<div class="box-right"><div class="box-title">Tin đọc nhiều</div><ul class="list-news">{links(self, self.most_read(), '<li>{a}</li>')}</ul></div>
<div class="box-right"><div class="box-title">Liên kết website</div>{external_box("Liên kết")}</div>
</td></tr></table>
<div class="iportal-footer"><p><b>CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN CẨM THỦY</b></p><p>Cơ quan chủ quản: Ủy ban nhân dân huyện Cẩm Thủy - Địa chỉ: Thị trấn Phong Sơn, huyện Cẩm Thủy, tỉnh Thanh Hóa</p><p>Thiết kế bởi VNPT Thanh Hóa</p></div>
</div></form>
</body>
</html>"""

    def article_main(self, s):
        author = f'<div class="author">{esc(s.author)}</div>' if s.author else ""
        return f"""<div class="news-detail">
<div class="title-news"><h2 class="title">{esc(s.title)}</h2></div>
<div class="date-news">Ngày {dmy(s.published)} | {hm(s.published)}</div>
{f'<div class="sapo-news"><b>{esc(s.lead)}</b></div>' if s.lead else ''}
<div class="content-news ms-rtestate-field">
{"".join(f'<p style="text-align:justify">{esc(p)}</p>' for p in s.paragraphs)}
</div>
{author}
<div class="tool-news"><a href="javascript:window.print();">In trang</a> <a href="mailto:?subject={esc(s.title)}">Gửi email</a></div>
<div class="other-news"><div class="other-title">Tin khác</div><ul>{links(self, self.related(s), '<li>{a} <span class="date">({date})</span></li>')}</ul></div>
</div>"""

    def listing_main(self, heading, stories, pager):
        items = "\n".join(
            f'<div class="item-news"><div class="img"><a href="{esc(self.article_url(s))}"><img src="/PublishingImages/{s.id}.jpg" width="150"></a></div>'
            f'<div class="info"><a class="title" href="{esc(self.article_url(s))}">{esc(s.title)}</a><span class="date">({dmy(s.published)})</span>'
            f'<p class="sapo">{esc((s.lead or s.paragraphs[0])[:200])}</p></div></div>'
            for s in stories
        )
        return f'<div class="cate-title"><h1>{esc(heading)}</h1></div>\n<div class="list-item-news">\n{items}\n</div>\n{pager}'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        items = "".join(f'<span class="current">{p}</span>' if p == page else f'<a href="{esc(self.section_url(p))}">{p}</a>' for p in range(1, pages + 1))
        return f'<div class="paging">Trang: {items}</div>'


# 7 ---------------------------------------------------------------------------------------------
class Viettel(Portal):
    """Viettel's e-government portal: ``/vi/news/<category>/<slug>-<id>.html``, pagination by
    ``?page=2`` on the category, Bootstrap cards."""

    key, family = "viettel", "Viettel portal (/vi/news/cat/slug-1234.html, ?page=2)"
    name, short_name = "Cổng thông tin điện tử thị xã Ba Đồn", "Ba Đồn"
    place = {"xa": ["Quảng Thọ", "Quảng Phúc", "Quảng Hòa", "Quảng Lộc"], "noi": "thị xã Ba Đồn", "cap": "Thị ủy Ba Đồn"}
    newest, id_base, topic_offset, party, other, shorts = datetime(2024, 4, 11, 7, 45), 12040, 1, 7, 1, (1, 6)
    robots = "User-agent: *\nDisallow: /admin/\nDisallow: /api/\n"
    about_url, contact_url, documents_url = "/vi/page/gioi-thieu.html", "/vi/contact.html", "/vi/document/van-ban-chi-dao.html"
    gallery_url, search_url, search_results_url, tag_url = "/vi/album/thu-vien-anh.html", "/vi/search.html", "/vi/search.html?keyword=dang+vien", "/vi/tag/dang-vien.html"
    other_labels = ("Quốc phòng - An ninh",)

    def article_url(self, s):
        return f"/vi/news/{'xay-dung-dang' if s.section == 'party' else 'quoc-phong-an-ninh'}/{cut(s.slug, 70)}-{s.id}.html"

    def section_url(self, page=1):
        return "/vi/news/xay-dung-dang/" if page == 1 else f"/vi/news/xay-dung-dang/?page={page}"

    def other_url(self, i):
        return "/vi/news/quoc-phong-an-ninh/"

    def page(self, title, main, crumbs, kind):
        crumb = "".join(f'<li class="breadcrumb-item"><a href="{esc(u)}">{esc(t)}</a></li>' for t, u in crumbs)
        return head(title, self.name, '<link rel="shortcut icon" href="/themes/egov/images/favicon.ico">\n<script src="/themes/egov/js/app.min.js" defer></script>', "/themes/egov/css/app.min.css",
                    f'<meta property="og:type" content="{"article" if kind == "article" else "website"}">\n<meta property="og:title" content="{esc(title)}">\n') + f"""
<body class="egov-theme">
<div class="top-bar"><div class="container"><span class="today">{weekday(self.newest)}, ngày {dmy(self.newest)}</span><a class="login" href="/vi/login.html" rel="nofollow">Đăng nhập</a></div></div>
<header class="header"><div class="container"><a class="brand" href="/"><img src="/uploads/banner/ba-don.png" alt=""><span class="brand-name">{esc(self.name).upper()}</span></a></div></header>
<nav class="main-nav navbar navbar-expand-lg"><div class="container"><ul class="navbar-nav">
{menu_items(self, '<li class="nav-item"><a class="nav-link" href="{url}">{label}</a></li>')}
<li class="nav-item"><a class="nav-link" href="{esc(self.search_url)}"><i class="icon-search"></i></a></li>
</ul></div></nav>
<div class="news-ticker container"><div class="ticker-label">Tin mới</div><div class="ticker-items">{links(self, self.newest_links(3), '<div class="ticker-item">{a}</div>')}</div></div>
<main class="main container"><nav aria-label="breadcrumb"><ol class="breadcrumb">{crumb}</ol></nav>
<div class="row"><div class="col-lg-8 main-content">
{main}
</div><div class="col-lg-4 sidebar">
<div class="card widget"><div class="card-header">Tin mới nhất</div><ul class="list-group list-group-flush">{links(self, self.newest_links(), '<li class="list-group-item">{a}</li>')}</ul></div>
<div class="card widget"><div class="card-header">Xem nhiều</div><ul class="list-group list-group-flush">{links(self, self.most_read(), '<li class="list-group-item">{a}</li>')}</ul></div>
<div class="card widget"><div class="card-header">Liên kết</div><div class="card-body">{external_box(kind="banners")}</div></div>
</div></div></main>
<footer class="footer"><div class="container"><p class="footer-title">{esc(self.name).upper()}</p><p>Cơ quan chủ quản: UBND thị xã Ba Đồn. Địa chỉ: 179 Hùng Vương, phường Ba Đồn, tỉnh Quảng Bình</p><p>Giấy phép số 12/GP-TTĐT. Phát triển bởi Viettel Quảng Bình.</p></div></footer>
</body>
</html>"""

    def article_main(self, s):
        author = f'<div class="news-author">{esc(s.author)}</div>' if s.author else ""
        return f"""<article class="news-detail">
<h1 class="news-title">{esc(s.title)}</h1>
<div class="news-meta"><span class="news-date"><i class="icon-calendar"></i> {hm(s.published)} {dmy(s.published)}</span><span class="news-views"><i class="icon-eye"></i> {s.id % 900} lượt xem</span></div>
{f'<div class="news-summary">{esc(s.lead)}</div>' if s.lead else ''}
<div class="news-content">
{"".join(f"<p>{esc(p)}</p>" for p in s.paragraphs)}
</div>
{author}
<div class="news-share"><span>Chia sẻ:</span> <a href="https://www.facebook.com/sharer/sharer.php" target="_blank">Facebook</a> <a href="https://zalo.me/share" target="_blank">Zalo</a></div>
</article>
<section class="news-related"><h3 class="section-title">Tin cùng chuyên mục</h3><ul>{links(self, self.related(s), '<li>{a}</li>')}</ul></section>"""

    def listing_main(self, heading, stories, pager):
        items = "\n".join(
            f'<div class="news-item media"><a class="news-thumb" href="{esc(self.article_url(s))}"><img src="/uploads/news/{s.id}.jpg" alt=""></a>'
            f'<div class="media-body"><h3 class="news-item-title"><a href="{esc(self.article_url(s))}">{esc(s.title)}</a></h3>'
            f'<div class="news-item-date">{dmy(s.published)}</div><p class="news-item-desc">{esc((s.lead or s.paragraphs[0])[:200])}</p></div></div>'
            for s in stories
        )
        return f'<h1 class="category-title">{esc(heading)}</h1>\n<div class="news-list">\n{items}\n</div>\n{pager}'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        items = "".join(
            f'<li class="page-item{" active" if p == page else ""}"><a class="page-link" href="{esc(self.section_url(p))}">{p}</a></li>' for p in range(1, pages + 1)
        )
        return f'<nav><ul class="pagination justify-content-center">{items}</ul></nav>'


# 8 ---------------------------------------------------------------------------------------------
class SharePoint(Portal):
    """SharePoint 2013 publishing portal: ``/portal/Pages/YYYY-MM-DD/Slug-N.aspx`` pages and a
    news web part paged only by ``javascript:__doPostBack(..., 'Page$2')``: the second page of the
    section is reachable by no link, so its stories are listed as unreachable in the manifest."""

    key, family = "sharepoint", "SharePoint (/portal/Pages/YYYY-MM-DD/Slug.aspx, postback-only paging)"
    name, short_name = "Cổng thông tin điện tử tỉnh Hà Nam", "Hà Nam"
    place = {"xa": ["Liêm Tuyền", "Tiên Hải", "Đồng Hóa", "Nhân Bình"], "noi": "tỉnh Hà Nam", "cap": "Tỉnh ủy Hà Nam"}
    newest, id_base, topic_offset, party, shorts = datetime(2024, 5, 30, 17, 20), 10, 3, 6, (1, 4)
    robots = "User-agent: *\nDisallow: /_layouts/\nDisallow: /_vti_bin/\nDisallow: /_catalogs/\n"
    about_url, contact_url, documents_url = "/portal/Pages/Gioi-thieu.aspx", "/portal/Pages/Lien-he.aspx", "/portal/Pages/Van-ban-chi-dao.aspx"
    gallery_url, search_url, search_results_url = "/portal/Pages/Thu-vien-anh.aspx", "/portal/Pages/Tim-kiem.aspx", "/portal/Pages/Tim-kiem.aspx?k=dang+vien"
    tag_url = ""

    def article_url(self, s):
        slug = "-".join(w.capitalize() for w in s.slug.split("-")[:12])
        return f"/portal/Pages/{s.published:%Y-%m-%d}/{slug}-{s.id}.aspx"

    def section_url(self, page=1):
        return "/portal/Pages/Xay-dung-Dang.aspx"

    def other_url(self, i):
        return f"/portal/Pages/{('Kinh-te', 'Van-hoa-Xa-hoi')[i]}.aspx"

    def pages(self):
        # one URL for the section: its page 2 is a postback on the same URL, which no crawler makes
        out = super().pages()
        home, party = ("Trang chủ", "/"), (self.party_label, self.section_url())
        out[self.section_url()] = self.page(self.party_label, self.listing_main(self.party_label, self.listed(1), self.pager(1, self.pages_count)), [home, party], "listing")
        return out

    def page(self, title, main, crumbs, kind):
        crumb = '<span class="s4-bcsep"> &gt; </span>'.join(f'<a href="{esc(u)}">{esc(t)}</a>' for t, u in crumbs)
        action = crumbs[-1][1] if kind != "home" else "/portal/Pages/default.aspx"
        return head(title, self.name, '<script type="text/javascript" src="/_layouts/15/init.js?rev=ZyFBO9X%2FZhgIQlTuYbxVbw%3D%3D"></script>\n<script type="text/javascript" src="/_layouts/15/sp.core.js"></script>\n<meta name="GENERATOR" content="Microsoft SharePoint">', "/Style Library/HaNam/css/portal.css") + f"""
<body>
<div id="ms-designer-ribbon"></div>
<form method="post" action="{esc(action)}" onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
<div class="aspNetHidden"><input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value=""><input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value=""><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIJD2QWAmYPZBYC"></div>
<script type="text/javascript">var theForm = document.forms['aspnetForm'];function __doPostBack(eventTarget, eventArgument) {{ if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{ theForm.__EVENTTARGET.value = eventTarget; theForm.__EVENTARGUMENT.value = eventArgument; theForm.submit(); }} }}</script>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="hn-header"><a href="/"><img src="/PublishingImages/banner-hanam.png" alt="{esc(self.name)}"></a></div>
<div class="hn-menu"><ul class="root static">
{menu_items(self, '<li class="static"><a class="static menu-item ms-core-listMenu-item" href="{url}"><span class="additional-background"><span class="menu-item-text">{label}</span></span></a></li>')}
</ul></div>
<div class="hn-ticker"><marquee>{links(self, self.newest_links(3), '{a} • ')}</marquee></div>
<div class="hn-breadcrumb"><span id="ctl00_PlaceHolderTitleBreadcrumb_ContentMap">{crumb}</span></div>
<div id="contentRow"><div class="hn-col-main" id="MSO_ContentTable">
<div class="ms-webpart-zone ms-fullWidth"><div id="MSOZoneCell_WebPartWPQ3" class="s4-wpcell-plain ms-webpartzone-cell ms-webpart-cell-vertical ms-fullWidth">
{main}
</div></div></div>
<div class="hn-col-right">
<div class="ms-webpart-chrome"><h2 class="ms-webpart-titleText">Tin mới</h2><ul class="news-new">{links(self, self.newest_links(), '<li>{a}</li>')}</ul></div>
<div class="ms-webpart-chrome"><h2 class="ms-webpart-titleText">Tin đọc nhiều</h2><ul class="news-most">{links(self, self.most_read(), '<li>{a}</li>')}</ul></div>
<div class="ms-webpart-chrome"><h2 class="ms-webpart-titleText">Website liên kết</h2>{external_box()}</div>
<div class="ms-webpart-chrome"><a href="{esc(self.search_url)}">Tìm kiếm nâng cao</a></div>
</div></div>
<div class="hn-footer"><p>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH HÀ NAM</p><p>Cơ quan chủ quản: Văn phòng UBND tỉnh Hà Nam - Địa chỉ: Đường Trần Phú, thành phố Phủ Lý</p></div>
</div></div>
</form>
</body>
</html>"""

    def article_main(self, s):
        author = f'<div class="article-author"><strong>{esc(s.author)}</strong></div>' if s.author else ""
        return f"""<div class="article-page">
<div class="article-title"><h1><span id="ctl00_PlaceHolderMain_ctl00_RichHtmlField1__ControlWrapper_RichHtmlField">{esc(s.title)}</span></h1></div>
<div class="article-date"><span class="date">{dmy(s.published)}</span> <span class="time">{hm(s.published)}</span></div>
{f'<div class="article-sapo"><div class="ms-rtestate-field">{esc(s.lead)}</div></div>' if s.lead else ''}
<div class="article-content"><div id="ctl00_PlaceHolderMain_ctl02__ControlWrapper_RichHtmlField" class="ms-rtestate-field" style="display:inline" aria-labelledby="ctl00_PlaceHolderMain_ctl02_label">
{"".join(f'<p style="text-align:justify">{esc(p)}</p>' for p in s.paragraphs)}
</div></div>
{author}
<div class="other-news"><h3>Các tin khác</h3><ul>{links(self, self.related(s), '<li>{a} <span>({date})</span></li>')}</ul></div>
</div>"""

    def listing_main(self, heading, stories, pager):
        rows = "\n".join(
            f'<tr class="{"" if i % 2 else "ms-alternating"}"><td><div class="news-item"><a href="{esc(self.article_url(s))}"><img src="/PublishingImages/tin/{s.id}.jpg"></a>'
            f'<a class="news-title" href="{esc(self.article_url(s))}">{esc(s.title)}</a> <span class="news-date">({dmy(s.published)})</span>'
            f'<div class="news-summary">{esc((s.lead or s.paragraphs[0])[:200])}</div></div></td></tr>'
            for i, s in enumerate(stories)
        )
        return f'<h1 class="cate-name">{esc(heading)}</h1>\n<table class="ms-listviewtable" id="ctl00_ctl37_g_8a1b_gvNews" cellspacing="0" border="0">\n{rows}\n{pager}\n</table>'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        cells = "".join(
            f"<td><span>{p}</span></td>" if p == page else f"<td><a href=\"javascript:__doPostBack('ctl00$ctl37$g_8a1b$gvNews','Page${p}')\">{p}</a></td>"
            for p in range(1, pages + 1)
        )
        return f'<tr class="pager"><td><table><tr>{cells}</tr></table></td></tr>'


# 9 ---------------------------------------------------------------------------------------------
class Joomla(Portal):
    """Joomla 3: ``/index.php/<menu>/<id>-<alias>`` articles, category blog paged by ``?start=4``,
    ``div.item-page`` with ``itemprop="articleBody"`` and ``dl.article-info``."""

    key, family = "joomla", "Joomla 3 (/index.php/menu/123-alias, ?start=4)"
    name, short_name = "Đảng bộ xã Quảng Phú", "Đảng bộ xã Quảng Phú"
    place = {"xa": ["Quảng Phú", "Quảng Tâm", "Quảng Thịnh", "Quảng Đông"], "noi": "xã Quảng Phú", "cap": "Đảng ủy xã Quảng Phú"}
    newest, id_base, topic_offset, party, shorts = datetime(2024, 1, 19, 10, 0), 60, 5, 6, (3, 5)
    robots = "User-agent: *\nDisallow: /administrator/\nDisallow: /cache/\nDisallow: /components/\nDisallow: /tmp/\n"
    about_url, contact_url, documents_url = "/index.php/gioi-thieu", "/index.php/lien-he", "/index.php/van-ban"
    gallery_url, search_url = "/index.php/thu-vien-anh", "/index.php/tim-kiem"
    search_results_url, tag_url = "/index.php/tim-kiem?searchword=dang+vien&searchphrase=all", "/index.php/component/tags/tag/dang-vien"

    def article_url(self, s):
        menu = "xay-dung-dang" if s.section == "party" else ("kinh-te", "van-hoa-xa-hoi")[self.other_stories.index(s)]
        return f"/index.php/{menu}/{s.id}-{cut(s.slug, 60)}"

    def section_url(self, page=1):
        return "/index.php/xay-dung-dang" if page == 1 else f"/index.php/xay-dung-dang?start={(page - 1) * self.per_page}"

    def other_url(self, i):
        return f"/index.php/{('kinh-te', 'van-hoa-xa-hoi')[i]}"

    def page(self, title, main, crumbs, kind):
        crumb = '<span class="divider"> / </span>'.join(f'<a href="{esc(u)}" class="pathway">{esc(t)}</a>' for t, u in crumbs)
        return head(title, self.name, '<meta name="generator" content="Joomla! - Open Source Content Management">\n<script src="/media/jui/js/jquery.min.js?1f0e2a"></script>\n<script src="/media/system/js/caption.js?1f0e2a"></script>', "/templates/protostar/css/template.css?1f0e2a") + f"""
<body class="site com_content view-{'article' if kind == 'article' else 'category'} no-layout no-task itemid-{110 + len(kind)}">
<div class="body" id="top"><div class="container">
<header class="header" role="banner"><div class="header-inner clearfix"><a class="brand pull-left" href="/"><span class="site-title" title="{esc(self.name)}">{esc(self.name)}</span></a>
<div class="header-search pull-right"><div class="search"><form action="{esc(self.search_url)}" method="post" class="form-inline"><input name="searchword" maxlength="200" class="inputbox search-query input-medium" type="search" placeholder="Tìm kiếm..."><input type="hidden" name="task" value="search"></form></div></div></div></header>
<nav class="navigation" role="navigation"><ul class="nav menu nav-pills mod-list">
{menu_items(self, '<li class="item-1xx"><a href="{url}">{label}</a></li>')}
</ul></nav>
<div class="moduletable ticker"><marquee>{links(self, self.newest_links(3), '{a} &#9679; ')}</marquee></div>
<div class="row-fluid"><main id="content" role="main" class="span9">
<ul itemscope itemtype="https://schema.org/BreadcrumbList" class="breadcrumb"><li>Bạn đang ở: &#160;</li><li>{crumb}</li></ul>
<div id="system-message-container"></div>
{main}
</main>
<div id="aside" class="span3">
<div class="well "><h3 class="page-header">Tin mới</h3><ul class="latestnews mod-list">{links(self, self.newest_links(), '<li itemscope itemtype="https://schema.org/Article">{a}</li>')}</ul></div>
<div class="well "><h3 class="page-header">Đọc nhiều nhất</h3><ul class="mostread mod-list">{links(self, self.most_read(), '<li itemscope itemtype="https://schema.org/Article">{a}</li>')}</ul></div>
<div class="well "><h3 class="page-header">Liên kết</h3>{external_box()}</div>
</div></div></div></div>
<footer class="footer" role="contentinfo"><div class="container"><hr><p class="pull-right"><a href="#top" id="back-top">Về đầu trang</a></p><p>&copy; 2024 {esc(self.name)} - Thôn Đông, xã Quảng Phú, huyện Quảng Trạch, tỉnh Quảng Bình</p></div></footer>
</body>
</html>"""

    def article_main(self, s):
        d = s.published
        author = f'<dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">Viết bởi <span itemprop="name">{esc(s.author)}</span></dd>' if s.author else ""
        return f"""<div class="item-page" itemscope itemtype="https://schema.org/Article">
<meta itemprop="inLanguage" content="vi-VN">
<div class="page-header"><h2 itemprop="headline">{esc(s.title)}</h2></div>
<dl class="article-info muted"><dt class="article-info-term">Chi tiết</dt>
{author}
<dd class="category-name">Danh mục: <a href="{esc(self.section_url())}" itemprop="genre">Xây dựng Đảng</a></dd>
<dd class="published"><span class="icon-calendar" aria-hidden="true"></span><time datetime="{iso(d)}" itemprop="datePublished">Ngày đăng: {weekday(d)}, {d.day:02d} Tháng {d.month} {d.year} {hm(d)}</time></dd>
<dd class="hits"><span class="icon-eye-open" aria-hidden="true"></span><meta itemprop="interactionCount" content="UserPageVisits:{s.id * 7}">Lượt xem: {s.id * 7}</dd></dl>
<div itemprop="articleBody">
{self.paragraphs_html(s)}
</div>
<ul class="pager pagenav"><li class="previous"><a class="hasTooltip" href="{esc(self.article_url(self.related(s)[0]))}" rel="prev"><span class="icon-chevron-left"></span> Trước</a></li></ul>
</div>"""

    def listing_main(self, heading, stories, pager):
        items = "\n".join(
            f'<div class="items-row cols-1 row-{i} row-fluid clearfix"><div class="span12"><div class="item column-1" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">'
            f'<div class="page-header"><h2 itemprop="name"><a href="{esc(self.article_url(s))}" itemprop="url">{esc(s.title)}</a></h2></div>'
            f'<dl class="article-info muted"><dd class="published"><time datetime="{iso(s.published)}">Ngày đăng: {dmy(s.published)}</time></dd></dl>'
            f'<p>{esc((s.lead or s.paragraphs[0])[:220])}</p><p class="readmore"><a class="btn" href="{esc(self.article_url(s))}" itemprop="url"><span class="icon-chevron-right"></span> Xem thêm: {esc(s.title[:40])}...</a></p></div></div></div>'
            for i, s in enumerate(stories)
        )
        return f'<div class="blog" itemscope itemtype="https://schema.org/Blog"><div class="page-header"><h1>{esc(heading)}</h1></div>\n{items}\n{pager}</div>'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        items = "".join(
            f'<li class="active"><a>{p}</a></li>' if p == page else f'<li><a href="{esc(self.section_url(p))}" class="pagenav">{p}</a></li>' for p in range(1, pages + 1)
        )
        nxt = f'<li class="pagination-next"><a title="Sau" href="{esc(self.section_url(page + 1))}" class="hasTooltip pagenav">Sau</a></li>' if page < pages else '<li class="disabled"><a>Sau</a></li>'
        return f'<div class="pagination"><p class="counter pull-right">Trang {page} của {pages}</p><ul><li class="pagination-start"><a href="{esc(self.section_url(1))}" class="pagenav">Bắt đầu</a></li>{items}{nxt}</ul></div>'


# 10 --------------------------------------------------------------------------------------------
class Drupal(Portal):
    """Drupal 8+: older stories at ``/node/123`` (no alias), newer at ``/tin-tuc/<alias>``, a
    Views listing paged by ``?page=1``, ``article.node--type-article``."""

    key, family = "drupal", "Drupal (/node/123 and /tin-tuc/alias, ?page=1)"
    name, short_name = "Trang thông tin điện tử Đảng bộ phường Tân Định", "Đảng bộ phường Tân Định"
    place = {"xa": ["Tân Định", "Đa Kao", "Bến Nghé", "Cầu Kho"], "noi": "phường Tân Định", "cap": "Đảng ủy phường Tân Định"}
    newest, id_base, topic_offset, party, shorts = datetime(2024, 6, 12, 11, 30), 1840, 7, 6, (0, 4)
    robots = "User-agent: *\nDisallow: /admin/\nDisallow: /user/\nDisallow: /search/\nDisallow: /core/\n"
    about_url, contact_url, documents_url, gallery_url = "/gioi-thieu", "/lien-he", "/van-ban", "/thu-vien-anh"
    search_url, search_results_url, tag_url = "/tim-kiem", "/tim-kiem?keys=dang+vien", "/taxonomy/term/14"

    def article_url(self, s):
        older = self.stories.index(s) >= 4  # stories posted before the site got path aliases
        return f"/node/{s.id}" if older else f"/tin-tuc/{cut(s.slug, 80)}"

    def section_url(self, page=1):
        return "/xay-dung-dang" if page == 1 else f"/xay-dung-dang?page={page - 1}"

    def other_url(self, i):
        return f"/{('kinh-te', 'van-hoa-xa-hoi')[i]}"

    def page(self, title, main, crumbs, kind):
        crumb = "".join(f'<li class="breadcrumb-item"><a href="{esc(u)}">{esc(t)}</a></li>' for t, u in crumbs)
        return head(title, self.name, '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">\n<meta name="MobileOptimized" content="width">\n<script src="/core/misc/drupal.js?v=10.2.6"></script>', "/themes/contrib/bootstrap_barrio/css/style.css?sf3k1x") + f"""
<body class="layout-one-sidebar layout-sidebar-second path-{'node page-node-type-article' if kind == 'article' else 'frontpage' if kind == 'home' else 'taxonomy'}">
<a href="#main-content" class="visually-hidden focusable skip-link">Nhảy đến nội dung</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas><div id="page-wrapper"><div id="page">
<header id="header" class="header" role="banner"><nav class="navbar navbar-dark bg-primary navbar-expand-lg" id="navbar-main"><a href="/" title="Trang chủ" rel="home" class="navbar-brand">{esc(self.name)}</a>
<div class="collapse navbar-collapse justify-content-end" id="CollapsingNavbar"><nav role="navigation" aria-labelledby="block-mainnavigation-menu" id="block-mainnavigation" class="block block-menu navigation menu--main"><ul class="clearfix nav navbar-nav">
{menu_items(self, '<li class="nav-item"><a href="{url}" class="nav-link" data-drupal-link-system-path="node">{label}</a></li>')}
</ul></nav></div></nav></header>
<div class="highlighted"><div class="views-element-container block block-views"><div class="view view-tin-noi-bat marquee">{links(self, self.newest_links(3), '<span class="views-field">{a}</span>')}</div></div></div>
<div id="main-wrapper" class="layout-main-wrapper clearfix"><div id="main" class="container"><div id="block-breadcrumbs" class="block block-system block-system-breadcrumb-block"><nav role="navigation" aria-label="breadcrumb"><ol class="breadcrumb">{crumb}</ol></nav></div>
<div class="row row-offcanvas row-offcanvas-left clearfix"><main class="main-content col" id="content" role="main"><section class="section"><a id="main-content" tabindex="-1"></a>
<div id="block-system-main" class="block block-system block-system-main-block">
{main}
</div></section></main>
<div class="sidebar_second sidebar col-md-3 order-last" id="sidebar_second"><aside class="section" role="complementary">
<div class="views-element-container block block-views block-views-blocktin-moi-block-1"><h2>Tin mới</h2><div class="view-content item-list"><ul>{links(self, self.newest_links(), '<li><div class="views-field views-field-title"><span class="field-content">{a}</span></div></li>')}</ul></div></div>
<div class="views-element-container block block-views block-views-blockdoc-nhieu-block-1"><h2>Đọc nhiều</h2><div class="view-content item-list"><ul>{links(self, self.most_read(), '<li>{a}</li>')}</ul></div></div>
<div class="block block-block-content"><h2>Website liên kết</h2><div class="clearfix text-formatted field field--name-body">{external_box("Website liên kết")}</div></div>
</aside></div></div></div></div>
<footer class="site-footer"><div class="container"><div class="site-footer__top clearfix"><p>{esc(self.place['cap'])} - 48 Trần Quang Khải, phường Tân Định, Quận 1, TP. Hồ Chí Minh</p></div></div></footer>
</div></div></div>
</body>
</html>"""

    def article_main(self, s):
        d = s.published
        author = f'<div class="field field--name-field-tac-gia field--type-string field--label-hidden field__item">{esc(s.author)}</div>' if s.author else ""
        return f"""<h1 class="title page-title"><span class="field field--name-title field--type-string field--label-hidden">{esc(s.title)}</span></h1>
<article data-history-node-id="{s.id}" role="article" class="node node--type-article node--promoted node--view-mode-full">
<footer><div class="author"><span class="field field--name-uid field--type-entity-reference field--label-hidden"><span>bientap</span></span> gửi vào <span class="field field--name-created field--type-created field--label-hidden">T{d.weekday() + 2 if d.weekday() < 6 else "CN"}, {dmy(d)} - {hm(d)}</span></div></footer>
<div class="node__content clearfix">
{f'<div class="clearfix text-formatted field field--name-field-sapo field--type-text-long field--label-hidden field__item"><p>{esc(s.lead)}</p></div>' if s.lead else ''}
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
{"".join(f"<p>{esc(p)}</p>" for p in s.paragraphs)}
</div>
{author}
<div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">Thẻ</div><div class="field__items"><div class="field__item"><a href="/taxonomy/term/14" hreflang="vi">đảng viên</a></div></div></div>
</div></article>
<div class="views-element-container"><div class="view view-tin-lien-quan"><h3>Tin liên quan</h3><ul>{links(self, self.related(s))}</ul></div></div>"""

    def listing_main(self, heading, stories, pager):
        rows = "\n".join(
            f'<div class="views-row"><div class="views-field views-field-field-image"><div class="field-content"><a href="{esc(self.article_url(s))}" hreflang="vi"><img src="/sites/default/files/styles/medium/public/{s.id}.jpg" width="220" height="147" loading="lazy"></a></div></div>'
            f'<div class="views-field views-field-title"><h3 class="field-content"><a href="{esc(self.article_url(s))}" hreflang="vi">{esc(s.title)}</a></h3></div>'
            f'<div class="views-field views-field-created"><span class="field-content">{dmy(s.published)} - {hm(s.published)}</span></div>'
            f'<div class="views-field views-field-body"><div class="field-content">{esc((s.lead or s.paragraphs[0])[:200])}</div></div></div>'
            for s in stories
        )
        return f'<h1 class="title page-title">{esc(heading)}</h1>\n<div class="views-element-container"><div class="view view-taxonomy-term view-id-taxonomy_term view-display-id-page_1"><div class="view-content">\n{rows}\n</div>\n{pager}</div></div>'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        items = "".join(
            f'<li class="page-item{" active" if p == page else ""}"><a href="?page={p - 1}" title="Đến trang {p}" class="page-link">{p}</a></li>' for p in range(1, pages + 1)
        )
        nxt = f'<li class="page-item"><a href="?page={page}" title="Đến trang sau" rel="next" class="page-link"><span aria-hidden="true">Sau ›</span></a></li>' if page < pages else ""
        return f'<nav aria-label="pagination-heading"><h4 id="pagination-heading" class="visually-hidden">Phân trang</h4><ul class="pagination js-pager__items">{items}{nxt}</ul></nav>'


# 11 --------------------------------------------------------------------------------------------
class AspNetCustom(Portal):
    """A home-grown ASP.NET WebForms site: ``/ChiTietTin.aspx?id=123``, ``/DanhMucTin.aspx?cat=5``
    and ``&trang=2``, ``ctl00_ContentPlaceHolder1_`` ids."""

    key, family = "aspnet", "custom ASP.NET (ChiTietTin.aspx?id=, &trang=2)"
    name, short_name = "Trang thông tin Đảng ủy Khối các cơ quan tỉnh Sóc Trăng", "Đảng ủy Khối"
    place = {"xa": ["Phường 2", "Phường 6", "Mỹ Xuyên", "Long Phú"], "noi": "Đảng bộ Khối các cơ quan tỉnh", "cap": "Đảng ủy Khối các cơ quan tỉnh"}
    newest, id_base, topic_offset, party, shorts = datetime(2024, 3, 5, 15, 45), 5230, 9, 6, (1, 3)
    robots = "User-agent: *\nDisallow: /Admin/\nDisallow: /Uploads/Temp/\n"
    about_url, contact_url, documents_url = "/GioiThieu.aspx", "/LienHe.aspx", "/VanBan.aspx"
    gallery_url, search_url, search_results_url, tag_url = "/ThuVienAnh.aspx", "/TimKiem.aspx", "/TimKiem.aspx?tukhoa=dang+vien", ""

    def article_url(self, s):
        return f"/ChiTietTin.aspx?id={s.id}"

    def section_url(self, page=1):
        return "/DanhMucTin.aspx?cat=5" if page == 1 else f"/DanhMucTin.aspx?cat=5&trang={page}"

    def other_url(self, i):
        return f"/DanhMucTin.aspx?cat={6 + i}"

    def page(self, title, main, crumbs, kind):
        crumb = " » ".join(f'<a href="{esc(u)}">{esc(t)}</a>' for t, u in crumbs)
        return head(title, self.name, '<script src="/Scripts/jquery-1.8.2.min.js"></script>\n<script src="/Scripts/common.js"></script>', "/Styles/Site.css") + f"""
<body>
<form method="post" action="./{esc(crumbs[-1][1].lstrip('/'))}" id="form1">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTQ3NzE0MDYyNA9kFgJmD2QWAgIDD2QWBAIBDw8WAh4"><input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAO1KUBn"></div>
<div id="wrapper"><div id="header"><img src="/Images/banner.jpg" alt="{esc(self.name)}" width="1000" height="150"></div>
<div id="menu"><ul id="ctl00_ucMenu_ulMenu">
{menu_items(self, '<li><a href="{url}">{label}</a></li>')}
</ul><div class="search"><input name="ctl00$ucSearch$txtKeyword" type="text" id="ctl00_ucSearch_txtKeyword"><a id="ctl00_ucSearch_btnSearch" href="{esc(self.search_url)}">Tìm</a></div></div>
<div id="ticker"><b>Tin mới:</b> <marquee onmouseover="this.stop()" onmouseout="this.start()">{links(self, self.newest_links(3), '{a} &nbsp;|&nbsp; ')}</marquee></div>
<div id="navigator">{crumb}</div>
<div id="left"><div id="ctl00_ContentPlaceHolder1_pnContent">
{main}
</div></div>
<div id="right">
<div class="boxright"><div class="boxtitle">TIN MỚI NHẤT</div><ul>{links(self, self.newest_links(), '<li>{a}</li>')}</ul></div>
<div class="boxright"><div class="boxtitle">TIN ĐỌC NHIỀU</div><ul>{links(self, self.most_read(), '<li>{a}</li>')}</ul></div>
<div class="boxright"><div class="boxtitle">LIÊN KẾT WEBSITE</div>{external_box()}</div>
<div class="boxright"><div class="boxtitle">THỐNG KÊ TRUY CẬP</div><span id="ctl00_ucCounter_lblOnline">Đang online: 12</span><br><span id="ctl00_ucCounter_lblTotal">Tổng truy cập: 884.120</span></div>
</div>
<div id="footer">Bản quyền thuộc {esc(self.name)}<br>Địa chỉ: Số 1 Châu Văn Tiếp, Phường 2, thành phố Sóc Trăng. Điện thoại: 0299 3822 123</div>
</div></form>
</body>
</html>"""

    def article_main(self, s):
        author = f'<div class="tacgia"><span id="ctl00_ContentPlaceHolder1_lblTacGia">{esc(s.author)}</span></div>' if s.author else ""
        return f"""<div class="chitiet">
<h1 class="tieude"><span id="ctl00_ContentPlaceHolder1_lblTieuDe">{esc(s.title)}</span></h1>
<div class="ngaydang"><span id="ctl00_ContentPlaceHolder1_lblNgayDang">Ngày đăng: {dmy(s.published)} - {hm(s.published)}</span></div>
{f'<div class="tomtat"><span id="ctl00_ContentPlaceHolder1_lblTomTat">{esc(s.lead)}</span></div>' if s.lead else ''}
<div class="noidung" id="ctl00_ContentPlaceHolder1_divNoiDung">
{"".join(f"<p>{esc(p)}</p>" for p in s.paragraphs)}
</div>
{author}
<div class="congcu"><a href="javascript:window.print()">In</a> | <a href="javascript:history.go(-1)">Trở về</a></div>
<div class="tinkhac"><div class="tinkhac-title">Các tin khác:</div><ul>{links(self, self.related(s), '<li>{a} <i>({date})</i></li>')}</ul></div>
</div>"""

    def listing_main(self, heading, stories, pager):
        items = "\n".join(
            f'<div class="tin"><a href="{esc(self.article_url(s))}"><img src="/Uploads/TinTuc/{s.id}.jpg" class="anh"></a>'
            f'<a class="tieude" href="{esc(self.article_url(s))}">{esc(s.title)}</a> <span class="ngay">({dmy(s.published)})</span>'
            f'<div class="tomtat">{esc((s.lead or s.paragraphs[0])[:200])}</div></div>'
            for s in stories
        )
        return f'<div class="danhmuc-title">{esc(heading)}</div>\n<div id="ctl00_ContentPlaceHolder1_dlTin">\n{items}\n</div>\n{pager}'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        items = " ".join(f"<b>{p}</b>" if p == page else f'<a href="{esc(self.section_url(p))}">{p}</a>' for p in range(1, pages + 1))
        nxt = f' <a href="{esc(self.section_url(page + 1))}">Trang sau »</a>' if page < pages else ""
        return f'<div class="phantrang">Trang: {items}{nxt}</div>'


# 12 --------------------------------------------------------------------------------------------
class Newspaper(Portal):
    """The CMS many provincial newspapers share: ``/<slug>-a123456.html`` articles,
    ``/<section>/trang-2.html`` pagination, ``article.detail`` with sapo and a byline."""

    key, family = "newspaper", "newspaper CMS (/slug-a123456.html, /trang-2.html)"
    name, short_name = "Báo Tuyên Quang điện tử", "Báo Tuyên Quang"
    place = {"xa": ["Tân Trào", "Hồng Thái", "Minh Thanh", "Kim Bình"], "noi": "tỉnh Tuyên Quang", "cap": "Tỉnh ủy Tuyên Quang"}
    newest, id_base, topic_offset, party, shorts = datetime(2024, 5, 24, 6, 10), 194300, 11, 7, (2, 5)
    robots = "User-agent: *\nDisallow: /api/\nDisallow: /admin/\n"
    about_url, contact_url, documents_url = "/gioi-thieu.html", "/lien-he.html", "/van-ban-phap-luat/"
    gallery_url, search_url, search_results_url, tag_url = "/anh/", "/tim-kiem.html", "/tim-kiem.html?q=dang+vien", "/tag/dang-vien-1284.html"
    other_labels = ("Kinh tế", "Xã hội")

    def article_url(self, s):
        return f"/{cut(s.slug, 90)}-a{s.id}.html"

    def section_url(self, page=1):
        return "/xay-dung-dang/" if page == 1 else f"/xay-dung-dang/trang-{page}.html"

    def other_url(self, i):
        return f"/{('kinh-te', 'xa-hoi')[i]}/"

    def page(self, title, main, crumbs, kind):
        crumb = "".join(f'<li><a href="{esc(u)}">{esc(t)}</a></li>' for t, u in crumbs[1:])
        return head(title, self.name, '<link rel="alternate" type="application/rss+xml" href="/rss/home.rss">\n<script async src="/assets/js/lazysizes.min.js"></script>', "/assets/css/main.min.css?v=2.3.1",
                    f'<meta property="og:site_name" content="{esc(self.name)}">\n<meta property="og:type" content="{"article" if kind == "article" else "website"}">\n<meta property="og:title" content="{esc(title)}">\n') + f"""
<body>
<div class="site-header"><div class="container"><div class="header-top"><span class="date">{weekday(self.newest)}, {dmy(self.newest)}</span><a class="logo" href="/"><img src="/assets/images/logo.svg" alt="{esc(self.name)}"></a><a class="epaper" href="https://epaper.example.vn/">Báo in</a></div>
<nav class="main-menu"><ul class="menu">
{menu_items(self, '<li class="menu-item"><a href="{url}">{label}</a></li>')}
<li class="menu-item search"><a href="{esc(self.search_url)}" title="Tìm kiếm"><i class="icon-search"></i></a></li>
</ul></nav></div></div>
<div class="breaking-news container"><span class="label">Tin nóng</span>{links(self, self.newest_links(3), '<div class="item">{a}</div>')}</div>
<div class="site-content container"><div class="breadcrumb"><ul>{crumb}</ul></div>
<div class="row"><div class="col-main">
{main}
</div><aside class="col-sidebar">
<div class="box-news-latest"><h3 class="box-heading">Tin mới nhất</h3><ul>{links(self, self.newest_links(), '<li class="story"><h3 class="story__heading">{a}</h3></li>')}</ul></div>
<div class="box-most-view"><h3 class="box-heading">Đọc nhiều</h3><ol>{links(self, self.most_read(), '<li class="story"><h3 class="story__heading">{a}</h3></li>')}</ol></div>
<div class="box-links"><h3 class="box-heading">Liên kết</h3>{external_box(kind="banners")}</div>
</aside></div></div>
<footer class="site-footer"><div class="container"><p><strong>{esc(self.name).upper()}</strong> - Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Tuyên Quang</p><p>Tổng Biên tập: Lê Văn A. Giấy phép số 301/GP-BTTTT. Địa chỉ: Đường 17/8, phường Minh Xuân, thành phố Tuyên Quang.</p><p>&copy; Ghi rõ nguồn "Báo Tuyên Quang" khi phát hành lại thông tin từ website này.</p></div></footer>
</body>
</html>"""

    def article_main(self, s):
        d = s.published
        author = f'<p class="article__author"><strong>{esc(s.author).upper()}</strong></p>' if s.author else ""
        return f"""<article class="article detail">
<div class="article__meta"><a class="article__category" href="{esc(self.section_url())}">Xây dựng Đảng</a><time class="article__time" datetime="{iso(d)}">{weekday(d)}, {dmy(d)} | {hm(d)}</time></div>
<h1 class="article__title">{esc(s.title)}</h1>
{f'<div class="article__sapo">{esc(s.lead)}</div>' if s.lead else ''}
<div class="related-in-content"><ul>{links(self, self.related(s)[:2])}</ul></div>
<div class="article__body">
{"".join(f"<p>{esc(p)}</p>" for p in s.paragraphs)}
</div>
{author}
<div class="article__tags"><span>Từ khóa:</span> <a href="{esc(self.tag_url)}">#đảng viên</a></div>
<div class="article__social"><a class="fb" href="https://www.facebook.com/sharer/sharer.php" target="_blank" rel="nofollow">Chia sẻ</a></div>
</article>
<section class="box-related"><h3 class="box-heading">Tin cùng chuyên mục</h3>{links(self, self.related(s), '<div class="story"><h3 class="story__heading">{a}</h3><time>{date}</time></div>')}</section>"""

    def listing_main(self, heading, stories, pager):
        items = "\n".join(
            f'<article class="story story--horizontal"><figure class="story__thumb"><a href="{esc(self.article_url(s))}"><img class="lazyload" data-src="/uploads/{s.published:%Y/%m}/{s.id}.jpg" alt=""></a></figure>'
            f'<h2 class="story__heading"><a class="cms-link" href="{esc(self.article_url(s))}" title="{esc(s.title)}">{esc(s.title)}</a></h2>'
            f'<time class="story__time" datetime="{iso(s.published)}">{dmy(s.published)} {hm(s.published)}</time><div class="story__summary">{esc((s.lead or s.paragraphs[0])[:200])}</div></article>'
            for s in stories
        )
        return f'<h1 class="category-title">{esc(heading)}</h1>\n<div class="category-list">\n{items}\n</div>\n{pager}'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        items = "".join(f'<span class="current">{p}</span>' if p == page else f'<a href="{esc(self.section_url(p))}">{p}</a>' for p in range(1, pages + 1))
        nxt = f'<a class="next" href="{esc(self.section_url(page + 1))}">Xem tiếp</a>' if page < pages else ""
        return f'<div class="pagination">{items}{nxt}</div>'


# 13 --------------------------------------------------------------------------------------------
class OldTable(Portal):
    """An early-2000s party-committee portal (Mambo / Joomla 1.0 heritage): everything in nested
    tables, ``index.php?option=com_content&task=view&id=N&Itemid=M`` articles, ``td.Title`` and
    ``td.contentheading``, ``&limit=4&limitstart=4`` pagination."""

    key, family = "oldtable", "table-layout party committee (index.php?option=com_content, limitstart)"
    name, short_name = "Ban Tuyên giáo Tỉnh ủy Lai Châu", "Ban Tuyên giáo"
    place = {"xa": ["Bình Lư", "Mường So", "Sì Lở Lầu", "Nậm Tăm"], "noi": "tỉnh Lai Châu", "cap": "Tỉnh ủy Lai Châu"}
    newest, id_base, topic_offset, party, other, shorts = datetime(2023, 11, 14, 9, 0), 712, 2, 5, 1, (1, 4)
    robots = "User-agent: *\nDisallow: /administrator/\nDisallow: /mambots/\n"
    about_url, contact_url = "/index.php?option=com_content&task=view&id=2&Itemid=27", "/index.php?option=com_contact&Itemid=3"
    documents_url, gallery_url = "/index.php?option=com_docman&Itemid=41", "/index.php?option=com_zoom&Itemid=44"
    search_url, search_results_url, tag_url = "/index.php?option=com_search&Itemid=5", "/index.php?option=com_search&Itemid=5&searchword=dang+vien", ""
    other_labels = ("Tin trong tỉnh",)

    def article_url(self, s):
        return f"/index.php?option=com_content&task=view&id={s.id}&Itemid={36 if s.section == 'party' else 38}"

    def section_url(self, page=1):
        base = "/index.php?option=com_content&task=blogcategory&id=12&Itemid=36"
        return base if page == 1 else f"{base}&limit={self.per_page}&limitstart={(page - 1) * self.per_page}"

    def other_url(self, i):
        return "/index.php?option=com_content&task=blogcategory&id=14&Itemid=38"

    def page(self, title, main, crumbs, kind):
        crumb = " &gt; ".join(f'<a href="{esc(u)}" class="pathway">{esc(t)}</a>' for t, u in crumbs)
        menu = menu_items(self, '<tr><td><a href="{url}" class="mainlevel">{label}</a></td></tr>')
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title>{esc(self.name)} - {esc(title)}</title>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="description" content="{esc(self.name)}" />
<meta name="Generator" content="Joomla! - Copyright (C) 2005 - 2007 Open Source Matters. All rights reserved." />
<link href="/templates/btg_laichau/css/template_css.css" rel="stylesheet" type="text/css" />
<script language="JavaScript" src="/includes/js/JSCookMenu_mini.js" type="text/javascript"></script>
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0">
<table width="990" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
<tr><td colspan="3"><img src="/templates/btg_laichau/images/banner.jpg" width="990" height="160" alt="" /></td></tr>
<tr><td colspan="3" class="ticker" bgcolor="#B30000"><marquee scrollamount="2"><font color="#FFFFFF">{links(self, self.newest_links(3), '{a} *** ')}</font></marquee></td></tr>
<tr><td colspan="3" class="pathway_bg"><span class="pathway">{crumb}</span></td></tr>
<tr>
<td width="190" valign="top" class="leftcol"><table width="100%" border="0" cellpadding="0" cellspacing="0" class="moduletable"><tr><th valign="top">Danh mục</th></tr>
{menu}
<tr><td><a href="{esc(self.search_url)}" class="mainlevel">Tìm kiếm</a></td></tr></table>
<table class="moduletable" width="100%"><tr><th>Liên kết website</th></tr><tr><td>{external_box()}</td></tr></table></td>
<td width="600" valign="top" class="maincol">
{main}
</td>
<td width="200" valign="top" class="rightcol">
<table class="moduletable" width="100%"><tr><th>Tin mới cập nhật</th></tr><tr><td><ul class="latestnews">{links(self, self.newest_links(), '<li class="latestnews">{a}</li>', ' class="latestnews"')}</ul></td></tr></table>
<table class="moduletable" width="100%"><tr><th>Đọc nhiều nhất</th></tr><tr><td><ul class="mostread">{links(self, self.most_read(), '<li class="mostread">{a}</li>', ' class="mostread"')}</ul></td></tr></table>
<table class="moduletable" width="100%"><tr><th>Thống kê</th></tr><tr><td>Khách: 23 | Tổng: 412.887</td></tr></table>
</td></tr>
<tr><td colspan="3" class="footer" align="center"><font size="1">BAN TUYÊN GIÁO TỈNH ỦY LAI CHÂU<br />Địa chỉ: Phường Tân Phong, thành phố Lai Châu. ĐT: 0213 3876 543<br />Ghi rõ nguồn khi phát hành lại thông tin từ website này</font></td></tr>
</table>
</body>
</html>"""

    def article_main(self, s):
        d = s.published
        author = f'<tr><td class="small" align="right"><b>{esc(s.author)}</b></td></tr>' if s.author else ""
        body = "".join(f'<p align="justify">{esc(p)}</p>' for p in s.paragraphs)
        lead = f'<p align="justify"><b>{esc(s.lead)}</b></p>' if s.lead else ""
        return f"""<table class="contentpaneopen"><tr><td class="contentheading Title" width="100%">{esc(s.title)}</td>
<td align="right" width="100%" class="buttonheading"><a href="javascript:void(0)" onclick="window.open('/index2.php?option=com_content&amp;task=view&amp;id={s.id}&amp;pop=1&amp;page=0','win2')" title="In"><img src="/images/M_images/printButton.png" alt="In" /></a></td></tr></table>
<table class="contentpaneopen"><tr><td valign="top" colspan="2" class="createdate">{weekday(d)}, {d.day:02d} Tháng {d.month:02d} {d.year} {hm(d)}</td></tr>
<tr><td valign="top" colspan="2">{lead}{body}</td></tr>
{author}
</table>
<span class="article_seperator">&nbsp;</span>
<table class="contentpaneopen"><tr><td><b>Những bài viết khác:</b><ul>{links(self, self.related(s))}</ul></td></tr></table>"""

    def listing_main(self, heading, stories, pager):
        rows = "\n".join(
            f'<tr><td valign="top"><table class="contentpaneopen"><tr><td class="contentheading Title" width="100%"><a href="{esc(self.article_url(s))}" class="contentpagetitle">{esc(s.title)}</a></td></tr></table>'
            f'<table class="contentpaneopen"><tr><td class="createdate">{dmy(s.published)}</td></tr><tr><td>{esc((s.lead or s.paragraphs[0])[:200])}</td></tr>'
            f'<tr><td align="left"><a href="{esc(self.article_url(s))}" class="readon">Đọc tiếp...</a></td></tr></table></td></tr>'
            for s in stories
        )
        return f'<div class="componentheading">{esc(heading)}</div>\n<table class="blog" cellpadding="0" cellspacing="0">\n{rows}\n{pager}\n</table>'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        items = " ".join(f'<span class="pagenav">{p}</span>' if p == page else f'<a href="{esc(self.section_url(p))}" class="pagenav" title="{p}">{p}</a>' for p in range(1, pages + 1))
        nxt = f' <a href="{esc(self.section_url(page + 1))}" class="pagenav" title="Kế tiếp">Kế tiếp &gt;</a>' if page < pages else ' <span class="pagenav">Kế tiếp &gt;</span>'
        return f'<tr><td valign="top" align="center"><span class="pagenav">&lt;&lt; Đầu</span> {items}{nxt}<br /><br /></td></tr>'


# 14 --------------------------------------------------------------------------------------------
class Hugo(Portal):
    """A static site (Hugo): slug-only ``/tin-tuc/<slug>/`` URLs with no number or date, Hugo's
    ``/tin-tuc/page/2/`` pagination and ``/tags/<tag>/`` term pages."""

    key, family = "hugo", "Hugo static site (/tin-tuc/slug/, /page/2/)"
    name, short_name = "Chi bộ Trường THPT Chuyên Lê Quý Đôn", "Chi bộ Trường Lê Quý Đôn"
    place = {"xa": ["Phường 5", "Phường 7", "Thới An", "Long Toàn"], "noi": "Đảng bộ thành phố", "cap": "Thành ủy"}
    newest, id_base, topic_offset, party, other, shorts = datetime(2024, 4, 2, 19, 0), 1, 5, 5, 1, (0, 3)
    robots = "User-agent: *\n"
    about_url, contact_url, documents_url, gallery_url = "/gioi-thieu/", "/lien-he/", "/van-ban/", "/hinh-anh/"
    search_url, search_results_url, tag_url = "/tim-kiem/", "", "/tags/dang-vien/"
    party_label, other_labels = "Tin tức", ("Hoạt động nhà trường",)

    def article_url(self, s):
        return f"/{'tin-tuc' if s.section == 'party' else 'hoat-dong'}/{cut(s.slug, 80)}/"

    def section_url(self, page=1):
        return "/tin-tuc/" if page == 1 else f"/tin-tuc/page/{page}/"

    def other_url(self, i):
        return "/hoat-dong/"

    def page(self, title, main, crumbs, kind):
        return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="Hugo 0.125.4">
<title>{esc(title)} | {esc(self.short_name)}</title>
<meta name="description" content="{esc(self.name)}">
<meta property="og:title" content="{esc(title)}">
<meta property="og:type" content="{"article" if kind == "article" else "website"}">
<link rel="stylesheet" href="/css/main.min.3f2a1c.css">
<link rel="alternate" type="application/rss+xml" href="/index.xml" title="{esc(self.short_name)}">
</head>
<body class="{kind}">
<header class="site-header"><a class="site-title" href="/">{esc(self.name)}</a>
<nav class="site-nav"><ul>
{menu_items(self, '<li><a href="{url}">{label}</a></li>')}
<li><a href="{self.search_url}">Tìm kiếm</a></li>
</ul></nav></header>
<main class="content">
{main}
</main>
<aside class="sidebar"><section class="widget recent"><h4>Bài mới</h4><ul>{links(self, self.newest_links())}</ul></section>
<section class="widget taglist"><h4>Thẻ</h4><a href="/tags/dang-vien/">đảng viên</a> <a href="/tags/chi-bo/">chi bộ</a></section>
<section class="widget links"><h4>Liên kết</h4>{external_box()}</section></aside>
<footer class="site-footer"><p>&copy; 2024 {esc(self.name)}. Xây dựng bằng <a href="https://gohugo.io/">Hugo</a>.</p></footer>
</body>
</html>"""

    def tag_main(self):
        found = self.party_stories[:3]
        return '<h1 class="list-title">đảng viên</h1>\n' + links(self, found, '<article class="post-entry"><h2 class="entry-title">{a}</h2><time>{date}</time></article>')

    def pages(self):
        out = super().pages()
        out["/tags/chi-bo/"] = self.page("chi bộ", '<h1 class="list-title">chi bộ</h1>\n' + links(self, self.party_stories[1:3], '<article class="post-entry"><h2>{a}</h2></article>'), [], "page")
        return out

    def article_main(self, s):
        d = s.published
        return f"""<article class="post-single">
<header class="post-header"><h1 class="post-title">{esc(s.title)}</h1>
<div class="post-meta"><time datetime="{iso(d)}">{dmy(d)}</time>{" · " + esc(s.author) if s.author else ""}</div></header>
<div class="post-content">
{f"<p><em>{esc(s.lead)}</em></p>" if s.lead else ""}
{"".join(f"<p>{esc(p)}</p>" for p in s.paragraphs)}
</div>
<footer class="post-footer"><ul class="post-tags"><li><a href="/tags/dang-vien/">đảng viên</a></li><li><a href="/tags/chi-bo/">chi bộ</a></li></ul>
<nav class="paginav">{links(self, self.related(s)[:2], '<span class="next">{a}</span>')}</nav></footer>
</article>"""

    def listing_main(self, heading, stories, pager):
        items = "\n".join(
            f'<article class="post-entry"><header class="entry-header"><h2 class="entry-hint-parent">{esc(s.title)}</h2></header>'
            f'<div class="entry-content"><p>{esc((s.lead or s.paragraphs[0])[:160])}…</p></div>'
            f'<footer class="entry-footer"><span>{dmy(s.published)}</span></footer><a class="entry-link" aria-label="bài {esc(s.title)}" href="{esc(self.article_url(s))}"></a></article>'
            for s in stories
        )
        return f'<header class="page-header"><h1>{esc(heading)}</h1></header>\n{items}\n{pager}'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        prev = f'<a class="prev" href="{esc(self.section_url(page - 1))}">« Trang trước</a>' if page > 1 else ""
        nxt = f'<a class="next" href="{esc(self.section_url(page + 1))}">Trang sau »</a>' if page < pages else ""
        return f'<footer class="page-footer"><nav class="pagination">{prev}{nxt}</nav></footer>'


# 15 --------------------------------------------------------------------------------------------
class Zend(Portal):
    """A Zend Framework portal built by a local firm: ``/tin-tuc/<slug>-p12345.html`` articles,
    ``/chuyen-muc/<slug>-c12.html`` sections with ``/trang-2.html`` pages."""

    key, family = "zend", "Zend/custom (/tin-tuc/slug-p12345.html, -c12/trang-2.html)"
    name, short_name = "Cổng thông tin điện tử Đảng bộ tỉnh Hậu Giang", "Đảng bộ Hậu Giang"
    place = {"xa": ["Vị Thanh", "Long Mỹ", "Phụng Hiệp", "Châu Thành A"], "noi": "tỉnh Hậu Giang", "cap": "Tỉnh ủy Hậu Giang"}
    newest, id_base, topic_offset, party, shorts = datetime(2024, 2, 16, 13, 25), 12200, 8, 6, (2, 4)
    robots = "User-agent: *\nDisallow: /admin/\nDisallow: /ajax/\n"
    about_url, contact_url, documents_url = "/gioi-thieu.html", "/lien-he.html", "/van-ban/van-ban-chi-dao-c20.html"
    gallery_url, search_url, search_results_url, tag_url = "/thu-vien-anh.html", "/tim-kiem.html", "/tim-kiem.html?keyword=dang+vien", "/tu-khoa/dang-vien.html"

    def article_url(self, s):
        return f"/tin-tuc/{cut(s.slug, 80)}-p{s.id}.html"

    def section_url(self, page=1):
        return "/chuyen-muc/xay-dung-dang-c12.html" if page == 1 else f"/chuyen-muc/xay-dung-dang-c12/trang-{page}.html"

    def other_url(self, i):
        return f"/chuyen-muc/{('kinh-te', 'van-hoa-xa-hoi')[i]}-c{13 + i}.html"

    def page(self, title, main, crumbs, kind):
        crumb = '<span class="sep">/</span>'.join(f'<a href="{esc(u)}">{esc(t)}</a>' for t, u in crumbs)
        return head(title, self.name, '<script src="/public/js/jquery.min.js"></script>\n<script src="/public/js/site.js"></script>', "/public/css/site.css") + f"""
<body>
<div id="header"><div class="wrap"><a id="logo" href="/"><img src="/public/images/logo-haugiang.png" alt=""></a><h2 class="site-name">{esc(self.name)}</h2></div></div>
<div id="nav"><div class="wrap"><ul class="nav-main">
{menu_items(self, '<li><a href="{url}">{label}</a></li>')}
</ul><form class="frm-search" action="{esc(self.search_url)}" method="get"><input type="text" name="keyword" placeholder="Từ khóa"><button type="submit">Tìm</button></form></div></div>
<div id="hot-news" class="wrap"><strong>Tin nóng:</strong> <ul class="ticker">{links(self, self.newest_links(3))}</ul></div>
<div id="container" class="wrap"><div class="path">{crumb}</div>
<div id="main">
{main}
</div>
<div id="sidebar">
<div class="block"><div class="block-title"><span>Tin mới</span></div><ul class="list-news">{links(self, self.newest_links())}</ul></div>
<div class="block"><div class="block-title"><span>Đọc nhiều</span></div><ul class="list-news">{links(self, self.most_read())}</ul></div>
<div class="block"><div class="block-title"><span>Website liên kết</span></div>{external_box()}</div>
</div></div>
<div id="footer"><div class="wrap"><p>Cơ quan chủ quản: Văn phòng {esc(self.place['cap'])}</p><p>Địa chỉ: Số 1 đường Trần Hưng Đạo, phường 5, thành phố Vị Thanh, tỉnh Hậu Giang</p></div></div>
</body>
</html>"""

    def article_main(self, s):
        author = f'<div class="detail-author">{esc(s.author)}</div>' if s.author else ""
        return f"""<div class="detail">
<h1 class="detail-title">{esc(s.title)}</h1>
<div class="detail-time">Cập nhật: {hm(s.published)} {dmy(s.published)}</div>
{f'<h2 class="detail-sapo">{esc(s.lead)}</h2>' if s.lead else ''}
<div class="detail-content">
{"".join(f"<p>{esc(p)}</p>" for p in s.paragraphs)}
</div>
{author}
<div class="detail-tags">Từ khóa: <a href="{esc(self.tag_url)}">đảng viên</a></div>
</div>
<div class="other-news"><h3>Tin khác</h3><ul>{links(self, self.related(s), '<li>{a} <span>({date})</span></li>')}</ul></div>"""

    def listing_main(self, heading, stories, pager):
        items = "\n".join(
            f'<div class="item"><a class="thumb" href="{esc(self.article_url(s))}"><img src="/upload/news/{s.id}_thumb.jpg"></a>'
            f'<h3><a href="{esc(self.article_url(s))}">{esc(s.title)}</a></h3><p class="time">{dmy(s.published)}</p><p class="desc">{esc((s.lead or s.paragraphs[0])[:200])}</p></div>'
            for s in stories
        )
        return f'<h1 class="cat-title">{esc(heading)}</h1>\n<div class="list-cat">\n{items}\n</div>\n{pager}'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        items = "".join(f'<li class="active"><span>{p}</span></li>' if p == page else f'<li><a href="{esc(self.section_url(p))}">{p}</a></li>' for p in range(1, pages + 1))
        return f'<ul class="paging">{items}</ul>'


# 16 --------------------------------------------------------------------------------------------
class Mvc(Portal):
    """An ASP.NET MVC portal: number-only ``/tin-tuc/chi-tiet/12345`` article URLs (no slug),
    ``/tin-tuc/danh-muc/5?page=2`` listings."""

    key, family = "mvc", "ASP.NET MVC (/tin-tuc/chi-tiet/12345, ?page=2)"
    name, short_name = "Cổng thông tin Đảng bộ huyện Bác Ái", "Bác Ái"
    place = {"xa": ["Phước Bình", "Phước Hòa", "Phước Tân", "Phước Trung"], "noi": "huyện Bác Ái", "cap": "Huyện ủy Bác Ái"}
    newest, id_base, topic_offset, party, shorts = datetime(2024, 5, 6, 8, 0), 33410, 10, 6, (1, 5)
    robots = "User-agent: *\nDisallow: /Account/\nDisallow: /Admin/\n"
    about_url, contact_url, documents_url = "/gioi-thieu", "/lien-he", "/van-ban"
    gallery_url, search_url, search_results_url, tag_url = "/thu-vien-anh", "/tim-kiem", "/tim-kiem?keyword=dang+vien", ""

    def article_url(self, s):
        return f"/tin-tuc/chi-tiet/{s.id}"

    def section_url(self, page=1):
        return "/tin-tuc/danh-muc/5" if page == 1 else f"/tin-tuc/danh-muc/5?page={page}"

    def other_url(self, i):
        return f"/tin-tuc/danh-muc/{6 + i}"

    def page(self, title, main, crumbs, kind):
        crumb = "".join(f'<li><a href="{esc(u)}">{esc(t)}</a></li>' for t, u in crumbs)
        return head(title, self.name, '<link href="/Content/bootstrap.min.css" rel="stylesheet">\n<script src="/bundles/modernizr?v=wBEWDufH_8Md-Pbioxomt90vm6tJN2Pyy9u9zHtWsPo1"></script>', "/Content/site.css") + f"""
<body>
<div class="navbar navbar-inverse navbar-fixed-top"><div class="container"><div class="navbar-header"><a class="navbar-brand" href="/">{esc(self.name)}</a></div>
<div class="navbar-collapse collapse"><ul class="nav navbar-nav">
{menu_items(self, '<li><a href="{url}">{label}</a></li>')}
<li><a href="{esc(self.search_url)}">Tìm kiếm</a></li>
</ul></div></div></div>
<div class="container body-content">
<div class="ticker-wrap"><span>Tin nổi bật</span> {links(self, self.newest_links(3), '<span class="ticker-item">{a}</span>')}</div>
<ol class="breadcrumb">{crumb}</ol>
<div class="row"><div class="col-md-9">
{main}
</div><div class="col-md-3">
<div class="panel panel-default"><div class="panel-heading">Tin mới</div><div class="list-group">{links(self, self.newest_links(), '{a}', ' class="list-group-item"')}</div></div>
<div class="panel panel-default"><div class="panel-heading">Xem nhiều</div><div class="list-group">{links(self, self.most_read(), '{a}', ' class="list-group-item"')}</div></div>
<div class="panel panel-default"><div class="panel-heading">Liên kết</div><div class="panel-body">{external_box()}</div></div>
</div></div>
<hr><footer><p>&copy; 2024 - {esc(self.place['cap'])}. Địa chỉ: Thôn Ma Hoa, xã Phước Đại, huyện Bác Ái, tỉnh Ninh Thuận.</p></footer>
</div>
<script src="/bundles/jquery?v=FVs3ACwOLIVInrAl5sdzR2jrCDmVOWFbZMY6g6Q0ulE1"></script>
</body>
</html>"""

    def article_main(self, s):
        author = f'<p class="text-right"><strong>{esc(s.author)}</strong></p>' if s.author else ""
        return f"""<div class="news-detail">
<h2 class="news-detail-title">{esc(s.title)}</h2>
<p class="news-detail-date"><i class="glyphicon glyphicon-time"></i> {weekday(s.published)}, {dmy(s.published)} {hm(s.published)}</p>
{f'<p class="lead">{esc(s.lead)}</p>' if s.lead else ''}
<div class="news-detail-content">
{"".join(f"<p>{esc(p)}</p>" for p in s.paragraphs)}
</div>
{author}
<h4>Tin liên quan</h4><ul class="related">{links(self, self.related(s))}</ul>
</div>"""

    def listing_main(self, heading, stories, pager):
        items = "\n".join(
            f'<div class="media"><div class="media-left"><a href="{esc(self.article_url(s))}"><img class="media-object" src="/Uploads/Images/{s.id}.jpg" width="160"></a></div>'
            f'<div class="media-body"><h4 class="media-heading"><a href="{esc(self.article_url(s))}">{esc(s.title)}</a></h4><small class="text-muted">{dmy(s.published)}</small>'
            f'<p>{esc((s.lead or s.paragraphs[0])[:200])}</p></div></div>'
            for s in stories
        )
        return f'<h3 class="page-header">{esc(heading)}</h3>\n{items}\n{pager}'

    def pager(self, page, pages):
        if pages < 2:
            return ""
        items = "".join(f'<li class="active"><a>{p}</a></li>' if p == page else f'<li><a href="{esc(self.section_url(p))}">{p}</a></li>' for p in range(1, pages + 1))
        nxt = f'<li class="PagedList-skipToNext"><a href="{esc(self.section_url(page + 1))}" rel="next">»</a></li>' if page < pages else ""
        return f'<div class="pagination-container"><ul class="pagination">{items}{nxt}</ul></div>'
