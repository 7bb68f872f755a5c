"""The run log: table ``crawls``, one row per source per run, written while the run goes.

A run's row is inserted as it starts (status ``running``, with the process id) and its figures
are rewritten every few seconds, so a process that dies leaves a row behind; the next
read-write open of the archive marks such a row ``killed`` once its process is gone.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

import sqlite_utils

RUNNING, FINISHED, INCOMPLETE, STOPPED, KILLED, FAILED = "running", "finished", "incomplete", "stopped", "killed", "failed"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def seconds_between(start: str, end: str) -> float:
    return round((datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds(), 1)


def start_run(db: sqlite_utils.Database, source: str, mode: str, pid: int | None = None) -> int:
    now = utc_now()
    row = {"source": source, "mode": mode, "status": RUNNING, "started_at": now, "updated_at": now,
           "pid": pid or os.getpid()}
    with db.atomic():
        return db["crawls"].insert(row).last_pk


def update_run(db: sqlite_utils.Database, run_id: int, fields: dict, *, finished: bool = False) -> None:
    """Rewrite a run's figures (and, when it has ``finished``, its status, health and finish time)."""
    now = utc_now()
    started = db["crawls"].get(run_id)["started_at"]
    fields = {**fields, "updated_at": now, "duration": seconds_between(started, now)}
    if finished:
        fields["finished_at"] = now
    with db.atomic():
        db["crawls"].update(run_id, fields)


def pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def reap_runs(db: sqlite_utils.Database, *, lock_holder: int | None = None) -> list[int]:
    """Mark ``running`` rows of dead processes ``killed``; return their ids.

    ``lock_holder`` is the pid of a crawl that holds the archive's lock: then no other process can
    be crawling, and every other ``running`` row is dead whatever its pid (which may be reused).
    """
    rows = list(db.query("select id, pid from crawls where status = ?", [RUNNING]))
    if lock_holder is not None:
        dead = [r["id"] for r in rows if r["pid"] != lock_holder]
    else:
        dead = [r["id"] for r in rows if not pid_alive(r["pid"])]
    if dead:
        with db.atomic():
            db.execute(
                f"update crawls set status = ?, finished_at = updated_at where id in ({', '.join('?' * len(dead))})",
                [KILLED, *dead],
            )
    return dead


def last_run(db: sqlite_utils.Database, source: str) -> dict | None:
    """The source's latest run that is over (``running`` rows are this process's own or not yet reaped)."""
    sql = "select * from crawls where source = ? and status != ? order by started_at desc, id desc limit 1"
    return next(iter(db.query(sql, [source, RUNNING])), None)


def source_health(db: sqlite_utils.Database) -> dict[str, dict]:
    """The ``source_health`` view by source key (empty for an archive older than the view)."""
    if "source_health" not in db.view_names():
        return {}
    return {row["source"]: row for row in db.query("select * from source_health")}
