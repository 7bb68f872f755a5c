"""One page in, one clean article out: the extraction that the crawl, ``extract`` and ``make eval`` share.

Order matters: every piece of evidence for headline, date and author (headline elements, Open
Graph, JSON-LD, itemprop, the date line wherever it sits, author markup) is read from the page
as published; then furniture is pruned (site profile first, generic rules after); trafilatura
finds the body in what is left, with a readable chain of fallbacks; last, bylines and furniture
lines come out of the text, and the author is chosen from all the candidates (``AUTHOR_PRECEDENCE``).
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime
from urllib.parse import urljoin

import trafilatura
from lxml import etree, html
from trafilatura.xpaths import OVERALL_DISCARD_XPATH, PRECISION_DISCARD_XPATH, TEASER_DISCARD_XPATH

from .authors import (
    author_from_markup, byline_after, closing_source, merge_authors, people, publisher_names, source_box, split_credit, take_bylines, unlabelled,
)
from .furniture import (
    ANY_HEADING, BLOCK_XPATHS, BOX_TAGS, TAIL_HEADING, embed_labels, heading_kind, is_furniture_line, marked_blocks, opening_boxes, outlet_labels, story_lists,
)
from .hints import ExtractHints
from .jsonld import read_linked_data
from .markup import carries, marks
from .published import find_published, last_resort
from .text import element_text, fold, normalize, one_line
from .titles import find_title, site_name

# trafilatura warns on every page it finds too short; our callers decide and report that once.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

SAPO_MARK = marks(
    "sapo", "lead", "summary", "chapeau", "tomtat", "tom-tat", "mota", "description", "excerpt", "teaser", "intro", "abstract", "hometext"
)
PARAGRAPH_TAGS = {"p", "span", "font", "strong", "b", "em", "i", "br", "u", "a"}
MIN_BODY_CHARS = 200


# Where an author may be read, most trusted first: what the page prints as its byline, then what its
# markup and metadata say. A later reading that names the same first person and more replaces an
# earlier one ("NHẬT XUÂN và 1 tác giả khác" on top, "NHẬT XUÂN - NGHI VŨ" at the end or in JSON-LD).
AUTHOR_PRECEDENCE = ("byline-end", "byline-after", "byline-top", "date-line", "markup", "json-ld")


def choose_author(candidates: dict[str | None, list[str]]) -> tuple[str | None, str | None]:
    """The author and where it was read, from ``{source: people}``, by ``AUTHOR_PRECEDENCE``."""
    chosen: list[str] = []
    source = None
    for where in AUTHOR_PRECEDENCE:
        merged = merge_authors(chosen, candidates.get(where) or [])
        if merged and merged is not chosen:
            chosen, source = merged, where
    return ", ".join(chosen) or None, source


class ExtractionError(ValueError):
    """The input is not an HTML page we can read."""


@dataclass
class Article:
    url: str | None
    title: str | None
    text: str
    published: str | None
    date_source: str | None
    author: str | None
    author_source: str | None
    source_attribution: str | None
    canonical_url: str | None
    word_count: int

    def as_dict(self) -> dict:
        return dict(vars(self))  # every field is a str, an int or None: no deep copy to make


UTF8_PARSER = html.HTMLParser(encoding="utf-8", remove_comments=True)
# lxml.html chooses each element's Python class (form, input, label...) in a Python method, run each
# time an element with no live Python object is reached: a tenth of plain trafilatura's time on
# our pages. Nothing here or in trafilatura uses the form classes, so every element is a plain
# HtmlElement, chosen in C.
UTF8_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity
    )
)
# Control characters survive HTML parsing but not lxml's element API: drop them first.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_BYTES = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def parse_html(page: str | bytes) -> etree._Element:
    """An lxml tree from a page's text or bytes (bytes decoded from its declared or sniffed charset).

    Text goes back to UTF-8 bytes first: lxml refuses text that still carries an XML
    encoding declaration, as XHTML portals' pages do.
    """
    if isinstance(page, bytes):
        if b"\x00" in page[:2048]:
            raise ExtractionError("binary content, not an HTML page")
        tree = trafilatura.utils.load_html(CONTROL_BYTES.sub(b"", page))
    else:
        try:
            page = CONTROL.sub("", page)
            tree = html.fromstring(page.encode("utf-8", "surrogatepass"), parser=UTF8_PARSER) if page.strip() else None
        except (etree.ParserError, UnicodeError):
            tree = None
    if tree is None or not len(tree):
        raise ExtractionError("not an HTML page")
    return tree


def _main_container(tree: etree._Element) -> etree._Element | None:
    """The element holding the most running text: protected from furniture pruning with its ancestors."""
    scores: Counter = Counter()
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in {"a", "script", "style"}:
            continue
        own_text = element.text or ""
        if len(element):  # most elements have no children, and no tails to add
            own_text += "".join(c.tail or "" for c in element)
        if len(own_text) <= 30:
            continue
        own = len(own_text.strip())
        # Running text has words: a long run without spaces is encoded data (base64 in a placeholder).
        if own > 30 and own_text.count(" ") * 20 > own:
            holder = element.getparent() if element.tag in PARAGRAPH_TAGS and element.getparent() is not None else element
            scores[holder] += own
    return scores.most_common(1)[0][0] if scores else None


def _drop(element: etree._Element) -> None:
    """Remove ``element`` but keep its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


