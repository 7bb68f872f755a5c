"""Export: every format round-trips, filters give exactly the rows the archive's own query gives."""

from __future__ import annotations

import csv
import json
import unicodedata
from datetime import date

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from archive.store import Archive
from crawler.cli import cli
from crawler.corpus.annotate import Annotator
from crawler.corpus.export import FIELDS, SCHEMA_VERSION

SOURCES = [
    {"key": "baohaugiang", "name": "Báo Hậu Giang", "province": "Hậu Giang"},
    {"key": "baocantho", "name": "Báo Cần Thơ", "province": "Cần Thơ"},
    {"key": "baonamdinh", "name": "Báo Nam Định", "province": "Nam Định"},
]
PARTY = ("Đảng bộ phường kết nạp đảng viên mới", "Chi bộ tổ chức sinh hoạt chuyên đề; cấp ủy kiểm tra, giám sát đảng viên.")
OTHER = ("Giải bóng đá thiếu niên khai mạc", "Mười sáu đội bóng tranh tài trên sân vận động tỉnh trong hai tuần.")


def story(n: int) -> str:
    """A distinct paragraph per article, so that only the copies made on purpose are copies."""
    words = ["xã", "huyện", "hội nghị", "nhân dân", "công trình", "mùa vụ", "trường học", "bệnh viện", "đường", "cầu"]
    return " ".join(f"{words[(n * 7 + i * 3) % 10]} số {n * 31 + i}" for i in range(40))


def make_archive(path):
    archive = Archive(path)
    archive.sync_sources(SOURCES)
    n = 0
    for source in SOURCES:
        for month in range(1, 13):
            n += 1
            title, lead = PARTY if month % 3 else OTHER
            day = date(2024 + month % 2, month, 10 + n % 15)
            published = day.isoformat() if n % 4 == 0 else f"{day.isoformat()}T0{n % 10}:15:00+07:00"
            archive.save_article({
                "url": f"https://{source['key']}.vn/bai-{n}.html", "source": source["key"], "province": source["province"],
                "title": title + f" ({n})", "text": f"{lead}\n{story(n)}", "published": None if n % 11 == 0 else published,
                "fetched_at": f"2025-01-{1 + n % 28:02d}T00:00:00+00:00",
            })
    # a story that Báo Cần Thơ republished from Báo Hậu Giang a day later
    original = {"url": "https://baohaugiang.vn/goc.html", "source": "baohaugiang", "province": "Hậu Giang",
                "title": "Sinh hoạt chi bộ kiểu mới", "text": f"{PARTY[1]}\n{story(999)}",
                "published": "2024-05-02T08:00:00+07:00", "fetched_at": "2025-01-01T00:00:00+00:00"}
    archive.save_article(original)
    archive.save_article({**original, "url": "https://baocantho.vn/lai.html", "source": "baocantho", "province": "Cần Thơ",
                          "published": "2024-05-03T08:00:00+07:00", "source_attribution": "Báo Hậu Giang"})
    Annotator(archive.db).annotate_all()
    archive.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "archive.db"
    make_archive(path)
    return path


def all_rows(db) -> list[dict]:
    archive = Archive(db, readonly=True)
    rows = [dict(r) for r in archive.db.query("select * from articles order by id")]
    archive.close()
    return rows


def run(*args):
    return CliRunner().invoke(cli, ["export", *map(str, args)])


def read(path, fmt) -> list[dict]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_every_format_round_trips_all_originals(db, tmp_path, fmt):
    out = tmp_path / f"corpus.{fmt}"
    result = run("-o", out, "--db", db)
    assert result.exit_code == 0, result.output
    records = read(out, fmt)
    originals = [r for r in all_rows(db) if r["duplicate_of"] is None]
    assert [str(r["url"]) for r in records] == [r["url"] for r in originals]
    assert list(records[0]) == [name for name, *_ in FIELDS]
    first, stored = records[0], originals[0]
    assert first["text"] == stored["text"] and first["title"] == stored["title"]
    assert str(first["schema_version"]) == str(SCHEMA_VERSION)
    assert f"{len(records)} articles" in result.stderr


def test_parquet_is_typed_and_carries_its_schema_version(db, tmp_path):
    out = tmp_path / "corpus.parquet"
    assert run("-o", out, "--db", db).exit_code == 0
    table = pq.read_table(out)
    assert table.schema.metadata[b"newsarchive.schema_version"] == str(SCHEMA_VERSION).encode()
    assert str(table.schema.field("word_count").type) == "int32"
    assert str(table.schema.field("topic_score").type) == "double"
    assert table.schema.field("url").metadata[b"description"].startswith(b"canonical URL")


