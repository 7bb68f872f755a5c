"""A site's extraction hints: XPaths added to the generic rules, never instead of them.

The registry reads them from an entry's ``[extract]`` table; they live here, with the extraction
that uses them, so that extraction imports nothing of the layers above it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractHints:
    prune_xpaths: tuple[str, ...] = ()
    title_xpaths: tuple[str, ...] = ()
    date_xpaths: tuple[str, ...] = ()
    author_xpaths: tuple[str, ...] = ()
