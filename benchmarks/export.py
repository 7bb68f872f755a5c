"""Export benchmark: peak memory and rows/s of ``newsarchive export`` on synthetic archives.

``python benchmarks/export.py [--rows 200000] [--dir DIR]`` (``make bench-export``) builds two
archives of realistic-sized articles (a tenth of ``--rows``, and ``--rows``; kept in ``DIR``
and reused while their row count matches), then runs the installed ``newsarchive export`` in
a subprocess for each format and archive and prints wall time, rows/s and the subprocess's
peak resident memory (``wait4``'s ``ru_maxrss``). Constant memory shows as the same peak for
both archive sizes; the "0 rows" line is the cost of starting the command at all.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.store import Archive  # noqa: E402

CLI = Path(sys.executable).parent / "newsarchive"
PROVINCES = [("Hậu Giang", "Cần Thơ"), ("Nam Định", "Ninh Bình"), ("Lâm Đồng", "Lâm Đồng"), ("Sơn La", "Sơn La"), ("Hà Nội", "Hà Nội")]
VOCABULARY = (
    "đảng viên chi bộ đảng bộ cấp ủy nghị quyết kết nạp kiểm tra giám sát sinh hoạt cán bộ nhân dân huyện xã thôn "
    "phát triển kinh tế xã hội hội nghị tổ chức thực hiện năm nhiệm kỳ đại hội chỉ tiêu lãnh đạo chỉ đạo công tác "
    "xây dựng chính quyền phong trào thi đua nông thôn mới doanh nghiệp người lao động đồng chí bí thư ban thường vụ"
).split()


def synthetic_rows(count: int, seed: int = 7):
    """Articles of 250-450 words (the size of the portals' news items), one in twenty a copy."""
    rng = random.Random(seed)
    for n in range(1, count + 1):
        source = n % len(PROVINCES)
        province, province_2025 = PROVINCES[source]
        paragraphs = [" ".join(rng.choices(VOCABULARY, k=rng.randint(50, 90))) for _ in range(5)]
        day = f"20{21 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        yield {
            "id": n, "url": f"https://portal{source}.example.vn/tin-tuc/bai-viet-{n}.html", "source": f"portal{source}",
            "province": province, "province_2025": province_2025, "title": " ".join(rng.choices(VOCABULARY, k=12)).capitalize(),
            "text": "\n".join(paragraphs), "published": f"{day}T08:{n % 60:02d}:00+07:00", "date_source": "date-line",
            "author": "PHÓNG VIÊN", "source_attribution": None, "word_count": sum(len(p.split()) for p in paragraphs),
            "fetched_at": "2025-06-01T00:00:00+00:00", "first_seen": "2025-06-01T00:00:00+00:00",
            "duplicate_of": n - 1 if n % 20 == 0 else None, "topic": "party-building" if n % 3 else None,
            "topic_score": float(n % 60),
        }


def build(path: Path, count: int) -> None:
    if path.exists():
        archive = Archive(path)
        stored = archive.db["articles"].count
        archive.close()
        if stored == count:
            return
        path.unlink()
    started = time.perf_counter()
    archive = Archive(path)
    archive.sync_sources({"key": f"portal{i}", "name": f"Cổng thông tin {p}", "province": p} for i, (p, _) in enumerate(PROVINCES))
    with archive.db.conn:
        archive.db["articles"].insert_all(synthetic_rows(count), batch_size=2000)
    archive.close()
    print(f"built {path.name}: {count} rows, {path.stat().st_size / 2**20:.0f} MiB in {time.perf_counter() - started:.0f}s", flush=True)


def measure(db: Path, fmt: str, out: Path, *filters: str) -> tuple[int, float, float]:
    """Rows written, seconds, and peak RSS in MiB of one export subprocess."""
    started = time.perf_counter()
    process = subprocess.Popen([str(CLI), "export", "--db", str(db), "-o", str(out), "--format", fmt, *filters],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    message = process.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"export failed: {message}")
    return int(message.split()[0]), seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks" / "data")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    small, large = args.dir / "export-small.db", args.dir / "export-large.db"
    build(small, args.rows // 10)
    build(large, args.rows)
    out_dir = args.dir / "out"
    out_dir.mkdir(exist_ok=True)
    print(f"{'archive rows':>12} {'format':>8} {'exported':>9} {'seconds':>8} {'rows/s':>9} {'peak MiB':>9} {'file MiB':>9}")
    for fmt in ("jsonl", "csv", "parquet"):
        runs = [(large, ("--since", "2100-01-01")), (small, ()), (large, ())]
        for db, filters in runs:
            out = out_dir / f"corpus.{fmt}"
            rows, seconds, peak = measure(db, fmt, out, *filters)
            total = args.rows if db == large else args.rows // 10
            print(f"{total:>12} {fmt:>8} {rows:>9} {seconds:>8.1f} {rows / seconds:>9.0f} {peak:>9.1f} "
                  f"{out.stat().st_size / 2**20:>9.1f}", flush=True)
    shutil.rmtree(out_dir)


if __name__ == "__main__":
    main()
