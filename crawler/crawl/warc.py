"""What a crawl fetched, as WARC files for web archivists (``crawl --warc DIR``).

One gzipped WARC per source and run, ``DIR/<source>-<UTC time>.warc.gz``, opening with a
``warcinfo`` record, then a request/response pair for every response the crawl received
(robots.txt, listings, feeds and articles alike). Bodies are stored as Scrapy handed them on,
after transfer and content decoding, so ``Content-Encoding`` and ``Transfer-Encoding`` are
dropped from the recorded headers and ``Content-Length`` gives the stored length.
"""

from __future__ import annotations

from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter
from crawler.crawl.stats import WARC_RECORDS

DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def _pairs(headers) -> list[tuple[str, str]]:
    return [(k.decode("latin-1"), v.decode("latin-1")) for k, vs in headers.items() for v in vs]


class WarcRecorder:
    def __init__(self, crawler, folder: Path):
        self.crawler = crawler
        self.folder = folder
        self.stream = None
        self.writer: WARCWriter | None = None

    @classmethod
    def from_crawler(cls, crawler):
        folder = crawler.settings.get("NEWSARCHIVE_WARC_DIR")
        if not folder:
            raise NotConfigured
        recorder = cls(crawler, Path(folder))
        crawler.signals.connect(recorder.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(recorder.response_received, signal=signals.response_received)
        crawler.signals.connect(recorder.spider_closed, signal=signals.spider_closed)
        return recorder

    def spider_opened(self, spider) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        path = self.folder / f"{spider.source.key}-{stamp}.warc.gz"
        self.stream = path.open("wb")
        self.writer = WARCWriter(self.stream, gzip=True)
        info = {"software": "newsarchive", "format": "WARC File Format 1.1", "isPartOf": spider.source.key}
        self.writer.write_record(self.writer.create_warcinfo_record(path.name, info))

    def response_received(self, response, request) -> None:
        if self.writer is None:
            return
        parts = urlsplit(request.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request_headers = [("Host", parts.netloc), *_pairs(request.headers)]
        request_record = self.writer.create_warc_record(
            request.url, "request",
            http_headers=StatusAndHeaders(f"{request.method} {target} HTTP/1.1", request_headers, is_http_request=True),
        )
        kept = [(k, v) for k, v in _pairs(response.headers) if k.lower() not in DROPPED_HEADERS]
        kept.append(("Content-Length", str(len(response.body))))
        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = ""
        response_record = self.writer.create_warc_record(
            response.url, "response", payload=BytesIO(response.body),
            http_headers=StatusAndHeaders(f"{response.status} {reason}".strip(), kept, protocol="HTTP/1.1"),
        )
        self.writer.write_request_response_pair(request_record, response_record)
        self.crawler.stats.inc_value(WARC_RECORDS)

    def spider_closed(self, spider) -> None:
        if self.stream:
            self.stream.close()
            self.stream = self.writer = None
