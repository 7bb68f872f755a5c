"""A listing page read by its structure: the repeated item blocks and the pager, whatever the URLs look like.

A section's listing is a run of sibling blocks of one shape (same tag and class under one
parent), each holding one headline link and often a date, a thumbnail or a summary. That holds
on every CMS, where URL shapes do not (a Liferay ``/-/view_content/<slug>`` has no digits), so
a portal never seen is read this way, and URL shape stays extra evidence. Menus have short
anchors; footers, sidebars, link boxes, "Đọc nhiều" and "Tin mới" boxes are known by their
markup or heading (``crawler.extract.furniture``); each rule below is data, tested in order.

Pagination is read the same way: numbered and "Trang sau" links in a pager, and the URL forms
of the CMSs (``?page=2``, ``?cur=2``, Liferay's ``_..._cur=2``, DNN's ``/Page/2``, ``/trang-2``).
A pager that only posts the page back (``javascript:__doPostBack``) cannot be followed by URL:
it is reported, not followed.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from crawler.extract.furniture import BLOCK_MARK, heading_kind
from crawler.extract.markup import carries
from crawler.extract.text import element_text, fold, one_line
from crawler.discovery.links import DATE_IN_TEXT, NEVER_ARTICLE, PAGINATION_TEXT, Link, anchor_text, canonicalize, site_url
from crawler.sources.registry import Source

MIN_ITEMS = 2
MAX_ITEM_LINKS = 4  # distinct URLs in one item block (thumbnail, headline, "xem thêm", a category) ...
HEADLINE_WORDS = 4  # ... of which one only has a headline's words: a block with more is a box of links
SUMMARY_CHARS = 60  # text beside the links that makes a summary
# Containers that are never the section's listing, by tag or by a token of their class or id
# (beside furniture.BLOCK_MARK's related lists, link boxes, most-read and latest-news boxes).
FURNITURE_TAGS = {"nav", "aside", "footer", "header"}
MENU_MARK = re.compile(r"menu|navbar|\bnav\b|nav-|top-?bar|footer|sitemap")
# A group of sibling blocks is the listing when one of these holds: (why, test on its features).
# Features: items, median headline words, share of items with a date / thumbnail / summary.
LISTING_RULES: list[tuple[str, Callable[[dict], bool]]] = [
    ("headlines", lambda f: f["words"] >= 6),
    ("dated or illustrated items", lambda f: f["words"] >= 3 and max(f["dated"], f["thumbs"], f["summaries"]) >= 0.5),
]
# Pager styles, in order: (style, URL pattern). The page number is the pattern's group 1.
PAGER_URLS: list[tuple[str, re.Pattern]] = [
    (style, re.compile(pattern, re.IGNORECASE))
    for style, pattern in [
        ("liferay", r"_cur=(\d+)"),
        ("query", r"[?&](?:page|p|trang|pageindex|pagenum|cur|pg|start|limitstart)=(\d+)"),
        ("path", r"/(?:trang|page|p)[-/]?(\d+)(?:\.html?|\.aspx)?/?$"),
    ]
]
POSTBACK = re.compile(r"^\s*javascript:\s*__doPostBack", re.IGNORECASE)
NEXT_TEXT = re.compile(r"(trang sau|trang tiep|ke tiep|tiep theo|tiep|sau|next|>>?|»|›)( ?(>>?|»|›))?")


@dataclass
class Listing:
    items: list[Link] = field(default_factory=list)  # headline links of the item blocks, in page order
    item_xpath: str | None = None  # the largest group's items, as an XPath
    pages: list[Link] = field(default_factory=list)  # pagination links
    pager: str | None = None  # liferay, query, path, text, or postback
    postback: bool = False  # a pager that only posts back: not followed


def _step(element: etree._Element) -> str:
    if element.get("id") and not re.search(r"\d", element.get("id")):
        return f"{element.tag}[@id='{element.get('id')}']"
    if element.get("class"):
        return f"{element.tag}[@class='{element.get('class')}']"
    return element.tag


def item_xpath(parent: etree._Element, member: etree._Element) -> str:
    """``//div[@class='list']/div[@class='item']``: from the nearest ancestor that names itself."""
    steps, element = [_step(member)], parent
    while element is not None and len(steps) < 4:
        steps.insert(0, _step(element))
        if "@" in steps[0]:
            break
        element = element.getparent()
    return "//" + "/".join(steps)


def _furniture(parent: etree._Element) -> bool:
    """The group's container, or a container above it, is a menu, a footer or a furniture box."""
    for level, element in enumerate([parent, *parent.iterancestors()]):
        if element.tag in ("body", "html"):
            return False
        if element.tag in FURNITURE_TAGS:
            return True
        if carries(element, MENU_MARK) or carries(element, BLOCK_MARK):
            return True
        if level < 2:  # a box's heading precedes its list, or opens it
            near = [s for _, s in zip(range(2), element.itersiblings(preceding=True))]
            if level == 0 and len(element):
                near.append(element[0])
            if any(isinstance(e.tag, str) and heading_kind(e) for e in near):
                return True
    return False


