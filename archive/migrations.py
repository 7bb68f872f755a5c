"""Schema changes as numbered migrations, applied once each through sqlite-utils' ``Migrations``
(recorded in ``_sqlite_migrations`` under the set ``newsarchive``).

A migration is appended, never edited: an archive made by an older version is brought up to
date by running what it has not yet seen, and no row is lost on the way. Archives made before
the move to sqlite-utils' runner kept their record in ``_migrations``; ``bridge_old_bookkeeping``
carries it over the first time such an archive is opened for writing.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("newsarchive")
migration = MIGRATIONS()  # the decorator: registers a function under its own name, in order
OLD_TABLE = "_migrations"  # the record kept by this project's own runner, before sqlite-utils' one


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
def m003_crawls(db: sqlite_utils.Database) -> None:
    """The run log: one row per source per run, inserted when the run starts and kept up to date while it
    goes, so a run whose process died is still there (status 'running' until the next open marks it 'killed')."""
    db["crawls"].create(
        {
            "id": int,
            "source": str,
            "mode": str,  # full, catch-up, incremental, refresh, backfill or resume
            "status": str,  # running, finished, incomplete, stopped or killed
            "started_at": str,
            "updated_at": str,
            "finished_at": str,
            "duration": float,
            "pages": int,
            "listing_pages": int,
            "not_modified": int,
            "article_links": int,
            "article_pages": int,
            "known_skipped": int,
            "articles_new": int,
            "articles_updated": int,
            "articles_unchanged": int,
            "articles_failed": int,
            "not_articles": int,
            "http_errors": int,
            "start_failures": int,
            "health": str,  # ok, broken, or null when the run saw nothing that tells
            "problem": str,
            "pid": int,
        },
        pk="id",
        not_null={"source", "status", "started_at"},
        defaults={
            name: 0
            for name in ("pages", "listing_pages", "not_modified", "article_links", "article_pages", "known_skipped",
                         "articles_new", "articles_updated", "articles_unchanged", "articles_failed", "not_articles",
                         "http_errors", "start_failures")
        },
    )
    db["crawls"].create_index(["source", "started_at"])
    db["crawls"].create_index(["status"])


@migration
def m004_pages(db: sqlite_utils.Database) -> None:
    """What the crawler knows of each URL it fetched: what came of an article page (so it is not fetched
    again), and a listing's ETag / Last-Modified (so it is fetched conditionally)."""
    db["pages"].create(
        {
            "url": str,
            "source": str,
            "kind": str,  # article or listing (start pages, pagination, feeds, sitemaps)
            "outcome": str,  # article pages: new, updated, unchanged, not_article, failed, old or gone
            "article_url": str,  # the archived article's URL when the page named another canonical URL
            "status": int,
            "etag": str,
            "last_modified": str,
            "fetched_at": str,
        },
        pk="url",
        not_null={"source", "kind", "fetched_at"},
    )
    db["pages"].create_index(["source", "kind"])


SOURCE_HEALTH_V1 = """
with
  verdicts as (
    select source, health, problem, started_at,
           row_number() over (partition by source order by started_at desc, id desc) as n
    from crawls where health is not null and status != 'running'
  ),
  runs as (
    select source,
           max(started_at) as last_run,
           max(case when status in ('finished', 'incomplete') then finished_at end) as last_success,
           sum(case when started_at >= strftime('%Y-%m-%dT%H:%M:%S', 'now', '-30 days') then pages else 0 end) as pages_30d,
           sum(case when started_at >= strftime('%Y-%m-%dT%H:%M:%S', 'now', '-30 days') then http_errors else 0 end) as errors_30d
    from crawls group by source
  ),
  counts as (
    select source,
           count(*) as articles,
           sum(substr(coalesce(nullif(published, ''), first_seen), 1, 10) >= date('now', '-7 days')) as last_7_days,
           sum(substr(coalesce(nullif(published, ''), first_seen), 1, 10) >= date('now', '-30 days')) as last_30_days
    from articles group by source
  )
select
  sources.key as source,
  sources.name,
  sources.province,
  runs.last_run,
  (select status from crawls where crawls.source = sources.key order by started_at desc, id desc limit 1) as last_status,
  runs.last_success,
  coalesce(counts.articles, 0) as articles,
  coalesce(counts.last_7_days, 0) as last_7_days,
  coalesce(counts.last_30_days, 0) as last_30_days,
  round(1.0 * runs.errors_30d / nullif(runs.pages_30d, 0), 3) as error_rate,
  coalesce(verdicts.health = 'broken', 0) as broken,
  case when verdicts.health = 'broken' then verdicts.problem end as problem
from sources
left join runs on runs.source = sources.key
left join counts on counts.source = sources.key
left join verdicts on verdicts.source = sources.key and verdicts.n = 1
"""


