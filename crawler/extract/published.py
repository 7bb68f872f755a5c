"""Which date on a page is the article's publication date, and where it came from.

The order of evidence, first that answers wins:

1. the site profile's date XPaths (``hint``);
2. the article's own date line: the first short block near the headline that reads as a date
   (``date-line``); when it shows no time but the metadata has the same day with a time, the
   metadata's minute is taken (``metadata`` or ``json-ld``);
3. page metadata: article:published_time, itemprop datePublished (``metadata``), JSON-LD
   ``datePublished`` (``json-ld``), ``<time datetime>`` (``metadata``);
4. the date the listing page showed beside the link (``listing``);
5. a date in the URL (``url``);
6. a year-less date in the lead ("Chiều ngày 23/1"), only when the page gives its year (``text``);
7. htmldate's search of the page's markup, the day only (``htmldate``): the last resort, so a page
   that prints a date in a form no rule knows still gets the day plain trafilatura would give.

The line is searched in the page as published, before furniture is pruned, because some papers
print it inside the share bar; blocks of other stories, menus and sidebars are never candidates.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from htmldate import find_date

from .authors import author_before_date
from .dates import VN_TZ, FoundDate, date_from_url, find_dates, parse_date, year_month_from_url
from .furniture import in_listed_furniture
from .markup import carries, marked_ancestor, marks, with_marks
from .text import element_text, fold, one_line, short_text

META_XPATHS: list[str] = [
    "//meta[@property='article:published_time' or @name='article:published_time']/@content",
    "//*[@itemprop='datePublished']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//meta[@name='pubdate' or @name='publishdate' or @name='publish-date' or @name='date' or @name='dc.date' "
    "or @name='DC.date.issued' or @name='dcterms.created' or @property='og:published_time']/@content",
]
TIME_XPATHS: list[str] = ["//article//time/@datetime", "//time[@pubdate]/@datetime"]
# "Cập nhật ..." is when the page last changed: the publication date only when nothing else is shown.
UPDATED = re.compile(r"\W*(cap nhat|sua|chinh sua|updated?|modified)")
# Portal headers print today's date ("Thứ Bảy, 21/11/2026") in a widget above the headline.
TODAY_WIDGET = marks("currentdate", "current-date", "today", "ngayhientai", "clock", "header-date", "top-date", "topbar")
NOT_LINES = {"head", "title", "meta", "script", "style", "noscript", "a"}  # the head's JSON-LD is read as JSON, not as a line
LINE_MAX_CHARS = 160
# More words than this is a sentence, not a date line: the lead of a short item ("Sáng 28/5, Đảng ủy
# xã ... tổ chức hội nghị ...") is under LINE_MAX_CHARS and opens with a date, and stays text.
LINE_MAX_WORDS = 12
WINDOW = 60  # elements after the headline searched for the date line
PRECEDING = 12  # and before it (a share bar with its date line can sit above the headline) ...
NEAR = 3  # ... within the headline's own block: one of its nearest ancestors holds both
BODY_STARTED = 2  # long paragraphs passed before the search gives up


@dataclass
class Published:
    date: FoundDate | None = None
    source: str | None = None
    author_hint: str | None = None  # a name printed in front of the date line
    line: str | None = None  # the date line's text, to keep it out of the body
    year: int | None = None  # the year the page gives elsewhere, for a year-less date in the lead

    @property
    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


def _metadata(tree: etree._Element, linked: str | None, now: datetime | None) -> tuple[FoundDate, str] | None:
    """The first date the page's metadata gives, with its source: meta tags, JSON-LD, then ``<time>``."""
    sources = [(xpath, "metadata") for xpath in META_XPATHS] + [(None, "json-ld")] + [(xpath, "metadata") for xpath in TIME_XPATHS]
    for xpath, source in sources:
        for value in tree.xpath(xpath) if xpath else [linked] if linked else []:
            if found := parse_date(str(value), now=now):
                return found, source
    return None


def _date_line(tree: etree._Element, title_element: etree._Element | None, now: datetime | None, default_year: int | None):
    """The article's own date line: a short block near the headline that reads as a date.

    Blocks after the headline are searched until the body has clearly begun, and a few just
    before it in its own block (papers that print the time above the headline, some in the share
    bar; not a sidebar's list). A publication line beats an update line, a line with a time beats
    one without; then the nearer one wins, after the headline before above it.
    """
    if title_element is None:
        return None
    candidates = []
    long_seen = 0
    article = set(title_element.iterancestors())
    following = title_element.xpath(f"following::*[position() <= {WINDOW}]")
    near = set(itertools.islice(title_element.iterancestors(), NEAR))
    listed: dict[etree._Element, bool] = {}  # in_listed_furniture's answers, shared by the neighbours
    preceding = [e for e in title_element.xpath(f"preceding::*[position() <= {PRECEDING}]") if near.intersection(e.iterancestors())]
    for distance, element in [*enumerate(following), *((d + 0.5, e) for d, e in enumerate(reversed(preceding)))]:
        if isinstance(distance, int) and long_seen >= BODY_STARTED:
            continue  # the body has begun: nothing after the headline is read any more
        if element.tag in NOT_LINES or next(element.iterancestors("a"), None) is not None or in_listed_furniture(element, article, listed):
            continue
        text = short_text(element, LINE_MAX_CHARS)  # None for a long block (the body's), not read to its end
        if text is None or len(text.split()) > LINE_MAX_WORDS:
            if isinstance(distance, int) and not len(element) and text is None:
                long_seen += 1
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
    linked: str | None = None,
    now: datetime | None = None,
) -> Published:
    """The date by steps 1 to 5; ``linked`` is the JSON-LD datePublished. Call before pruning."""
    metadata, metadata_source = _metadata(tree, linked, now) or (None, None)
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
            return Published(metadata, metadata_source, author, text)
        return Published(found, source, author, text)
    if metadata:
        return Published(metadata, metadata_source)
    if listing:
        return Published(listing, "listing")
    if found := date_from_url(url):
        return Published(found, "url")
    return Published(year=year)


def last_resort(published: Published, lead: str, pruned: etree._Element, now: datetime | None) -> Published:
    """Steps 6 and 7, for a page the rules above found no date on. htmldate reads the page with its
    furniture pruned and without the header's today widget, whose date it would otherwise take."""
    if published.date:
        return published
    if published.year and lead and (dates := find_dates(lead[:300], now=now, default_year=published.year)):
        return Published(dates[0], "text")
    for widget in [e for e in with_marks(pruned) if carries(e, TODAY_WIDGET)]:
        if widget.getparent() is not None:
            widget.getparent().remove(widget)
    latest = (now or datetime.now(VN_TZ)).astimezone(VN_TZ).date().isoformat()
    try:
        day = find_date(pruned, extensive_search=False, original_date=True, outputformat="%Y-%m-%d", max_date=latest)
    except (ValueError, TypeError):
        day = None
    found = parse_date(day, now=now) if day else None
    return Published(found, "htmldate") if found else published
