"""What a page's JSON-LD says of its article: headline, publication date, the people who wrote it.

Read as JSON, not by pattern: papers nest the article in ``@graph`` or in a list beside the
breadcrumb and the organisation, give authors as a string, an object or a list of them, and
name the paper itself as an ``Organization`` author, which is never a person.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from .text import one_line

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "backgroundnewsarticle"}
NOT_PEOPLE = {"organization", "newsmediaorganization", "corporation", "governmentorganization", "website", "webpage"}


@dataclass
class LinkedData:
    headline: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)


def _nodes(value) -> Iterator[dict]:
    """Every object of a JSON-LD document, ``@graph`` members and nested lists included."""
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item)
    elif isinstance(value, dict):
        yield value
        if "@graph" in value:
            yield from _nodes(value["@graph"])


def _types(node: dict) -> set[str]:
    kinds = node.get("@type") or []
    return {k.lower() for k in ([kinds] if isinstance(kinds, str) else kinds) if isinstance(k, str)}


def _people(value) -> list[str]:
    """Names of the Person authors (a bare string counts as a person's name); never a URL."""
    names = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            name = item
        elif isinstance(item, dict) and not (_types(item) & NOT_PEOPLE):
            name = item.get("name") if isinstance(item.get("name"), str) else ""
        else:
            continue
        name = one_line(name)
        if name and "://" not in name and not name.startswith("www."):
            names.append(name)
    return names


def read_linked_data(tree: etree._Element) -> LinkedData:
    """The first article object's headline, datePublished and Person authors; empty when there is none."""
    found = LinkedData()
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            document = json.loads(script.text, strict=False)
        except ValueError:
            continue
        for node in _nodes(document):
            if not _types(node) & ARTICLE_TYPES:
                continue
            if found.headline is None and isinstance(node.get("headline"), str):
                found.headline = one_line(node["headline"]) or None
            if found.published is None and isinstance(node.get("datePublished"), str):
                found.published = node["datePublished"].strip() or None
            if not found.authors and "author" in node:
                found.authors = _people(node["author"])
    return found
