"""The one engine every source runs through.

``scrapy crawl portal -a source=KEY`` crawls a registry source: its start pages (party-building
sections first), their pagination, its feeds and sitemaps, and the article pages they link to,
never leaving the source's domains. ``-a url=URL`` crawls a portal with no registry entry from
its home page alone: a listing's repeated item blocks (``crawler.discovery.listing``) give article candidates
whatever their URLs look like, the generic rules of ``crawler.discovery.links`` add the URL shapes they know,
and the page decides (``crawler.extract.verdict``). What such a crawl confirms is learnt
(``crawler.discovery.shapes``): the next run starts from the listings that gave articles and takes the learnt
article pattern's matches for articles, and goes back to discovery from the home page when those
listings no longer link to any.

A site's quirks belong in its registry entry; a behaviour that a site needs and others do not
is a named hook here (``listing_links``, ``article_request``) that a subclass may override.

Runs are incremental (``crawler.discovery.incremental``): articles the archive holds are not requested,
listings are asked for conditionally, and pagination stops where only known articles remain.
"""

from __future__ import annotations

import importlib
import logging
import re
import time
from collections import deque
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import scrapy
from lxml import etree
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from archive.pages import KnownPages, known_pages
from archive.runs import last_run
from archive.shapes import PortalShapes, load_shapes
from archive.store import Archive, ArchiveError
from crawler.extract import ExtractionError, parse_html
from crawler.extract.text import decode_page
from crawler.discovery.candidates import CandidatePool
from crawler.discovery.incremental import CrawlPlan, choose_mode, page_number
from crawler.crawl.items import PageItem
from crawler.discovery.links import MAX_SECTION_ANCHOR_WORDS, Link, LinkClassifier, canonicalize, is_pagination, page_links
from crawler.discovery.listing import Listing, read_listing
from crawler.crawl.middlewares import retry_after
from crawler.sources.registry import RegistryError, Source, adhoc_source, load_registry
from crawler.discovery.shapes import learn
from crawler.crawl.stats import (
    ARTICLES_NEW,
    ARTICLE_LINKS,
    ARTICLE_PAGES,
    BUDGET_EXHAUSTED,
    CANDIDATES,
    CANDIDATES_NOT_FETCHED,
    CPU_LINKS,
    FETCH_FAILURES,
    FORBIDDEN_BY_ROBOTS,
    LISTINGS_FOUND_AS_PAGES,
    LISTING_FAILURES,
    LISTING_PAGES,
    NOT_HTML,
    NOT_MODIFIED,
    POSTBACK_PAGINATION,
    SKIPPED,
    START_ERROR,
    START_FAILURES,
    START_PAGES,
)

