"""Crawls that are stopped or killed mid-way, resumed with --resume; the lock that keeps crawls apart.

The portal copy answers slowly (``delay``) so that a crawl can be caught half done.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
from collections import Counter

import sqlite_utils

from archive import lock
from conftest import run_cli, site_expectations, start_cli, wait_for

SITE = "haugiang"
EXPECTED = site_expectations()[SITE]["articles"]


def stored(db) -> int:
    try:
        return sqlite_utils.Database(db)["articles"].count
    except sqlite3.OperationalError:  # not created yet
        return 0


def runs(db) -> list[dict]:
    return list(sqlite_utils.Database(db).query("select mode, status, pid from crawls order by id"))


def start_crawl(web, db) -> subprocess.Popen:
    return start_cli("crawl", SITE, "--sources", web.registry, "--db", db,
                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def running(db) -> bool:
    try:
        return [r["status"] for r in runs(db)] == ["running"]
    except sqlite3.OperationalError:  # not created yet
        return False


def half_done(db) -> bool:
    return stored(db) >= 2


def assert_every_article_once_and_whole(web, db) -> None:
    archive = sqlite_utils.Database(db)
    rows = list(archive["articles"].rows)
    assert sorted(row["url"] for row in rows) == sorted(web.origin(SITE) + a["path"] for a in EXPECTED)
    assert all(row["title"] and row["text"] and row["fetched_at"] and row["first_seen"] for row in rows)
    assert archive.execute("select count(*) from articles_fts").fetchone()[0] == len(rows)
    assert archive.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_killed_crawl_is_marked_killed_and_resumed(own_web, tmp_path):
    web = own_web(SITE, delay=1.0)  # slow enough to be caught between two commits (one a second)
    db = tmp_path / "archive.db"
    process = start_crawl(web, db)
    wait_for(lambda: running(db))  # its row is in: it holds the lock

    second = run_cli("crawl", SITE, "--sources", web.registry, "--db", db)
    assert second.returncode == 75
    assert second.stderr.count("\n") == 1 and "is locked by a crawl already running" in second.stderr
    assert process.poll() is None  # the first crawl was running all along

    wait_for(lambda: half_done(db))
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert stored(db) < len(EXPECTED)
    assert [r["status"] for r in runs(db)] == ["running"]  # what the dead process left

    resumed = run_cli("crawl", SITE, "--resume", "--sources", web.registry, "--db", db)
    assert resumed.returncode == 0, resumed.stderr
    assert [(r["mode"], r["status"]) for r in runs(db)] == [("full", "killed"), ("catch-up", "finished")]
    assert_every_article_once_and_whole(web, db)


def test_stopped_crawl_resumes_from_its_queue(own_web, tmp_path):
    web = own_web(SITE, delay=1.0)  # slow enough to be caught half done, commits coming a second apart
    db = tmp_path / "archive.db"
    process = start_crawl(web, db)
    wait_for(lambda: half_done(db))
    process.send_signal(signal.SIGINT)  # Ctrl-C
    process.wait(timeout=30)
    assert [r["status"] for r in runs(db)] == ["stopped"]
    jobdir = tmp_path / "archive.db.jobs" / SITE
    assert jobdir.is_dir()

    resumed = run_cli("crawl", SITE, "--resume", "--sources", web.registry, "--db", db)
    assert resumed.returncode == 0, resumed.stderr
    assert [(r["mode"], r["status"]) for r in runs(db)] == [("full", "stopped"), ("resume", "finished")]
    assert_every_article_once_and_whole(web, db)
    fetched = Counter(r["path"] for r in web.requests())
    assert all(fetched[a["path"]] == 1 for a in EXPECTED)  # nothing fetched twice
    assert not jobdir.exists()


def test_a_second_crawl_on_a_locked_archive_is_refused(tmp_path):
    db = tmp_path / "archive.db"
    lock.acquire(db)  # as a crawl in another process holds it
    try:
        result = run_cli("crawl", "--url", "http://127.0.0.1:9/", "--db", db)
    finally:
        lock.release(db)
    assert result.returncode == 75
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and str(db) in lines[0] and "locked" in lines[0]
    assert f"pid {os.getpid()}" in lines[0]
    assert result.stdout == ""


def test_a_run_whose_process_is_gone_is_marked_killed_on_the_next_open(tmp_path):
    from archive.runs import start_run
    from archive.store import Archive

    dead = subprocess.Popen(["true"])
    dead.wait()
    archive = Archive(tmp_path / "archive.db")
    start_run(archive.db, "x", "full", pid=dead.pid)
    archive.close()
    reopened = Archive(tmp_path / "archive.db")
    assert [r["status"] for r in reopened.db["crawls"].rows] == ["killed"]
