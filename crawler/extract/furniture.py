"""Generic furniture of Vietnamese portals, as ordered data.

Three layers, each a list of rules, applied without any site profile (a profile's prune XPaths
are added in front, never instead):

1. ``BLOCK_XPATHS`` and ``BLOCK_MARKS``: page blocks recognisable by markup (comment forms,
   share bars, sidebars, visitor counters ...), dropped from the tree before trafilatura sees it.
2. ``HEADINGS``: blocks recognisable by their heading text ("Tin cùng chuyên mục", "Thống kê
   truy cập" ...). A *tail* heading closes the article: it and all that follows it in its
   container go. A *box* heading takes only the block it opens.
3. ``OPENINGS``: boxes recognisable by their first words ("... giới thiệu độc giả Tủ sách ..."):
   a promo box inside the body has no telling class, but says what it is at once.
4. ``STORY_LISTS`` and ``OUTLET_LABEL``: what stands between headline and body without a telling class,
   known by its shape: a list of links to other stories, an outlet's label in front of the lead.
5. ``LINE_PATTERNS``: single lines that survive extraction (alt text shown as text, counters,
   promo lines, licence footers), dropped from the extracted text.
"""

from __future__ import annotations

import re
from collections.abc import Container

from lxml import etree

from .markup import carries, marks, with_marks
from .text import element_text, fold


BLOCK_XPATHS: list[str] = [
    "//script | //style | //noscript | //iframe | //form | //select | //button | //input | //textarea",
    "//nav | //aside | //footer",
    "//a[normalize-space()='Quay lại' or normalize-space()='Trở về' or normalize-space()='Trở lại' or @title='Quay lại']",
]
# Blocks known by a token in their class or id: (what they are, tokens). One pass over the page
# tests them all, which is what keeps pruning cheap on large pages.
BLOCK_MARKS: list[tuple[str, tuple[str, ...]]] = [
    ("comments", ("comment", "binhluan", "binh-luan", "y-kien", "ykien", "feedback")),
    ("share and print bars", ("share", "social", "sharing", "addthis", "zalo", "facebook", "print", "sendmail", "send-mail")),
    ("related news", ("related", "lienquan", "lien-quan", "othernews", "other-news", "tinkhac", "tin-khac", "cungchuyenmuc",
                      "cung-chuyen-muc", "samecate", "same-cat", "morenews", "more-news", "readmore")),
    ("tag lists", ("tags", "tag-list", "taglist", "tukhoa", "tu-khoa", "keyword")),
    ("visitor counters", ("counter", "thongke", "thong-ke", "statistic", "visitor", "useronline", "dangonline", "dang-online")),
    ("link boxes", ("weblink", "web-link", "lienket", "lien-ket", "linkbox", "link-box")),
    ("ratings", ("rating", "danhgia", "danh-gia", "vote")),
    ("widget headers", ("portlet-title", "portlet-topper", "module-title", "widget-title")),
    ("tickers of other headlines", ("ticker", "marquee", "hotnews", "hot-news", "tinnong", "tin-nong", "breaking", "newsflash")),
    ("app and copy-link boxes", ("app-download", "download-app", "appdownload", "taiapp", "tai-app", "app-store", "appstore",
                                 "googleplay", "copylink", "copy-link", "copy_link", "linkgoc", "link-goc", "getlink")),
    ("source boxes with the original link", ("link-source", "linksource", "urlsource")),
    ("promo boxes", ("box-promo", "promo-box", "promobox", "tusach", "tu-sach", "subscribe")),
    ("cookie and consent banners", ("cookie", "consent", "gdpr", "cli-privacy")),
    ("sidebars, banners, most-read", ("sidebar", "side-bar", "breadcrumb", "banner", "advert", "quangcao", "quang-cao", "popup",
                                      "copyright", "bottom-menu", "mostview", "most-view", "docnhieu", "doc-nhieu", "tinmoi",
                                      "tin-moi", "latest")),
]
BLOCK_MARK = marks(*(token for _, tokens in BLOCK_MARKS for token in tokens))
# Class words that contain a token and still name content: WordPress gives a post's <article> a
# "tag-X" and "category-X" class per tag and category, "printable" wraps what is printed, and
# CSS-in-JS generates names with a hash ("tagStyle_z4kqwb", "css-1x2y3z") that mean nothing.
CONTENT_WORDS = re.compile(
    r"(?<!\S)(?:tag-\S+|category-\S+|printable\S*|\S*--promoted|\S*(?:_|css-|sc-)(?=[a-z0-9]*\d)[a-z0-9]{5,}\S*)(?!\S)"
)
# Elements that are the page or its story whatever their class says.
NEVER_MARKED = {"html", "body", "main", "article"}
# Share and print bars and ratings hold the article's own date line on some papers ("sharemxh ...
# pubdate"): the date is looked for before they go. Lists of other stories never hold it.
LINE_HOLDERS = {"share and print bars", "ratings"}
LIST_MARK = marks(*(t for kind, tokens in BLOCK_MARKS if kind not in LINE_HOLDERS for t in tokens))


