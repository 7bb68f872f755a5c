"""One writer at a time per archive (a crawl, ``write``, ``reextract``, ``annotate``, ``sources
--remove``): an exclusive ``flock`` on ``<archive>.lock``, which names the command holding it.

The kernel drops the lock when its process ends, however it ends, so a killed crawl never
leaves the archive locked. Within one process the lock is shared (each source's components
take it), hence the count.
"""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path

_HELD: dict[Path, list] = {}  # lock path -> [file, count]


class ArchiveBusy(RuntimeError):
    """Another process is writing this archive; the message says which and since when."""


def lock_path(db_path: str | Path) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".lock")


def acquire(db_path: str | Path, command: str = "crawl") -> None:
    path = lock_path(db_path).resolve()
    if path in _HELD:
        _HELD[path][1] += 1
        return
    handle = path.open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        held_by, _, holder = handle.read().strip().rpartition(": ")
        handle.close()
        raise ArchiveBusy(f"{db_path} is locked by a {held_by or 'crawl'} already running ({holder or 'another process'})") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"{command}: pid {os.getpid()}, since {datetime.now(UTC).isoformat(timespec='seconds')}")
    handle.flush()
    _HELD[path] = [handle, 1]


def release(db_path: str | Path) -> None:
    path = lock_path(db_path).resolve()
    held = _HELD.get(path)
    if held is None:
        return
    held[1] -= 1
    if held[1] == 0:
        handle = _HELD.pop(path)[0]
        handle.truncate(0)
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def holder(db_path: str | Path) -> int | None:
    """The pid of this process if it holds the archive's lock, else None."""
    return os.getpid() if lock_path(db_path).resolve() in _HELD else None
