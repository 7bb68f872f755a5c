"""Portals never seen, crawled with ``--url``: their keys, the shapes a crawl learns of them and the
next run follows, the bound on candidates that are no articles, and ``sources --remove``.

The sample portal ``dangbo-lienson`` is Liferay with slug-only article URLs (no digits) and short
items; its "Chuyên đề" section lists six topic pages that are no articles.
"""

from __future__ import annotations

import shutil

import pytest
import sqlite_utils

from conftest import free_port, run_cli, site_expectations
from crawler.discovery.links import canonicalize
from crawler.sources.registry import adhoc_key, load_source

SITE = "dangbo-lienson"
EXPECTED = site_expectations()[SITE]


def crawl_url(web, db, *args) -> tuple[list[dict], str]:
    """``crawl --url`` of the sample portal; its requests (robots.txt aside) and the summary."""
    before = len(web.requests())
    result = run_cli("crawl", "--url", web.origin(SITE) + "/", "--db", db, *args)
    assert result.returncode == 0, result.stderr
    asked = [r for r in web.requests()[before:] if r["site"] == SITE and r["path"] != "/robots.txt"]
    return asked, result.stdout


def key(web) -> str:
    return f"127-0-0-1-{web.ports[SITE]}"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8123/", "127-0-0-1-8123"),
        ("https://www.sopcop.sonla.gov.vn/", "sopcop-sonla-gov-vn"),
        ("http://tinhuy.example.vn:80/tin-tuc", "tinhuy-example-vn"),
        ("https://tinhuy.example.vn:8443/", "tinhuy-example-vn-8443"),
    ],
)
def test_key_is_the_host_and_a_port_that_is_not_the_default(url, expected):
    assert adhoc_key(url) == expected


@pytest.fixture(scope="module")
def learnt(sample_web, tmp_path_factory):
    db = tmp_path_factory.mktemp("learnt") / "archive.db"
    asked, summary = crawl_url(sample_web, db)
    return db, asked, summary


def test_every_article_found_by_structure_and_nothing_else(learnt, sample_web):
    db, asked, summary = learnt
    stored = {row["url"] for row in sqlite_utils.Database(db)["articles"].rows}
    assert stored == {canonicalize(sample_web.origin(SITE) + a["path"]) for a in EXPECTED["articles"]}
    assert summary.splitlines()[1].split()[:3] == [key(sample_web), str(len(asked) + 1), "7"]


def test_candidates_that_are_no_articles_are_bounded_per_listing(learnt):
    _, asked, _ = learnt
    topics = [r["path"] for r in asked if r["path"].startswith("/chuyen-de/-/")]
    assert len(topics) == 5  # six listed, NEWSARCHIVE_CANDIDATE_MISSES_PER_LISTING misses, none stored


def test_the_bound_is_a_setting(sample_web, tmp_path):
    asked, _ = crawl_url(sample_web, tmp_path / "a.db", "-s", "NEWSARCHIVE_CANDIDATE_MISSES_PER_LISTING=2")
    assert len([r for r in asked if r["path"].startswith("/chuyen-de/-/")]) == 2


def test_learnt_shapes_make_the_next_run_cheaper(learnt, sample_web, tmp_path):
    db, _, _ = learnt
    unlearnt = tmp_path / "unlearnt.db"
    shutil.copy(db, unlearnt)
    sqlite_utils.Database(unlearnt).execute("delete from portal_shapes")
    sqlite_utils.Database(unlearnt).conn.commit()
    again, _ = crawl_url(sample_web, shutil.copy(db, tmp_path / "again.db"))
    rediscovered, _ = crawl_url(sample_web, unlearnt)
    assert len(again) < len(rediscovered)
    assert sorted(r["path"] for r in again) == ["/", "/tin-tuc"]  # the listings that gave articles, 304 both
    assert {r["status"] for r in again} == {304}