def marked_blocks(tree: etree._Element) -> list[etree._Element]:
    """Elements whose class or id carries a furniture token, in document order."""
    return [element for element in with_marks(tree) if element.tag not in NEVER_MARKED and _block_marked(element)]


def _block_marked(element: etree._Element) -> bool:
    """A furniture token in the element's class or id, not within a content word. Tokens hold no white
    space and content words go whole, so a mark that survives their removal is there before it:
    most elements are told by the one search."""
    marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
    return bool(BLOCK_MARK.search(marks)) and bool(BLOCK_MARK.search(CONTENT_WORDS.sub("", marks)))


def in_listed_furniture(
    element: etree._Element, article: set[etree._Element] = frozenset(), known: dict[etree._Element, bool] | None = None,
) -> bool:
    """Whether ``element`` sits in a menu, sidebar, footer or a box of other stories (not a share bar).

    Blocks in ``article`` (the headline's ancestors) are the article's own column, whatever their
    class says ("sidebar-1" holds a whole story on some papers): the search stops there. A
    ``footer`` inside an ``<article>`` is the story's own (Drupal prints the date line there).
    ``known`` keeps the answers for elements already asked about (with the same ``article``), so
    that neighbours do not test their shared ancestors again.
    """
    known = {} if known is None else known
    walked = []
    answer = False
    for e in (element, *element.iterancestors()):
        if e in known:
            answer = known[e]
            break
        walked.append(e)
        if e in article:
            break
        page_footer = e.tag == "footer" and not e.xpath("ancestor::article")
        if e.tag in {"nav", "aside"} or page_footer or carries(e, LIST_MARK):
            answer = True
            break
    for e in walked:
        known[e] = answer
    return answer


# (folded heading text, kind); matched against the whole text of a short element.
HEADINGS: list[tuple[re.Pattern, str]] = [
    (re.compile(p), kind)
    for p, kind in [
        (r"(cac )?tin (cung|trong) (chuyen muc|chu de|loai|su kien)", "tail"),
        (r"(cac )?(tin|bai|bai viet|tin bai) (khac|lien quan|da dua|cung chuyen muc|cung chu de|moi hon|cu hon)", "tail"),
        (r"cung chuyen muc|doc them|xem them|tin da dua", "tail"),
        (r"(y kien|binh luan|gui binh luan|viet binh luan( moi)?|y kien ban doc|gui y kien( ban doc)?)( \(\d+\))?", "tail"),
        (r"thong ke truy cap|luot truy cap|so luot truy cap", "box"),
        (r"(website|web|cac website|trang) lien ket|lien ket( website)?|lien ket web", "box"),
        (r"video hoat dong|hinh anh hoat dong|thu vien (anh|video|hinh anh)|video|hinh anh|album anh", "box"),
        (r"(tin )?(doc|xem) nhieu( nhat)?|tin moi( nhat| cap nhat)?|tieu diem|tin noi bat|tin tuc noi bat", "box"),
        (r"tu khoa|tags?|the", "box"),
        (r"chia se( bai viet)?|in bai( viet)?|gui email|gui bai viet|ban in|luu bai viet|danh gia bai viet", "box"),
        (r"quang cao|lien he quang cao|dat mua bao", "box"),
        (r"tin nong|tin nhanh|dong su kien|tin van", "box"),
        (r"tai ung dung( (bao|tren) .{0,30})?|tai app( .{0,30})?", "box"),
    ]
]
# Whether any of them (any tail heading) matches, in one test: most texts are no heading.
ANY_HEADING = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in HEADINGS))
TAIL_HEADING = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, kind in HEADINGS if kind == "tail"))
# Folded first words of boxes that are never the article (matched at the start of a div or section).
OPENINGS: list[re.Pattern] = [
    re.compile(p)
    for p in [
        r".{0,60}gioi thieu (toi |den |voi )?(quy )?(doc gia|ban doc) (tu sach|bo sach|chuyen muc|loat bai)",
        r"(moi (quy )?(ban doc|doc gia)|ban doc (co the )?(theo doi|xem)).{0,120}(zalo|google news|facebook|youtube|tiktok|fanpage)",
    ]
]
OPENING_CHARS = 200
# What the first 75 folded characters of a box's opening must hold for an ``OPENINGS`` pattern to
# match it: "gioi thieu" within them, or "moi" or "ban doc" first. Most boxes fail this on a short
# reading, and folding 200 characters of every box was a fifth of the extraction.
OPENING_GATE = re.compile(r".{0,60}gioi thieu|moi |ban doc")
GATE_CHARS = 75
BOX_TAGS = ("div", "section", "aside", "table")