GENERIC_SECTION_HOPS = 1  # home -> section pages; pagination does not count as a hop
# Our errbacks log each failed page once, with its URL and reason; Scrapy's own lines about the
# same failure (retries given up, a body over DOWNLOAD_MAXSIZE) would say it again.
# Their failures come back to the spider, which logs each in one line; robots.txt's would be a traceback.
REPEATING_LOGGERS = ("scrapy.downloadermiddlewares.retry", "scrapy.core.downloader.handlers.http11", "scrapy.downloadermiddlewares.robotstxt")


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, source: str | None = None, url: str | None = None, key: str | None = None, **kwargs):
        """``-a source=KEY``, or ``-a url=URL`` with an optional ``-a key=KEY``: ``from_crawler`` resolves them."""
        super().__init__(**kwargs)
        self.generic = url is not None  # crawled from its home page alone, by structure

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        source = resolve_source(crawler.settings.get("NEWSARCHIVE_SOURCES"), kwargs.get("source"), kwargs.get("url"), kwargs.get("key"))
        if cls is PortalSpider and (own := spider_class(source)) is not cls:
            # `scrapy crawl portal -a source=KEY` starts the engine; the entry names its own subclass.
            # Scrapy applied the engine's settings before the source was known, so a class with
            # settings of its own cannot run this way.
            if own.custom_settings != cls.custom_settings:
                raise ValueError(f"{source.key}: spider {source.spider} has settings of its own: crawl it with `newsarchive crawl {source.key}`")
            return own.from_crawler(crawler, *args, **kwargs)
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.source = source
        spider.allowed_domains = sorted({d.split(":")[0] for d in spider.source.domains})
        spider.budget = crawler.settings.getint("NEWSARCHIVE_MAX_PAGES") or None
        for name in REPEATING_LOGGERS:  # after Scrapy configured logging, which resets child levels
            logging.getLogger(name).setLevel(logging.CRITICAL)
        spider.learnt = None  # the shapes earlier runs learnt of a portal crawled by structure
        spider.plan = spider.load_plan(crawler.settings)
        spider.discovery = spider.source
        if spider.learnt:
            spider.source = spider.learnt_source(spider.learnt)
        spider.classifier = LinkClassifier(spider.source)
        spider.pages_seen = {}  # url -> its row for table pages (listing validators, gone articles), written at the end
        spider.candidate_misses = crawler.settings.getint("NEWSARCHIVE_CANDIDATE_MISSES_PER_LISTING")
        spider.pools = {}  # listing page -> its candidates found by structure alone
        spider.requested = set()  # article URLs asked for in this run
        spider.sections = {}  # listing page -> its section's first page, item XPath and pager
        spider.confirmed = {}  # article URL (as linked) -> the section that gave it
        spider.stale_listings = 0  # learnt listings that failed, or linked no article the learnt pattern matches
        crawler.signals.connect(spider.idle, signal=signals.spider_idle)
        return spider

    def learnt_source(self, shapes: PortalShapes) -> Source:
        """The portal as earlier runs learnt it: its listings that gave articles, its article pattern."""
        return replace(
            self.source, start_urls=tuple(shapes.start_urls),
            article_pattern=re.compile(shapes.article_pattern) if shapes.article_pattern else None,
            listing_pattern=re.compile(shapes.listing_pattern) if shapes.listing_pattern else None,
        )

    def load_plan(self, settings) -> CrawlPlan:
        since = settings.get("NEWSARCHIVE_SINCE")
        since = date.fromisoformat(since) if since else None
        refresh = settings.getbool("NEWSARCHIVE_REFRESH")
        known, previous, self.learnt = self.history(settings.get("NEWSARCHIVE_DB"), shared=bool(settings.get("NEWSARCHIVE_REDIS_URL")))
        mode = choose_mode(previous, refresh=refresh, since=since, resumed=settings.getbool("NEWSARCHIVE_RESUMING"))
        depth = settings.getint("NEWSARCHIVE_KNOWN_DEPTH")
        return CrawlPlan(known, mode, since=since, depth=depth, generic=self.generic, refresh=refresh)

    def history(self, db_path: str, shared: bool) -> tuple[KnownPages, dict | None, PortalShapes | None]:
        """What the archive knows of the source: its pages, its last run, the shapes learnt of it. A crawl
        process in Redis mode only reads the archive (the writer writes it), and takes nothing for known without one."""
        if not shared:
            archive = Archive(db_path)
        elif Path(db_path).is_file():
            try:
                archive = Archive(db_path, readonly=True)
            except ArchiveError as exc:
                self.logger.warning("%s; crawling as if nothing were known", exc)
                return KnownPages(), None, None
        else:
            return KnownPages(), None, None
        try:
            key = self.source.key
            shapes = load_shapes(archive.db, key) if self.generic else None
            return known_pages(archive.db, key), last_run(archive.db, key), shapes
        finally:
            archive.close()

    def within_budget(self, requests: Iterable[scrapy.Request]) -> Iterator[scrapy.Request]:
        """Pass requests on while ``--max-pages`` allows: a bounded run asks for no more than that."""
        for request in requests:
            if self.budget is not None:
                if self.budget <= 0:
                    self.crawler.stats.set_value(BUDGET_EXHAUSTED, 1)
                    return
                self.budget -= 1
            yield request

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self.within_budget(self.start_requests_for_source()):
            if request.meta["start"]:
                self.crawler.stats.inc_value(START_PAGES)
            yield request

    def start_requests_for_source(self) -> Iterator[scrapy.Request]:
        hops = GENERIC_SECTION_HOPS if self.learnt else 0  # learnt listings are sections already
        for url in self.source.start_urls:
            # A learnt listing that fails sends the run back to discovery; only the home page failing is the source's fault.
            start = not self.learnt or url == self.source.home
            yield self.listing_request(url, self.parse_listing, start=start, cb_kwargs={"hops": hops})
        for url in self.source.feeds:
            yield self.listing_request(url, self.parse_feed, start=True)
        for url in self.source.sitemaps:
            yield self.listing_request(url, self.parse_sitemap, start=True, priority=5)

    def listing_request(self, url: str, callback, *, start: bool = False, priority: int = 10, cb_kwargs=None):
        """A listing, feed or sitemap page, asked for conditionally (an earlier run got its ETag or
        Last-Modified) when "not modified" would end its pagination anyway: a 304 has no links to follow."""
        cb_kwargs = cb_kwargs or {}
        last_of_streak = cb_kwargs.get("streak", 0) + 1 >= self.plan.depth
        hub = self.generic and cb_kwargs.get("hops", 1) < GENERIC_SECTION_HOPS  # its sections are followed regardless
        return scrapy.Request(
            url, callback=callback, errback=self.listing_failed, cb_kwargs=cb_kwargs, priority=priority,
            headers=self.plan.conditional_headers(url) if last_of_streak and not hub else {},
            meta={"handle_httpstatus_list": [304], "start": start},
        )

    def not_modified(self, response: Response) -> bool:
        """Count a 304; otherwise remember the listing's validators for the next run."""
        if response.status == 304:
            self.crawler.stats.inc_value(NOT_MODIFIED)
            return True
        etag, last_modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        self.pages_seen[canonicalize(response.url)] = {
            "url": canonicalize(response.url), "source": self.source.key, "kind": "listing", "status": response.status,
            "etag": etag.decode("latin-1") if etag else None,
            "last_modified": last_modified.decode("latin-1") if last_modified else None,
            "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        return False

    def listing_failed(self, failure: Failure) -> None:
        """A listing that could not be had: a failing start page marks the source broken, and a
        transient failure (5xx, 429, network) leaves the run incomplete, so the next one walks again."""
        request, stats = failure.request, self.crawler.stats
        status, reason = failure_reason(failure)
        if status is None:
            stats.inc_value(FETCH_FAILURES)
        self.logger.warning("listing page failed: %s (%s)", request.url, reason)
        if self.learnt:
            self.stale_listings += 1
        if request.meta.get("start"):
            stats.inc_value(START_FAILURES)
            stats.set_value(START_ERROR, f"{request.url} ({reason})")
        if status is None or status >= 500 or status == 429:
            stats.inc_value(LISTING_FAILURES)

    # Named hooks ---------------------------------------------------------------------------

    def listing_links(self, response: TextResponse, root: etree._Element) -> list[Link]:
        """The on-domain links of a listing page; a site with odd pagination overrides this."""
        return page_links(root, response.url, self.source)

    def article_request(
        self, url: str, listing_date: str | None = None, found_on: str | None = None, candidate: bool = False,
    ) -> scrapy.Request:
        self.requested.add(url)
        return scrapy.Request(
            url, callback=self.parse_article, errback=self.article_failed,
            cb_kwargs={"listing_date": listing_date, "found_on": found_on, "candidate": candidate},
            priority=20, meta={"article": True},
        )

    def listing_structure(self, response: TextResponse, root: etree._Element) -> Listing:
        """The listing's item blocks and pager, for a portal crawled by structure."""
        return read_listing(root, response.url, self.source)

    # Callbacks -------------------------------------------------------------------------------

    def parse_listing(
        self, response: Response, hops: int = 0, streak: int = 0, section: str | None = None,
    ) -> Iterator[scrapy.Request]:
        if self.not_modified(response):
            return
        self.crawler.stats.inc_value(LISTING_PAGES)
        if isinstance(response, TextResponse):
            yield from self.within_budget(self.follow_listing(response, hops, streak, section))

    def follow_listing(
        self, response: TextResponse, hops: int, streak: int = 0, section: str | None = None,
    ) -> Iterator[scrapy.Request]:
        """Request the page's new articles, then its other listings.

        ``streak`` counts the pages in a row, along one listing's pagination, that held nothing new:
        when it reaches the plan's depth the pagination is left there. Outside a full walk, pagination
        goes one page at a time (the next page only), so that stopping means something.
        """
        started = time.thread_time()
        try:
            root = parse_html(page_text(response))  # once, for its links and its structure
        except ExtractionError:
            root = None
        links = self.listing_links(response, root) if root is not None else []
        articles = [link for link in links if self.classifier.is_article(link)]
        listings = [link for link in links if not self.classifier.is_article(link) and self.classifier.is_listing(link)]
        structure = self.listing_structure(response, root) if self.generic and root is not None else Listing()
        self.crawler.stats.inc_value(CPU_LINKS, time.thread_time() - started)
        here = canonicalize(response.url)
        section = section or here
        proven = {link.url for link in articles}
        sections = {link.url for link in listings}
        candidates = [  # a short item text on a link the menu gives too is a section
            link for link in structure.items
            if link.url not in proven and not (link.url in sections and len(link.text.split()) <= MAX_SECTION_ANCHOR_WORDS)
        ]
        found_on = here if self.generic else None
        if self.generic:
            self.note_structure(here, section, structure, matched=bool(articles))
        yield from self.article_requests(articles, found_on)
        yield from self.candidate_requests(here, candidates)
        pages = {link.url for link in structure.pages}
        listings += [link for link in structure.pages if link.url not in {other.url for other in listings} | proven]
        streak = streak + 1 if self.plan.exhausted(articles + candidates) else 0
        paging = self.plan.walk_all or streak < self.plan.depth
        next_page = None if self.plan.walk_all else self.next_page(response.url, listings)
        for link in listings:
            pagination = is_pagination(link) or link.url in pages
            section_hop = self.generic and not pagination
            if section_hop and hops >= GENERIC_SECTION_HOPS:
                continue
            if pagination and (not paging or (next_page is not None and link is not next_page)):
                continue
            yield self.listing_request(
                link.url, self.parse_listing,
                cb_kwargs={"hops": hops + section_hop, "streak": streak if pagination else 0,
                           "section": section if pagination else None},
            )

    def note_structure(self, url: str, section: str, structure: Listing, matched: bool) -> None:
        """Remember the listing's section and shapes (for learning); report a pager that only posts back."""
        self.sections[url] = {"section": section, "item_xpath": structure.item_xpath, "pager": structure.pager}
        if self.learnt and not matched:
            self.stale_listings += 1
        if structure.postback:
            stats = self.crawler.stats
            if not stats.get_value(POSTBACK_PAGINATION):
                self.logger.info("listing paginates by postback (javascript:__doPostBack), not followed: %s", url)
            stats.inc_value(POSTBACK_PAGINATION)

    def candidate_requests(self, listing: str, candidates: list[Link]) -> Iterator[scrapy.Request]:
        """The first few of a listing's candidates found by structure alone; the rest as they prove out."""
        fresh = []
        for link in candidates:
            if reason := self.plan.skip(link):
                self.crawler.stats.inc_value(SKIPPED[reason])
            elif link.url not in self.requested:
                fresh.append(link)
        self.crawler.stats.inc_value(ARTICLE_LINKS, len(candidates))
        if not fresh:
            return
        pool = self.pools[listing] = CandidatePool(self.candidate_misses, deque(fresh))
        self.crawler.stats.inc_value(CANDIDATES, len(fresh))
        for link in pool.release():
            yield self.article_request(link.url, link.listing_date, listing, candidate=True)

    def fetched_listing(self, url: str, body: str) -> None:
        """A page asked for as an article that its verdict calls a listing (a section whose URL looked
        like a story's, as Joomla's ``Itemid=`` does): its links are followed as a section's, from the
        page already fetched. The page decides both ways."""
        response = HtmlResponse(url, body=body.encode("utf-8"), encoding="utf-8")
        self.crawler.stats.inc_value(LISTINGS_FOUND_AS_PAGES)
        for request in self.within_budget(self.follow_listing(response, hops=GENERIC_SECTION_HOPS)):
            self.crawler.engine.crawl(request)

    def judged(self, found_on: str, url: str, article: bool, candidate: bool) -> None:
        """What a page found on a listing came to: learnt from when an article; a candidate's result
        releases the listing's next candidates, or ends them once their misses are spent."""
        if article:
            self.confirmed[url] = self.sections.get(found_on, {}).get("section", found_on)
        pool = self.pools.get(found_on) if candidate else None
        if pool is None:
            return
        released = [self.article_request(link.url, link.listing_date, found_on, candidate=True) for link in pool.judged(article)]
        for request in self.within_budget(released):
            self.crawler.engine.crawl(request)
        if dropped := pool.give_up():
            self.crawler.stats.inc_value(CANDIDATES_NOT_FETCHED, dropped)
            self.logger.info("%d candidates of %s not fetched: %d were no article", dropped, found_on, pool.misses)

    def learnt_shapes(self) -> PortalShapes | None:
        """What this run (and earlier ones) confirmed of a portal crawled by structure, to keep."""
        return learn(self.source, self.confirmed, self.sections, self.learnt) if self.generic else None

    def idle(self) -> None:
        """Learnt listings that failed or link to no article the learnt pattern matches, and nothing new
        found: discover the portal again from its home page."""
        if not self.learnt or not self.stale_listings or self.crawler.stats.get_value(ARTICLES_NEW):
            return
        self.logger.info("learnt listings link to no article any more: discovering %s again", self.discovery.home)
        self.learnt = None
        self.source = self.discovery
        self.classifier = LinkClassifier(self.source)
        home = self.listing_request(self.source.home, self.parse_listing, start=True, cb_kwargs={"hops": 0})
        self.crawler.engine.crawl(home.replace(dont_filter=True))  # asked for already as a learnt listing, maybe
        raise DontCloseSpider

    def article_requests(self, articles: list[Link], found_on: str | None = None) -> Iterator[scrapy.Request]:
        """Requests for the article links the plan does not skip (known, or older than ``--since``)."""
        stats = self.crawler.stats
        stats.inc_value(ARTICLE_LINKS, len(articles))
        for link in articles:
            if reason := self.plan.skip(link):
                stats.inc_value(SKIPPED[reason])
                continue
            yield self.article_request(link.url, link.listing_date, found_on)

    @staticmethod
    def next_page(url: str, listings: list[Link]) -> Link | None:
        """The pagination link to the page after this one, when the page numbers say which it is."""
        wanted = (page_number(url) or 1) + 1
        return next((link for link in listings if is_pagination(link) and page_number(link.url, link.text) == wanted), None)

    def article_failed(self, failure: Failure) -> None:
        """One log line for an article page that could not be had. A link that is gone (404, 410)
        is remembered, so later runs do not ask again; a network failure is counted."""
        status, reason = failure_reason(failure)
        if found_on := failure.request.cb_kwargs.get("found_on"):
            self.judged(found_on, failure.request.url, False, failure.request.cb_kwargs.get("candidate", False))
        if reason == ROBOTS_FORBIDDEN:
            self.crawler.stats.inc_value(FORBIDDEN_BY_ROBOTS)
            self.logger.info("article page not fetched: %s (%s)", failure.request.url, reason)
            return
        if status is None:
            self.crawler.stats.inc_value(FETCH_FAILURES)
        level = logging.INFO if status in (404, 410) else logging.WARNING
        self.logger.log(level, "article page failed: %s (%s)", failure.request.url, reason)
        if status in (404, 410):
            url = canonicalize(failure.request.url)
            self.pages_seen[url] = {
                "url": url, "source": self.source.key, "kind": "article", "outcome": "gone",
                "status": failure.value.response.status, "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }

    def parse_article(
        self, response: Response, listing_date: str | None = None, found_on: str | None = None, candidate: bool = False,
    ) -> Iterator[PageItem]:
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value(NOT_HTML)
            if found_on:
                self.judged(found_on, response.url, False, candidate)
            return
        self.crawler.stats.inc_value(ARTICLE_PAGES)
        yield PageItem(
            url=canonicalize(response.url),
            source=self.source.key,
            body=page_text(response),
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            status=response.status,
            listing_date=listing_date,
            generic=self.generic,
            raw=response.body,
            headers=[[k.decode("latin-1"), v.decode("latin-1")] for k, vs in response.headers.items() for v in vs],
            link_url=canonicalize(response.meta.get("redirect_urls", [response.url])[0]),
            found_on=found_on,
            candidate=candidate,
        )

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        if not self.not_modified(response):
            yield from self.within_budget(self.feed_entries(response))

    def feed_entries(self, response: Response) -> Iterator[scrapy.Request]:
        """RSS 2.0 and Atom: each entry's link, with its date as the listing date."""
        try:
            root = etree.fromstring(response.body, parser=etree.XMLParser(recover=True, resolve_entities=False))
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            self.logger.warning("unreadable feed: %s", response.url)
            return
        entries = []
        for entry in root.xpath("//item | //*[local-name()='entry']"):
            link = entry.xpath("string(link)").strip() or entry.xpath("string(*[local-name()='link']/@href)").strip()
            published = entry.xpath("string(pubDate | *[local-name()='published'] | *[local-name()='updated'])").strip()
            if link and self.source.on_domain(link):
                entries.append(Link(canonicalize(link), "", published or None))
        yield from self.article_requests(entries)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        if not self.not_modified(response):
            yield from self.within_budget(self.sitemap_entries(response))

    def sitemap_entries(self, response: Response) -> Iterator[scrapy.Request]:
        sitemap = Sitemap(response.body)
        articles = []
        for entry in sitemap:
            url = entry.get("loc", "")
            if not self.source.on_domain(url):
                continue
            if sitemap.type == "sitemapindex":
                yield self.listing_request(url, self.parse_sitemap, priority=5)
            elif self.classifier.is_article(Link(url, "")):
                articles.append(Link(canonicalize(url), ""))
        yield from self.article_requests(articles)



ROBOTS_FORBIDDEN = "IgnoreRequest: Forbidden by robots.txt"


def failure_reason(failure: Failure) -> tuple[int | None, str]:
    """The HTTP status of a failed request (None for a network failure) and a short reason. The
    reason names the wait a Retry-After asked for: the one line about a request given up for
    asking too long (``crawler.crawl.middlewares.RetryAfter`` logs none of its own)."""
    if failure.check(HttpError):
        response = failure.value.response
        asked = retry_after(response.headers.get("Retry-After"))
        return response.status, f"HTTP {response.status}" + (f", Retry-After {asked:.0f} s" if asked else "")
    message = str(failure.value).strip()
    return None, f"{failure.value.__class__.__name__}: {message}" if message else failure.value.__class__.__name__


def resolve_source(sources_dir: str | None, key: str | None, url: str | None, adhoc_key: str | None) -> Source:
    """The source a spider's arguments name: ``-a source=KEY`` in the registry, or ``-a url=URL``."""
    if bool(key) == bool(url):
        raise ValueError("give exactly one of -a source=KEY or -a url=URL")
    if url:
        return adhoc_source(url, adhoc_key)
    registry = load_registry(Path(sources_dir)) if sources_dir else load_registry()
    if key not in registry:
        raise ValueError(f"unknown source: {key}")
    return registry[key]


def spider_class(source: Source) -> type[PortalSpider]:
    """The spider a source runs with: the class its entry names (``spider = "module:Class"``, a
    ``PortalSpider`` subclass overriding the named hooks), else ``PortalSpider``. The module is
    imported and the class looked up by name; nothing is evaluated."""
    if not source.spider:
        return PortalSpider
    module, _, name = source.spider.partition(":")
    try:
        found = getattr(importlib.import_module(module), name)
    except ImportError as exc:
        raise RegistryError(f"{source.key}: spider {source.spider}: cannot import {module} ({exc})") from None
    except AttributeError:
        raise RegistryError(f"{source.key}: spider {source.spider}: {module} has no {name}") from None
    if not (isinstance(found, type) and issubclass(found, PortalSpider)):
        raise RegistryError(f"{source.key}: spider {source.spider} is not a subclass of PortalSpider")
    return found


def page_text(response: TextResponse) -> str:
    return decode_page(response.body, response.encoding)