def test_jsonl_is_nfc_one_article_per_line(db, tmp_path):
    out = tmp_path / "corpus.jsonl"
    assert run("-o", out, "--db", db).exit_code == 0
    raw = out.read_text("utf-8")
    assert raw == unicodedata.normalize("NFC", raw)
    lines = raw.splitlines()
    assert all(line.startswith('{"schema_version": 1') for line in lines)
    assert "\\u" not in raw  # Vietnamese as UTF-8, not escaped


FILTERS = [
    (["--since", "2024-06-01"], lambda r: r["published"] and r["published"][:10] >= "2024-06-01"),
    (["--until", "2024-06-30"], lambda r: r["published"] and r["published"][:10] <= "2024-06-30"),
    (["--since", "2025-03-01", "--until", "2025-03-31"], lambda r: r["published"] and "2025-03-01" <= r["published"][:10] <= "2025-03-31"),
    (["--source", "baonamdinh"], lambda r: r["source"] == "baonamdinh"),
    (["--source", "baonamdinh", "--source", "baocantho"], lambda r: r["source"] in {"baonamdinh", "baocantho"}),
    (["--province", "Hậu Giang"], lambda r: r["province"] == "Hậu Giang"),
    (["--province", "Cần Thơ"], lambda r: r["province"] in {"Cần Thơ", "Hậu Giang"}),
    (["--province", "Ninh Bình"], lambda r: r["province"] == "Nam Định"),
    (["--topic", "party-building"], lambda r: r["topic"] == "party-building"),
    (["--topic", "party-building", "--province", "can tho", "--since", "2024-01-01"],
     lambda r: r["topic"] == "party-building" and r["province"] in {"Cần Thơ", "Hậu Giang"} and (r["published"] or "") >= "2024-01-01"),
]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
@pytest.mark.parametrize(("args", "keep"), FILTERS, ids=[" ".join(a) for a, _ in FILTERS])
def test_filters_give_exactly_the_matching_rows(db, tmp_path, fmt, args, keep):
    out = tmp_path / f"part.{fmt}"
    result = run("-o", out, "--db", db, *args)
    assert result.exit_code == 0, result.output
    expected = [r["url"] for r in all_rows(db) if keep(r) and r["duplicate_of"] is None]
    assert expected, args
    assert [r["url"] for r in read(out, fmt)] == expected


def test_hau_giang_news_is_found_under_can_tho(db, tmp_path):
    out = tmp_path / "cantho.jsonl"
    assert run("-o", out, "--db", db, "--province", "Cần Thơ").exit_code == 0
    records = read(out, "jsonl")
    assert {r["province"] for r in records} == {"Cần Thơ", "Hậu Giang"}
    assert {r["province_2025"] for r in records} == {"Cần Thơ"}


def test_duplicates_left_out_unless_asked(db, tmp_path):
    out = tmp_path / "all.jsonl"
    assert run("-o", out, "--db", db, "--include-duplicates").exit_code == 0
    records = read(out, "jsonl")
    assert len(records) == len(all_rows(db))
    copy = next(r for r in records if r["url"] == "https://baocantho.vn/lai.html")
    assert copy["duplicate_of"] == "https://baohaugiang.vn/goc.html"
    assert copy["source_attribution"] == "Báo Hậu Giang"
    assert run("-o", out, "--db", db).exit_code == 0
    assert "https://baocantho.vn/lai.html" not in {r["url"] for r in read(out, "jsonl")}


def test_standard_output(db):
    result = run("-o", "-", "--format", "csv", "--db", db, "--source", "baonamdinh")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("schema_version,id,url,source")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2024-13-01"], "--since 2024-13-01: not a date"),
        (["--since", "2024-06-01", "--until", "2024-05-01"], "is after --until"),
        (["--source", "nosuch"], "unknown source: nosuch"),
        (["--province", "Atlantis"], "unknown province: Atlantis"),
        (["--format", "parquet", "-o", "-"], "parquet cannot go to standard output"),
    ],
)
def test_bad_filters_are_one_line_exit_2_and_write_nothing(db, tmp_path, args, message):
    out = tmp_path / "x.jsonl"
    result = run(*(["-o", out] if "-o" not in args else []), "--db", db, *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and not list(tmp_path.iterdir())


def test_unknown_format_and_missing_archive_fail_by_name(db, tmp_path):
    result = run("-o", tmp_path / "x.xlsx", "--db", db)
    assert result.exit_code == 2 and "give --format" in result.stderr
    result = run("-o", tmp_path / "x.jsonl", "--db", tmp_path / "none.db")
    assert result.exit_code == 2 and "none.db: no such archive" in result.stderr
    assert not (tmp_path / "none.db").exists()
