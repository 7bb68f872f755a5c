"""The ``newsarchive`` command: crawl, extract, list sources and serve the archive.

Bad input (an unknown source, an unreadable file, a bad URL, a bad setting, a broken or
unwritable archive) ends with one line on stderr naming it and exit code 2, before anything is
written. A command that writes the archive (crawl, write, reextract, annotate, sources --remove)
while another one writes it ends with one line and exit code 75 (EX_TEMPFAIL: try again later).
A crawl exits 1 when a source failed, 130 when it was interrupted (README: "Exit codes").
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from functools import wraps
from pathlib import Path
from urllib.parse import urlsplit

import click

from archive import lock
from archive.output import writable
from archive.runs import FAILED
from archive.store import Archive, ArchiveError

from crawler.errors import EXIT_FAILED, Busy, Failed, Interrupted, Refused, require_extra
from crawler.corpus.export import FORMATS
from crawler.extract import ExtractionError, article_from_tree, parse_html
from crawler.sources.registry import (
    BUNDLED,
    KEY_RE,
    KINDS,
    STATUSES,
    ExtractHints,
    RegistryError,
    Source,
    load_registry,
)
from crawler.rows import Column, counts, field, output_options, print_rows
from crawler.crawl.settings import DOWNLOAD_MAXSIZE, DOWNLOAD_TIMEOUT, bad_setting
from crawler.corpus.topic import TOPIC


def hold_archive(db_path: Path, command: str) -> None:
    """Become the archive's one writer before any work: take its lock (one line and exit 75 when
    another writer holds it) and check the file can be written (one line and exit 2 when not)."""
    try:
        lock.acquire(db_path, command)
    except lock.ArchiveBusy as exc:
        raise Busy(str(exc)) from None
    except OSError as exc:
        raise Refused(f"{db_path}: cannot be written ({exc.strerror})") from None
    try:
        if db_path.exists() and not writable(db_path):  # root may write a 0o444 file, but its owner meant it kept
            raise ArchiveError(f"{db_path}: cannot be written (a read-only file, left as it is)")
        archive = Archive(db_path)
        try:
            archive.check_writable()
        finally:
            archive.close()
    except ArchiveError as exc:
        lock.release(db_path)
        raise Refused(str(exc)) from None


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
            raise Refused(str(exc)) from None
        return function(*args, registry=registry, sources_dir=sources_dir, **kwargs)

    return wrapper


def valid_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


class Commands(click.Group):
    """The commands. Ctrl-C ends one with its own line and exit 130 (click would say "Aborted!" and exit
    1); a crawl catches its stop itself and says more."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            raise Interrupted(str(exc) or "interrupted (SIGINT)") from None


@click.group(cls=Commands)
@click.version_option(package_name="newsarchive")
def cli():
    """Archive Vietnamese party-building news from provincial portals."""


@cli.command()
@click.argument("key", required=False)
@click.option("--remove", "remove_key", metavar="KEY", help="Remove this source's pages and run log (and articles, with --yes).")
@click.option("--yes", is_flag=True, help="With --remove: delete the source's articles too.")
@click.option("--province", help="Only sources of this province, named as before or since the 2025 merger.")
@click.option("--kind", type=click.Choice(sorted(KINDS)), help="Only sources of this kind.")
@click.option("--status", type=click.Choice(STATUSES), help="Only active or only archived sources.")
@output_options
@db_option
@sources_option
def sources(key, remove_key, yes, province, kind, status, output, db_path: Path, registry: dict[str, Source], sources_dir):
    """List the registry with each source's health: articles, last successful run, errors, broken or not.

    With KEY, print what crawls with --url learnt of that portal as a draft registry entry. --json
    and --csv give each source's entry with its health.
    """
    from archive.runs import source_health

    from crawler.sources.health import HEALTH_COLUMNS, broken_lines, health_rows, record, select

    if remove_key:
        remove(remove_key, yes, db_path)
        return
    if key:
        print_draft(key, db_path)
        return
    health = {}
    if db_path.exists():
        archive = open_for_reading(db_path)
        health = source_health(archive.db)
        archive.close()
    try:
        chosen = select(registry, province, kind, status)
    except ValueError as exc:
        raise Refused(str(exc)) from None
    if output != "table":
        print_rows([record(source, health.get(source.key, {})) for source in chosen.values()], HEALTH_COLUMNS, output)
        return
    rows = health_rows(chosen, health, others=not (province or kind or status))
    print_rows(rows, HEALTH_COLUMNS, output)
    for line in broken_lines(rows):
        click.echo(line)


