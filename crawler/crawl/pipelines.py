"""Item pipelines: extraction, then storage in the archive."""

from __future__ import annotations

import time
from collections.abc import Callable

from scrapy import signals
from scrapy.exceptions import DropItem
from scrapy.utils.misc import load_object
from twisted.internet import task

from archive import lock
from archive.pages import record_pages
from archive.shapes import save_shapes
from archive.store import Archive

from crawler.crawl.backlog import BACKLOG
from crawler.extract import ExtractionError
from crawler.extract.verdict import LISTINGS
from crawler.crawl.workers import default_workers, extract
from crawler.crawl.items import PageItem
from crawler.crawl.stats import ARTICLE_OUTCOMES, CPU_EXTRACT, CPU_STORE, REJECTED


class ExtractionPipeline:
    """Turns a fetched page into an article; pages that are not articles are dropped and counted."""

    def __init__(
        self, crawler, min_chars: int, generic_min_chars: int, since: str | None = None, workers: int = 0, limit: float = 0,
        derive: Callable[[str | None, str], dict] | None = None,
    ):
        self.crawler = crawler
        self.derive = derive
        self.min_chars = min_chars
        self.generic_min_chars = generic_min_chars
        self.since = since
        self.workers = workers
        self.limit = limit

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(
            crawler,
            settings.getint("NEWSARCHIVE_MIN_TEXT_CHARS"),
            settings.getint("NEWSARCHIVE_GENERIC_MIN_TEXT_CHARS"),
            settings.get("NEWSARCHIVE_SINCE"),
            default_workers() if settings.get("NEWSARCHIVE_EXTRACT_WORKERS") is None else settings.getint("NEWSARCHIVE_EXTRACT_WORKERS"),
            settings.getfloat("NEWSARCHIVE_EXTRACT_TIMEOUT"),
            load_object(settings["NEWSARCHIVE_DERIVE"]) if settings.get("NEWSARCHIVE_DERIVE") else None,
        )

    def reject(self, item: PageItem, reason: str, message: str, log_level: str = "WARNING") -> DropItem:
        self.crawler.stats.inc_value(REJECTED[reason])
        item.rejected = reason
        return DropItem(f"{item.url}: {message}", log_level=log_level)

    def report(self, item: PageItem, article: bool) -> None:
        """Tell the spider what a page found on a listing came to: it learns the portal's shapes from the
        articles, and bounds the misses of the candidates that only the listing's structure proposed."""
        if item.found_on:
            self.crawler.spider.judged(item.found_on, item.link_url or item.url, article, item.candidate)

    async def process_item(self, item: PageItem) -> PageItem:
        source = self.crawler.spider.source
        BACKLOG.start_extraction()
        try:
            article, verdict, derived, cpu = await extract(
                self.workers, item.body, item.url, source.extract, judge=item.generic, min_body_chars=self.generic_min_chars,
                limit=self.limit, derive=self.derive, site=source.name, listing_date=item.listing_date,
            )
        except ExtractionError as exc:
            self.report(item, False)
            raise self.reject(item, "failed", str(exc)) from None
        finally:
            BACKLOG.end_extraction()
        self.crawler.stats.inc_value(CPU_EXTRACT, cpu)
        if not item.generic and (not article.title or len(article.text) < self.min_chars):
            verdict = "no headline or too little text"
        self.report(item, verdict is None)
        if verdict in LISTINGS and item.generic:
            self.crawler.spider.fetched_listing(item.url, item.body)
        if verdict:
            raise self.reject(item, "not_article", f"not an article ({verdict})", "INFO")
        if self.since and article.published and article.published[:10] < self.since:
            raise self.reject(item, "old", f"published {article.published}, before --since {self.since}", "INFO")
        canonical = article.canonical_url
        if canonical and source.on_domain(canonical):
            item.url = canonical
        item.article = article.as_dict()
        item.derived = derived
        return item


class ArchivePipeline:
    """Writes each article into the SQLite archive with the record of its page, in batched transactions.

    It holds the archive's lock while the crawl runs, records the pages that were no article (so a
    later run need not fetch them), and at the end the listings' validators for conditional requests
    and the article links that were gone. The crawl's writes go into transactions committed every
    ``NEWSARCHIVE_BATCH_ARTICLES`` articles or ``NEWSARCHIVE_BATCH_SECONDS`` (``Archive.batch_commits``).
    """

    def __init__(self, crawler, db_path: str, batch_seconds: float, batch_articles: int):
        self.crawler = crawler
        self.db_path = db_path
        self.batch_seconds = batch_seconds
        self.batch_articles = batch_articles
        self.archive: Archive | None = None
        self.committer: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        pipeline = cls(crawler, settings.get("NEWSARCHIVE_DB"), settings.getfloat("NEWSARCHIVE_BATCH_SECONDS"),
                       settings.getint("NEWSARCHIVE_BATCH_ARTICLES"))
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    def open_spider(self) -> None:
        lock.acquire(self.db_path)
        self.archive = Archive.shared(self.db_path)
        self.archive.batch_commits(self.batch_articles)
        self.archive.sync_sources([self.crawler.spider.source.as_row()])
        self.committer = task.LoopingCall(self.archive.commit_written)
        self.committer.start(self.batch_seconds, now=False)

    def close_spider(self) -> None:
        if self.archive:
            self.committer.stop()
            record_pages(self.archive.db, list(self.crawler.spider.pages_seen.values()))
            if shapes := self.crawler.spider.learnt_shapes():
                save_shapes(self.archive.db, shapes)
            self.archive.commit()
            self.archive.close()
            self.archive = None
            lock.release(self.db_path)

    def abandon(self) -> None:
        """The crawl was stopped at once, its spider never closed: commit the articles stored so far
        (each whole, with its page's record) and nothing else; the pages still in extraction or
        downloading are recorded nowhere, so the next run fetches them."""
        if self.archive:
            self.committer.stop()
            self.archive.commit()
            self.archive.close()
            self.archive = None
            lock.release(self.db_path)

    def item_dropped(self, item) -> None:
        if isinstance(item, PageItem) and item.rejected and self.archive:
            record_pages(self.archive.db, [item.page_row(outcome=item.rejected)])

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
            "author_source": article["author_source"],
            "source_attribution": article["source_attribution"],
            "word_count": article["word_count"],
            "fetched_at": item.fetched_at,
        }
        started = time.thread_time()
        item.outcome = self.archive.save_article(row, page=item.page_row())
        self.archive.stored()
        self.crawler.stats.inc_value(CPU_STORE, time.thread_time() - started)
        self.crawler.stats.inc_value(ARTICLE_OUTCOMES[item.outcome])
        return item
