"""Elements known by the words CMS templates put in their class and id ("sapo", "tacgia", "title").

One lower-cased regex search per element with a class or id: XPath's translate()/contains()
does the same test far slower on large pages.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from operator import itemgetter

from lxml import etree


def marks(*tokens: str) -> re.Pattern:
    """A pattern that finds any of ``tokens``, for a yes-or-no search.

    The tokens are written as a tree of their shared prefixes ("tin(?:-(?:khac|moi)|khac|moi)"):
    Python's regex tries an alternation's branches one after another at each place a first
    letter fits, and a class tested against the hundred furniture tokens cost four times as much.
    """
    return re.compile(_prefix_tree(sorted(set(tokens))))


def _prefix_tree(tokens: list[str]) -> str:
    """A regex matching exactly ``tokens`` (sorted), each shared prefix written once."""
    branches = [
        re.escape(first) + _prefix_tree([token[1:] for token in group])
        for first, group in itertools.groupby((token for token in tokens if token), key=itemgetter(0))
    ]
    if not branches:
        return ""
    if "" in tokens:
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def carries(element: etree._Element, pattern: re.Pattern) -> bool:
    return bool(pattern.search(f"{element.get('class', '')} {element.get('id', '')}".lower()))


def marked(elements: list[etree._Element], pattern: re.Pattern, tags: set[str] | None = None) -> list[etree._Element]:
    """Those of ``elements`` (in their order) with a class or id matching ``pattern``, of ``tags`` if given."""
    return [e for e in elements if (tags is None or e.tag in tags) and carries(e, pattern)]


def with_marks(element: etree._Element, below: bool = False) -> list[etree._Element]:
    """Elements that have a class or id, in document order: in the whole page that holds ``element``
    (as ``//`` finds them), or only below it. Read in Python: XPath's ``//*[@class or @id]`` took
    half as long again."""
    found = element.iterdescendants(etree.Element) if below else _page_elements(element)
    return [e for e in found if e.get("class") is not None or e.get("id") is not None]


def _page_elements(element: etree._Element) -> Iterator[etree._Element]:
    """Every element of the page, in document order: a broken page can leave blocks beside its
    root element rather than in it (content after ``</html>``), where ``//`` still finds them."""
    root = element.getroottree().getroot()
    tops = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    return itertools.chain.from_iterable(top.iter(etree.Element) for top in tops)


def marked_ancestor(element: etree._Element, pattern: re.Pattern, levels: int | None = None) -> bool:
    """Whether ``element`` or an ancestor (only the nearest ``levels`` of them, when given) is marked."""
    ancestors = itertools.islice(element.iterancestors(), levels)
    return any(carries(e, pattern) for e in (element, *ancestors))
