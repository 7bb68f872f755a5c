"""Raw pages kept with headers and fetch time; WARC output; re-extraction offline changes exactly what the rules change."""

from __future__ import annotations

import json
import shutil
import zlib

import pytest
import sqlite_utils
from warcio.archiveiterator import ArchiveIterator

from conftest import SITES, run_cli, site_expectations
from crawler.discovery.links import canonicalize

SITES_CRAWLED = ("baonamdinh", "haugiang")


@pytest.fixture(scope="module")
def crawled(sample_web, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rawpages")
    db = tmp / "archive.db"
    result = run_cli("crawl", *SITES_CRAWLED, "--sources", sample_web.registry, "--db", db, "--warc", tmp / "warc")
    assert result.returncode == 0, result.stderr
    return db, tmp / "warc"


def article_urls(sample_web, site):
    return {canonicalize(sample_web.origin(site) + a["path"]): a["path"] for a in site_expectations()[site]["articles"]}


def file_of(site, path):
    target = SITES / site / "www" / path.lstrip("/")
    return target / "index.html" if target.is_dir() else target


def test_every_article_page_is_kept_compressed_with_headers_and_fetch_time(crawled, sample_web):
    db = sqlite_utils.Database(crawled[0])
    pages = {r["url"]: r for r in db["raw_pages"].rows}
    articles = {r["url"]: r for r in db["articles"].rows}
    for site in SITES_CRAWLED:
        for url, path in article_urls(sample_web, site).items():
            page = pages[url]
            assert zlib.decompress(page["body"]) == file_of(site, path).read_bytes()
            assert page["size"] < 10 * len(page["body"])  # compressed
            headers = {k.lower(): v for k, v in json.loads(page["headers"])}
            assert headers["content-type"].startswith("text/html")
            assert page["status"] == 200 and page["fetched_at"] == articles[url]["fetched_at"]


def test_warc_holds_every_response_of_the_crawl(crawled, sample_web):
    _, folder = crawled
    files = sorted(folder.glob("*.warc.gz"))
    assert [f.name.split("-2")[0] for f in files] == list(SITES_CRAWLED)
    for site, warc in zip(SITES_CRAWLED, files):
        responses = {}
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response":
                    responses[record.rec_headers.get_header("WARC-Target-URI")] = record.content_stream().read()
        for url, path in article_urls(sample_web, site).items():
            assert responses[url] == file_of(site, path).read_bytes()
        assert canonicalize(sample_web.origin(site) + "/robots.txt") in responses


def snapshot(db) -> dict[str, dict]:
    return {r["url"]: r for r in sqlite_utils.Database(db)["articles"].rows}


def test_reextract_changes_exactly_the_rows_whose_rules_changed(crawled, sample_web, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(crawled[0], db)
    before = snapshot(db)
    requests_before = len(sample_web.requests())
    same = run_cli("reextract", "--sources", sample_web.registry, "--db", db)
    assert same.returncode == 0, same.stderr
    assert same.stdout.splitlines()[-1] == "0 rows changed"
    assert snapshot(db) == before

    # Improved rules for one source: its lead ("sapo") is now taken for page furniture.
    registry = tmp_path / "sources"
    shutil.copytree(sample_web.registry, registry)
    entry = registry / "baonamdinh.toml"
    entry.write_text(entry.read_text("utf-8").replace('prune_xpaths = [', "prune_xpaths = [\"//h2[@class='detail-sapo']\", "), "utf-8")
    result = run_cli("reextract", "--sources", registry, "--db", db)
    assert result.returncode == 0, result.stderr
    after = snapshot(db)
    changed = {url for url in before if before[url] != after[url]}
    with_lead = {url for url, path in article_urls(sample_web, "baonamdinh").items()
                 if 'class="detail-sapo"' in file_of("baonamdinh", path).read_text("utf-8")}
    assert changed == with_lead and len(changed) == 4
    for url in changed:
        assert after[url]["text"] in before[url]["text"] and len(after[url]["text"]) < len(before[url]["text"])
    lines = {line.split()[0]: line.split() for line in result.stdout.splitlines()[1:-1]}
    assert lines["baonamdinh"][1:3] == ["6", "4"] and lines["haugiang"][1:3] == ["7", "0"]
    assert result.stdout.splitlines()[-1] == "4 rows changed"
    assert len(sample_web.requests()) == requests_before  # offline: nothing was fetched


def test_reextract_one_source_and_refuse_an_unknown_one(crawled, sample_web, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(crawled[0], db)
    one = run_cli("reextract", "--source", "haugiang", "--sources", sample_web.registry, "--db", db)
    assert one.returncode == 0 and [line.split()[0] for line in one.stdout.splitlines()[1:-1]] == ["haugiang"]
    bad = run_cli("reextract", "--source", "nosuch", "--db", db)
    assert bad.returncode == 2 and "unknown source: nosuch" in bad.stderr
