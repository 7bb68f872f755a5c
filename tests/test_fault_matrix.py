"""The fault matrix: each mistake people make with the CLI, as a table.

Every case runs against a copy of an archive of the sample portals and checks the exit status a
scheduler sees, the one ``Error:`` line a person sees (no traceback), and that the archive is as
it was: the same articles, byte for byte in their content columns, and ``quick_check`` ok.
Stopping a crawl (130) is measured in ``tests/test_stopping.py``, the faulty portal's cases in
``tests/test_faults.py``, export targets in detail in ``tests/test_output.py``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archive import lock
from conftest import free_port, run_cli

CONTENT = "select url, title, text, published, author from articles order by url"


def snapshot(db: Path) -> tuple[list, str]:
    with sqlite3.connect(db) as conn:
        return conn.execute(CONTENT).fetchall(), conn.execute("pragma quick_check").fetchone()[0]


@pytest.fixture
def archive(sample_archive, tmp_path) -> Path:
    """A private copy of the sample archive (SQLite's backup, so the WAL comes along)."""
    copy = tmp_path / "archive.db"
    with sqlite3.connect(sample_archive) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


def read_only_file(tmp: Path) -> Path:
    path = tmp / "kept.jsonl"
    path.write_text("giữ nguyên\n", "utf-8")
    path.chmod(0o444)
    return path


# (case, arguments with {db} / {tmp} / {port} / {sources}, exit status, what the one line says)
MATRIX = [
    ("export to a full device", ["export", "-o", "/dev/full", "--format", "jsonl", "--db", "{db}"], 1, "No space left on device"),
    ("export over a read-only file", ["export", "-o", "{tmp}/kept.jsonl", "--db", "{db}"], 2, "read-only file, not overwritten"),
    ("export into a missing folder", ["export", "-o", "{tmp}/no/such/a.jsonl", "--db", "{db}"], 2, "no such directory"),
    ("export to an unknown format", ["export", "-o", "{tmp}/a.txt", "--db", "{db}"], 2, "give --format"),
    ("extract a folder", ["extract", "{tmp}"], 2, "a directory, not a page"),
    ("serve on port 99999", ["serve", "--port", "99999", "--db", "{db}"], 2, "not a port"),
    ("crawl an unknown source", ["crawl", "no-such-source", "--db", "{db}"], 2, "unknown source: no-such-source"),
    ("crawl with a bad setting", ["crawl", "--all", "--sources", "{sources}", "-s", "DOWNLOAD_DELAY=abc", "--db", "{db}"], 2,
     "DOWNLOAD_DELAY must be a number"),
    ("crawl a host that is down", ["crawl", "--url", "http://127.0.0.1:{port}/", "--db", "{db}"], 1, "failed"),
    ("crawl a locked archive", ["crawl", "--all", "--sources", "{sources}", "--db", "{db}"], 75, "is locked"),
    ("annotate a locked archive", ["annotate", "--db", "{db}"], 75, "is locked"),
    ("reextract a locked archive", ["reextract", "--db", "{db}"], 75, "is locked"),
    ("remove an unknown source", ["sources", "--remove", "no-such-source", "--db", "{db}"], 1, "no-such-source"),
    ("crawl a read-only archive", ["crawl", "--all", "--sources", "{sources}", "--db", "{db}"], 2, "a read-only file"),
    ("remove a source from a read-only archive", ["sources", "--remove", "haugiang", "--yes", "--db", "{db}"], 2,
     "a read-only file"),
    ("annotate a read-only archive", ["annotate", "--db", "{db}"], 2, "a read-only file"),
    ("reextract a read-only archive", ["reextract", "--db", "{db}"], 2, "a read-only file"),
]


@pytest.mark.parametrize(("case", "args", "status", "message"), MATRIX, ids=[m[0] for m in MATRIX])
def test_a_mistake_is_one_line_an_honest_status_and_the_archive_as_it_was(case, args, status, message, archive, sample_web, tmp_path):
    before = snapshot(archive)
    kept = read_only_file(tmp_path)
    values = {"db": archive, "tmp": tmp_path, "port": free_port(), "sources": sample_web.registry}
    locked = "locked" in case
    if locked:
        lock.acquire(archive, command="crawl")
    read_only = "read-only archive" in case
    if read_only:  # even for root, who passes every access check
        archive.chmod(0o444)
    stored = archive.read_bytes()
    try:
        result = run_cli(*[a.format(**values) for a in args])
    finally:
        if locked:
            lock.release(archive)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert result.returncode == status, result.stderr
    assert len(errors) == 1 and message in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    if read_only:  # not a byte written (a failed crawl of a writable archive logs its run)
        assert archive.read_bytes() == stored and archive.stat().st_mode & 0o777 == 0o444
    assert snapshot(archive) == before and before[1] == "ok"
    assert kept.read_text("utf-8") == "giữ nguyên\n" and kept.stat().st_mode & 0o777 == 0o444
