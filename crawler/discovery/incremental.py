"""What a run may skip, given what the archive already holds.

A run's mode follows from the options and from how the source's previous run ended:

- ``full``: no run yet; every listing page is walked.
- ``catch-up``: the previous run did not finish (stopped, killed, or some listing pages failed):
  every listing page is walked again, so nothing it missed stays missed; known articles are skipped.
- ``incremental``: listing pages are asked for conditionally (ETag / Last-Modified) and a
  listing's pagination is followed one page at a time until ``depth`` pages in a row hold only
  known articles.
- ``refresh`` (``--refresh``): everything is walked and fetched again.
- ``backfill`` (``--since DATE``): pagination goes back until ``depth`` pages in a row hold only
  articles dated before DATE; articles dated before it are not fetched (by the date the listing or
  the URL gives) or not stored (by the date the page gives).
- ``resume`` (``--resume`` after a stopped run): Scrapy carries on with the stopped run's queue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from archive.pages import KnownPages
from archive.runs import FINISHED

from crawler.extract.dates import date_from_url, parse_date, year_month_from_url
from crawler.extract.text import fold
from crawler.discovery.links import Link

PAGE_NUMBER_URL = re.compile(
    r"(?:[?&](?:page|p|trang|pageindex|pagenum|cur|pg)=|_cur=|/(?:trang|page|p)[-/]?)(\d+)(?:\.html?|\.aspx|/)?(?:$|[&#])",
    re.IGNORECASE,
)
WALK_ALL = ("full", "catch-up", "refresh", "resume")


def choose_mode(previous: dict | None, *, refresh: bool, since: date | None, resumed: bool) -> str:
    if resumed:
        return "resume"
    if since:
        return "backfill"
    if refresh:
        return "refresh"
    if previous is None:
        return "full"
    return "incremental" if previous["status"] == FINISHED else "catch-up"


def page_number(url: str, text: str = "") -> int | None:
    """The listing page a URL or a pagination anchor stands for (``?page=3``, ``/trang-3.html``, "3")."""
    if match := PAGE_NUMBER_URL.search(url):
        return int(match.group(1))
    folded = fold(text).strip()
    return int(folded) if folded.isdigit() else None


def link_date(link: Link) -> date | None:
    """The date a listing prints beside a link, else the date its URL carries (a month counts as its last day)."""
    if link.listing_date and (found := parse_date(link.listing_date)):
        return found.value.date()
    if found := date_from_url(link.url):
        return found.value.date()
    if year_month := year_month_from_url(link.url):
        return _month_end(*year_month)
    return None


def _month_end(year: int, month: int) -> date:
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(first_of_next.toordinal() - 1)


@dataclass
class CrawlPlan:
    known: KnownPages
    mode: str
    since: date | None = None
    depth: int = 1
    generic: bool = False
    refresh: bool = False

    @property
    def walk_all(self) -> bool:
        """Follow every listing link, as a first crawl does; otherwise pagination is followed page by page."""
        return self.mode in WALK_ALL and self.since is None

    def is_known(self, url: str) -> bool:
        # A page that was no article is noise on a portal crawled by heuristics; on a registry source it
        # matched the article pattern, so it is fetched again (and keeps the source flagged if it fails).
        known = self.known
        return url in known.archived or url in known.gone or (self.generic and url in known.not_articles)

    def is_old(self, link: Link) -> bool:
        found = link_date(link) if self.since else None
        return found is not None and found < self.since

    def skip(self, link: Link) -> str | None:
        """Why an article link needs no request ('known' or 'old'), or None to fetch it."""
        if not self.refresh and self.is_known(link.url):
            return "known"
        if self.is_old(link):
            return "old"
        return None

    def exhausted(self, articles: list[Link]) -> bool:
        """A listing page with nothing left to find: only known articles, or (backfill) only old ones."""
        if not articles:
            return False
        if self.since:
            dated = [link for link in articles if link_date(link) is not None]
            return bool(dated) and all(self.is_old(link) for link in dated)
        return all(self.is_known(link.url) for link in articles)

    def conditional_headers(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since for a listing fetched before, in incremental mode only."""
        if self.mode != "incremental" or url not in self.known.validators:
            return {}
        etag, last_modified = self.known.validators[url]
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return headers
