"""The source registry: one TOML file of site facts per source, read as data, never evaluated.

A source's behaviour lives in the shared engine (``spiders.portal``); a file here only says
where the site is, which URLs are articles and listings, and optional extraction hints.
What a CMS family shares (path shapes, pagination, hints) is said once in ``cms/<family>.toml``
and an entry naming ``cms = "<family>"`` says only what differs: path regexes are host-free
there, and composed with each entry's own domains, so no regex is copied between entries.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from crawler.extract.hints import ExtractHints

BUNDLED = Path(__file__).parent
KINDS = {"newspaper", "party-portal", "government-portal", "magazine", "unknown"}
HINT_KEYS = ("prune_xpaths", "title_xpaths", "date_xpaths", "author_xpaths")
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
STATUSES = ("active", "archived")  # archived: the site stopped (a 2025 merger); crawled only for backfills
FAMILY_KEYS = {"name", "article_path", "listing_path", "pagination", "extract"}
PAGINATION = {"query", "path", "liferay", "text", "postback"}  # crawler.discovery.listing's pager styles
SPIDER_RE = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*:[A-Za-z_]\w*$")  # module:Class, imported, never evaluated


class RegistryError(ValueError):
    """A source file that cannot be used; the message names the file and the fault."""


@dataclass(frozen=True)
class Source:
    key: str
    name: str
    province: str | None
    kind: str
    home: str
    start_urls: tuple[str, ...]
    domains: tuple[str, ...]
    article_pattern: re.Pattern | None = None
    listing_pattern: re.Pattern | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    extract: ExtractHints = field(default_factory=ExtractHints)
    examples: tuple[str, ...] = ()
    cms: str | None = None
    pagination: str | None = None
    status: str = "active"
    merged_into: str | None = None
    spider: str | None = None  # "module:Class", a PortalSpider subclass for a site's hooks (crawler.crawl.runner)

    @property
    def province_2025(self) -> str | None:
        """The province since the 1 July 2025 merger, as articles get it (``archive.provinces``)."""
        from archive.provinces import province_2025

        return province_2025(self.province)

    def on_domain(self, url: str) -> bool:
        """True when ``url``'s host (with its port, if a domain names one) is one of ours or below it."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        netloc = f"{host}:{parts.port}" if parts.port else host
        for domain in self.domains:
            candidate = netloc if ":" in domain else host
            if candidate == domain or candidate.endswith("." + domain):
                return True
        return False

    def is_article(self, url: str) -> bool:
        return bool(self.article_pattern and self.article_pattern.search(url))

    def is_listing(self, url: str) -> bool:
        return bool(self.listing_pattern and self.listing_pattern.search(url))

    def as_row(self) -> dict:
        """The registry entry as the ``sources`` table stores it."""
        return {
            "key": self.key,
            "name": self.name,
            "province": self.province,
            "kind": self.kind,
            "home": self.home,
            "domains": ", ".join(self.domains),
            "start_urls": "\n".join(self.start_urls),
        }


DEFAULT_PORTS = {"http": 80, "https": 443}


def adhoc_key(url: str) -> str:
    """The key a portal crawled with ``--url`` gets: its host, and its port when not the scheme's default
    (two portals on one host are two sources)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    port = parts.port if parts.port not in (None, DEFAULT_PORTS.get(parts.scheme)) else None
    return re.sub(r"[^a-z0-9]+", "-", f"{host}-{port}" if port else host).strip("-")


def adhoc_source(url: str, key: str | None = None) -> Source:
    """An entry for a portal with no registry file: its home page and its host, nothing else."""
    bare = urlsplit(url).netloc.lower().removeprefix("www.")
    return Source(
        key=key or adhoc_key(url),
        name=bare,
        province=None,
        kind="unknown",
        home=url,
        start_urls=(url,),
        domains=(bare,),
    )


def _compile(path: Path, name: str, pattern: str | None) -> re.Pattern | None:
    if pattern is None:
        return None
    if not isinstance(pattern, str):
        raise RegistryError(f"{path}: {name} must be a string")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RegistryError(f"{path}: {name} is not a valid regex: {exc}") from None


def _on_domains(path: Path, name: str, regex: str | None, domains: tuple[str, ...]) -> str | None:
    """A host-free path regex as a whole-URL one on ``domains``: ``^https?://(www\\.)?(<domains>)`` + path."""
    if regex is None:
        return None
    if not isinstance(regex, str) or not regex.startswith("/"):
        raise RegistryError(f"{path}: {name} must be a path regex starting with '/'")
    return r"^https?://(www\.)?(" + "|".join(map(re.escape, domains)) + ")" + regex


def _pattern(path: Path, data: dict, family: dict, kind: str, domains: tuple[str, ...]) -> re.Pattern | None:
    """The entry's own ``<kind>_pattern`` (whole URL) or ``<kind>_path``, else its family's path."""
    if f"{kind}_pattern" in data:
        return _compile(path, f"{kind}_pattern", data[f"{kind}_pattern"])
    name = f"{kind}_path"
    return _compile(path, name, _on_domains(path, name, data.get(name, family.get(name)), domains))