@migration
def m005_source_health(db: sqlite_utils.Database) -> None:
    """Per source: last successful run, articles published in the last 7 and 30 days, the HTTP error
    rate of the last 30 days' runs, and the verdict of the latest run that could tell (broken or not)."""
    db.create_view("source_health", SOURCE_HEALTH_V1)


# "đ" folded to "d" in plain SQL, so that the triggers work on any connection (no registered function);
# the tokenizer's remove_diacritics 2 folds every other Vietnamese mark. "Ð"/"ð" are the look-alikes
# some portals type for "Đ"/"đ".
_FOLD_D = "replace(replace(replace(replace({}, 'đ', 'd'), 'Đ', 'D'), 'Ð', 'D'), 'ð', 'd')"


@migration
def m006_crawl_fetch_failures(db: sqlite_utils.Database) -> None:
    """Pages that could not be fetched at all (timeouts, resets, redirect loops, oversize bodies)."""
    db["crawls"].add_column("fetch_failures", int, not_null_default=0)


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


@migration
def m023_portal_shapes(db: sqlite_utils.Database) -> None:
    """What a crawl by structure learnt of a portal with no registry entry, so later runs follow it cheaply
    and ``newsarchive sources KEY`` can print it as a draft registry entry."""
    db.execute(
        """create table portal_shapes (
            source text primary key references sources(key),
            start_urls text,       -- the listing pages (first pages) that gave articles, one per line
            article_pattern text,  -- regex generalised from the confirmed article URLs
            listing_pattern text,  -- regex of those listings and their pagination
            item_xpath text,       -- the listing's repeated item blocks
            pager text,            -- pagination style: liferay, query, path, text or postback
            examples text,         -- confirmed article URLs, one per line
            updated_at text not null
        )"""
    )


@migration
def m024_author_source(db: sqlite_utils.Database) -> None:
    """Where the author was read (byline-end, byline-after, byline-top, date-line, markup, json-ld), beside date_source."""
    db["articles"].add_column("author_source", str)


# "Ð"/"ð" read as "Đ"/"đ", as the crawler's normalize does, for rows other writers put in.
_ETH = "replace(replace({}, 'Ð', 'Đ'), 'ð', 'đ')"


@migration
def m025_toned_search(db: sqlite_utils.Database) -> None:
    """``articles_toned``: a contentless FTS5 index of title and text with every mark kept.

    ``articles_search`` makes "đảng", "đang" and "dang" one word; this one keeps them apart, so a
    search typed with marks can rank the articles spelling its words that way first, or keep only
    those (archive.search.toned_query). Triggers keep it in step, as m010's do.
    """
    title, text = _ETH.format("new.title"), _ETH.format("new.text")
    old_title, old_text = _ETH.format("old.title"), _ETH.format("old.text")
    statements = [
        "create virtual table articles_toned using fts5("
        "title, text, content='', tokenize='unicode61 remove_diacritics 0')",
        f"insert into articles_toned(rowid, title, text) select id, {_ETH.format('title')}, {_ETH.format('text')} from articles",
        f"""create trigger articles_toned_ai after insert on articles begin
            insert into articles_toned(rowid, title, text) values (new.id, {title}, {text});
        end""",
        f"""create trigger articles_toned_ad after delete on articles begin
            insert into articles_toned(articles_toned, rowid, title, text) values ('delete', old.id, {old_title}, {old_text});
        end""",
        f"""create trigger articles_toned_au after update of title, text on articles begin
            insert into articles_toned(articles_toned, rowid, title, text) values ('delete', old.id, {old_title}, {old_text});
            insert into articles_toned(rowid, title, text) values (new.id, {title}, {text});
        end""",
    ]
    for statement in statements:
        db.execute(statement)


