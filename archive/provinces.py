"""Vietnam's provinces as named before the 1 July 2025 merger, and the one each belongs to since.

Nghị quyết 202/2025/QH15 made 34 provinces and centrally-run cities of 63: eleven kept their
borders, the other 52 were merged into 23 that took the name of one of them (Hậu Giang and
Sóc Trăng into Cần Thơ, Nam Định and Hà Nam into Ninh Bình...). ``provinces.csv`` lists the 63
under the names sources used when they published, with the unit each belongs to since; the
archive keeps a copy in its ``provinces`` table, so Datasette shows it. Names are matched
without tone marks, case or "tỉnh"/"thành phố" prefixes, so "Thanh Hoá" is "Thanh Hóa".
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MAPPING_FILE = Path(__file__).parent / "provinces.csv"
PREFIX = re.compile(r"^(tinh|thanh pho|tp)\b\.?\s*")


def name_key(name: str) -> str:
    """"TP. Hồ Chí Minh" -> "hochiminh": no tone marks, case, prefix, spaces or punctuation."""
    decomposed = unicodedata.normalize("NFD", " ".join(name.split()).lower().replace("đ", "d"))
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", PREFIX.sub("", folded))


@dataclass(frozen=True)
class Province:
    name: str  # as named before the merger
    province_2025: str  # the unit it belongs to since 1 July 2025
    aliases: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    with MAPPING_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Province(row["province"], row["province_2025"], tuple(a.strip() for a in row["aliases"].split(";") if a.strip()))
            for row in csv.DictReader(handle)
        )


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Province]:
    return {name_key(name): p for p in provinces() for name in (p.name, *p.aliases)}


def lookup(name: str | None) -> Province | None:
    """The province a name means, in any of its spellings; None for an unknown name."""
    return _by_key().get(name_key(name)) if name else None


def province_2025(name: str | None) -> str | None:
    """The province since the merger of a province named before it ("Hậu Giang" -> "Cần Thơ")."""
    province = lookup(name)
    return province.province_2025 if province else None


def table_rows() -> list[dict]:
    """The mapping as the archive's ``provinces`` table holds it."""
    return [
        {"province": p.name, "province_2025": p.province_2025, "merged": p.name != p.province_2025 or
         sum(q.province_2025 == p.province_2025 for q in provinces()) > 1, "aliases": "; ".join(p.aliases) or None}
        for p in provinces()
    ]
