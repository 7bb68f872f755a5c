"""Raw pages: every fetched article page kept, so extraction can be re-run without crawling again.

``RawPagePipeline`` runs before extraction and stores each page the spider took for an article
(the ones extraction then rejects too: better rules may accept them) in the ``raw_pages`` table:
the response body zlib-compressed, its HTTP status and headers, and the fetch time, one row
per URL holding the latest fetch. ``page_item`` turns a stored page back into the ``PageItem``
the crawl made of it, decoding the body exactly as Scrapy did from the same headers.
"""

from __future__ import annotations

import json
import time
import zlib
from collections.abc import Iterator

import sqlite_utils
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse

from archive.store import Archive, write

from crawler.crawl.items import PageItem
from crawler.crawl.stats import CPU_STORE, PAGES_STORED


def store_page(db: sqlite_utils.Database, item: PageItem) -> None:
    with db.atomic():
        write(
            db, "raw_pages", {
                "url": item.url,
                "source": item.source,
                "status": item.status,
                "headers": json.dumps(item.headers, ensure_ascii=False),
                "body": zlib.compress(item.raw, 6),
                "size": len(item.raw),
                "fetched_at": item.fetched_at,
                "listing_date": item.listing_date,
                "generic": int(item.generic),
            },
            upsert="url",
        )


def page_item(row: dict) -> PageItem:
    """The item the crawl made of this page: same URL, text (decoded as Scrapy decodes it) and hints."""
    response = HtmlResponse(
        url=row["url"], status=row["status"] or 200, headers=json.loads(row["headers"] or "[]"),
        body=zlib.decompress(row["body"]),
    )
    return PageItem(
        url=row["url"], source=row["source"], body=response.text, fetched_at=row["fetched_at"],
        status=response.status, listing_date=row["listing_date"], generic=bool(row["generic"]),
    )


def stored_pages(db: sqlite_utils.Database, source: str) -> Iterator[dict]:
    """One source's stored pages, one at a time."""
    yield from db.query("select * from raw_pages where source = ? order by url", [source])


class RawPagePipeline:
    """Before extraction: keep the page as fetched (``NEWSARCHIVE_KEEP_PAGES``, on by default)."""

    def __init__(self, crawler, db_path: str):
        self.crawler = crawler
        self.db_path = db_path
        self.archive: Archive | None = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSARCHIVE_KEEP_PAGES"):
            raise NotConfigured
        return cls(crawler, crawler.settings.get("NEWSARCHIVE_DB"))

    def open_spider(self) -> None:
        self.archive = Archive.shared(self.db_path)

    def close_spider(self) -> None:
        if self.archive:
            self.archive.close()

    def process_item(self, item: PageItem) -> PageItem:
        if not item.raw:  # the writer's pages from a crawl process that keeps none
            return item
        started = time.thread_time()
        store_page(self.archive.db, item)
        self.crawler.stats.inc_value(CPU_STORE, time.thread_time() - started)
        self.crawler.stats.inc_value(PAGES_STORED)
        return item
