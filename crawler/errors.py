"""The exit codes the commands end with (README: "Exit codes"), said once for the CLI and ``schedule``."""

from __future__ import annotations

EXIT_FAILED = 1  # a source failed, a page was no article, an export stopped part way
EXIT_USAGE = 2  # refused before anything is written: bad input, a bad setting, an archive that cannot be written
EXIT_BUSY = 75  # sysexits' EX_TEMPFAIL: another writer holds the archive
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a process Ctrl-C ended
