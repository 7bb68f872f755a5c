"""Crawl-level extensions."""

from __future__ import annotations

import json
import logging
import resource
import time

from scrapy import signals

from crawler.crawl.stats import ARTICLES_FAILED, ARTICLES_NEW, ARTICLES_UNCHANGED, ARTICLES_UPDATED, FETCH_FAILURES, NOT_ARTICLE

logger = logging.getLogger(__name__)

SUMMARY_FIELDS = {
    "pages": "downloader/response_count",
    "new": ARTICLES_NEW,
    "updated": ARTICLES_UPDATED,
    "unchanged": ARTICLES_UNCHANGED,
    "failed": ARTICLES_FAILED,
    "not_article": NOT_ARTICLE,
}


def summarize(stats: dict) -> dict[str, int]:
    """The per-source figures a crawl reports, from a crawler's stats."""
    figures = {name: int(stats.get(key, 0)) for name, key in SUMMARY_FIELDS.items()}
    figures["http_errors"] = sum(
        v for k, v in stats.items() if k.startswith("downloader/response_status_count/") and int(k.rsplit("/", 1)[1]) >= 400
    )
    figures["errors"] = figures["http_errors"] + int(stats.get(FETCH_FAILURES, 0))  # and the network's
    return figures


class CrawlSummary:
    """Logs one line per source when its crawl ends: pages fetched, articles new/updated/failed.

    With ``NEWSARCHIVE_STATS_FILE`` set, it also appends the source's full stats (and the
    process's CPU seconds and peak memory so far) there as one JSON line, for benchmarks and
    monitoring.
    """

    def __init__(self, crawler, stats_file: str | None):
        self.crawler = crawler
        self.stats_file = stats_file

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler, crawler.settings.get("NEWSARCHIVE_STATS_FILE"))
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
        if self.stats_file:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            record = {
                "source": spider.source.key,
                "reason": reason,
                "cpu_seconds": usage.ru_utime + usage.ru_stime,
                "peak_rss_kb": usage.ru_maxrss,
                "closed_at": time.time(),
                "stats": {k: v if isinstance(v, (int, float, str)) else str(v) for k, v in self.crawler.stats.get_stats().items()},
            }
            with open(self.stats_file, "a", encoding="utf-8") as out:
                out.write(json.dumps(record) + "\n")