def _promotes(element: etree._Element) -> bool:
    """Whether the box's opening matches ``OPENINGS``: its text's pieces up to the one that brings
    ``OPENING_CHARS`` characters, folded, and no more than ``OPENING_CHARS`` of that.

    Most boxes are decided on less: once the pieces read hold some ``GATE_CHARS`` characters
    besides white space, their folded text is a prefix of the opening (folding works character by
    character), and when its first ``GATE_CHARS`` fail the gate the box is no promotion.
    """
    seen: list[str] = []
    size = dense = 0
    gated = False
    for piece in element.itertext():
        seen.append(piece)
        size += len(piece)
        if size >= OPENING_CHARS:
            break
        dense += len(piece.strip())
        if not gated and dense > GATE_CHARS:
            gated = True
            short = fold("".join(seen))
            if len(short) >= GATE_CHARS and not OPENING_GATE.match(short):
                return False
    text = fold("".join(seen))[:OPENING_CHARS]
    return any(p.match(text) for p in OPENINGS)


def opening_boxes(tree: etree._Element, settled: Container[etree._Element] = frozenset()) -> list[etree._Element]:
    """Boxes (styled: with a class or id) whose first words say they are promotion, outermost first.
    Boxes in ``settled``, which the caller keeps or drops whatever they say, are not read."""
    return [e for e in tree.iter(*BOX_TAGS) if (e.get("class") or e.get("id")) and e not in settled and _promotes(e)]


# Lists of other stories without a telling class: every item is a headline link (a label such as
# "Tham khảo thêm" or a date may stand beside it), found between the headline and the body or
# closing the body's block after its last paragraph.
STORY_LISTS = "//ul[count(li) >= 2] | //ol[count(li) >= 2]"
MIN_LINKED_HEADLINE = 20
LINKED_SHARE = 0.6
# An outlet's label printed in front of the lead ("<span class='bnews-summary'>BNEWS</span><b>lead</b>"):
# a short word in capitals, first in its paragraph, naming the site (its own class or the publisher's name says so).
OUTLET_LABEL = re.compile(r"[A-ZĐ][A-ZĐ0-9+]{1,11}")
LABEL_TAGS = ("span", "strong", "b", "label")


def precedes(element: etree._Element, other: etree._Element) -> bool:
    """Whether ``element`` ends before ``other`` starts (it is not ``other`` nor one of its ancestors)."""
    line = {other, *other.iterancestors()}
    if element in line:
        return False
    for node in (element, *element.iterancestors()):
        if node in line:
            return False
        if any(sibling in line for sibling in node.itersiblings()):
            return True
    return False


def _story_item(item: etree._Element) -> bool:
    linked = sum(len(element_text(a)) for a in item.iter("a") if a.get("href") and not a.get("href").startswith("#"))
    return linked >= MIN_LINKED_HEADLINE and linked >= LINKED_SHARE * len(element_text(item))


def story_lists(tree: etree._Element, headline: etree._Element | None, body: etree._Element | None) -> list[etree._Element]:
    """Lists of other stories between the headline and the body's text block, or after the last
    paragraph inside it (a related box the CMS puts in the content)."""
    if headline is None or body is None:
        return []
    found = []
    for ul in tree.xpath(STORY_LISTS):
        if not all(_story_item(li) for li in ul.iterchildren("li")):
            continue
        inside = body in ul.iterancestors()
        closing = inside and not any(precedes(ul, p) for p in body.iter("p") if p.xpath("normalize-space()"))
        if closing or (not inside and precedes(headline, ul) and precedes(ul, body)):
            found.append(ul)
    return found


# A paragraph that only labels the embed after it ("XEM VIDEO:", "Video:"): the embed goes with the
# furniture, and the label would be left dangling in the text.
EMBED_LABEL_CHARS = 30
EMBEDS = ("iframe", "video", "embed", "object")


