"""The migrations run through sqlite-utils' ``Migrations``; archives the project's own earlier
runner made (its record in ``_migrations``) open unchanged."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import sqlite_utils

from archive import migrations
from archive.store import Archive, upgrade_for_reading

# Made with main's code before the move (commit 2120c78): every migration then, one source, one
# article whose text was written for this test.
OLD_RUNNER = Path(__file__).parent / "fixtures" / "archive_before_sqlite_utils_migrations.db.gz"


def old_archive(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    with gzip.open(OLD_RUNNER) as packed, open(path, "wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    return path


def newer_than(path: Path) -> list[str]:
    """The migrations added since the fixture was made (m027 on), which opening it applies."""
    done = {row["name"] for row in sqlite_utils.Database(path).query("select name from _migrations")}
    return [name for name, _ in migrations.every_migration() if name not in done]


def test_an_archive_of_the_old_runner_opens_unchanged(tmp_path):
    path = old_archive(tmp_path)
    newer = newer_than(path)
    before = sqlite_utils.Database(path)
    old_record = list(before.query("select name, applied_at from _migrations order by rowid"))
    articles = list(before["articles"].rows)
    before.close()
    archive = Archive(path)
    try:
        assert list(archive.db["articles"].rows) == articles
        assert "_migrations" not in archive.db.table_names()
        applied = [(m.name, m.applied_at) for m in migrations.MIGRATIONS.applied(archive.db)]
        assert applied[:len(old_record)] == [(r["name"], r["applied_at"]) for r in old_record]
        assert [name for name, _ in applied[len(old_record):]] == newer
        assert migrations.pending(archive.db) == []
        assert [r["id"] for r in archive.db.query("select rowid as id from articles_search where articles_search match 'dang'")]
    finally:
        archive.close()


def test_the_bridge_runs_nothing_twice_and_once_only(tmp_path):
    path = old_archive(tmp_path)
    Archive(path).close()
    again = Archive(path)
    try:
        assert again.db["_sqlite_migrations"].count == len(migrations.every_migration())
        assert migrations.migrate(again.db) == []
    finally:
        again.close()


def test_pending_reads_the_old_record_without_writing(tmp_path):
    path = old_archive(tmp_path)
    newer = newer_than(path)
    reader = Archive(path, readonly=True)
    try:
        assert migrations.pending(reader.db) == newer
    finally:
        reader.close()
    assert upgrade_for_reading(path) == newer
    # Nothing due: left as it was; else upgraded, the old record carried over.
    assert ("_migrations" in sqlite_utils.Database(path).table_names()) == (not newer)
    assert migrations.pending(sqlite_utils.Database(path)) == []


def test_a_new_archive_records_every_migration_in_the_sqlite_utils_set(tmp_path):
    archive = Archive(tmp_path / "new.db")
    try:
        assert [m.name for m in migrations.MIGRATIONS.applied(archive.db)] == [n for n, _ in migrations.every_migration()]
        assert {r["migration_set"] for r in archive.db["_sqlite_migrations"].rows} == {"newsarchive"}
    finally:
        archive.close()


def test_full_text_follows_title_and_text_and_ignores_other_columns(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.sync_sources([{"key": "s", "name": "s", "province": "Nam Định"}])
    archive.save_article({"url": "http://s/1", "source": "s", "province": "Nam Định", "title": "Chi bộ", "text": "kết nạp đảng viên",
                          "fetched_at": "2025-01-01T00:00:00+00:00"})
    db = archive.db

    def found(word: str) -> list[int]:
        return [r[0] for r in db.execute("select rowid from articles_fts where articles_fts match ?", [word])]

    changes = db.conn.total_changes
    db.execute("update articles set topic_score = 30, fetched_at = 'later', duplicate_of = null where id = 1")
    assert db.conn.total_changes - changes == 1  # the row alone: its full-text entry is left as it was
    assert found("viên") == [1]
    db.execute("update articles set text = 'sinh hoạt chuyên đề' where id = 1")
    assert found("viên") == [] and found("chuyên") == [1]
    archive.close()


def columns(path: Path, table: str) -> list[str]:
    return [row[1] for row in sqlite_utils.Database(path).execute(f"pragma table_info({table})").fetchall()]


def test_an_upgrade_stopped_by_ctrl_c_leaves_the_archive_whole(tmp_path, monkeypatch):
    """Ctrl-C in a long migration (m029 rebuilds both full-text indexes: minutes for a million articles):
    one line naming the archive, exit 130, the migration under way rolled back, and the next command
    finishes the upgrade."""
    from click.testing import CliRunner

    from crawler.cli import cli

    path = old_archive(tmp_path)
    facets = migrations._facets

    def ctrl_c(row: str) -> str:
        if row == "":  # m029 has dropped the old index by now
            raise KeyboardInterrupt
        return facets(row)

    monkeypatch.setattr(migrations, "_facets", ctrl_c)
    result = CliRunner().invoke(cli, ["sources", "--db", str(path)])
    assert result.exit_code == 130, result.output
    assert result.stderr.splitlines()[-1] == (
        f"{path}: interrupted (SIGINT) while being brought up to date; the archive is whole, and the next command finishes the upgrade")
    assert "m029_search_facets" in migrations.pending(sqlite_utils.Database(path))
    assert columns(path, "articles_search") == ["title", "text"]
    assert sqlite_utils.Database(path).execute("select count(*) from articles_search where articles_search match 'dang'").fetchone()[0] == 1
    monkeypatch.undo()
    result = CliRunner().invoke(cli, ["sources", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert migrations.pending(sqlite_utils.Database(path)) == []
    assert columns(path, "articles_search") == columns(path, "articles_toned") == ["title", "text", "facets"]
