"""The archive: migrations, WAL, one row per URL, full-text search."""

from __future__ import annotations

import sqlite3

import pytest
from archive.migrations import MIGRATIONS, every_migration
from archive.store import Archive, ArchiveError
from conftest import first_release_archive

ROW = {
    "url": "https://baohaugiang.com.vn/xay-dung-dang/a-131234.html",
    "source": "baohaugiang",
    "title": "Thành phố Ngã Bảy: Tổng kết Điều lệ Đảng",
    "text": "Thành ủy Ngã Bảy vừa tổ chức Hội nghị Tổng kết Điều lệ Đảng.\nĐảng bộ có 44 tổ chức cơ sở đảng.",
    "published": "2024-01-30T08:03:00+07:00",
    "date_source": "date-line",
    "author": "BẢO TOÀN",
    "source_attribution": None,
    "word_count": 20,
    "fetched_at": "2024-02-01T00:00:00+00:00",
}


@pytest.fixture
def archive(tmp_path):
    store = Archive(tmp_path / "a.db")
    store.sync_sources([{"key": "baohaugiang", "name": "Báo Hậu Giang", "province": "Hậu Giang"}])
    yield store
    store.close()


def test_new_archive_is_migrated_and_in_wal_mode(archive):
    assert archive.db.journal_mode == "wal"
    assert {m.name for m in MIGRATIONS.applied(archive.db)} == {name for name, _ in every_migration()}
    assert {"articles", "sources", "articles_fts"} <= set(archive.db.table_names())


def test_migrations_keep_rows_of_an_older_archive(tmp_path):
    first_release_archive(tmp_path / "old.db", {"key": "baohaugiang", "name": "Báo Hậu Giang", "province": "Hậu Giang"}, ROW)
    upgraded = Archive(tmp_path / "old.db")
    row = next(upgraded.db["articles"].rows)
    assert row["title"] == ROW["title"] and row["province"] == "Hậu Giang"


def test_reopening_applies_nothing_twice(tmp_path, archive):
    archive.save_article(ROW)
    again = Archive(archive.path)
    assert again.db["articles"].count == 1
    assert again.db["_sqlite_migrations"].count == len(every_migration())


def test_one_row_per_url_updated_in_place(archive):
    assert archive.save_article(ROW) == "new"
    assert archive.save_article({**ROW, "fetched_at": "2024-02-02T00:00:00+00:00"}) == "unchanged"
    assert archive.save_article({**ROW, "title": ROW["title"] + " năm 2023"}) == "updated"
    rows = list(archive.db["articles"].rows)
    assert len(rows) == 1
    assert rows[0]["first_seen"] == ROW["fetched_at"]
    assert rows[0]["title"].endswith("năm 2023")


def test_full_text_search_follows_updates(archive):
    archive.save_article(ROW)
    hits = list(archive.db["articles"].search("đảng"))
    assert len(hits) == 1
    archive.save_article({**ROW, "text": "Nội dung khác hẳn về kết nạp đảng viên."})
    assert not list(archive.db["articles"].search("cơ sở"))
    assert len(list(archive.db["articles"].search("kết nạp"))) == 1


def test_not_an_archive_is_refused_by_name(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite " * 100)
    with pytest.raises(ArchiveError, match="notes.db"):
        Archive(bad)
    assert bad.read_text().startswith("this is not sqlite")


def test_readonly_open_of_missing_archive_fails_and_creates_nothing(tmp_path):
    with pytest.raises(ArchiveError, match="no such archive"):
        Archive(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_sqlite_sees_one_unique_index_on_url(archive):
    archive.save_article(ROW)
    with pytest.raises(sqlite3.IntegrityError):
        archive.db["articles"].insert({**ROW, "first_seen": ROW["fetched_at"]})


def committed(path) -> int:
    """Articles another connection (a Datasette reader) sees."""
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return reader.execute("select count(*) from articles").fetchone()[0]
    finally:
        reader.close()


def test_batched_commits_group_articles_and_undo_a_failed_unit_alone(archive):
    archive.batch_commits(3)
    rows = [{**ROW, "url": ROW["url"].replace("131234", str(n))} for n in range(5)]
    archive.save_article(rows[0])
    archive.stored()
    with pytest.raises(sqlite3.IntegrityError), archive.db.atomic():  # a unit that fails half-way
        archive.db["articles"].insert({**rows[1], "first_seen": "x"})
        archive.db["articles"].insert({**rows[0], "first_seen": "x"})  # url is unique
    archive.save_article(rows[2])
    archive.stored()
    assert committed(archive.path) == 0  # the batch is open
    assert archive.db["articles"].count == 2  # this connection sees its own writes
    archive.save_article(rows[3])
    archive.stored()  # the third article fills the batch
    assert committed(archive.path) == 3
    archive.save_article(rows[4])
    archive.commit_written()  # the crawl's timer
    assert committed(archive.path) == 4
    archive.commit_written()  # nothing new: no empty commit either way
    assert committed(archive.path) == 4
    assert [r["url"][-11:] for r in archive.db.query("select url from articles order by id")] == [
        r["url"][-11:] for r in (rows[0], rows[2], rows[3], rows[4])
    ]


def test_closing_commits_the_open_batch(tmp_path):
    store = Archive(tmp_path / "a.db")
    store.batch_commits(100)
    store.sync_sources([{"key": "baohaugiang", "name": "Báo Hậu Giang", "province": "Hậu Giang"}])
    store.save_article(ROW)
    store.stored()
    store.close()
    assert committed(tmp_path / "a.db") == 1
