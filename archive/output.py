"""Writing a file the user named (``-o PATH``) the way that path asks to be written.

A regular file or a new path is replaced atomically: written beside the target and renamed into
place when complete, so a failed write leaves no half file and the old one whole. Everything
else is written directly and never renamed over: standard output (``-``), FIFOs, devices,
``/dev/fd/N`` (process substitution). A symlink writes through to its target and stays a link.
What cannot be written (a read-only file, a missing or read-only folder) is refused before a
byte is written.
"""

from __future__ import annotations

import io
import os
import secrets
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Paths that name an open descriptor: the file behind them is written, never replaced.
DESCRIPTORS = ("/dev/fd/", "/dev/stdout", "/dev/stderr", "/proc/")


class OutputRefused(ValueError):
    """The target cannot be written as asked; the message names it. Nothing was written."""


def writable(path: Path) -> bool:
    """This user may write ``path`` and its mode says anyone may: root passes every access check,
    yet a 0o444 file is meant to be left alone."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def replaced_atomically(path: Path) -> bool:
    """A regular file or a new path (after following symlinks), not a descriptor's name."""
    if str(path.absolute()).startswith(DESCRIPTORS):
        return False
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        return True


@contextmanager
def open_output(path: Path | str, *, text: bool = True) -> Iterator[io.IOBase]:
    """The stream to write ``path`` with ("-": standard output), UTF-8 text unless ``text`` is false.

    Raises OutputRefused before writing when the target cannot be written; a write that fails
    (a full disk, a closed pipe) raises its OSError and leaves a replaced file as it was.
    """
    if str(path) == "-":
        with _stdout(text) as stream:
            yield stream
        return
    path = Path(path)
    if path.is_dir():
        raise OutputRefused(f"{path}: a directory, not a file")
    if replaced_atomically(path):
        with _replacing(Path(os.path.realpath(path)), path, text) as stream:
            yield stream
        return
    try:
        raw = open(path, "wb")
    except OSError as exc:
        raise OutputRefused(f"{path}: {exc.strerror}") from None
    stream = _wrap(raw, text)
    try:
        yield stream
        stream.flush()
    finally:
        _close(stream)


def _wrap(raw, text: bool):
    return io.TextIOWrapper(raw, encoding="utf-8", newline="") if text else raw


def _close(stream) -> None:
    """Close even when the last flush fails: its error has been raised already, or will be by the caller."""
    try:
        stream.close()
    except OSError:
        pass


@contextmanager
def _stdout(text: bool) -> Iterator[io.IOBase]:
    stream = _wrap(sys.stdout.buffer, text) if text else sys.stdout.buffer
    sys.stdout.flush()
    try:
        yield stream
        stream.flush()
    except BrokenPipeError:
        # The reader is gone: point stdout at /dev/null so that Python's own flush at exit
        # does not report the same closed pipe again (the Python docs' note on SIGPIPE).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise
    finally:
        if text:
            stream.detach()


@contextmanager
def _replacing(target: Path, named: Path, text: bool) -> Iterator[io.IOBase]:
    """Write a temporary file in the target's folder, then rename it over the target."""
    folder = target.parent
    if not folder.is_dir():
        raise OutputRefused(f"{named}: no such directory: {folder}")
    if target.exists() and not writable(target):
        raise OutputRefused(f"{named}: read-only file, not overwritten")
    if not writable(folder):
        raise OutputRefused(f"{named}: cannot write in {folder} (the file is written beside its target, then renamed)")
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else None
    partial = folder / f".{target.name}.{secrets.token_hex(4)}.partial"
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as for any new file
    stream = _wrap(os.fdopen(fd, "wb"), text)
    try:
        yield stream
        stream.flush()
        os.fsync(fd)
        stream.close()
        if mode is not None:
            os.chmod(partial, mode)
        os.replace(partial, target)
    finally:
        _close(stream)
        partial.unlink(missing_ok=True)
