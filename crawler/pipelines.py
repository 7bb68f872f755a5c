"""Item pipelines: extraction, then storage in the archive."""

from __future__ import annotations

import time

from scrapy.exceptions import DropItem

from archive.store import Archive

from .extract import ExtractionError, extract_article
from .items import PageItem


class ExtractionPipeline:
    """Turns a fetched page into an article; pages that are not articles are dropped and counted."""

    def __init__(self, crawler, min_chars: int, generic_min_chars: int):
        self.crawler = crawler
        self.min_chars = min_chars
        self.generic_min_chars = generic_min_chars

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(
            crawler,
            settings.getint("NEWSARCHIVE_MIN_TEXT_CHARS"),
            settings.getint("NEWSARCHIVE_GENERIC_MIN_TEXT_CHARS"),
        )

    def process_item(self, item: PageItem) -> PageItem:
        stats = self.crawler.stats
        source = self.crawler.spider.source
        started = time.process_time()
        try:
            article = extract_article(item.body, item.url, source.extract, site=source.name, listing_date=item.listing_date)
        except ExtractionError as exc:
            stats.inc_value("newsarchive/articles/failed")
            raise DropItem(f"{item.url}: {exc}") from None
        finally:
            stats.inc_value("newsarchive/cpu/extract", time.process_time() - started)
        if not article.title or len(article.text) < (self.generic_min_chars if item.generic else self.min_chars):
            stats.inc_value("newsarchive/not_article")
            raise DropItem(f"{item.url}: not an article (no headline or too little text)", log_level="INFO")
        if item.generic and not article.published:
            stats.inc_value("newsarchive/not_article")
            raise DropItem(f"{item.url}: not an article (no publication date)", log_level="INFO")
        canonical = article.canonical_url
        if canonical and source.on_domain(canonical):
            item.url = canonical
        item.article = article.as_dict()
        return item


class ArchivePipeline:
    """Writes each article into the SQLite archive, one transaction per row."""

    def __init__(self, crawler, db_path: str):
        self.crawler = crawler
        self.db_path = db_path
        self.archive: Archive | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.get("NEWSARCHIVE_DB"))

    def open_spider(self) -> None:
        self.archive = Archive(self.db_path)
        self.archive.sync_sources([self.crawler.spider.source.as_row()])

    def close_spider(self) -> None:
        if self.archive:
            self.archive.close()

    def process_item(self, item: PageItem) -> PageItem:
        article = item.article
        row = {
            "url": item.url,
            "source": item.source,
            "province": self.crawler.spider.source.province,
            "title": article["title"],
            "text": article["text"],
            "published": article["published"],
            "date_source": article["date_source"],
            "author": article["author"],
            "source_attribution": article["source_attribution"],
            "word_count": article["word_count"],
            "fetched_at": item.fetched_at,
        }
        started = time.process_time()
        outcome = self.archive.save_article(row)
        self.crawler.stats.inc_value("newsarchive/cpu/store", time.process_time() - started)
        self.crawler.stats.inc_value(f"newsarchive/articles/{outcome}")
        return item
