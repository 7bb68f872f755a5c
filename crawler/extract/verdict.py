"""Is this page an article? One answer, with its reason, for the crawl and the ``extract`` command.

A portal crawled by structure alone sends every candidate here, so the page itself must say
what it is. An article has a headline, a date and a body: a short news item of two sentences
is one (``MIN_BODY_CHARS``), however short. Pages that carry those and still are no story
(listings, contact pages, document lists, search results, galleries) are told by what they
show, tested first as ordered rules: ``PAGE_KINDS`` by their own headline, then by structure.

Independent of how the article was extracted: it reads the ``Article``'s title, text and date,
and what the page itself shows (``PageFacts``), read from its tree before extraction prunes it, so
that one parse serves both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .markup import carries, with_marks
from .text import element_text, fold

MIN_BODY_CHARS = 120  # a couple of sentences
LISTINGS = {"listing", "section listing", "tag listing"}  # verdicts of pages whose links lead to stories
# (reason, folded headline or <title> of pages that are never stories), in order.
PAGE_KINDS: list[tuple[str, re.Pattern]] = [
    (reason, re.compile(pattern))
    for reason, pattern in [
        ("contact page", r"(thong tin )?lien he( voi chung toi)?|contact( us)?|dia chi lien he"),
        ("search results", r"ket qua tim kiem.*|tim kiem|search( results)?"),
        ("document list", r"(he thong |danh sach |co so du lieu )?van ban( phap quy| chi dao( dieu hanh)?| moi| quy pham phap luat)?"
                          r"|tai lieu|cong bao"),
        ("gallery", r"(thu vien )?(anh|hinh anh|video|media)|thu vien( anh| hinh anh| video| media)?|album( anh)?|(photo|video) gallery"),
        ("about page", r"gioi thieu( chung)?|so do (site|cong thong tin)|co cau to chuc"),
        ("tag listing", r"(tu khoa|tags?|the|chu de)\s*:.*"),
    ]
]
# Column headings of a table of legal documents ("Số ký hiệu", "Ngày ban hành", "Trích yếu" ...).
DOCUMENT_COLUMNS = re.compile(r"so (ky )?hieu|ngay ban hanh|trich yeu|co quan ban hanh|loai van ban|tai ve|ngay hieu luc")
CONTACT_LINES = re.compile(r"^(dia chi|dien thoai|fax|email|e-mail|hotline|so dien thoai)\s*:", re.MULTILINE)
LISTING_MIN_LINKED = 1  # text paragraphs that open with a headline linked elsewhere on the page ...
LISTING_SHARE = 0.4  # ... and this share of the paragraphs: the text is a list of stories
HEADLINE_LINK_WORDS = 5
GALLERY_BOX = re.compile(r"gallery|album|lightbox|thu-?vien-?anh|slide")
GALLERY_MIN_IMAGES = 6
GALLERY_MAX_CHARS = 300
TITLE_PARTS = re.compile(r"\s+[-|–—»>:]\s+|\s*\|\s*")


def _headline_links(anchors: frozenset[str], title: str | None) -> set[str]:
    """The page's headline-sized link texts, but the page's own headline (linked from a "Tin mới" box
    or a breadcrumb on the article itself)."""
    return {text for text in anchors if len(text.split()) >= HEADLINE_LINK_WORDS} - {fold(title or "")}


def _document_table(tree: etree._Element) -> bool:
    for table in tree.iter("table"):
        header = " ".join(fold(element_text(cell)) for cell in table.xpath(".//th | .//tr[1]/td"))
        if len(set(DOCUMENT_COLUMNS.findall(header))) >= 2 and len(table.xpath(".//tr")) >= 3:
            return True
    return False


def _gallery(tree: etree._Element) -> bool:
    for box in with_marks(tree):
        if carries(box, GALLERY_BOX) and len(box.xpath(".//img")) >= GALLERY_MIN_IMAGES:
            return True
    return False


SECTION_NAME_WORDS = 6


def _section_name(article, anchors: frozenset[str]) -> bool:
    """The headline is a menu's word for a section ("Văn hóa - Xã hội", "Xây dựng Đảng"): the page is
    that section's listing, however few items it shows."""
    title = fold(article.title or "").strip()
    return bool(title) and len(title.split()) <= SECTION_NAME_WORDS and title in anchors


@dataclass(frozen=True)
class PageFacts:
    """What the verdict reads of the page as published: its headings, its links' words, its tables
    of documents and its galleries."""

    headings: tuple[str, ...]  # the first <h1>'s text, then each part of the <title>
    anchors: frozenset[str]  # every link's words, folded once
    document_table: bool
    gallery: bool

    @classmethod
    def read(cls, tree: etree._Element) -> PageFacts:
        """The facts of an unpruned tree: call before extraction takes the tree apart."""
        headings = [element_text(h) for h in tree.xpath("//h1")[:1]]
        for title in tree.xpath("//title")[:1]:
            headings += TITLE_PARTS.split(element_text(title))
        return cls(
            tuple(headings), frozenset(fold(element_text(a)).strip() for a in tree.iter("a")), _document_table(tree), _gallery(tree)
        )


def _page_kind(article, facts: PageFacts) -> str | None:
    """The kind of page its headline, its <title> (each part of it, the site's name apart) or its <h1> names."""
    for heading in (article.title or "", *facts.headings):
        folded = fold(heading).strip(" :|-.")
        for reason, pattern in PAGE_KINDS:
            if folded and pattern.fullmatch(folded):
                return reason
    return None


def not_an_article(article, page: PageFacts | etree._Element, min_body_chars: int = MIN_BODY_CHARS) -> str | None:
    """Why the page is not an article ('listing', 'contact page', 'no date' ...), or None when it is one.

    ``article`` is what extraction made of the page (title, text, published), ``page`` the page's
    facts, or the page itself as parsed (a tree extraction has not pruned).
    """
    facts = page if isinstance(page, PageFacts) else PageFacts.read(page)
    if kind := _page_kind(article, facts):
        return kind
    if _section_name(article, facts.anchors):
        return "section listing"
    if facts.document_table:
        return "document list"
    paragraphs = [fold(line) for line in article.text.splitlines() if line.strip()]
    sentences = [p for p in paragraphs if len(p.split()) >= HEADLINE_LINK_WORDS]  # not date lines, not captions
    links = _headline_links(facts.anchors, article.title)
    # A listing's text is its items: each opens with a story's headline, often with its date and summary after.
    linked = sum(1 for p in sentences if any(p.startswith(link) for link in links))
    if linked >= LISTING_MIN_LINKED and linked >= LISTING_SHARE * len(sentences):
        return "listing"
    if len(CONTACT_LINES.findall("\n".join(paragraphs))) >= 2 and len(article.text) < 4 * min_body_chars:
        return "contact page"
    if len(article.text) < GALLERY_MAX_CHARS and facts.gallery:
        return "gallery"
    if not article.title:
        return "no headline"
    if not article.published:
        return "no date"
    if len(article.text) < min_body_chars:
        return "too little text"
    return None
