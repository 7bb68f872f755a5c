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

from .furniture import in_listed_furniture, is_furniture_line, precedes
from .markup import carries, marked, marks, with_marks
from .text import element_text, fold, one_line

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
# Where a page names its publisher: a meta author equal to one of these is the paper, not a person.
META_PUBLISHER = (
    "//meta[@name='copyright' or @name='publisher' or @name='dc.publisher' or @property='og:site_name' or @name='application-name'"
    " or @name='apple-mobile-web-app-title' or @name='twitter:site']/@content"
)
COPYRIGHT_WORDS = re.compile(r"(?:\b(?:copyright|ban quyen(?: thuoc)?|by|of|\d{4})\b|\(c\)|©)\s*", re.IGNORECASE)
# Author markup the class does not name: the text beside a person icon ("<i class='icon-user'></i>Văn Giáp"),
# taken only when it reads as a name (the same icon marks "Đăng nhập" links). The icon is looked for
# first, by a plain contains() that both its classes pass, then its parent: cheaper than asking every
# element about its children.
AUTHOR_XPATHS = (
    ("//*[contains(@class, '-user')][contains(concat(' ', normalize-space(@class), ' '), ' icon-user ') or contains(@class, 'fa-user')]"
     "[not(normalize-space())]/parent::*[normalize-space()]"),
)
# One credit naming the writer and the outlet or agency the story came from: "Văn Giáp/Bnews/vnanet.vn"
# (slash-joined, the outlet parts single words, acronyms or domains), "Tâm Hằng (TTXVN)", and the
# same glued together in metadata ("Tâm HằngTTXVN").
OUTLET_PART = re.compile(r"[\w+.-]+\.[a-z]{2,}|[A-ZĐ][A-ZĐ0-9+&.-]{1,}|[A-ZĐ][\w+]{1,15}")
SLASHED = re.compile(r"(?P<name>[^/()]{2,40}?)\s*/\s*(?P<origin>[^()]{2,60})")
PARENTHESISED = re.compile(r"(?P<name>[^()]{2,40}?)\s*\(\s*(?P<origin>[^()]{2,40}?)\s*\)\.?")
GLUED = re.compile(r"(?P<name>.{2,40}?[a-zà-ỹ])(?P<origin>[A-ZĐ]{3,}(?:/[\w+]+)*)")


@dataclass
class Byline:
    people: list[str] = field(default_factory=list)  # every person named, in printed order
    attribution: str | None = None
    source: str | None = None  # where the author was read: byline-end or byline-top

    @property
    def author(self) -> str | None:
        return ", ".join(self.people) or None


# A writer's role in brackets ("Hà Thu (CTV)"): not an outlet.
ROLE = re.compile(r"(?:pv|ctv|ptv|btv|phóng viên|cộng tác viên|th)", re.IGNORECASE)


def _outlet(origin: str) -> bool:
    """Whether a credit's tail names an outlet or agency ("TTXVN", "TTXVN/Vietnam+", "Bnews/vnanet.vn", "Báo Nam Định")."""
    parts = [p.strip() for p in origin.split("/")]
    if ROLE.fullmatch(origin.strip()):
        return False
    return bool(ORIGIN_START.match(origin)) or all(OUTLET_PART.fullmatch(p) for p in parts)


def split_credit(text: str) -> tuple[str, str | None]:
    """A credit's writer and the outlet it names, if any: "Văn Giáp/Bnews/vnanet.vn" -> ("Văn Giáp",
    "Bnews/vnanet.vn"), "Tâm Hằng (TTXVN)" -> ("Tâm Hằng", "TTXVN"); anything else unchanged."""
    text = one_line(text)
    for pattern in (SLASHED, PARENTHESISED, GLUED):
        match = pattern.fullmatch(text)
        if match and _outlet(match["origin"]) and not CLOSING_NOTE.search(text):
            name = match["name"].strip(" ,.;-")
            if _is_name(name) or _capitalised_name(name) or INITIALS.fullmatch(name):
                return name, match["origin"].strip(" ,.;")
    return text, None


# "Theo Phạm Trường" in an author field: "Theo" labels the credit, the person is what follows.
CREDIT_LABEL = re.compile(r"(?i:theo)\s+(?P<name>.+)")


def unlabelled(text: str) -> str:
    """An author field's name without a leading "Theo " when what follows reads as a name."""
    match = CREDIT_LABEL.fullmatch(text.strip())
    if match and (_capitalised_name(match["name"]) or UPPER_NAME.fullmatch(match["name"]) or INITIALS.fullmatch(match["name"])):
        return match["name"]
    return text


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


