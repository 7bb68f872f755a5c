"""Syndication: copies of one story across portals point to the earliest; exports leave them out."""

from __future__ import annotations

import json
import unicodedata

import pytest
import sqlite_utils

from archive.store import Archive
from conftest import run_cli, site_expectations
from crawler.corpus.annotate import Annotator
from crawler.corpus.duplicates import THRESHOLD, buckets, jaccard
from crawler.corpus.fingerprint import shingles, text_hash
from crawler.discovery.links import canonicalize

PARAGRAPHS = [
    "Ngày 18-12, Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024, triển khai nhiệm vụ năm 2025.",
    "Năm 2024, Đảng ủy Khối đã lãnh đạo các tổ chức cơ sở đảng thực hiện nghiêm túc các nghị quyết, chỉ thị của Trung ương, của Tỉnh ủy; tập trung đổi mới nội dung, nâng cao chất lượng sinh hoạt chi bộ.",
    "Toàn Đảng bộ Khối kết nạp được 412 đảng viên mới, đạt 103% chỉ tiêu; công tác kiểm tra, giám sát được thực hiện đồng bộ, đúng quy định.",
    "Năm 2025, Đảng ủy Khối xác định tập trung lãnh đạo tổ chức thành công đại hội đảng bộ các cấp tiến tới Đại hội đại biểu Đảng bộ Khối nhiệm kỳ 2025-2030.",
]
OTHER_STORY = [
    "Ngày 20-12, Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh tổ chức hội nghị sơ kết công tác kiểm tra, giám sát năm 2024.",
    "Ủy ban Kiểm tra Đảng ủy Khối đã kiểm tra 32 tổ chức đảng, giám sát chuyên đề 18 chi bộ trong doanh nghiệp ngoài khu vực nhà nước.",
    "Hội nghị đề ra nhiệm vụ năm 2025: tập trung giám sát việc chuẩn bị đại hội, công tác cán bộ và việc thực hiện quy định về nêu gương.",
]


def test_text_hash_ignores_wrapping_punctuation_case_and_unicode_form():
    text = "\n".join(PARAGRAPHS)
    variant = unicodedata.normalize("NFD", " ".join(PARAGRAPHS).replace(",", " ,").upper())
    assert text_hash(text) == text_hash(variant)
    assert text_hash(text) != text_hash(text.replace("412", "421"))


def test_a_rewritten_lead_or_a_cut_ending_stays_above_the_threshold_another_story_below():
    original = shingles("\n".join(PARAGRAPHS))
    new_lead = shingles("\n".join(["Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh vừa tổng kết năm 2024.", *PARAGRAPHS[1:]]))
    cut = shingles("\n".join(PARAGRAPHS[:3]))
    assert jaccard(original, new_lead) >= THRESHOLD and jaccard(original, cut) >= THRESHOLD
    assert jaccard(original, shingles("\n".join(OTHER_STORY))) < 0.2


@pytest.fixture
def archive(tmp_path):
    store = Archive(tmp_path / "a.db")
    store.sync_sources([{"key": k, "name": k, "province": "Nam Định"} for k in ("baonamdinh", "khoi", "tinhuy")])
    yield store
    store.close()


def save(archive, url, source, text, published):
    archive.save_article({"url": url, "source": source, "province": "Nam Định", "title": "Tổng kết", "text": text,
                          "published": published, "fetched_at": "2025-01-01T00:00:00+00:00"})
    Annotator(archive.db).annotate_url(url)
    return next(archive.db["articles"].rows_where("url = ?", [url]))["id"]


def links(archive) -> dict[str, str | None]:
    sql = "select a.url, d.url as original from articles a left join articles d on d.id = a.duplicate_of"
    return {r["url"]: r["original"] for r in archive.db.query(sql)}


