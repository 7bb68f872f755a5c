"""Shared fixtures: the sample portals served on 127.0.0.1, and the CLI run as users run it."""

from __future__ import annotations

import inspect
import json
import socket
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import sqlite_utils

TESTS = Path(__file__).parent
SITES = TESTS / "sites"
CLI = Path(sys.executable).parent / "newsarchive"
# Crawls of the local servers need none of the politeness delays real portals get.
CRAWL_ENV = {**os.environ, "NEWSARCHIVE_SCRAPY_SETTINGS": json.dumps({"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False})}


# End-to-end tests start a crawl, a server or the CLI in a subprocess: marked ``e2e`` so that
# ``make check`` (``-m "not e2e"``) runs the rest in seconds and ``make test`` runs everything.
# A test is one when it uses a fixture that serves something, or starts a process itself.
E2E_FIXTURES = {"sample_web", "own_web", "fault_web", "redis_server", "browser", "served"}
E2E_CALLS = re.compile(r"\b(run_cli|start_cli|start_sample_web|subprocess\.|Popen)\b")


def pytest_collection_modifyitems(items):
    for item in items:
        function = getattr(item, "function", None)
        starts = function is not None and E2E_CALLS.search(inspect.getsource(function))
        if E2E_FIXTURES & set(getattr(item, "fixturenames", ())) or starts:
            item.add_marker(pytest.mark.e2e)


def site_expectations() -> dict[str, dict]:
    return {p.parent.name: json.loads(p.read_text("utf-8")) for p in sorted(SITES.glob("*/expected.json"))}


@dataclass
class SampleWeb:
    registry: Path
    ports: dict[str, int]
    log: Path
    sites: Path = SITES  # the folder served: a test's own copy may be changed while serving

    def origin(self, site: str) -> str:
        return f"http://127.0.0.1:{self.ports[site]}"

    def requests(self) -> list[dict]:
        return [json.loads(line) for line in self.log.read_text("utf-8").splitlines()] if self.log.exists() else []

    def www(self, site: str) -> Path:
        return self.sites / site / "www"


def start_sample_web(
    tmp: Path, sites: Path = SITES, delay: float = 0.0, hold: Path | None = None,
) -> tuple[SampleWeb, subprocess.Popen]:
    port_file = tmp / "ports.json"
    server = subprocess.Popen(
        [sys.executable, str(TESTS / "sampleweb.py"), "--registry", str(tmp / "sources"), "--sites", str(sites),
         "--port-file", str(port_file), "--log", str(tmp / "access.log"), "--delay", str(delay),
         *(["--hold", str(hold)] if hold else [])],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while not port_file.exists() or not port_file.read_text():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise RuntimeError(f"sample web did not start: {server.stderr.read().decode()}")
        time.sleep(0.05)
    return SampleWeb(tmp / "sources", json.loads(port_file.read_text()), tmp / "access.log", sites), server


@pytest.fixture(scope="session")
def sample_web(tmp_path_factory):
    """Every sample portal, served by tests/sampleweb.py in a subprocess for the whole session."""
    web, server = start_sample_web(tmp_path_factory.mktemp("sampleweb"))
    yield web
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def own_web(tmp_path):
    """Serve copies of some sample portals from tmp_path, for a test that changes them:
    ``own_web("haugiang", delay=0.2)``."""
    servers = []

    def start(*sites: str, delay: float = 0.0) -> SampleWeb:
        root = tmp_path / "sites"
        for site in sites:
            shutil.copytree(SITES / site, root / site)
        web, server = start_sample_web(tmp_path / "web", root, delay)
        servers.append(server)
        return web

    (tmp_path / "web").mkdir()
    yield start
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """The installed ``newsarchive`` console script, in a subprocess (a crawl's reactor cannot restart)."""
    return subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True, timeout=timeout, env=CRAWL_ENV)


def start_cli(*args: str, **popen) -> subprocess.Popen:
    """``run_cli`` without waiting, for a test that stops the process."""
    return subprocess.Popen([str(CLI), *map(str, args)], text=True, env=CRAWL_ENV, **popen)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def target(url: str) -> str:
    """The path and query a request for ``url`` asks the server for."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def assert_only_entry_points_asked(web, requests: list[dict], sites) -> None:
    """An incremental re-run asked each site for its start pages, feeds and sitemaps alone,
    conditionally, and each answered "not modified"."""
    from crawler.sources.registry import load_source

    for site in sites:
        source = load_source(web.registry / f"{site}.toml")
        entry_points = sorted(map(target, (*source.start_urls, *source.feeds, *source.sitemaps)))
        asked = [r for r in requests if r["site"] == site and r["path"] != "/robots.txt"]
        assert sorted(r["path"] for r in asked) == entry_points, site
        assert {r["status"] for r in asked} == {304}, site


def first_release_archive(path: Path, source: dict, article: dict) -> None:
    """An archive as the first release wrote it (migration m001 alone), holding one source and one article."""
    from archive import migrations

    db = sqlite_utils.Database(path)
    db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
    with db.conn:
        migrations.m001_articles_and_sources(db)
        db["_migrations"].insert({"name": "m001_articles_and_sources", "applied_at": "2024-01-01T00:00:00+00:00"})
    db["sources"].insert(source)
    db["articles"].insert({k: v for k, v in article.items() if k != "province"} | {"first_seen": article["fetched_at"]})
    db.close()


@pytest.fixture(scope="session")
def sample_archive(sample_web, tmp_path_factory) -> Path:
    """The sample portals crawled once into an archive that tests only read."""
    db = tmp_path_factory.mktemp("sample-archive") / "archive.db"
    result = run_cli("crawl", "--all", "--sources", sample_web.registry, "--db", db)
    assert result.returncode == 0, result.stderr
    return db
