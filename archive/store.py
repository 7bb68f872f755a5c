"""Reading and writing the archive: one SQLite file in WAL mode, through sqlite-utils."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from .migrations import migrate

# The columns an extraction owns: a re-crawl that changes none of them leaves the row alone.
CONTENT_COLUMNS = ("title", "text", "published", "date_source", "author", "source_attribution", "word_count")


class ArchiveError(RuntimeError):
    """The archive file cannot be opened or is not an archive; the message names the file."""


class Archive:
    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        try:
            if readonly:
                if not self.path.is_file():
                    raise ArchiveError(f"{self.path}: no such archive")
                conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
                self.db = sqlite_utils.Database(conn)
                self.db.execute("select count(*) from sqlite_master").fetchone()
            else:
                self.db = sqlite_utils.Database(self.path)
                self.db.enable_wal()
                migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"{self.path}: not a usable SQLite archive ({exc})") from None

    def close(self) -> None:
        self.db.close()

    def sync_sources(self, rows: Iterable[dict]) -> None:
        with self.db.conn:
            self.db["sources"].upsert_all(list(rows), pk="key")

    def save_article(self, row: dict) -> str:
        """Insert or update by URL; return 'new', 'updated' or 'unchanged'. One transaction per row."""
        existing = next(self.db["articles"].rows_where("url = ?", [row["url"]], limit=1), None)
        with self.db.conn:
            if existing is None:
                self.db["articles"].insert({**row, "first_seen": row["fetched_at"]})
                return "new"
            changed = any(existing.get(c) != row.get(c) for c in CONTENT_COLUMNS)
            update = row if changed else {"fetched_at": row["fetched_at"]}
            self.db["articles"].update(existing["id"], update)
        return "updated" if changed else "unchanged"

    def source_stats(self) -> dict[str, dict]:
        """Article count and last fetch per source key."""
        sql = "select source, count(*) as articles, max(fetched_at) as last_fetched from articles group by source"
        return {row["source"]: row for row in self.db.query(sql)}
