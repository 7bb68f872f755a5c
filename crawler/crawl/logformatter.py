"""Log lines that name the page and the reason, never dump the page itself.

Scrapy's default formatter prints a dropped item whole; ours carries the fetched HTML, so a
single binary page would flood the log.
"""

from __future__ import annotations

import logging

from scrapy.logformatter import LogFormatter


class PageLogFormatter(LogFormatter):
    def dropped(self, item, exception, response, spider):
        level = getattr(exception, "log_level", None) or "WARNING"
        return {
            "level": getattr(logging, level) if isinstance(level, str) else level,
            "msg": "Dropped %(exception)s",
            "args": {"exception": exception},
        }

    def item_error(self, item, exception, response, spider):
        return {
            "level": logging.ERROR,
            "msg": "Error processing %(url)s",
            "args": {"url": getattr(item, "url", "?")},
        }
