"""The disk queue behind a crawl's JOBDIR: Scrapy's own, less a search of the spider per request.

To write a request to disk Scrapy names its callback and errback by searching every member of the
spider (``inspect.getmembers``, properties and all) for the method, twice for each request: some 7%
of the reactor's time in a crawl. Here the spider's methods are listed once, by their functions,
and a request's record is otherwise Scrapy's own, read back by Scrapy's own ``pop``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from scrapy import Request, squeues


class PickleLifoDiskQueue(squeues.PickleLifoDiskQueue):
    """``scrapy.squeues.PickleLifoDiskQueue`` (Scrapy's default) with the callbacks named from a table."""

    def __init__(self, crawler, key: str):
        super().__init__(crawler, key)
        self.names = {member.__func__: name for name, member in inspect.getmembers(self.spider, inspect.ismethod)}

    def name(self, method: Callable | str | None) -> str | None:
        if method is None or isinstance(method, str):
            return method
        name = self.names.get(getattr(method, "__func__", None))
        if name is None:
            raise ValueError(f"Function {method} is not an instance method in: {self.spider}")
        return name

    def push(self, request: Request) -> None:
        callback, errback = request.callback, request.errback
        request.callback = request.errback = None  # so that to_dict has no method to search for
        try:
            record = request.to_dict()
        finally:
            request.callback, request.errback = callback, errback
        record["callback"], record["errback"] = self.name(callback), self.name(errback)
        super(squeues.PickleLifoDiskQueue, self).push(record)  # Scrapy's pickling, past its own to_dict
