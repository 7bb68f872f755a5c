"""Progress of a running crawl, per source: pages, articles, errors.

On a terminal the figures are redrawn in place twice a second; anywhere else (a log file, cron,
systemd's journal) a plain line per source is written when it starts, every ``LOG_EVERY`` seconds
while it runs, and when it ends.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import TextIO

from scrapy import signals
from twisted.internet import task

from crawler.crawl.extensions import summarize
from crawler.crawl.runlog import run_status
from crawler.crawl.stats import ARTICLES_QUEUED

REDRAW_EVERY = 0.5
LOG_EVERY = 30.0


class ProgressBoard:
    def __init__(self, crawlers: list[tuple[str, object]], stream: TextIO, live: bool | None = None):
        self.crawlers = crawlers
        self.stream = stream
        self.live = stream.isatty() if live is None else live
        self.state = {key: "waiting" for key, _ in crawlers}
        self.running: set[str] = set()
        self.drawn = 0
        self.task: task.LoopingCall | None = None
        for key, crawler in crawlers:
            crawler.signals.connect(self._opened(key), signal=signals.spider_opened, weak=False)
            crawler.signals.connect(self._closed(key, crawler), signal=signals.spider_closed, weak=False)

    def _opened(self, key: str):
        def opened(spider):
            self.state[key] = spider.plan.mode
            self.running.add(key)
            if self.task is None:  # the reactor runs by now
                self.task = task.LoopingCall(self.tick)
                self.task.start(REDRAW_EVERY if self.live else LOG_EVERY, now=False)
            self.log(key, f"started ({spider.plan.mode})")
            self.redraw()

        return opened

    def _closed(self, key: str, crawler):
        def closed(spider, reason):
            self.state[key] = run_status(reason, crawler.stats.get_stats())
            self.running.discard(key)
            self.log(key, f"{self.figures(crawler)} ({self.state[key]})")
            self.redraw()

        return closed

    @staticmethod
    def figures(crawler) -> str:
        stats = crawler.stats.get_stats()
        f = summarize(stats)
        if crawler.settings.get("NEWSARCHIVE_REDIS_URL"):  # the writer stores them: this process knows what it queued
            articles = f"{stats.get(ARTICLES_QUEUED, 0)} queued"
        else:
            articles = f"{f['new']} new {f['updated']} updated"
        return f"pages {f['pages']}, articles {articles} {f['failed']} failed, errors {f['errors']}"

    def line(self, key: str, crawler) -> str:
        state = self.state[key]
        figures = self.figures(crawler) if state != "waiting" else ""
        return f"{key:<24} {state:<12} {figures}"

    def tick(self) -> None:
        if self.live:
            self.redraw()
            return
        for key, crawler in self.crawlers:
            if key in self.running:
                self.log(key, self.figures(crawler))

    def log(self, key: str, message: str) -> None:
        if not self.live:
            self.stream.write(f"{datetime.now():%Y-%m-%d %H:%M:%S} {key}: {message}\n")
            self.stream.flush()

    def columns(self) -> int:
        try:
            return os.get_terminal_size(self.stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            return 80

    def redraw(self) -> None:
        if not self.live:
            return
        up = f"\x1b[{self.drawn}F" if self.drawn else ""
        width = self.columns() - 1  # a wrapped line would throw the redraw off
        lines = "".join(f"\x1b[2K{self.line(key, crawler)[:width]}\n" for key, crawler in self.crawlers)
        self.stream.write(up + lines)
        self.stream.flush()
        self.drawn = len(self.crawlers)

    def finish(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        self.redraw()
