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


# "đ" folded to "d" in plain SQL, so that the triggers work on any connection (no registered function);
# the tokenizer's remove_diacritics 2 folds every other Vietnamese mark. "Ð"/"ð" are the look-alikes
# some portals type for "Đ"/"đ".
_FOLD_D = "replace(replace(replace(replace({}, 'đ', 'd'), 'Đ', 'D'), 'Ð', 'D'), 'ð', 'd')"


@migration
def m010_folded_search(db: sqlite_utils.Database) -> None:
    """``articles_search``: a contentless FTS5 index of title and text with "đ" folded to "d".

    FTS5's ``remove_diacritics 2`` strips tone marks but keeps "đ" apart from "d", so "dang vien"
    would miss "đảng viên" in ``articles_fts``. Queries are folded the same way (archive.search).
    Triggers keep the index in step with every insert, update and delete, whoever writes.
    """
    title, text = _FOLD_D.format("new.title"), _FOLD_D.format("new.text")
    old_title, old_text = _FOLD_D.format("old.title"), _FOLD_D.format("old.text")
    statements = [
        "create virtual table articles_search using fts5("
        "title, text, content='', tokenize='unicode61 remove_diacritics 2')",
        "insert into articles_search(articles_search, rank) values ('rank', 'bm25(4.0, 1.0)')",
        f"insert into articles_search(rowid, title, text) "
        f"select id, {_FOLD_D.format('title')}, {_FOLD_D.format('text')} from articles",
        f"""create trigger articles_search_ai after insert on articles begin
            insert into articles_search(rowid, title, text) values (new.id, {title}, {text});
        end""",
        f"""create trigger articles_search_ad after delete on articles begin
            insert into articles_search(articles_search, rowid, title, text)
                values ('delete', old.id, {old_title}, {old_text});
        end""",
        f"""create trigger articles_search_au after update of title, text on articles begin
            insert into articles_search(articles_search, rowid, title, text)
                values ('delete', old.id, {old_title}, {old_text});
            insert into articles_search(rowid, title, text) values (new.id, {title}, {text});
        end""",
    ]
    for statement in statements:  # not executescript: it would commit the migration's transaction
        db.execute(statement)


@migration
def m011_published_parts(db: sqlite_utils.Database) -> None:
    """Day, month and year of ``published`` (Vietnam time, as stored) as generated columns for facets,
    and the indexes that keep facets and per-source figures off the wide rows.

    Virtual generated columns cost no storage and cannot drift from ``published``; they are
    empty where ``published`` is. SQLite reads a generated column from an index on that column
    only, so queries that group many rows by month use ``substr(published, 1, 7)`` on the
    (province|source, published) indexes instead.
    """
    day = "case when published glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' then substr(published, 1, 10) end"
    for column, length in (("published_date", 10), ("published_month", 7), ("published_year", 4)):
        db.execute(f"alter table articles add column {column} text generated always as (substr({day}, 1, {length})) virtual")
    db.execute("create index articles_published_month on articles(published_month)")
    db.execute("create index articles_published_year on articles(published_year)")
    db.execute("create index articles_author on articles(author)")
    db.execute("create index articles_source_health on articles(source, published, fetched_at, author)")


def pending(db: sqlite_utils.Database) -> list[str]:
    """The migrations ``db`` lacks, found without writing (read-only connections too)."""
    done = {row["name"] for row in db["_migrations"].rows} if db["_migrations"].exists() else set()
    return [name for name, _ in MIGRATIONS if name not in done]


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
