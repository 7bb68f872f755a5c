"""Discovery on portals never seen before: ``crawl --url`` beside a plain Scrapy CrawlSpider.

``python benchmarks/eval_discovery.py [KEY ...] [-v] [--jobs N]`` (``make eval-discovery``) renders
the sample portals of ``tests/discoveryweb`` (one per CMS family) into a temporary folder,
serves them on 127.0.0.1 with ``tests/sampleweb.py`` (one port per portal, every request
logged), and crawls each one twice, each crawl in a subprocess of its own (a Twisted reactor
cannot restart):

- **ours**: ``newsarchive crawl --url http://127.0.0.1:PORT/ --key KEY --db TMP``, politeness
  delays off;
- **scrapy**: ``BaselineSpider`` below, what a Scrapy user would write: a ``CrawlSpider`` whose
  one ``Rule(LinkExtractor())`` follows every link on the portal's host, robots.txt obeyed, no
  depth limit (the sites are small), every fetched page passed through our extraction
  (``crawler.extract.extract_article``) and kept when it has a title, a date and text.

It prints per portal and for each crawler: articles found / articles reachable, pages stored
that are not articles, requests (from the server's access log, robots.txt included), and requests
per article found; then a totals row. Articles that no plain link reaches (SharePoint's postback-only
pagination) are left out of "reachable" and counted in a column of their own. The exit status
is 0 whatever the figures: this is a measurement. ``-v`` lists, per portal, what each crawler
missed and what it stored that is not an article.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
CRAWLERS = ("ours", "scrapy")
# Local servers need no politeness: the same for both crawlers.
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False", "RETRY_TIMES": "0"}
TIMEOUT = 300


@dataclass
class Outcome:
    """One crawl of one portal, scored against its manifest."""

    portal: str
    crawler: str
    reachable: int = 0
    unreachable: int = 0
    found: int = 0
    stored: int = 0
    not_articles: int = 0
    requests: int = 0
    seconds: float = 0.0
    error: str | None = None
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def per_article(self) -> float | None:
        """Requests per article found: what each real article cost (pages stored by mistake earn nothing)."""
        return self.requests / self.found if self.found else None


def score(portal: str, crawler: str, manifest: dict, origin: str, stored_urls: set[str], requests: int) -> Outcome:
    """Compare the URLs a crawl stored with the portal's manifest (both canonicalized as the archive does)."""
    from crawler.discovery.links import canonicalize

    def url(path: str) -> str:
        return canonicalize(origin + path)

    stored = {canonicalize(u) for u in stored_urls}
    reachable = {url(a["path"]) for a in manifest["articles"] if a["reachable"]}
    articles = {url(a["path"]) for a in manifest["articles"]}
    return Outcome(
        portal, crawler,
        reachable=len(reachable), unreachable=len(articles - reachable), found=len(stored & reachable),
        stored=len(stored), not_articles=len(stored - articles), requests=requests,
        missed=sorted(urlsplit(u).path + (f"?{urlsplit(u).query}" if urlsplit(u).query else "") for u in reachable - stored),
        wrong=sorted(urlsplit(u).path + (f"?{urlsplit(u).query}" if urlsplit(u).query else "") for u in stored - articles),
    )


def totals(outcomes: list[Outcome], crawler: str) -> Outcome:
    total = Outcome("total", crawler)
    for o in outcomes:
        if o.crawler == crawler:
            for name in ("reachable", "unreachable", "found", "stored", "not_articles", "requests", "seconds"):
                setattr(total, name, getattr(total, name) + getattr(o, name))
    return total


def cell(o: Outcome) -> str:
    if o.error:
        return f"{'failed: ' + o.error[:30]:<31}"
    per = f"{o.per_article:.1f}" if o.per_article is not None else "-"
    return f"{f'{o.found}/{o.reachable}':>7} {o.not_articles:>5} {o.requests:>6} {per:>6} {o.seconds:>4.0f}s"


def report(outcomes: list[Outcome], families: dict[str, str]) -> str:
    """The table: a row per portal, ours beside scrapy, then the totals."""
    portals = list(dict.fromkeys(o.portal for o in outcomes))
    by = {(o.portal, o.crawler): o for o in outcomes}
    head = f"{'found':>7} {'other':>5} {'reqs':>6} {'r/art':>6} {'time':>5}"
    lines = [
        "Discovery from the home page alone: articles found / reachable, pages stored that are not articles,",
        "requests made (robots.txt included), requests per article found.",
        "",
        f"{'portal':<12} {'unreach':>7} | {'ours':^31} | {'scrapy CrawlSpider':^31} | family",
        f"{'':<12} {'':>7} | {head} | {head} |",
    ]
    for key in portals + ["total"]:
        if key == "total":
            row = {c: totals(outcomes, c) for c in CRAWLERS}
            lines.append("-" * len(lines[-1]))
        else:
            row = {c: by.get((key, c), Outcome(key, c, error="not run")) for c in CRAWLERS}
        unreach = next(iter(row.values())).unreachable
        lines.append(f"{key:<12} {unreach:>7} | {cell(row['ours'])} | {cell(row['scrapy'])} | {families.get(key, '')}")
    return "\n".join(lines)


def details(outcomes: list[Outcome]) -> str:
    lines = []
    for o in outcomes:
        for path in o.missed:
            lines.append(f"{o.portal:<12} {o.crawler:<7} missed  {path}")
        for path in o.wrong:
            lines.append(f"{o.portal:<12} {o.crawler:<7} stored  {path}")
        if o.error:
            lines.append(f"{o.portal:<12} {o.crawler:<7} error   {o.error}")
    return "\n".join(lines)


# The crawls --------------------------------------------------------------------------------------

