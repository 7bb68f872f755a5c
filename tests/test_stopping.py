"""A stop loses nothing, and the exit codes say how a crawl ended (README: "Exit codes").

Crawls of the sample portals, slowed down (``own_web(..., delay=...)``), are stopped as a terminal
and systemd stop them: the signal goes to the whole process group, extraction workers included.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest
import sqlite_utils

from archive import lock
from conftest import run_cli, site_expectations, start_cli, wait_for
from test_resume import stored

SITES = sorted(site_expectations())


def expected_urls(web) -> list[str]:
    return sorted(web.origin(site) + a["path"] for site, e in site_expectations().items() for a in e["articles"])


def stop_mid_crawl(web, db, signals: list[int]) -> tuple[int, str, str]:
    """Crawl every sample portal, send ``signals`` to its process group once some articles are stored."""
    process = start_cli("crawl", "--all", "--sources", web.registry, "--db", db,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    wait_for(lambda: stored(db) >= 3, timeout=60)
    for signum in signals:
        os.killpg(process.pid, signum)
        time.sleep(0.5)
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


@pytest.mark.parametrize("signals", [[signal.SIGINT], [signal.SIGTERM], [signal.SIGINT, signal.SIGINT]],
                         ids=["ctrl-c", "sigterm", "ctrl-c-twice"])
def test_a_stopped_crawl_loses_nothing(own_web, tmp_path, signals):
    web = own_web(*SITES, delay=2.0)
    db = tmp_path / "archive.db"
    code, out, err = stop_mid_crawl(web, db, signals)
    assert code == 130, err
    assert "Traceback" not in err and "Error" not in err
    assert "interrupted" in out and err.rstrip().splitlines()[-1].startswith("interrupted (SIG")
    first = stored(db)
    assert 3 <= first < len(expected_urls(web))
    figures = [line.split() for line in out.splitlines()[1:]]
    assert sum(int(f[2]) for f in figures) == first  # the new articles the summary counts are those stored
    statuses = {r["status"] for r in sqlite_utils.Database(db)["crawls"].rows}
    assert statuses <= ({"stopped", "finished"} if len(signals) == 1 else {"killed", "stopped", "finished"})

    again = run_cli("crawl", "--all", "--sources", web.registry, "--db", db)
    assert again.returncode == 0, again.stderr
    archive = sqlite_utils.Database(db)
    assert sorted(r["url"] for r in archive["articles"].rows) == expected_urls(web)  # every article, once
    assert archive.execute("select count(*) from articles_fts").fetchone()[0] == len(expected_urls(web))


def test_an_unreachable_host_fails_in_one_line(tmp_path):
    result = run_cli("crawl", "--url", "http://127.0.0.1:9/", "--db", tmp_path / "archive.db")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [error] = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert error.startswith("Error: 127-0-0-1-9 failed: start page failed: http://127.0.0.1:9/")
    assert "ConnectionRefused" in error
    row = next(sqlite_utils.Database(tmp_path / "archive.db")["crawls"].rows)
    assert row["status"] == "failed" and row["fetch_failures"] == 1
    assert result.stdout.splitlines()[1].split()[-2:] == ["1", "failed"]  # counted in errors


def test_a_bad_setting_is_one_line_and_nothing_written(tmp_path):
    result = run_cli("crawl", "--url", "http://127.0.0.1:9/", "--db", tmp_path / "archive.db", "-s", "DOWNLOAD_DELAY=abc")
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["Error: -s DOWNLOAD_DELAY=abc: DOWNLOAD_DELAY must be a number"]
    assert list(tmp_path.iterdir()) == []


def test_an_archive_that_cannot_be_written_is_one_line(tmp_path):
    db = tmp_path / "archive.db"
    sqlite_utils.Database(db)["t"].insert({"a": 1})
    os.chmod(db, 0o444)
    immutable = False
    if os.access(db, os.W_OK):  # root: make the file immutable instead, where the filesystem can
        immutable = subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode == 0
        if not immutable:
            pytest.skip("cannot make a file unwritable here (root, and no chattr)")
    try:
        result = run_cli("crawl", "--url", "http://127.0.0.1:9/", "--db", db)
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(db)], check=True)
    assert result.returncode == 2
    # Its mode says read-only: refused before SQLite is asked (which said "attempt to write a readonly database").
    assert result.stderr.splitlines() == [f"Error: {db}: cannot be written (a read-only file, left as it is)"]
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["annotate"], ["reextract"], ["write", "--redis", "redis://127.0.0.1:9/0"],
                                     ["crawl", "--url", "http://127.0.0.1:9/"]])
def test_every_writer_is_refused_while_another_holds_the_archive(sample_archive, command):
    lock.acquire(sample_archive, "reextract")
    try:
        result = run_cli(*command, "--db", sample_archive)
    finally:
        lock.release(sample_archive)
    if command[0] == "write":  # no Redis on that port: refused before the archive is looked at
        assert result.returncode == 2 and "Redis" in result.stderr
        return
    assert result.returncode == 75
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {sample_archive} is locked by a reextract already running (pid {os.getpid()}, since ")
