"""What the item pipelines need of a crawler, outside a crawl: ``reextract`` runs stored pages
through them and ``newsarchive write`` the pages crawl processes queued, with no Scrapy engine."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager
from scrapy.statscollectors import StatsCollector

from crawler.sources.registry import Source


def source_from_row(row: dict) -> Source:
    """A source no longer in the registry, as the ``sources`` table last saw it (no extraction hints)."""
    return Source(
        key=row["key"], name=row["name"], province=row["province"], kind=row["kind"] or "unknown",
        home=row["home"], start_urls=tuple((row["start_urls"] or "").split("\n")),
        domains=tuple(d.strip() for d in (row["domains"] or "").split(",") if d.strip()),
    )


def offline_crawler(source: Source, db_path: Path) -> SimpleNamespace:
    """What the pipelines read from a crawler: settings, stats, signals and the spider's source (offline,
    no listing is read, so no portal shapes are learnt)."""
    settings = Settings()
    settings.setmodule("crawler.crawl.settings", priority="project")
    settings.set("NEWSARCHIVE_DB", str(db_path), priority="cmdline")
    crawler = SimpleNamespace(settings=settings, spider=SimpleNamespace(source=source, pages_seen={}, learnt_shapes=lambda: None))
    crawler.signals = SignalManager(crawler)
    crawler.stats = StatsCollector(crawler)
    return crawler
