"""Table ``portal_shapes``: what crawls by structure learnt of each portal with no registry entry."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import sqlite_utils

from .runs import utc_now


@dataclass
class PortalShapes:
    source: str
    start_urls: list[str]
    article_pattern: str | None
    listing_pattern: str | None
    item_xpath: str | None
    pager: str | None
    examples: list[str]


def load_shapes(db: sqlite_utils.Database, source: str) -> PortalShapes | None:
    if "portal_shapes" not in db.table_names():
        return None
    row = next(db.query("select * from portal_shapes where source = ?", [source]), None)
    if row is None:
        return None
    return PortalShapes(row["source"], _lines(row["start_urls"]), row["article_pattern"], row["listing_pattern"],
                        row["item_xpath"], row["pager"], _lines(row["examples"]))


def _lines(value: str | None) -> list[str]:
    return [line for line in (value or "").splitlines() if line]


def save_shapes(db: sqlite_utils.Database, shapes: PortalShapes) -> None:
    row = asdict(shapes) | {"updated_at": utc_now()}
    row["start_urls"], row["examples"] = "\n".join(shapes.start_urls), "\n".join(shapes.examples)
    with db.atomic():
        db["portal_shapes"].upsert(row, pk="source")