def test_copies_point_to_the_earliest_even_when_it_is_stored_last(archive):
    text = "\n".join(PARAGRAPHS)
    save(archive, "https://khoi/copy", "khoi", "\n".join(PARAGRAPHS[1:]) + "\nTheo Báo Nam Định", "2024-12-21")
    save(archive, "https://tinhuy/copy", "tinhuy", text, "2024-12-22T09:00:00+07:00")
    assert links(archive)["https://tinhuy/copy"] == "https://khoi/copy"
    save(archive, "https://baonamdinh/goc", "baonamdinh", text, "2024-12-19T16:00:00+07:00")
    assert links(archive) == {
        "https://baonamdinh/goc": None,
        "https://khoi/copy": "https://baonamdinh/goc",
        "https://tinhuy/copy": "https://baonamdinh/goc",
    }
    save(archive, "https://khoi/khac", "khoi", "\n".join(OTHER_STORY), "2024-12-20")
    assert links(archive)["https://khoi/khac"] is None


def test_an_article_whose_text_changes_leaves_its_group(archive):
    text = "\n".join(PARAGRAPHS)
    save(archive, "https://baonamdinh/goc", "baonamdinh", text, "2024-12-19")
    save(archive, "https://khoi/copy", "khoi", text, "2024-12-21")
    save(archive, "https://baonamdinh/goc", "baonamdinh", "\n".join(OTHER_STORY), "2024-12-19")
    assert links(archive) == {"https://baonamdinh/goc": None, "https://khoi/copy": None}


# End to end: Báo Nam Định and the Đảng ủy Khối portal republish each other (tests/sites).
PAIRS = {  # copy -> original, as paths on the two sample portals
    ("namdinh-khoi", "nang-cao-chat-luong-sinh-hoat-chi-bo-trong-doanh-nghiep-ngoai-khu-vuc-nha-nuoc"): ("baonamdinh", "a455204"),
    ("namdinh-khoi", "dai-hoi-iem-chi-bo-truc-thuoc-ang-bo-co-so-nhiem-ky-2022-2025"): ("baonamdinh", "a412876"),
    ("baonamdinh", "a438120"): ("namdinh-khoi", "dang-uy-khoi-to-chuc-lop-boi-duong-nhan-thuc-ve-dang-cho-quan-chung-uu-tu"),
}


@pytest.fixture(scope="module")
def crawled(sample_web, tmp_path_factory):
    db = tmp_path_factory.mktemp("syndication") / "archive.db"
    result = run_cli("crawl", "baonamdinh", "namdinh-khoi", "--sources", sample_web.registry, "--db", db)
    assert result.returncode == 0, result.stderr
    return db


def url_of(sample_web, site, fragment):
    path = next(a["path"] for a in site_expectations()[site]["articles"] if fragment in a["path"])
    return canonicalize(sample_web.origin(site) + path)


def test_portals_that_republish_each_other_are_linked(crawled, sample_web):
    db = sqlite_utils.Database(crawled)
    sql = "select a.url, a.source_attribution, d.url as original from articles a left join articles d on d.id = a.duplicate_of"
    rows = {r["url"]: r for r in db.query(sql)}
    expected = {url_of(sample_web, *copy): url_of(sample_web, *original) for copy, original in PAIRS.items()}
    assert {url: r["original"] for url, r in rows.items() if r["original"]} == expected
    republished = rows[url_of(sample_web, "baonamdinh", "a438120")]
    assert republished["source_attribution"] == "Cổng TTĐT Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh"
    khoi_copy = rows[url_of(sample_web, "namdinh-khoi", "nang-cao-chat-luong-sinh-hoat-chi-bo")]
    assert khoi_copy["source_attribution"] == "Báo Nam Định"


def test_general_news_from_a_mixed_section_is_stored_and_not_tagged(crawled, sample_web):
    db = sqlite_utils.Database(crawled)
    rows = {r["url"]: r for r in db["articles"].rows}
    hdnd = rows[url_of(sample_web, "baonamdinh", "a463510")]
    assert hdnd["topic"] is None and hdnd["topic_score"] < 18
    assert sum(r["topic"] == "party-building" for r in rows.values()) == len(rows) - 1


