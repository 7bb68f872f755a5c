"""Nothing lost, nothing clobbered: export writes each kind of target as it asks to be written,
read-only archives are read without a write, and serve refuses a port it cannot have, each in one
line with an honest exit code. The CLI runs in subprocesses, as users run it."""

from __future__ import annotations

import json
import os
import socket
import stat
import sys
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from archive.store import Archive, read_uri
from conftest import CLI, CRAWL_ENV, first_release_archive, free_port, run_cli

ARTICLES = 300
PARAGRAPH = "Chi bộ tổ chức sinh hoạt chuyên đề về công tác xây dựng Đảng; đảng viên phát biểu ý kiến. " * 40
SOURCE = {"key": "baohaugiang", "name": "Báo Hậu Giang", "province": "Hậu Giang"}


def make_archive(path: Path) -> None:
    """ARTICLES articles of about 4 KB each: more than a pipe's buffer holds."""
    archive = Archive(path)
    archive.sync_sources([SOURCE])
    for n in range(ARTICLES):
        archive.save_article({
            "url": f"https://baohaugiang.vn/bai-{n}.html", "source": "baohaugiang", "province": "Hậu Giang",
            "title": f"Bài {n}", "text": f"{n} {PARAGRAPH}", "published": "2024-05-02T08:00:00+07:00",
            "fetched_at": "2025-01-01T00:00:00+00:00",
        })
    archive.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("output") / "archive.db"
    make_archive(path)
    return path


def one_line(result, start: str = "Error: ") -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(start), result.stderr
    return lines[0]


def jsonl_rows(data: bytes | str) -> list[dict]:
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return [json.loads(line) for line in text.splitlines()]


def partials(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".partial")]


class FifoReader(threading.Thread):
    """Reads a FIFO to its end in a thread, as another program would."""

    def __init__(self, path: Path):
        super().__init__(daemon=True)
        self.path, self.data = path, b""
        os.mkfifo(path)
        self.start()

    def run(self):
        with open(self.path, "rb") as fifo:
            self.data = fifo.read()


# Export targets --------------------------------------------------------------------------------
# Each case: how to make the target (returns the -o argument and what to check afterwards),
# the format, the exit status and a piece of the one stderr line.


def new_file(tmp):
    target = tmp / "new.jsonl"

    def check(result):
        assert len(jsonl_rows(target.read_text("utf-8"))) == ARTICLES

    return target, check


def existing_file(tmp):
    target = tmp / "old.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    inode = target.stat().st_ino

    def check(result):
        assert target.stat().st_ino != inode, "replaced by a rename, not rewritten in place"
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
        assert len(jsonl_rows(target.read_text("utf-8"))) == ARTICLES

    return target, check


def symlink(tmp):
    real = tmp / "real.jsonl"
    real.write_text("old\n")
    link = tmp / "link.jsonl"
    link.symlink_to(real.name)

    def check(result):
        assert link.is_symlink() and os.readlink(link) == real.name
        assert len(jsonl_rows(real.read_text("utf-8"))) == ARTICLES

    return link, check


def dangling_symlink(tmp):
    link = tmp / "link.jsonl"
    link.symlink_to("made.jsonl")

    def check(result):
        assert link.is_symlink() and len(jsonl_rows((tmp / "made.jsonl").read_text("utf-8"))) == ARTICLES

    return link, check


def fifo(tmp, name="fifo"):
    reader = FifoReader(tmp / name)

    def check(result):
        reader.join(10)
        assert stat.S_ISFIFO((tmp / name).stat().st_mode)
        if name.endswith("parquet"):
            spooled = tmp / "copy.parquet"
            spooled.write_bytes(reader.data)
            assert pq.read_table(spooled).num_rows == ARTICLES
        else:
            assert len(jsonl_rows(reader.data)) == ARTICLES

    return reader.path, check


def parquet_fifo(tmp):
    return fifo(tmp, "fifo.parquet")


def device(name):
    def make(tmp):
        def check(result):
            assert stat.S_ISCHR(os.stat(name).st_mode), f"{name} is still a device"

        return Path(name), check

    return make


def read_only_file(tmp):
    target = tmp / "kept.jsonl"
    target.write_text("keep me\n")
    target.chmod(0o444)

    def check(result):
        assert target.read_text() == "keep me\n" and stat.S_IMODE(target.stat().st_mode) == 0o444

    return target, check


def missing_folder(tmp):
    def check(result):
        assert not (tmp / "nowhere").exists()

    return tmp / "nowhere" / "x.jsonl", check


def folder(tmp):
    def check(result):
        assert list(tmp.iterdir()) == []

    return tmp, check


