"""The frontier that crawl processes in Redis mode share: one request queue and one duplicate filter
per source, and a register of the processes working on it.

``SharedScheduler`` is scrapy-redis's scheduler (its priority queue and duplicate filter, keyed by
source rather than by spider name) with three changes. The queue and the filter outlive a process
(scrapy-redis clears them when any process closes, which would pull the frontier from under the
others). A process whose queue runs dry does not close while another process still holds work on
the source, since that work may add requests: it waits, looking at the queue every ``TICK``
seconds. And the last process to close, when nothing is queued, clears the source's queue and
filter, so the next crawl starts afresh; a last process that was stopped with requests still
queued leaves them, and the next process on the source carries on from them. For Scrapy 2.19 it
also builds the duplicate filter itself (scrapy-redis 0.9.1 would ask Scrapy's own filter for a
``from_settings`` that Scrapy no longer has) and counts its stats without the deprecated spider
argument.

Start pages go through the shared filter like any request, so they are fetched once however many
processes start; each process still fetches robots.txt itself. A process that is killed is
counted gone once its heartbeat is ``NEWSARCHIVE_REDIS_STALE`` seconds old; the requests it had
taken are lost to this run (a later run finds their pages again).
"""

from __future__ import annotations

import os
import socket
import time

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import deferred_from_coro
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from crawler.scaleout.connection import Keys, shared_redis

TICK = 0.5  # seconds between heartbeats, and between looks at the queue while waiting

# Is there work on the source besides this process's: a queued request, or another live process holding some?
OTHERS_WORKING = """
if redis.call('ZCARD', KEYS[1]) > 0 then return 1 end
for _, member in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  if member ~= ARGV[1] then
    local beat = redis.call('ZSCORE', KEYS[2], member)
    if beat and tonumber(beat) >= tonumber(ARGV[2]) then return 1 end
  end
end
return 0
"""

# This process leaves; the last live one to leave an empty queue clears the source's frontier.
LEAVE = """
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
if redis.call('ZCOUNT', KEYS[3], ARGV[2], '+inf') > 0 then return 0 end
if redis.call('ZCARD', KEYS[1]) == 0 then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
  return 1
end
return 0
"""


def member_id(crawler) -> str:
    """This crawl process's name for one source: host, process id and crawler."""
    return f"{socket.gethostname()}:{os.getpid()}:{id(crawler):x}"


class SharedScheduler(Scheduler):
    """One source's share of the frontier in this process; see the module's docstring."""

    def __init__(self, crawler, server, keys: Keys, stale: float):
        super().__init__(server, persist=True)
        self.crawler = crawler
        self.keys = keys
        self.stale = stale
        self.stats = crawler.stats
        self.member = member_id(crawler)
        self.source = ""
        self.busy = False
        self.waiting = False
        self.beat: task.LoopingCall | None = None
        self.others_working = server.register_script(OTHERS_WORKING)
        self.leave = server.register_script(LEAVE)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        scheduler = cls(crawler, *shared_redis(settings), settings.getfloat("NEWSARCHIVE_REDIS_STALE"))
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider) -> None:
        self.spider = spider
        self.source = spider.source.key
        self.queue = PriorityQueue(self.server, spider, self.keys.requests(self.source))
        self.df = RFPDupeFilter(self.server, self.keys.seen(self.source), debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"))
        self.set_busy(True)
        self.heartbeat()
        self.beat = task.LoopingCall(self.tick)
        self.beat.start(TICK, now=False)

    def close(self, reason: str) -> None:
        if self.beat and self.beat.running:
            self.beat.stop()
        keys = self.keys
        cleared = self.leave(
            keys=[keys.requests(self.source), keys.seen(self.source), keys.crawlers(self.source), keys.busy(self.source)],
            args=[self.member, time.time() - self.stale],
        )
        if cleared:
            self.spider.logger.info("%s: last crawl process to close, nothing queued: shared frontier cleared", self.source)
        elif reason != "finished":
            self.spider.logger.info("%s: closed (%s); the shared queue stays for the other or next crawl processes", self.source, reason)

    def enqueue_request(self, request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self):
        request = self.queue.pop()
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
            self.set_busy(True)
        return request

    # Who works on the source -------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        if busy == self.busy:
            return
        self.busy = busy
        key = self.keys.busy(self.source)
        if busy:
            self.waiting = False
            self.server.sadd(key, self.member)
        else:
            self.server.srem(key, self.member)

    def heartbeat(self) -> None:
        self.server.zadd(self.keys.crawlers(self.source), {self.member: time.time()})

    def work_elsewhere(self) -> bool:
        keys = self.keys
        return bool(self.others_working(
            keys=[keys.requests(self.source), keys.crawlers(self.source), keys.busy(self.source)],
            args=[self.member, time.time() - self.stale],
        ))

    def spider_idle(self) -> None:
        """Nothing in flight here: close, unless work on the source remains elsewhere."""
        self.set_busy(False)
        self.waiting = self.work_elsewhere()
        if self.waiting:
            raise DontCloseSpider

    def tick(self) -> None:
        """Beat; while waiting, take a request another process queued, or close once no work is left."""
        self.heartbeat()
        if not self.waiting:
            return
        engine = self.crawler.engine
        if len(self.queue):
            # The engine looks at an idle scheduler only every few seconds: hand it the request instead.
            request = self.queue.pop()
            if request is not None:
                self.set_busy(True)
                engine.crawl(request.replace(dont_filter=True))
        elif not self.work_elsewhere():
            self.waiting = False
            deferred_from_coro(engine.close_spider_async(reason="finished"))
