"""The source registry: every bundled entry is valid, and bad entries are refused by name."""

from __future__ import annotations

import pytest

import re
import tomllib

from archive.provinces import provinces
from crawler.sources.registry import BUNDLED, RegistryError, adhoc_source, load_registry, load_source

REGISTRY = load_registry()
FILES = sorted(BUNDLED.glob("*.toml")) + sorted((BUNDLED / "cms").glob("*.toml"))


def test_bundled_registry_keeps_the_seed_sources_and_archives_the_stale_ones():
    assert {"baohaugiang", "phunuthudo", "baolamdong", "danguykhoi-namdinh"} <= set(REGISTRY)
    assert "sopcop-sonla" not in REGISTRY  # a host never shown to exist
    assert REGISTRY["baohaugiang"].merged_into == "baocantho" and REGISTRY["baonamdinh"].merged_into == "baoninhbinh"
    assert all(REGISTRY[s.merged_into].status == "active" for s in REGISTRY.values() if s.merged_into)


def test_every_2025_province_has_an_active_newspaper():
    covered = {s.province_2025 for s in REGISTRY.values() if s.kind == "newspaper" and s.status == "active"}
    assert {p.province_2025 for p in provinces()} <= covered


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_says_where_its_shapes_come_from(path):
    opening = path.read_text("utf-8").split("\nname = ", 1)[0]
    assert opening.startswith("#") and re.search(r"^# .*shapes: ", opening, re.M), path


def test_no_regex_is_copied_between_entries():
    seen = {}
    for path in FILES:
        for name, value in tomllib.loads(path.read_text("utf-8")).items():
            if name.endswith(("_pattern", "_path")):
                assert value not in seen, f"{path.name} repeats {seen.get(value)}'s {name}"
                seen[value] = path.name


@pytest.mark.parametrize("key", sorted(REGISTRY))
def test_entry_is_complete(key):
    source = REGISTRY[key]
    assert source.name and source.province and source.domains and source.start_urls
    assert source.article_pattern is not None and source.listing_pattern is not None
    for url in source.start_urls:
        assert source.on_domain(url)
        assert not source.is_article(url), f"start page taken for an article: {url}"
    for url in source.examples:
        assert source.on_domain(url) and source.is_article(url), url
        assert not source.is_listing(url), url
    assert not source.is_article(source.home)


def test_site_fixtures_use_the_same_schema(sample_web):
    samples = load_registry(sample_web.registry)
    assert set(samples) == {p.parent.name for p in (BUNDLED.parent.parent / "tests" / "sites").glob("*/source.toml")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('name = "X"\nhome = "https://x.vn/"\nstart_urls = ["https://x.vn/"]\n', "'domains' is required"),
        ('name = "X"\nhome = "https://x.vn/"\nstart_urls = ["https://y.vn/"]\ndomains = ["x.vn"]\n', "not on the source's domains"),
        ('name = "X"\nhome = "https://x.vn/"\nstart_urls = ["https://x.vn/"]\ndomains = ["x.vn"]\narticle_pattern = "("\n', "not a valid regex"),
        ('name = "X"\nhome = "https://x.vn/"\nstart_urls = ["https://x.vn/"]\ndomains = ["x.vn"]\nkind = "blog"\n', "kind 'blog'"),
        ('name = "X"\nhome = "https://x.vn/"\nstart_urls = ["https://x.vn/"]\ndomains = ["x.vn"]\n[extract]\nbody = "//div"\n', r"unknown \[extract\] keys"),
        ('name = "X\n', "x.toml"),
    ],
)
def test_bad_entries_are_refused_with_the_file_named(tmp_path, text, message):
    path = tmp_path / "x.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(RegistryError, match=message) as info:
        load_source(path)
    assert str(path) in str(info.value)


def test_domains_cover_subdomains_but_not_lookalikes():
    source = REGISTRY["baolamdong"]
    assert source.on_domain("https://www.baolamdong.vn/a")
    assert not source.on_domain("https://baolamdong.vn.evil.com/a")
    assert not source.on_domain("https://notbaolamdong.vn/a")


