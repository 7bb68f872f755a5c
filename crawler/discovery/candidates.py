"""Candidates that only a listing's structure proposes, asked for a few at a time.

On a portal never seen, a listing's item links are article candidates whatever their URLs
look like; most portals' are articles, but a box of links to documents or galleries may pass
for a listing too. So each listing page's unproven candidates are fetched ``limit`` at a time:
once one is stored the rest follow, and after ``limit`` non-articles with none stored the rest
are left, so a portal full of non-article links costs little.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from crawler.discovery.links import Link


@dataclass
class CandidatePool:
    limit: int
    waiting: deque[Link] = field(default_factory=deque)
    in_flight: int = 0
    misses: int = 0
    stored: bool = False

    def release(self) -> list[Link]:
        """The candidates that may be asked for now."""
        released = []
        while self.waiting and (self.stored or self.misses + self.in_flight < self.limit):
            released.append(self.waiting.popleft())
            self.in_flight += 1
        return released

    def judged(self, article: bool) -> list[Link]:
        """Count what one candidate came to; return the candidates that may be asked for next."""
        self.in_flight -= 1
        self.stored = self.stored or article
        self.misses += not article
        return self.release()

    def give_up(self) -> int:
        """Drop the waiting candidates once the misses are spent with none stored; return how many."""
        if self.stored or self.misses < self.limit:
            return 0
        dropped = len(self.waiting)
        self.waiting.clear()
        return dropped
