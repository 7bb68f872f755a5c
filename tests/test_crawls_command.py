"""``newsarchive crawls``: the run log, newest first, filtered by source, as a table or JSON lines."""

from __future__ import annotations

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
    assert "BROKEN: start pages failed" in lines[2] and lines[2].split()[-5] == "4"  # HTTP errors and fetch failures


def test_crawls_of_one_source_as_json(tmp_path):
    runs_archive(tmp_path / "a.db")
    result = CliRunner().invoke(cli, ["crawls", "--source", "sonla", "--json", "--db", str(tmp_path / "a.db")])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["source"], r["articles_new"]) for r in rows] == [("sonla", 2), ("sonla", 20)]
    none = CliRunner().invoke(cli, ["crawls", "--source", "nowhere", "--db", str(tmp_path / "a.db")])
    assert none.exit_code == 0 and none.output.startswith("no runs of nowhere")
