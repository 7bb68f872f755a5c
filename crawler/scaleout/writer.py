"""The archive's one writer in Redis mode (``newsarchive write --redis URL --db PATH``).

Crawl processes in Redis mode write no SQLite: they queue messages (``crawler.scaleout.itemqueue``) and the
writer stores them. It holds the archive's lock, as a crawl does, so nothing else writes the
archive meanwhile, and a lock in Redis (``Keys.writer``, renewed while it runs, expiring
``WRITER_TTL`` seconds after a writer dies), so the queue has one reader. It reads the queue in
batches from its head and removes a batch once it is stored: a writer that is killed loses
nothing, the next one stores the batch again (``save_article`` finds the rows unchanged).

Pages go through the crawl's own item pipelines with ``Judged`` in extraction's place (the
crawlers extracted them): the raw page for every page, archive and corpus for the pages that
extracted, and a rejected page is dropped and recorded as ``ArchivePipeline`` records one.
``ArchivePipeline`` says on the item what came of it (``item.outcome``). Each run gets
its row in ``crawls``, kept by the writer (so the row carries the writer's pid), with the crawl
process's figures and the writer's article counts, judged as ``RunLog`` judges a run; a run that
sends nothing for ``NEWSARCHIVE_REDIS_STALE`` seconds while the queue is empty is marked killed.
"""

from __future__ import annotations

import os
import socket
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import redis
from scrapy import signals
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.settings import Settings
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import build_from_crawler, load_object

from archive.pages import record_pages
from archive.runs import KILLED, start_run, update_run
from archive.shapes import PortalShapes, save_shapes
from archive.store import Archive

from crawler.scaleout.itemqueue import decode, page_item
from crawler.crawl.items import PageItem
from crawler.crawl.offline import offline_crawler, source_from_row
from crawler.crawl.pipelines import ExtractionPipeline
from crawler.crawl.runlog import judge, run_figures, run_status
from crawler.scaleout.connection import Keys
from crawler.crawl.stats import ARTICLE_OUTCOMES

BATCH = 100  # messages read and removed at a time
POLL = 0.2  # seconds between looks at an empty queue
WRITER_TTL = 30  # seconds the Redis lock outlives a writer that stopped renewing it
OUTCOMES = tuple(ARTICLE_OUTCOMES)  # new, updated, unchanged

RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('EXPIRE', KEYS[1], ARGV[2]) end return 0"
RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0"


class WriterBusy(RuntimeError):
    """Another writer drains this queue; the message says which."""


class Judged:
    """Extraction's stand-in in the writer's chain: a crawl process extracted the page; one it
    rejected is dropped here, as ``ExtractionPipeline`` dropped it there."""

    def process_item(self, item: PageItem) -> PageItem:
        if item.rejected:
            raise DropItem(item.rejected)
        return item


class SourceChain:
    """One source's storage pipelines, open while the writer runs."""

    def __init__(self, entry: dict, db_path: Path):
        self.crawler = offline_crawler(source_from_row(entry), db_path)
        paths = build_component_list(self.crawler.settings.getwithbase("ITEM_PIPELINES"))
        classes = [Judged if cls is ExtractionPipeline else cls for cls in map(load_object, paths)]
        self.pipelines = self.build(classes)
        for pipeline in self.pipelines:
            if hasattr(pipeline, "open_spider"):
                pipeline.open_spider()

    def build(self, classes: list) -> list:
        built = []
        for cls in classes:
            try:
                built.append(build_from_crawler(cls, self.crawler))
            except NotConfigured:
                pass
        return built

    def store(self, item: PageItem) -> str:
        """Store one page; return its outcome: new, updated, unchanged, or why it is no article."""
        try:
            for pipeline in self.pipelines:
                item = pipeline.process_item(item)
        except DropItem as exc:
            if not item.rejected:
                return f"dropped ({exc})"
            self.crawler.signals.send_catch_log(
                signal=signals.item_dropped, item=item, response=None, spider=self.crawler.spider, exception=exc,
            )
            return item.rejected
        return item.outcome or "stored"

    def close(self) -> None:
        for pipeline in self.pipelines:
            if hasattr(pipeline, "close_spider"):
                pipeline.close_spider()


@dataclass
class Run:
    id: int
    source: str
    outcomes: Counter = field(default_factory=Counter)
    heard: float = field(default_factory=time.monotonic)  # when its latest message was stored

    def stats(self, crawler_stats: dict) -> dict:
        """The crawl process's stats with the article outcomes that only the writer knows."""
        return {**crawler_stats, **{ARTICLE_OUTCOMES[o]: self.outcomes[o] for o in OUTCOMES}}


