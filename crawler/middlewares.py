"""Downloader middlewares of our own."""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest
from w3lib.url import safe_url_string

from .links import canonicalize


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
