"""End to end: crawl the sample portals over HTTP into a fresh archive, as a user would.

Each crawl runs the installed ``newsarchive`` command in a subprocess against
``tests/sampleweb.py``; the assertions read the archive it leaves.
"""

from __future__ import annotations


import sqlite_utils
import pytest

from conftest import assert_only_entry_points_asked, run_cli, site_expectations
from crawler.discovery.links import canonicalize

EXPECTED = site_expectations()


def expected_urls(sample_web, site: str, key: str = "articles") -> set[str]:
    paths = [a["path"] for a in EXPECTED[site]["articles"]] if key == "articles" else EXPECTED[site][key]
    return {canonicalize(sample_web.origin(site) + path) for path in paths}


@pytest.fixture(scope="module")
def crawled(sample_web, tmp_path_factory):
    db = tmp_path_factory.mktemp("crawl") / "archive.db"
    first = run_cli("crawl", "--all", "--sources", sample_web.registry, "--db", db)
    assert first.returncode == 0, first.stderr
    return db, first


def stored(db, source: str) -> dict[str, dict]:
    return {row["url"]: row for row in sqlite_utils.Database(db)["articles"].rows_where("source = ?", [source])}


@pytest.mark.parametrize("site", sorted(EXPECTED))
def test_every_article_found_and_nothing_else(crawled, sample_web, site):
    db, _ = crawled
    urls = set(stored(db, site))
    assert urls == expected_urls(sample_web, site)
    assert not urls & expected_urls(sample_web, site, "not_articles")


@pytest.mark.parametrize("site", sorted(EXPECTED))
def test_titles_dates_and_authors_exact(crawled, sample_web, site):
    db, _ = crawled
    rows = stored(db, site)
    for article in EXPECTED[site]["articles"]:
        row = rows[canonicalize(sample_web.origin(site) + article["path"])]
        assert (row["title"], row["published"], row["author"]) == (
            article["title"], article["published"], article["author"]
        ), article["path"]


@pytest.mark.parametrize("site", sorted(EXPECTED))
def test_bodies_whole_and_free_of_furniture(crawled, sample_web, site):
    db, _ = crawled
    rows = stored(db, site)
    for article in EXPECTED[site]["articles"]:
        text = rows[canonicalize(sample_web.origin(site) + article["path"])]["text"]
        for paragraph in article["body"]:
            assert paragraph in text, (article["path"], paragraph[:60])
        for junk in article.get("absent", []) + EXPECTED[site]["furniture"]:
            assert junk not in text, (article["path"], junk)


def test_seed_articles_are_in_the_archive(crawled):
    db, _ = crawled
    seeds = {a["seed"] for site in EXPECTED.values() for a in site["articles"] if a.get("seed")}
    assert seeds == {"000", "001", "002", "003", "004"}


def test_summary_names_every_source(crawled):
    _, first = crawled
    lines = first.stdout.splitlines()
    assert lines[0].split()[:4] == ["source", "pages", "new", "updated"]
    for site in EXPECTED:
        row = next(line.split() for line in lines if line.startswith(site + " "))
        assert int(row[1]) > len(EXPECTED[site]["articles"])
        assert int(row[2]) == len(EXPECTED[site]["articles"])


def test_second_crawl_adds_no_rows(crawled, sample_web):
    db, _ = crawled
    before = sqlite_utils.Database(db)["articles"].count
    requests_before = len(sample_web.requests())
    again = run_cli("crawl", "--all", "--sources", sample_web.registry, "--db", db)
    assert again.returncode == 0, again.stderr
    assert sqlite_utils.Database(db)["articles"].count == before
    for line in again.stdout.splitlines()[1:]:
        assert line.split()[2] == "0", line
    # Incremental: only each site's start pages (and feeds), asked for conditionally and unchanged.
    assert_only_entry_points_asked(sample_web, sample_web.requests()[requests_before:], EXPECTED)


@pytest.mark.parametrize("site", sorted(EXPECTED))
def test_unknown_portal_crawled_from_its_home_page(sample_web, tmp_path, site):
    db = tmp_path / "generic.db"
    result = run_cli("crawl", "--url", sample_web.origin(site) + "/", "--db", db)
    assert result.returncode == 0, result.stderr
    urls = {row["url"] for row in sqlite_utils.Database(db)["articles"].rows}
    assert urls == expected_urls(sample_web, site)


def test_max_pages_bounds_a_run(sample_web, tmp_path):
    site = sorted(EXPECTED)[0]
    db = tmp_path / "bounded.db"
    result = run_cli("crawl", site, "--sources", sample_web.registry, "--db", db, "--max-pages", 3)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.splitlines()[1].split()[1]) <= 3 + 1  # robots.txt besides


def test_all_crawls_active_sources_and_archived_ones_only_when_asked(sample_web, tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "haugiang.toml").write_text((sample_web.registry / "haugiang.toml").read_text("utf-8"), "utf-8")
    old = (sample_web.registry / "namdinh-khoi.toml").read_text("utf-8")
    (sources / "namdinh-khoi.toml").write_text('status = "archived"\nmerged_into = "haugiang"\n' + old, "utf-8")

    def crawled_keys(*args):
        result = run_cli("crawl", *args, "--sources", sources, "--db", tmp_path / "archive.db", "--max-pages", 2)
        assert result.returncode == 0, result.stderr
        return {line.split()[0] for line in result.stdout.splitlines()[1:]}

    assert crawled_keys("--all") == {"haugiang"}
    assert crawled_keys("--all", "--archived") == {"namdinh-khoi"}
    assert crawled_keys("namdinh-khoi") == {"namdinh-khoi"}
