"""A crawl process of a shared crawl (``crawl --redis URL``): the settings that make it one.

The crawl layer names the Redis-mode components (``crawler.scaleout``) only by their import paths, as
Scrapy settings do, so the crawl machinery imports nothing of the scale-out layer above it.
"""

from __future__ import annotations

from scrapy.settings import SETTINGS_PRIORITIES, Settings

# Where a crawl process's components differ from a crawl that writes the archive itself: extraction
# stays in the crawlers (it is the CPU-heavy part), every other pipeline runs in the writer.
CRAWLER_PIPELINES = {
    "crawler.crawl.pipelines.ExtractionPipeline": 300,
    "crawler.scaleout.itemqueue.ItemQueuePipeline": 800,
}
CRAWLER_EXTENSIONS = {
    "crawler.crawl.runlog.RunLog": None,
    "crawler.scaleout.itemqueue.QueuedRunLog": 510,
}
SCHEDULER = "crawler.scaleout.frontier.SharedScheduler"


def share(settings: Settings, url: str) -> None:
    """Turn the crawls that ``settings`` configure into crawl processes sharing ``url``."""
    settings.set("NEWSARCHIVE_REDIS_URL", url, priority="cmdline")
    settings.set("SCHEDULER", SCHEDULER, priority="cmdline")
    settings.set("ITEM_PIPELINES", CRAWLER_PIPELINES, priority="cmdline")
    settings.set("EXTENSIONS", {**settings.getdict("EXTENSIONS"), **CRAWLER_EXTENSIONS}, priority="cmdline")
    # Scrapy takes up to CONCURRENT_REQUESTS from the queue and lets them wait for their domain's slot: a
    # process takes no more than it fetches at once (a crawler has one source), leaving the rest to the others.
    if settings.getpriority("CONCURRENT_REQUESTS") < SETTINGS_PRIORITIES["cmdline"]:
        settings.set("CONCURRENT_REQUESTS", settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"), priority="cmdline")
