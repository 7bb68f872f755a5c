"""The exit codes the commands end with (README: "Exit codes"), said once for the CLI and
``schedule``, and the click exceptions that end a command with each: click prints their one line
and exits with their code."""

from __future__ import annotations

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