def stdout(tmp):
    def check(result):
        assert len(jsonl_rows(result.stdout)) == ARTICLES

    return "-", check


@pytest.mark.parametrize(
    ("make", "fmt", "status", "message"),
    [
        (new_file, "jsonl", 0, f"{ARTICLES} articles written to"),
        (existing_file, "jsonl", 0, f"{ARTICLES} articles written to"),
        (symlink, "jsonl", 0, f"{ARTICLES} articles written to"),
        (dangling_symlink, "jsonl", 0, f"{ARTICLES} articles written to"),
        (fifo, "jsonl", 0, f"{ARTICLES} articles written to"),
        (parquet_fifo, "parquet", 0, f"{ARTICLES} articles written to"),
        (device("/dev/null"), "csv", 0, f"{ARTICLES} articles written to /dev/null"),
        (device("/dev/full"), "jsonl", 1, "Error: /dev/full: No space left on device"),
        (read_only_file, "jsonl", 2, "read-only file, not overwritten"),
        (missing_folder, "jsonl", 2, "no such directory"),
        (folder, "jsonl", 2, "a directory, not a file"),
        (stdout, "jsonl", 0, f"{ARTICLES} articles written to -"),
    ],
    ids=lambda v: getattr(v, "__name__", None) or str(v),
)
def test_export_writes_each_target_as_it_asks(db, tmp_path, make, fmt, status, message):
    out = tmp_path / "out"
    out.mkdir()
    target, check = make(out)
    result = run_cli("export", "-o", target, "--format", fmt, "--db", db, timeout=60)
    assert result.returncode == status, result.stderr
    assert message in one_line(result, "Error: " if status else "")
    assert "Traceback" not in result.stderr
    check(result)
    assert partials(out) == []


