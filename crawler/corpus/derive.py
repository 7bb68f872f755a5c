"""What the corpus derives from an article's title and text alone: pure CPU, so the crawl's extraction
workers compute it beside the article (``NEWSARCHIVE_DERIVE``) and the reactor's process only stores it.

Light on imports (the topic terms and ``crawler.corpus.fingerprint``, no numpy): every extraction
worker loads this module.
"""

from __future__ import annotations

from crawler.corpus import topic
from crawler.corpus.fingerprint import shingle_hashes, shingles, text_hash


def derive(title: str | None, text: str, *, shingled: bool = True) -> dict:
    """The topic score, the exact-copy hash and (``shingled``) the shingle hashes that
    ``Annotator.annotate`` takes as ``derived`` for this title and text. Unshingled, the hashes are
    left to ``DuplicateIndex.link``, which needs them only when the text changed."""
    return {
        "topic_score": topic.score(title, text),
        "text_hash": text_hash(text),
        "shingle_hashes": shingle_hashes(shingles(text)) if shingled else None,
    }


def derive_unshingled(title: str | None, text: str) -> dict:
    """``derive`` less the shingle hashes, for ``reextract``: most of its texts come out as stored,
    and only a changed text needs them (``DuplicateIndex.link`` makes them then)."""
    return derive(title, text, shingled=False)