CRAWL_COLUMNS = ("id", "source", "mode", "status", "started_at", "finished_at", "duration", "pages", "articles_new",
                 "articles_updated", "articles_failed", "http_errors", "fetch_failures", "health", "problem")


RUN_COLUMNS = [
    Column("started (UTC)", lambda r: r["started_at"][:16].replace("T", " "), width=16),
    field("source", width=28, gap="  "), Column("mode", lambda r: r["mode"] or "", width=11), field("status", width=10),
    Column("secs", lambda r: f"{r['duration'] or 0:.0f}", width=6, align=">"), field("pages", width=6, align=">"),
    Column("new", lambda r: r["articles_new"], width=5, align=">"), Column("upd", lambda r: r["articles_updated"], width=5, align=">"),
    Column("failed", lambda r: r["articles_failed"], width=6, align=">"),
    Column("errors", lambda r: r["http_errors"] + r["fetch_failures"], width=6, align=">"),
    Column("health", lambda r: "BROKEN: " + (r["problem"] or "") if r["health"] == "broken" else (r["health"] or ""), gap="  "),
]


@cli.command()
@click.option("--source", "source_key", metavar="KEY", help="Only this source's runs.")
@click.option("--limit", default=50, show_default=True, help="How many runs, newest first.")
@output_options
@db_option
def crawls(source_key, limit, output, db_path: Path):
    """The run log, newest first: each source's runs with mode, status, duration, pages, articles and errors."""
    archive = open_for_reading(db_path)
    try:
        rows = list(archive.db.query(
            f"select {', '.join(CRAWL_COLUMNS)} from crawls where :source is null or source = :source "
            "order by started_at desc, id desc limit :limit",
            {"source": source_key, "limit": limit},
        ))
    finally:
        archive.close()
    if not rows and output == "table":
        click.echo(f"no runs{f' of {source_key}' if source_key else ''} in {db_path}")
        return
    print_rows(rows, RUN_COLUMNS, output)


def print_draft(key: str, db_path: Path) -> None:
    from archive.shapes import load_shapes

    from crawler.discovery.shapes import draft_entry

    archive = open_for_reading(db_path)
    try:
        row = next(archive.db.query("select * from sources where key = ?", [key]), None)
        shapes = load_shapes(archive.db, key)
    finally:
        archive.close()
    if row is None:
        raise Failed(f"unknown source: {key} (not in {db_path})")
    if shapes is None:
        raise Failed(f"{key}: no shapes learnt (a crawl with --url that stores articles learns them)")
    click.echo(draft_entry(row, shapes), nl=False)


def remove(key: str, yes: bool, db_path: Path) -> None:
    """Remove a source's rows; its articles only with ``yes``. Refusals are one line and exit code 1."""
    from archive.removal import remove_source, source_counts

    open_existing(db_path).close()
    hold_archive(db_path, "sources --remove")
    archive = Archive(db_path)
    try:
        counts = source_counts(archive.db, key)
        if counts is None:
            raise Failed(f"unknown source: {key} (nothing of it in {db_path})")
        articles = counts["articles"]
        click.echo(f"{key}: removing it deletes {articles} articles, {counts['pages']} pages, {counts['crawls']} runs", err=True)
        if articles and not yes:
            raise Failed(f"{key} has {articles} articles: give --yes to delete them with it")
        remove_source(archive.db, key)
    finally:
        archive.close()
        lock.release(db_path)
    click.echo(f"removed {key}")


