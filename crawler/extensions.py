"""Crawl-level extensions."""

from __future__ import annotations

import logging

from scrapy import signals

logger = logging.getLogger(__name__)

SUMMARY_FIELDS = {
    "pages": "downloader/response_count",
    "new": "newsarchive/articles/new",
    "updated": "newsarchive/articles/updated",
    "unchanged": "newsarchive/articles/unchanged",
    "failed": "newsarchive/articles/failed",
    "not_article": "newsarchive/not_article",
    "http_errors": "newsarchive/http_errors",
}


def summarize(stats: dict) -> dict[str, int]:
    """The per-source figures a crawl reports, from a crawler's stats."""
    figures = {name: int(stats.get(key, 0)) for name, key in SUMMARY_FIELDS.items()}
    figures["http_errors"] = sum(
        v for k, v in stats.items() if k.startswith("downloader/response_status_count/") and int(k.rsplit("/", 1)[1]) >= 400
    )
    return figures


class CrawlSummary:
    """Logs one line per source when its crawl ends: pages fetched, articles new/updated/failed."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider, reason):
        figures = summarize(self.crawler.stats.get_stats())
        logger.info(
            "%s: %s",
            spider.source.key,
            ", ".join(f"{name} {value}" for name, value in figures.items()),
            extra={"spider": spider},
        )
