"""The process's backlog of article pages: fetched or being fetched, and not yet extracted.

Every source runs its own Scrapy crawler in one process, and each crawler holds back only its
own responses (SCRAPER_SLOT_MAX_ACTIVE_SIZE). Extraction is the slowest stage, so without a
bound shared by all of them every crawler fills its slot with pages waiting for the extraction
workers, each page held as bytes, text and a pickled copy: memory grows with the number of
sources. ``ArticleBacklog`` (a downloader middleware) lets an article request go to the
network only while the pages downloading plus those waiting for or in extraction are fewer
than ``NEWSARCHIVE_ARTICLE_BACKLOG``; the others wait as requests, which cost next to nothing.
"""

from __future__ import annotations

import asyncio
from collections import deque


class Backlog:
    def __init__(self) -> None:
        self.limit = 0  # 0: no bound
        self.downloading = 0
        self.extracting = 0
        self.waiters: deque[asyncio.Future] = deque()

    def full(self) -> bool:
        return bool(self.limit) and self.downloading + self.extracting >= self.limit

    async def start_download(self) -> bool:
        """Wait for room, then count one download in; True if it had to wait."""
        waited = False
        while self.full():
            waited = True
            waiter = asyncio.get_running_loop().create_future()
            self.waiters.append(waiter)
            try:
                await waiter
            except asyncio.CancelledError:
                self.wake()  # pass on a wake-up this waiter got and cannot use
                raise
        self.downloading += 1
        return waited

    def end_download(self) -> None:
        self.downloading -= 1
        self.wake()

    def start_extraction(self) -> None:
        self.extracting += 1

    def end_extraction(self) -> None:
        self.extracting -= 1
        self.wake()

    def wake(self) -> None:
        while self.waiters and not self.full():
            waiter = self.waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return


BACKLOG = Backlog()  # one per process, shared by every crawler in it