@cli.command()
@click.argument("keys", nargs=-1)
@click.option("--all", "all_sources", is_flag=True, help="Crawl every active source in the registry.")
@click.option("--archived", is_flag=True, help="With --all: crawl the archived sources instead (a backfill of sites that stopped).")
@click.option("--url", "home_url", help="Crawl a portal with no registry entry, from its home page.")
@click.option("--key", "adhoc_key", help="With --url: the source's key (default: the host, and the port if not the default).")
@click.option("--max-pages", type=click.IntRange(min=1), help="Stop each source after this many responses.")
@click.option("--refresh", is_flag=True, help="Fetch and extract again the articles already archived.")
@click.option("--since", metavar="DATE", help="Backfill back to this date (YYYY-MM-DD) and no further.")
@click.option("--resume", is_flag=True, help="Carry on where a stopped or killed crawl of these sources stopped.")
@click.option(
    "--known-depth", type=click.IntRange(min=1), default=1, show_default=True,
    help="Leave a listing's pagination after this many pages in a row that hold only known articles.",
)
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a Scrapy setting (repeatable).")
@click.option("--warc", "warc_dir", type=click.Path(file_okay=False, path_type=Path), help="Also write what is fetched as WARC files here.")
@click.option(
    "--redis", "redis_url", metavar="URL",
    help="Share the frontier with the other crawl processes on this Redis and queue articles for `newsarchive write`.",
)
@output_options
@db_option
@sources_option
def crawl(
    keys, all_sources, archived, home_url, adhoc_key, max_pages, refresh, since, resume, known_depth, verbose, overrides, warc_dir,
    redis_url, output, db_path, registry, sources_dir,
):
    """Crawl sources into the archive and print a per-source summary.

    Runs are incremental: only what is new since the last run is fetched.
    """
    if sum(map(bool, (keys, all_sources, home_url))) != 1:
        raise Refused("give source keys, --all, or --url URL (one of them)")
    if home_url and not valid_url(home_url):
        raise Refused(f"not an http(s) URL: {home_url}")
    if adhoc_key and not home_url:
        raise Refused("--key names a portal crawled with --url")
    if archived and not all_sources:
        raise Refused("--archived goes with --all (a source named by its key is crawled whatever its status)")
    if adhoc_key and not KEY_RE.match(adhoc_key):
        raise Refused(f"--key: not a key (a-z, 0-9, -): {adhoc_key}")
    bad = [o for o in overrides if "=" not in o or not o.split("=", 1)[0].isupper()]
    if bad:
        raise Refused(f"not a NAME=VALUE setting: {bad[0]}")
    if problem := bad_setting(dict(o.split("=", 1) for o in overrides)):
        raise Refused(problem)
    unknown = [k for k in keys if k not in registry]
    if unknown:
        raise Refused(f"unknown source: {', '.join(unknown)} (see `newsarchive sources`)")
    try:
        since = date.fromisoformat(since) if since else None
    except ValueError:
        raise Refused(f"--since: not a date (YYYY-MM-DD): {since}") from None
    if redis_url:
        require_extra("redis", "crawl --redis")
    if warc_dir:
        require_extra("warc", "crawl --warc")
    chosen = [] if home_url else (by_status(registry, archived) if all_sources else list(keys))
    spiders = own_spiders([registry[k] for k in chosen])
    if redis_url:
        shared_crawl_checks(redis_url, resume)
    else:
        hold_archive(db_path, "crawl")
    from crawler.crawl.runner import run_crawls  # Scrapy loads slowly: not before a refusal

    targets = [{"url": home_url, "key": adhoc_key}] if home_url else [{"source": k} for k in chosen]
    results, interrupted = run_crawls(
        targets, spiders=spiders, db_path=db_path, sources_dir=sources_dir, max_pages=max_pages, verbose=verbose,
        overrides=dict(o.split("=", 1) for o in overrides), warc_dir=warc_dir,
        refresh=refresh, since=since, known_depth=known_depth, resume=resume, redis_url=redis_url,
    )
    if redis_url:
        print_shared_results(results, output)
    else:
        print_results(results, output)
    if interrupted:
        raise Interrupted(f"interrupted ({interrupted}): the articles counted are stored; `crawl --resume` or the next crawl fetches the rest")
    if any(figures["status"] == FAILED for _, figures in results):
        raise click.exceptions.Exit(EXIT_FAILED)


def own_spiders(sources: list[Source]) -> dict:
    """The spider classes the entries that name one ask for, by key; one line and exit 2 for a bad one."""
    if not any(s.spider for s in sources):
        return {}
    from spiders.portal import spider_class

    try:
        return {s.key: spider_class(s) for s in sources if s.spider}
    except RegistryError as exc:
        raise Refused(str(exc)) from None


SOURCE = field("source", width=24)
SUMMARY_COLUMNS = [SOURCE, *counts(("pages", 6), ("new", 5), ("updated", 8), ("unchanged", 10), ("failed", 7), ("errors", 7)),
                   field("status", gap="  ")]
