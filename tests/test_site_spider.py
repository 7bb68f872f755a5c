"""A registry entry may name its own spider class (``spider = "module:Class"``) for a site's hooks."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import sqlite_utils

from conftest import CLI, CRAWL_ENV, TESTS
from crawler.sources.registry import RegistryError, load_source
from spiders.portal import PortalSpider, spider_class

HOOKED = TESTS / "spiders_custom"
SCRAPY = CLI.parent / "scrapy"


def entry(tmp_path, site_toml: str, spider: str | None):
    text = (f'spider = "{spider}"\n' if spider else "") + site_toml  # top-level, before any [table]
    path = tmp_path / "site.toml"
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def toml_text(sample_web):
    site = sorted(p.stem for p in sample_web.registry.glob("*.toml"))[0]
    return site, (sample_web.registry / f"{site}.toml").read_text("utf-8")


def test_an_entry_names_a_spider_class_and_the_runner_builds_it(tmp_path, toml_text, monkeypatch):
    monkeypatch.syspath_prepend(str(HOOKED))
    _, text = toml_text
    assert spider_class(load_source(entry(tmp_path, text, None))) is PortalSpider
    cls = spider_class(load_source(entry(tmp_path, text, "hooked:LoggingListings")))
    assert issubclass(cls, PortalSpider) and cls.__name__ == "LoggingListings"


@pytest.mark.parametrize("spider", ["hooked.LoggingListings", "hooked:Logging Listings", "__import__('os'):x", "hooked:"])
def test_a_spider_that_is_not_module_colon_class_is_refused(tmp_path, toml_text, spider):
    _, text = toml_text
    with pytest.raises(RegistryError, match="spider must name a class"):
        load_source(entry(tmp_path, text, spider))


@pytest.mark.parametrize("spider, says", [
    ("hooked:NOT_A_SPIDER", "not a subclass of PortalSpider"),
    ("hooked:Missing", "has no Missing"),
    ("no_such_module_here:Spider", "cannot import"),
])
def test_a_spider_class_that_is_no_portal_spider_is_refused(tmp_path, toml_text, monkeypatch, spider, says):
    monkeypatch.syspath_prepend(str(HOOKED))
    _, text = toml_text
    with pytest.raises(RegistryError, match=says):
        spider_class(load_source(entry(tmp_path, text, spider)))


def hooked_site(tmp_path, toml_text, spider: str) -> tuple[str, Path, dict]:
    """A registry of one sample site whose entry names ``spider``, and the environment that finds it."""
    site, text = toml_text
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / f"{site}.toml").write_text(f'spider = "{spider}"\n' + text, "utf-8")
    env = {**CRAWL_ENV, "HOOKED_LOG": str(tmp_path / "hooked.log"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(HOOKED), os.environ.get("PYTHONPATH")]))}
    return site, sources, env


def scrapy_crawl(site: str, sources: Path, db: Path, env: dict) -> subprocess.CompletedProcess:
    """``scrapy crawl portal -a source=SITE``, Scrapy's own command, run from the project."""
    settings = {"NEWSARCHIVE_SOURCES": sources, "NEWSARCHIVE_DB": db, "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "WARNING"}
    return subprocess.run([str(SCRAPY), "crawl", "portal", "-a", f"source={site}", *(f"-s{k}={v}" for k, v in settings.items())],
                          capture_output=True, text=True, timeout=300, env=env, cwd=TESTS.parent)


def newsarchive_crawl(site: str, sources: Path, db: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), "crawl", site, "--sources", str(sources), "--db", str(db)],
                          capture_output=True, text=True, timeout=300, env=env)


@pytest.mark.e2e
@pytest.mark.parametrize("crawl", [newsarchive_crawl, scrapy_crawl], ids=["newsarchive crawl", "scrapy crawl portal"])
def test_a_crawl_runs_the_entry_s_spider_and_its_hook(sample_web, tmp_path, toml_text, crawl):
    site, sources, env = hooked_site(tmp_path, toml_text, "hooked:LoggingListings")
    db = tmp_path / "hooked.db"
    result = crawl(site, sources, db, env)
    assert result.returncode == 0, result.stderr
    assert load_source(sources / f"{site}.toml").start_urls[0] in (tmp_path / "hooked.log").read_text("utf-8").splitlines()
    assert sqlite_utils.Database(db)["articles"].count > 0


@pytest.mark.e2e
def test_scrapy_crawl_portal_refuses_an_entry_s_spider_with_settings_of_its_own(sample_web, tmp_path, toml_text):
    site, sources, env = hooked_site(tmp_path, toml_text, "hooked:WithSettings")
    result = scrapy_crawl(site, sources, tmp_path / "scrapy.db", env)
    assert result.returncode != 0
    assert f"{site}: spider hooked:WithSettings has settings of its own: crawl it with `newsarchive crawl {site}`" in result.stderr
    assert not (tmp_path / "hooked.log").exists()


def test_a_bad_spider_is_refused_before_the_crawl_in_one_line(sample_web, tmp_path, toml_text):
    site, text = toml_text
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / f"{site}.toml").write_text('spider = "no_such_module_here:Spider"\n' + text, "utf-8")
    db = tmp_path / "refused.db"
    result = subprocess.run([str(CLI), "crawl", site, "--sources", str(sources), "--db", str(db)],
                            capture_output=True, text=True, timeout=120, env=CRAWL_ENV)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"Error: {site}: spider no_such_module_here:Spider: cannot import no_such_module_here "
                                                  "(No module named 'no_such_module_here')"]
    assert not db.exists()
