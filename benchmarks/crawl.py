"""``make bench``: a full crawl of a synthetic web against the machine's bound, with figures printed.

Serves ``benchmarks/synthweb.py`` (50 portals x 200 articles by default, deterministic from a seed)
on 127.0.0.1 with politeness off, then measures in one run:

- the bound: plain trafilatura extracting the same article pages in as many processes as the
  machine has cores, as the crawl uses them all (its reactor and one extraction worker per core);
  pages/s of all processes together, and CPU ms a page;
- plain Scrapy fetching the same URLs and discarding them: the network side's limit, for reference;
- our full crawl into a fresh archive: pages/s, articles/s against the bound, CPU ms per article
  beside trafilatura's per page and split by stage (extraction, Scrapy and response handling, link
  extraction, storage, topic and near duplicates), peak RSS of each process and of all together,
  archive size per article;
- the re-run of the same crawl on the unchanged web: requests and seconds;
- ``newsarchive reextract`` of the whole archive from its stored pages: the same figures;
- extraction measured apart, each way in a process of its own on the same sample of pages, one
  after another: plain trafilatura, ours, and ours with what the workers derive for the corpus
  (topic score, copies' hashes). The crawl's figures mix it with everything else; this is the
  share that is extraction's own.

CPU per article is the steadier figure on a shared machine: wall-clock rates count other
processes' load too, which the report prints (load average) beside them.

    python benchmarks/crawl.py [--portals 50] [--articles 200] [--seed 1] [--grow]

``--grow`` repeats the full crawl on a web twice as large, to show whether memory stays flat.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import trafilatura

from crawler.crawl.stats import ARTICLES_NEW, ARTICLES_UNCHANGED, ARTICLES_UPDATED, CPU_ANNOTATE, CPU_EXTRACT, CPU_LINKS, CPU_STORE

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from synthweb import SyntheticWeb  # noqa: E402

PYTHON = sys.executable
CLI = str(Path(sys.executable).parent / "newsarchive")
# Politeness off. Each source is its own crawler: 4 requests at a time each is 200 at once for 50
# portals, as many as the plain-Scrapy bound's one crawler gets spread over them.
FAST = [
    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS=4",
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4", "-s", "LOG_LEVEL=ERROR",
]


def process_tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree += frontier
    return tree


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds the process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss(pid: int) -> int:
    """The process's peak resident set (VmHWM) in MB, 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


class PeakMemory(threading.Thread):
    """Samples the peak RSS of a process and of each process under it, every 0.2 s.

    Not ``wait4``'s ``ru_maxrss``: for a child started from this harness (grown large making pages
    and running trafilatura) it counts the harness's own peak, as Linux carries the pre-exec
    memory's high-water mark over into the child's."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peaks: dict[int, int] = {}
        self.running = True

    def run(self) -> None:
        while self.running:
            for pid in process_tree(self.pid):
                self.peaks[pid] = max(self.peaks.get(pid, 0), peak_rss(pid))
            time.sleep(0.2)


def run_measured(command: list[str]) -> tuple[float, float, dict[int, int], str]:
    """Wall seconds, CPU seconds, peak RSS in MB of each process it ran, and stdout of one child process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    memory = PeakMemory(process.pid)
    memory.start()
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    memory.running = False
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, memory.peaks, out


def start_web(tmp: Path, portals: int, articles: int, seed: int) -> tuple[subprocess.Popen, dict[int, str]]:
    port_file = tmp / "ports.json"
    server = subprocess.Popen(
        [PYTHON, str(HERE / "synthweb.py"), "--portals", str(portals), "--articles", str(articles), "--seed", str(seed),
         "--registry", str(tmp / "sources"), "--port-file", str(port_file)],
    )
    while not port_file.exists() or not port_file.read_text():
        if server.poll() is not None:
            raise SystemExit("synthetic web did not start")
        time.sleep(0.1)
    return server, {int(k): v for k, v in json.loads(port_file.read_text()).items()}


def crawl(tmp: Path, name: str) -> dict:
    db, stats_file = tmp / f"{name}.db", tmp / f"{name}.stats.jsonl"
    wall, cpu, peaks, _ = run_measured(
        [CLI, "crawl", "--all", "--sources", str(tmp / "sources"), "--db", str(db), *FAST, "-s", f"NEWSARCHIVE_STATS_FILE={stats_file}"]
    )
    records = [json.loads(line) for line in stats_file.read_text().splitlines()]
    stats_file.unlink()
    total = lambda key: sum(r["stats"].get(key, 0) for r in records)  # noqa: E731
    return {
        "wall": wall, "cpu": cpu, "rss": max(peaks.values()), "rss_total": sum(peaks.values()),
        "requests": total("downloader/request_count"), "pages": total("downloader/response_count"),
        "new": total(ARTICLES_NEW), "stored": total(ARTICLES_NEW) + total(ARTICLES_UPDATED)
        + total(ARTICLES_UNCHANGED),
        "cpu_extract": total(CPU_EXTRACT), "cpu_store": total(CPU_STORE),
        "cpu_annotate": total(CPU_ANNOTATE), "cpu_links": total(CPU_LINKS),
        "db_bytes": sum(p.stat().st_size for p in tmp.glob(f"{name}.db*")),
    }