def embed_labels(tree: etree._Element) -> list[etree._Element]:
    """Paragraphs that are a short label ending in ":" right before an embed-only figure or block."""
    found = []
    for paragraph in tree.iter("p"):
        text = element_text(paragraph)
        following = paragraph.getnext()
        if (
            text.endswith(":") and len(text) <= EMBED_LABEL_CHARS and following is not None and isinstance(following.tag, str)
            and (following.tag in EMBEDS or next(following.iter(*EMBEDS), None) is not None)
            and not following.xpath("normalize-space()")
        ):
            found.append(paragraph)
    return found


def outlet_labels(tree: etree._Element, publishers: set[str]) -> list[etree._Element]:
    """Outlet labels glued in front of a lead: the label goes, the lead stays."""
    found = []
    for element in tree.iter(*LABEL_TAGS):
        text = (element.text or "").strip()
        parent = element.getparent()
        if (
            not OUTLET_LABEL.fullmatch(text) or len(element) or parent is None or (parent.text or "").strip()
            or element.getprevious() is not None
        ):
            continue
        name = fold(text)
        if name not in (element.get("class") or "").lower() and name not in publishers:
            continue
        following = (element.tail or "").strip() or (element.getnext() is not None and element_text(element.getnext()))
        if following and len(following) >= 40 and following[0].isupper():
            found.append(element)
    return found


HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "p", "strong", "b", "td", "th", "a", "li", "legend", "label", "section", "header", "dt"}
MAX_HEADING_CHARS = 40

LINE_PATTERNS: list[re.Pattern] = [
    re.compile(p, re.IGNORECASE)
    for p in [
        r"anh tin bai",  # placeholder alt text shown as text
        r".{8,} - ảnh \d+",  # "<headline> - ảnh 1": alt text of inline photos
        r"(ảnh|hình) (minh họa|tư liệu)",
        r"(chia sẻ|in bài( viết)?|gửi email|lưu bài viết|bản in|về trang trước|lên đầu trang|quay lại)( [|/•] ?(chia sẻ|in bài( viết)?|gửi email|bản in|lưu bài viết|quay lại))*",
        r"(đang online|đang truy cập|hôm nay|hôm qua|trong tuần|tuần này|trong tháng|tháng này|tất cả|tổng (số )?lượt truy cập|lượt (xem|truy cập|đọc)|số lượt xem)\s*:?\s*[\d.,]+",
        r"xem thêm\s*(>>|»|›|\.\.\.)?",
        r"(mời (quý )?(bạn đọc|độc giả)|bạn đọc (có thể )?(theo dõi|xem)).{0,200}(zalo|google news|facebook|youtube|tiktok|fanpage|kênh).*",
        r"(đặt mua báo|đăng ký nhận bản tin).*",
        r"(giấy phép|gp) (số|xuất bản)?.{0,120}(bttt|btttt|gp-|cấp ngày|ngày \d).*",
        r"(©|copyright\b|bản quyền (thuộc|của)).{0,160}",
        r"(từ khóa|tags?|thẻ)\s*:.{0,300}",
        r"(cỡ chữ|font size|a\+? ?a-?)\s*[:|]?.{0,30}",
        r"(copy link|sao chép (liên kết|link)|link bài gốc|lấy link!?)( ?[|:/•]? ?(copy link|link bài gốc|lấy link!?|sao chép (liên kết|link)))*.{0,4}",
        r"(tải ứng dụng|tải app).{0,80}",
        r".{0,60}giới thiệu (tới |đến |với )?(quý )?(độc giả|bạn đọc) (tủ sách|bộ sách|chuyên mục|loạt bài).*",  # promo boxes
        r"(tủ sách|bộ sách) .{0,80}(mong muốn|giới thiệu|lan tỏa|gửi tới).*",
    ]
]


def heading_kind(element: etree._Element) -> str | None:
    """'tail' or 'box' when ``element``'s whole text is a furniture heading, else None."""
    if element.tag not in HEADING_TAGS:
        return None
    # Cheap test first: a heading's own text, or its single child's, is short.
    own = (element.text or "").strip() or (len(element) == 1 and (element[0].text or "").strip())
    if not own or len(own) > MAX_HEADING_CHARS:
        return None
    text = element_text(element)
    if not text or len(text) > MAX_HEADING_CHARS:
        return None
    folded = fold(text).strip(" :>»›.-|")
    if not ANY_HEADING.fullmatch(folded):
        return None
    for pattern, kind in HEADINGS:
        if pattern.fullmatch(folded):
            return kind
    return None


ANY_LINE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in LINE_PATTERNS), re.IGNORECASE)


def is_furniture_line(line: str) -> bool:
    return bool(ANY_LINE.fullmatch(line))