SHARED_SUMMARY_COLUMNS = [SOURCE, *counts(("pages", 6), ("queued", 7), ("failed", 7), ("errors", 7)), field("status", gap="  ")]
WRITER_COLUMNS = [SOURCE, *counts(("pages", 6), ("new", 5), ("updated", 8), ("unchanged", 10), ("rejected", 9))]
REEXTRACT_COLUMNS = [SOURCE, *counts(("pages", 6), ("updated", 8), ("new", 5), ("unchanged", 10)),
                     Column("rejected", lambda r: r["failed"] + r["not_article"], width=9, align=">")]


def print_results(results: list[tuple[str, dict]], output: str) -> None:
    print_rows([{"source": key, **figures} for key, figures in results], SUMMARY_COLUMNS, output)
    for key, figures in results:
        if figures["status"] == FAILED:
            click.echo(f"Error: {key} failed: {figures['problem'] or 'its crawl did not run'}", err=True)
        elif figures["problem"]:
            click.echo(f"Warning: {key} looks broken: {figures['problem']}", err=True)


def by_status(registry: dict[str, Source], archived: bool) -> list[str]:
    """The keys ``--all`` means: active sources, or with ``--archived`` the archived ones."""
    return [key for key, source in registry.items() if (source.status == "archived") == archived]


def shared_crawl_checks(redis_url: str, resume: bool) -> None:
    """A crawl process in Redis mode takes no archive lock (the writer does): only the server is checked."""
    from crawler.scaleout.connection import RedisUnavailable, connect

    if resume:
        raise Refused("--resume does not apply with --redis: the shared queue carries on by itself")
    try:
        connect(redis_url).close()
    except RedisUnavailable as exc:
        raise Refused(str(exc)) from None


def print_shared_results(results: list[tuple[str, dict]], output: str) -> None:
    """What a crawl process in Redis mode knows: what it fetched and queued, not what the writer stored."""
    print_rows([{"source": key, **figures} for key, figures in results], SHARED_SUMMARY_COLUMNS, output)


@cli.command()
@click.option("--redis", "redis_url", required=True, metavar="URL", help="The Redis server the crawl processes queue on.")
@click.option("--until-done", is_flag=True, help="Stop once nothing is queued and no crawl process is running.")
@output_options
@db_option
def write(redis_url, until_done, output, db_path):
    """Store what crawls with --redis queued into the archive: its one writer, until stopped.

    Start one writer per archive, beside any number of `crawl --redis URL` processes.
    """
    import signal

    require_extra("redis", "write")
    from crawler.crawl.runner import crawl_settings
    from crawler.scaleout.connection import RedisUnavailable, connect
    from crawler.scaleout.writer import ArchiveWriter, WriterBusy

    try:
        server = connect(redis_url)
    except RedisUnavailable as exc:
        raise Refused(str(exc)) from None
    hold_archive(db_path, "write")
    stop = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.append(True))  # stop between two batches, never inside one
    settings = crawl_settings(db_path=db_path, sources_dir=None, max_pages=None, verbose=False)  # as the crawlers see them
    writer = ArchiveWriter(server, db_path, settings, log=lambda line: click.echo(line, err=True))
    try:
        writer.run(until_done=until_done, stopping=lambda: bool(stop))
    except WriterBusy as exc:
        raise Busy(f"{redis_url}: {exc}") from None
    finally:
        writer.close()
        lock.release(db_path)
    print_rows([{"source": key, **{name: counts[name] for name in ("pages", "new", "updated", "unchanged", "rejected")}}
                for key, counts in sorted(writer.totals.items())], WRITER_COLUMNS, output)


@cli.command()
@click.argument("keys", nargs=-1)
@click.option("--all", "all_sources", is_flag=True, help="Crawl every source in the registry.")
@click.option("--every", "interval", required=True, help="Time between the starts of two runs: 30m, 6h, 1d, 1h30m.")
@db_option
@sources_option
def schedule(keys, all_sources, interval, db_path, registry, sources_dir):
    """Crawl at a fixed interval until stopped, the first run at once.

    Each run is a `crawl` of its own; a run that finds the archive locked by another crawl is skipped.
    """
    from crawler.crawl.schedule import crawl_forever, parse_interval

    if bool(keys) == all_sources:
        raise Refused("give source keys or --all (one of them)")
    unknown = [k for k in keys if k not in registry]
    if unknown:
        raise Refused(f"unknown source: {', '.join(unknown)} (see `newsarchive sources`)")
    try:
        seconds = parse_interval(interval)
    except ValueError as exc:
        raise Refused(str(exc)) from None
    command = ["crawl", *(keys or ["--all"]), "--db", str(db_path)]
    if sources_dir:
        command += ["--sources", str(sources_dir)]
    crawl_forever(command, seconds)


