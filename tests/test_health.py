"""Source health: a source whose start page fails or whose articles stop matching is flagged broken,
in ``newsarchive sources`` and in the ``source_health`` view Datasette shows."""

from __future__ import annotations

import asyncio
import json
import re

import pytest
import sqlite_utils

from archive.datasette import build_datasette, load_metadata
from archive.runs import start_run, update_run
from archive.store import Archive
from conftest import run_cli

SITE = "haugiang"
ARTICLE_HREF = re.compile(r'href="/xay-dung-dang/([a-z0-9-]+-\d{6}\.html)"')


def crawl(web, db, status: int = 0) -> tuple[str, str]:
    result = run_cli("crawl", SITE, "--sources", web.registry, "--db", db)
    assert result.returncode == status, result.stderr
    return result.stdout, result.stderr


def health(db) -> dict:
    return next(sqlite_utils.Database(db).query("select * from source_health where source = ?", [SITE]))


def sources_line(web, db) -> tuple[str, list[str]]:
    result = run_cli("sources", "--sources", web.registry, "--db", db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    return next(line for line in lines if line.startswith(SITE + " ")), [line for line in lines if line.startswith("BROKEN")]


def test_start_page_failing_flags_the_source_until_it_works_again(own_web, tmp_path):
    web = own_web(SITE)
    db = tmp_path / "archive.db"
    crawl(web, db)
    assert health(db)["broken"] == 0

    (web.www(SITE) / "_status.json").write_text(json.dumps({"/xay-dung-dang/": 500}))
    stdout, stderr = crawl(web, db, status=1)  # every start page failed: the source failed
    assert f"Error: {SITE} failed: start page failed: {web.origin(SITE)}/xay-dung-dang/ (HTTP 500)" in stderr
    assert stdout.splitlines()[1].split()[-1] == "failed"
    line, problems = sources_line(web, db)
    assert "BROKEN" in line.split()
    assert problems == [f"BROKEN {SITE}: start page failed: {web.origin(SITE)}/xay-dung-dang/ (HTTP 500)"]
    row = health(db)
    assert row["broken"] == 1 and row["error_rate"] > 0 and row["last_status"] == "failed"

    (web.www(SITE) / "_status.json").unlink()
    crawl(web, db)
    assert health(db)["broken"] == 0
    line, problems = sources_line(web, db)
    assert "ok" in line.split() and not problems


def _links_renamed(www) -> None:
    listing = www / "xay-dung-dang" / "index.html"
    listing.write_text(ARTICLE_HREF.sub(r'href="/tin-bai/\1"', listing.read_text("utf-8")), "utf-8")


def _articles_emptied(www) -> None:
    for page in (www / "xay-dung-dang").glob("*-[0-9]*.html"):
        page.write_text("<html><head><title>Bảo trì</title></head><body><p>Trang đang bảo trì.</p></body></html>")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (_links_renamed, "1 listing pages link to no article the source's patterns match"),
        (_articles_emptied, "article pages fetched, none extracted as an article"),
    ],
)
def test_articles_that_stop_matching_flag_the_source(own_web, tmp_path, change, problem):
    web = own_web(SITE)
    db = tmp_path / "archive.db"
    if change is _links_renamed:
        crawl(web, db)  # healthy first; then the site changes its URLs
    change(web.www(SITE))
    _, stderr = crawl(web, db)
    assert problem in stderr
    row = health(db)
    assert row["broken"] == 1 and problem in row["problem"]


def test_datasette_shows_source_health(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.sync_sources([{"key": "x", "name": "X", "province": "Sơn La", "kind": "newspaper", "home": "http://x.vn/",
                           "domains": "x.vn", "start_urls": "http://x.vn/"}])
    run = start_run(archive.db, "x", "full")
    update_run(archive.db, run, {"status": "finished", "pages": 4, "http_errors": 1, "health": "broken",
                                 "problem": "start page failed: http://x.vn/ (HTTP 500)"}, finished=True)
    archive.close()
    datasette = build_datasette(tmp_path / "a.db")

    async def fetch():
        return await datasette.client.get("/archive/source_health.json?_shape=array")

    rows = asyncio.run(fetch()).json()
    assert rows[0]["source"] == "x" and rows[0]["broken"] == 1 and rows[0]["error_rate"] == 0.25
    assert rows[0]["last_success"] and "HTTP 500" in rows[0]["problem"]
    assert "source_health" in load_metadata()["databases"]["archive"]["tables"]