class ArchiveWriter:
    def __init__(self, server: redis.Redis, db_path: Path, settings: Settings, log=print):
        self.server = server
        self.keys = Keys(settings.get("NEWSARCHIVE_REDIS_PREFIX"))
        self.db_path = Path(db_path)
        self.stale = settings.getfloat("NEWSARCHIVE_REDIS_STALE")
        self.log = log
        self.token = f"{socket.gethostname()} pid {os.getpid()} writing {self.db_path.resolve()}"
        self.renewed = 0.0
        self.archive = Archive.shared(self.db_path)  # the connection the sources' pipelines write through
        self.chains: dict[str, SourceChain] = {}
        self.runs: dict[str, Run] = {}
        self.totals: dict[str, Counter] = defaultdict(Counter)  # source -> pages and their outcomes
        self.renew = server.register_script(RENEW)
        self.release = server.register_script(RELEASE)

    # The Redis lock --------------------------------------------------------------------------

    def claim(self) -> None:
        if not self.server.set(self.keys.writer, self.token, nx=True, ex=WRITER_TTL):
            holder = (self.server.get(self.keys.writer) or b"?").decode()
            raise WriterBusy(f"another writer drains this Redis queue ({holder}); not writing")
        self.renewed = time.monotonic()

    def keep_claim(self) -> None:
        if time.monotonic() - self.renewed < WRITER_TTL / 3:
            return
        if not self.renew(keys=[self.keys.writer], args=[self.token, WRITER_TTL]):
            raise WriterBusy("this writer's Redis lock expired and was taken; stopping")
        self.renewed = time.monotonic()

    # Messages --------------------------------------------------------------------------------

    def chain(self, source: str, entry: dict | None = None) -> SourceChain | None:
        if source not in self.chains:
            if entry is None:  # its run opened before this writer started: the archive has the entry
                entry = next(self.archive.db.query("select * from sources where key = ?", [source]), None)
            if entry is None:
                return None
            self.chains[source] = SourceChain(entry, self.db_path)
        return self.chains[source]

    def run_for(self, message: dict) -> Run:
        run = self.runs.get(message["run"])
        if run is None:
            run_id = start_run(self.archive.db, message["source"], message["mode"])
            run = self.runs[message["run"]] = Run(run_id, message["source"])
            self.log(f"{message['source']}: run {message['run']} started ({message['mode']})")
        run.heard = time.monotonic()
        return run

    def apply(self, message: dict) -> None:
        kind, source = message["kind"], message["source"]
        if kind == "open":
            self.archive.sync_sources([message["entry"]])
            self.chain(source, message["entry"])
            self.run_for(message)
        elif kind == "page":
            chain = self.chain(source)
            if chain is None:
                self.log(f"{source}: page {message['item']['url']} of a source this archive does not know; skipped")
                return
            outcome = chain.store(page_item(message["item"]))
            self.totals[source]["pages"] += 1
            self.totals[source][outcome if outcome in OUTCOMES else "rejected"] += 1
            if run := self.runs.get(message["run"]):
                run.outcomes[outcome] += 1
                run.heard = time.monotonic()
        elif kind == "progress":
            run = self.run_for(message)
            update_run(self.archive.db, run.id, run_figures(run.stats(message["stats"])))
        elif kind == "close":
            self.close_run(message)

    def close_run(self, message: dict) -> None:
        run = self.run_for(message)
        record_pages(self.archive.db, message["pages"])
        if message.get("shapes"):
            save_shapes(self.archive.db, PortalShapes(**message["shapes"]))
        stats = run.stats(message["stats"])
        status = run_status(message["reason"], stats)
        health, problem = judge(stats)
        update_run(self.archive.db, run.id, {**run_figures(stats), "status": status, "health": health, "problem": problem},
                   finished=True)
        del self.runs[message["run"]]
        outcomes = ", ".join(f"{run.outcomes[o]} {o}" for o in OUTCOMES)
        self.log(f"{run.source}: run {message['run']} {status}: {outcomes}" + (f"; looks broken: {problem}" if problem else ""))

    def reap(self) -> None:
        """With nothing queued, a run that has sent nothing for a while has lost its process."""
        for token, run in list(self.runs.items()):
            if time.monotonic() - run.heard > self.stale:
                update_run(self.archive.db, run.id, {"status": KILLED}, finished=True)
                del self.runs[token]
                self.log(f"{run.source}: run {token} silent for {self.stale:.0f} s: marked killed")

    def crawlers_alive(self) -> bool:
        oldest = time.time() - self.stale
        return any(self.server.zcount(key, oldest, "+inf") for key in self.server.scan_iter(match=self.keys.all_crawlers))

    # The loop --------------------------------------------------------------------------------

    def drain_batch(self) -> int:
        """Store the messages at the head of the queue in one transaction, then remove them; return how many."""
        batch = self.server.lrange(self.keys.items, 0, BATCH - 1)
        for data in batch:
            self.apply(decode(data))
        self.archive.commit()
        if batch:
            self.server.ltrim(self.keys.items, len(batch), -1)
        return len(batch)

    def run(self, *, until_done: bool, stopping) -> None:
        """Store what comes until ``stopping()`` says so or, ``until_done``, until no crawl is left."""
        self.claim()
        while not stopping():
            self.keep_claim()
            if self.drain_batch():
                continue
            self.reap()
            if until_done and not self.runs and not self.crawlers_alive() and not self.server.llen(self.keys.items):
                return
            time.sleep(POLL)

    def close(self) -> None:
        for chain in self.chains.values():
            chain.close()
        self.archive.close()
        if self.renewed:
            self.release(keys=[self.keys.writer], args=[self.token])
