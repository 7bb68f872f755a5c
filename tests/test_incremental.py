"""Incremental crawls against local servers: a re-run costs little and finds exactly what is new.

Request counts come from the servers' access log (tests/sampleweb.py), which also answers
conditional requests with 304 as real servers do. (The re-run of every sample portal is in
test_crawl.py's ``test_second_crawl_adds_no_rows``.)
"""

from __future__ import annotations

import pytest
import sqlite_utils

from archive.pages import KnownPages
from conftest import run_cli, site_expectations
from crawler.discovery.incremental import CrawlPlan, page_number
from crawler.discovery.links import Link

EXPECTED = site_expectations()
SITE = "haugiang"
LISTING = "/xay-dung-dang/"
TEMPLATE = "nang-chat-sinh-hoat-chi-bo-o-dang-bo-phuong-iv-135870.html"
TEMPLATE_TITLE = "Nâng chất sinh hoạt chi bộ ở Đảng bộ phường IV"


def articles(db) -> list[dict]:
    return list(sqlite_utils.Database(db)["articles"].rows)


def crawl(web, db, *args):
    """Crawl ``args`` (default: every served portal); return the run's requests from the access log."""
    before = len(web.requests())
    result = run_cli("crawl", *(args or ["--all"]), "--sources", web.registry, "--db", db)
    assert result.returncode == 0, result.stderr
    return web.requests()[before:]


def add_articles(web, count: int = 2) -> list[str]:
    """Publish ``count`` new articles at the top of the first listing page of the haugiang copy."""
    www = web.www(SITE)
    template = (www / "xay-dung-dang" / TEMPLATE).read_text("utf-8")
    listing = www / "xay-dung-dang" / "index.html"
    page = listing.read_text("utf-8")
    first_item = page.index('<a href="/xay-dung-dang/chau-thanh-a')
    paths, items = [], ""
    for n in range(1, count + 1):
        title = f"Chi bộ khu vực {n} kết nạp đảng viên mới trong đợt sinh hoạt tháng này"
        path = f"/xay-dung-dang/chi-bo-khu-vuc-{n}-ket-nap-dang-vien-moi-trong-dot-sinh-hoat-{150000 + n}.html"
        article = template.replace(TEMPLATE_TITLE, title).replace(f"/xay-dung-dang/{TEMPLATE}", path)
        (www / path.lstrip("/")).write_text(article, "utf-8")
        items += f'<p><a href="{path}" class="title">{title}</a> <span class="time">(10:00 05/05/2025)</span></p>\n'
        paths.append(path)
    listing.write_text(page[:first_item] + items + page[first_item:], "utf-8")
    return paths


@pytest.mark.parametrize("depth", [1, 2])
def test_two_new_articles_are_two_new_rows_and_pagination_stops_at_known(own_web, tmp_path, depth):
    web = own_web(SITE)
    db = tmp_path / "archive.db"
    crawl(web, db, SITE)
    before = {row["url"] for row in articles(db)}
    new_paths = add_articles(web)
    rerun = crawl(web, db, SITE, "--known-depth", depth)
    added = {row["url"] for row in articles(db)} - before
    assert added == {web.origin(SITE) + path for path in new_paths}
    assert len(articles(db)) == len(before) + 2
    paths = [r["path"] for r in rerun if r["path"] != "/robots.txt"]
    known = [a["path"] for a in EXPECTED[SITE]["articles"]]
    assert not set(paths) & set(known)  # no known article fetched again
    # Page 1 changed and held new articles; page 2 held only known ones, so with depth 1 it is the last.
    pages = ["/xay-dung-dang/trang-2.html", "/xay-dung-dang/trang-3.html"][:depth]
    assert sorted(paths) == sorted([LISTING, *new_paths, *pages])


def test_refresh_fetches_the_known_articles_again(own_web, tmp_path):
    web = own_web(SITE)
    db = tmp_path / "archive.db"
    crawl(web, db, SITE)
    refreshed = crawl(web, db, SITE, "--refresh")
    fetched = {r["path"] for r in refreshed}
    assert {a["path"] for a in EXPECTED[SITE]["articles"]} <= fetched
    rows = sqlite_utils.Database(db).query("select mode, articles_unchanged from crawls order by id desc limit 1")
    assert next(rows) == {"mode": "refresh", "articles_unchanged": len(EXPECTED[SITE]["articles"])}


def test_since_bounds_a_backfill(own_web, tmp_path):
    web = own_web(SITE)
    db = tmp_path / "archive.db"
    requests = crawl(web, db, SITE, "--since", "2024-06-01")
    stored = {row["url"] for row in articles(db)}
    wanted = {web.origin(SITE) + a["path"] for a in EXPECTED[SITE]["articles"] if a["published"][:10] >= "2024-06-01"}
    assert stored == wanted and wanted
    paths = {r["path"] for r in requests}
    # Page 2 lists these with 2023 dates: not fetched, and page 3 neither, since page 2 held only older
    # articles. (Older ones that a sidebar links undated are fetched, and not stored.)
    assert not {p for p in paths if p.endswith(("-129402.html", "-126815.html", "/trang-3.html"))}
    assert "/xay-dung-dang/trang-2.html" in paths


def test_without_validators_requests_are_plain_and_known_pages_still_stop():
    """A server that sends no ETag / Last-Modified: plain requests, and a page of known articles ends the paging."""
    known = KnownPages(archived={"http://x.vn/a-1.html", "http://x.vn/b-2.html"})
    plan = CrawlPlan(known, "incremental")
    assert plan.conditional_headers("http://x.vn/list/") == {}
    assert plan.exhausted([Link("http://x.vn/a-1.html", ""), Link("http://x.vn/b-2.html", "")])
    assert not plan.exhausted([Link("http://x.vn/a-1.html", ""), Link("http://x.vn/c-3.html", "")])
    assert not plan.exhausted([])
    assert CrawlPlan(known, "catch-up").walk_all and not plan.walk_all


@pytest.mark.parametrize(
    ("url", "text", "number"),
    [
        ("http://x.vn/xay-dung-dang/?page=3", "", 3),
        ("http://x.vn/xay-dung-dang/trang-2.html", "", 2),
        ("http://x.vn/chinh-tri/xay-dung-dang/trang-4/", "", 4),
        ("http://x.vn/Default.aspx?tabid=91&page=2", "", 2),
        ("http://x.vn/web/guest/tin?p_p_id=x&_x_delta=3&_x_cur=5", "", 5),
        ("http://x.vn/news/page-7/", "", 7),
        ("http://x.vn/list?start=20", "3", 3),
        ("http://x.vn/xay-dung-dang/", "Trang sau", None),
    ],
)
def test_page_numbers(url, text, number):
    assert page_number(url, text) == number


def test_a_bad_since_is_one_line_and_writes_nothing(tmp_path):
    db = tmp_path / "archive.db"
    result = run_cli("crawl", "--all", "--since", "last week", "--db", db)
    assert result.returncode == 2 and not db.exists()
    assert result.stderr.strip().splitlines() == ["Error: --since: not a date (YYYY-MM-DD): last week"]
