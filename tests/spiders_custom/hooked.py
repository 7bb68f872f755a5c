"""A site's own spider for the tests: it overrides one named hook and says that it ran."""

from __future__ import annotations

import os

from spiders.portal import PortalSpider


class LoggingListings(PortalSpider):
    """Reads listings as PortalSpider does, and writes each listing's URL to $HOOKED_LOG."""

    def listing_links(self, response, root):
        with open(os.environ["HOOKED_LOG"], "a", encoding="utf-8") as log:
            log.write(response.url + "\n")
        return super().listing_links(response, root)


class WithSettings(LoggingListings):
    """A site's spider that asks for a Scrapy setting of its own."""

    custom_settings = {"DOWNLOAD_DELAY": 2}


NOT_A_SPIDER = object()