def test_export_leaves_copies_out_unless_asked(crawled, tmp_path):
    out = tmp_path / "corpus.jsonl"
    assert run_cli("export", "-o", out, "--db", crawled).returncode == 0
    originals = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert run_cli("export", "-o", out, "--db", crawled, "--include-duplicates").returncode == 0
    everything = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(everything) == len(originals) + len(PAIRS)
    assert all(r["duplicate_of"] is None for r in originals)


def test_annotate_brings_an_older_archive_up_to_date(tmp_path):
    from click.testing import CliRunner

    from crawler.cli import cli

    archive = Archive(tmp_path / "a.db")
    archive.sync_sources([{"key": "khoi", "name": "Đảng ủy Khối", "province": "Nam Định"}])
    for n, text in enumerate(["\n".join(PARAGRAPHS), "\n".join(PARAGRAPHS), "\n".join(OTHER_STORY)]):
        archive.save_article({"url": f"https://khoi/{n}", "source": "khoi", "province": "Nam Định", "title": "Tổng kết công tác",
                              "text": text, "published": f"2024-12-{20 + n}", "fetched_at": "2025-01-01T00:00:00+00:00"})
    archive.close()
    result = CliRunner().invoke(cli, ["annotate", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "3 rows changed; 3 articles, 3 tagged party-building, 1 copies of another"
    rows = list(sqlite_utils.Database(tmp_path / "a.db")["articles"].rows)
    assert [r["duplicate_of"] for r in rows] == [None, rows[0]["id"], None]
    assert {r["province_2025"] for r in rows} == {"Ninh Bình"}
    again = CliRunner().invoke(cli, ["annotate", "--db", str(tmp_path / "a.db")])
    assert again.output.startswith("0 rows changed")


def test_bucket_keys_are_stable_across_releases():
    """Archives keep their bucket keys: these are the keys datasketch 2's MinHash gave (the archive's
    first implementation), so a new release still finds copies stored by an old one."""
    text = ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ mười lăm bàn về công tác xây dựng Đảng "
            "và hệ thống chính trị năm 2024 tại Hậu Giang")
    keys = buckets(shingles(text))
    assert len(keys) == 24
    assert keys[:3] == [-7663254105919041494, -3125965545802687475, -729198275494045191]


def test_what_the_workers_derive_is_stored_as_if_derived_here(tmp_path):
    """The crawl hands the Annotator the topic score, hash and band keys computed in an extraction
    worker: the archive comes out the same, and keys made of another text are not used."""
    from crawler.corpus.derive import derive

    stories = [("https://khoi/copy", "\n".join(PARAGRAPHS[1:])), ("https://tinhuy/copy", "\n".join(PARAGRAPHS)),
               ("https://khoi/khac", "\n".join(OTHER_STORY)), ("https://tinhuy/ngan", "Ngắn.")]
    dumps = []
    for handed in (False, True):
        store = Archive(tmp_path / f"{handed}.db")
        store.sync_sources([{"key": k, "name": k, "province": "Nam Định"} for k in ("khoi", "tinhuy")])
        annotator = Annotator(store.db)
        for url, text in stories:
            store.save_article({"url": url, "source": url.split("/")[2], "province": "Nam Định", "title": "Tổng kết",
                                "text": text, "published": "2024-12-21", "fetched_at": "2025-01-01T00:00:00+00:00"})
            if handed:
                assert annotator.annotate_url(url, derive("Tổng kết", text), "Tổng kết", text)
            else:
                assert annotator.annotate_url(url)
        dumps.append((
            list(store.db.query("select url, text_hash, topic, topic_score, duplicate_of from articles order by id")),
            list(store.db.query("select * from duplicate_buckets order by bucket, article_id")),
        ))
        if handed:  # derived from another text than the one stored: recomputed from the stored one
            assert not annotator.annotate_url(stories[0][0], derive("Khác", "\n".join(OTHER_STORY)), "Khác", "\n".join(OTHER_STORY))
        store.close()
    assert dumps[0] == dumps[1]
