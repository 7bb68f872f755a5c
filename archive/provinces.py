"""Vietnam's provinces as named before the 1 July 2025 merger, and the one each belongs to since.

Nghị quyết 202/2025/QH15 made 34 provinces and centrally-run cities of 63: eleven kept their
borders, the other 52 were merged into 23 that took the name of one of them (Hậu Giang and
Sóc Trăng into Cần Thơ, Nam Định and Hà Nam into Ninh Bình...). ``provinces.csv`` lists the 63
under the names sources used when they published, with the unit each belongs to since; the
archive keeps a copy in its ``provinces`` table, so Datasette shows it. Names are matched
without tone marks, case or "tỉnh"/"thành phố" prefixes, so "Thanh Hoá" is "Thanh Hóa".
``province_short_names.csv`` holds the shorter names portals give a province in their name or host
("hcm", "brvt", "Vũng Tàu"), read beside the full ones when a probed portal's province is inferred.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from archive.textnorm import fold

MAPPING_FILE = Path(__file__).parent / "provinces.csv"
SHORT_NAMES_FILE = Path(__file__).parent / "province_short_names.csv"
PREFIX = re.compile(r"^(tinh|thanh pho|tp)\b\.?\s*")


def name_key(name: str) -> str:
    """"TP. Hồ Chí Minh" -> "hochiminh": no tone marks, case, prefix, spaces or punctuation."""
    return re.sub(r"[^a-z0-9]", "", PREFIX.sub("", fold(name)))


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


# A portal's host runs its words together ("baohaugiang", "tinhuybinhdinh"). A name found right after a
# letter that fuses with its first one into one sound is the tail of another word ("hue" in "thue", tax);
# one ending in "n" or "c" right before a letter that extends it is the head of one ("longan" in "longanh").
# An "n" after a vowel closes that syllable instead ("congan" + "hanoi"), as organisations' hosts read.
FUSES_BEFORE = {"c": "h", "g": "hi", "k": "h", "n": "gh", "p": "h", "t": "hr", "q": "u"}
FUSES_AFTER = {"n": "gh", "c": "h"}
VOWELS = "aeiouy"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


@lru_cache(maxsize=1)
def _short_names() -> dict[str, Province]:
    with SHORT_NAMES_FILE.open(encoding="utf-8", newline="") as handle:
        return {name_key(row["short_name"]): lookup(row["province"]) for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def _longest_name() -> int:
    return max(len(_words(name)) for name in (*(n for p in provinces() for n in (p.name, *p.aliases)), *_short_names()))


def provinces_named(text: str) -> list[Province]:
    """The provinces a text (a site's name, a home page's title) names, each once, in order.

    Runs of whole words are compared without spaces, the longest first: "Daklak" is "Đắk Lắk",
    "Thừa Thiên Huế" one province and not also "Huế", and no word is read as part of a longer one.
    """
    words, keys, found, i = _words(text), {**_short_names(), **_by_key()}, [], 0
    while i < len(words):
        span = next((n for n in range(min(_longest_name(), len(words) - i), 0, -1) if "".join(words[i:i + n]) in keys), 1)
        if (province := keys.get("".join(words[i:i + span]))) and province not in found:
            found.append(province)
        i += span
    return found


def provinces_in_host(host: str) -> list[Province]:
    """The provinces a host name spells out in one of its labels ("baohaugiang.com.vn"), each once.

    A short name (``province_short_names.csv``: "hcm", "brvt") counts only at a label's start or end;
    a name inside a longer one found in the same label ("hue" in "thuathienhue") is not counted again.
    """
    shorts, found = _short_names(), []
    for label in host.lower().replace("-", "").split("."):
        spans = []
        for key, province in {**_by_key(), **shorts}.items():
            start = label.find(key)
            while start >= 0:
                end = start + len(key)
                before = label[max(start - 2, 0):start]
                closes = len(before) == 2 and before[1] == "n" and before[0] in VOWELS
                fused = (start and key[0] in FUSES_BEFORE.get(before[-1], "") and not closes) or (
                    end < len(label) and label[end] in FUSES_AFTER.get(key[-1], ""))
                if not fused and not (key in shorts and start and end < len(label)):
                    spans.append((start, end, province))
                start = label.find(key, start + 1)
        for start, end, province in sorted(spans):
            inside = any(s <= start and end <= e and e - s > end - start for s, e, _ in spans)
            if not inside and province not in found:
                found.append(province)
    return found


def portal_province(names: list[str | None], host: str) -> tuple[Province | None, str]:
    """The province a portal with none in the registry names itself after, and where that was read;
    None and why when its names (tried in order), then its host, name none or more than one."""
    evidence = [("the site's name", provinces_named(name)) for name in names if name] + [("the host", provinces_in_host(host))]
    for where, found in evidence:
        if len(found) == 1:
            return found[0], f"read from {where}"
        if found:
            return None, f"{where} names both {', '.join(p.name for p in found[:-1])} and {found[-1].name}"
    return None, "not found in the site's name or host"
