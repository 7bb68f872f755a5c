"""Bad servers and bad pages cannot hurt the archive (tests/faultweb.py serves them).

One crawl of the faulty portal into an archive that already holds an article: the crawl
finishes, each failure is counted in ``crawls`` and logged once with its URL, nothing wrong is
stored, the pages that can be read are stored right, and the earlier row is untouched. A
Retry-After holds back the whole host, and one asking too long is not waited for. Datasette
keeps answering while a crawl writes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import unicodedata
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils

from archive.store import Archive
from conftest import TESTS, free_port, run_cli, start_cli, wait_for

sys.path.insert(0, str(TESTS))
from faultweb import FAULTS, PARAGRAPHS, TITLES  # noqa: E402

EARLIER = {
    "url": "https://baohaugiang.com.vn/xay-dung-dang/a-131234.html", "source": "baohaugiang", "title": "Bài cũ",
    "text": "Nội dung đã lưu từ trước.", "published": "2024-01-30T08:03:00+07:00", "date_source": "date-line",
    "author": None, "source_attribution": None, "word_count": 5, "fetched_at": "2024-02-01T00:00:00+00:00",
}
HARD_FAILURES = ["1004", "1005", "1006", "1007", "1010", "1011", "1018"]
BUSY = "/tin/may-chu-qua-tai-roi-tra-loi-1003.html"  # 503 with Retry-After: 1, once
SLOT = {"delay": 0.2, "jitter": 0}


@pytest.fixture(scope="module")
def fault_web(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faultweb")
    server = subprocess.Popen(
        [sys.executable, str(TESTS / "faultweb.py"), "--registry", str(tmp / "sources"),
         "--port-file", str(tmp / "ports.json"), "--log", str(tmp / "access.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    wait_for(lambda: (tmp / "ports.json").exists() and (tmp / "ports.json").read_text())
    yield tmp, json.loads((tmp / "ports.json").read_text())["faulty"]
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def crawled(fault_web, tmp_path_factory):
    tmp, port = fault_web
    db = tmp_path_factory.mktemp("faults") / "archive.db"
    archive = Archive(db)
    archive.sync_sources([{"key": "baohaugiang", "name": "Báo Hậu Giang", "province": "Hậu Giang"}])
    archive.save_article(EARLIER)
    archive.close()
    # The host's slot gets a delay, as real portals' slots have, for a Retry-After to hold it back.
    # A backlog of 2 article pages: one that every failure did not give back would stall the crawl.
    result = run_cli(
        "crawl", "faulty", "--sources", tmp / "sources", "--db", db, "-v",
        "-s", "DOWNLOAD_TIMEOUT=3", "-s", "RETRY_TIMES=1", "-s", f"DOWNLOAD_SLOTS={json.dumps({'127.0.0.1': SLOT})}",
        "-s", "NEWSARCHIVE_ARTICLE_BACKLOG=2",
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    return db, result, port, tmp


def stored(db: Path) -> dict[str, dict]:
    return {row["url"].split("/", 3)[3]: row for row in sqlite_utils.Database(db)["articles"].rows_where("source = 'faulty'")}


def test_only_readable_articles_are_stored_and_right(crawled):
    db, _, _, _ = crawled
    rows = stored(db)
    assert set(rows) == {path.lstrip("/") for path, (_, kept) in FAULTS.items() if kept}
    for path, row in rows.items():
        assert row["title"] == TITLES["/" + path], path
        assert row["text"] == unicodedata.normalize("NFC", row["text"])
        assert all(p in row["text"] for p in PARAGRAPHS), path
        assert row["published"] == "2024-03-12T08:45:00+07:00"


def test_earlier_rows_are_intact(crawled):
    db, _, _, _ = crawled
    row = next(sqlite_utils.Database(db)["articles"].rows_where("url = ?", [EARLIER["url"]]))
    assert {k: row[k] for k in EARLIER} == EARLIER
    assert sqlite_utils.Database(db).execute("pragma integrity_check").fetchone()[0] == "ok"


def test_the_article_backlog_is_given_back_on_every_path(crawled):
    """With room for 2 article pages, requests waited; that every failure gave its room back shows
    in the crawl finishing with every readable article (``test_failures_are_counted_in_the_run_log``)."""
    _, result, _, _ = crawled
    assert "'newsarchive/backlog/waits'" in result.stderr


def test_failures_are_counted_in_the_run_log(crawled):
    db, _, _, _ = crawled
    run = next(sqlite_utils.Database(db)["crawls"].rows_where("source = 'faulty'"))
    assert run["status"] == "finished"
    assert run["http_errors"] == 4  # the 500 twice (retried once), each 503 once
    assert run["fetch_failures"] == 4  # timeout, reset, redirect loop, 50 MB body
    assert run["articles_failed"] == 1  # binary body
    assert run["not_articles"] == 2  # login page, error page
    assert run["articles_new"] == sum(kept for _, kept in FAULTS.values())


def test_each_failure_is_logged_once_with_its_url(crawled):
    _, result, _, _ = crawled
    log = result.stderr.splitlines()
    for path, (what, _) in FAULTS.items():
        if path.rsplit("-", 1)[1][:4] in HARD_FAILURES:
            lines = [line for line in log if path in line]
            assert len(lines) == 1, (what, lines)
    assert not any("Traceback" in line for line in log)


def requests(tmp: Path) -> list[dict]:
    return [json.loads(line) for line in (tmp / "access.log").read_text().splitlines()]


def test_retry_after_holds_back_the_whole_host(crawled):
    _, result, _, tmp = crawled
    log = requests(tmp)
    busy, retry = [r["time"] for r in log if r["path"] == BUSY]
    assert retry - busy >= 1
    # The requests queued behind the 503 would come every 0.2 s; one sent before the 503 came
    # back may arrive just after it, none is sent while waiting.
    assert not [r["path"] for r in log if busy + 0.5 < r["time"] < busy + 1]
    assert "'newsarchive/retry_after/waited': 1," in result.stderr


def test_retry_after_too_long_is_not_waited_for(crawled):
    _, result, _, tmp = crawled
    assert len([r for r in requests(tmp) if "-1018." in r["path"]]) == 1  # not retried
    [line] = [line for line in result.stderr.splitlines() if "-1018." in line]
    assert "HTTP 503, Retry-After 3600 s" in line
    assert "'newsarchive/retry_after/too_long': 1," in result.stderr


def test_robots_txt_is_obeyed(crawled):
    _, _, _, tmp = crawled
    requested = [r["path"] for r in requests(tmp)]
    assert "/robots.txt" in requested
    assert not [p for p in requested if p.startswith("/rieng-tu/")]


def test_datasette_keeps_serving_while_a_crawl_writes(sample_web, tmp_path):
    db = tmp_path / "archive.db"
    first = run_cli("crawl", "haugiang", "--sources", sample_web.registry, "--db", db)
    assert first.returncode == 0, first.stderr
    port = free_port()
    server = start_cli("serve", "--db", db, "--port", port, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/archive/articles.json?_shape=array&_size=5"
        wait_for(lambda: _status(url) == 200)
        crawl = start_cli("crawl", "--all", "--sources", sample_web.registry, "--db", db, "--refresh",
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        statuses = []
        while crawl.poll() is None:
            statuses.append(_status(url))
            time.sleep(0.05)
        assert crawl.returncode == 0
        assert statuses and set(statuses) == {200}
    finally:
        server.terminate()
        server.wait(timeout=10)


def _status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except OSError:
        return None
