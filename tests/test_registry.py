"""The source registry: every bundled entry is valid, and bad entries are refused by name."""

from __future__ import annotations

import pytest

from crawler.registry import BUNDLED, RegistryError, adhoc_source, load_registry, load_source

REGISTRY = load_registry()


def test_bundled_registry_has_the_seed_sources_and_more():
    assert {"baohaugiang", "phunuthudo", "baolamdong", "danguykhoi-namdinh", "sopcop-sonla"} <= set(REGISTRY)
    assert len(REGISTRY) >= 10


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
