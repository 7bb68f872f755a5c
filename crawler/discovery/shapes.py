"""A portal's shapes, learnt from one crawl by structure: regexes for its articles and listings.

The confirmed article URLs are generalised segment by segment (what all share stays literal,
what varies becomes a class: digits, a slug, a slug with an id), the last segment always, so
that the next article matches; a pattern that would take a listing is not kept. The next run
starts from the listings that gave articles and takes the pattern's matches without doubt,
and ``newsarchive sources KEY`` prints the lot as a draft registry entry.
"""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import parse_qsl, urlsplit

from archive.shapes import PortalShapes

from crawler.sources.registry import Source

MAX_EXAMPLES = 20
# Classes a varying part is generalised to, the narrowest first.
PART_CLASSES: list[tuple[str, re.Pattern]] = [
    (r"\d+", re.compile(r"\d+")),
    (r"[a-z0-9-]+-\d+", re.compile(r"[a-z0-9-]+-\d+")),
    (r"[a-z0-9-]+", re.compile(r"[a-z0-9-]+")),
    (r"[\w.-]+", re.compile(r"[\w.-]+")),
]
EXTENSION = re.compile(r"^(.*?)(\.[a-z]{2,5})?$", re.IGNORECASE)
PAGER_SUFFIX = r"/?(trang|page|p)[-/]?\d+(\.html?|\.aspx)?/?"
PAGER_PARAM = r"(page|p|trang|pageindex|pagenum|cur|pg|start|limitstart|limit|p_p_\w+|p_r_p_\w+|_\w+_(cur|delta))=[^&#]*"  # Liferay's too
ORIGIN = r"^https?://[^/]+"  # patterns are searched in the whole URL: a path must start after the host


def _part(values: list[str], vary: bool) -> str:
    if not vary and len(set(values)) == 1:
        return re.escape(values[0])
    return next((cls for cls, pattern in PART_CLASSES if all(pattern.fullmatch(v) for v in values)), r"[^/?&]+")


def _segment(values: list[str], last: bool) -> str:
    split = [EXTENSION.match(v).groups() for v in values]
    stems, extensions = [s for s, _ in split], {e or "" for _, e in split}
    extension = re.escape(extensions.pop()) if len(extensions) == 1 else r"(\.\w+)?"
    return _part(stems, last) + extension


def _shape_pattern(urls: list[str]) -> str:
    parts = [urlsplit(url) for url in urls]
    segments = [p.path.split("/") for p in parts]
    count = len(segments[0])
    path = "/".join(_segment([s[i] for s in segments], last=i == count - 1 and not parts[0].query) for i in range(count))
    queries = [parse_qsl(p.query, keep_blank_values=True) for p in parts]
    if not queries[0]:
        return path + "$"
    pairs = [f"{re.escape(key)}={_part([q[i][1] for q in queries], vary=i == len(queries[0]) - 1)}"
             for i, (key, _) in enumerate(queries[0])]
    return path + r"\?" + "&".join(pairs) + "$"


def article_pattern(urls: list[str], listings: list[str]) -> str | None:
    """A regex for the confirmed article ``urls``, one alternative per URL shape, taking none of ``listings``."""
    shapes = defaultdict(list)
    for url in urls:
        parts = urlsplit(url)
        shapes[(parts.path.count("/"), tuple(k for k, _ in parse_qsl(parts.query, keep_blank_values=True)))].append(url)
    kept = []
    for group in shapes.values():
        pattern = _shape_pattern(group)
        if not any(re.search(pattern, url) for url in listings):
            kept.append(pattern)
    if not kept:
        return None
    return ORIGIN + (kept[0] if len(kept) == 1 else "(" + "|".join(kept) + ")")


def listing_pattern(start_urls: list[str]) -> str | None:
    """A regex for the listings that gave articles and their pagination (a query, or a page in the path)."""
    alternatives = []
    for url in start_urls:
        parts = urlsplit(url)
        if parts.query:
            alternatives.append(re.escape(f"{parts.path}?{parts.query}") + f"(&{PAGER_PARAM})*")
        else:
            alternatives.append(re.escape(parts.path.rstrip("/")) + rf"/?(\?{PAGER_PARAM}(&{PAGER_PARAM})*|{PAGER_SUFFIX})?")
    if not alternatives:
        return None
    body = alternatives[0] if len(alternatives) == 1 else "(" + "|".join(alternatives) + ")"
    return ORIGIN + body + "$"


def learn(source: Source, confirmed: dict[str, str], listings: dict[str, dict], previous: PortalShapes | None) -> PortalShapes | None:
    """The shapes a run's confirmed articles (URL -> the section that gave it) and listing pages (URL ->
    its section, item XPath and pager) tell, merged with what earlier runs learnt; None if nothing was."""
    examples = list(dict.fromkeys([*confirmed, *(previous.examples if previous else [])]))[:MAX_EXAMPLES]
    if not examples:
        return None
    sections = list(confirmed.values())
    starts = list(dict.fromkeys([*sections, *(previous.start_urls if previous else [])]))
    seen = listings.get(max(starts, key=sections.count), {})
    return PortalShapes(
        source=source.key, start_urls=starts, article_pattern=article_pattern(examples, [*listings, *starts]),
        listing_pattern=listing_pattern(starts), item_xpath=seen.get("item_xpath") or (previous and previous.item_xpath),
        pager=seen.get("pager") or (previous and previous.pager), examples=examples,
    )


def _toml_string(value: str) -> str:
    return "'" + value + "'" if "'" not in value and "\n" not in value else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(_toml_string(v) for v in values) + "]"


def _province_lines(province: str | None, why: str) -> list[str]:
    """The entry's province line, saying where a province not from the registry was read or why none was."""
    if province:
        line = f"province = {_toml_string(province)}"
        return [f"{line:<38} # {why}" if why else line]
    return [*([f"# province: {why}"] if why else []), 'province = ""                         # fill in']


def draft_entry(source_row: dict, shapes: PortalShapes, province_why: str = "") -> str:
    """The learnt shapes as a registry entry (``crawler/sources/KEY.toml``) to review and complete;
    ``province_why`` says where the row's province was read, or why it has none."""
    lines = [
        f"# Draft for crawler/sources/{shapes.source}.toml, learnt by crawling {source_row['home']}",
        f"# listing items: {shapes.item_xpath or 'not found'}; pagination: {shapes.pager or 'none seen'}",
        f"name = {_toml_string(source_row['name'])}",
        *_province_lines(source_row.get("province"), province_why),
        'kind = "unknown"                      # newspaper | party-portal | government-portal | magazine',
        f"home = {_toml_string(source_row['home'])}",
        f"start_urls = {_toml_list(shapes.start_urls)}",
        f"domains = {_toml_list([d.strip() for d in source_row['domains'].split(',')])}",
    ]
    if shapes.article_pattern:
        lines.append(f"article_pattern = {_toml_string(shapes.article_pattern)}")
    if shapes.listing_pattern:
        lines.append(f"listing_pattern = {_toml_string(shapes.listing_pattern)}")
    lines += ["feeds = []", "sitemaps = []", f"examples = {_toml_list(shapes.examples[:3])}"]
    return "\n".join(lines) + "\n"
