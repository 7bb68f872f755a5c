"""Retry-After is honoured within NEWSARCHIVE_RETRY_AFTER_MAX: the header's parsing and the retry
middleware's decisions, without a network or a reactor (tests/test_faults.py crawls it for real)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from time import monotonic
from types import SimpleNamespace

import pytest
from scrapy import Request
from scrapy.core.downloader import Downloader, Slot
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import HtmlResponse
from scrapy.utils.spider import DefaultSpider
from scrapy.utils.test import get_crawler

from crawler.crawl import settings
from crawler.crawl.middlewares import RetryAfter, retry_after

URL = "https://baohaugiang.com.vn/xay-dung-dang/a-131234.html"
# The project's settings, with no download handlers: nothing here downloads.
PROJECT = {name: value for name, value in vars(settings).items() if name.isupper()} | {
    "DOWNLOAD_HANDLERS": {"http": None, "https": None},
}


def http_date(seconds_from_now: float) -> str:
    return format_datetime(datetime.now(UTC) + timedelta(seconds=seconds_from_now), usegmt=True)


@pytest.mark.parametrize("value, seconds", [(b"120", 120), (" 5 ", 5), ("0", 0)])
def test_delta_seconds(value, seconds):
    assert retry_after(value) == seconds


def test_http_date_in_the_future_is_the_time_until_it():
    assert 88 <= retry_after(http_date(90)) <= 90


@pytest.mark.parametrize("value", [http_date(-90), "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"])
def test_http_date_gone_by_is_no_wait(value):
    assert retry_after(value) == 0


@pytest.mark.parametrize("value", [None, b"", "soon", "-5", "1.5", "²", "Wed, 32 Oct 2099 07:28:00 GMT"])
def test_malformed_or_absent_is_none(value):
    assert retry_after(value) is None


def test_replaces_scrapys_retry_middleware():
    async def middlewares():
        crawler = get_crawler(DefaultSpider, PROJECT)
        return Downloader(crawler).middleware.middlewares

    retries = [m for m in asyncio.run(middlewares()) if isinstance(m, RetryMiddleware)]
    assert [type(m) for m in retries] == [RetryAfter]


def decide(status: int, headers: dict | None = None, retry_times: int = 0, **settings_dict):
    """Run one response through the middleware: its result, the response, the seconds it slept,
    the request's download slot, the crawl's stats."""
    slept = []

    async def run():
        crawler = get_crawler(DefaultSpider, PROJECT | settings_dict)
        crawler.spider = DefaultSpider.from_crawler(crawler)
        downloader = Downloader(crawler)
        crawler.engine = SimpleNamespace(downloader=downloader)
        request = Request(URL, meta={"retry_times": retry_times})
        slot = downloader.slots[downloader.get_slot_key(request)] = Slot(concurrency=2, delay=0.5)
        response = HtmlResponse(URL, status=status, headers=headers, request=request)
        result = await RetryAfter.from_crawler(crawler).process_response(request, response)
        return result, response, slot, crawler.stats.get_stats()

    async def sleep(seconds):
        slept.append(seconds)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("crawler.crawl.middlewares.sleep", sleep)
        result, response, slot, stats = asyncio.run(run())
    return result, response, slept, slot, stats


@pytest.mark.parametrize("status", [503, 429])
def test_waits_then_retries_and_holds_the_host(status):
    result, _, slept, slot, stats = decide(status, {"Retry-After": "30"})
    assert isinstance(result, Request) and result.meta["retry_times"] == 1
    assert slept == [30]
    assert 29 < slot.lastseen - monotonic() <= 30  # the slot's next download comes after the wait
    assert stats["newsarchive/retry_after/waited"] == 1
    assert stats["newsarchive/retry_after/seconds"] == 30
    assert stats["retry/count"] == 1


def test_gives_up_when_asked_to_wait_too_long():
    result, response, slept, slot, stats = decide(503, {"Retry-After": "3600"})
    assert result is response
    assert not slept and slot.lastseen == 0
    assert stats["newsarchive/retry_after/too_long"] == 1
    assert "retry/count" not in stats


def test_the_cap_is_a_setting():
    result, response, _, _, stats = decide(503, {"Retry-After": "30"}, NEWSARCHIVE_RETRY_AFTER_MAX=10)
    assert result is response
    assert stats["newsarchive/retry_after/too_long"] == 1


@pytest.mark.parametrize("value", [None, "soon", "0", http_date(-90)])
def test_without_a_wait_it_is_scrapys_retry(value):
    result, _, slept, slot, stats = decide(503, value and {"Retry-After": value})
    assert isinstance(result, Request) and result.meta["retry_times"] == 1
    assert not slept and slot.lastseen == 0
    assert not [key for key in stats if key.startswith("newsarchive/retry_after/")]


def test_retries_run_out_as_scrapy_counts_them():
    result, response, slept, _, stats = decide(503, {"Retry-After": "30"}, retry_times=2)
    assert result is response
    assert not slept
    assert stats["retry/max_reached"] == 1


def test_not_retryable_responses_pass():
    result, response, slept, _, stats = decide(404, {"Retry-After": "3600"})
    assert result is response and not slept
    assert "newsarchive/retry_after/too_long" not in stats
