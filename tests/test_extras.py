"""Redis, Parquet and WARC are extras: a command that needs one missing says which, in one line, exit 2."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from archive.store import Archive
from crawler.cli import cli


@pytest.fixture
def archive(tmp_path):
    Archive(tmp_path / "a.db").close()
    return tmp_path / "a.db"


def missing(monkeypatch, *modules: str) -> None:
    """As if the modules were not installed: importing them raises ImportError."""
    for module in modules:
        monkeypatch.setitem(sys.modules, module, None)


@pytest.mark.parametrize("module", ["redis", "scrapy_redis"])
def test_write_without_the_redis_extra(monkeypatch, archive, module):
    missing(monkeypatch, module)
    result = CliRunner().invoke(cli, ["write", "--redis", "redis://127.0.0.1:1/0", "--db", str(archive)])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: write needs the [redis] extra: pip install 'newsarchive[redis]' (make setup installs it)"


def test_crawl_redis_without_the_redis_extra(monkeypatch, archive):
    missing(monkeypatch, "redis")
    result = CliRunner().invoke(cli, ["crawl", "--all", "--redis", "redis://127.0.0.1:1/0", "--db", str(archive)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: crawl --redis needs the [redis] extra: pip install 'newsarchive[redis]' (make setup installs it)"
    ]


def test_crawl_warc_without_the_warc_extra(monkeypatch, archive, tmp_path):
    missing(monkeypatch, "warcio")
    result = CliRunner().invoke(cli, ["crawl", "--all", "--warc", str(tmp_path / "warc"), "--db", str(archive)])
    assert result.exit_code == 2
    assert "crawl --warc needs the [warc] extra" in result.output and len(result.output.strip().splitlines()) == 1


def test_parquet_export_without_the_parquet_extra(monkeypatch, archive, tmp_path):
    missing(monkeypatch, "pyarrow")
    result = CliRunner().invoke(cli, ["export", "-o", str(tmp_path / "a.parquet"), "--db", str(archive)])
    assert result.exit_code == 2
    assert "export --format parquet needs the [parquet] extra" in result.output
    assert not (tmp_path / "a.parquet").exists()


def test_a_plain_crawl_needs_no_extra():
    """The crawl machinery imports Redis, pyarrow and warcio only where they are used."""
    import subprocess

    code = ("import sys; sys.modules.update(redis=None, scrapy_redis=None, pyarrow=None, warcio=None); "
            "import crawler.cli, crawler.crawl.runner, spiders.portal, crawler.corpus.export")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).returncode == 0
