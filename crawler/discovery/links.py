"""Which links on a portal page lead to articles, and which to more listings.

A source's registry patterns decide where it has them; otherwise generic rules, learnt from
how Vietnamese CMSs shape their URLs (slug + numeric id, ``ItemID=``, Liferay
``/-/asset_publisher/.../content/``, ``/YYYYMM/`` folders) and their menus (short anchors for
sections, long anchors for stories), decide. Pages that are never articles (contact, about,
documents, search, login, files) are recognised first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urldefrag, urlencode, urlsplit, urlunsplit

from lxml import etree

from crawler.sources.registry import Source
from crawler.extract.text import fold, one_line

# Whole path segments (or query keys) of pages that are never articles: a story's slug may
# contain "gioi-thieu" ("giới thiệu hội viên") and still be a story.
NEVER_ARTICLE = re.compile(
    r"(^|/|[?&]\w*=?)(lien-?he|contact(-us)?|gioi-?thieu|about(-us)?|van-?ban[\w-]*|vanban|documents?|tai-?lieu|"
    r"tim-?kiem|search|dang-?nhap|login|dang-?ky|register|sitemap|rss|feeds?|so-?do-?site|site-?map|"
    r"lich-?cong-?tac|co-?cau-?to-?chuc|to-?chuc-?bo-?may|hoi-?dap|faq|thu-?vien[\w-]*|gallery|albums?|videos?|"
    r"print|in-?bai|sendmail|gui-?email|tags?|the|tu-?khoa)(/|\.\w+$|$|[?&=#])",
    re.IGNORECASE,
)
FILE_SUFFIX = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif|mp3|mp4|avi)$", re.IGNORECASE)
ARTICLE_URL = [
    re.compile(p, re.IGNORECASE)
    for p in [
        r"/-/asset_publisher/[^/]+/content/[^/?]+",  # Liferay asset
        r"/-/view_content/\d+",  # Liferay view_content
        r"[?&](itemid|newsid|news_id|articleid|article_id|postid|contentid|tinid)=[\w-]+",  # ASP.NET/DNN
        r"/\d{6}/[a-z0-9-]{20,}",  # /YYYYMM/slug
        r"/20\d{2}/\d{2}/(\d{2}/)?[a-z0-9-]{15,}",  # /YYYY/MM/DD/slug (WordPress)
        r"/[a-z0-9]+(-[a-z0-9]+){4,}-[a-z]?\d{3,}(\.html?|\.aspx)?/?$",  # long slug + id
        r"/[a-z0-9]+(-[a-z0-9]+){4,}(\.html?|\.aspx)$",  # long slug .html
        r"/[a-z0-9]+(-[a-z0-9]+){4,}/\d{3,}(\.html?)?$",  # slug/id
    ]
]
PAGINATION_URL = re.compile(
    r"([?&](page|p|trang|pageindex|pagenum|cur|pg|start|limitstart)=\d+)|(_cur=\d+)|(/(trang|page|p)[-/]?\d+(\.html?|\.aspx)?/?$)",
    re.IGNORECASE,
)
PAGINATION_TEXT = re.compile(r"(\d{1,3}|trang sau|trang tiep|ke tiep|tiep theo|tiep|sau|next|cuoi|>>?|»|›|\.\.\.)( ?(>>?|»|›))?")
SEE_ALL = re.compile(r"(xem (tat ca|them|toan bo)|tat ca tin|xem tiep)")
DATE_IN_TEXT = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}(\s*[-|,]?\s*\d{1,2}[:h]\d{2})?|\d{1,2}[:h]\d{2}\s*[-|,]?\s*\d{1,2}/\d{1,2}/\d{4}")
TRACKING = re.compile(r"^(utm_|fbclid|gclid|zarsrc)", re.IGNORECASE)
MIN_ARTICLE_ANCHOR_WORDS = 6
MAX_SECTION_ANCHOR_WORDS = 5


def canonicalize(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters: one URL per article."""
    url, _ = urldefrag(url)
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


@dataclass(frozen=True)
class Link:
    url: str
    text: str  # the longest anchor text the page gives this URL
    listing_date: str | None = None
    menu_text: str = ""  # the shortest non-empty one: a menu's word for a section


def anchor_text(anchor: etree._Element) -> str:
    """What a link says: its text, else its title or aria-label (an empty link over a card's headline)."""
    return one_line(anchor.text_content() or anchor.get("title") or anchor.get("aria-label") or "")


