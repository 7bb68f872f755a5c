"""The health table ``newsarchive sources`` prints: one line per registry source, broken ones explained."""

from __future__ import annotations

from collections.abc import Iterator

from .registry import Source


def _when(iso: str | None) -> str:
    return f"{iso[:10]} {iso[11:16]} UTC" if iso else "never"


def health_table(registry: dict[str, Source], health: dict[str, dict]) -> Iterator[str]:
    """Articles (all, last 7 and 30 days), last successful run, HTTP error rate, and ok / BROKEN."""
    yield (f"{'key':<24} {'province':<14} {'articles':>8}  {'last success':<20} {'7d':>4} {'30d':>4} "
           f"{'errors':>6}  {'health':<7} name")
    problems = []
    # Sources crawled with --url or dropped from the registry still have their rows.
    keys = list(registry) + sorted(set(health) - set(registry))
    for key in keys:
        source, row = registry.get(key), health.get(key, {})
        name = source.name if source else row.get("name") or ""
        province = (source.province if source else row.get("province")) or "-"
        rate = row.get("error_rate")
        state = "BROKEN" if row.get("broken") else ("ok" if row.get("last_run") else "-")
        yield (f"{key:<24} {province:<14} {row.get('articles', 0):>8}  {_when(row.get('last_success')):<20} "
               f"{row.get('last_7_days', 0):>4} {row.get('last_30_days', 0):>4} "
               f"{(f'{rate:.0%}' if rate is not None else '-'):>6}  {state:<7} {name}")
        if row.get("broken"):
            problems.append(f"{key}: {row['problem']}")
    if problems:
        yield ""
        yield from (f"BROKEN {problem}" for problem in problems)
