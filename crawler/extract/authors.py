"""Bylines: who wrote the article, and which outlet it was taken from.

Vietnamese portals sign articles in the text itself, at the end ("BẢO TOÀN", "Tin, ảnh: P.Y",
"Tác giả: Trung Văn - Trung tâm TTVH", "Hà Thu (tổng hợp)") or at the top ("HẢI NAM", "NHẬT XUÂN
và 1 tác giả khác"), and mark republished stories with "Theo Báo Nam Định". Every byline line is
taken out of the text; the author is every person it names, in printed order, joined by ", "; a
"Theo ..." line is a source attribution, never an author; the site's own name, a URL or an
outlet is never an author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
# "Theo Thu Hà | Báo Bắc Giang": the writer and the outlet a story was taken from, in one line.
WRITER_AND_OUTLET = re.compile(r"\(?\s*theo\s+(?P<name>[^|–—()]{2,40}?)\s*(?:\||–|—| - |\()\s*(?P<origin>[^|()]{2,60}?)\s*\)?[.,;]?", re.IGNORECASE)
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
# "(tổng hợp)" after a closing name: the writer compiled the piece; the name is still the author.
CLOSING_NOTE = re.compile(r"\s*[(\[](?:tổng hợp|th|lược dịch|biên dịch|dịch|tổng hợp và biên dịch)[)\]]\.?$", re.IGNORECASE)
# "NHẬT XUÂN và 1 tác giả khác": a byline widget that names only the first of several authors.
MORE_AUTHORS = re.compile(r"\s+(?:và|\+)\s*\d+\s+(?:tác giả|người) khác$", re.IGNORECASE)
PEOPLE_SEPARATOR = re.compile(r"\s+(?:-|–|—|và|&)\s+|\s*[,;]\s+")
HONORIFIC = re.compile(r"^(?:(?:gs|pgs|ts|ths|ncs|bs|ks|ls)\.\s*)+", re.IGNORECASE)
USERNAME = re.compile(r"[a-z0-9_.-]+")
META_AUTHOR = "//meta[@name='author' or @property='article:author' or @name='dc.creator']/@content"


@dataclass
class Byline:
    people: list[str] = field(default_factory=list)  # every person named, in printed order
    attribution: str | None = None
    source: str | None = None  # where the author was read: byline-end or byline-top

    @property
    def author(self) -> str | None:
        return ", ".join(self.people) or None


def person(text: str) -> str:
    """The name alone: no academic title in front, no unit after a dash ("Lò Hương - Trung tâm TTVH")."""
    text = HONORIFIC.sub("", text.strip(" ,.;")).strip()
    for dash in (" - ", " – ", " — "):
        name, _, rest = text.partition(dash)
        if rest and AFFILIATION.match(rest.strip()):
            return name.strip()
    return text


def _capitalised_name(text: str) -> bool:
    """"Hà Thu", "H'Ngân Niê": every word capitalised, as Vietnamese names are and sentences are not."""
    words = text.split()
    return 2 <= len(words) <= 5 and len(text) <= 40 and all(NAME_WORD.fullmatch(w) for w in words)


def people(text: str) -> list[str]:
    """The people a byline names, in printed order: "NHẬT XUÂN - NGHI VŨ" is two, "Lò Hương - Trung
    tâm TTVH" one (a unit after the dash), "Hà Thu (tổng hợp)" one."""
    text = MORE_AUTHORS.sub("", CLOSING_NOTE.sub("", text)).strip()
    whole = person(text)
    parts = [HONORIFIC.sub("", p).strip(" ,.;") for p in PEOPLE_SEPARATOR.split(whole)]
    if len(parts) > 1 and all(UPPER_NAME.fullmatch(p) or INITIALS.fullmatch(p) or _capitalised_name(p) for p in parts):
        return parts
    return [whole] if whole else []


def _is_name(text: str, bold: bool = False) -> bool:
    """A short signature line: "BẢO TOÀN", or in bold "P.Y" / "Trung Văn"."""
    if len(text) > 40 or any(map(str.isdigit, text)):
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


def _signature(text: str, bold: bool, closing: bool) -> bool:
    """A line that is only a name (or names): "BẢO TOÀN", in bold "P.Y", "NHẬT XUÂN - NGHI VŨ",
    "Hà Thu (tổng hợp)", "NHẬT XUÂN và 1 tác giả khác"; a plain "Anh Dũng" only as the closing line."""
    noted = bool(CLOSING_NOTE.search(text) or MORE_AUTHORS.search(text))
    bare = MORE_AUTHORS.sub("", CLOSING_NOTE.sub("", text)).strip()
    names = people(bare)
    if not names or any(map(str.isdigit, bare)):
        return False
    if _is_name(bare, bold) or _is_name(person(bare), bold):
        return True
    return len(names) > 1 and len(bare) <= 60 or ((noted or closing) and all(_capitalised_name(n) for n in names))


def byline_after(container: etree._Element | None) -> list[str]:
    """A signature printed in a block of its own right after the article's text block
    (``<div class="t1"><span class="t2">Mai Thông</span></div>``), which text extraction leaves out."""
    if container is None:
        return []
    for sibling in container.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        text = one_line("".join(sibling.itertext()))
        if text:
            signed = len(text) <= 60 and not _attribution(text) and _signature(text, False, closing=True)
            return people(text) if signed else []
    return []


def merge_authors(current: list[str], found: list[str]) -> list[str]:
    """The fuller of two readings of one byline: "NHẬT XUÂN" (and 1 more) gives way to "NHẬT XUÂN, NGHI VŨ"."""
    if not current:
        return found
    if len(found) > len(current) and [fold(n) for n in found[: len(current)]] == [fold(n) for n in current]:
        return found
    return current


def take_bylines(lines: list[tuple[str, bool]], site: str | None) -> tuple[list[tuple[str, bool]], Byline]:
    """Find bylines among the first and last lines of the text; return the text without them."""
    byline = Byline()
    site_folded = fold(site) if site else None
    authors: list[str] = []

    def claim(text: str, bold: bool, where: str, last: bool = False) -> bool:
        nonlocal authors
        if labelled := LABELLED.fullmatch(text):
            names = [n for n in people(labelled["name"]) if not site_folded or fold(n) != site_folded]
        elif (sourced := WRITER_AND_OUTLET.fullmatch(text)) and ORIGIN_START.match(sourced["origin"]):
            names = people(sourced["name"])
            byline.attribution = byline.attribution or sourced["origin"]
        elif (origin := _attribution(text)) and not byline.attribution:
            byline.attribution = origin
            return True
        elif _signature(text, bold, closing=last and not authors):
            names = people(text)
        else:
            return False
        merged = merge_authors(authors, names)
        if merged and merged is not authors:
            authors, byline.source = merged, where
        return True

    kept = list(lines)
    # From the end: a byline closes the article; what follows it is page furniture.
    for index in range(len(kept) - 1, max(len(kept) - 4, 0) - 1, -1):
        if claim(*kept[index], "byline-end", last=index == len(kept) - 1 and index > 0):
            del kept[index:]
    # At the top: a signature before the lead.
    while kept and len(kept) > 1 and (_is_name(*kept[0]) or LABELLED.fullmatch(kept[0][0]) or MORE_AUTHORS.search(kept[0][0])):
        if not claim(*kept[0], "byline-top"):
            break
        del kept[0]
    byline.people = authors
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
        and "://" not in text
        and not text.lower().startswith("www.")
        and not any(map(str.isdigit, text))
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
