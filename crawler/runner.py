"""Running portal crawls in this process, one Scrapy crawler per source, all at once."""

from __future__ import annotations

from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from spiders.portal import PortalSpider

from .extensions import summarize


def crawl_settings(
    *, db_path: Path, sources_dir: Path | None, max_pages: int | None, verbose: bool,
    overrides: dict[str, str] | None = None, warc_dir: Path | None = None
) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.setdict(overrides or {}, priority="cmdline")
    settings.set("NEWSARCHIVE_DB", str(db_path), priority="cmdline")
    if sources_dir:
        settings.set("NEWSARCHIVE_SOURCES", str(sources_dir), priority="cmdline")
    if max_pages:
        settings.set("NEWSARCHIVE_MAX_PAGES", max_pages, priority="cmdline")
    if warc_dir:
        settings.set("NEWSARCHIVE_WARC_DIR", str(warc_dir), priority="cmdline")
    settings.set("LOG_LEVEL", "INFO" if verbose else "WARNING", priority="cmdline")
    return settings


def run_crawls(targets: list[dict], **options) -> list[tuple[str, dict[str, int]]]:
    """Crawl each target (``{"source": KEY}`` or ``{"url": URL}``); return (source key, figures) pairs."""
    process = CrawlerProcess(crawl_settings(**options))
    crawlers = []
    for target in targets:
        crawler = process.create_crawler(PortalSpider)
        process.crawl(crawler, **target)
        crawlers.append(crawler)
    process.start()
    return [(c.spider.source.key, summarize(c.stats.get_stats())) for c in crawlers]
