"""Crawls that run themselves: ``newsarchive schedule``, and the progress a crawl shows while it runs."""

from __future__ import annotations

import os
import pty
import re
import signal
import sqlite3
import subprocess
from datetime import datetime

import pytest
import sqlite_utils

from archive import lock
from conftest import run_cli, start_cli, wait_for
from crawler.crawl.schedule import parse_interval

SITE = "haugiang"


@pytest.mark.parametrize(("text", "seconds"), [("6h", 21600), ("30m", 1800), ("1d", 86400), ("1h30m", 5400), ("90s", 90)])
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["6", "h", "6x", "0m", "", "6 h", "-1h"])
def test_bad_intervals(text):
    with pytest.raises(ValueError):
        parse_interval(text)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--every", "soon", "--all"], "not an interval: 'soon'"),
        (["--every", "6h"], "give source keys or --all"),
        (["--every", "6h", "no-such-source"], "unknown source: no-such-source"),
    ],
)
def test_bad_schedule_is_one_line_exit_2(tmp_path, args, message):
    result = run_cli("schedule", *args, "--db", tmp_path / "archive.db")
    assert result.returncode == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def finished_runs(db) -> list[dict]:
    try:
        return list(sqlite_utils.Database(db).query("select * from crawls where status = 'finished' order by id"))
    except sqlite3.OperationalError:  # the archive is not there yet
        return []


def test_schedule_runs_at_once_then_every_interval_and_skips_a_locked_archive(own_web, tmp_path):
    web = own_web(SITE)
    db = tmp_path / "archive.db"
    log = tmp_path / "schedule.log"
    lock.acquire(db)  # another crawl is writing the archive when the schedule starts
    with log.open("w") as err:
        process = start_cli("schedule", "--every", "2s", SITE, "--sources", web.registry, "--db", db,
                            stdout=subprocess.DEVNULL, stderr=err)
        try:
            wait_for(lambda: "run 1 skipped: another crawl is writing the archive" in log.read_text())
            lock.release(db)
            wait_for(lambda: len(finished_runs(db)) >= 2, timeout=60)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    assert process.returncode == 130  # stopped by a signal, as documented
    runs = finished_runs(db)
    assert [r["mode"] for r in runs[:2]] == ["full", "incremental"]
    text = log.read_text()
    starts = [datetime.strptime(m, "%Y-%m-%d %H:%M:%S") for m in re.findall(r"^(\S+ \S+) schedule: run \d+: ", text, re.M)]
    assert all((b - a).total_seconds() >= 1 for a, b in zip(starts, starts[1:]))  # 2s apart, to the second
    assert text.rstrip().endswith("schedule: stopped")


def test_progress_is_redrawn_on_a_terminal(own_web, tmp_path):
    web = own_web(SITE)
    leader, follower = pty.openpty()
    process = start_cli("crawl", SITE, "--sources", web.registry, "--db", tmp_path / "archive.db",
                        stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the crawl closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    process.wait(timeout=60)
    text = output.decode()
    assert process.returncode == 0
    assert "\x1b[1F\x1b[2K" in text  # the line is redrawn in place
    assert re.search(r"haugiang +finished +pages \d+, articles 7 new", text)


def test_progress_is_plain_lines_off_a_terminal(sample_web, tmp_path):
    result = run_cli("crawl", "sopcop", "--sources", sample_web.registry, "--db", tmp_path / "archive.db")
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d sopcop: started \(full\)", lines[0])
    assert re.fullmatch(r"\S+ \S+ sopcop: pages \d+, articles 7 new 0 updated 0 failed, errors 0 \(finished\)", lines[-1])
    assert "\x1b" not in result.stderr
