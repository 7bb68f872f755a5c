"""The source registry: one TOML file of site facts per source, read as data, never evaluated.

A source's behaviour lives in the shared engine (``spiders.portal``); a file here only says
where the site is, which URLs are articles and listings, and optional extraction hints.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

BUNDLED = Path(__file__).parent / "sources"
KINDS = {"newspaper", "party-portal", "government-portal", "magazine", "unknown"}
HINT_KEYS = ("prune_xpaths", "title_xpaths", "date_xpaths", "author_xpaths")
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class RegistryError(ValueError):
    """A source file that cannot be used; the message names the file and the fault."""


@dataclass(frozen=True)
class ExtractHints:
    prune_xpaths: tuple[str, ...] = ()
    title_xpaths: tuple[str, ...] = ()
    date_xpaths: tuple[str, ...] = ()
    author_xpaths: tuple[str, ...] = ()


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


def _compile(path: Path, data: dict, name: str) -> re.Pattern | None:
    pattern = data.get(name)
    if pattern is None:
        return None
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RegistryError(f"{path}: {name} is not a valid regex: {exc}") from None


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
    hints = data.get("extract", {})
    unknown = set(hints) - set(HINT_KEYS)
    if unknown:
        raise RegistryError(f"{path}: unknown [extract] keys: {', '.join(sorted(unknown))}")
    source = Source(
        key=key,
        name=data["name"],
        province=data.get("province"),
        kind=kind,
        home=data["home"],
        start_urls=_strings(path, data, "start_urls", required=True),
        domains=_strings(path, data, "domains", required=True),
        article_pattern=_compile(path, data, "article_pattern"),
        listing_pattern=_compile(path, data, "listing_pattern"),
        feeds=_strings(path, data, "feeds"),
        sitemaps=_strings(path, data, "sitemaps"),
        extract=ExtractHints(**{k: _strings(path, hints, k) for k in HINT_KEYS}),
        examples=_strings(path, data, "examples"),
    )
    for url in (source.home, *source.start_urls, *source.feeds, *source.sitemaps):
        if not source.on_domain(url):
            raise RegistryError(f"{path}: {url} is not on the source's domains")
    return source


def load_registry(folder: Path = BUNDLED) -> dict[str, Source]:
    """Every source in ``folder``, by key."""
    if not folder.is_dir():
        raise RegistryError(f"{folder}: no such sources folder")
    return {path.stem: load_source(path) for path in sorted(folder.glob("*.toml"))}
