"""Removing a source that is no longer wanted (a mistyped ``--url``, a portal gone): every row it left.

The archive is migrated (opened read-write) before either function runs, so every table exists."""

from __future__ import annotations

import sqlite_utils

# Tables holding a source's rows, by their source column, deleted after its articles.
SOURCE_TABLES = (("pages", "source"), ("raw_pages", "source"), ("crawls", "source"), ("portal_shapes", "source"),
                 ("sources", "key"))


def source_counts(db: sqlite_utils.Database, key: str) -> dict[str, int] | None:
    """What removing ``key`` would delete, per table (articles first); None when the archive holds nothing of it."""
    counts = {"articles": db.execute("select count(*) from articles where source = ?", [key]).fetchone()[0]}
    for table, column in SOURCE_TABLES:
        counts[table] = db.execute(f"select count(*) from [{table}] where [{column}] = ?", [key]).fetchone()[0]
    return counts if any(counts.values()) else None


def remove_source(db: sqlite_utils.Database, key: str) -> None:
    """Delete the source's articles (their full-text rows go with them, by trigger), the links other
    articles had to them as copies, and its pages, raw pages, runs, learnt shapes and entry: all or nothing."""
    with db.atomic():
        ids = "select id from articles where source = ?"
        db.execute(f"update articles set duplicate_of = null where duplicate_of in ({ids})", [key])
        db.execute(f"delete from duplicate_buckets where article_id in ({ids})", [key])
        db.execute("delete from articles where source = ?", [key])
        for table, column in SOURCE_TABLES:
            db.execute(f"delete from [{table}] where [{column}] = ?", [key])
