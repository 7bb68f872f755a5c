"""What ``newsarchive sources`` prints: the registry, filtered, with each source's health, as a table or JSON."""

from __future__ import annotations

from collections.abc import Iterator

from archive.provinces import lookup

from crawler.sources.registry import Source
from crawler.rows import Column, field

HEALTH_FIELDS = ("articles", "last_success", "last_run", "last_7_days", "last_30_days", "error_rate", "broken", "problem")


def select(registry: dict[str, Source], province: str | None, kind: str | None, status: str | None) -> dict[str, Source]:
    """The entries a filter keeps. A province is named as before or since the 2025 merger, in any spelling:
    "Can Tho" keeps Cần Thơ's sources and Hậu Giang's, as ``export --province`` does. Raises ValueError
    for a province the mapping does not know."""
    wanted = lookup(province) if province else None
    if province and wanted is None:
        raise ValueError(f"unknown province: {province}")
    return {
        key: source for key, source in registry.items()
        if (not wanted or lookup(source.province) == wanted or source.province_2025 == wanted.name)
        and (not kind or source.kind == kind) and (not status or source.status == status)
    }


def record(source: Source, row: dict) -> dict:
    """One source as ``sources --json`` prints it: its entry, and its health in the archive."""
    return {
        "key": source.key, "name": source.name, "province": source.province, "province_2025": source.province_2025,
        "kind": source.kind, "status": source.status, "merged_into": source.merged_into, "cms": source.cms,
        "home": source.home, "domains": list(source.domains),
        "health": {name: row.get(name) for name in HEALTH_FIELDS} | {"articles": row.get("articles", 0), "broken": bool(row.get("broken"))},
    }


def _when(iso: str | None) -> str:
    return f"{iso[:10]} {iso[11:16]} UTC" if iso else "never"


def health_rows(registry: dict[str, Source], health: dict[str, dict], others: bool = True) -> list[dict]:
    """One row per source for the table: articles (all, last 7 and 30 days), last successful run, HTTP
    error rate, and ok / BROKEN; with ``others``, also the archive's sources that have no entry
    (crawled with --url, or dropped)."""
    rows = []
    # Sources crawled with --url or dropped from the registry still have their rows.
    for key in list(registry) + (sorted(set(health) - set(registry)) if others else []):
        source, row = registry.get(key), health.get(key, {})
        rate = row.get("error_rate")
        rows.append({
            "key": key, "province": (source.province if source else row.get("province")) or "-",
            "articles": row.get("articles", 0), "last_success": _when(row.get("last_success")),
            "last_7_days": row.get("last_7_days", 0), "last_30_days": row.get("last_30_days", 0),
            "errors": f"{rate:.0%}" if rate is not None else "-",
            "health": "BROKEN" if row.get("broken") else ("ok" if row.get("last_run") else "-"),
            "name": source.name if source else row.get("name") or "", "problem": row.get("problem") if row.get("broken") else None,
        })
    return rows


HEALTH_COLUMNS = [
    field("key", width=24), field("province", width=14), field("articles", width=8, align=">"),
    Column("last success", lambda r: r["last_success"], width=20, gap="  "),
    Column("7d", lambda r: r["last_7_days"], width=4, align=">"), Column("30d", lambda r: r["last_30_days"], width=4, align=">"),
    field("errors", width=6, align=">"), field("health", width=7, gap="  "), field("name"),
]


def broken_lines(rows: list[dict]) -> Iterator[str]:
    """After the table, why each broken source looks broken."""
    problems = [f"BROKEN {row['key']}: {row['problem']}" for row in rows if row["health"] == "BROKEN"]
    if problems:
        yield ""
        yield from problems
