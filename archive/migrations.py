"""Schema changes as numbered migrations, applied once each and recorded in ``_migrations``.

A migration is appended, never edited: an archive made by an older version is brought up to
date by running what it has not yet seen, and no row is lost on the way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlite_utils

MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = []


def migration(function: Callable[[sqlite_utils.Database], None]) -> Callable[[sqlite_utils.Database], None]:
    MIGRATIONS.append((function.__name__, function))
    return function


@migration
def m001_articles_and_sources(db: sqlite_utils.Database) -> None:
    db["sources"].create(
        {"key": str, "name": str, "province": str, "kind": str, "home": str, "domains": str, "start_urls": str},
        pk="key",
    )
    db["articles"].create(
        {
            "id": int,
            "url": str,
            "source": str,
            "title": str,
            "text": str,
            "published": str,
            "date_source": str,
            "author": str,
            "source_attribution": str,
            "word_count": int,
            "fetched_at": str,
            "first_seen": str,
        },
        pk="id",
        not_null={"url", "source", "text", "fetched_at", "first_seen"},
        foreign_keys=[("source", "sources", "key")],
    )
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["source", "published"])
    db["articles"].create_index(["published"])
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")


@migration
def m002_article_province(db: sqlite_utils.Database) -> None:
    """Each article carries its source's province, for facets and filters without a join."""
    db["articles"].add_column("province", str)
    db.execute("update articles set province = (select province from sources where sources.key = articles.source)")
    db["articles"].create_index(["province", "published"])



@migration
def m020_raw_pages(db: sqlite_utils.Database) -> None:
    """Every fetched article page, zlib-compressed with its HTTP headers, for re-extraction offline."""
    db.execute(
        """create table raw_pages (
            url text primary key,      -- as fetched (canonicalized), before any canonical link
            source text not null,
            status integer,
            headers text,              -- JSON list of [name, value] pairs, as received
            body blob,                 -- zlib-compressed response body, as Scrapy decoded it
            size integer,              -- uncompressed body bytes
            fetched_at text not null,  -- UTC ISO 8601
            listing_date text,         -- the date a listing printed beside the link, if any
            generic integer            -- 1: found by the generic rules, not a registry pattern
        )"""
    )
    db["raw_pages"].create_index(["source"])


@migration
def m021_provinces(db: sqlite_utils.Database) -> None:
    """The 63 provinces as named before the 1 July 2025 merger and the 34 they became."""
    from .provinces import table_rows

    db["provinces"].insert_all(table_rows(), pk="province")


@migration
def m022_corpus_columns(db: sqlite_utils.Database) -> None:
    """Province since the merger, topic, and syndication links for every article."""
    from .provinces import province_2025

    db["articles"].add_column("province_2025", str)
    db.execute("alter table articles add column duplicate_of integer references articles(id)")
    db["articles"].add_column("text_hash", str)
    db["articles"].add_column("topic", str)
    db["articles"].add_column("topic_score", float)
    db["articles"].create_index(["province_2025", "published"])
    db["articles"].create_index(["text_hash"])
    db["articles"].create_index(["duplicate_of"])
    db["articles"].create_index(["topic"])
    db.execute(
        """create table duplicate_buckets (
            bucket integer not null,   -- one LSH band of an article's MinHash, hashed to 64 bits
            article_id integer not null references articles(id),
            primary key (bucket, article_id)
        ) without rowid"""
    )
    db["duplicate_buckets"].create_index(["article_id"])
    for (name,) in db.execute("select distinct province from articles where province is not null").fetchall():
        db.execute("update articles set province_2025 = ? where province = ?", [province_2025(name), name])

def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply the migrations ``db`` lacks, each in its own transaction; return their names."""
    db["_migrations"].create({"name": str, "applied_at": str}, pk="name", if_not_exists=True)
    done = {row["name"] for row in db["_migrations"].rows}
    applied = []
    for name, function in MIGRATIONS:
        if name in done:
            continue
        with db.conn:
            function(db)
            db["_migrations"].insert({"name": name, "applied_at": datetime.now(UTC).isoformat(timespec="seconds")})
        applied.append(name)
    return applied
