"""What crawl processes in Redis mode send the archive's writer, in place of writing SQLite.

Each message is a JSON object pushed on one Redis list (``Keys.items``), in the order the process
made it, naming its run (``frontier.member_id``: one source in one process) and the source:

- ``open``: the run started; the source's registry entry (for table ``sources``) and the run's mode.
- ``page``: an article page the spider took, extracted (``article``) or rejected (``rejected``),
  with the response as fetched (zlib-compressed, base64) when ``NEWSARCHIVE_KEEP_PAGES`` is on.
- ``progress``: the run's stats, every ``NEWSARCHIVE_RUNLOG_INTERVAL`` seconds.
- ``close``: the run's last stats, why it closed, and the listing validators and gone links the
  run saw (table ``pages``).

The writer (``crawler.scaleout.writer``) turns them into the same rows a crawl writing the archive itself
makes: articles through ``Archive.save_article``, raw pages, page records and the run log.
"""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import asdict

from scrapy import signals
from twisted.internet import task

from crawler.scaleout.frontier import member_id
from crawler.crawl.items import PageItem
from crawler.crawl.runlog import run_status
from crawler.scaleout.connection import Keys, shared_redis
from crawler.crawl.stats import ARTICLES_QUEUED, MODE, STATUS

ITEM_FIELDS = ("url", "source", "fetched_at", "status", "listing_date", "generic", "article", "headers", "link_url", "rejected")


def encode(message: dict) -> bytes:
    return json.dumps(message, ensure_ascii=False).encode()


def decode(data: bytes) -> dict:
    return json.loads(data)


def page_message(run: str, item: PageItem, keep_raw: bool) -> dict:
    fields = {name: getattr(item, name) for name in ITEM_FIELDS}
    fields["raw"] = base64.b64encode(zlib.compress(item.raw, 1)).decode("ascii") if keep_raw else None
    return {"kind": "page", "run": run, "source": item.source, "item": fields}


def page_item(fields: dict) -> PageItem:
    """The item a ``page`` message carries (without the decoded text: storage does not read it)."""
    raw = fields.get("raw")
    return PageItem(
        body="", raw=zlib.decompress(base64.b64decode(raw)) if raw else b"",
        **{name: fields[name] for name in ITEM_FIELDS},
    )


def plain_stats(stats: dict) -> dict:
    """The stats that JSON carries as they are (numbers and strings; not the start time)."""
    return {k: v for k, v in stats.items() if isinstance(v, (int, float, str))}


class ItemQueuePipeline:
    """Last in a crawl process's chain: each article page, extracted or rejected, goes to the writer."""

    def __init__(self, crawler, server, keys: Keys, keep_raw: bool):
        self.crawler = crawler
        self.server = server
        self.keys = keys
        self.keep_raw = keep_raw
        self.run = member_id(crawler)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        pipeline = cls(crawler, *shared_redis(settings), settings.getbool("NEWSARCHIVE_KEEP_PAGES"))
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    def push(self, item: PageItem) -> None:
        self.server.rpush(self.keys.items, encode(page_message(self.run, item, self.keep_raw)))

    def process_item(self, item: PageItem) -> PageItem:
        self.push(item)
        self.crawler.stats.inc_value(ARTICLES_QUEUED)
        return item

    def item_dropped(self, item) -> None:
        if isinstance(item, PageItem) and item.rejected:
            self.push(item)


class QueuedRunLog:
    """The run log of a crawl process in Redis mode: the writer keeps the run's row in table ``crawls``."""

    def __init__(self, crawler, server, keys: Keys, interval: float):
        self.crawler = crawler
        self.server = server
        self.keys = keys
        self.interval = interval
        self.run = member_id(crawler)
        self.source = ""
        self.mode = ""
        self.task: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        extension = cls(crawler, *shared_redis(settings), settings.getfloat("NEWSARCHIVE_RUNLOG_INTERVAL"))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def send(self, kind: str, **fields) -> None:
        message = {"kind": kind, "run": self.run, "source": self.source, "mode": self.mode, **fields}
        self.server.rpush(self.keys.items, encode(message))

    def spider_opened(self, spider) -> None:
        self.source, self.mode = spider.source.key, spider.plan.mode
        self.crawler.stats.set_value(MODE, self.mode)
        self.send("open", entry=spider.source.as_row())
        self.task = task.LoopingCall(self.write)
        self.task.start(self.interval, now=False)

    def write(self) -> None:
        self.send("progress", stats=plain_stats(self.crawler.stats.get_stats()))

    def spider_closed(self, spider, reason: str) -> None:
        if self.task and self.task.running:
            self.task.stop()
        stats = self.crawler.stats.get_stats()
        self.crawler.stats.set_value(STATUS, run_status(reason, stats))
        shapes = spider.learnt_shapes()  # the writer keeps them, as the archive pipeline does without Redis
        self.send("close", reason=reason, stats=plain_stats(stats), pages=list(spider.pages_seen.values()),
                  shapes=asdict(shapes) if shapes else None)
