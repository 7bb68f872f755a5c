"""Running portal crawls in this process, one Scrapy crawler per source, all at once.

Each source's crawler keeps its queue in its own JOBDIR (``<archive>.jobs/<key>``) while it runs.
A run stopped cleanly (Ctrl-C once, SIGTERM) leaves it for ``--resume``; a run that finishes
removes it. A killed process leaves a JOBDIR Scrapy cannot trust (the queue's state is written
only on a clean close), so it is discarded, and the next run catches up by walking the source's
listings again while skipping the articles already stored.

``NEWSARCHIVE_SCRAPY_SETTINGS`` (JSON, e.g. ``{"DOWNLOAD_DELAY": 0}``) overrides Scrapy settings
for every crawl: the tests use it to drop the politeness delays against their local servers.

With ``redis_url`` the crawls are processes of a shared crawl (``crawler.scaleout``): their queue
lives in Redis rather than in a JOBDIR, and they write nothing into the archive.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from datetime import date
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from archive.runs import STOPPED, last_run
from archive.store import Archive
from spiders.portal import PortalSpider

from .extensions import summarize
from .progress import ProgressBoard
from .registry import adhoc_source
from .scaleout import share

OVERRIDES_ENV = "NEWSARCHIVE_SCRAPY_SETTINGS"


def crawl_settings(
    *, db_path: Path, sources_dir: Path | None, max_pages: int | None, verbose: bool,
    overrides: dict[str, str] | None = None, warc_dir: Path | None = None,
    refresh: bool = False, since: date | None = None, known_depth: int | None = None, redis_url: str | None = None,
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
    settings.set("NEWSARCHIVE_REFRESH", refresh, priority="cmdline")
    if since:
        settings.set("NEWSARCHIVE_SINCE", since.isoformat(), priority="cmdline")
    if known_depth:
        settings.set("NEWSARCHIVE_KNOWN_DEPTH", known_depth, priority="cmdline")
    settings.set("LOG_LEVEL", "INFO" if verbose else "WARNING", priority="cmdline")
    for name, value in json.loads(os.environ.get(OVERRIDES_ENV) or "{}").items():
        settings.set(name, value, priority="cmdline")
    if redis_url:
        share(settings, redis_url)
    return settings


def jobs_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".jobs")


def target_key(target: dict) -> str:
    return target.get("source") or adhoc_source(target["url"], target.get("key")).key


def run_crawls(targets: list[dict], *, resume: bool = False, verbose: bool = False, **options) -> list[tuple[str, dict]]:
    """Crawl each target (``{"source": KEY}`` or ``{"url": URL}``, with an optional ``"key"``); return (source key, figures) pairs,
    the figures with the run's ``status`` and, for a source that looks broken, its ``problem``."""
    db_path = Path(options["db_path"])
    shared = bool(options.get("redis_url"))  # the queue is in Redis, and the archive is the writer's
    process = CrawlerProcess(crawl_settings(verbose=verbose, **options))
    stopped = set()
    if not shared:
        archive = Archive(db_path)
        stopped = {key for key in map(target_key, targets) if (last_run(archive.db, key) or {}).get("status") == STOPPED}
        archive.close()
    runs = []
    for target in targets:
        key = target_key(target)
        jobdir = None if shared else jobs_dir(db_path) / key
        resuming = resume and key in stopped and jobdir.is_dir()
        crawler = process.create_crawler(PortalSpider)
        if jobdir:
            if not resuming:
                shutil.rmtree(jobdir, ignore_errors=True)
            crawler.settings.set("JOBDIR", str(jobdir), priority="cmdline")
        crawler.settings.set("NEWSARCHIVE_RESUMING", resuming, priority="cmdline")
        runs.append((key, crawler, jobdir, target))
    board = ProgressBoard([(key, crawler) for key, crawler, _, _ in runs], sys.stderr, live=None if not verbose else False)
    for _, crawler, _, target in runs:
        process.crawl(crawler, **target)
    process.start()
    board.finish()
    results = []
    for key, crawler, jobdir, _ in runs:
        stats = crawler.stats.get_stats()
        if jobdir and stats.get("finish_reason") == "finished":
            shutil.rmtree(jobdir, ignore_errors=True)
        figures = summarize(stats)
        figures["queued"] = int(stats.get("newsarchive/articles/queued", 0))
        results.append((key, {**figures, "status": stats.get("newsarchive/status", "failed"),
                              "problem": stats.get("newsarchive/problem")}))
    if jobs_dir(db_path).is_dir() and not any(jobs_dir(db_path).iterdir()):
        jobs_dir(db_path).rmdir()
    return results
