"""Unicode clean-up for Vietnamese page text.

Portals mix NFC and decomposed tone marks, type the Icelandic "Ð" (U+00D0) for "Đ" (U+0110),
and sprinkle non-breaking and zero-width spaces; the archive stores one form so that search,
hashing and comparison behave.
"""

from __future__ import annotations

import re
import unicodedata

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# "Ð"/"ð" inside or at the start of a Vietnamese word; Icelandic text never reaches this archive.
ETH = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def normalize(text: str) -> str:
    """NFC, "Ð"→"Đ", zero-width characters dropped, runs of spaces collapsed (newlines kept)."""
    text = unicodedata.normalize("NFC", text).translate(ZERO_WIDTH).translate(ETH)
    lines = (SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(lines)


def one_line(text: str) -> str:
    """``normalize`` and fold all white space, newlines included, into single spaces."""
    return " ".join(normalize(text).split())


def fold(text: str) -> str:
    """Lower-case ASCII form for matching: no tone marks, "đ"→"d" (which NFD does not strip)."""
    decomposed = unicodedata.normalize("NFD", one_line(text).lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
