"""Re-running extraction over the stored pages, offline, after the rules improved.

Each stored page goes through the crawl's own item pipelines (``ITEM_PIPELINES`` less the one
that stores pages), with the source's current registry entry: the same extraction, the same
checks, the same write. ``Archive.save_article`` rewrites a row only when a column that the
extraction owns changed, so the figures count exactly the rows whose extraction changed; a
page that now passes as an article and did not before is stored as new.
"""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

from scrapy.exceptions import DropItem
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import build_from_crawler, load_object

from archive.store import Archive

from crawler.crawl.extensions import summarize
from crawler.crawl.offline import offline_crawler, source_from_row
from crawler.crawl.rawpages import RawPagePipeline, page_item, stored_pages
from crawler.crawl.pipelines import ExtractionPipeline
from crawler.sources.registry import Source
from crawler.crawl.stats import PAGES_REEXTRACTED


def pipelines(crawler) -> list:
    paths = build_component_list(crawler.settings.getwithbase("ITEM_PIPELINES"))
    classes = [load_object(path) for path in paths]
    return [build_from_crawler(cls, crawler) for cls in classes if cls is not RawPagePipeline]


async def run_chain(chain: list, crawler, rows, in_flight: int) -> None:
    """Each stored page through the pipelines, as Scrapy would (a pipeline may be async), up to
    ``in_flight`` pages at a time so that every extraction worker has work."""
    async def one(row) -> None:
        item = page_item(row)
        try:
            for pipeline in chain:
                item = pipeline.process_item(item)
                if inspect.isawaitable(item):
                    item = await item
        except DropItem:
            pass
        finally:
            room.release()

    room = asyncio.Semaphore(in_flight)
    tasks = set()
    for row in rows:
        crawler.stats.inc_value(PAGES_REEXTRACTED)
        await room.acquire()
        task = asyncio.create_task(one(row))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    await asyncio.gather(*tasks)


def reextract_source(source: Source, db_path: Path, pages_db) -> dict[str, int]:
    crawler = offline_crawler(source, db_path)
    crawler.settings.set("NEWSARCHIVE_DERIVE", "crawler.corpus.derive.derive_unshingled", priority="cmdline")
    chain = pipelines(crawler)
    for pipeline in chain:
        if hasattr(pipeline, "open_spider"):
            pipeline.open_spider()
    workers = max((p.workers for p in chain if isinstance(p, ExtractionPipeline)), default=0)
    in_flight = 2 * max(workers, 1)
    try:
        asyncio.run(run_chain(chain, crawler, stored_pages(pages_db, source.key), in_flight))
    finally:
        for pipeline in chain:
            if hasattr(pipeline, "close_spider"):
                pipeline.close_spider()
    stats = crawler.stats.get_stats()
    figures = summarize(stats)
    figures["pages"] = int(stats.get(PAGES_REEXTRACTED, 0))
    return figures


def reextract(db_path: Path, registry: dict[str, Source], source_key: str | None = None) -> list[tuple[str, dict[str, int]]]:
    """Re-extract every stored page (of one source); return (source key, figures) pairs."""
    archive = Archive(db_path)
    try:
        known = {row["key"]: row for row in archive.db["sources"].rows}
        keys = [source_key] if source_key else [r[0] for r in archive.db.execute("select distinct source from raw_pages order by source")]
        results = []
        for key in keys:
            source = registry.get(key) or source_from_row(known[key])
            results.append((key, reextract_source(source, db_path, archive.db)))
        return results
    finally:
        archive.close()
