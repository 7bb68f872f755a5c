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

from .markup import marked, marks, with_marks
from .text import fold, one_line

LABELLED = re.compile(
    r"\(?\s*(?:tác giả|tin|bài|ảnh|tin và ảnh|tin, ảnh|tin - ảnh|tin/ảnh|bài và ảnh|bài, ảnh|bài/ảnh|bài - ảnh|"
    r"nhóm (?:pv|phóng viên)|pv|phóng viên|ctv|người viết|thực hiện|nhóm thực hiện|biên tập)\s*[:：]\s*"
    r"(?P<name>[^:]{1,80}?)\s*\)?[.,;]?",
    re.IGNORECASE,
)
ATTRIBUTION = re.compile(r"\(?\s*(?:theo|nguồn(?: tin| bài)?)\s*:?\s*(?P<origin>[^\s,.;:].{1,70}?)\s*\)?[.,;/]*", re.IGNORECASE)
# How an outlet's name starts: "Theo Báo Nam Định", "Nguồn: TTXVN".
ORIGIN_START = re.compile(
    r"(?:báo|tạp chí|cổng|trang (?:thông tin|tin)|đài|thông tấn|ttxvn|vov|vtv|vnexpress|nhân dân|quân đội nhân dân|tuổi trẻ|thanh niên)\b",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"[A-ZĐ]{2,}\b")
UPPER_NAME = re.compile(r"[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ.\- ]{1,38}[A-ZĐÀ-Ỹ.]")
INITIALS = re.compile(r"[A-ZĐ](\.[A-ZĐ])+\.?")  # "P.Y"
NAME_WORD = re.compile(r"[A-ZĐÀ-Ỹ][\wÀ-ỹ.\-]*")
AUTHOR_MARK = marks("author", "tacgia", "tac-gia", "byline", "writer", "nguoiviet")
# What follows a name after " - " when it is the writer's unit, not part of the name.
AFFILIATION = re.compile(
    r"(trung tâm|ttvh|tt ?vh|ban |báo |đài |phòng |văn phòng|huyện ủy|thành ủy|tỉnh ủy|đảng ủy|ubnd|ủy ban|trường|học viện|"
    r"hội |sở |cổng|phóng viên|pv|ctv|cộng tác viên|thông tấn|ttxvn)",
    re.IGNORECASE,
)
HONORIFIC = re.compile(r"^(?:(?:gs|pgs|ts|ths|ncs|bs|ks|ls)\.\s*)+", re.IGNORECASE)
USERNAME = re.compile(r"[a-z0-9_.-]+")
META_AUTHOR = "//meta[@name='author' or @property='article:author' or @name='dc.creator']/@content"


@dataclass
class Byline:
    author: str | None = None
    attribution: str | None = None


def person(text: str) -> str:
    """The name alone: no academic title in front, no unit after a dash ("Lò Hương - Trung tâm TTVH")."""
    text = HONORIFIC.sub("", text.strip(" ,.;")).strip()
    for dash in (" - ", " – ", " — "):
        name, _, rest = text.partition(dash)
        if rest and AFFILIATION.match(rest.strip()):
            return name.strip()
    return text


def _is_name(text: str, bold: bool = False) -> bool:
    """A short signature line: "BẢO TOÀN", or in bold "P.Y" / "Trung Văn"."""
    if len(text) > 40 or any(ch.isdigit() for ch in text):
        return False
    if bold and INITIALS.fullmatch(text):
        return True
    words = text.split()
    if text.endswith((".", "!", "?", ":")) or len(words) > 5:
        return False
    return bool(UPPER_NAME.fullmatch(text)) or (bold and all(NAME_WORD.fullmatch(w) for w in words))


def _attribution(line: str) -> str | None:
    match = ATTRIBUTION.fullmatch(line)
    if match and len(line) <= 80 and (ORIGIN_START.match(match["origin"]) or ACRONYM.match(match["origin"])):
        return match["origin"].strip(" ,.;")
    return None


def take_bylines(lines: list[tuple[str, bool]], site: str | None) -> tuple[list[tuple[str, bool]], Byline]:
    """Find bylines among the first and last lines of the text; return the text without them."""
    byline = Byline()
    site_folded = fold(site) if site else None

    def claim(text: str, bold: bool) -> bool:
        if (labelled := LABELLED.fullmatch(text)) and not byline.author:
            name = person(labelled["name"])
            if not site_folded or fold(name) != site_folded:
                byline.author = name
            return True
        if (origin := _attribution(text)) and not byline.attribution:
            byline.attribution = origin
            return True
        if not byline.author and (_is_name(text, bold) or _is_name(person(text), bold)):
            byline.author = person(text)
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


def _first_line(element: etree._Element) -> str:
    """The element's first line of text: a name often sits above the writer's unit, after a <br>."""
    parts: list[str] = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag in {"br", "div", "p", "em", "i", "small"} else "")
        parts.append("".join(child.itertext()) if child.tag != "br" else "")
        parts.append(child.tail or "")
    return next((one_line(line) for line in "".join(parts).splitlines() if one_line(line)), "")


def _acceptable(text: str, site_folded: str | None) -> bool:
    return (
        2 <= len(text) <= 60
        and not any(ch.isdigit() for ch in text)
        and not USERNAME.fullmatch(text)
        and not ORIGIN_START.match(text)
        and (not site_folded or fold(text) not in site_folded)
    )


def author_from_markup(tree: etree._Element, hints: tuple[str, ...], site: str | None) -> str | None:
    """An author element the page marks up, or meta author; never a login name or the site's name."""
    site_folded = fold(site) if site else None
    candidates = [tree.xpath(xpath) for xpath in hints]
    candidates += [tree.xpath("//*[@itemprop='author']"), marked(with_marks(tree), AUTHOR_MARK)]
    for found in candidates:
        for element in found:
            text = _first_line(element) if isinstance(element, etree._Element) else one_line(str(element))
            if labelled := LABELLED.fullmatch(text):
                text = labelled["name"]
            text = person(text.removeprefix("bởi ").removeprefix("Bởi "))
            if _acceptable(text, site_folded):
                return text
    for value in tree.xpath(META_AUTHOR):
        text = person(one_line(value))
        if _acceptable(text, site_folded):
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
