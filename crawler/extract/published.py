"""Which date on a page is the article's publication date, and where it came from.

The order of evidence, first that answers wins:

1. the site profile's date XPaths (``hint``);
2. the article's own date line: the first short block near the headline that reads as a date
   (``date-line``); when it shows no time but the metadata has the same day with a time, the
   metadata's minute is taken (``metadata``);
3. page metadata: article:published_time, itemprop datePublished, ``<time datetime>`` (``metadata``);
4. the date the listing page showed beside the link (``listing``);
5. a date in the URL (``url``);
6. a year-less date in the lead ("Chiều ngày 23/1"), only when the page gives its year (``text``).

Blocks in related lists are never candidates: the line is searched after furniture is pruned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from .authors import author_before_date
from .dates import FoundDate, date_from_url, find_dates, parse_date, year_month_from_url
from .markup import marked_ancestor, marks
from .text import element_text, fold, one_line

META_XPATHS: list[str] = [
    "//meta[@property='article:published_time' or @name='article:published_time']/@content",
    "//*[@itemprop='datePublished']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//meta[@name='pubdate' or @name='publishdate' or @name='publish-date' or @name='date' or @name='dc.date' "
    "or @name='DC.date.issued' or @name='dcterms.created' or @property='og:published_time']/@content",
    "//article//time/@datetime",
    "//time[@pubdate]/@datetime",
]
# "Cập nhật ..." is when the page last changed: the publication date only when nothing else is shown.
UPDATED = re.compile(r"\W*(cap nhat|sua|chinh sua|updated?|modified)")
# Portal headers print today's date ("Thứ Bảy, 21/11/2026") in a widget above the headline.
TODAY_WIDGET = marks("currentdate", "current-date", "today", "ngayhientai", "clock", "header-date", "top-date", "topbar")
LINE_MAX_CHARS = 160
WINDOW = 60  # elements after the headline searched for the date line
PRECEDING = 6  # and before it
BODY_STARTED = 2  # long paragraphs passed before the search gives up
LONG_PARAGRAPH = 220


@dataclass
class Published:
    date: FoundDate | None = None
    source: str | None = None
    author_hint: str | None = None  # a name printed in front of the date line
    line: str | None = None  # the date line's text, to keep it out of the body

    @property
    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


def _metadata(tree: etree._Element, now: datetime | None) -> FoundDate | None:
    for xpath in META_XPATHS:
        for value in tree.xpath(xpath):
            if found := parse_date(str(value), now=now):
                return found
    return None


def _date_line(tree: etree._Element, title_element: etree._Element | None, now: datetime | None, default_year: int | None):
    """The article's own date line: a short block near the headline that reads as a date.

    Blocks after the headline are searched until the body has clearly begun, and a few just
    before it (papers that print the time above the headline). A publication line beats an
    update line, a line with a time beats one without; then the nearer one wins, after the
    headline before above it.
    """
    if title_element is None:
        return None
    candidates = []
    long_seen = 0
    following = title_element.xpath(f"following::*[position() <= {WINDOW}]")
    preceding = title_element.xpath(f"preceding::*[position() <= {PRECEDING}]")
    for distance, element in [*enumerate(following), *((d + 0.5, e) for d, e in enumerate(reversed(preceding)))]:
        if element.tag in {"script", "style", "a"} or element.xpath("ancestor::a"):
            continue
        text = element_text(element)
        if len(text) > LINE_MAX_CHARS:
            if isinstance(distance, int) and not len(element):
                long_seen += 1
            continue
        if isinstance(distance, int) and long_seen >= BODY_STARTED:
            continue
        if isinstance(distance, float) and marked_ancestor(element, TODAY_WIDGET):
            continue
        if text and (found := parse_date(text, now=now, default_year=default_year)):
            candidates.append((bool(UPDATED.match(fold(text))), not found.has_time, distance, found, text))
    if not candidates:
        return None
    *_, found, text = min(candidates, key=lambda c: c[:3])
    return found, text


def find_published(
    tree: etree._Element,
    title_element: etree._Element | None,
    url: str,
    *,
    hints: tuple[str, ...] = (),
    listing_date: str | None = None,
    lead: str = "",
    now: datetime | None = None,
) -> Published:
    metadata = _metadata(tree, now)
    url_ym = year_month_from_url(url)
    listing = parse_date(listing_date, now=now) if listing_date else None
    year = next((d.value.year for d in (metadata, listing) if d), url_ym[0] if url_ym else None)

    line = None
    for xpath in hints:
        for element in tree.xpath(xpath):
            text = element_text(element) if isinstance(element, etree._Element) else one_line(str(element))
            if found := parse_date(text, now=now, default_year=year):
                line, source = (found, text), "hint"
                break
        if line:
            break
    else:
        source = "date-line"
        line = _date_line(tree, title_element, now, year)
    if line:
        found, text = line
        author = author_before_date(text)
        if not found.has_time and metadata and metadata.has_time and metadata.value.date() == found.value.date():
            return Published(metadata, "metadata", author, text)
        return Published(found, source, author, text)
    if metadata:
        return Published(metadata, "metadata")
    if listing:
        return Published(listing, "listing")
    if found := date_from_url(url):
        return Published(found, "url")
    if year and lead and (dates := find_dates(lead[:300], now=now, default_year=year)):
        return Published(dates[0], "text")
    return Published()