def site_url(anchor: etree._Element, source: Source) -> str | None:
    """The canonical URL an (absolutised) anchor leads to on the source's domains, never to a file."""
    href = (anchor.get("href") or "").strip()
    if not href.startswith(("http://", "https://")):
        return None
    url = canonicalize(href)
    if not source.on_domain(url) or FILE_SUFFIX.search(urlsplit(url).path):
        return None
    return url


def _listing_date(anchor: etree._Element) -> str | None:
    """A full date printed beside the link in its list item, as listings show them."""
    element = anchor
    for _ in range(3):
        element = element.getparent()
        if element is None:
            return None
        text = one_line(" ".join(element.itertext()))
        if len(text) > 600:
            return None
        if match := DATE_IN_TEXT.search(text):
            return match.group(0)
    return None


def page_links(root: etree._Element, base_url: str, source: Source) -> list[Link]:
    """Every on-domain link of a page once, in page order, with its longest anchor text and listing date.

    A section is often linked first from an icon or logo with no text, then from the menu: the
    menu's words are what tell a section from a story.
    """
    root.make_links_absolute(base_url, resolve_base_href=True)
    links: dict[str, Link] = {}
    for anchor in root.iter("a"):
        if (url := site_url(anchor, source)) is None:
            continue
        text = anchor_text(anchor)
        known = links.get(url)
        if known is None:
            links[url] = Link(url, text, _listing_date(anchor), text)
        else:
            shortest = min((t for t in (known.menu_text, text) if t), key=len, default="")
            links[url] = Link(url, max(known.text, text, key=len), known.listing_date or _listing_date(anchor), shortest)
    return list(links.values())


def is_pagination(link: Link) -> bool:
    return bool(PAGINATION_URL.search(link.url) or PAGINATION_TEXT.fullmatch(fold(link.text)))


def looks_like_article_url(url: str, anchor_text: str = "", dated: bool = False) -> bool:
    """Generic: an article URL shape, or a long headline-like anchor on a URL that is not a section:
    one with an id, or, when the link is ``dated`` (a date printed beside it), a slug of its headline."""
    parts = urlsplit(url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    if NEVER_ARTICLE.search(target) or PAGINATION_URL.search(target) or parts.path in {"", "/"}:
        return False
    if any(p.search(target) for p in ARTICLE_URL):
        return True
    words = len(anchor_text.split())
    if words < MIN_ARTICLE_ANCHOR_WORDS:
        return False
    return bool(re.search(r"\d{3,}|\.html?$|[?&]id=", target, re.IGNORECASE)) or (dated and slug_of_headline(parts.path, anchor_text))


SLUG_WORDS = re.compile(r"[a-z0-9]+")
SLUG_AGREEMENT = 0.7


def slug_of_headline(path: str, headline: str) -> bool:
    """Whether the URL's last segment is the headline made into a slug, as most CMSs name a story
    ("/tin-tuc/-/view_content/khanh-thanh-nha-van-hoa-thon-tien-phong" for "Khánh thành nhà văn hóa
    thôn Tiên Phong"). Sections and topic pages are named so too: a menu's few words are no
    headline, and a topic list prints no dates, which is why a dated link is asked for."""
    slug = SLUG_WORDS.findall(path.rstrip("/").rsplit("/", 1)[-1].lower())
    words = SLUG_WORDS.findall(fold(headline))
    if len(slug) < MIN_ARTICLE_ANCHOR_WORDS - 1:
        return False
    shared = sum(1 for w in slug if w in words)
    return shared >= SLUG_AGREEMENT * len(slug) and shared >= SLUG_AGREEMENT * min(len(words), len(slug) + 2)


def looks_like_listing(url: str, anchor_text: str) -> bool:
    """Generic: pagination, a "see all" link, or a short menu anchor leading to a section page."""
    parts = urlsplit(url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    if NEVER_ARTICLE.search(target):
        return False
    if PAGINATION_URL.search(target):
        return True
    folded = fold(anchor_text)
    if folded and (PAGINATION_TEXT.fullmatch(folded) or SEE_ALL.match(folded)):
        return True
    return 1 <= len(anchor_text.split()) <= MAX_SECTION_ANCHOR_WORDS and not looks_like_article_url(url, anchor_text)


class LinkClassifier:
    """Sorts a page's links into article and listing links for one source."""

    def __init__(self, source: Source):
        self.source = source

    def is_article(self, link: Link) -> bool:
        if self.source.article_pattern is not None:
            return self.source.is_article(link.url)
        return looks_like_article_url(link.url, link.text, dated=bool(link.listing_date))

    def is_listing(self, link: Link) -> bool:
        if self.is_article(link):
            return False
        if self.source.listing_pattern is not None:
            return self.source.is_listing(link.url)
        return looks_like_listing(link.url, link.menu_text or link.text)
