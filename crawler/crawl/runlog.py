"""The run log extension: each source's run is a row of table ``crawls``, kept current as it goes.

At the end the row gets the run's status and the source's health as this run saw it: ``broken``
when its start pages failed, when its listings linked to no article its patterns match, or when
it fetched article pages and none extracted as an article; ``ok`` when it saw pages that worked;
nothing when it saw nothing that tells (every listing unchanged since the last run).
"""

from __future__ import annotations

import os

from scrapy import signals
from twisted.internet import task

from archive.runs import FAILED, FINISHED, INCOMPLETE, KILLED, STOPPED, start_run, update_run
from archive.store import Archive

from crawler.crawl.extensions import summarize
from crawler.crawl.stats import (
    ARTICLES_OLD,
    ARTICLE_LINKS,
    ARTICLE_OUTCOMES,
    ARTICLE_PAGES,
    BUDGET_EXHAUSTED,
    FETCH_FAILURES,
    KNOWN_SKIPPED,
    LISTING_FAILURES,
    LISTING_PAGES,
    MODE,
    NOT_MODIFIED,
    PROBLEM,
    START_ERROR,
    START_FAILURES,
    START_PAGES,
    STATUS,
)

COLUMNS = {  # crawls column -> stats key
    "listing_pages": LISTING_PAGES,
    "not_modified": NOT_MODIFIED,
    "article_links": ARTICLE_LINKS,
    "article_pages": ARTICLE_PAGES,
    "known_skipped": KNOWN_SKIPPED,
    "start_failures": START_FAILURES,
    "fetch_failures": FETCH_FAILURES,
}


def run_figures(stats: dict) -> dict[str, int]:
    figures = summarize(stats)
    return {
        "pages": figures["pages"],
        "articles_new": figures["new"],
        "articles_updated": figures["updated"],
        "articles_unchanged": figures["unchanged"],
        "articles_failed": figures["failed"],
        "not_articles": figures["not_article"],
        "http_errors": figures["http_errors"],
        **{column: int(stats.get(key, 0)) for column, key in COLUMNS.items()},
    }


def run_status(reason: str, stats: dict) -> str:
    """``failed`` when none of the source's start pages could be had (an unreachable host, say)."""
    if reason != "finished":
        return STOPPED
    if stats.get(START_FAILURES, 0) >= stats.get(START_PAGES, 0) > 0:
        return FAILED
    if stats.get(BUDGET_EXHAUSTED) or stats.get(LISTING_FAILURES):
        return INCOMPLETE
    return FINISHED


def judge(stats: dict) -> tuple[str | None, str | None]:
    """The source's health as one run saw it: ('broken', why), ('ok', None) or (None, None)."""
    if stats.get(START_FAILURES):
        return "broken", f"start page failed: {stats.get(START_ERROR)}"
    listings = stats.get(LISTING_PAGES, 0)
    if listings and not stats.get(ARTICLE_LINKS):
        return "broken", f"{listings} listing pages link to no article the source's patterns match"
    pages = stats.get(ARTICLE_PAGES, 0)
    extracted = sum(stats.get(k, 0) for k in (*ARTICLE_OUTCOMES.values(), ARTICLES_OLD))
    if pages and not extracted:
        return "broken", f"{pages} article pages fetched, none extracted as an article"
    return ("ok", None) if listings or pages else (None, None)


class RunLog:
    """Inserts the run's row when the spider opens, rewrites its figures every few seconds, closes it at the end."""

    def __init__(self, crawler, db_path: str, interval: float):
        self.crawler = crawler
        self.db_path = db_path
        self.interval = interval
        self.archive: Archive | None = None
        self.run_id: int | None = None
        self.task: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler, crawler.settings.get("NEWSARCHIVE_DB"), crawler.settings.getfloat("NEWSARCHIVE_RUNLOG_INTERVAL"))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider) -> None:
        self.archive = Archive.shared(self.db_path)
        self.run_id = start_run(self.archive.db, spider.source.key, spider.plan.mode, os.getpid())
        self.crawler.stats.set_value(MODE, spider.plan.mode)
        self.task = task.LoopingCall(self.write)
        self.task.start(self.interval, now=False)

    def write(self) -> None:
        update_run(self.archive.db, self.run_id, run_figures(self.crawler.stats.get_stats()))

    def spider_closed(self, spider, reason: str) -> None:
        if self.task and self.task.running:
            self.task.stop()
        if self.archive is None:
            return
        stats = self.crawler.stats.get_stats()
        status = run_status(reason, stats)
        health, problem = judge(stats)
        self.crawler.stats.set_value(STATUS, status)
        if health == "broken":
            self.crawler.stats.set_value(PROBLEM, problem)
        fields = {**run_figures(stats), "status": status, "health": health, "problem": problem}
        update_run(self.archive.db, self.run_id, fields, finished=True)
        self.archive.close()

    def abandon(self) -> None:
        """The crawl was stopped at once (a second Ctrl-C), its spider never closed: the row says
        ``killed`` (no queue was kept, the next run walks the listings again) with the figures so far."""
        if self.task and self.task.running:
            self.task.stop()
        if self.archive is None:
            return
        self.crawler.stats.set_value(STATUS, KILLED)
        update_run(self.archive.db, self.run_id, {**run_figures(self.crawler.stats.get_stats()), "status": KILLED}, finished=True)
        self.archive.commit()
        self.archive.close()
        self.archive = None
