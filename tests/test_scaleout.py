"""Redis mode: two crawl processes share one frontier, one writer stores what they queue.

Against a real ``redis-server`` started here on a free port of 127.0.0.1 (``make redis`` installs
it); without one these tests are skipped. The sample portals answer nothing until both crawl
processes are in the crawl of every source (``--hold``), then slowly (``DELAY``), so that both
take part.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from collections import Counter

import pytest
import redis
import sqlite_utils

from archive import lock
from conftest import assert_only_entry_points_asked, run_cli, site_expectations, start_cli, target, wait_for
from crawler.discovery.links import canonicalize
from crawler.sources.registry import load_source
from crawler.scaleout.connection import Keys



EXPECTED = site_expectations()
SITES = sorted(EXPECTED)
DELAY = 0.2  # seconds before each response
KEYS = Keys()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (`make redis` installs it as root with apt)")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path_factory.mktemp("redis"))],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)

    def up() -> bool:
        try:
            return client.ping()
        except redis.ConnectionError:
            return False

    wait_for(up, timeout=10)
    yield url, client
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def redis_url(redis_server):
    url, client = redis_server
    client.flushall()
    return url


def table(stdout: str) -> dict[str, dict[str, str]]:
    """A command's closing table, by source."""
    lines = stdout.splitlines()
    header = lines[0].split()
    return {line.split()[0]: dict(zip(header, line.split())) for line in lines[1:]}


