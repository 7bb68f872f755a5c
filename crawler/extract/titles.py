"""The article's own headline, not the site name that table-layout portals put in ``<title>``.

Candidates come from ordered XPath rules; the one that agrees best with og:title, JSON-LD's
headline and ``<title>`` wins, earlier rules breaking ties. Agreement is shared words, not equal
strings: papers reword the headline for social media. A page's one headline-sized ``h1`` is the
headline even when the metadata words it otherwise. With no usable element, og:title, the
JSON-LD headline and then ``<title>`` are used with the site's name cut off.
"""

from __future__ import annotations

import re

from lxml import etree

from .markup import marked, marked_ancestor, marks
from .text import element_text, fold, one_line

TITLE_MARK = marks("title", "tieude", "tieu-de", "headline", "heading", "lbltitle", "tenbai")
# Ordered rules: (XPath, class/id mark the element must also carry, or None).
TITLE_RULES: list[tuple[str, re.Pattern | None]] = [
    ("//*[@itemprop='headline']", None),
    ("//article//h1", None),
    ("//h1", TITLE_MARK),
    ("//h1", None),
    ("//*[@class or @id][self::div or self::span or self::td or self::p or self::h2 or self::h3 or self::strong]", TITLE_MARK),
    ("//h2", None),
]
SEPARATORS = re.compile(r"\s+(?:[-|–—:»]|::)\s+")
# How a site's own name starts ("Báo Hậu Giang", "Cổng thông tin điện tử tỉnh ..."); tone marks
# matter: "Bảo vệ ..." opens many headlines.
SITE_WORDS = re.compile(r"(báo(?! cáo| công)|tạp chí|cổng thông tin|trang thông tin|cổng tt|website|portal|trang chủ)\b")
# A party committee's or authority's name alone ("ĐẢNG BỘ TỈNH NINH BÌNH", "Huyện ủy Sốp Cộp"): what old
# portals print in their banner and put in <title>, never a headline (headlines say what happened).
ORGANISATION = re.compile(
    r"(cổng thông tin( điện tử)? )?(đảng bộ|đảng ủy|tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|ban tuyên giáo|ủy ban nhân dân|ubnd)"
    r"( (tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|khối))?( [\w'-]+){1,4}"
)
MIN_CHARS, MAX_CHARS = 8, 300


def _meta(tree: etree._Element, *names: str) -> str | None:
    for name in names:
        for value in tree.xpath(f"//meta[@property='{name}' or @name='{name}']/@content"):
            if value.strip():
                return one_line(value)
    return None


def site_name(tree: etree._Element, fallback: str | None = None) -> str | None:
    return _meta(tree, "og:site_name", "application-name") or fallback


def _site_like(text: str, site_folded: str) -> bool:
    """The site's name, a breadcrumb ("Huyện X > Tin tức > ..."), or a name-like "Báo ..." string."""
    folded = fold(text)
    if " > " in text or " » " in text or GENERIC_PAGE_NAMES.fullmatch(folded):
        return True
    lowered = one_line(text).lower()
    return (
        bool(site_folded and (folded in site_folded or site_folded in folded))
        or bool(SITE_WORDS.match(lowered))
        or bool(ORGANISATION.fullmatch(lowered))
    )


def strip_site_name(title: str, site: str | None) -> str:
    """Cut the site's name off a ``<title>``-like string ("Headline - Báo X" -> "Headline")."""
    parts = SEPARATORS.split(title)
    site_folded = fold(site) if site else ""
    kept = [p for p in parts if not _site_like(p, site_folded)]
    return " - ".join(kept) if kept else ""


# Headers of widgets and portlets ("Tin tức - Sự kiện" above a Liferay article) are not headlines. The
# mark is looked for on the heading and its two nearest ancestors: a column named "colcate1" around a
# whole article does not make its headline a widget's.
WIDGET_HEADER = marks("portlet-title", "portlet-topper", "module-title", "widget-title", "box-title", "block-title", "breadcrumb",
                     "titlecate", "title-cate", "catetitle", "cate-title", "catename", "cate-name")
# Page names that CMSs put in <title> instead of the headline.
GENERIC_PAGE_NAMES = re.compile(r"(chi tiet|xem) (tin|bai|bai viet|tin tuc)|tin chi tiet|tin tuc|trang chu|noi dung|chi tiet")