# "Nguồn tin: X" with its colon is a source line whatever X is; "Theo X" only when X reads as an outlet
# ("Theo báo cáo ..." opens sentences).
SOURCE_COLON = re.compile(r"\(?\s*nguồn(?: tin| bài)?\s*:", re.IGNORECASE)


def _attribution(line: str) -> str | None:
    match = ATTRIBUTION.fullmatch(line)
    if match and len(line) <= 80 and (
        ORIGIN_START.match(match["origin"]) or ACRONYM.match(match["origin"]) or SOURCE_COLON.match(line)
    ):
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
            if _source_marked(sibling) or any(_source_marked(e) for e in sibling.iterdescendants()):
                return []  # "Theo Tiền Phong" in a source box names an outlet, never a writer
            signed = len(text) <= 60 and not _attribution(text) and _signature(text, False, closing=True)
            return people(text) if signed else []
    return []


SOURCE_MARK = marks("source", "nguon-tin", "nguontin", "nguon-bai")
SOURCE_LABEL = re.compile(r"(?:theo|nguồn(?: tin| bài)?)\s*:?", re.IGNORECASE)
SOURCE_LINE = re.compile(r"\(?\s*(?:(?:theo|nguồn(?: tin| bài)?)\s*:?\s*)?(?P<origin>[^()]{2,60}?)\s*\)?[.,;]?", re.IGNORECASE)
CLOSING_TAGS = {"div", "p", "section"}


def _closing_candidates(container: etree._Element) -> list[etree._Element]:
    """The blocks that may close an article: the container's last two blocks with text and the first
    two after it (after the container and after its parent: "singular-content" + "singular-source")."""
    def texted(elements):
        return [e for e in elements if isinstance(e.tag, str) and e.xpath("normalize-space()")][:2]

    found = texted(reversed(container))
    for holder in (container, container.getparent()):
        if holder is not None:
            found += texted(holder.itersiblings())
    return found


def _outlet_line(block: etree._Element | None) -> str | None:
    """A line that only names an outlet, printed under a "Theo <strong>writer</strong>" line ("<em>VnEconomy</em>")."""
    text = element_text(block) if block is not None and isinstance(block.tag, str) else ""
    words = text.split()
    if 1 <= len(words) <= 4 and len(text) <= 40 and not any(ch.isdigit() for ch in text) and not text.endswith((".", "!", "?", ":")):
        return text if ORIGIN_START.match(text) or all(w[0].isupper() for w in words) else None
    return None


def _source_of(block: etree._Element) -> tuple[str, list[str], list[etree._Element]] | None:
    """What a closing source block names: "Theo <strong>X</strong>" (whatever X is: the block is shaped
    for it; followed by a line naming an outlet, X is the writer taken from that outlet), or a block
    marked as the source that holds only an outlet ("(TTXVN/Vietnam+)"). Returns the outlet, the
    writers and the blocks."""
    inner = block
    while len(inner) == 1 and not (inner.text or "").strip() and inner[0].tag in CLOSING_TAGS:
        inner = inner[0]
    text = element_text(inner)
    if len(text) > 80:
        return None
    children = [c for c in inner if isinstance(c.tag, str)]
    if (
        inner.tag in CLOSING_TAGS and len(children) == 1 and children[0].tag in {"strong", "b"}
        and SOURCE_LABEL.fullmatch(one_line(inner.text or "")) and not one_line(children[0].tail or "").strip(".")
        and (named := element_text(children[0]))
    ):
        following = next((s for s in block.itersiblings() if isinstance(s.tag, str) and s.xpath("normalize-space()")), None)
        if outlet := _outlet_line(following):
            return outlet, people(named), [block, following]
        return named, [], [block]
    if (
        any(carries(e, SOURCE_MARK) for e in (inner, *inner.iterdescendants()) if isinstance(e.tag, str))
        and not WRITER_AND_OUTLET.fullmatch(text)
        and not LABELLED.fullmatch(text)
        and (match := SOURCE_LINE.fullmatch(text))
        and (text.startswith("(") or _outlet(match["origin"]))
    ):
        return match["origin"].strip(" ,.;"), [], [block]
    return None