def _read_input(target: str) -> tuple[bytes, str | None]:
    """The page's bytes and, for a URL, the URL it came from; a page over the crawl's size limit is refused."""
    if valid_url(target):
        from crawler.crawl.probe import ProbeFailure, fetch_page

        try:
            fetched, page = fetch_page(target, DOWNLOAD_TIMEOUT)
        except ProbeFailure as exc:
            raise ValueError(str(exc)) from None
    elif "://" in target:
        raise ValueError(f"not an http(s) URL: {target}")
    elif Path(target).is_dir():
        raise ValueError("a directory, not a page (give the files in it)")
    elif not Path(target).is_file():
        raise ValueError("no such file")
    else:
        with open(target, "rb") as file:
            page, fetched = file.read(DOWNLOAD_MAXSIZE + 1), None
    if len(page) > DOWNLOAD_MAXSIZE:
        raise ValueError(f"over the crawl's page size limit of {DOWNLOAD_MAXSIZE // 2**20} MB (DOWNLOAD_MAXSIZE): not extracted")
    return page, fetched


def _url_from_page(tree) -> str | None:
    """The page's own address: its canonical link, else og:url."""
    for value in tree.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"):
        if valid_url(value.strip()):
            return value.strip()
    return None


def _source_for(url: str | None, registry: dict[str, Source], key: str | None) -> Source | None:
    if key:
        return registry[key]
    return next((s for s in registry.values() if s.on_domain(url)), None) if url else None


def _extract_one(target: str, url: str | None, registry: dict[str, Source], source_key: str | None) -> dict:
    """One input's record: the article and whether it is one (with the reason when not)."""
    from crawler.extract.verdict import PageFacts, not_an_article

    page, fetched_url = _read_input(target)
    tree = parse_html(page)  # once, for the URL, the verdict's facts, then extraction (which prunes it)
    page_url = fetched_url or url or _url_from_page(tree)
    source = _source_for(page_url, registry, source_key)
    kwargs = {"site": source.name} if source else {}
    facts = PageFacts.read(tree)
    article = article_from_tree(tree, page_url or "", source.extract if source else ExtractHints(), **kwargs)
    article.url = page_url
    reason = not_an_article(article, facts)
    return {"article": reason is None, **({"reason": reason} if reason else {}), **article.as_dict(),
            "source": source.key if source else None}


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--url", help="The page's URL, when INPUT is one saved file (default: its canonical link or og:url).")
@click.option("--url-from", "url_from", multiple=True, metavar="FILE=URL", help="A saved file's URL, with many files (repeatable).")
@click.option("--source", "source_key", help="Apply this registry source's extraction hints.")
@sources_option
def extract(inputs, url, url_from, source_key, registry, sources_dir):
    """Extract articles from saved pages or URLs as JSON (JSON Lines for several inputs).

    A page that is not an article gives "article": false with the reason. One input: exit 1 when it
    is not an article, 2 when it cannot be read. Several: every line is printed, then exit 1 when
    any input failed or was no article.
    """
    if source_key and source_key not in registry:
        raise Refused(f"unknown source: {source_key}")
    if url and not valid_url(url):
        raise Refused(f"not an http(s) URL: {url}")
    if url and len(inputs) > 1:
        raise Refused("--url names one page: with several inputs give --url-from FILE=URL")
    mapping = dict(item.split("=", 1) for item in url_from if "=" in item)
    if bad := next((u for u in mapping.values() if not valid_url(u)), None):
        raise Refused(f"not an http(s) URL: {bad}")
    single = len(inputs) == 1
    failed = False
    for target in inputs:
        try:
            record = _extract_one(target, mapping.get(target) or url, registry, source_key)
        except (OSError, ValueError, ExtractionError) as exc:
            if single:
                raise Refused(f"{target}: {exc}") from None
            record = {"article": False, "error": str(exc)}
        failed = failed or not record["article"]
        if single:
            click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        else:
            click.echo(json.dumps({"input": target, **record}, ensure_ascii=False))
    if failed:
        raise click.exceptions.Exit(EXIT_FAILED)