def extract_share(portals: int, articles: int, seed: int, share: int, shares: int) -> tuple[int, float, float]:
    """Plain trafilatura on every ``shares``-th article page from ``share`` on: pages, and the wall and
    CPU seconds their extraction took. Each page is made just before, out of the timing."""
    web = SyntheticWeb(portals, articles, seed)
    pages, wall, cpu = 0, 0.0, 0.0
    for index in range(share, portals * articles, shares):
        page = web.article_page(*divmod(index, articles))
        started, started_cpu = time.perf_counter(), time.process_time()
        trafilatura.extract(page)
        wall += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        pages += 1
    return pages, wall, cpu


def trafilatura_bound(portals: int, articles: int, seed: int, processes: int) -> dict:
    """Pages/s of plain trafilatura in ``processes`` processes side by side (the sum of their rates), and
    its CPU ms a page."""
    with multiprocessing.get_context("spawn").Pool(processes) as workers:
        shares = workers.starmap(extract_share, [(portals, articles, seed, k, processes) for k in range(processes)])
    pages = sum(p for p, _, _ in shares)
    return {
        "processes": processes,
        "pages_s": sum(p / wall for p, wall, _ in shares),
        "ms_page": 1000 * sum(cpu for _, _, cpu in shares) / pages,
    }


EXTRACTIONS = ("trafilatura", "ours", "ours and derived")
APART_EVERY = 20  # every 20th article page of the web: 500 of the 50 x 200 web's


def extract_apart(portals: int, articles: int, seed: int, way: str) -> float:
    """CPU ms a page of one way of extracting (``EXTRACTIONS``) over every ``APART_EVERY``-th article page,
    after a warm-up on the first twenty; the pages are made before the timing."""
    from crawler.corpus.derive import derive
    from crawler.crawl.workers import timed_extract
    from crawler.extract.hints import ExtractHints

    web = SyntheticWeb(portals, articles, seed)
    pages = [web.article_page(*divmod(index, articles)) for index in range(0, portals * articles, APART_EVERY)]
    extract = {
        "trafilatura": trafilatura.extract,
        "ours": lambda page: timed_extract(page, "http://127.0.0.1/a-1.html", ExtractHints()),
        "ours and derived": lambda page: timed_extract(page, "http://127.0.0.1/a-1.html", ExtractHints(), derive=derive),
    }[way]
    for page in pages[:20]:
        extract(page)
    started = time.process_time()
    for page in pages:
        extract(page)
    return 1000 * (time.process_time() - started) / len(pages)


def extraction_apart(portals: int, articles: int, seed: int) -> dict[str, float]:
    """``extract_apart`` for each way, each in a fresh process, one at a time (the machine otherwise idle)."""
    context = multiprocessing.get_context("spawn")
    apart = {}
    for way in EXTRACTIONS:
        with context.Pool(1) as worker:
            apart[way] = worker.apply(extract_apart, (portals, articles, seed, way))
    return apart


def bench(portals: int, articles: int, seed: int) -> dict:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        server, origins = start_web(tmp, portals, articles, seed)
        try:
            web = SyntheticWeb(portals, articles, seed)
            urls = [url for portal, origin in origins.items() for url in web.urls(origin, portal)]
            (tmp / "urls.txt").write_text("\n".join(urls))
            _, _, _, out = run_measured([PYTHON, str(HERE / "plain_fetch.py"), str(tmp / "urls.txt")])
            fetched = json.loads(out)
            bound = trafilatura_bound(portals, articles, seed, os.cpu_count() or 1)
            server_cpu = cpu_seconds(server.pid)
            full = crawl(tmp, "archive")
            full["cpu_server"] = cpu_seconds(server.pid) - server_cpu
            rerun = crawl(tmp, "archive")
            wall, cpu, peaks, _ = run_measured([CLI, "reextract", "--sources", str(tmp / "sources"), "--db", str(tmp / "archive.db")])
        finally:
            server.terminate()
    apart = extraction_apart(portals, articles, seed)
    return {
        "web": f"{portals} portals x {articles} articles = {len(urls)} URLs",
        "load": (load, os.getloadavg()[0]),
        "scrapy": {"pages_s": fetched["pages"] / fetched["seconds"], "ms_page": 1000 * fetched["cpu"] / fetched["pages"]},
        "bound": bound,
        "full": full,
        "rerun": rerun,
        "reextract": {"wall": wall, "cpu": cpu, "rss": max(peaks.values()), "rss_total": sum(peaks.values())},
        "apart": apart,
    }


