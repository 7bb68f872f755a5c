"""The corpus for downstream tools: articles as JSON Lines, CSV or Parquet, streamed.

Rows come off one SQLite cursor in ``id`` order and go out one at a time (Parquet: in batches of
``BATCH_ROWS``), so an export holds one batch at most whatever the archive's size. The record
schema is versioned (``SCHEMA_VERSION``, a field of every record and Parquet file metadata) and
documented field by field in ``FIELDS`` and the README; a version changes whenever a field is
renamed, removed or changes meaning, never when one is added at the end.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice
from pathlib import Path

import sqlite_utils

from archive.provinces import lookup

from archive.output import open_output

SCHEMA_VERSION = 1
BATCH_ROWS = 2000
FORMATS = ("jsonl", "csv", "parquet")

# name, Arrow type name, SQL expression, meaning
FIELDS: list[tuple[str, str, str, str]] = [
    ("schema_version", "int16", str(SCHEMA_VERSION), "version of this record schema"),
    ("id", "int64", "a.id", "row id in the archive the export came from"),
    ("url", "string", "a.url", "canonical URL of the article: its stable key"),
    ("source", "string", "a.source", "registry key of the source"),
    ("source_name", "string", "s.name", "name of the source"),
    ("province", "string", "a.province", "province of the source as named when it published"),
    ("province_2025", "string", "a.province_2025", "province since the 1 July 2025 merger (34 provinces)"),
    ("title", "string", "a.title", "headline"),
    ("text", "string", "a.text", "article text, NFC, one paragraph per line"),
    ("published", "string", "a.published", "ISO 8601 in Vietnam time (+07:00), or a date when the page shows no time; null if unknown"),
    ("date_source", "string", "a.date_source", "where the date was read: hint, date-line, metadata, json-ld, listing, url, text or htmldate"),
    ("author", "string", "a.author", "every person the byline names, in printed order, joined by ', '"),
    ("author_source", "string", "a.author_source", "where the author was read: byline-end, byline-after, byline-top, date-line, markup or json-ld"),
    ("source_attribution", "string", "a.source_attribution", "outlet the page says the story was taken from"),
    ("word_count", "int32", "a.word_count", "words in text"),
    ("topic", "string", "a.topic", "'party-building' when topic_score reaches the threshold, else null"),
    ("topic_score", "float64", "a.topic_score", "party-building relevance score"),
    ("duplicate_of", "string", "d.url", "URL of the earliest copy when this article is a copy, else null"),
    ("fetched_at", "string", "a.fetched_at", "last fetch, UTC ISO 8601"),
    ("first_seen", "string", "a.first_seen", "first fetch, UTC ISO 8601"),
]


class ExportError(ValueError):
    """A filter or output that cannot be used; the message names it."""


@dataclass
class Filters:
    since: date | None = None
    until: date | None = None
    sources: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    topic: str | None = None
    include_duplicates: bool = False
    # filled by ``resolve``: every stored spelling of each requested province, and its name since 2025
    _province_names: list[tuple[list[str], str]] = field(default_factory=list, init=False, repr=False)

    def resolve(self, db: sqlite_utils.Database) -> None:
        """Check sources and provinces against the archive and the mapping; raise ExportError naming a bad one."""
        if self.since and self.until and self.since > self.until:
            raise ExportError(f"--since {self.since} is after --until {self.until}")
        known = {r[0] for r in db.execute("select key from sources")}
        for key in self.sources:
            if key not in known:
                raise ExportError(f"unknown source: {key} (not in this archive)")
        stored = [r[0] for r in db.execute("select distinct province from articles where province is not null")]
        self._province_names = []
        for name in self.provinces:
            province = lookup(name)
            if province is None:
                raise ExportError(f"unknown province: {name}")
            spellings = [s for s in stored if (p := lookup(s)) and p.name == province.name]
            self._province_names.append((spellings or [province.name], province.name))

    def where(self) -> tuple[str, list]:
        clauses, params = [], []
        if self.since:
            clauses.append("a.published >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append("a.published < ?")
            params.append((self.until + timedelta(days=1)).isoformat())
        if self.sources:
            clauses.append(f"a.source in ({','.join('?' * len(self.sources))})")
            params += self.sources
        if self._province_names:
            alternatives = []
            for spellings, name in self._province_names:
                alternatives.append(f"a.province in ({','.join('?' * len(spellings))}) or a.province_2025 = ?")
                params += [*spellings, name]
            clauses.append("(" + " or ".join(f"({a})" for a in alternatives) + ")")
        if self.topic:
            clauses.append("a.topic = ?")
            params.append(self.topic)
        if not self.include_duplicates:
            clauses.append("a.duplicate_of is null")
        return (" where " + " and ".join(clauses) if clauses else ""), params


def query(filters: Filters) -> tuple[str, list]:
    where, params = filters.where()
    columns = ", ".join(f"{expression} as {name}" for name, _, expression, _ in FIELDS)
    sql = (
        f"select {columns} from articles a left join sources s on s.key = a.source "
        f"left join articles d on d.id = a.duplicate_of{where} order by a.id"
    )
    return sql, params


def records(db: sqlite_utils.Database, filters: Filters) -> Iterator[dict]:
    """The filtered articles, one dict at a time, strings in NFC."""
    sql, params = query(filters)
    names = [name for name, *_ in FIELDS]
    for row in db.execute(sql, params):
        yield {k: unicodedata.normalize("NFC", v) if isinstance(v, str) else v for k, v in zip(names, row)}


def batches(rows: Iterator[dict]) -> Iterator[list[dict]]:
    while batch := list(islice(rows, BATCH_ROWS)):
        yield batch


class Tally:
    """The rows, counting each once the writer asks for the next: the rows handed to the output so far."""

    def __init__(self, rows: Iterator[dict]):
        self.rows, self.count = rows, 0

    def __iter__(self) -> Iterator[dict]:
        for row in self.rows:
            yield row
            self.count += 1


def write_jsonl(rows: Tally, stream) -> None:
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(rows: Tally, stream) -> None:
    writer = csv.DictWriter(stream, fieldnames=[name for name, *_ in FIELDS])
    writer.writeheader()
    for row in rows:
        writer.writerow(row)


def arrow_schema():
    import pyarrow as pa

    return pa.schema(
        [pa.field(name, getattr(pa, kind)(), metadata={"description": meaning}) for name, kind, _, meaning in FIELDS],
        metadata={"newsarchive.schema_version": str(SCHEMA_VERSION)},
    )


def write_parquet(rows: Tally, stream) -> None:
    """Parquet ends with a footer that points back into the file, so it is written to a seekable
    file: the target's own temporary file, else a spool copied into the target at the end."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not stream.seekable():
        with tempfile.TemporaryFile() as spool:
            write_parquet(rows, spool)
            spool.seek(0)
            shutil.copyfileobj(spool, stream)
        return
    schema = arrow_schema()
    with pq.ParquetWriter(stream, schema, compression="zstd") as writer:
        for batch in batches(iter(rows)):
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))


def export(db: sqlite_utils.Database, fmt: str, output: Path, filters: Filters) -> int:
    """Write the filtered articles to ``output`` (see ``archive.output`` for how each kind of
    target is written; "-": standard output); return how many.

    Raises OutputRefused before writing anything to a target that cannot be written, and
    ExportStopped when the reader of a pipe closed it before the end.
    """
    filters.resolve(db)
    if fmt == "parquet" and str(output) == "-":
        raise ExportError("parquet cannot go to standard output: give -o FILE")
    rows = Tally(records(db, filters))
    try:
        with open_output(output, text=fmt != "parquet") as stream:
            {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet}[fmt](rows, stream)
    except BrokenPipeError:
        raise ExportStopped(rows.count) from None
    return rows.count


class ExportStopped(Exception):
    """The reader of the pipe closed it: ``count`` rows had been written into it."""

    def __init__(self, count: int):
        super().__init__(f"export stopped: the reader closed the pipe after {count} articles (not all were written)")
        self.count = count
