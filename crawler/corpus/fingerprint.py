"""What finding an article's copies reads of its text: the exact-copy hash, the word shingles and their
32-bit hashes that the MinHash in ``crawler.corpus.duplicates`` takes. Plain Python, no numpy: the
crawl's extraction workers compute them beside each article (``crawler.corpus.derive``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

SHINGLE_WORDS = 3
WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text).lower())


def text_hash(text: str) -> str:
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()


def shingles(text: str) -> set[str]:
    tokens = words(text)
    return {" ".join(run) for run in zip(*(tokens[i:] for i in range(SHINGLE_WORDS)))}


def shingle_hashes(shingle_set: set[str]) -> bytes:
    """Each shingle's hash for the MinHash, 4 bytes apiece: the first of its SHA-1's 32-bit words."""
    return b"".join(hashlib.sha1(s.encode("utf-8")).digest()[:4] for s in shingle_set)
