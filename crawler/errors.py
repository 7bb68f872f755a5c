"""The exit codes the commands end with (README: "Exit codes"), said once for the CLI and
``schedule``, and the click exceptions that end a command with each: click prints their one line
and exits with their code."""

from __future__ import annotations

import importlib

import click

EXIT_FAILED = 1  # a source failed, a page was no article, an export stopped part way
EXIT_USAGE = 2  # refused before anything is written: bad input, a bad setting, an archive that cannot be written
EXIT_BUSY = 75  # sysexits' EX_TEMPFAIL: another writer holds the archive
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a process Ctrl-C ended


class Refused(click.ClickException):
    """Bad input or a setting refused before anything is written: one ``Error:`` line, exit 2."""

    exit_code = EXIT_USAGE


class Failed(click.ClickException):
    """The command ran and did not do what was asked (an unknown source to remove, say): exit 1."""

    exit_code = EXIT_FAILED


class Busy(click.ClickException):
    """Another writer holds the archive, or the Redis queue: exit 75, try again later."""

    exit_code = EXIT_BUSY


class Interrupted(click.ClickException):
    """Ctrl-C or SIGTERM stopped the command: its line as it is (no ``Error:``), exit 130."""

    exit_code = EXIT_INTERRUPTED

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


EXTRAS = {  # an optional feature's extra (pyproject.toml) -> the modules it installs
    "redis": ("redis", "scrapy_redis"),
    "parquet": ("pyarrow",),
    "warc": ("warcio",),
}


def require_extra(extra: str, what: str) -> None:
    """Refuse ``what`` in one line (exit 2) when the extra it needs is not installed."""
    for module in EXTRAS[extra]:
        try:
            importlib.import_module(module)
        except ImportError:
            raise Refused(f"{what} needs the [{extra}] extra: pip install 'newsarchive[{extra}]' (make setup installs it)") from None