def _headline(member: etree._Element, source: Source) -> tuple[Link | None, int]:
    """The block's headline link (its longest anchor) and the number of distinct URLs it links (too
    many when two of them carry headlines)."""
    anchors = [member] if member.tag == "a" else list(member.iter("a"))
    best, urls, headlines = None, set(), set()
    for anchor in anchors:
        if (url := site_url(anchor, source)) is None:
            continue
        urls.add(url)
        text = anchor_text(anchor)
        if len(text.split()) >= HEADLINE_WORDS:
            headlines.add(url)
        if best is None or len(text) > len(best.text):
            best = Link(url, text)
    return best, len(urls) if len(headlines) <= 1 else MAX_ITEM_LINKS + 1


def _group(members: list, source: Source) -> tuple[list[Link], dict] | None:
    links, dated, thumbs, summaries = [], 0, 0, 0
    for member in members:
        headline, count = _headline(member, source)
        if headline is None:
            continue
        if count > MAX_ITEM_LINKS:
            return None
        text = element_text(member)
        date = DATE_IN_TEXT.search(text)
        anchors = sum(len(one_line(a.text_content())) for a in ([member] if member.tag == "a" else member.iter("a")))
        dated += bool(date)
        thumbs += bool(member.xpath(".//a//img | .//img[normalize-space(@alt)]"))  # not a bullet
        summaries += len(text) - anchors - (len(date.group(0)) if date else 0) >= SUMMARY_CHARS
        links.append(Link(headline.url, headline.text, date.group(0) if date else None, headline.text))
    if len(links) < MIN_ITEMS:
        return None
    n = len(links)
    features = {"items": n, "words": statistics.median(len(link.text.split()) for link in links),
                "dated": dated / n, "thumbs": thumbs / n, "summaries": summaries / n}
    return links, features


def item_groups(root: etree._Element, source: Source) -> list[tuple[str, list[Link]]]:
    """Every group of sibling item blocks that a rule takes for a listing, as (XPath, headline links)."""
    found = []
    for parent in root.iter():
        if not isinstance(parent.tag, str) or len(parent) < MIN_ITEMS:
            continue
        shapes = defaultdict(list)
        for child in parent:
            if isinstance(child.tag, str):
                shapes[(child.tag, child.get("class", ""))].append(child)
        for (_, mark), members in shapes.items():
            if len(members) < MIN_ITEMS or MENU_MARK.search(mark.lower()):
                continue
            group = _group(members, source)
            if group is None or not any(test(group[1]) for _, test in LISTING_RULES) or _furniture(parent):
                continue
            found.append((item_xpath(parent, members[0]), group[0]))
    return found


def pager_style(url: str) -> str | None:
    return next((style for style, pattern in PAGER_URLS if pattern.search(url)), None)


def _pages(root: etree._Element, source: Source) -> tuple[list[Link], str | None, bool]:
    """Pagination links, the pager's style, and whether a pager posts back instead."""
    pagers = defaultdict(list)
    postback = False
    for anchor in root.iter("a"):
        text = fold(anchor.text_content() or "").strip()
        href = (anchor.get("href") or "").strip()
        if not (PAGINATION_TEXT.fullmatch(text) or NEXT_TEXT.fullmatch(text)):
            continue
        if POSTBACK.match(href) and text:
            postback = True
            continue
        if not href.startswith(("http://", "https://")) or not source.on_domain(href):
            continue
        pagers[anchor.getparent()].append(Link(canonicalize(href), one_line(anchor.text_content())))
    pages: dict[str, Link] = {}
    for container, links in pagers.items():
        by_url = [link for link in links if pager_style(link.url)]
        if len(links) >= 2 and not _furniture(container) or by_url:
            for link in links if len(links) >= 2 else by_url:
                pages.setdefault(link.url, link)
    styles = [pager_style(url) for url in pages]
    style = next((s for s in styles if s), "text" if pages else ("postback" if postback else None))
    return list(pages.values()), style, postback and not pages


def read_listing(root: etree._Element, base_url: str, source: Source) -> Listing:
    """The page's item blocks and pager; links made absolute against ``base_url``."""
    root.make_links_absolute(base_url, resolve_base_href=True)
    groups = item_groups(root, source)
    items: dict[str, Link] = {}
    for _, links in groups:
        for link in links:
            parts = urlsplit(link.url)
            target = parts.path + ("?" + parts.query if parts.query else "")
            if parts.path not in {"", "/"} and not NEVER_ARTICLE.search(target) and not pager_style(link.url):
                items.setdefault(link.url, link)
    pages, pager, postback = _pages(root, source)
    largest = max(groups, key=lambda group: len(group[1]), default=(None, []))[0]
    return Listing(list(items.values()), largest, [p for p in pages if p.url not in items], pager, postback)