LAYOUT_TABLE = "descendant::*[self::td or self::th][descendant::table or descendant::p or descendant::div or descendant::ul or descendant::h1 or descendant::h2 or descendant::h3 or descendant::form]"
TABLE_PARTS = {"table", "tbody", "thead", "tfoot", "tr", "td", "th"}


def unwrap_layout_tables(tree: etree._Element) -> None:
    """Turn tables used for page layout into divs, so that the layout is not taken for a data table.

    Old portals lay whole pages out in nested tables; trafilatura would keep the page as one
    table and the text as a few giant rows. A table whose cells hold blocks is layout, and every
    table part in it goes with it, unless it stands in a table that is not layout. Tables are
    taken outermost first, and those inside a layout table are divs by the time they are reached.
    """
    for table in list(tree.iter("table")):
        if table.tag == "table" and table.xpath(LAYOUT_TABLE) and not table.xpath("ancestor::table[not(" + LAYOUT_TABLE + ")]"):
            for element in table.iter(*TABLE_PARTS):
                element.tag = "div"


def _starts_with(element: etree._Element, text: str) -> bool:
    """Whether ``element``'s text begins with ``text``, reading no more of it than needed."""
    seen = ""
    for piece in element.itertext():
        seen = one_line(f"{seen} {piece}")
        if len(seen) >= len(text):
            break
    return seen.startswith(text)


def prune(tree: etree._Element, site_xpaths: tuple[str, ...], keep: list[etree._Element]) -> None:
    """Drop furniture blocks, never the headline, the main text block, or their ancestors."""
    protected = {a for k in keep if k is not None for a in (k, *k.iterancestors())}
    for xpath in (*site_xpaths, *BLOCK_XPATHS):
        for element in tree.xpath(xpath):
            if element not in protected:
                _drop(element)
    marked = marked_blocks(tree)
    # Boxes that stay whatever their opening says (the headline's and the text's line) or go inside a
    # marked block are not read for it: it was a third of the pruning.
    settled = protected | {box for block in marked if block not in protected for box in block.iter(*BOX_TAGS)}
    for element in (*marked, *opening_boxes(tree, settled)):
        if element not in protected and element.getparent() is not None:
            _drop(element)
    for element in list(tree.iter()):
        if element.getparent() is None or not isinstance(element.tag, str) or element in protected:
            continue
        kind = heading_kind(element)
        if kind is None:
            continue
        heading = element_text(element)
        block = element
        while (parent := block.getparent()) is not None and parent not in protected:
            if not _starts_with(parent, heading):
                break
            block = parent
        following = [s for s in block.itersiblings() if isinstance(s.tag, str)]
        if kind == "tail":
            doomed = [block, *following]
        elif block is element and following:
            doomed = [block, following[0]]
        else:
            doomed = [block]
        for victim in doomed:
            if victim in protected:
                break
            _drop(victim)