# Class words that mark an element as the story's source ("link-source-text-name", "content_source",
# "kbwcm-source", "nguon-tin"): a whole word between "-", "_" or spaces, so "resource" is not one.
SOURCE_WORD = re.compile(r"(?:^|[\s_-])(?:source|nguon|nguontin|nguon-tin|nguonbai|nguon-bai)(?=$|[\s_-])")
# A plain outlet name ("Tiền Phong", "Đời sống Pháp luật"): short, capitalised, no digits, no sentence.
OUTLET_NAME = re.compile(r"[A-ZĐÀ-Ỹ][\wÀ-ỹ.&+'-]*(?: [\wÀ-ỹ.&+'-]+){0,5}")


def _source_marked(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and (
        element.get("data-field") == "source" or bool(SOURCE_WORD.search(f"{element.get('class', '')} {element.get('id', '')}".lower()))
    )


def outlet_name(text: str) -> bool:
    """Whether ``text`` reads as an outlet's name: an acronym, a domain, "Báo X", or a few capitalised words."""
    return len(text) <= 50 and not any(ch.isdigit() for ch in text if not ("." in text and " " not in text)) and (
        _outlet(text) or bool(OUTLET_NAME.fullmatch(text))
    )


def _name_part(element: etree._Element) -> str:
    """The element's text without the buttons inside it ("Copy link", "Lấy link!")."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and not is_furniture_line(element_text(child)):
            parts.append(_name_part(child))
        parts.append(child.tail or "")
    return one_line("".join(parts))


@dataclass
class SourceBox:
    origin: str | None = None
    block: etree._Element | None = None  # the outermost source-marked block holding it: never text


def source_box(title: etree._Element | None, container: etree._Element | None) -> SourceBox:
    """An element the CMS marks as the story's source, anywhere in the article's region (the headline's
    and the text block's common ancestor), not only right after the text: ``<div class="link-source-wrapper">
    <a class="link-source-name">Theo <span class="link-source-text-name">Tiền Phong</span>...`` beside a
    "Link bài gốc" box. The innermost marked element names the outlet ("Theo X" gives X)."""
    if container is None:
        return SourceBox()
    line = set(container.iterancestors())
    column = next((a for a in (title.iterancestors() if title is not None else ()) if a in line), container.getparent())
    if column is None:
        return SourceBox()
    # The column, and what follows the headline outside it (a source block beside the column that holds the text).
    region = next((a for a in (column, *column.iterancestors()) if a.getparent() is None or a.getparent().tag in {"body", "html"}), column)
    for element in with_marks(region, below=True) + region.xpath(".//*[@data-field='source']"):
        if not _source_marked(element) or (column not in element.iterancestors() and title is not None and not precedes(title, element)):
            continue
        text = _name_part(element)
        innermost = not any(_source_marked(e) for e in element.iterdescendants())
        if len(text) > 80:
            continue
        if (both := WRITER_AND_OUTLET.fullmatch(text)) and outlet_name(both["origin"]):
            origin = both["origin"]  # "Theo Thu Hà | Báo Bắc Giang": the writer is read elsewhere
        else:
            match = SOURCE_LINE.fullmatch(text) if innermost and len(text) >= 2 else None
            origin = match["origin"].strip(" ,.;") if match else ""
        if not origin or not outlet_name(origin):
            continue
        outer = [e for e in (element, *element.iterancestors()) if region in e.iterancestors() and _source_marked(e)][-1]
        if not in_listed_furniture(outer.getparent(), {region, *region.iterancestors()}):
            return SourceBox(origin, outer if outer.tag in CLOSING_TAGS else None)
    return SourceBox()


@dataclass
class ClosingSource:
    origin: str | None = None
    writers: list[str] = field(default_factory=list)
    blocks: list[etree._Element] = field(default_factory=list)  # never text


def closing_source(container: etree._Element | None) -> ClosingSource:
    """A block of its own that closes the article naming where the story came from (``<div
    class="singular-source">Theo <strong>Newsweek</strong></div>``): the attribution, never an author
    nor text. A "Theo X," sentence of the body is not such a block."""
    if container is not None:
        for block in _closing_candidates(container):
            if found := _source_of(block):
                return ClosingSource(*found)
    return ClosingSource()


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
        elif (credited := split_credit(text))[1] and (names := people(credited[0])):
            byline.attribution = byline.attribution or credited[1]
        elif not CREDIT_LABEL.fullmatch(text) and _signature(text, bold, closing=last and not authors):  # "Theo X" names no writer
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
    while kept and len(kept) > 1 and (
        _is_name(*kept[0]) or LABELLED.fullmatch(kept[0][0]) or MORE_AUTHORS.search(kept[0][0]) or split_credit(kept[0][0])[1]
    ):
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


def publisher_names(tree: etree._Element) -> set[str]:
    """The paper's names as its metadata gives them (copyright, publisher, site name; "dantri.com.vn"
    also as "dantri"), folded and without spaces, so that "Dân Trí" meets "dantri.com.vn"."""
    names = set()
    for value in tree.xpath(META_PUBLISHER):
        folded = COPYRIGHT_WORDS.sub("", fold(value)).strip(" -|")
        for name in (folded, folded.split(".")[0] if "." in folded and " " not in folded else ""):
            if len(squeezed := name.replace(" ", "")) >= 3:
                names.add(squeezed)
    return names


def _acceptable(text: str, site_folded: str | None, publishers: set[str] = frozenset()) -> bool:
    return (
        2 <= len(text) <= 60
        and "://" not in text
        and not text.lower().startswith("www.")
        and not any(map(str.isdigit, text))
        and not USERNAME.fullmatch(text)
        and not ORIGIN_START.match(text)
        and (not site_folded or fold(text) not in site_folded)
        and fold(text).replace(" ", "") not in publishers
    )


def _named_part(element: etree._Element, whole: str) -> tuple[str, str | None] | None:
    """``<span itemprop="author"><span itemprop="name">Thế Duyệt</span>, Đời sống Pháp luật</span>``: the
    nested name is the writer; an outlet after a comma or dash is the attribution."""
    inner = element.xpath("descendant::*[@itemprop='name'][1]")
    name = element_text(inner[0]) if inner else ""
    if not name or not whole.startswith(name):
        return None
    rest = whole[len(name):].strip()
    if rest[:1] in {",", "-", "–", "|", "/"} and outlet_name(origin := rest.strip(" ,;-–|/")):
        return name, origin
    return name, None


@dataclass
class MarkedCredit:
    author: str | None = None
    attribution: str | None = None  # the outlet a credit names beside the writer ("Tâm Hằng (TTXVN)")


def author_from_markup(tree: etree._Element, hints: tuple[str, ...], site: str | None, publishers: set[str]) -> MarkedCredit:
    """An author element the page marks up, or meta author; never a login name or the site's name,
    nor a meta author that only repeats the publisher's name. An outlet credited beside the writer
    ("Văn Giáp/Bnews/vnanet.vn", "Tâm Hằng (TTXVN)") is kept apart as the attribution. ``publishers``
    are the page's ``publisher_names``."""
    site_folded = fold(site) if site else None
    candidates = [(tree.xpath(xpath), False) for xpath in hints]
    candidates += [(tree.xpath(xpath), True) for xpath in AUTHOR_XPATHS]
    candidates += [(tree.xpath("//*[@itemprop='author']"), False), (marked(with_marks(tree), AUTHOR_MARK), False)]
    agency = None  # "(TTXVN)" printed where the writer's name would be: an attribution, not a person
    for found, names_only in candidates:
        for element in found:
            whole = element_text(element) if isinstance(element, etree._Element) else one_line(str(element))
            nested = _named_part(element, whole) if isinstance(element, etree._Element) else None
            name, origin = nested or split_credit(whole)
            if not origin and whole.startswith("(") and (alone := SOURCE_LINE.fullmatch(whole)) and _outlet(alone["origin"]):
                agency = agency or alone["origin"]
                continue
            text = name if origin or nested else _first_line(element) if isinstance(element, etree._Element) else whole
            if labelled := LABELLED.fullmatch(text):
                text = labelled["name"]
            text = person(unlabelled(text.removeprefix("bởi ").removeprefix("Bởi ")))
            if names_only and not (_is_name(text) or _capitalised_name(text) or INITIALS.fullmatch(text)):
                continue
            if _acceptable(text, site_folded, publishers):
                return MarkedCredit(text, origin or agency)
    for value in tree.xpath(META_AUTHOR):
        name, origin = split_credit(value)
        text = person(unlabelled(name))
        if _acceptable(text, site_folded, publishers):
            return MarkedCredit(text, origin or agency)
    return MarkedCredit(None, agency)


DATE_WORDS = re.compile(r"(thu|chu nhat|ngay|cap nhat|dang|gio|luc|sang|chieu|toi|trua)\b")


def author_before_date(line: str) -> str | None:
    """The name some papers print in front of the time ("HOÀNG SA 06:59, 02/02/2024")."""
    first_digit = next((i for i, ch in enumerate(line) if ch.isdigit()), 0)
    prefix = line[:first_digit].strip(" |-–,:")
    if not prefix or DATE_WORDS.match(fold(prefix)) or len(prefix.split()) > 5:
        return None
    return prefix if UPPER_NAME.fullmatch(prefix) else None
