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
        ("sonla", "Sơn La", "Sơn La", "2024-01", "", 1), ("sonla", "Sơn La", "Sơn La", "2024-01", "party-building", 1)]


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


SOURCE_COUNTED = """
    select source, count(*), sum(coalesce(published, '') != ''), sum(coalesce(author, '') != '')
    from articles group by source order by source"""


def test_source_counts_follow_every_write(tmp_path):
    """source_counts (m027): articles, dated and with an author per source, as counting them would give."""
    archive = Archive(tmp_path / "a.db")
    archive.sync_sources([{"key": "sonla", "name": "Báo Sơn La", "province": "Sơn La"}, {"key": "other", "name": "Khác"}])
    archive.save_article({**ROW, "author": "NGỌC ANH"})
    archive.save_article({**ROW, "url": ROW["url"] + "?2", "published": None})
    archive.save_article({**ROW, "url": ROW["url"] + "?3", "source": "other", "author": ""})

    def source_counts():
        return [tuple(r) for r in archive.db.execute("select * from source_counts order by source").fetchall()]

    assert source_counts() == [tuple(r) for r in archive.db.execute(SOURCE_COUNTED).fetchall()] == [
        ("other", 1, 1, 0), ("sonla", 2, 1, 1)]
    conn = sqlite3.connect(archive.path)
    with conn:  # a writer without our code: the triggers are plain SQL
        conn.execute("update articles set published = '2024-01-02', author = 'HÀ' where id = 2")
        conn.execute("update articles set source = 'sonla' where id = 3")
        conn.execute("delete from articles where id = 1")
    assert source_counts() == [tuple(r) for r in archive.db.execute(SOURCE_COUNTED).fetchall()] == [("sonla", 2, 2, 1)]


def test_source_health_v2_agrees_with_counting_every_article(tmp_path):
    """source_health (m027) from source_counts and index ranges gives what v1, reading every article, gave."""
    from datetime import UTC, datetime, timedelta

    archive = Archive(tmp_path / "a.db")
    archive.sync_sources([{"key": "sonla", "name": "Báo Sơn La", "province": "Sơn La"}, {"key": "empty", "name": "Trống"}])
    now = datetime.now(UTC)
    for i, (published, seen_days_ago) in enumerate([
        ((now - timedelta(days=2)).strftime("%Y-%m-%dT08:00:00+07:00"), 2), ((now - timedelta(days=20)).date().isoformat(), 20),
        ((now - timedelta(days=90)).date().isoformat(), 90), (None, 3), ("", 40), (None, 10),
    ]):
        archive.save_article({**ROW, "url": f"{ROW['url']}?{i}", "published": published})
        archive.db.execute("update articles set first_seen = ? where url = ?",
                           [(now - timedelta(days=seen_days_ago)).isoformat(timespec="seconds"), f"{ROW['url']}?{i}"])
    archive.db.conn.commit()
    archive.db.execute(f"create temp view health_v1 as {migrations.SOURCE_HEALTH_V1}")
    rows = [tuple(r) for r in archive.db.execute("select * from source_health order by source").fetchall()]
    assert rows == [tuple(r) for r in archive.db.execute("select * from health_v1 order by source").fetchall()]
    assert [(r[0], r[6], r[7], r[8]) for r in rows] == [("empty", 0, 0, 0), ("sonla", 6, 2, 4)]