_COUNT_KEY = ("source", "province", "province_2025", "month", "topic")


def _count_values(row: str) -> list[str]:
    """The ``article_counts`` key of the articles row ``row`` (new, old or articles), in ``_COUNT_KEY`` order."""
    month = f"case when {row}.published glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' then substr({row}.published, 1, 7) else '' end"
    return [f"{row}.source", f"coalesce({row}.province, '')", f"coalesce({row}.province_2025, '')", month,
            f"coalesce({row}.topic, '')"]


@migration
def m026_article_counts(db: sqlite_utils.Database) -> None:
    """``article_counts``: articles per source, province (then and since 2025), month and topic, kept by
    triggers, so the front-page chart and per-month figures read a few thousand rows, not every article.

    Missing values are '' rather than null so that each combination is one row an upsert can find.
    """
    key = ", ".join(_COUNT_KEY)
    add = (f"insert into article_counts({key}, articles) values ({', '.join(_count_values('new'))}, 1) "
           f"on conflict({key}) do update set articles = articles + 1;")
    remove = (f"update article_counts set articles = articles - 1 where ({key}) = ({', '.join(_count_values('old'))});"
              " delete from article_counts where articles = 0;")
    statements = [
        f"create table article_counts ({', '.join(f'{c} text not null' for c in _COUNT_KEY)}, articles integer not null, "
        f"primary key ({key})) without rowid",
        "create index article_counts_month on article_counts(month)",
        f"insert into article_counts({key}, articles) select {key}, count(*) from ("
        f"select {', '.join(f'{v} as {c}' for v, c in zip(_count_values('articles'), _COUNT_KEY))} from articles"
        f") group by {key}",
        f"create trigger article_counts_ai after insert on articles begin {add} end",
        f"create trigger article_counts_ad after delete on articles begin {remove} end",
        f"create trigger article_counts_au after update of source, province, province_2025, published, topic on articles "
        f"begin {remove} {add} end",
    ]
    for statement in statements:
        db.execute(statement)


def _recent(days: int) -> str:
    """Articles of the source published in the last ``days`` days (first seen, when undated), as in
    SOURCE_HEALTH_V1, from the (source, published) index: three index ranges, not every article."""
    since = f"date('now', '-{days} days')"
    undated = "select count(*) from articles a where a.source = sources.key and a.published {} and a.first_seen >= {}"
    dated = f"select count(*) from articles a where a.source = sources.key and a.published >= {since}"
    null, empty = undated.format("is null", since), undated.format("= ''", since)
    return f"({dated}) + ({null}) + ({empty})"


# V1 without its count of every article: the counts from source_counts, the last 7 and 30 days from _recent.
SOURCE_HEALTH_V2 = (
    SOURCE_HEALTH_V1[:SOURCE_HEALTH_V1.index(",\n  counts as (")] + SOURCE_HEALTH_V1[SOURCE_HEALTH_V1.index("\nselect\n"):]
).replace("coalesce(counts.last_7_days, 0)", _recent(7)).replace("coalesce(counts.last_30_days, 0)", _recent(30)).replace(
    "left join counts on", "left join source_counts counts on")


