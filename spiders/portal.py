"""The one engine every source runs through.

``scrapy crawl portal -a source=KEY`` crawls a registry source: its start pages (party-building
sections first), their pagination, its feeds and sitemaps, and the article pages they link to,
never leaving the source's domains. ``-a url=URL`` crawls a portal with no registry entry from
its home page alone, sorting links by the generic rules in ``crawler.links``.

A site's quirks belong in its registry entry; a behaviour that a site needs and others do not
is a named hook here (``listing_links``, ``article_request``) that a subclass may override.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import scrapy
from lxml import etree
from scrapy.http import Response, TextResponse
from scrapy.utils.sitemap import Sitemap

from crawler.extract import ExtractionError, parse_html
from crawler.extract.text import decode_page
from crawler.items import PageItem
from crawler.links import Link, LinkClassifier, canonicalize, is_pagination, page_links
from crawler.registry import Source, adhoc_source, load_registry

GENERIC_SECTION_HOPS = 1  # home -> section pages; pagination does not count as a hop


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, source: str | None = None, url: str | None = None, **kwargs):
        super().__init__(**kwargs)
        if bool(source) == bool(url):
            raise ValueError("give exactly one of -a source=KEY or -a url=URL")
        self.source_key = source
        self.home_url = url

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.source = spider.resolve_source(crawler.settings.get("NEWSARCHIVE_SOURCES"))
        spider.generic = spider.home_url is not None
        spider.classifier = LinkClassifier(spider.source)
        spider.allowed_domains = sorted({d.split(":")[0] for d in spider.source.domains})
        spider.budget = crawler.settings.getint("NEWSARCHIVE_MAX_PAGES") or None
        return spider

    def within_budget(self, requests: Iterator[scrapy.Request]) -> Iterator[scrapy.Request]:
        """Pass requests on while ``--max-pages`` allows: a bounded run asks for no more than that."""
        for request in requests:
            if self.budget is not None:
                if self.budget <= 0:
                    return
                self.budget -= 1
            yield request

    def resolve_source(self, sources_dir: str | None) -> Source:
        if self.home_url:
            return adhoc_source(self.home_url)
        registry = load_registry(Path(sources_dir)) if sources_dir else load_registry()
        if self.source_key not in registry:
            raise ValueError(f"unknown source: {self.source_key}")
        return registry[self.source_key]

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self.within_budget(self.start_requests_for_source()):
            yield request

    def start_requests_for_source(self) -> Iterator[scrapy.Request]:
        for url in self.source.start_urls:
            yield scrapy.Request(url, callback=self.parse_listing, cb_kwargs={"hops": 0}, priority=10)
        for url in self.source.feeds:
            yield scrapy.Request(url, callback=self.parse_feed, priority=10)
        for url in self.source.sitemaps:
            yield scrapy.Request(url, callback=self.parse_sitemap, priority=5)

    # Named hooks ---------------------------------------------------------------------------

    def listing_links(self, response: TextResponse) -> list[Link]:
        """The on-domain links of a listing page; a site with odd pagination overrides this."""
        try:
            root = parse_html(page_text(response))
        except ExtractionError:
            return []
        return page_links(root, response.url, self.source)

    def article_request(self, url: str, listing_date: str | None = None) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse_article, cb_kwargs={"listing_date": listing_date}, priority=20
        )

    # Callbacks -------------------------------------------------------------------------------

    def parse_listing(self, response: Response, hops: int = 0) -> Iterator[scrapy.Request]:
        self.crawler.stats.inc_value("newsarchive/listing_pages")
        if isinstance(response, TextResponse):
            yield from self.within_budget(self.follow_listing(response, hops))

    def follow_listing(self, response: TextResponse, hops: int) -> Iterator[scrapy.Request]:
        for link in self.listing_links(response):
            if self.classifier.is_article(link):
                yield self.article_request(link.url, link.listing_date)
            elif self.classifier.is_listing(link):
                section_hop = self.generic and not is_pagination(link)
                if section_hop and hops >= GENERIC_SECTION_HOPS:
                    continue
                yield scrapy.Request(
                    link.url, callback=self.parse_listing, cb_kwargs={"hops": hops + section_hop}, priority=10
                )

    def parse_article(self, response: Response, listing_date: str | None = None) -> Iterator[PageItem]:
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("newsarchive/not_html")
            return
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
        )

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
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
        for entry in root.xpath("//item | //*[local-name()='entry']"):
            link = entry.xpath("string(link)").strip() or entry.xpath("string(*[local-name()='link']/@href)").strip()
            date = entry.xpath("string(pubDate | *[local-name()='published'] | *[local-name()='updated'])").strip()
            if link and self.source.on_domain(link):
                yield self.article_request(canonicalize(link), date or None)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        yield from self.within_budget(self.sitemap_entries(response))

    def sitemap_entries(self, response: Response) -> Iterator[scrapy.Request]:
        sitemap = Sitemap(response.body)
        for entry in sitemap:
            url = entry.get("loc", "")
            if not self.source.on_domain(url):
                continue
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(url, callback=self.parse_sitemap, priority=5)
            elif self.classifier.is_article(Link(url, "")):
                yield self.article_request(canonicalize(url))



def page_text(response: TextResponse) -> str:
    return decode_page(response.body, response.encoding)
