"""Extraction in worker processes, so a crawl uses more than the reactor's one core.

Extraction is pure CPU on one page at a time, the rest of a crawl (fetching, parsing links,
storing) runs in the Twisted reactor's thread: with the two running side by side a crawl is
bound by the slower of them, not their sum. A worker per core, not per core beyond the
reactor's: the reactor waits on the network and on SQLite part of the time, and the second
worker fills those gaps (on two cores, a sixth more articles a second than one worker). One
pool per process, shared by every source's crawler, started on first use with the ``spawn``
method (forking a process that runs a reactor and threads is unsafe) and warmed up in each
worker. In a worker a page gets ``NEWSARCHIVE_EXTRACT_TIMEOUT`` seconds (a timer signal, which a
worker's main thread can take and the reactor's thread could not): a pathological page fails with
its reason and the worker goes on to the next, so one page never stalls a crawl.

Workers ignore SIGINT and SIGTERM: Ctrl-C at a terminal and systemd's stop reach the whole process
group, and a worker that died of them would lose the pages it was given and break the pool. The
crawl process decides how to stop (``crawler.crawl.runner``); its workers leave with it.
"""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from types import ModuleType

from crawler.extract import Article, ExtractionError, article_from_tree, extract_article, parse_html
from crawler.extract.verdict import MIN_BODY_CHARS, PageFacts, not_an_article

_POOL: ProcessPoolExecutor | None = None
_IN_WORKER = False


class ExtractionTimeout(ExtractionError):
    """A page took longer to extract than the crawl allows."""


def _out_of_time(signum, frame):
    raise ExtractionTimeout("extraction took too long")


def default_workers() -> int:
    """One worker per core; none on a single core, where extraction in the reactor's thread costs least."""
    cores = os.cpu_count() or 1
    return cores if cores > 1 else 0


STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _spawning():
    """While a worker may be spawned: SIGINT and SIGTERM held back (the child inherits the mask, so a
    stop that comes while it starts waits until it ignores them in ``_start_worker``, and the parent
    gets the signal as soon as the mask is lifted), and a bare ``__main__``, which the child then
    has no script or module to import for."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    main = sys.modules["__main__"]
    sys.modules["__main__"] = ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


# A short article: warming up on it loads what articles need. A page with too little text would send
# trafilatura to its fallbacks, and load justext's stoplists of every language (some 30 MB in each
# worker with the rest of them) that an article never uses.
_SENTENCE = "Chi bộ tổ chức sinh hoạt chuyên đề về công tác xây dựng Đảng, kết nạp đảng viên mới và nâng cao chất lượng sinh hoạt. "
WARM_UP = (
    "<html><head><title>Khởi động</title></head><body><h1>Chi bộ sinh hoạt chuyên đề về công tác xây dựng Đảng</h1>"
    f"<div class='date'>08:30 | 01/01/2024</div>{f'<p>{_SENTENCE * 3}</p>' * 3}</body></html>"
)


def _start_worker(parent: int) -> None:
    """Ignore stop signals, warm the extractor up, and leave when the crawl process is gone.

    A crawl that is killed (SIGKILL, the OOM killer) cannot stop its workers, and they would wait
    on their queue for ever: each watches its parent and exits once it has been orphaned.
    """
    def watch_parent() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    global _IN_WORKER
    _IN_WORKER = True
    threading.Thread(target=watch_parent, name="watch-parent", daemon=True).start()
    extract_article(WARM_UP, "http://localhost/a-1.html")


def pool(workers: int) -> ProcessPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker, initargs=(os.getpid(),)
        )
        atexit.register(_POOL.shutdown, cancel_futures=True)
    return _POOL


def timed_extract(
    page: str, url: str, hints, judge: bool = False, min_body_chars: int = MIN_BODY_CHARS, *, limit: float = 0,
    derive: Callable[[str | None, str], dict] | None = None, **kwargs,
) -> tuple[Article, str | None, dict | None, float]:
    """``extract_article``, with ``judge`` why the page is no article (``not_an_article``, None when it
    is one), what ``derive`` makes of an article's title and text (None when not given or no article),
    and the CPU seconds it all took in the process that ran it; in a worker, at most ``limit`` seconds
    (0: no limit)."""
    timed = _IN_WORKER and limit > 0
    if timed:
        signal.signal(signal.SIGALRM, _out_of_time)
        signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.thread_time()
    try:
        tree = parse_html(page)  # once: the verdict's facts are read before extraction prunes it
        facts = PageFacts.read(tree) if judge else None
        article = article_from_tree(tree, url, hints, **kwargs)
        verdict = not_an_article(article, facts, min_body_chars) if judge else None
        derived = derive(article.title, article.text) if derive and verdict is None and article.text else None
    except ExtractionTimeout:
        raise ExtractionTimeout(f"extraction took over {limit:g} s (NEWSARCHIVE_EXTRACT_TIMEOUT)") from None
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return article, verdict, derived, time.thread_time() - started


async def extract(workers: int, page: str, url: str, hints, **kwargs) -> tuple[Article, str | None, dict | None, float]:
    """``timed_extract`` in the pool when there is one, else here; the same result and errors either way."""
    if workers <= 0:
        return timed_extract(page, url, hints, **kwargs)
    loop = asyncio.get_running_loop()
    with _spawning():  # a submission may spawn a worker
        future = loop.run_in_executor(pool(workers), partial(timed_extract, page, url, hints, **kwargs))
    return await future
