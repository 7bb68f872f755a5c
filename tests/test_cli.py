"""The CLI's contract: one clear line and exit code 2 on bad input, nothing written; JSON out."""

from __future__ import annotations

import json

import pytest

from conftest import SITES, run_cli, site_expectations


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crawl", "no-such-source"], "unknown source: no-such-source"),
        (["crawl", "--url", "not a url"], "not an http(s) URL: not a url"),
        (["crawl", "--url", "ftp://example.vn/"], "not an http(s) URL: ftp://example.vn/"),
        (["crawl"], "give source keys, --all, or --url URL"),
        (["crawl", "--all", "-s", "nonsense"], "not a NAME=VALUE setting: nonsense"),
        (["crawl", "baohaugiang", "--archived"], "--archived goes with --all"),
        (["extract", "no/such/page.html", "--url", "https://x.vn/a.html"], "no/such/page.html: no such file"),
        (["extract", str(SITES / "FORMAT.md"), "--url", "bad"], "not an http(s) URL: bad"),
        (["extract", "ftp://x.vn/a.html"], "not an http(s) URL: ftp://x.vn/a.html"),
        (["extract", str(SITES)], "a directory, not a page"),
        (["extract", "a.html", "b.html", "--url", "https://x.vn/a.html"], "--url names one page"),
        (["sources", "--sources", "no/such/dir"], "no/such/dir: no such sources folder"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(tmp_path, args, message):
    db = tmp_path / "archive.db"
    result = run_cli(*args, "--db", db) if args[0] != "extract" else run_cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]
    assert not db.exists()
    assert result.stdout == ""


def test_unreadable_archive_is_named_and_left_alone(tmp_path):
    db = tmp_path / "archive.db"
    db.write_bytes(b"not a database" * 200)
    result = run_cli("crawl", "--url", "http://127.0.0.1:9/", "--db", db)
    assert result.returncode == 2
    assert str(db) in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == b"not a database" * 200


def test_sources_lists_the_registry():
    result = run_cli("sources")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["key", "province", "articles", "last"]
    assert any(line.startswith("baohaugiang ") and "Hậu Giang" in line for line in lines)


def _seed_article(site: str, seed: str):
    article = next(a for a in site_expectations()[site]["articles"] if a.get("seed") == seed)
    return article


def test_extract_a_saved_page_prints_one_json_object(tmp_path):
    site = "haugiang"
    article = _seed_article(site, "000")
    page = SITES / site / "www" / article["path"].lstrip("/")
    result = run_cli("extract", page, "--url", "https://baohaugiang.com.vn" + article["path"])
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == article["title"]
    assert record["published"] == article["published"]
    assert record["author"] == article["author"]
    assert record["source"] == "baohaugiang"
    assert all(p in record["text"] for p in article["body"])
    assert "Viết bình luận mới" not in record["text"]


def test_extract_many_files_prints_every_line_then_exits_1_when_one_failed(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"\x00\x01\x02 binary")
    article = _seed_article("haugiang", "000")
    pages = [SITES / "haugiang" / "www" / article["path"].lstrip("/"), SITES / "haugiang" / "www" / "lien-he.html"]
    args = [str(p) for p in pages] + [str(broken)]
    result = run_cli("extract", *args, f"--url-from={args[0]}=https://baohaugiang.com.vn{article['path']}")
    assert result.returncode == 1, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["input"] for r in records] == args
    assert records[0]["article"] is True and records[0]["title"] == article["title"]
    assert records[1]["article"] is False and records[1]["reason"] == "contact page"
    assert records[2]["article"] is False and "error" in records[2]
    ok = run_cli("extract", args[0], args[0])
    assert ok.returncode == 0 and all(json.loads(line)["article"] for line in ok.stdout.splitlines())


def test_extract_needs_no_url_when_the_page_names_its_own(tmp_path):
    article = _seed_article("haugiang", "000")
    page = (SITES / "haugiang" / "www" / article["path"].lstrip("/")).read_text("utf-8")
    saved = tmp_path / "saved.html"
    saved.write_text(page.replace("<head>", '<head><link rel="canonical" href="https://baohaugiang.com.vn/xay-dung-dang/a-131234.html">', 1), "utf-8")
    record = json.loads(run_cli("extract", saved).stdout)
    assert (record["article"], record["url"], record["source"]) == (True, "https://baohaugiang.com.vn/xay-dung-dang/a-131234.html", "baohaugiang")
    bare = tmp_path / "bare.html"
    bare.write_text(page, "utf-8")
    result = run_cli("extract", bare)
    assert result.returncode == 0 and json.loads(result.stdout)["url"] is None


def test_extract_says_a_listing_is_no_article_and_exits_1():
    result = run_cli("extract", SITES / "haugiang" / "www" / "xay-dung-dang" / "index.html", "--url", "https://baohaugiang.com.vn/xay-dung-dang/")
    record = json.loads(result.stdout)
    assert result.returncode == 1 and (record["article"], record["reason"]) == (False, "section listing")


def test_extract_refuses_a_page_over_the_size_limit_in_one_line(tmp_path):
    from crawler.crawl.settings import DOWNLOAD_MAXSIZE

    huge = tmp_path / "huge.html"
    with huge.open("wb") as file:
        file.write(b"<html><body><p>" + b"x" * (DOWNLOAD_MAXSIZE + 1) + b"</p></body></html>")
    result = run_cli("extract", huge)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "over the crawl's page size limit of 16 MB" in result.stderr


def test_extract_fetches_a_url(sample_web):
    site = "baolamdong"
    article = _seed_article(site, "002")
    result = run_cli("extract", sample_web.origin(site) + article["path"])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == article["title"]


def _keys(result) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [line.split()[0] for line in result.stdout.splitlines()[1:]]


def test_sources_filter_by_province_then_or_since_2025_kind_and_status(sample_web, tmp_path):
    db, registry = tmp_path / "none.db", sample_web.registry
    assert sorted(_keys(run_cli("sources", "--sources", registry, "--db", db, "--province", "ninh binh"))) == ["baonamdinh", "namdinh-khoi"]
    assert sorted(_keys(run_cli("sources", "--sources", registry, "--db", db, "--province", "Nam Định"))) == ["baonamdinh", "namdinh-khoi"]
    assert _keys(run_cli("sources", "--sources", registry, "--db", db, "--province", "Cần Thơ")) == ["haugiang"]
    party = _keys(run_cli("sources", "--sources", registry, "--db", db, "--kind", "party-portal"))
    assert party and "haugiang" not in party
    assert _keys(run_cli("sources", "--sources", registry, "--db", db, "--status", "archived")) == []
    bad = run_cli("sources", "--sources", registry, "--db", db, "--province", "Atlantis")
    assert bad.returncode == 2 and "unknown province: Atlantis" in bad.stderr


def test_sources_json_gives_each_source_with_its_health(sample_web, sample_archive):
    result = run_cli("sources", "--sources", sample_web.registry, "--db", sample_archive, "--json", "--province", "Hậu Giang")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["key"] for r in records] == ["haugiang"]
    assert records[0]["province_2025"] == "Cần Thơ" and records[0]["status"] == "active"
    assert records[0]["health"]["articles"] == len(site_expectations()["haugiang"]["articles"])
    assert records[0]["health"]["broken"] is False
