"""Datasette on a synthetic archive of 100,000 articles: search and facet latencies.

Builds the archive (schema, triggers and indexes by the project's own migrations), serves it
with the project's Datasette configuration in-process, and prints how long each page and JSON
call takes (median and worst of several runs, after one warm-up) beside Datasette's time limit.
"slowest SQL" is the longest single statement of the request (from Datasette's trace), the
figure the time limit applies to: a query over it answers with an error, a facet over its limit
is marked timed out; both would show. Not a test: figures depend on the machine.

    .venv/bin/python benchmarks/datasette_search.py [--articles N] [--db PATH] [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import os
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from archive.datasette import SETTINGS, build_datasette
from archive.store import Archive

SITES = Path(__file__).parent.parent / "tests" / "sites"
PROVINCES = [
    "Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hậu Giang", "Lâm Đồng", "Nam Định", "Sơn La", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Bình Định", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Quảng Bình", "Gia Lai", "Kon Tum", "Lào Cai", "Yên Bái", "Tây Ninh", "Long An", "An Giang",
    "Kiên Giang", "Cà Mau", "Bạc Liêu", "Sóc Trăng", "Trà Vinh", "Vĩnh Long", "Bến Tre", "Tiền Giang",
]
KINDS = ("newspaper", "party-portal", "government-portal", "magazine")


def vocabulary() -> tuple[list[str], list[str]]:
    """Words and headline words from the sample portals' expected articles: real Vietnamese text."""
    words, title_words = [], []
    for path in SITES.glob("*/expected.json"):
        for article in json.loads(path.read_text("utf-8"))["articles"]:
            words += re.findall(r"\w+", " ".join(article.get("body", [])))
            title_words += re.findall(r"\w+", article["title"])
    return words, title_words


def build(db_path: Path, count: int, seed: int = 5) -> float:
    """Fill ``db_path`` with ``count`` articles; return the seconds it took."""
    rng = random.Random(seed)
    words, title_words = vocabulary()
    sources = [
        {"key": f"src{i:03d}", "name": f"Báo {province} {i}", "province": province, "kind": KINDS[i % 4]}
        for i, province in enumerate(PROVINCES * 3)
    ]
    authors = [f"{rng.choice(['NGUYỄN', 'TRẦN', 'LÊ', 'PHẠM', 'HOÀNG'])} {rng.choice(title_words).upper()}" for _ in range(400)]
    started = time.perf_counter()
    archive = Archive(db_path)
    archive.sync_sources(sources)

    def article(i: int) -> dict:
        source = rng.choice(sources)
        year, month, mday = rng.randrange(2015, 2026), rng.randrange(1, 13), rng.randrange(1, 29)
        published = f"{year}-{month:02d}-{mday:02d}" + (f"T{rng.randrange(6, 22):02d}:{rng.randrange(60):02d}:00+07:00" if rng.random() < 0.8 else "")
        paragraphs = ["{}.".format(" ".join(rng.choices(words, k=rng.randrange(25, 70))).capitalize()) for _ in range(rng.randrange(3, 9))]
        text = "\n".join(paragraphs)
        return {
            "url": f"https://{source['key']}.example.vn/tin-tuc/{i}.html",
            "source": source["key"],
            "province": source["province"],
            "title": " ".join(rng.choices(title_words, k=rng.randrange(8, 16))).capitalize(),
            "text": text,
            "published": published if rng.random() < 0.97 else None,
            "date_source": "date-line",
            "author": rng.choice(authors) if rng.random() < 0.7 else None,
            "word_count": len(text.split()),
            "fetched_at": "2025-06-01T00:00:00+00:00",
            "first_seen": "2025-06-01T00:00:00+00:00",
        }

    batch = 5000
    for start in range(0, count, batch):
        archive.db["articles"].insert_all((article(i) for i in range(start, min(count, start + batch))), batch_size=500)
    archive.db.execute("analyze")
    archive.db.conn.commit()
    archive.close()
    return time.perf_counter() - started