def run_ours(cli: Path, origin: str, key: str, db: Path) -> set[str]:
    settings = [arg for name, value in FAST.items() for arg in ("-s", f"{name}={value}")]
    command = [str(cli), "crawl", "--url", origin + "/", "--db", str(db), *settings, "--key", key]
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    if result.returncode != 0:
        raise RuntimeError(f"exit {result.returncode}: {result.stderr.strip().splitlines()[-1:]}")
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("select url from articles")}


def run_scrapy(origin: str, out: Path) -> set[str]:
    command = [sys.executable, __file__, "--baseline", origin + "/", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"exit {result.returncode}: {result.stderr.strip().splitlines()[-1:]}")
    return {json.loads(line)["url"] for line in out.read_text("utf-8").splitlines() if line.strip()}


def requests_logged(log: Path, site: str) -> int:
    if not log.exists():
        return 0
    return sum(json.loads(line)["site"] == site for line in log.read_text("utf-8").splitlines() if line.strip())


def evaluate(
    keys: list[str] | None = None, jobs: int = 2, work: Path | None = None, crawlers: tuple[str, ...] = CRAWLERS,
) -> tuple[list[Outcome], dict[str, str]]:
    """Build, serve and crawl the portals (``keys``, or all) with ``crawlers``; return the scored outcomes
    and each portal's family."""
    sys.path[:0] = [str(TESTS), str(TESTS / "discoveryweb")]
    import sampleweb
    from build import build

    cli = Path(sys.executable).parent / "newsarchive"
    with tempfile.TemporaryDirectory(prefix="discovery-") as tmp:
        tmp = Path(work or tmp)
        sites = build(tmp / "sites", keys)
        manifests = {site.name: json.loads((site / "manifest.json").read_text("utf-8")) for site in sites}
        # One server set per crawler, each with its own access log, so that crawls may run side by side.
        servers = {c: sampleweb.serve_sites(sites, tmp / f"{c}.log") for c in crawlers}

        def crawl(task: tuple[str, str]) -> Outcome:
            key, crawler = task
            origin = f"http://127.0.0.1:{servers[crawler][key].server_address[1]}"
            started = time.monotonic()
            try:
                if crawler == "ours":
                    stored = run_ours(cli, origin, key, tmp / f"{key}.db")
                else:
                    stored = run_scrapy(origin, tmp / f"{key}.jsonl")
                error = None
            except (RuntimeError, subprocess.TimeoutExpired, sqlite3.Error) as exc:
                stored, error = set(), str(exc)
            outcome = score(key, crawler, manifests[key], origin, stored, requests_logged(tmp / f"{crawler}.log", key))
            outcome.seconds, outcome.error = time.monotonic() - started, error
            return outcome

        try:
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                outcomes = list(pool.map(crawl, [(site.name, c) for site in sites for c in crawlers]))
        finally:
            for group in servers.values():
                for server in group.values():
                    server.shutdown()
                    server.server_close()
    return outcomes, {key: m["family"] for key, m in manifests.items()}


# The baseline: what a Scrapy user would write ---------------------------------------------------------

def run_baseline(url: str, out: Path) -> None:
    """Crawl ``url``'s site with ``BaselineSpider`` and write the pages it keeps to ``out`` (JSON Lines)."""
    from scrapy.crawler import CrawlerProcess

    out.write_text("", "utf-8")
    process = CrawlerProcess({
        "ROBOTSTXT_OBEY": True, "DEPTH_LIMIT": 0, "CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
        "USER_AGENT": "newsarchive-eval (plain CrawlSpider)", "LOG_LEVEL": os.environ.get("BASELINE_LOG", "ERROR"), "TELNETCONSOLE_ENABLED": False,
        **{name: value for name, value in FAST.items()},
    })
    process.crawl(baseline_spider(), url=url, out=str(out))
    process.start()


def baseline_spider():
    from scrapy.linkextractors import LinkExtractor
    from scrapy.spiders import CrawlSpider, Rule

    from crawler.extract import ExtractionError, extract_article

    class BaselineSpider(CrawlSpider):
        """Every on-host link followed; every page extracted; kept with a title, a date and text."""

        name = "baseline"

        def __init__(self, url: str, out: str, **kwargs):
            parts = urlsplit(url)
            self.start_urls = [url]
            self.allowed_domains = [parts.hostname]
            self.out = Path(out)
            # Portals share 127.0.0.1 on other ports: stay on this one, as a real site's host.
            same_site = lambda found: [link for link in found if urlsplit(link.url).netloc == parts.netloc]  # noqa: E731
            self.rules = (Rule(LinkExtractor(), callback="parse_page", follow=True, process_links=same_site),)
            super().__init__(**kwargs)

        def parse_start_url(self, response):
            return self.parse_page(response)

        def parse_page(self, response):
            if not hasattr(response, "text"):
                return
            try:
                article = extract_article(response.body, response.url)
            except ExtractionError:
                return
            if article.title and article.published and article.text.strip():
                with self.out.open("a", encoding="utf-8") as out:
                    out.write(json.dumps({"url": response.url, "title": article.title}, ensure_ascii=False) + "\n")

    return BaselineSpider


def main(argv: list[str]) -> None:
    if argv[:1] == ["--baseline"]:
        run_baseline(argv[1], Path(argv[2]))
        return
    verbose = "-v" in argv
    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else max(1, min(2, os.cpu_count() or 1))
    keys = [a for i, a in enumerate(argv) if not a.startswith("-") and (i == 0 or argv[i - 1] != "--jobs")]
    outcomes, families = evaluate(keys or None, jobs)
    print(report(outcomes, families))
    if verbose:
        print("\n" + details(outcomes))


if __name__ == "__main__":
    main(sys.argv[1:])
