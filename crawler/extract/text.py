"""Vietnamese page text: decoding a page's bytes, and an element's text in the archive's one form.

The form itself (NFC, "Ð" read as "Đ", spaces cleaned, the folded form for matching) is
``archive.textnorm``'s, which search shares; it is re-exported here for the extraction rules.
"""

from __future__ import annotations

from archive.textnorm import fold, normalize, one_line

__all__ = ["decode_page", "element_text", "fold", "normalize", "one_line", "short_text"]


def element_text(element) -> str:
    """An lxml element's whole text, through ``one_line``."""
    return one_line("".join(element.itertext()))


def short_text(element, limit: int) -> str | None:
    """``element_text``, or None when that is longer than ``limit`` characters, told from no more of
    the text than needed (the ``one_line`` of a prefix is a prefix of the whole's)."""
    seen: list[str] = []
    size, check = 0, limit
    for piece in element.itertext():
        seen.append(piece)
        size += len(piece)
        if size > check:  # white space shrinks in one_line: look again at twice the size
            if len(one_line("".join(seen))) > limit:
                return None
            check = 2 * size
    text = one_line("".join(seen))
    return text if len(text) <= limit else None


UTF8_NAMES = {"utf-8", "utf8", "utf_8"}


def decode_page(body: bytes, declared: str) -> str:
    """The page's text. Portals that declare ISO-8859-1 or Windows-1252 often send UTF-8: bytes
    that are valid UTF-8 and not plain ASCII are read as UTF-8 whatever the declaration says."""
    if declared.lower() not in UTF8_NAMES:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if not text.isascii():
                return text
    return body.decode(declared, errors="replace")
