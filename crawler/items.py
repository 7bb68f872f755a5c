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
    raw: bytes = b""  # the response body as Scrapy decoded it (transfer and content encodings undone), for the pages table
    headers: list[list[str]] = field(default_factory=list)  # HTTP response headers, [name, value] pairs
