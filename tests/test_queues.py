"""The JOBDIR disk queue (crawler.crawl.queues): what it writes is what Scrapy's own queue writes, and what
it reads back is the request that went in."""

from __future__ import annotations

import pytest
import scrapy
from scrapy import squeues
from scrapy.utils.test import get_crawler

from crawler.crawl.queues import PickleLifoDiskQueue


class Spider(scrapy.Spider):
    name = "queued"

    @property
    def busy(self):  # a property Scrapy's search would read for each request
        return 1

    def parse_article(self, response, listing_date=None):
        pass

    def article_failed(self, failure):
        pass


class Elsewhere:
    def parse(self, response):
        pass


def requests(spider) -> list[scrapy.Request]:
    return [
        scrapy.Request("https://a.vn/1.html", callback=spider.parse_article, errback=spider.article_failed,
                       cb_kwargs={"listing_date": "2024-01-30"}, priority=20, meta={"article": True}),
        scrapy.Request("https://a.vn/list?page=2", callback=spider.parse, dont_filter=True, headers={"If-None-Match": "x"}),
        scrapy.Request("https://a.vn/robots.txt"),
        scrapy.FormRequest("https://a.vn/search", formdata={"q": "đảng viên"}, callback=spider.parse),
    ]


@pytest.fixture
def crawler():
    crawler = get_crawler(Spider)
    crawler.spider = crawler._create_spider()
    return crawler


def test_records_are_scrapys_own_and_come_back_whole(crawler, tmp_path):
    ours, theirs = PickleLifoDiskQueue(crawler, str(tmp_path / "ours")), squeues.PickleLifoDiskQueue(crawler, str(tmp_path / "theirs"))
    for request in requests(crawler.spider):
        ours.push(request)
        theirs.push(request)
        assert callable(request.callback) or request.callback is None  # the request is left as it was
    for request in reversed(requests(crawler.spider)):
        mine, scrapys = ours.pop(), theirs.pop()
        assert mine.to_dict(spider=crawler.spider) == scrapys.to_dict(spider=crawler.spider) == request.to_dict(spider=crawler.spider)
        assert type(mine) is type(request) and mine.callback == request.callback
    assert ours.pop() is None
    ours.close()
    theirs.close()


def test_a_callback_not_of_the_spider_is_refused_as_scrapy_refuses_it(crawler, tmp_path):
    """Scrapy's scheduler keeps such a request in memory instead (its ValueError)."""
    queue = PickleLifoDiskQueue(crawler, str(tmp_path / "q"))
    for callback in (lambda response: None, Spider.parse_article, Elsewhere().parse):
        request = scrapy.Request("https://a.vn/1.html", callback=callback)
        with pytest.raises(ValueError, match="not an instance method"):
            queue.push(request)
        with pytest.raises(ValueError, match="not an instance method"):
            squeues.PickleLifoDiskQueue(crawler, str(tmp_path / "s")).push(request)
        assert request.callback is callback
    assert len(queue) == 0
    queue.close()


def test_the_crawl_uses_it():
    from crawler.crawl import settings

    assert settings.SCHEDULER_DISK_QUEUE == "crawler.crawl.queues.PickleLifoDiskQueue"