def report(result: dict) -> str:
    full, rerun, again, bound, apart = result["full"], result["rerun"], result["reextract"], result["bound"], result["apart"]
    articles = max(full["new"], 1)

    def per_article(seconds: float) -> float:
        return 1000 * seconds / articles

    def of_bound(wall: float) -> str:
        return f"{articles / wall:8.1f}   ({100 * articles / wall / bound['pages_s']:.0f}% of the bound)"

    def of_trafilatura(cpu: float) -> str:
        return f"{per_article(cpu):8.1f}   ({per_article(cpu) / bound['ms_page']:.2f} x trafilatura's {bound['ms_page']:.1f} ms a page)"

    budget = 1000 * bound["processes"] / (0.75 * bound["pages_s"])
    scrapy = full["cpu"] - full["cpu_extract"] - full["cpu_store"] - full["cpu_annotate"] - full["cpu_links"]
    lines = [
        f"synthetic web: {result['web']}; {os.cpu_count()} cores, load average {result['load'][0]:.2f} before, {result['load'][1]:.2f} after",
        (f"bound: plain trafilatura in {bound['processes']} processes {bound['pages_s']:8.1f} pages/s, {bound['ms_page']:.1f} ms CPU a page "
         f"({1000 * bound['processes'] / bound['ms_page']:.0f} pages/s if each process had a core to itself)"),
        (f"plain Scrapy fetch, pages discarded:  {result['scrapy']['pages_s']:8.1f} pages/s, {result['scrapy']['ms_page']:.1f} ms CPU a page "
         "(the network side's limit; start-up apart)"),
        (f"75% of the bound leaves {budget:.1f} ms of CPU an article on {bound['processes']} cores, for everything "
         "on them: the crawl, its listing pages and the synthetic web's server"),
        f"full crawl: {full['pages']} pages, {full['new']} articles in {full['wall']:.1f} s",
        f"  pages/s                 {full['pages'] / full['wall']:8.1f}",
        f"  articles/s              {of_bound(full['wall'])}",
        f"  CPU ms/article          {of_trafilatura(full['cpu'])}",
        (f"    extraction {per_article(full['cpu_extract']):.1f}, Scrapy and response handling {per_article(scrapy):.1f}, "
         f"link extraction {per_article(full['cpu_links']):.1f}, storage {per_article(full['cpu_store']):.1f}, "
         f"topic/duplicates {per_article(full['cpu_annotate']):.1f}"),
        f"  the synthetic web's server, on the same cores: {per_article(full['cpu_server']):.1f} ms CPU an article",
        f"  peak RSS                {full['rss']:8d} MB the largest process, {full['rss_total']} MB all its processes together",
        f"  archive bytes/article   {full['db_bytes'] / articles:8.0f}",
        f"re-run on the unchanged web: {rerun['requests']} requests, {rerun['new']} new, {rerun['wall']:.1f} s",
        f"reextract of the archive: {full['new']} articles in {again['wall']:.1f} s",
        f"  articles/s              {of_bound(again['wall'])}",
        f"  CPU ms/article          {of_trafilatura(again['cpu'])}",
        f"  peak RSS                {again['rss']:8d} MB the largest process, {again['rss_total']} MB all its processes together",
        (f"extraction apart, one process each, every {APART_EVERY}th article page: trafilatura {apart['trafilatura']:.1f} ms, "
         f"ours {apart['ours']:.1f} ms ({apart['ours'] / apart['trafilatura']:.2f} x), with topic and hashes "
         f"{apart['ours and derived']:.1f} ms ({apart['ours and derived'] / apart['trafilatura']:.2f} x)"),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portals", type=int, default=50)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--grow", action="store_true", help="also crawl a web twice as large")
    args = parser.parse_args()
    first = bench(args.portals, args.articles, args.seed)
    print(report(first), flush=True)
    if args.grow:
        larger = bench(args.portals, 2 * args.articles, args.seed)
        print(report(larger), flush=True)
        print(f"memory as the web grows: {first['full']['new']} articles -> peak RSS {first['full']['rss']} MB "
              f"({first['full']['rss_total']} MB in all), {larger['full']['new']} articles -> peak RSS "
              f"{larger['full']['rss']} MB ({larger['full']['rss_total']} MB in all)")


if __name__ == "__main__":
    main()