TRAFILATURA_DISCARDS = [*OVERALL_DISCARD_XPATH, *TEASER_DISCARD_XPATH, *PRECISION_DISCARD_XPATH]


def shield(keep: list[etree._Element | None]) -> None:
    """Take from the headline, the main text block and their ancestors the class and id that would
    make trafilatura discard them ("content-fck slider-jsgallery" around a whole article: "slide").

    Each element is tested alone, as an empty copy in a scratch tree, so the cost does not grow with
    the page.
    """
    for element in {a for k in keep if k is not None for a in (k, *k.iterancestors())}:
        if not (element.get("class") or element.get("id")):
            continue
        if _discarded(element.tag, tuple((k, v) for k, v in element.attrib.items() if k in {"class", "id"})):
            element.attrib.pop("class", None)
            element.attrib.pop("id", None)


@lru_cache(maxsize=4096)
def _discarded(tag: str, marks: tuple[tuple[str, str], ...]) -> bool:
    """Whether trafilatura discards an element of this tag, class and id: the same few blocks come
    back on every page of a portal, and their two dozen XPath tests are made once."""
    scratch = etree.Element("div")
    try:
        etree.SubElement(scratch, tag, dict(marks))
    except ValueError:  # a name the HTML parser let through ("a!") and lxml will not make: one the XPaths never name
        etree.SubElement(scratch, "unnamed", dict(marks))
    return any(xpath(scratch) for xpath in TRAFILATURA_DISCARDS)


def _bold(element: etree._Element, text: str) -> bool:
    bold = "".join("".join(h.itertext()) for h in element.iter("hi") if "b" in (h.get("rend") or ""))
    return bool(bold) and one_line(bold) == text


def _body_lines(body: etree._Element) -> list[tuple[str, bool]]:
    """Paragraph-level lines of trafilatura's output tree, each with whether it is all bold."""
    lines = []
    for block in body:
        if block.tag == "list":
            items = [i for i in block.iter("item")]
        elif block.tag == "table":
            items = [r for r in block.iter("row")]
        elif block.tag == "graphic":
            continue
        else:
            items = [block]
        for item in items:
            text = one_line(" ".join(item.itertext()) if item.tag == "row" else "".join(item.itertext()))
            if text:
                lines.append((text, _bold(item, text)))
    return lines


def _extract_body(tree: etree._Element, url: str) -> list[tuple[str, bool]]:
    """trafilatura's precision run, then its recall run, then its baseline: the first with enough text."""
    attempts = (
        dict(favor_precision=False),
        dict(favor_recall=True),
    )
    lines: list[tuple[str, bool]] = []
    for options in attempts:
        document = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, include_tables=True, include_images=False,
            include_formatting=True, deduplicate=False, with_metadata=False, **options,
        )
        if document is not None and document.body is not None:
            lines = _body_lines(document.body)
            if sum(len(t) for t, _ in lines) >= MIN_BODY_CHARS:
                return lines
    body, _, _ = trafilatura.baseline(tree)  # it works on a copy
    fallback = _body_lines(body)
    return fallback if sum(len(t) for t, _ in fallback) > sum(len(t) for t, _ in lines) else lines


class _DocumentOrder:
    """Each element's place in the page and the paragraphs with text, so that "the paragraph
    before/after this element" is a binary search instead of an XPath axis walk per element
    (the walk made pages with long lists quadratic)."""

    def __init__(self, tree: etree._Element):
        self.position: dict[etree._Element, int] = {}
        self.subtree_end: dict[etree._Element, int] = {}
        for event, element in etree.iterwalk(tree, events=("start", "end")):
            if event == "start":
                self.position[element] = len(self.position)
            else:
                self.subtree_end[element] = len(self.position) - 1
        self.paragraphs = [e for e in tree.iter("p") if e.xpath("normalize-space()")]
        self.paragraph_positions = [self.position[e] for e in self.paragraphs]

    def following_paragraph(self, element: etree._Element) -> etree._Element | None:
        """``following::p[normalize-space()][1]``: the first paragraph after the element's subtree."""
        index = bisect.bisect_right(self.paragraph_positions, self.subtree_end[element])
        return self.paragraphs[index] if index < len(self.paragraphs) else None

    def preceding_paragraph(self, element: etree._Element) -> etree._Element | None:
        """``preceding::p[normalize-space()][1]``: the last paragraph before the element, not an ancestor."""
        index = bisect.bisect_left(self.paragraph_positions, self.position[element]) - 1
        while index >= 0 and self.subtree_end[self.paragraphs[index]] >= self.position[element]:
            index -= 1
        return self.paragraphs[index] if index >= 0 else None