@pytest.fixture(scope="module")
def shared_crawl(redis_server, tmp_path_factory):
    """Two crawl processes on every sample portal, started together, and the writer beside them."""
    from conftest import SITES as SITES_DIR
    from conftest import start_sample_web

    url, client = redis_server
    client.flushall()
    tmp = tmp_path_factory.mktemp("shared")
    for site in SITES:
        shutil.copytree(SITES_DIR / site, tmp / "sites" / site)
    (tmp / "web").mkdir()
    hold = tmp / "hold"
    hold.touch()
    web, server = start_sample_web(tmp / "web", tmp / "sites", DELAY, hold)
    db = tmp / "archive.db"
    crawl = ["crawl", "--all", "--sources", web.registry, "--db", db, "--redis", url]
    crawlers = [start_cli(*crawl, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    wait_for(lambda: all(client.zcard(KEYS.crawlers(site)) == 2 for site in SITES), timeout=60)
    hold.unlink()
    # The writer's --until-done waits for the crawl processes it sees: it starts once both are in.
    writer = start_cli("write", "--redis", url, "--db", db, "--until-done", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    outputs = [process.communicate(timeout=120) for process in crawlers]
    written = writer.communicate(timeout=120)
    codes = [process.returncode for process in (*crawlers, writer)]
    yield web, db, url, client, outputs, written, codes, writer.pid
    server.terminate()
    server.wait(timeout=10)


def test_every_article_stored_once_by_the_one_writer(shared_crawl):
    web, db, _, _, outputs, written, codes, _ = shared_crawl
    assert codes == [0, 0, 0], [err for _, err in outputs] + [written[1]]
    archive = sqlite_utils.Database(db)
    urls = Counter(row["url"] for row in archive["articles"].rows)
    expected = {canonicalize(web.origin(site) + a["path"]) for site in SITES for a in EXPECTED[site]["articles"]}
    assert set(urls) == expected and set(urls.values()) == {1}
    stored = table(written[0])
    for site in SITES:  # every page the writer got was new: none was fetched and queued twice
        assert (stored[site]["new"], stored[site]["unchanged"]) == (str(len(EXPECTED[site]["articles"])), "0"), site
    assert archive.execute("select count(*) from articles_fts").fetchone()[0] == len(expected)
    assert archive["raw_pages"].count == len(expected)
    assert archive.execute("select count(*) from articles where topic_score is null").fetchone()[0] == 0


def test_no_article_or_start_page_fetched_twice(shared_crawl):
    web, _, _, _, outputs, _, codes, _ = shared_crawl
    fetched = Counter((r["site"], r["path"]) for r in web.requests())
    twice = {page: n for page, n in fetched.items() if n > 1 and page[1] != "/robots.txt"}  # each process asks robots.txt
    assert not twice
    for site in SITES:
        source = load_source(web.registry / f"{site}.toml")
        assert all(fetched[site, target(u)] == 1 for u in source.start_urls), site
        assert all(fetched[site, a["path"]] == 1 for a in EXPECTED[site]["articles"]), site
    # Both processes did part of the work.
    queued = [sum(int(row["queued"]) for row in table(stdout).values()) for stdout, _ in outputs]
    assert all(queued) and sum(queued) == sum(len(EXPECTED[site]["articles"]) for site in SITES), queued


def test_runs_logged_by_the_writer_and_redis_left_clean(shared_crawl):
    _, db, _, client, _, _, _, writer_pid = shared_crawl
    runs = list(sqlite_utils.Database(db).query("select source, mode, status, pid from crawls"))
    assert sorted(r["source"] for r in runs) == sorted(SITES * 2)  # one run per source and process
    assert {(r["mode"], r["status"], r["pid"]) for r in runs} == {("full", "finished", writer_pid)}
    assert client.keys("*") == []  # the last process of each source cleared its frontier; the writer drained all
    assert not lock.lock_path(db).exists() or lock.lock_path(db).read_text() == ""


def test_the_next_shared_run_is_incremental(shared_crawl):
    web, db, url, _, _, _, _, _ = shared_crawl
    before = len(web.requests())
    again = run_cli("crawl", "--all", "--sources", web.registry, "--db", db, "--redis", url)
    assert again.returncode == 0, again.stderr
    written = run_cli("write", "--redis", url, "--db", db, "--until-done")
    assert written.returncode == 0, written.stderr
    assert all(row["new"] == "0" for row in table(written.stdout).values())
    assert_only_entry_points_asked(web, web.requests()[before:], SITES)
    modes = [r["mode"] for r in sqlite_utils.Database(db).query("select mode from crawls order by id desc limit 6")]
    assert modes == ["incremental"] * 6


def test_a_shared_crawl_by_structure_learns_the_portal_and_the_next_follows_it(redis_url, sample_web, tmp_path):
    db, site = tmp_path / "archive.db", "dangbo-lienson"
    asked = []
    for _ in range(2):
        before = len(sample_web.requests())
        crawled = run_cli("crawl", "--url", sample_web.origin(site) + "/", "--db", db, "--redis", redis_url)
        assert crawled.returncode == 0, crawled.stderr
        written = run_cli("write", "--redis", redis_url, "--db", db, "--until-done")
        assert written.returncode == 0, written.stderr
        asked.append([r for r in sample_web.requests()[before:] if r["site"] == site and r["path"] != "/robots.txt"])
    shapes = next(sqlite_utils.Database(db).query("select start_urls, item_xpath from portal_shapes"))
    assert shapes["start_urls"].splitlines() == [sample_web.origin(site) + "/", sample_web.origin(site) + "/tin-tuc"]
    assert shapes["item_xpath"]
    assert sorted(r["path"] for r in asked[1]) == ["/", "/tin-tuc"]  # the learnt listings, and nothing new behind them
    assert len(asked[1]) < len(asked[0])


# The writer alone, fed by hand -------------------------------------------------------------------


def push(client, *messages: dict) -> None:
    for message in messages:
        client.rpush(KEYS.items, json.dumps(message))


def page(url: str, **fields) -> dict:
    item = {"url": url, "source": "demo", "fetched_at": "2025-01-02T03:04:05+00:00", "status": 200, "listing_date": None,
            "generic": False, "article": {}, "headers": [["Content-Type", "text/html"]], "link_url": url, "rejected": None,
            "raw": None, **fields}
    return {"kind": "page", "run": "r1", "source": "demo", "item": item}


ENTRY = {"key": "demo", "name": "Demo", "province": "Hậu Giang", "kind": "newspaper", "home": "http://demo.test/",
         "domains": "demo.test", "start_urls": "http://demo.test/"}
ARTICLE = {"title": "Nâng cao chất lượng sinh hoạt chi bộ", "text": "Công tác xây dựng Đảng " * 40,
           "published": "2025-01-01T08:00:00+07:00", "date_source": "meta", "author": None, "author_source": None, "source_attribution": None,
           "word_count": 200}


def test_writer_stores_articles_records_rejected_pages_and_logs_the_run(redis_url, tmp_path):
    import base64
    import zlib

    client = redis.Redis.from_url(redis_url)
    raw = base64.b64encode(zlib.compress(b"<html>not an article</html>")).decode()
    listing = {"url": "http://demo.test/", "source": "demo", "kind": "listing", "status": 200, "etag": '"x"',
               "last_modified": None, "fetched_at": "2025-01-02T03:04:05+00:00"}
    push(
        client,
        {"kind": "open", "run": "r1", "source": "demo", "mode": "full", "entry": ENTRY},
        page("http://demo.test/a.html", article=ARTICLE),
        page("http://demo.test/contact.html", rejected="not_article", raw=raw),
        {"kind": "close", "run": "r1", "source": "demo", "mode": "full", "reason": "finished", "pages": [listing],
         "stats": {"downloader/response_count": 3, "newsarchive/listing_pages": 1, "newsarchive/article_links": 2,
                   "newsarchive/article_pages": 2, "newsarchive/not_article": 1}},
    )
    db = tmp_path / "archive.db"
    result = run_cli("write", "--redis", redis_url, "--db", db, "--until-done")
    assert result.returncode == 0, result.stderr
    assert table(result.stdout)["demo"] == {"source": "demo", "pages": "2", "new": "1", "updated": "0", "unchanged": "0",
                                            "rejected": "1"}
    archive = sqlite_utils.Database(db)
    assert [r["title"] for r in archive["articles"].rows] == [ARTICLE["title"]]
    assert {r["url"]: (r["kind"], r["outcome"]) for r in archive["pages"].rows} == {
        "http://demo.test/a.html": ("article", "new"), "http://demo.test/contact.html": ("article", "not_article"),
        "http://demo.test/": ("listing", None),
    }
    assert [r["url"] for r in archive["raw_pages"].rows] == ["http://demo.test/contact.html"]
    assert archive["sources"].get("demo")["name"] == "Demo"
    run = next(archive.query("select status, health, articles_new, not_articles, pages from crawls"))
    assert run == {"status": "finished", "health": "ok", "articles_new": 1, "not_articles": 1, "pages": 3}
    assert client.llen(KEYS.items) == 0


def test_a_silent_run_is_marked_killed(redis_url, tmp_path):
    from crawler.crawl.runner import crawl_settings
    from crawler.scaleout.writer import ArchiveWriter

    client = redis.Redis.from_url(redis_url)
    push(client, {"kind": "open", "run": "r1", "source": "demo", "mode": "full", "entry": ENTRY})
    settings = crawl_settings(db_path=tmp_path / "archive.db", sources_dir=None, max_pages=None, verbose=False)
    settings.set("NEWSARCHIVE_REDIS_STALE", 0.2)
    writer = ArchiveWriter(client, tmp_path / "archive.db", settings, log=lambda line: None)
    try:
        writer.drain_batch()
        time.sleep(0.3)
        writer.reap()
        assert not writer.runs
        assert [r["status"] for r in writer.archive.db["crawls"].rows] == ["killed"]
    finally:
        writer.close()


# Refusals ------------------------------------------------------------------------------------------


def one_line(result, code: int, *words: str) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and all(w in lines[0] for w in words), lines


def test_a_second_writer_is_refused(redis_url, tmp_path):
    client = redis.Redis.from_url(redis_url)
    client.set(KEYS.writer, "otherhost pid 1 writing /elsewhere.db")
    result = run_cli("write", "--redis", redis_url, "--db", tmp_path / "archive.db", "--until-done")
    one_line(result, 75, redis_url, "otherhost pid 1")


def test_writer_refused_on_a_locked_archive(redis_url, tmp_path):
    db = tmp_path / "archive.db"
    lock.acquire(db)  # as a crawl writing the archive itself holds it
    try:
        result = run_cli("write", "--redis", redis_url, "--db", db, "--until-done")
    finally:
        lock.release(db)
    one_line(result, 75, str(db), f"pid {os.getpid()}")


def test_crawl_refuses_an_unreachable_redis_and_resume(tmp_path):
    url = f"redis://127.0.0.1:{free_port()}/0"
    result = run_cli("crawl", "--url", "http://127.0.0.1:9/", "--db", tmp_path / "a.db", "--redis", url)
    one_line(result, 2, url)
    assert not (tmp_path / "a.db").exists()  # a crawl process in Redis mode writes no archive
    result = run_cli("crawl", "--url", "http://127.0.0.1:9/", "--db", tmp_path / "a.db", "--redis", url, "--resume")
    one_line(result, 2, "--resume")
