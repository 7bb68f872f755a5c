"""The one text form the archive stores and searches by.

Portals mix NFC and decomposed tone marks, type the Icelandic "Ð" (U+00D0) for "Đ" (U+0110),
and sprinkle non-breaking and zero-width spaces; the archive stores one form so that search,
hashing and comparison behave. Extraction writes text in this form and search folds queries the
same way, so it lives here, below both: the archive needs nothing of the crawler for it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
COMBINING = re.compile("[\u0300-\u036f]")
SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# "Ð"/"ð" read as "Đ"/"đ": Icelandic text never reaches this archive.


def normalize(text: str) -> str:
    """NFC, "Ð"→"Đ", zero-width characters dropped, runs of spaces collapsed (newlines kept)."""
    text = ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text)).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    lines = (SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(lines)


def one_line(text: str) -> str:
    """``normalize`` and fold all white space, newlines included, into single spaces.

    The same as ``" ".join(normalize(text).split())`` without ``normalize``'s work on each line:
    every space it collapses and every line break it keeps is white space to ``str.split``.
    """
    text = ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text)).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lower-case ASCII form for matching: no tone marks, "đ"→"d" (which NFD does not strip)."""
    return _fold_short(text) if len(text) <= SHORT_TEXT else _fold(text)


def _fold(text: str) -> str:
    return COMBINING.sub("", unicodedata.normalize("NFD", one_line(text).lower().replace("đ", "d")))


# Short texts (menu items, headings, box openings) come back on every page of a portal: their folded
# forms are kept, a few MB at most.
SHORT_TEXT = 300
_fold_short = lru_cache(maxsize=16384)(_fold)
