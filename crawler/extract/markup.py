"""Elements known by the words CMS templates put in their class and id ("sapo", "tacgia", "title").

One lower-cased regex search per element with a class or id: XPath's translate()/contains()
does the same test far slower on large pages.
"""

from __future__ import annotations

import itertools
import re

from lxml import etree


def marks(*tokens: str) -> re.Pattern:
    return re.compile("|".join(re.escape(token) for token in tokens))


def carries(element: etree._Element, pattern: re.Pattern) -> bool:
    return bool(pattern.search(f"{element.get('class', '')} {element.get('id', '')}".lower()))


def marked(elements: list[etree._Element], pattern: re.Pattern, tags: set[str] | None = None) -> list[etree._Element]:
    """Those of ``elements`` (in their order) with a class or id matching ``pattern``, of ``tags`` if given."""
    return [e for e in elements if (tags is None or e.tag in tags) and carries(e, pattern)]


def with_marks(tree_or_element: etree._Element, axis: str = "//") -> list[etree._Element]:
    """Elements that have a class or id, along ``axis`` ("//" for the whole tree, "following::" ...)."""
    return tree_or_element.xpath(f"{axis}*[@class or @id]")


def marked_ancestor(element: etree._Element, pattern: re.Pattern, levels: int | None = None) -> bool:
    """Whether ``element`` or an ancestor (only the nearest ``levels`` of them, when given) is marked."""
    ancestors = itertools.islice(element.iterancestors(), levels)
    return any(carries(e, pattern) for e in (element, *ancestors))
