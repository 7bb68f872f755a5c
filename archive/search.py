"""Search the way Vietnamese users type: with or without tone marks, "đ" or "d", "Ð" or "Đ".

``articles_search`` (migration m010) indexes title and text with "đ" folded to "d" and the
tokenizer stripping every other mark; a query is folded the same way here, so "dang vien",
"đảng viên" and "ĐẢNG VIÊN" match the same articles. ``articles_toned`` (m025) indexes them with
every mark kept: the words typed with marks are looked up there as typed, to rank the articles
that spell them so first, or to keep only those ("exact").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .migrations import FACET_PREFIXES
from .textnorm import fold, one_line

# A "quoted phrase", or a run of anything but white space and quotes.
TERM = re.compile(r'"([^"]*)"?|([^\s"]+)')
NOTHING = '""'  # an empty phrase: a valid FTS5 query that matches no row
# Past this many hits a search is "common": its table page walks the published-date index, testing each
# article against the search (SEARCH_PROBE), rather than gathering every hit first; it says "more than
# MANY_HITS" rather than counting them all, and its facets count the MANY_HITS most recently archived.
MANY_HITS = 10_000
# Datasette's own ?_search= clause (datasette.filters.search_filters) for metadata.json's fts_table and fts_pk,
# the same as a test on one article, and on the MANY_HITS most recently archived hits.
SEARCH_CLAUSE = "id in (select rowid from articles_search where articles_search match escape_fts(:search))"
SEARCH_PROBE = "exists (select 1 from articles_search where articles_search match escape_fts(:search) and rowid = articles.id)"
SEARCH_NEWEST = ("id in (select rowid from articles_search where articles_search match escape_fts(:search) "
                 "order by rowid desc limit {})")


def _match(text: str, keep=lambda term: True) -> str:
    """The FTS5 MATCH expression for ``text``: every word (or "quoted phrase") is required, a trailing
    ``*`` makes a word a prefix, FTS5 operators are plain words; only the terms ``keep`` accepts."""
    terms = []
    for phrase, word in TERM.findall(text):
        if phrase.strip():
            if keep(phrase):
                terms.append('"{}"'.format(phrase.strip()))
        elif word:
            prefix = word.endswith("*") and word.strip("*")
            word = word.strip("*")
            if word and keep(word):
                terms.append('"{}"{}'.format(word, "*" if prefix else ""))
    return " ".join(terms) or NOTHING


def search_query(typed: str | None) -> str:
    """The MATCH expression for ``articles_search``: what was typed, folded."""
    return _match(fold(typed or ""))


def phrase_query(typed: str | None) -> str:
    """The words typed as one phrase, folded, for ranking the articles that hold them side by side
    first (``Lâm Đồng`` the province before "làm ... Đồng Nai"); NOTHING for fewer than two words."""
    words = [w.strip("*") for phrase, word in TERM.findall(fold(typed or "")) for w in (phrase or word).split()]
    words = [w for w in words if w]
    return '"{}"'.format(" ".join(words)) if len(words) > 1 else NOTHING


FOLD_D = str.maketrans({"đ": "d", "Đ": "D", "Ð": "D", "ð": "d"})  # as m010's index folds "đ"
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
NAMES_APART = "\x1f"  # how the search query joins the province names it hands to ``narrowing``
# More terms than this in a date narrowing (a range of decades) cost FTS5 more than they save.
MOST_PERIOD_TERMS = 40


def _period_terms(start: str, end: str) -> list[str]:
    """The year and month tokens covering the months from ``start`` to ``end`` ("yyyy-mm"): a whole
    year as its year, the months of a year begun or ended in the middle one by one."""
    (first_year, first_month), (last_year, last_month) = (map(int, (m[:4], m[5:7])) for m in (start, end))
    terms = []
    for year in range(first_year, last_year + 1):
        months = range(first_month if year == first_year else 1, (last_month if year == last_year else 12) + 1)
        if len(months) == 12:
            terms.append(f"{FACET_PREFIXES['year']}{year}")
        else:
            terms.extend(f"{FACET_PREFIXES['month']}{year}{month:02d}" for month in months)
    return terms


def _facet(terms: list[str]) -> str:
    return " AND facets : ({})".format(" OR ".join('"{}"'.format(t.replace('"', '""')) for t in terms))


def narrowing(names: str | None, since: str | None, until: str | None, first: str | None, last: str | None) -> str:
    """What the search query ANDs to its MATCH on ``articles_search`` (m029's ``facets`` column) so that
    FTS5 itself keeps only the articles its province and days may take, "" when it has no limits.

    ``names``: the stored province names the typed one stands for (before or since the merger, joined
    by NAMES_APART), None when no province was asked, "" when the typed one names none. ``since`` and
    ``until``: the days (``iso_day``: "" when not given, None when no day). ``first`` and ``last``: the
    earliest and latest ``published`` in the archive, for a range open at one end. Whole months and
    years only: the search still tests each article against the exact limits.
    """
    terms = ""
    if names is not None:
        if not names:
            return f" AND {NOTHING}"
        folded = {name.translate(FOLD_D).replace(" ", "") for name in names.split(NAMES_APART)}
        terms += _facet(sorted(FACET_PREFIXES["province"] + name for name in folded))
    if since is None or until is None:
        return f" AND {NOTHING}"
    start, end = since or (first or "")[:10], until or (last or "")[:10]
    if (since or until) and DAY.fullmatch(start) and DAY.fullmatch(end):
        if start > end:
            return f" AND {NOTHING}"
        period = _period_terms(start, end)
        if len(period) <= MOST_PERIOD_TERMS:
            terms += _facet(period)
    return terms


def _marked(term: str) -> bool:
    return fold(term) != term


def toned_query(typed: str | None) -> str:
    """The MATCH expression for ``articles_toned``: the words and phrases typed with a mark, as typed
    (lower case, NFC, "Ð" read as "Đ"); NOTHING when none has one, so "dang" ranks nothing first."""
    return _match(one_line(typed or "").lower(), keep=_marked)


def has_marks(typed: str | None) -> bool:
    """Whether any word was typed with a mark: only then can a search be exact."""
    return toned_query(typed) != NOTHING


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return " " if char.isspace() else fold(char)


def _folded_chars(text: str) -> tuple[str, Sequence[int]]:
    """``text`` folded, with the index in ``text`` of each folded character."""
    whole = fold(text)
    if len(whole) == len(text):  # the usual case: NFC Vietnamese folds one character to one
        return whole, range(len(text))
    folded, positions = [], []
    for index, char in enumerate(text):
        for piece in _fold_char(char):
            folded.append(piece)
            positions.append(index)
    return "".join(folded), positions


@lru_cache(maxsize=256)
def _word_pattern(typed: str | None) -> re.Pattern | None:
    """Where a word of the query stands in folded text: whole words, and prefixes for ``word*``."""
    alternatives = set()
    for phrase, word in TERM.findall(fold(typed or "")):
        for w in (phrase or word).split():
            if w.strip("*"):
                alternatives.add(re.escape(w.strip("*")) + (r"\w*" if w.endswith("*") and not phrase else r"\b"))
    if not alternatives:
        return None
    return re.compile(r"\b(?:{})".format("|".join(sorted(alternatives, key=len, reverse=True))))


def _first_hit(text: str, pattern: re.Pattern | None, opening: int = 1000) -> int | None:
    """Where in ``text`` a query word first stands: looked for in the opening first (the usual place,
    and folding a whole long text for each of a hundred results is most of a search's time)."""
    if pattern is None:
        return None
    for limit in (opening, len(text)) if len(text) > opening else (len(text),):
        folded, positions = _folded_chars(text[:limit])
        hit = pattern.search(folded)
        if hit and (limit == len(text) or hit.end() < len(folded) - 1):  # not a word cut at the limit
            return positions[hit.start()]
    return None


def excerpt(text: str | None, typed: str | None, width: int = 220) -> str:
    """About ``width`` characters of ``text`` around the first place a query word occurs, any marks
    ignored; the opening of the text when none does."""
    text = " ".join((text or "").split())
    hit = _first_hit(text, _word_pattern(typed))
    start = 0
    if hit is not None:
        start = max(0, hit - width // 3)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def matches(text: str | None, typed: str | None) -> list[tuple[int, int]]:
    """The (start, end) spans of ``text`` holding a query word, any marks ignored: for highlighting."""
    pattern = _word_pattern(typed)
    if not text or not pattern:
        return []
    folded, positions = _folded_chars(text)
    return [(positions[m.start()], positions[m.end() - 1] + 1) for m in pattern.finditer(folded)]