CASES = [
    ("front page with its chart", "/"),
    ("table: search 'dang vien' (no marks), 7 facets", "/archive/articles.json?_search=dang+vien"),
    ("table: search 'đảng viên', 7 facets", "/archive/articles.json?_search=%C4%91%E1%BA%A3ng+vi%C3%AAn"),
    ("table: search a rare word, 7 facets", "/archive/articles.json?_search=Ph%C3%B9ng"),
    ("table: search, no facets", "/archive/articles.json?_search=dang+vien&_nofacet=1"),
    ("table: no search, 7 facets", "/archive/articles.json"),
    ("table: no search, no facets", "/archive/articles.json?_nofacet=1"),
    ("table: province + date range, 7 facets",
     "/archive/articles.json?province=H%C3%A0+N%E1%BB%99i&published_date__gte=2020-01-01&published_date__lte=2020-12-31"),
    ("table page HTML: search, 7 facets", "/archive/articles?_search=dang+vien"),
    ("search query: relevance", "/archive/search.json?q=dang+vien"),
    ("search query: newest first", "/archive/search.json?q=dang+vien&order=newest"),
    ("search query: province + dates", "/archive/search.json?q=dang+vien&province=S%C6%A1n+La&since=2020-01-01&until=2022-12-31"),
    ("search query: marks, province + dates",
     "/archive/search.json?q=%C4%91%E1%BA%A3ng+vi%C3%AAn&province=S%C6%A1n+La&since=2020-01-01&until=2022-12-31"),
    ("search query: newest first, province + dates",
     "/archive/search.json?q=dang+vien&order=newest&province=S%C6%A1n+La&since=2020-01-01&until=2022-12-31"),
    ("search page HTML: relevance", "/archive/search?q=ket+nap+dang+vien"),
    ("latest articles", "/archive/latest.json"),
    ("per province per month", "/archive/per_province_month.json"),
    ("sources with health", "/archive/sources_with_health.json"),
    ("article page", "/archive/articles/54321"),
]


def slowest_query(response) -> tuple[float, str]:
    """The longest SQL statement of a ``_trace=1`` response, in ms, with its opening words."""
    if "json" in response.headers["content-type"]:
        traces = response.json()["_trace"]["traces"]
    else:
        traces = json.loads(html.unescape(response.text.rsplit("<pre>", 1)[1].split("</pre>")[0]))["traces"]
    slowest = max(traces, key=lambda t: t["duration_ms"])
    return slowest["duration_ms"], " ".join(slowest.get("sql", "").split())[:40]


async def measure(datasette, runs: int) -> list[tuple]:
    await datasette.invoke_startup()
    results = []
    for label, path in CASES:
        response = await datasette.client.get(path)  # warm-up (page cache, schema)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            response = await datasette.client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        note = ""
        if response.status_code != 200:
            note = f"error: {response.json().get('error', '')[:60]}" if "json" in path else "error"
        elif path.startswith("/archive/articles.json"):
            data = response.json()
            timed_out = data.get("facets_timed_out") or []
            sample = next((f["sample"] for f in data.get("facet_results", {}).values() if f.get("sample")), None)
            count = data["filtered_table_rows_count"]
            note = (f"{count:,} rows" if count is not None else "rows not counted") \
                + (f"; facets over the {sample:,} most recently archived" if sample else "") \
                + (f"; facets timed out: {timed_out}" if timed_out else "")
        traced = await datasette.client.get(path + ("&" if "?" in path else "?") + "_trace=1")
        slowest, sql = slowest_query(traced)
        results.append((label, response.status_code, statistics.median(timings), max(timings), slowest, note or sql))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="Keep the synthetic archive here (default: a temporary folder).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db or Path(tmp) / "synthetic.db"
        if not db_path.exists():
            seconds = build(db_path, args.articles)
            print(f"built {args.articles:,} articles in {seconds:.0f} s: {db_path.stat().st_size / 2**20:.0f} MiB")
        settings = json.loads(SETTINGS.read_text("utf-8"))
        print(f"Datasette limits: sql_time_limit_ms={settings['sql_time_limit_ms']}, "
              f"facet_time_limit_ms={settings['facet_time_limit_ms']}; {args.runs} runs after a warm-up\n")
        print(f"{'request':<46} {'status':>6} {'median ms':>9} {'max ms':>7} {'slowest SQL ms':>14}  notes")
        datasette = build_datasette(db_path, settings={"trace_debug": True})
        load = os.getloadavg()[0]
        for label, status, median, worst, slowest, note in asyncio.run(measure(datasette, args.runs)):
            print(f"{label:<46} {status:>6} {median:>9.0f} {worst:>7.0f} {slowest:>14.0f}  {note}")
        # The figures mean little on a busy machine: say how busy it was.
        print(f"\nload average (1 min) before and after: {load:.2f}, {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