@migration
def m027_source_counts(db: sqlite_utils.Database) -> None:
    """``source_counts``: per source, its articles, those with a date and those with an author, kept by
    triggers; ``source_health`` reads them (and index ranges for the last 7 and 30 days) instead of
    reading every article, which took most of a second at a million articles."""
    def measures(row: str) -> str:
        return f"{row}.source, 1, coalesce({row}.published, '') != '', coalesce({row}.author, '') != ''"

    add = ("insert into source_counts(source, articles, dated, with_author) values ({}) on conflict(source) do update set "
           "articles = articles + 1, dated = dated + excluded.dated, with_author = with_author + excluded.with_author;"
           ).format(measures("new"))
    remove = ("update source_counts set articles = articles - 1, dated = dated - (coalesce(old.published, '') != ''), "
              "with_author = with_author - (coalesce(old.author, '') != '') where source = old.source; "
              "delete from source_counts where articles = 0;")
    statements = [
        ("create table source_counts (source text primary key, articles integer not null, dated integer not null, "
         "with_author integer not null) without rowid"),
        ("insert into source_counts(source, articles, dated, with_author) select source, count(*), "
         "sum(coalesce(published, '') != ''), sum(coalesce(author, '') != '') from articles group by source"),
        f"create trigger source_counts_ai after insert on articles begin {add} end",
        f"create trigger source_counts_ad after delete on articles begin {remove} end",
        f"create trigger source_counts_au after update of source, published, author on articles begin {remove} {add} end",
        "drop view source_health",
        f"create view source_health as {SOURCE_HEALTH_V2}",
    ]
    for statement in statements:
        db.execute(statement)