def test_adhoc_source_for_an_unknown_portal():
    source = adhoc_source("http://127.0.0.1:8123/")
    assert source.on_domain("http://127.0.0.1:8123/tin-tuc/a-1.html")
    assert not source.on_domain("http://127.0.0.1:9999/")
    assert source.article_pattern is None


BASE = 'name = "X"\nhome = "https://x.vn/"\nstart_urls = ["https://x.vn/"]\ndomains = ["x.vn", "x.com.vn"]\n'


def _family(folder, name: str, text: str) -> None:
    (folder / "cms").mkdir(exist_ok=True)
    (folder / "cms" / f"{name}.toml").write_text(text, "utf-8")


def test_a_cms_family_gives_path_shapes_composed_with_the_entrys_domains(tmp_path):
    _family(tmp_path, "fam", "article_path = '/[a-z-]+-a\\d+\\.html$'\nlisting_path = '/[a-z-]+/$'\n"
            "pagination = 'query'\n[extract]\ntitle_xpaths = ['//h1']\n")
    path = tmp_path / "x.toml"
    path.write_text(BASE + 'cms = "fam"\nlisting_path = \'/chinh-tri/$\'\n[extract]\ntitle_xpaths = ["//h2"]\n', "utf-8")
    source = load_source(path)
    assert source.cms == "fam" and source.pagination == "query"
    assert source.is_article("https://www.x.com.vn/mot-bai-a123.html")
    assert not source.is_article("https://y.vn/mot-bai-a123.html")
    assert not source.is_article("https://evil.vn/https://x.vn/mot-bai-a123.html")
    assert source.is_listing("https://x.vn/chinh-tri/") and not source.is_listing("https://x.vn/the-thao/")  # its own overrides
    assert source.extract.title_xpaths == ("//h1", "//h2")  # hints add


def test_a_whole_url_pattern_of_the_entry_overrides_its_family(tmp_path):
    _family(tmp_path, "fam", "article_path = '/a-\\d+$'\n")
    path = tmp_path / "x.toml"
    path.write_text(BASE + "cms = \"fam\"\narticle_pattern = '^https://x\\.vn/b-\\d+$'\n", "utf-8")
    source = load_source(path)
    assert source.is_article("https://x.vn/b-1") and not source.is_article("https://x.vn/a-1")


def test_bundled_families_are_used_for_any_folder(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text(BASE + 'cms = "nukeviet"\n', "utf-8")
    assert load_source(path).is_article("https://x.vn/vi/news/tin-dang/mot-bai-viet-12.html")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('cms = "nosuch"\n', "unknown cms family 'nosuch'"),
        ("article_path = 'no-slash'\n", "article_path must be a path regex"),
        ('status = "gone"\n', "status 'gone'"),
        ('merged_into = "y"\n', "merged_into is for an archived entry"),
        ('pagination = "scroll"\n', "pagination 'scroll'"),
    ],
)
def test_bad_cms_status_and_paths_are_refused_with_the_file_named(tmp_path, extra, message):
    path = tmp_path / "x.toml"
    path.write_text(BASE + extra, "utf-8")
    with pytest.raises(RegistryError, match=message) as info:
        load_source(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_merged_into_must_name_an_entry(tmp_path):
    (tmp_path / "x.toml").write_text(BASE + 'status = "archived"\nmerged_into = "y"\n', "utf-8")
    with pytest.raises(RegistryError, match="merged_into 'y' names no entry") as info:
        load_registry(tmp_path)
    assert "x.toml" in str(info.value)
    (tmp_path / "y.toml").write_text(BASE, "utf-8")
    registry = load_registry(tmp_path)
    assert registry["x"].status == "archived" and registry["x"].merged_into == "y" and registry["y"].status == "active"


def test_province_2025_comes_from_the_province_as_named_then():
    assert REGISTRY["baohaugiang"].province_2025 == "Cần Thơ"
    assert REGISTRY["baolamdong"].province_2025 == "Lâm Đồng"
