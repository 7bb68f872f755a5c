"""``newsarchive crawls``: the run log, newest first, filtered by source, as a table or JSON lines."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from archive.store import Archive
from crawler.cli import cli


def runs_archive(path):
    archive = Archive(path)
    archive.sync_sources([{"key": key, "name": key, "province": "Sơn La"} for key in ("sonla", "hagiang")])
    base = {"mode": "full", "status": "finished", "duration": 12.4, "pages": 30, "articles_new": 20, "health": "ok",
            "problem": None, "http_errors": 0, "fetch_failures": 0}
    archive.db["crawls"].insert_all([
        {**base, "source": "sonla", "started_at": "2025-06-01T01:00:00+00:00"},
        {**base, "source": "hagiang", "started_at": "2025-06-02T01:00:00+00:00", "health": "broken",
         "problem": "start pages failed", "http_errors": 3, "fetch_failures": 1},
        {**base, "source": "sonla", "started_at": "2025-06-03T01:00:00+00:00", "mode": "incremental", "articles_new": 2},
    ])
    archive.commit()
    archive.close()


def test_crawls_lists_runs_newest_first(tmp_path):
    runs_archive(tmp_path / "a.db")
    result = CliRunner().invoke(cli, ["crawls", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 4 and lines[0].startswith("started (UTC)")
    assert lines[1].startswith("2025-06-03 01:00  sonla") and "incremental" in lines[1]
    assert "BROKEN: start pages failed" in lines[2]
    as_json = CliRunner().invoke(cli, ["crawls", "--json", "--db", str(tmp_path / "a.db")])
    broken = [json.loads(line) for line in as_json.output.splitlines()][1]
    assert broken["http_errors"] + broken["fetch_failures"] == 4  # the table's errors column
    assert lines[2].split()[-5] == "4"


def test_crawls_of_one_source_as_json(tmp_path):
    runs_archive(tmp_path / "a.db")
    result = CliRunner().invoke(cli, ["crawls", "--source", "sonla", "--json", "--db", str(tmp_path / "a.db")])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["source"], r["articles_new"]) for r in rows] == [("sonla", 2), ("sonla", 20)]
    none = CliRunner().invoke(cli, ["crawls", "--source", "nowhere", "--db", str(tmp_path / "a.db")])
    assert none.exit_code == 0 and none.output.startswith("no runs of nowhere")


def test_crawls_as_csv_has_a_header_and_every_field(tmp_path):
    runs_archive(tmp_path / "a.db")
    result = CliRunner().invoke(cli, ["crawls", "--csv", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    as_json = [json.loads(line) for line in CliRunner().invoke(cli, ["crawls", "--json", "--db", str(tmp_path / "a.db")]).output.splitlines()]
    assert [r["source"] for r in rows] == [r["source"] for r in as_json]
    assert list(rows[0]) == list(as_json[0])


def test_json_and_csv_together_are_refused_in_one_line(tmp_path):
    runs_archive(tmp_path / "a.db")
    result = CliRunner().invoke(cli, ["crawls", "--json", "--csv", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: give --json or --csv, not both"
