"""Syndication: the same story stored by several portals is linked to its earliest copy.

Provincial papers and party portals republish each other ("Theo Báo Nam Định", "Nguồn: ...");
a corpus that counted each copy as news would weigh a story by how often it was copied.

- Exact copies share ``text_hash``: SHA-1 of the text in NFC, lower case, words only (no
  punctuation, no line breaks), so a copy that only re-wraps or re-punctuates is exact.
- Near copies (a lead rewritten, a closing sentence cut, a byline added) are pairs whose sets
  of ``SHINGLE_WORDS``-word shingles of the NFC text (``crawler.corpus.fingerprint``) have a Jaccard similarity of at least
  ``THRESHOLD``. Candidates come from MinHash LSH (``NUM_PERM`` permutations in ``BANDS`` bands,
  weighted towards recall); each candidate is then confirmed on its exact shingle sets, so LSH
  only decides who is compared.
  The band hashes live in the archive's ``duplicate_buckets`` table: finding a new article's
  copies is a few index look-ups, whatever the archive's size, and every crawl running in the
  process sees every other's articles at once.

Copies form a group; the earliest (by publication time, else first fetch; ties to the row
stored first) has ``duplicate_of`` empty, every other member points to it.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time
from functools import lru_cache

import numpy as np
import sqlite_utils

from crawler.corpus.fingerprint import shingle_hashes, shingles
from crawler.extract.dates import VN_TZ

NUM_PERM = 128
THRESHOLD = 0.6  # Jaccard similarity of the shingle sets
MIN_SHINGLES = 10  # shorter texts are matched only exactly
# Bands x rows, the optimum for THRESHOLD with false positives weighted 0.05 and false negatives
# 0.95: candidates are confirmed exactly, so a missed copy costs more than a needless comparison.
# A pair at the threshold is a candidate 96% of the time, one at 0.3 similarity 18%.
BANDS, ROWS = 24, 4


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine maps h -> a*h + b (mod 2^32, a odd: a bijection) of the MinHash, from a fixed seed."""
    generator = np.random.RandomState(1)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _mix(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer: spreads the input hashes before the affine maps."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def minhash(hashes: bytes) -> np.ndarray:
    """The ``NUM_PERM`` minimum hashes of a shingle set given by its ``shingle_hashes`` (the values
    datasketch 2's default MinHash gives, which earlier archives' bucket keys were made with)."""
    spread = _mix(np.frombuffer(hashes, dtype="<u4").astype(np.uint32)).reshape(-1, 1)
    a, b = _permutations()
    return (spread * a + b).min(axis=0)


def band_keys(hashes: bytes) -> list[int]:
    """One 64-bit key per LSH band of the MinHash of a shingle set given by its ``shingle_hashes``
    (none for a set under ``MIN_SHINGLES``, matched only exactly); two sets sharing a key are candidates."""
    if len(hashes) < 4 * MIN_SHINGLES:
        return []
    signature = minhash(hashes)
    keys = []
    for band in range(BANDS):
        chunk = signature[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "big") + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def buckets(shingle_set: set[str]) -> list[int]:
    """The set's band keys."""
    return band_keys(shingle_hashes(shingle_set))


def _when(row: dict) -> str:
    """Publication time in UTC (a bare date as midnight in Vietnam), else the first fetch."""
    published = row.get("published")
    if published:
        try:
            moment = datetime.fromisoformat(published)
        except ValueError:
            moment = None
        if moment is not None:
            if len(published) == 10:
                moment = datetime.combine(moment.date(), time(), VN_TZ)
            elif moment.tzinfo is None:
                moment = moment.replace(tzinfo=VN_TZ)
            return moment.astimezone(UTC).isoformat()
    return row["first_seen"]


class DuplicateIndex:
    """Links articles of one archive to their copies; call ``link`` whenever an article's text changes."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def _rows(self, ids: set[int]) -> list[dict]:
        marks = ",".join("?" * len(ids))
        sql = f"select id, text, published, first_seen, duplicate_of from articles where id in ({marks})"
        return [dict(r) for r in self.db.query(sql, list(ids))]

    def _detach(self, article_id: int) -> None:
        """Take the article out of its old group; its former copies regroup under their earliest."""
        self.db.execute("update articles set duplicate_of = null where id = ?", [article_id])
        members = {r[0] for r in self.db.execute("select id from articles where duplicate_of = ?", [article_id])}
        if members:
            self._point(self._rows(members))

    def _point(self, rows: list[dict]) -> int:
        earliest = min(rows, key=lambda r: (_when(r), r["id"]))["id"]
        for row in rows:
            target = None if row["id"] == earliest else earliest
            if row["duplicate_of"] != target:
                self.db.execute("update articles set duplicate_of = ? where id = ?", [target, row["id"]])
        return earliest

    def link(self, article_id: int, text: str, digest: str, hashes: bytes | None = None, *, indexed: bool = True) -> int | None:
        """Index the article's text and link its group; return the id of its earliest copy, or None.
        ``hashes``: the text's ``shingle_hashes`` when already known (made in an extraction worker).
        ``indexed``: False for an article never linked before (no ``text_hash`` yet), which has no
        group to leave and no bucket keys to replace: a new article's link skips those statements."""
        if indexed:
            self._detach(article_id)
            self.db.execute("delete from duplicate_buckets where article_id = ?", [article_id])
        keys = band_keys(shingle_hashes(shingles(text)) if hashes is None else hashes)
        # Exact copies (1) and the LSH candidates (0) in one query.
        sql, params = "select id, 1 from articles where text_hash = ? and id != ?", [digest, article_id]
        if keys:
            marks = ",".join("?" * len(keys))
            sql += f" union select article_id, 0 from duplicate_buckets where bucket in ({marks}) and article_id != ?"
            params += [*keys, article_id]
        found = self.db.execute(sql, params).fetchall()
        matches = {found_id for found_id, exact in found if exact}
        candidates = {found_id for found_id, exact in found if not exact} - matches
        if candidates:
            own = shingles(text)
            matches |= {r["id"] for r in self._rows(candidates) if jaccard(own, shingles(r["text"])) >= THRESHOLD}
        if keys:
            self.db.conn.executemany(
                "insert or ignore into duplicate_buckets (bucket, article_id) values (?, ?)",
                [(key, article_id) for key in set(keys)],
            )
        if not matches:
            return None
        heads = {r["duplicate_of"] or r["id"] for r in self._rows(matches)}
        marks = ",".join("?" * len(heads))
        group = heads | {article_id} | {
            r[0] for r in self.db.execute(f"select id from articles where duplicate_of in ({marks})", list(heads))
        }
        earliest = self._point(self._rows(group))
        return None if earliest == article_id else earliest
