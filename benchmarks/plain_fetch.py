"""The crawl's upper bound: plain Scrapy fetching a list of URLs and throwing the pages away.

    python benchmarks/plain_fetch.py URLS_FILE   -> prints {"pages": N, "seconds": S, "cpu": C} as JSON

Seconds and CPU seconds count the crawl alone, from the reactor's start (not Python's and Scrapy's
start-up).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import scrapy
from scrapy.crawler import CrawlerProcess


class FetchOnly(scrapy.Spider):
    name = "fetch-only"

    def __init__(self, urls: list[str], **kwargs):
        super().__init__(**kwargs)
        self.urls = urls

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, callback=self.discard, dont_filter=True)

    def discard(self, response):
        return None


def main() -> None:
    urls = Path(sys.argv[1]).read_text("utf-8").split()
    settings = {
        "LOG_LEVEL": "ERROR", "CONCURRENT_REQUESTS": 32, "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
        "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "ROBOTSTXT_OBEY": False, "TELNETCONSOLE_ENABLED": False,
    }
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(FetchOnly)
    process.crawl(crawler, urls=urls)
    started, started_cpu = time.perf_counter(), time.process_time()
    process.start()
    seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    print(json.dumps({"pages": crawler.stats.get_value("response_received_count", 0), "seconds": seconds, "cpu": cpu}))


if __name__ == "__main__":
    main()