def test_sources_key_prints_the_shapes_as_a_draft_registry_entry(learnt, sample_web, tmp_path):
    db, _, _ = learnt
    result = run_cli("sources", key(sample_web), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "# listing items: //div[@class='list-news']/div[@class='news-item']; pagination: liferay" in result.stdout
    path = tmp_path / f"{key(sample_web)}.toml"
    path.write_text(result.stdout, "utf-8")
    source = load_source(path)
    articles = [sample_web.origin(SITE) + a["path"] for a in EXPECTED["articles"]]
    assert all(source.is_article(url) and not source.is_listing(url) for url in articles)
    assert not any(source.is_article(sample_web.origin(SITE) + path) for path in EXPECTED["not_articles"])
    assert source.start_urls == (sample_web.origin(SITE) + "/", sample_web.origin(SITE) + "/tin-tuc")


def test_sources_unknown_key_is_one_line_exit_1(learnt):
    db, _, _ = learnt
    result = run_cli("sources", "no-such-source", "--db", db)
    assert result.returncode == 1 and result.stderr.startswith("Error: unknown source: no-such-source")
    assert len(result.stderr.strip().splitlines()) == 1


def test_two_portals_on_one_host_are_two_sources(sample_web, tmp_path):
    db = tmp_path / "archive.db"
    for site in ("sopcop", SITE):
        assert run_cli("crawl", "--url", sample_web.origin(site) + "/", "--db", db).returncode == 0
    archive = sqlite_utils.Database(db)
    keys = {f"127-0-0-1-{sample_web.ports['sopcop']}", key(sample_web)}
    assert {row["key"] for row in archive["sources"].rows} == keys
    assert {row["source"]: row["mode"] for row in archive["crawls"].rows} == dict.fromkeys(keys, "full")


def test_key_names_the_source(sample_web, tmp_path):
    db = tmp_path / "archive.db"
    result = run_cli("crawl", "--url", sample_web.origin(SITE) + "/", "--key", "lienson", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].split()[0] == "lienson"
    assert sqlite_utils.Database(db).execute("select count(*) from articles where source = 'lienson'").fetchone()[0] == 7


def test_bad_key_is_refused(tmp_path):
    result = run_cli("crawl", "--url", "http://127.0.0.1:9/", "--key", "Not A Key", "--db", tmp_path / "a.db")
    assert result.returncode == 2 and "--key: not a key" in result.stderr


def test_remove_needs_yes_for_articles_and_then_leaves_nothing(learnt, tmp_path, sample_web):
    db = shutil.copy(learnt[0], tmp_path / "archive.db")
    refused = run_cli("sources", "--remove", key(sample_web), "--db", db)
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines()[-1] == f"Error: {key(sample_web)} has 7 articles: give --yes to delete them with it"
    assert "deletes 7 articles" in refused.stderr
    assert sqlite_utils.Database(db)["articles"].count == 7
    removed = run_cli("sources", "--remove", key(sample_web), "--yes", "--db", db)
    assert removed.returncode == 0, removed.stderr
    archive = sqlite_utils.Database(db)
    for table in ("articles", "pages", "raw_pages", "crawls", "portal_shapes", "sources", "duplicate_buckets"):
        assert archive[table].count == 0, table
    assert archive.execute("select count(*) from articles_fts").fetchone()[0] == 0
    assert archive.execute("select count(*) from articles_search where articles_search match 'dang'").fetchone()[0] == 0


def test_a_mistyped_url_leaves_a_source_that_remove_takes_away(tmp_path):
    db = tmp_path / "archive.db"
    url = f"http://127.0.0.1:{free_port()}/"
    assert run_cli("crawl", "--url", url, "--db", db).returncode == 1  # the host is down: the source failed
    assert "BROKEN" in run_cli("sources", "--db", db).stdout
    result = run_cli("sources", "--remove", adhoc_key(url), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "BROKEN" not in run_cli("sources", "--db", db).stdout
    unknown = run_cli("sources", "--remove", adhoc_key(url), "--db", db)
    assert unknown.returncode == 1 and len(unknown.stderr.strip().splitlines()) == 1
    assert unknown.stderr.startswith(f"Error: unknown source: {adhoc_key(url)}")


def test_a_portal_that_moved_its_news_is_discovered_again(own_web, tmp_path):
    """The learnt listing is gone and the news moved to a new section: the next run finds it from the home page."""
    web = own_web(SITE)
    db = tmp_path / "archive.db"
    crawl_url(web, db)
    www = web.www(SITE)
    moved = www / "tin-hoat-dong" / "-" / "view_content"
    for n, article in enumerate(EXPECTED["articles"][:2]):
        page = (www / article["path"].lstrip("/") / "index.html").read_text("utf-8")
        (moved / f"bai-moi-so-{n}").mkdir(parents=True)
        (moved / f"bai-moi-so-{n}" / "index.html").write_text(page.replace(article["title"], f"Tin mới số {n}: {article['title']}"), "utf-8")
    listing = (www / "tin-tuc" / "index.html").read_text("utf-8")
    for n, article in enumerate(EXPECTED["articles"][:4]):
        target = f"/tin-hoat-dong/-/view_content/bai-moi-so-{n}" if n < 2 else "/tin-hoat-dong/-/view_content/chua-dang"
        listing = listing.replace(f'"{article["path"]}"', f'"{target}"')
    (www / "tin-hoat-dong" / "index.html").write_text(listing, "utf-8")
    shutil.rmtree(www / "tin-tuc")
    home = (www / "index.html").read_text("utf-8")
    (www / "index.html").write_text(home.replace('<a href="/tin-tuc">', '<a href="/tin-hoat-dong">'), "utf-8")
    asked, _ = crawl_url(web, db)
    stored = {row["url"] for row in sqlite_utils.Database(db)["articles"].rows}
    assert {web.origin(SITE) + f"/tin-hoat-dong/-/view_content/bai-moi-so-{n}" for n in range(2)} <= stored
    assert [r["path"] for r in asked].count("/") == 2  # as a learnt listing, then for discovery
    shapes = sqlite_utils.Database(db)["portal_shapes"].get(f"127-0-0-1-{web.ports[SITE]}")
    assert web.origin(SITE) + "/tin-hoat-dong" in shapes["start_urls"].splitlines()