def _restore_dropped(lines: list[tuple[str, bool]], tree: etree._Element, container: etree._Element | None) -> list[tuple[str, bool]]:
    """Put back body subheadings and list items that trafilatura dropped.

    A subheading goes before the paragraph it heads; a list item only where the paragraphs on
    both sides of its list were kept next to each other, so a list of links is never pulled in.
    """
    if container is None:
        return lines
    candidates = list(container.iter("h2", "h3", "h4", "h5", "h6", "li"))
    if not candidates:
        return lines
    order = _DocumentOrder(tree)
    present = {fold(t) for t, _ in lines}
    first_line: dict[str, int] = {}
    for index, (text, _) in enumerate(lines):
        first_line.setdefault(fold(text)[:60], index)
    inserted: dict[int, list[tuple[str, bool]]] = {}

    def line_of(paragraph: etree._Element | None) -> int | None:
        return None if paragraph is None else first_line.get(fold(element_text(paragraph))[:60])

    for element in candidates:
        text = element_text(element)
        if not 3 <= len(text) <= 400 or fold(text) in present or heading_kind(element):
            continue
        after = line_of(order.following_paragraph(element))
        if after is None:
            continue
        if element.tag == "li":
            links = sum(len(element_text(a)) for a in element.iter("a"))
            before = line_of(order.preceding_paragraph(element))
            # Only restored lines may stand between the paragraphs on either side of the list.
            if links > 0.3 * len(text) or before is None or after > before + 1:
                continue
        inserted.setdefault(after, []).append((text, False))
        present.add(fold(text))
    if not inserted:
        return lines
    restored: list[tuple[str, bool]] = []
    for index, line in enumerate(lines):
        restored += inserted.get(index, [])
        restored.append(line)
    return restored


LEAD_WINDOW = 15  # elements after the headline where a lead printed as a heading may stand


def _lead_heading(title_element: etree._Element) -> etree._Element | None:
    """A lead printed as a heading under the headline (``h2`` on several papers): a sentence, not a
    subheading, and before the body's first paragraph."""
    for element in title_element.xpath(f"following::*[position() <= {LEAD_WINDOW}]"):
        text = element_text(element)
        if element.tag in {"h2", "h3"} and 60 <= len(text) <= 500 and text.endswith((".", "!", "?", "…", '"', "”")) and not len(element.xpath(".//a")):
            return element
        if element.tag == "p" and len(text) > 100:
            return None
    return None


def _with_sapo(lines: list[tuple[str, bool]], title_element: etree._Element | None) -> list[tuple[str, bool]]:
    """Put back the lead ("sapo") that papers print between headline and body, when trafilatura left
    it out, with the agency prefix some print in a span of its own before it ("(VTC News) -")."""
    if title_element is None:
        return lines
    following = title_element.xpath("following::*[@class or @id or @itemprop='description']")
    found = next(
        (e for e in following if (e.get("itemprop") == "description" or carries(e, SAPO_MARK)) and len(element_text(e)) > 40), None
    )
    if found is None:
        found = _lead_heading(title_element)
    if found is None:
        return lines
    sapo = element_text(found)
    before = found.getprevious()
    if before is not None and len(prefix := element_text(before)) <= 30 and prefix.endswith(("-", "–")):
        sapo = f"{prefix} {sapo}"
    head = fold(" ".join(t for t, _ in lines[:3]))
    return lines if fold(sapo)[:80] in head else [(sapo, False), *lines]


def _without_prefix(text: str, prefix: str | None) -> str:
    """``text`` without a leading ``prefix`` (compared folded), or ``text`` as it is."""
    if prefix and len(text) > len(prefix) and fold(text[: len(prefix)]) == fold(prefix):
        return text[len(prefix):].lstrip(" -–:|")
    return text


