"""Rows a command prints: a table by default, ``--json`` (one object per line) or ``--csv``.

Every command that prints rows takes ``output_options`` and prints through ``print_rows`` with its
columns, so the three forms and the table's layout are said once.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import wraps

import click

from crawler.errors import Refused

FORMATS = ("table", "json", "csv")


@dataclass(frozen=True)
class Column:
    """One table column: its header, how a record shows in it, its width and alignment, and the
    spaces before it."""

    header: str
    show: Callable[[dict], object]
    width: int = 0
    align: str = "<"
    gap: str = " "

    def cell(self, text: object) -> str:
        return f"{self.gap}{text!s:{self.align}{self.width}}"


def field(name: str, **options) -> Column:
    """A column showing the record's ``name`` under the same header."""
    return Column(name, lambda record: record[name], **options)


def counts(*columns: tuple[str, int]) -> list[Column]:
    """Right-aligned number columns, each ``(name, width)``, headed by the record's field name."""
    return [field(name, width=width, align=">") for name, width in columns]


def table_lines(records: Iterable[dict], columns: list[Column]) -> Iterator[str]:
    def line(cells: list[str]) -> str:
        return "".join(cells)[len(columns[0].gap):].rstrip()

    yield line([c.cell(c.header) for c in columns])
    for record in records:
        yield line([c.cell(c.show(record)) for c in columns])


def flat(record: dict) -> dict:
    """A record as one CSV row: nested objects as ``parent_child`` columns, lists joined by ", "."""
    row = {}
    for name, value in record.items():
        if isinstance(value, dict):
            row.update({f"{name}_{k}": v for k, v in flat(value).items()})
        else:
            row[name] = ", ".join(map(str, value)) if isinstance(value, list | tuple) else value
    return row


def print_rows(records: list[dict], columns: list[Column], output: str) -> None:
    """``records`` as ``output`` asks: the table of ``columns``, JSON Lines, or CSV of every field."""
    if output == "json":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    elif output == "csv":
        rows = [flat(record) for record in records]
        names = list(dict.fromkeys(name for row in rows for name in row))
        writer = csv.DictWriter(sys.stdout, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        sys.stdout.flush()
    else:
        for line in table_lines(records, columns):
            click.echo(line)


def output_options(function):
    """``--json`` and ``--csv`` (one of them; a table when neither), given to the command as ``output``."""

    @click.option("--json", "as_json", is_flag=True, help="One JSON object per row instead of the table.")
    @click.option("--csv", "as_csv", is_flag=True, help="CSV with a header line instead of the table.")
    @wraps(function)
    def wrapper(*args, as_json: bool, as_csv: bool, **kwargs):
        if as_json and as_csv:
            raise Refused("give --json or --csv, not both")
        return function(*args, output="json" if as_json else "csv" if as_csv else "table", **kwargs)

    return wrapper
