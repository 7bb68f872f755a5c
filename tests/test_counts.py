"""article_counts (m026): the per source, province, month and topic counts the chart and per-month
figures read, equal to counting the articles after every insert, update and delete, whoever writes."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from archive import migrations
from archive.store import Archive

ROW = {
    "url": "https://sonla.dcs.vn/a-1.html",
    "source": "sonla",
    "province": "Sơn La",
    "title": "Hội nghị",
    "text": "Nội dung.",
    "published": "2024-01-30T08:03:00+07:00",
    "fetched_at": "2024-02-01T00:00:00+00:00",
}
COUNTED = """
    select source, coalesce(province, ''), coalesce(province_2025, ''), coalesce(substr(published_date, 1, 7), ''),
           coalesce(topic, ''), count(*) from articles group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5"""


def counts(db) -> list[tuple]:
    return [tuple(r) for r in db.execute("select * from article_counts order by 1, 2, 3, 4, 5").fetchall()]


def counted(db) -> list[tuple]:
    return [tuple(r) for r in db.execute(COUNTED).fetchall()]


def test_counts_follow_every_write(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.sync_sources([{"key": "sonla", "name": "Báo Sơn La", "province": "Sơn La"}])
    archive.save_article(ROW)
    archive.save_article({**ROW, "url": ROW["url"] + "?2", "published": "2021-10-25"})
    archive.save_article({**ROW, "url": ROW["url"] + "?3", "published": None})
    assert counts(archive.db) == counted(archive.db) and len(counts(archive.db)) == 3
    conn = sqlite3.connect(archive.path)
    with conn:  # a writer without our code: the triggers are plain SQL
        conn.execute("update articles set published = '2024-01-02', topic = 'party-building' where id = 2")
        conn.execute("delete from articles where id = 3")
    assert counts(archive.db) == counted(archive.db) == [
        ("sonla", "Sơn La", "", "2024-01", "", 1), ("sonla", "Sơn La", "", "2024-01", "party-building", 1)]


def test_an_older_archive_gets_its_counts(tmp_path):
    db = sqlite_utils.Database(tmp_path / "old.db")
    migrations.migrate(db)
    db.execute("drop table article_counts")
    for suffix in ("ai", "ad", "au"):
        db.execute(f"drop trigger article_counts_{suffix}")
    db.execute("delete from _sqlite_migrations where name = 'm026_article_counts'")
    db["sources"].insert({"key": "sonla", "name": "Báo Sơn La", "province": "Sơn La"})
    db["articles"].insert_all([{**ROW, "url": str(i), "first_seen": ROW["fetched_at"]} for i in range(3)])
    db.conn.commit()
    db.close()
    upgraded = Archive(tmp_path / "old.db")
    assert counts(upgraded.db) == counted(upgraded.db) == [("sonla", "Sơn La", "", "2024-01", "", 3)]