def _clean_lines(lines: list[tuple[str, bool]], title: str | None, date_line: str | None) -> list[tuple[str, bool]]:
    """Drop furniture lines, the repeated headline and date line (also when a short item's text runs
    them into its first line: "Headline 24/03/2024 Lead ..."); cut at a closing heading."""
    title_folded = fold(title) if title else None
    kept: list[tuple[str, bool]] = []
    for text, bold in lines:
        text = normalize(text)
        if not kept:
            text = _without_prefix(_without_prefix(text, title), date_line)
        folded = fold(text).strip(" :>»›.-|")
        if TAIL_HEADING.fullmatch(folded) and kept:
            break
        if (
            is_furniture_line(text)
            or ANY_HEADING.fullmatch(folded)
            or (title_folded and folded == title_folded)
            or (date_line and text == date_line)
            or (kept and kept[-1][0] == text)
        ):
            continue
        kept.append((text, bold))
    return kept


def extract_article(
    page: str | bytes,
    url: str,
    hints: ExtractHints = ExtractHints(),
    *,
    site: str | None = None,
    listing_date: str | None = None,
    now: datetime | None = None,
) -> Article:
    """Extract one article page. ``site`` is the source's name, so it is never taken for title or author."""
    return article_from_tree(parse_html(page), url, hints, site=site, listing_date=listing_date, now=now)


def article_from_tree(
    tree: etree._Element,
    url: str,
    hints: ExtractHints,
    *,
    site: str | None = None,
    listing_date: str | None = None,
    now: datetime | None = None,
) -> Article:
    """``extract_article`` on a page already parsed (``parse_html``), for callers that read the tree
    first (the verdict's ``PageFacts``): extraction prunes it, and it is spent after."""
    # lxml makes a Python object for an element each time one is reached with none alive: holding one
    # for every element while the rules walk the tree again and again makes each once.
    alive = list(tree.iter())
    linked = read_linked_data(tree)
    site = site_name(tree, site)
    title, title_element = find_title(tree, hints.title_xpaths, site, linked.headline)
    published = find_published(
        tree, title_element, url, hints=hints.date_xpaths, listing_date=listing_date, linked=linked.published, now=now
    )
    publishers = publisher_names(tree)  # the page's metadata: read once, no rule here changes it
    marked = author_from_markup(tree, hints.author_xpaths, site, publishers)
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    unwrap_layout_tables(tree)
    container = _main_container(tree)
    closing = closing_source(container)
    box = source_box(title_element, container)
    # Shapes, not classes: the closing source block and a marked source box, lists of other stories
    # between headline and body, an outlet's label in front of the lead, a label over an embed.
    shapes = closing.blocks + ([box.block] if box.block is not None else []) + story_lists(tree, title_element, container)
    for element in shapes + outlet_labels(tree, publishers) + embed_labels(tree):
        if element.getparent() is not None:
            _drop(element)
    after_body = closing.writers or byline_after(container)
    prune(tree, hints.prune_xpaths, keep=[title_element, container])
    shield([title_element, container])
    body = _restore_dropped(_extract_body(tree, url), tree, container)
    lines = _clean_lines(_with_sapo(body, title_element), title, published.line)
    if published.line:
        lines = [(t, b) for t, b in lines if t != published.line]
    lines, byline = take_bylines(lines, site)
    author, author_source = choose_author({
        byline.source: byline.people, "byline-after": after_body, "date-line": people(published.author_hint or ""),
        "markup": people(marked.author or ""), "json-ld": [unlabelled(split_credit(name)[0]) for name in linked.authors],
    })
    published = last_resort(published, lines[0][0] if lines else "", tree, now)  # the tree is spent after this
    text = "\n".join(t for t, _ in lines)
    del alive
    return Article(
        url=url,
        title=normalize(title) if title else None,
        text=text,
        published=published.iso,
        date_source=published.source,
        author=normalize(author) if author else None,
        author_source=author_source,
        source_attribution=byline.attribution or closing.origin or box.origin or marked.attribution,
        canonical_url=urljoin(url, canonical[0].strip()) if canonical else None,
        word_count=len(text.split()),
    )
