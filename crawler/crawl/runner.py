"""Running portal crawls in this process, one Scrapy crawler per source, all at once.

Each source's crawler keeps its queue in its own JOBDIR (``<archive>.jobs/<key>``) while it runs.
A run stopped cleanly (Ctrl-C once, SIGTERM) leaves it for ``--resume``; a run that finishes
removes it. A killed process, or a run stopped at once (a second Ctrl-C), leaves a JOBDIR Scrapy
cannot trust (the queue's state is written only on a clean close), so it is discarded, and the
next run catches up by walking the source's listings again while skipping the articles already
stored.

``NEWSARCHIVE_SCRAPY_SETTINGS`` (JSON, e.g. ``{"DOWNLOAD_DELAY": 0}``) overrides Scrapy settings
for every crawl: the tests use it to drop the politeness delays against their local servers.

With ``redis_url`` the crawls are processes of a shared crawl (``crawler.scaleout.connection``): their queue
lives in Redis rather than in a JOBDIR, and they write nothing into the archive.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
from datetime import date
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from archive.runs import FAILED, KILLED, STOPPED, last_run
from archive.store import Archive
from spiders.portal import PortalSpider

from crawler.crawl.extensions import summarize
from crawler.crawl.pipelines import ArchivePipeline
from crawler.crawl.progress import ProgressBoard
from crawler.sources.registry import adhoc_source
from crawler.crawl.runlog import RunLog
from crawler.crawl.shared import share
from crawler.crawl.stats import ARTICLES_QUEUED, PROBLEM, STATUS

OVERRIDES_ENV = "NEWSARCHIVE_SCRAPY_SETTINGS"


def crawl_settings(
    *, db_path: Path, sources_dir: Path | None, max_pages: int | None, verbose: bool,
    overrides: dict[str, str] | None = None, warc_dir: Path | None = None,
    refresh: bool = False, since: date | None = None, known_depth: int | None = None, redis_url: str | None = None,
) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.crawl.settings", priority="project")
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
        if name not in (overrides or {}):  # -s wins
            settings.set(name, value, priority="cmdline")
    if redis_url:
        share(settings, redis_url)
    return settings


def jobs_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".jobs")


def target_key(target: dict) -> str:
    return target.get("source") or adhoc_source(target["url"], target.get("key")).key


class Interruption:
    """Ctrl-C and SIGTERM, in place of Scrapy's handlers, which cannot tell the caller they came.

    The first stops every crawl cleanly: nothing more is asked for, the requests under way are
    answered, what is fetched is extracted and stored, the queue is kept for ``--resume``. The
    second stops the reactor at once: the articles stored so far are committed and nothing else,
    so every page not stored is recorded nowhere and the next run fetches it.
    """

    def __init__(self, process: CrawlerProcess):
        self.process = process
        self.received: list[int] = []

    def install(self) -> None:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self.handle)

    def handle(self, signum: int, frame) -> None:
        from twisted.internet import reactor

        self.received.append(signum)
        if len(self.received) == 1:
            reactor.callFromThread(self.stop_cleanly)
        elif len(self.received) == 2:
            reactor.callFromThread(self.stop_at_once)

    def stop_cleanly(self) -> None:
        name = signal.Signals(self.received[0]).name
        sys.stderr.write(f"{name}: stopping; what is fetched is being stored (again to stop at once)\n")
        self.process.stop()

    @staticmethod
    def stop_at_once() -> None:
        from twisted.internet import reactor

        if reactor.running:
            reactor.stop()

    @property
    def immediate(self) -> bool:
        return len(self.received) > 1

    @property
    def name(self) -> str | None:
        return signal.Signals(self.received[0]).name if self.received else None


def run_crawls(
    targets: list[dict], *, resume: bool = False, verbose: bool = False, spiders: dict[str, type[PortalSpider]] | None = None,
    **options,
) -> tuple[list[tuple[str, dict]], str | None]:
    """Crawl each target (``{"source": KEY}`` or ``{"url": URL}``, with an optional ``"key"``), each with its
    spider class from ``spiders`` (by key; ``PortalSpider`` when none); return (source key, figures) pairs,
    the figures with the run's ``status`` and, for a source that looks broken, its ``problem``, and the name of the
    signal that interrupted the crawl (None when none did)."""
    spiders = spiders or {}
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
        crawler = process.create_crawler(spiders.get(key, PortalSpider))
        if jobdir:
            if not resuming:
                shutil.rmtree(jobdir, ignore_errors=True)
            crawler.settings.set("JOBDIR", str(jobdir), priority="cmdline")
        crawler.settings.set("NEWSARCHIVE_RESUMING", resuming, priority="cmdline")
        runs.append((key, crawler, jobdir, target))
    board = ProgressBoard([(key, crawler) for key, crawler, _, _ in runs], sys.stderr, live=None if not verbose else False)
    for _, crawler, _, target in runs:
        process.crawl(crawler, **target)
    from twisted.internet import reactor

    interruption = Interruption(process)
    reactor.addSystemEventTrigger("after", "startup", interruption.install)
    process.start(install_signal_handlers=False)
    board.finish()
    results = []
    for key, crawler, jobdir, _ in runs:
        stats = crawler.stats.get_stats()
        if interruption.immediate and STATUS not in stats:  # its spider never closed
            for component in (crawler.get_extension(RunLog), crawler.get_item_pipeline(ArchivePipeline)):
                if component:
                    component.abandon()
            stats = crawler.stats.get_stats()
        status = stats.get(STATUS, FAILED)  # FAILED: its spider never opened
        if jobdir and (stats.get("finish_reason") == "finished" or status == KILLED):
            shutil.rmtree(jobdir, ignore_errors=True)
        figures = summarize(stats)
        figures["queued"] = int(stats.get(ARTICLES_QUEUED, 0))
        if interruption.received and status in (STOPPED, KILLED):
            status = "interrupted"
        results.append((key, {**figures, "status": status, "problem": stats.get(PROBLEM)}))
    if jobs_dir(db_path).is_dir() and not any(jobs_dir(db_path).iterdir()):
        jobs_dir(db_path).rmdir()
    return results, interruption.name
