"""Downloader middlewares of our own."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic
from urllib.parse import urljoin

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.asyncio import sleep
from w3lib.url import safe_url_string

from crawler.crawl.backlog import BACKLOG
from crawler.discovery.links import canonicalize
from crawler.crawl.stats import BACKLOG_WAITS, RETRY_AFTER_SECONDS, RETRY_AFTER_TOO_LONG, RETRY_AFTER_WAITED

DELTA_SECONDS = re.compile(r"[0-9]+")


class RedirectLoops:
    """Fail a request whose redirect points back to a URL it already visited.

    Scrapy's duplicate filter would otherwise drop the looping request silently: the page is
    neither stored nor counted. Failing it sends it to the spider's errback, which counts and
    logs it once. Placed after RedirectMiddleware, so it sees 3xx responses first.
    """

    def process_response(self, request, response):
        location = response.headers.get("Location")
        if response.status not in (301, 302, 303, 307, 308) or not location:
            return response
        target = canonicalize(safe_url_string(urljoin(request.url, location.decode("latin-1"))))
        visited = {canonicalize(u) for u in (*request.meta.get("redirect_urls", ()), request.url)}
        if target in visited:
            raise IgnoreRequest(f"redirect loop back to {target}")
        return response


def retry_after(value: bytes | str | None) -> float | None:
    """The seconds a ``Retry-After`` header asks to wait (0 for a date gone by), or None when it
    is absent or malformed, so the retry keeps Scrapy's own schedule."""
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if DELTA_SECONDS.fullmatch(text):
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # "-0000": HTTP-dates are GMT
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class RetryAfter(RetryMiddleware):
    """Scrapy's retries (RETRY_TIMES, RETRY_HTTP_CODES), but a retryable response's ``Retry-After``
    is honoured: the retry is sent no sooner, and the rest of its host waits as long.

    The retry waits in ``process_response`` (an asynchronous sleep; the reactor goes on). The
    host waits through its downloader slot, the one place every request to it passes, including
    those already queued there: the slot's ``lastseen`` is moved to the end of the wait, so the
    slot's next download comes its usual delay after that. AutoThrottle reaches slots the same
    way (``engine.downloader.slots``, public attributes). Holding requests in ``process_request``
    instead would miss those already in the slot's queue, and resetting the slot's timer takes
    the downloader's private ``_latercall``. A slot with no delay (DOWNLOAD_DELAY 0, AutoThrottle
    off) holds nothing back, and then only the retry waits.

    A server asking for more than ``NEWSARCHIVE_RETRY_AFTER_MAX`` seconds is not waited for: the
    response goes on as an HTTP error, as when retries run out, and the spider's errback logs it
    once, with the wait asked for.
    """

    def __init__(self, settings, max_delay: float):
        super().__init__(settings)
        self.max_delay = max_delay

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler.settings, crawler.settings.getfloat("NEWSARCHIVE_RETRY_AFTER_MAX"))
        middleware.crawler = crawler
        return middleware

    async def process_response(self, request, response):
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        delay = retry_after(response.headers.get("Retry-After"))
        stats = self.crawler.stats
        if delay is not None and delay > self.max_delay:
            stats.inc_value(RETRY_AFTER_TOO_LONG)
            return response
        retry = super().process_response(request, response)
        if delay and isinstance(retry, Request):
            self.hold_slot(request, delay)
            stats.inc_value(RETRY_AFTER_WAITED)
            stats.inc_value(RETRY_AFTER_SECONDS, delay)
            await sleep(delay)
        return retry

    def hold_slot(self, request, delay: float) -> None:
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot:
            slot.lastseen = max(slot.lastseen, monotonic() + delay)


class ArticleBacklog:
    """Holds an article request back while the process's article backlog is full (``crawler.crawl.backlog``).

    Placed next to the downloader, so the download itself is what it counts: every request that
    passes ``process_request`` comes back through ``process_response`` or ``process_exception``.
    """

    def __init__(self, crawler, limit: int):
        self.crawler = crawler
        BACKLOG.limit = limit

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.getint("NEWSARCHIVE_ARTICLE_BACKLOG"))

    async def process_request(self, request):
        if request.meta.get("article"):
            if await BACKLOG.start_download():
                self.crawler.stats.inc_value(BACKLOG_WAITS)
            request.meta["backlog"] = True
        return None

    def process_response(self, request, response):
        self.leave(request)
        return response

    def process_exception(self, request, exception):
        self.leave(request)

    @staticmethod
    def leave(request) -> None:
        if request.meta.pop("backlog", False):
            BACKLOG.end_download()
