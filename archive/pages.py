"""What the crawler knows of the URLs it fetched (table ``pages``).

An article page's ``outcome`` decides whether a later run fetches it again; a listing page's
``etag`` and ``last_modified`` let a later run ask the server only for a changed page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

ARCHIVED = ("new", "updated", "unchanged")  # outcomes of an article page that is in the archive


@dataclass
class KnownPages:
    """One source's fetch history, as a crawl starts."""

    archived: set[str] = field(default_factory=set)  # article URLs (as linked) that are in the archive
    not_articles: set[str] = field(default_factory=set)  # URLs that turned out not to be articles
    gone: set[str] = field(default_factory=set)  # article links that answered 404 or 410
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # url -> (etag, last_modified)


def known_pages(db: sqlite_utils.Database, source: str) -> KnownPages:
    known = KnownPages()
    for row in db.query("select url, kind, outcome, etag, last_modified from pages where source = ?", [source]):
        if row["kind"] == "listing":
            if row["etag"] or row["last_modified"]:
                known.validators[row["url"]] = (row["etag"], row["last_modified"])
        elif row["outcome"] in ARCHIVED:
            known.archived.add(row["url"])
        elif row["outcome"] == "not_article":
            known.not_articles.add(row["url"])
        elif row["outcome"] == "gone":
            known.gone.add(row["url"])
    known.archived.update(row["url"] for row in db.query("select url from articles where source = ?", [source]))
    return known


def record_pages(db: sqlite_utils.Database, rows: list[dict]) -> None:
    if rows:
        with db.atomic():
            db["pages"].upsert_all(rows, pk="url")
