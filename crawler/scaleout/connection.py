"""The Redis server of a shared crawl and its key names; ``NEWSARCHIVE_REDIS_PREFIX`` starts every
key: one prefix is one shared crawl feeding one archive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from scrapy.settings import Settings

if TYPE_CHECKING:
    import redis


class RedisUnavailable(RuntimeError):
    """The Redis server cannot be reached or the URL is not a Redis URL; the message names it."""


@dataclass(frozen=True)
class Keys:
    prefix: str = "newsarchive"

    @property
    def items(self) -> str:
        """The list of messages from the crawlers to the writer."""
        return f"{self.prefix}:items"

    @property
    def writer(self) -> str:
        """Who writes the archive: set while a writer runs, expiring if it dies."""
        return f"{self.prefix}:writer"

    def requests(self, source: str) -> str:
        return f"{self.prefix}:{source}:requests"

    def seen(self, source: str) -> str:
        return f"{self.prefix}:{source}:seen"

    def crawlers(self, source: str) -> str:
        """The crawl processes on this source, scored by their last heartbeat (Unix time)."""
        return f"{self.prefix}:{source}:crawlers"

    def busy(self, source: str) -> str:
        """The crawl processes on this source that hold work: a request fetched, a page being parsed."""
        return f"{self.prefix}:{source}:busy"

    @property
    def all_crawlers(self) -> str:
        return f"{self.prefix}:*:crawlers"


def connect(url: str) -> redis.Redis:
    """A client for ``url``, checked with a PING; a bad URL or an unreachable server raises ``RedisUnavailable``."""
    import redis  # the [redis] extra: imported only in Redis mode

    try:
        server = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=30, retry_on_timeout=True)
        server.ping()
    except (ValueError, redis.RedisError) as exc:
        raise RedisUnavailable(f"{url}: no Redis server there ({exc})") from None
    return server


def shared_redis(settings: Settings) -> tuple[redis.Redis, Keys]:
    """The shared crawl's Redis server and key names, as a crawl process's settings give them."""
    return connect(settings.get("NEWSARCHIVE_REDIS_URL")), Keys(settings.get("NEWSARCHIVE_REDIS_PREFIX"))
