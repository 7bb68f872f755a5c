"""Bylines: who wrote the article, and which outlet it was taken from.

Vietnamese portals sign articles in the text itself, at the end ("BẢO TOÀN", "Tin, ảnh: P.Y",
"Tác giả: Trung Văn - Trung tâm TTVH") or at the top ("HẢI NAM"), and mark republished stories
with "Theo Báo Nam Định". The byline lines are taken out of the text; a "Theo ..." line is a
source attribution, never an author; the site's own name is never an author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .text import fold, one_line

LABELLED = re.compile(
    r"\(?\s*(?:tác giả|tin|bài|ảnh|tin và ảnh|tin, ảnh|tin - ảnh|tin/ảnh|bài và ảnh|bài, ảnh|bài/ảnh|bài - ảnh|"
    r"nhóm (?:pv|phóng viên)|pv|phóng viên|ctv|người viết|thực hiện|nhóm thực hiện|biên tập)\s*[:：]\s*"
    r"(?P<name>[^:]{1,80}?)\s*\)?[.,;]?",
    re.IGNORECASE,
)
ATTRIBUTION = re.compile(r"\(?\s*(?:theo|nguồn)\s*:?\s*(?P<origin>[^\s,.;:].{1,70}?)\s*\)?[.,;/]*", re.IGNORECASE)
ORIGIN_START = re.compile(r"(?:báo|tạp chí|cổng|trang|ttxvn|vov|vtv|vnexpress|nhân dân|quân đội|tuổi trẻ|thanh niên|[A-ZĐ]{2,})", re.IGNORECASE)
UPPER_NAME = re.compile(r"[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ.\- ]{1,38}[A-ZĐÀ-Ỹ.]")
NAME_WORD = re.compile(r"[A-ZĐÀ-Ỹ][\wÀ-ỹ.\-]*")
AUTHOR_XPATHS: list[str] = [
    "//*[@itemprop='author']",
    "//*[" + " or ".join(
        f"contains(translate(concat(@class,' ',@id),'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz'),'{t}')"
        for t in ("author", "tacgia", "tac-gia", "byline", "writer", "nguoiviet")
    ) + "]",
]
META_AUTHOR = "//meta[@name='author' or @property='article:author' or @name='dc.creator']/@content"


@dataclass
class Byline:
    author: str | None = None
    attribution: str | None = None


def _is_name(text: str, bold: bool = False) -> bool:
    """A short signature line: "BẢO TOÀN", or in bold "P.Y" / "Trung Văn"."""
    if any(ch.isdigit() for ch in text) or len(text) > 40 or text.endswith((".", "!", "?", ":")) and not text.endswith(".Y"):
        return bool(bold and re.fullmatch(r"[A-ZĐ](\.[A-ZĐ])+\.?", text))
    if UPPER_NAME.fullmatch(text) and len(text.split()) <= 5:
        return True
    words = text.split()
    return bold and 1 <= len(words) <= 5 and all(NAME_WORD.fullmatch(w) for w in words)


def _attribution(line: str) -> str | None:
    match = ATTRIBUTION.fullmatch(line)
    if match and len(line) <= 80 and ORIGIN_START.match(match["origin"]):
        return match["origin"].strip(" ,.;")
    return None


def take_bylines(lines: list[tuple[str, bool]], site: str | None) -> tuple[list[tuple[str, bool]], Byline]:
    """Find bylines among the first and last lines of the text; return the text without them."""
    byline = Byline()
    site_folded = fold(site) if site else None

    def claim(text: str, bold: bool) -> bool:
        if (labelled := LABELLED.fullmatch(text)) and not byline.author:
            name = labelled["name"].strip(" ,.;")
            if not site_folded or fold(name) != site_folded:
                byline.author = name
            return True
        if (origin := _attribution(text)) and not byline.attribution:
            byline.attribution = origin
            return True
        if _is_name(text, bold) and not byline.author:
            byline.author = text
            return True
        return False

    kept = list(lines)
    # From the end: a byline closes the article; what follows it is page furniture.
    for index in range(len(kept) - 1, max(len(kept) - 4, 0) - 1, -1):
        if claim(*kept[index]):
            del kept[index:]
    # At the top: a signature before the lead.
    while kept and len(kept) > 1 and (_is_name(*kept[0]) or LABELLED.fullmatch(kept[0][0])) and claim(*kept[0]):
        del kept[0]
    return kept, byline


def author_from_markup(tree: etree._Element, hints: tuple[str, ...], site: str | None) -> str | None:
    """An author element the page marks up, or meta author, unless it is the site's name."""
    site_folded = fold(site) if site else None
    for xpath in (*hints, *AUTHOR_XPATHS):
        for element in tree.xpath(xpath):
            text = one_line("".join(element.itertext()) if isinstance(element, etree._Element) else str(element))
            if labelled := LABELLED.fullmatch(text):
                text = labelled["name"].strip(" ,.;")
            if 2 <= len(text) <= 60 and not any(ch.isdigit() for ch in text) and (not site_folded or fold(text) != site_folded):
                return text
    for value in tree.xpath(META_AUTHOR):
        text = one_line(value)
        if 2 <= len(text) <= 60 and (not site_folded or fold(text) not in site_folded) and not ORIGIN_START.match(text):
            return text
    return None


DATE_WORDS = re.compile(r"(thu|chu nhat|ngay|cap nhat|dang|gio|luc|sang|chieu|toi|trua)\b")


def author_before_date(line: str) -> str | None:
    """The name some papers print in front of the time ("HOÀNG SA 06:59, 02/02/2024")."""
    first_digit = next((i for i, ch in enumerate(line) if ch.isdigit()), 0)
    prefix = line[:first_digit].strip(" |-–,:")
    if not prefix or DATE_WORDS.match(fold(prefix)) or len(prefix.split()) > 5:
        return None
    return prefix if UPPER_NAME.fullmatch(prefix) else None
