"""The ``newsarchive`` command: crawl, extract, list sources and serve the archive.

Bad input (an unknown source, an unreadable file, a bad URL, a broken archive) ends with one
line on stderr naming it and exit code 2, before anything is written.
"""

from __future__ import annotations

import json
import sys
import urllib.request
from functools import wraps
from pathlib import Path
from urllib.parse import urlsplit

import click

from archive.store import Archive, ArchiveError

from .extract import ExtractionError, extract_article
from .registry import BUNDLED, ExtractHints, RegistryError, Source, load_registry

USER_AGENT = "newsarchive/0.1 (party-building news archive)"


def fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(2)


def db_option(function):
    return click.option(
        "--db", "db_path", default="archive.db", show_default=True, type=click.Path(dir_okay=False, path_type=Path),
        help="The archive (SQLite file).",
    )(function)


def sources_option(function):
    @click.option(
        "--sources", "sources_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Folder of source TOML files instead of the bundled registry.",
    )
    @wraps(function)
    def wrapper(*args, sources_dir, **kwargs):
        try:
            registry = load_registry(sources_dir or BUNDLED)
        except RegistryError as exc:
            fail(str(exc))
        return function(*args, registry=registry, sources_dir=sources_dir, **kwargs)

    return wrapper


def valid_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


@click.group()
@click.version_option(package_name="newsarchive")
def cli():
    """Archive Vietnamese party-building news from provincial portals."""


@cli.command()
@db_option
@sources_option
def sources(db_path: Path, registry: dict[str, Source], sources_dir):
    """List the registry with each source's article count and last crawl."""
    stats = {}
    if db_path.exists():
        try:
            archive = Archive(db_path, readonly=True)
            stats = archive.source_stats()
            archive.close()
        except ArchiveError as exc:
            fail(str(exc))
    click.echo(f"{'key':<24} {'province':<14} {'articles':>8}  {'last crawl':<25} name")
    for key, source in registry.items():
        row = stats.get(key, {})
        click.echo(
            f"{key:<24} {(source.province or '-'):<14} {row.get('articles', 0):>8}  "
            f"{(row.get('last_fetched') or 'never'):<25} {source.name}"
        )


@cli.command()
@click.argument("keys", nargs=-1)
@click.option("--all", "all_sources", is_flag=True, help="Crawl every source in the registry.")
@click.option("--url", "home_url", help="Crawl a portal with no registry entry, from its home page.")
@click.option("--max-pages", type=click.IntRange(min=1), help="Stop each source after this many responses.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log.")
@db_option
@sources_option
def crawl(keys, all_sources, home_url, max_pages, verbose, db_path, registry, sources_dir):
    """Crawl sources into the archive and print a per-source summary."""
    from .runner import run_crawls

    if sum(map(bool, (keys, all_sources, home_url))) != 1:
        fail("give source keys, --all, or --url URL (one of them)")
    if home_url and not valid_url(home_url):
        fail(f"not an http(s) URL: {home_url}")
    unknown = [k for k in keys if k not in registry]
    if unknown:
        fail(f"unknown source: {', '.join(unknown)} (see `newsarchive sources`)")
    try:
        Archive(db_path).close()
    except ArchiveError as exc:
        fail(str(exc))
    targets = [{"url": home_url}] if home_url else [{"source": k} for k in (registry if all_sources else keys)]
    results = run_crawls(targets, db_path=db_path, sources_dir=sources_dir, max_pages=max_pages, verbose=verbose)
    click.echo(f"{'source':<24} {'pages':>6} {'new':>5} {'updated':>8} {'unchanged':>10} {'failed':>7} {'errors':>7}")
    for key, figures in results:
        click.echo(
            f"{key:<24} {figures['pages']:>6} {figures['new']:>5} {figures['updated']:>8} "
            f"{figures['unchanged']:>10} {figures['failed']:>7} {figures['http_errors']:>7}"
        )


def _read_input(target: str) -> tuple[bytes, str | None]:
    """The page's bytes and, for a URL, the URL itself."""
    if valid_url(target):
        request = urllib.request.Request(target, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read(), target
    if "://" in target:
        raise ValueError(f"not an http(s) URL: {target}")
    path = Path(target)
    if not path.is_file():
        raise ValueError(f"no such file: {target}")
    return path.read_bytes(), None


def _url_from_page(page: bytes) -> str | None:
    from lxml import html

    tree = html.fromstring(page)
    for value in tree.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"):
        if valid_url(value.strip()):
            return value.strip()
    return None


def _source_for(url: str, registry: dict[str, Source], key: str | None) -> Source | None:
    if key:
        return registry[key]
    return next((s for s in registry.values() if s.on_domain(url)), None)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--url", help="The page's URL, when INPUT is a saved file.")
@click.option(
    "--url-from", "url_from", multiple=True,
    help="With many files: 'meta' to take each page's URL from its canonical link, or FILE=URL (repeatable).",
)
@click.option("--source", "source_key", help="Apply this registry source's extraction hints.")
@sources_option
def extract(inputs, url, url_from, source_key, registry, sources_dir):
    """Extract articles from saved pages or URLs as JSON (JSON Lines for several inputs)."""
    if source_key and source_key not in registry:
        fail(f"unknown source: {source_key}")
    if url and not valid_url(url):
        fail(f"not an http(s) URL: {url}")
    mapping = dict(item.split("=", 1) for item in url_from if "=" in item)
    from_meta = "meta" in url_from
    single = len(inputs) == 1
    for target in inputs:
        try:
            page, fetched_url = _read_input(target)
            page_url = fetched_url or mapping.get(target) or url or (_url_from_page(page) if from_meta else None)
            if not page_url:
                raise ValueError("no URL for this file: give --url URL or --url-from")
            source = _source_for(page_url, registry, source_key)
            kwargs = {"site": source.name} if source else {}
            article = extract_article(page, page_url, source.extract if source else ExtractHints(), **kwargs)
            record = {**article.as_dict(), "source": source.key if source else None}
        except (OSError, ValueError, ExtractionError) as exc:
            if single:
                fail(f"{target}: {exc}")
            record = {"input": target, "error": str(exc)}
        if single:
            click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        else:
            click.echo(json.dumps({"input": target, **record}, ensure_ascii=False))


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--sql", "allow_sql", is_flag=True, help="Allow arbitrary read-only SQL queries (off by default).")
def serve(db_path: Path, host: str, port: int, allow_sql: bool):
    """Browse and search the archive in Datasette (read-only)."""
    from archive.datasette import serve_archive, upgrade_for_serving

    try:
        upgraded = upgrade_for_serving(db_path)
    except ArchiveError as exc:
        fail(str(exc))
    if upgraded:
        click.echo(f"{db_path}: brought up to date ({', '.join(upgraded)})", err=True)
    serve_archive(db_path, host=host, port=port, sql=allow_sql)
