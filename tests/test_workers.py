"""Extraction in a worker process gives what extraction in the crawl's own process gives."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest

from conftest import SITES, wait_for
from crawler.crawl.backlog import Backlog
from crawler.extract import ExtractionError
from crawler.extract.text import decode_page
from crawler.sources.registry import ExtractHints
from crawler.crawl.workers import ExtractionTimeout, extract

PAGE = (SITES / "haugiang" / "www" / "xay-dung-dang" / "thanh-pho-nga-bay-tong-ket-dieu-le-dang-va-cong-tac-xay-dung-dang-131234.html").read_text("utf-8")
URL = "https://baohaugiang.com.vn/xay-dung-dang/thanh-pho-nga-bay-131234.html"


def test_worker_and_inline_agree():
    async def both():
        return (await extract(0, PAGE, URL, ExtractHints(), judge=True),
                await extract(1, PAGE, URL, ExtractHints(), judge=True))

    (inline, verdict_inline, _, cpu_inline), (pooled, verdict_pooled, _, cpu_pooled) = asyncio.run(both())
    assert inline == pooled
    assert verdict_inline is verdict_pooled is None  # an article, in either process
    assert cpu_inline > 0 and cpu_pooled > 0


def test_worker_errors_come_back_as_they_are():
    with pytest.raises(ExtractionError, match="not an HTML page"):
        asyncio.run(extract(1, "\x00" * 10, URL, ExtractHints()))


def test_a_page_over_the_time_limit_fails_with_its_reason_and_the_worker_goes_on():
    """A page too slow to extract (here: a 1 ms limit on a real page) is an error, not a stall."""
    with pytest.raises(ExtractionTimeout, match=r"extraction took over 0.001 s"):
        asyncio.run(extract(1, PAGE * 20, URL, ExtractHints(), limit=0.001))
    article, _, _, _ = asyncio.run(extract(1, PAGE, URL, ExtractHints(), limit=60))
    assert article.title


@pytest.mark.parametrize(
    ("body", "declared", "text"),
    [
        ("Đảng viên".encode(), "iso-8859-1", "Đảng viên"),  # UTF-8 sent as Latin-1
        ("Đảng viên".encode(), "utf-8", "Đảng viên"),
        (b"plain ascii", "cp1252", "plain ascii"),
        ("Đa\u0301ng".encode("cp1258"), "cp1258", "Đa\u0301ng"),  # not valid UTF-8: the declaration holds
    ],
)
def test_pages_are_decoded_by_their_bytes_when_the_declaration_lies(body, declared, text):
    assert decode_page(body, declared) == text


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_workers_leave_when_the_crawl_process_is_killed():
    script = (
        "import asyncio, multiprocessing, time\n"
        "from crawler.sources.registry import ExtractHints\n"
        "from crawler.crawl.workers import extract\n"
        f"asyncio.run(extract(1, {PAGE[:2000]!r}, {URL!r}, ExtractHints()))\n"
        "print(*(p.pid for p in multiprocessing.active_children()), flush=True)\n"
        "time.sleep(60)\n"
    )
    crawl = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    workers = [int(pid) for pid in crawl.stdout.readline().split()]
    assert workers and all(map(alive, workers))
    crawl.kill()
    crawl.wait()
    wait_for(lambda: not any(map(alive, workers)), timeout=10)


def test_workers_do_not_import_the_script_that_started_the_crawl(tmp_path):
    """A worker imports the extraction, not the parent's ``__main__`` (the CLI script, with what it loads)."""
    imports = tmp_path / "imports.txt"
    script = tmp_path / "crawl_script.py"
    script.write_text(
        "import asyncio\n"
        f"with open({str(imports)!r}, 'a') as f: f.write(__name__ + '\\n')\n"
        "from crawler.sources.registry import ExtractHints\n"
        "from crawler.crawl.workers import extract\n"
        "if __name__ == '__main__':\n"
        f"    article, _, _, _ = asyncio.run(extract(2, {PAGE[:3000]!r}, {URL!r}, ExtractHints()))\n"
        "    assert article.title\n"
    )
    subprocess.run([sys.executable, str(script)], check=True, timeout=120)
    assert imports.read_text().split() == ["__main__"]


def test_the_backlog_lets_a_request_go_only_while_there_is_room():
    async def scenario():
        backlog = Backlog()
        backlog.limit = 2
        assert not await backlog.start_download()
        backlog.start_extraction()  # one downloading, one extracting: full
        third = asyncio.ensure_future(backlog.start_download())
        fourth = asyncio.ensure_future(backlog.start_download())
        await asyncio.sleep(0)
        assert not third.done() and not fourth.done()
        fourth.cancel()  # a request given up while it waits takes no room
        backlog.end_extraction()
        assert await third  # it waited, then went
        await asyncio.sleep(0)
        assert fourth.cancelled()
        assert (backlog.downloading, backlog.extracting) == (2, 0)
        backlog.end_download()
        backlog.end_download()
        backlog.limit = 0  # no bound
        for _ in range(10):
            await backlog.start_download()
        return backlog.downloading

    assert asyncio.run(scenario()) == 10