def test_export_to_process_substitution(db, tmp_path):
    """`-o >(cmd)` is /dev/fd/N: written directly, not renamed over (there is no folder to rename in)."""
    out = tmp_path / "copy.csv"
    script = f'"{CLI}" export --format csv --db "{db}" -o >(cat > "{out}"); status=$?; wait; exit $status'
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=CRAWL_ENV, timeout=60)
    assert result.returncode == 0, result.stderr
    assert one_line(result, "").startswith(f"{ARTICLES} articles written to /dev/fd/")
    time.sleep(0.2)
    assert out.read_text("utf-8").startswith("schema_version,id,url")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_closed_pipe_stops_the_export_in_one_line_exit_1(db, fmt):
    """As `export -o - | head -1`: the count so far on stderr, no traceback, no "Exception ignored"."""
    export = subprocess.Popen(
        [str(CLI), "export", "-o", "-", "--format", fmt, "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=CRAWL_ENV,
    )
    assert export.stdout.readline()
    export.stdout.close()  # the reader is gone after one line, as with `| head -1`
    stderr = export.stderr.read().decode()
    assert export.wait(30) == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("export stopped: the reader closed the pipe after "), stderr
    assert int(lines[0].split(" after ")[1].split()[0]) < ARTICLES


def test_standard_output_on_a_full_disk_is_one_line_exit_1(db):
    with open("/dev/full", "w") as full:
        result = subprocess.run([str(CLI), "export", "-o", "-", "--format", "jsonl", "--db", str(db)],
                                stdout=full, stderr=subprocess.PIPE, text=True, env=CRAWL_ENV, timeout=60)
    assert result.returncode == 1
    assert one_line(result) == "Error: standard output: No space left on device (export stopped)"


# Read-only archives ----------------------------------------------------------------------------


def test_read_uri_is_immutable_only_in_a_folder_that_cannot_be_written(tmp_path):
    """As root too: a folder whose mode has no write bit counts as read-only, since root's writes
    there would still leave a reader's -shm file in a folder meant to stay as it is."""
    db = tmp_path / "archive.db"
    make_archive(db)
    db.chmod(0o444)
    assert read_uri(db) == f"{db.resolve().as_uri()}?mode=ro"
    tmp_path.chmod(0o555)
    try:
        assert read_uri(db) == f"{db.resolve().as_uri()}?mode=ro&immutable=1"
    finally:
        tmp_path.chmod(0o755)
    (tmp_path / "archive.db-wal").write_bytes(b"")  # a writer at work: its changes must be seen
    tmp_path.chmod(0o555)
    try:
        assert read_uri(db) == f"{db.resolve().as_uri()}?mode=ro"
    finally:
        tmp_path.chmod(0o755)


def test_export_and_sources_read_a_read_only_folder_and_leave_it_as_it_was(tmp_path):
    db = tmp_path / "archive.db"
    make_archive(db)
    db.chmod(0o444)
    tmp_path.chmod(0o555)
    before = sorted(p.name for p in tmp_path.iterdir())
    try:
        result = run_cli("export", "-o", "-", "--format", "jsonl", "--db", db)
        assert result.returncode == 0, result.stderr
        assert len(jsonl_rows(result.stdout)) == ARTICLES
        result = run_cli("sources", "--db", db)
        assert result.returncode == 0 and "baohaugiang" in result.stdout, result.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == before == ["archive.db"]  # no -shm, no -wal
    finally:
        tmp_path.chmod(0o755)


def test_an_outdated_read_only_archive_is_refused_in_one_line(tmp_path):
    db = tmp_path / "old.db"
    first_release_archive(db, {"key": "daklak", "name": "Đảng bộ tỉnh Đắk Lắk", "province": "Đắk Lắk"}, {
        "url": "https://daklak.vn/a.html", "source": "daklak", "title": "Bài", "text": "Chi bộ.",
        "fetched_at": "2025-01-01T00:00:00+00:00",
    })
    db.chmod(0o444)
    content = db.read_bytes()
    for args in (["export", "-o", "-", "--format", "jsonl"], ["sources"], ["serve", "--port", str(free_port())]):
        result = run_cli(*args, "--db", db, timeout=60)
        assert result.returncode == 2, (args, result.stderr)
        assert "made by an older newsarchive and read-only here" in one_line(result)
        assert result.stdout == ""
    assert db.read_bytes() == content


# Mount PATH read-only over itself in a private mount namespace, then run the command there.
READ_ONLY_MOUNT = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'


def on_read_only(path: Path, *args: str, **popen) -> subprocess.Popen:
    """Run the CLI (or ``python -c`` with args starting "-c") where writing ``path`` (the archive, or
    its folder) really fails. Root passes permission checks, so as root ``path`` is mounted
    read-only (EROFS binds root too); any other user is bound by the permission bits set."""
    command = [sys.executable if args[0] == "-c" else str(CLI), *map(str, args)]
    if os.geteuid() == 0:
        command = ["unshare", "--mount", "--", "sh", "-c", READ_ONLY_MOUNT, "sh", str(path), *command]
    return subprocess.Popen(command, env=CRAWL_ENV, text=True, **popen)


def run_on_read_only(path: Path, *args: str) -> subprocess.CompletedProcess:
    process = on_read_only(path, *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.parametrize("folder_writable", [True, False], ids=["read-only file", "read-only folder"])
def test_an_archive_that_cannot_be_written_is_exported_listed_and_served(tmp_path, folder_writable):
    db = tmp_path / "archive.db"
    make_archive(db)
    db.chmod(0o444)
    if not folder_writable:
        tmp_path.chmod(0o555)
    read_only = db if folder_writable else tmp_path
    probe = run_on_read_only(read_only, "--version")
    if probe.returncode != 0:
        pytest.skip(f"no read-only mount here: {probe.stderr.strip()[:200]}")
    write = run_on_read_only(read_only, "-c", "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('create table t (x)')", db)
    assert "sqlite3.OperationalError" in write.stderr, "writing the archive really fails"
    content = db.read_bytes()
    try:
        result = run_on_read_only(read_only, "export", "-o", "-", "--format", "jsonl", "--db", db)
        assert result.returncode == 0, result.stderr
        assert len(jsonl_rows(result.stdout)) == ARTICLES
        result = run_on_read_only(read_only, "sources", "--db", db)
        assert result.returncode == 0 and "baohaugiang" in result.stdout, result.stderr
        port = free_port()
        server = on_read_only(read_only, "serve", "--db", db, "--port", port, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            assert_serves(server, f"http://127.0.0.1:{port}/archive/articles.json?_shape=array&_size=1")
        finally:
            server.terminate()
            server.wait(10)
    finally:
        tmp_path.chmod(0o755)
    assert db.read_bytes() == content


def assert_serves(server: subprocess.Popen, url: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        assert server.poll() is None, server.stderr.read()
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                assert json.load(response)[0]["source"] == "baohaugiang"
            return
        except OSError:
            assert time.monotonic() < deadline, "serve did not answer"
            time.sleep(0.2)


# serve -----------------------------------------------------------------------------------------


def test_serve_on_a_busy_port_is_one_line_exit_2(db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "--db", db, "--port", port, timeout=60)
    assert result.returncode == 2
    assert one_line(result) == f"Error: cannot listen on 127.0.0.1:{port}: Address already in use"


def test_serve_on_no_port_is_one_line_exit_2(db):
    result = run_cli("serve", "--db", db, "--port", "99999", timeout=60)
    assert result.returncode == 2
    assert one_line(result) == "Error: --port 99999: not a port (1 to 65535)"