# A home page's <title> joins the site's name to a tagline or to the page's own name, with these too:
# "Huyện X > Trang chủ".
HOME_SEPARATORS = re.compile(r"\s+(?:[-|–—:»>]|::)\s+")


def home_page_name(title: str) -> str | None:
    """The site's name in its home page's ``<title>``: the first part that is not a page's generic name
    ("Trang chủ - Đảng bộ huyện X" -> "Đảng bộ huyện X", "Báo X - Tin tức X 24h" -> "Báo X")."""
    parts = [p for p in HOME_SEPARATORS.split(one_line(title)) if p and not GENERIC_PAGE_NAMES.fullmatch(fold(p))]
    return parts[0] if parts else None


# A heading inside one of these is a link, a menu's, the page footer's or the head's, not the story's.
OUTSIDE_STORY = ("a", "nav", "footer", "aside", "head")


def _usable(element: etree._Element) -> str | None:
    if next(element.iterancestors(*OUTSIDE_STORY), None) is not None or marked_ancestor(element, WIDGET_HEADER, levels=2):
        return None
    text = element_text(element)
    if not MIN_CHARS <= len(text) <= MAX_CHARS:
        return None
    links = "".join("".join(a.itertext()) for a in element.iter("a"))
    if element.tag != "h1" and len(one_line(links)) > 0.8 * len(text):
        return None  # a linked heading elsewhere is a teaser for another story
    return text


def _agreement(folded: str, reference: str) -> float:
    """How far a candidate agrees with a metadata title: its share of the reference when it is a part
    of it, else the share of words the two have in common."""
    if folded in reference:
        return len(folded) / max(len(reference), 1)
    words, theirs = set(folded.split()), set(reference.split())
    return len(words & theirs) / max(len(words | theirs), 1)


def _lone_headline(tree: etree._Element, element: etree._Element, site_folded: str | None) -> bool:
    """The page's only ``h1``, of headline length and not the site's name: the printed headline."""
    text = element_text(element)
    return (
        element.tag == "h1"
        and len(text.split()) >= 5
        and not _site_like(text, site_folded or "")
        and len([h for h in tree.iter("h1") if _usable(h)]) == 1
    )


def find_title(
    tree: etree._Element, hints: tuple[str, ...] = (), site: str | None = None, linked: str | None = None
) -> tuple[str | None, etree._Element | None]:
    """The headline text and its element (None when it came from metadata); ``linked`` is JSON-LD's headline."""
    references = [r for r in (_meta(tree, "og:title", "twitter:title"), linked, one_line(" ".join(tree.xpath("//title//text()")))) if r]
    folded_refs = [fold(strip_site_name(r, site) or r) for r in references if " > " not in r]
    site_folded = fold(site) if site else None
    best: tuple[float, float, str, etree._Element] | None = None
    rules = [(xpath, None) for xpath in hints] + TITLE_RULES
    found_by: dict[str, list] = {}  # "//h1" serves two rules: it is evaluated once
    for rank, (xpath, mark) in enumerate(rules):
        hinted = rank < len(hints)
        if xpath not in found_by:
            found_by[xpath] = tree.xpath(xpath)
        found = found_by[xpath]
        for element in marked(found, mark) if mark else found:
            text = _usable(element)
            if text is None or (site_folded and fold(text) == site_folded) or ORGANISATION.fullmatch(text.lower()):
                continue
            if hinted:
                return text, element
            folded = fold(text)
            agreement = max((_agreement(folded, r) for r in folded_refs), default=0.0)
            words = min(len(text.split()), 10) / 10
            score = 2 * agreement + words - rank * 0.1 + (0.2 if element.tag == "h1" else 0.0)
            if best is None or score > best[0]:
                best = (score, agreement, text, element)
    if best and (best[1] > 0.5 or _lone_headline(tree, best[3], site_folded)):
        return best[2], best[3]
    for reference in references:
        stripped = strip_site_name(reference, site)
        # With a headline-like element on the page, a short leftover is a site or page name.
        if best and len(stripped.split()) < 5:
            continue
        if len(stripped) >= MIN_CHARS and not _site_like(stripped, site_folded or ""):
            return stripped, None
    return (best[2], best[3]) if best else (None, None)