def family_folders(folder: Path) -> tuple[Path, ...]:
    """Where ``cms = "<family>"`` is looked up: beside the entries, then the bundled families."""
    return (folder / "cms", BUNDLED / "cms")


def load_family(path: Path, name: str, folders: tuple[Path, ...]) -> dict:
    """A CMS family's shared facts; an unknown family or a bad family file fails naming the entry."""
    if not isinstance(name, str) or not KEY_RE.match(name):
        raise RegistryError(f"{path}: cms must be a family name (a-z, 0-9, -)")
    found = next((f / f"{name}.toml" for f in folders if (f / f"{name}.toml").is_file()), None)
    if found is None:
        raise RegistryError(f"{path}: unknown cms family '{name}' (no cms/{name}.toml)")
    try:
        family = tomllib.loads(found.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RegistryError(f"{found}: {exc}") from None
    unknown = set(family) - FAMILY_KEYS
    if unknown:
        raise RegistryError(f"{found}: unknown keys: {', '.join(sorted(unknown))}")
    return family


def load_families(folder: Path = BUNDLED) -> dict[str, dict]:
    """Every CMS family the entries in ``folder`` may name, by name (its own ``cms/`` before the bundled one)."""
    found = {}
    for families in reversed(family_folders(folder)):
        for path in sorted(families.glob("*.toml")):
            found[path.stem] = load_family(path, path.stem, (families,))
    return found


def _strings(path: Path, data: dict, name: str, required: bool = False) -> tuple[str, ...]:
    value = data.get(name, [] if not required else None)
    if value is None or (required and not value):
        raise RegistryError(f"{path}: '{name}' is required")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RegistryError(f"{path}: '{name}' must be a list of strings")
    return tuple(value)


def load_source(path: Path) -> Source:
    key = path.stem
    if not KEY_RE.match(key):
        raise RegistryError(f"{path}: file name must be a lowercase key (a-z, 0-9, -)")
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RegistryError(f"{path}: {exc}") from None
    for required in ("name", "home"):
        if not isinstance(data.get(required), str) or not data[required].strip():
            raise RegistryError(f"{path}: '{required}' is required")
    kind = data.get("kind", "unknown")
    if kind not in KINDS:
        raise RegistryError(f"{path}: kind '{kind}' is not one of {', '.join(sorted(KINDS))}")
    status = data.get("status", "active")
    if status not in STATUSES:
        raise RegistryError(f"{path}: status '{status}' is not one of {', '.join(STATUSES)}")
    if "merged_into" in data and status != "archived":
        raise RegistryError(f"{path}: merged_into is for an archived entry (status = \"archived\")")
    family = load_family(path, data["cms"], family_folders(path.parent)) if "cms" in data else {}
    pagination = data.get("pagination", family.get("pagination"))
    if pagination is not None and pagination not in PAGINATION:
        raise RegistryError(f"{path}: pagination '{pagination}' is not one of {', '.join(sorted(PAGINATION))}")
    spider = data.get("spider")
    if spider is not None and not (isinstance(spider, str) and SPIDER_RE.match(spider)):
        raise RegistryError(f"{path}: spider must name a class as \"module:Class\", not {spider!r}")
    hints, shared = data.get("extract", {}), family.get("extract", {})
    unknown = (set(hints) | set(shared)) - set(HINT_KEYS)
    if unknown:
        raise RegistryError(f"{path}: unknown [extract] keys: {', '.join(sorted(unknown))}")
    domains = _strings(path, data, "domains", required=True)
    source = Source(
        key=key,
        name=data["name"],
        province=data.get("province"),
        kind=kind,
        home=data["home"],
        start_urls=_strings(path, data, "start_urls", required=True),
        domains=domains,
        article_pattern=_pattern(path, data, family, "article", domains),
        listing_pattern=_pattern(path, data, family, "listing", domains),
        feeds=_strings(path, data, "feeds"),
        sitemaps=_strings(path, data, "sitemaps"),
        extract=ExtractHints(**{k: _strings(path, shared, k) + _strings(path, hints, k) for k in HINT_KEYS}),
        examples=_strings(path, data, "examples"),
        cms=data.get("cms"),
        pagination=pagination,
        status=status,
        merged_into=data.get("merged_into"),
        spider=spider,
    )
    for url in (source.home, *source.start_urls, *source.feeds, *source.sitemaps):
        if not source.on_domain(url):
            raise RegistryError(f"{path}: {url} is not on the source's domains")
    return source


def load_registry(folder: Path = BUNDLED) -> dict[str, Source]:
    """Every source in ``folder``, by key."""
    if not folder.is_dir():
        raise RegistryError(f"{folder}: no such sources folder")
    registry = {path.stem: load_source(path) for path in sorted(folder.glob("*.toml"))}
    for key, source in registry.items():
        if source.merged_into is not None and source.merged_into not in registry:
            raise RegistryError(f"{folder / key}.toml: merged_into '{source.merged_into}' names no entry")
    return registry