def port_number(ctx, param, value: int) -> int:
    if not 1 <= value <= 65535:
        raise Refused(f"--port {value}: not a port (1 to 65535)")
    return value


@cli.command()
@click.argument("target", required=False)
@click.option("--all", "all_sources", is_flag=True, help="Probe every active source, one line each: ok, moved or broken.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=DOWNLOAD_TIMEOUT, show_default=True, help="Seconds to wait for each page.")
@output_options
@sources_option
def probe(target, all_sources, timeout, output, registry, sources_dir):
    """Check a portal as it is today: robots.txt, feeds, sitemaps, sections, article links and the rule
    that took each, three articles extracted, the CMS family recognised, a draft registry entry.

    TARGET is a registry key or a home page URL. Exit 1 when a source probed is broken. --json gives
    the whole report as one object; with --all, --json and --csv give each source's key, home page,
    status and why.
    """
    from crawler.crawl.probe import describe
    from crawler.crawl.probe import probe as run_probe
    from crawler.sources.registry import adhoc_source, load_families

    if bool(target) == all_sources:
        raise Refused("give a source key or URL, or --all (one of them)")
    if target and target not in registry and not valid_url(target):
        raise Refused(f"unknown source: {target} (give a key of `newsarchive sources` or an http(s) URL)")
    try:
        families = load_families(sources_dir or BUNDLED)
    except RegistryError as exc:
        raise Refused(str(exc)) from None
    if all_sources:
        reports = [run_probe(s, families, timeout) for s in registry.values() if s.status == "active"]
        if output == "table":  # one line a source, as a log reads: key, status and why
            for report in reports:
                click.echo(report.line())
        else:
            print_rows([{"key": r.key, "home": r.home, "status": r.status, "why": r.why} for r in reports], [], output)
    else:
        if output == "csv":
            raise Refused("--csv gives one row a source: use it with --all (--json gives one source's whole report)")
        reports = [run_probe(registry.get(target) or adhoc_source(target), families, timeout)]
        if output == "json":
            click.echo(json.dumps(dataclasses.asdict(reports[0]), ensure_ascii=False))
        else:
            click.echo("\n".join(describe(reports[0])))
    if any(r.status == "broken" for r in reports):
        raise click.exceptions.Exit(EXIT_FAILED)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int, callback=port_number)
