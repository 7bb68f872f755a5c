"""Reading and writing the archive: one SQLite file in WAL mode, through sqlite-utils."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from archive.output import writable

from . import lock
from .migrations import migrate, pending
from .provinces import province_2025
from .runs import reap_runs

LOG = logging.getLogger(__name__)
# The columns an extraction owns: a re-crawl that changes none of them leaves the row alone.
CONTENT_COLUMNS = ("title", "text", "published", "date_source", "author", "author_source", "source_attribution", "word_count")


class ArchiveError(RuntimeError):
    """The archive file cannot be opened or is not an archive; the message names the file."""


@dataclass
class Batch:
    rows: int  # articles per transaction at most
    pending: int = 0  # articles in the open transaction
    changes: int = 0  # the connection's total_changes when it opened


class Archive:
    _shared: dict[Path, list] = {}  # resolved path -> [archive, users]

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        self.shared_key: Path | None = None
        self.batch: Batch | None = None
        try:
            if readonly:
                if not self.path.is_file():
                    raise ArchiveError(f"{self.path}: no such archive")
                conn = sqlite3.connect(read_uri(self.path), uri=True)
                self.db = sqlite_utils.Database(conn)
                self.db.execute("select count(*) from sqlite_master").fetchone()
            else:
                self.db = sqlite_utils.Database(self.path)
                self.db.enable_wal()
                # In WAL mode NORMAL never corrupts the file; a power cut may lose the last commits,
                # which the next crawl fetches again. FULL would fsync on every row.
                self.db.execute("pragma synchronous = normal")
                self.announce_upgrade()
                try:
                    migrate(self.db)
                except KeyboardInterrupt:  # the migration under way is rolled back, those done are kept
                    raise KeyboardInterrupt(
                        f"{self.path}: interrupted (SIGINT) while being brought up to date; the archive is whole, "
                        "and the next command finishes the upgrade"
                    ) from None
                reap_runs(self.db, lock_holder=lock.holder(self.path))
        except sqlite3.DatabaseError as exc:
            if sqlite3.SQLITE_READONLY == getattr(exc, "sqlite_errorcode", None):
                raise ArchiveError(f"{self.path}: cannot be written ({exc})") from None
            raise ArchiveError(f"{self.path}: not a usable SQLite archive ({exc})") from None

    def announce_upgrade(self) -> None:
        """Say so before migrating an archive that holds articles: some migrations rebuild an index of
        every article (minutes for a million), and a command silent that long looks hung. Each
        migration is one transaction: stopped half-way, the one under way is rolled back and those
        done are kept."""
        due = pending(self.db)
        if due and self.db["articles"].exists() and self.db.execute("select exists (select 1 from articles)").fetchone()[0]:
            LOG.warning("%s: bringing the archive up to date (%s); a large archive takes minutes", self.path, ", ".join(due))

    def check_writable(self) -> None:
        """Write nothing, but as a writer would: an archive a crawl could not write fails here, by name,
        rather than in every component of the crawl."""
        conn = self.db.conn
        conn.commit()
        try:
            conn.execute("begin immediate")
            try:
                version = conn.execute("pragma user_version").fetchone()[0]
                conn.execute(f"pragma user_version = {version}")
            finally:
                conn.execute("rollback")
        except sqlite3.OperationalError as exc:
            raise ArchiveError(f"{self.path}: cannot be written ({exc})") from None

    @classmethod
    def shared(cls, path: str | Path) -> Archive:
        """The process's one read-write connection to this archive, for the components of a crawl.

        Every source's pipelines and run log write through it (all in the reactor's thread), so a
        crawl of fifty sources keeps one SQLite page cache, not two hundred. ``close`` releases it.
        """
        key = Path(path).resolve()
        if key not in cls._shared:
            archive = cls(path)
            archive.shared_key = key
            cls._shared[key] = [archive, 0]
        cls._shared[key][1] += 1
        return cls._shared[key][0]

    def close(self) -> None:
        if self.shared_key is not None:
            entry = self._shared[self.shared_key]
            entry[1] -= 1
            if entry[1] > 0:
                return
            del self._shared[self.shared_key]
        self.batch = None
        self.db.commit()
        self.db.close()

    # Batched commits -----------------------------------------------------------------------------

    def batch_commits(self, rows: int) -> None:
        """From now on, commit writes in batches: at ``rows`` articles, or sooner when ``commit_written`` is called.

        A crawl stores several rows per article (raw page, article with its full-text entry, page
        record, derived columns, run figures); committing each on its own pays a commit, and a WAL
        frame of the same index pages, every time. The connection keeps a transaction open, every
        unit of work (``db.atomic()``) runs in it as a savepoint, so a unit that fails is undone
        alone. The crawl calls ``commit_written`` every second, so readers (Datasette) see rows at
        most a second or two late; a killed process loses at most that much, and its record of
        fetched pages loses it too, so the next run fetches those pages again.
        """
        if self.batch is None:
            self.batch = Batch(rows)
            self._open_batch()

    def _open_batch(self) -> None:
        if not self.db.conn.in_transaction:
            self.db.begin()
        self.batch.pending, self.batch.changes = 0, self.db.conn.total_changes

    def stored(self) -> None:
        """Count one more article into the open batch; commit it when it is full."""
        if self.batch is not None:
            self.batch.pending += 1
            if self.batch.pending >= self.batch.rows:
                self.commit()

    def commit_written(self) -> None:
        """Commit the open batch if anything was written in it."""
        if self.batch is not None and self.db.conn.total_changes != self.batch.changes:
            self.commit()

    def commit(self) -> None:
        """Commit what is written so far (and open the next batch when batching)."""
        self.db.commit()
        if self.batch is not None:
            self._open_batch()

    def sync_sources(self, rows: Iterable[dict]) -> None:
        with self.db.atomic():
            self.db["sources"].upsert_all(list(rows), pk="key")

    def save_article(self, row: dict, page: dict | None = None) -> str:
        """Insert or update by URL; return 'new', 'updated' or 'unchanged'.

        One unit of work: the article (with its full-text entry) and the record of the page it came
        from (table ``pages``) are written whole or not at all.
        """
        existing = self.db.execute(EXISTING, [row["url"]]).fetchone()
        if "province" in row and "province_2025" not in row:
            # Stored with the row, not by the corpus step's update after it: that update would
            # re-index the article's whole text (its full-text entry holds the province, m029).
            row = {**row, "province_2025": province_2025(row["province"])}
        with self.db.atomic():
            if existing is None:
                write(self.db, "articles", {**row, "first_seen": row["fetched_at"]})
                outcome = "new"
            else:
                changed = any(old != row.get(c) for c, old in zip(CONTENT_COLUMNS, existing[1:]))
                update = row if changed else {"fetched_at": row["fetched_at"]}
                columns = ", ".join(f"[{c}] = ?" for c in update)
                self.db.execute(f"update articles set {columns} where id = ?", [*update.values(), existing[0]])
                outcome = "updated" if changed else "unchanged"
            if page is not None:
                article_url = row["url"] if row["url"] != page["url"] else None
                write(self.db, "pages", {**page, "outcome": outcome, "article_url": article_url}, upsert="url")
        return outcome


def read_uri(path: Path) -> str:
    """The SQLite URI that reads the archive without writing it.

    ``mode=ro`` lets a crawl write while we read, but a WAL archive's reader needs the -shm file,
    which SQLite creates beside the archive: in a folder this user cannot write, with no -wal file
    (so no writer at work), the archive is opened ``immutable`` instead, which needs neither.
    """
    path = path.resolve()
    uri = f"{path.as_uri()}?mode=ro"
    if not writable(path.parent) and not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def upgrade_for_reading(path: Path) -> list[str]:
    """Apply the migrations an older archive lacks before a read-only use (serve, export, sources),
    so that the reader finds what it expects; return their names. Opens for writing only when some
    are due, and refuses then an archive it cannot write."""
    archive = Archive(path, readonly=True)
    due = pending(archive.db)
    archive.close()
    if due and not (writable(path) and writable(path.parent)):
        raise ArchiveError(
            f"{path}: made by an older newsarchive and read-only here: open it once where it can be written "
            f"(any newsarchive command) to upgrade it ({', '.join(due)})"
        )
    if due:
        Archive(path).close()
    return due


EXISTING = f"select id, {', '.join(CONTENT_COLUMNS)} from articles where url = ?"


@lru_cache(maxsize=64)
def write_sql(table: str, columns: tuple[str, ...], upsert: str | None) -> str:
    names = ", ".join(f"[{c}]" for c in columns)
    sql = f"insert into [{table}] ({names}) values ({', '.join('?' * len(columns))})"
    if upsert:
        sql += f" on conflict([{upsert}]) do update set " + ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != upsert)
    return sql


def write(db: sqlite_utils.Database, table: str, row: dict, *, upsert: str | None = None) -> None:
    """Insert a row, or with ``upsert`` (the table's key) insert or update the given columns of it:
    sqlite-utils' ``insert``/``upsert`` for the crawl's hot path, without their per-call look-ups
    of the table's schema (one prepared statement per table and set of columns)."""
    db.execute(write_sql(table, tuple(row), upsert), list(row.values()))
