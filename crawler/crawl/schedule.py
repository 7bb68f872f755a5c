"""``newsarchive schedule``: a crawl every N hours, for as long as it runs.

Each run is ``newsarchive crawl`` in a child process (a Twisted reactor cannot start twice in one
process), in a session of its own so that Ctrl-C or SIGTERM reaches it through here alone: the
running crawl stops cleanly (its row in ``crawls`` says ``stopped``; a second Ctrl-C stops it at
once) and the schedule ends with exit code 130. A run that fails or is refused is logged in one
line with what its exit code means, and the schedule goes on.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta

import click

from crawler.errors import EXIT_BUSY, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE

OUTCOMES = {  # a crawl's exit code -> what a run that ended so is logged as
    EXIT_FAILED: "a source failed (its line above says why)",
    EXIT_USAGE: "refused: a bad setting or an archive that cannot be written",
    EXIT_INTERRUPTED: "interrupted",
}

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
INTERVAL = re.compile(r"(\d+)([smhd])")


def parse_interval(text: str) -> float:
    """'6h', '30m', '1d', '1h30m', '90s' -> seconds."""
    compact = text.strip().lower()
    parts = INTERVAL.findall(compact)
    if not parts or "".join(n + u for n, u in parts) != compact:
        raise ValueError(f"not an interval: {text!r} (say 30m, 6h, 1d or 1h30m)")
    seconds = sum(int(n) * UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise ValueError(f"not an interval: {text!r} (it must be longer than nothing)")
    return float(seconds)


def say(message: str) -> None:
    click.echo(f"{datetime.now():%Y-%m-%d %H:%M:%S} schedule: {message}", err=True)


class Stop(Exception):
    pass


def crawl_forever(crawl_args: list[str], every: float) -> None:
    """Run ``newsarchive CRAWL_ARGS`` now and then every ``every`` seconds (from start to start) until a signal."""
    child: subprocess.Popen | None = None

    def forward(signum, frame):
        if child is not None and child.poll() is None:
            child.send_signal(signal.SIGINT)  # the first stops the crawl cleanly, a second at once

    def stop(signum, frame):
        forward(signum, frame)
        raise Stop

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    run = 0
    try:
        while True:
            run += 1
            started = time.monotonic()
            say(f"run {run}: {' '.join(crawl_args)}")
            child = subprocess.Popen([sys.executable, "-m", "crawler", *crawl_args], start_new_session=True)
            code = child.wait()
            child = None
            if code == EXIT_BUSY:
                say(f"run {run} skipped: another crawl is writing the archive")
            elif code:
                say(f"run {run} ended with exit code {code}: {OUTCOMES.get(code, 'failed')}")
            wait = max(0.0, started + every - time.monotonic())
            say(f"next run at {datetime.now() + timedelta(seconds=wait):%Y-%m-%d %H:%M:%S}")
            time.sleep(wait)
    except Stop:
        if child is not None:
            signal.signal(signal.SIGINT, forward)
            signal.signal(signal.SIGTERM, forward)
            child.wait()
        say("stopped")
        sys.exit(EXIT_INTERRUPTED)
