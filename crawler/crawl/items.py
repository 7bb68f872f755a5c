"""What flows from the spider to the pipelines."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageItem:
    """A fetched page that the spider believes is an article; the pipelines extract and store it."""

    url: str
    source: str
    body: str
    fetched_at: str  # UTC ISO 8601
    status: int = 200
    listing_date: str | None = None
    generic: bool = False  # found by heuristics, not a registry pattern: stricter checks apply
    article: dict = field(default_factory=dict)  # filled by ExtractionPipeline
    derived: dict | None = None  # ... with what NEWSARCHIVE_DERIVE made of its title and text, to be stored
    raw: bytes = b""  # the response body as Scrapy decoded it (transfer and content encodings undone), for the pages table
    headers: list[list[str]] = field(default_factory=list)  # HTTP response headers, [name, value] pairs
    link_url: str = ""  # the URL as linked (before redirects): what a later run looks up to skip it
    found_on: str | None = None  # crawling by structure (no registry entry): the listing page that linked it
    candidate: bool = False  # ... by its structure alone, not the URL's shape: its misses are bounded
    rejected: str | None = None  # why ExtractionPipeline dropped it: failed, not_article or old
    outcome: str | None = None  # what ArchivePipeline made of it: new, updated or unchanged

    def page_row(self, **extra) -> dict:
        """The record of this fetch for table ``pages``."""
        return {"url": self.link_url or self.url, "source": self.source, "kind": "article",
                "status": self.status, "fetched_at": self.fetched_at, **extra}