def pending(db: sqlite_utils.Database) -> list[str]:
    """The migrations ``db`` lacks, found without writing (read-only connections too)."""
    done = {m.name for m in MIGRATIONS.applied(db)} | _old_bookkeeping(db)
    return [m.name for m in MIGRATIONS.pending(db) if m.name not in done]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply the migrations ``db`` lacks, each in its own transaction; return their names."""
    due = pending(db)
    bridge_old_bookkeeping(db)
    MIGRATIONS.apply(db)
    return due


def every_migration() -> list[tuple[str, Callable[[sqlite_utils.Database], None]]]:
    """Every migration in order, as (name, function)."""
    return [(m.name, m.fn) for m in MIGRATIONS.pending(sqlite_utils.Database(memory=True))]


def _old_bookkeeping(db: sqlite_utils.Database) -> set[str]:
    return {row["name"] for row in db[OLD_TABLE].rows} if db[OLD_TABLE].exists() else set()


def bridge_old_bookkeeping(db: sqlite_utils.Database) -> None:
    """The one bridging step: an archive made before the move to sqlite-utils' ``Migrations`` kept
    its applied migrations in ``_migrations`` (name, applied_at); they are carried into
    ``_sqlite_migrations`` under this set's name, with their dates, in one transaction, and the old
    table goes, so such an archive opens unchanged and nothing runs twice."""
    if not db[OLD_TABLE].exists():
        return
    with db.atomic():
        MIGRATIONS.ensure_migrations_table(db)
        known = {m.name for m in MIGRATIONS.applied(db)}
        db[MIGRATIONS.migrations_table].insert_all(
            {"migration_set": MIGRATIONS.name, "name": row["name"], "applied_at": row["applied_at"]}
            for row in db.query(f"select name, applied_at from {OLD_TABLE} order by rowid") if row["name"] not in known
        )
        db[OLD_TABLE].drop()


@migration
def m028_full_text_on_text_changes(db: sqlite_utils.Database) -> None:
    """``articles_fts`` re-indexed when an article's title or text changes, not on every update: sqlite-utils'
    trigger fired for any column, so storing an article's topic, duplicate link or fetch time re-indexed its
    whole text (the unchanged words removed and put back), most of the cost of those updates."""
    old, new = (", ".join(f"{row}.[{column}]" for column in ("title", "text")) for row in ("old", "new"))
    db.execute("drop trigger [articles_au]")
    db.execute(
        "create trigger [articles_au] after update of [title], [text] on [articles] begin "
        f"insert into [articles_fts] ([articles_fts], rowid, [title], [text]) values ('delete', old.rowid, {old}); "
        f"insert into [articles_fts] (rowid, [title], [text]) values (new.rowid, {new}); end"
    )


# What m029 indexes beside an article's words: a token for its province as stored and since the 2025
# merger, its year and its month (archive.search.narrowing builds the query side). The prefixes start
# with a digit, so no word typed into a search is ever one of them.
FACET_PREFIXES = {"province": "0p", "year": "0y", "month": "0m"}


def _facets(row: str) -> str:
    """The ``facets`` column of both full-text indexes for ``row`` ("new", "old" or none): the province
    names with their spaces taken out ("Sơn La" gives the one token "0psonla"), "đ" folded as in
    m010, and the year and month of a dated article ("0y2021 0m202103"; bare prefixes when undated).
    As many tokens for every article, so that they change no article's BM25 against another's."""
    column = (lambda name: f"{row}.{name}") if row else (lambda name: name)
    published = column("published")

    def province(name: str) -> str:
        return f"'{FACET_PREFIXES['province']}' || replace(coalesce({column(name)}, ''), ' ', '')"

    dated = (
        f"case when {published} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' then "
        f"' {FACET_PREFIXES['year']}' || substr({published}, 1, 4) || "
        f"' {FACET_PREFIXES['month']}' || substr({published}, 1, 4) || substr({published}, 6, 2) "
        f"else ' {FACET_PREFIXES['year']} {FACET_PREFIXES['month']}' end"
    )
    return _FOLD_D.format(f"{province('province')} || ' ' || {province('province_2025')} || {dated}")


@migration
def m029_search_facets(db: sqlite_utils.Database) -> None:
    """``articles_search`` and ``articles_toned`` gain a ``facets`` column: tokens for province, year and month.

    A search limited to a province and some days used to walk every hit of its words and test each
    against the limits: a word in most articles meant a million hits looked at to keep a few
    thousand. With the limits as tokens FTS5 joins them to the words inside the index, skipping
    from one hit of the rarest to the next; the limits themselves are still applied exactly after.
    Both indexes take the same tokens (the toned one keeps their marks, as it does the words'), so one
    narrowing serves both. The triggers re-index an article when its title, text, province or date
    changes; the crawl stores an article's 2025 province with it (``archive.store``), so a new
    article is indexed once.
    """
    for table, mark_kept, tokenize in (("articles_search", _FOLD_D, "remove_diacritics 2"), ("articles_toned", _ETH, "remove_diacritics 0")):
        columns = {row: (mark_kept.format(f"{row}.title"), mark_kept.format(f"{row}.text"), _facets(row)) for row in ("new", "old")}
        new, old = (", ".join(columns[row]) for row in ("new", "old"))
        for trigger in ("ai", "ad", "au"):
            db.execute(f"drop trigger {table}_{trigger}")
        db.execute(f"drop table {table}")
        statements = [
            f"create virtual table {table} using fts5(title, text, facets, content='', tokenize='unicode61 {tokenize}')",
            f"insert into {table}(rowid, title, text, facets) "
            f"select id, {mark_kept.format('title')}, {mark_kept.format('text')}, {_facets('')} from articles",
            f"""create trigger {table}_ai after insert on articles begin
                insert into {table}(rowid, title, text, facets) values (new.id, {new});
            end""",
            f"""create trigger {table}_ad after delete on articles begin
                insert into {table}({table}, rowid, title, text, facets) values ('delete', old.id, {old});
            end""",
            f"""create trigger {table}_au after update of title, text, province, province_2025, published on articles begin
                insert into {table}({table}, rowid, title, text, facets) values ('delete', old.id, {old});
                insert into {table}(rowid, title, text, facets) values (new.id, {new});
            end""",
        ]
        for statement in statements:
            db.execute(statement)
    db.execute("insert into articles_search(articles_search, rank) values ('rank', 'bm25(4.0, 1.0, 0.0)')")