@click.option("--sql", "allow_sql", is_flag=True, help="Allow arbitrary read-only SQL queries (off by default).")
def serve(db_path: Path, host: str, port: int, allow_sql: bool):
    """Browse and search the archive in Datasette (read-only)."""
    from archive.datasette import listen, serve_archive
    from archive.store import upgrade_for_reading

    if not db_path.is_file():
        raise Refused(f"{db_path}: no such archive")
    try:
        upgraded = upgrade_for_reading(db_path)
    except ArchiveError as exc:
        raise Refused(str(exc)) from None
    if upgraded:
        click.echo(f"{db_path}: brought up to date ({', '.join(upgraded)})", err=True)
    try:
        sock = listen(host, port)
    except OSError as exc:
        raise Refused(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    click.echo(f"Serving {db_path} on http://{f'[{host}]' if ':' in host else host}:{port}/ (CTRL+C to quit)", err=True)
    serve_archive(db_path, sock, sql=allow_sql)


def open_existing(db_path: Path) -> Archive:
    """The archive at ``db_path``, brought up to date; a missing or broken file fails by name."""
    if not db_path.is_file():
        raise Refused(f"{db_path}: no such archive")
    try:
        return Archive(db_path)
    except ArchiveError as exc:
        raise Refused(str(exc)) from None


def open_for_reading(db_path: Path) -> Archive:
    """The archive at ``db_path`` read-only (it may be a file or folder this user cannot write),
    brought up to date first when it can be written; a missing, broken or outdated read-only file
    fails by name."""
    from archive.store import upgrade_for_reading

    if not db_path.is_file():
        raise Refused(f"{db_path}: no such archive")
    try:
        upgrade_for_reading(db_path)
        return Archive(db_path, readonly=True)
    except ArchiveError as exc:
        raise Refused(str(exc)) from None


def iso_date(ctx, param, value: str | None):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Refused(f"{param.opts[0]} {value}: not a date (YYYY-MM-DD)") from None


@cli.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Output format (default: from the file's suffix).")
@click.option(
    "-o", "--output", required=True, type=click.Path(allow_dash=True, path_type=Path),
    help="File to write (replaced whole), or a pipe or device written as it goes; '-' for standard output (jsonl, csv).",
)
@click.option("--since", callback=iso_date, metavar="YYYY-MM-DD", help="Published on or after this day (Vietnam time).")
@click.option("--until", callback=iso_date, metavar="YYYY-MM-DD", help="Published on or before this day (Vietnam time).")
@click.option("--source", "source_keys", multiple=True, help="Only this source (repeatable).")
@click.option("--province", "provinces", multiple=True, help="Only this province, by its name then or since the 2025 merger (repeatable).")
@click.option("--topic", type=click.Choice([TOPIC]), help="Only articles tagged with this topic.")
@click.option("--include-duplicates", is_flag=True, help="Also copies of stories stored from another source.")
@db_option
def export(fmt, output, since, until, source_keys, provinces, topic, include_duplicates, db_path):
    """Write the archive's articles as JSON Lines, CSV or Parquet, with filters.

    Exit 2 when nothing was written (a bad filter, a target that cannot be written), 1 when the
    export stopped part way (a full disk, a pipe its reader closed).
    """
    from crawler.corpus.export import ExportError, ExportStopped, Filters
    from crawler.corpus.export import export as write_export
    from archive.output import OutputRefused

    fmt = fmt or output.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise Refused(f"{output}: give --format ({', '.join(FORMATS)}) or a file ending in one")
    if fmt == "parquet":
        require_extra("parquet", "export --format parquet")
    archive = open_for_reading(db_path)
    filters = Filters(since, until, source_keys, provinces, topic, include_duplicates)
    try:
        count = write_export(archive.db, fmt, output, filters)
    except (ExportError, OutputRefused) as exc:
        raise Refused(str(exc)) from None
    except ExportStopped as exc:
        click.echo(str(exc), err=True)
        raise click.exceptions.Exit(EXIT_FAILED) from None
    except OSError as exc:
        raise Failed(f"{'standard output' if str(output) == '-' else output}: {exc.strerror or exc} (export stopped)") from None
    finally:
        archive.close()
    click.echo(f"{count} articles written to {output}", err=True)


@cli.command()
@click.option("--source", "source_key", help="Only this source's pages.")
@output_options
@db_option
@sources_option
def reextract(source_key, output, db_path, registry, sources_dir):
    """Re-run extraction over the stored pages, offline; rewrite only the rows whose extraction changed."""
    from crawler.corpus.reextract import reextract as run_reextract

    archive = open_existing(db_path)
    stored = {r[0] for r in archive.db.execute("select distinct source from raw_pages")}
    archive.close()
    if source_key and source_key not in stored:
        raise Refused(f"unknown source: {source_key} (no stored pages in {db_path})")
    hold_archive(db_path, "reextract")
    try:
        results = run_reextract(db_path, registry, source_key)
    finally:
        lock.release(db_path)
    print_rows([{"source": key, **figures} for key, figures in results], REEXTRACT_COLUMNS, output)
    changed = sum(f["updated"] + f["new"] for _, f in results)
    click.echo(f"{changed} rows changed", err=output != "table")  # after JSON or CSV rows: on stderr


@cli.command()
@click.option("--source", "source_key", help="Only this source's articles.")
@db_option
def annotate(source_key, db_path):
    """Recompute province since 2025, topic and duplicate links for every article."""
    from crawler.corpus.annotate import Annotator

    open_existing(db_path).close()
    hold_archive(db_path, "annotate")
    archive = Archive(db_path)
    try:
        changed = Annotator(archive.db).annotate_all(source_key)
        counts = next(archive.db.query(
            "select count(*) as articles, count(topic) as tagged, count(duplicate_of) as copies from articles"
        ))
    finally:
        archive.close()
        lock.release(db_path)
    click.echo(
        f"{changed} rows changed; {counts['articles']} articles, {counts['tagged']} tagged {TOPIC}, "
        f"{counts['copies']} copies of another"
    )
