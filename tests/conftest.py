"""Shared fixtures: the sample portals served on 127.0.0.1, and the CLI run as users run it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
SITES = TESTS / "sites"
CLI = Path(sys.executable).parent / "newsarchive"


def site_expectations() -> dict[str, dict]:
    return {p.parent.name: json.loads(p.read_text("utf-8")) for p in sorted(SITES.glob("*/expected.json"))}


@dataclass
class SampleWeb:
    registry: Path
    ports: dict[str, int]
    log: Path

    def origin(self, site: str) -> str:
        return f"http://127.0.0.1:{self.ports[site]}"

    def requests(self) -> list[dict]:
        return [json.loads(line) for line in self.log.read_text("utf-8").splitlines()] if self.log.exists() else []


@pytest.fixture(scope="session")
def sample_web(tmp_path_factory):
    """Every sample portal, served by tests/sampleweb.py in a subprocess for the whole session."""
    tmp = tmp_path_factory.mktemp("sampleweb")
    port_file = tmp / "ports.json"
    server = subprocess.Popen(
        [sys.executable, str(TESTS / "sampleweb.py"), "--registry", str(tmp / "sources"),
         "--port-file", str(port_file), "--log", str(tmp / "access.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while not port_file.exists() or not port_file.read_text():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise RuntimeError(f"sample web did not start: {server.stderr.read().decode()}")
        time.sleep(0.05)
    yield SampleWeb(tmp / "sources", json.loads(port_file.read_text()), tmp / "access.log")
    server.terminate()
    server.wait(timeout=10)


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """The installed ``newsarchive`` console script, in a subprocess (a crawl's reactor cannot restart)."""
    return subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def sample_archive(sample_web, tmp_path_factory) -> Path:
    """The five sample portals crawled once into an archive that tests only read."""
    db = tmp_path_factory.mktemp("sample-archive") / "archive.db"
    result = run_cli("crawl", "--all", "--sources", sample_web.registry, "--db", db)
    assert result.returncode == 0, result.stderr
    return db
