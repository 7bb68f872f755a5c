"""What the archive derives from each stored article for downstream tools.

The province since the 1 July 2025 merger (``archive.provinces``), the party-building score
and tag (``crawler.corpus.topic``) and the link to the earliest copy of a republished story
(``crawler.corpus.duplicates``). The crawl derives them as it stores each article
(``CorpusPipeline``), ``reextract`` as it re-stores, and ``newsarchive annotate`` for a whole
archive after an upgrade or a change of the term list. A row is written only when something
derived from it changed.
"""

from __future__ import annotations

import time

import sqlite_utils

from archive.provinces import province_2025
from archive.store import Archive

from crawler.corpus import topic
from crawler.corpus.derive import derive
from crawler.corpus.duplicates import DuplicateIndex
from crawler.crawl.items import PageItem
from crawler.crawl.stats import CORPUS_ANNOTATED, CPU_ANNOTATE

COLUMNS = "id, province, title, text, province_2025, text_hash, topic, topic_score"


class Annotator:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.duplicates = DuplicateIndex(db)

    def annotate(self, row: dict, derived: dict | None = None) -> bool:
        """Bring one article's derived columns up to date (``row`` holds ``COLUMNS``); True if any changed.
        ``derived``: what ``derive`` made of the row's title and text, when it was computed beforehand."""
        derived = derived or derive(row["title"], row["text"], shingled=False)
        columns = {
            "province_2025": province_2025(row["province"]),
            "text_hash": derived["text_hash"],
            "topic": topic.tag(derived["topic_score"]),
            "topic_score": derived["topic_score"],
        }
        changes = {k: v for k, v in columns.items() if row.get(k) != v}
        if not changes:
            return False
        with self.db.atomic():  # one unit: the row, its bucket keys and its group's links
            if "text_hash" in changes:
                self.duplicates.link(
                    row["id"], row["text"], changes["text_hash"], derived["shingle_hashes"], indexed=row["text_hash"] is not None,
                )
            assignments = ", ".join(f"{column} = ?" for column in changes)
            self.db.execute(f"update articles set {assignments} where id = ?", [*changes.values(), row["id"]])
        return True

    def annotate_url(self, url: str, derived: dict | None = None, title: str | None = None, text: str | None = None) -> bool:
        """The article stored at ``url``; ``derived`` is used only if it was made of the stored ``title``
        and ``text``."""
        row = next(self.db.query(f"select {COLUMNS} from articles where url = ?", [url]), None)
        if row is None:
            return False
        fits = derived is not None and row["title"] == title and row["text"] == text
        return self.annotate(row, derived if fits else None)

    def annotate_all(self, source: str | None = None) -> int:
        """Every article (of one source), oldest row first; return how many changed."""
        where, params = ("where source = ?", [source]) if source else ("", [])
        ids = [r[0] for r in self.db.execute(f"select id from articles {where} order by id", params)]
        changed = 0
        for article_id in ids:
            row = next(self.db.query(f"select {COLUMNS} from articles where id = ?", [article_id]))
            changed += self.annotate(row)
        return changed


class CorpusPipeline:
    """After ``ArchivePipeline``: derive province, topic and duplicate links for the stored article."""

    def __init__(self, crawler, db_path: str):
        self.crawler = crawler
        self.db_path = db_path
        self.archive: Archive | None = None
        self.annotator: Annotator | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.get("NEWSARCHIVE_DB"))

    def open_spider(self) -> None:
        self.archive = Archive.shared(self.db_path)
        self.annotator = Annotator(self.archive.db)

    def close_spider(self) -> None:
        if self.archive:
            self.archive.close()

    def process_item(self, item: PageItem) -> PageItem:
        started = time.thread_time()
        if self.annotator.annotate_url(item.url, item.derived, item.article.get("title"), item.article.get("text")):
            self.crawler.stats.inc_value(CORPUS_ANNOTATED)
        self.crawler.stats.inc_value(CPU_ANNOTATE, time.thread_time() - started)
        return item
