"""Extraction time against page size: ours beside plain trafilatura, on 1, 4 and 16 MB pages.

``python benchmarks/extract_size.py [MB ...]`` (``make bench-extract``) builds one article page of
each size (our own text: paragraphs with subheadings, lists, data tables inside layout tables,
share bars and related lists, the structures that made extraction superlinear before) and prints
the seconds each extractor takes and the seconds per MB. Linear extraction keeps s/MB flat.
16 MB is the crawl's page size limit (``DOWNLOAD_MAXSIZE``).
"""

from __future__ import annotations

import sys
import time

import trafilatura

from crawler.extract import extract_article

PARAGRAPH = (
    "<p>Chi bộ thôn Tân Lập tổ chức sinh hoạt chuyên đề về học tập và làm theo tư tưởng, đạo đức, phong cách "
    "Hồ Chí Minh, với sự tham gia của đông đủ đảng viên và đại diện các đoàn thể trong thôn.</p>\n"
)
SECTION = (
    "<h3>Phần {n}: nhiệm vụ trọng tâm của chi bộ</h3>\n" + PARAGRAPH
    + "<ul><li>Rà soát, bổ sung quy hoạch cán bộ thôn số {n}</li><li>Kết nạp đảng viên mới trong đoàn viên thanh niên</li></ul>\n"
    + PARAGRAPH
    + "<table class='data'>" + "".join(f"<tr><td>Chi bộ {r}</td><td>{r * 3} đảng viên</td><td>{r}/12/2024</td></tr>" for r in range(8)) + "</table>\n"
    + '<div class="share"><a>Facebook</a> <a>Zalo</a> <a>In bài</a></div>\n'
)
HEAD = (
    '<html><head><title>Đại hội chi bộ điểm nhiệm kỳ 2025-2027 - Báo Tân Lập</title></head><body>'
    '<table width="100%"><tr><td class="banner">Báo Tân Lập</td></tr><tr><td><div class="detail">'
    '<h1 class="title">Đại hội chi bộ điểm nhiệm kỳ 2025-2027 ở thôn Tân Lập</h1><div class="date">12/03/2024 08:30</div>'
    '<div class="content">'
)
TAIL = '</div></div></td></tr></table><div class="related"><h3>Tin cùng chuyên mục</h3><ul>{items}</ul></div></body></html>'


def page(megabytes: float) -> bytes:
    """An article page of about ``megabytes`` MB."""
    target = int(megabytes * 2**20)
    items = "".join(f'<li><a href="/tin-{i}.html">Đảng bộ xã tổ chức hội nghị sơ kết số {i}</a> 12/03/2024</li>' for i in range(200))
    sections, size, n = [], len(HEAD.encode()) + len(TAIL.encode()) + len(items.encode()), 0
    while size < target:
        section = SECTION.format(n=n)
        sections.append(section)
        size += len(section.encode())
        n += 1
    return (HEAD + "".join(sections) + TAIL.format(items=items)).encode()


def seconds(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main(sizes: list[float]) -> None:
    url = "https://baotanlap.vn/dai-hoi-chi-bo-diem-123456.html"
    extract_article(page(0.05), url)  # warm-up: imports, dateparser's data
    print(f"{'page':>8} {'ours s':>9} {'s/MB':>7} {'trafilatura s':>14} {'s/MB':>7}")
    for size in sizes:
        html = page(size)
        mb = len(html) / 2**20
        ours = seconds(lambda: extract_article(html, url))
        plain = seconds(lambda: trafilatura.extract(html, url=url, include_comments=False, with_metadata=True))
        print(f"{mb:>6.1f}MB {ours:>9.2f} {ours / mb:>7.2f} {plain:>14.2f} {plain / mb:>7.2f}", flush=True)


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [1, 4, 16])
