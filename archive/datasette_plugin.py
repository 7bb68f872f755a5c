"""Datasette hooks for the archive: folded search, the front-page chart, titles that open articles.

Registered by archive.datasette for the database it names ``archive``; each hook leaves other
databases alone.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import await_me_maybe
from markupsafe import Markup, escape

from .chart import monthly_chart
from .days import day_problem, iso_day
from .facets import OnePassFacet
from .search import (
    MANY_HITS,
    SEARCH_CLAUSE,
    SEARCH_PROBE,
    excerpt,
    has_marks,
    matches,
    narrowing,
    phrase_query,
    search_query,
    toned_query,
)
from .textnorm import fold

DATABASE = "archive"
VIETNAM = timezone(timedelta(hours=7))
# From article_counts (migration m026): a few thousand rows kept by triggers, not every article;
# the article count from source_counts (m027), one row per source.
CHART_SQL = {
    "province": """
        select month, case when province = '' then '(no province)' else province end, sum(articles)
        from article_counts where month != '' group by province, month""",
    "source": """
        select m.month, coalesce(s.name, m.source), m.articles from (
            select source, month, sum(articles) as articles from article_counts where month != '' group by source, month
        ) m left join sources s on s.key = m.source""",
}


@hookimpl(trylast=True)  # after Datasette's own escape_fts, which this one replaces
def prepare_connection(conn, database):
    if database != DATABASE:
        return
    # The table page's ?_search= runs "match escape_fts(:search)": fold it like articles_search.
    conn.create_function("escape_fts", 1, search_query, deterministic=True)
    conn.create_function("search_query", 1, search_query, deterministic=True)
    conn.create_function("toned_query", 1, toned_query, deterministic=True)
    conn.create_function("has_marks", 1, has_marks, deterministic=True)
    conn.create_function("phrase_query", 1, phrase_query, deterministic=True)
    conn.create_function("narrowing", 5, narrowing, deterministic=True)
    conn.create_function("excerpt", 2, excerpt, deterministic=True)
    conn.create_function("fold", 1, fold, deterministic=True)
    conn.create_function("iso_day", 1, iso_day, deterministic=True)
    conn.create_function("many_hits", 0, lambda: MANY_HITS)  # looked up per call: tests lower it


@hookimpl
def register_facet_classes():
    return [OnePassFacet]


EXACT_CLAUSE = "id in (select rowid from articles_toned where articles_toned match toned_query(:exact_search))"
EXACT_PROBE = "exists (select 1 from articles_toned where articles_toned match toned_query(:exact_search) and rowid = articles.id)"
# Hits of a search, and of the words typed with marks, counted up to one past MANY_HITS (cheap: FTS5 alone).
SEARCH_HITS = "select count(*) from (select 1 from articles_search where articles_search match escape_fts(:search) limit :cap)"
EXACT_HITS = "select count(*) from (select 1 from articles_toned where articles_toned match toned_query(:exact_search) limit :cap)"


@hookimpl
def filters_from_request(request, database, table, datasette):
    """``?_search=đảng&_exact=1`` on the articles table: only articles spelling the marked words as typed."""
    search = request.args.get("_search")
    if database != DATABASE or table != "articles" or not request.args.get("_exact") or not has_marks(search):
        return None
    return FilterArguments([EXACT_CLAUSE], {"exact_search": search}, [f'tone marks exactly as in "{search}"'])


# The articles table's date-range filters, which its form fills with days as typed (dd/mm/yyyy).
DAY_FILTERS = {"published_date__gte": "from", "published_date__lte": "to"}


@hookimpl
def asgi_wrapper(datasette):
    """Two rewrites of the articles table's query string before Datasette reads it: days typed dd/mm/yyyy
    in its date filters become the ISO days its column filters compare (what was typed is kept in the
    scope, for the form to show back); a search with more than MANY_HITS hits gets ``_nocount=1``, as
    counting every hit of a common word is most of the page's time (the page says "more than")."""
    def wrap(app):
        async def articles_query(scope, receive, send):
            if scope["type"] == "http" and scope.get("query_string") and DATABASE in datasette.databases \
                    and scope["path"].startswith(datasette.urls.table(DATABASE, "articles")):
                scope = await _rewritten(scope, datasette.get_database(DATABASE))
                if scope.get("added_nocount"):
                    send = _pages_without_nocount(send)
            await app(scope, receive, send)

        return articles_query

    return wrap


async def _rewritten(scope: dict, db) -> dict:
    pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
    typed = {k: v for k, v in pairs if k in DAY_FILTERS and (day := iso_day(v)) and day != v}
    search = dict(pairs).get("_search") if dict(pairs).get("_searchmode") != "raw" else None  # raw: as Datasette does it
    many = bool(search) and (await db.execute(SEARCH_HITS, {"search": search, "cap": MANY_HITS + 1})).single_value() > MANY_HITS
    if not typed and not many:
        return scope
    added = many and "_nocount" not in dict(pairs)
    pairs = [(k, iso_day(v) if k in typed else v) for k, v in pairs] + ([("_nocount", "1")] if added else [])
    return {**scope, "query_string": urlencode(pairs).encode("latin-1"), "typed_days": typed, "many_hits": many,
            "added_nocount": added}


# How Datasette's HTML carries the _nocount=1 added above: in every link it makes from the page's own
# query string (facets, sort, pagination, export), and as a hidden field of the table's form.
ADDED_NOCOUNT = re.compile(r'&amp;_nocount=1(?=[&"#])|(?<=\?)_nocount=1&amp;|\?_nocount=1(?=["#])|<input type="hidden" name="_nocount" value="1">')


def _pages_without_nocount(send):
    """``send`` for a page whose query string got ``_nocount=1``: an HTML page leaves it out of its links
    and form, so that the next page decides again (a rare word typed into the form after a common one is
    counted, not left "not counted"). JSON and CSV keep it: their next_url repeats the same query."""
    start: dict | None = None
    chunks: list[bytes] = []

    async def sending(message):
        nonlocal start
        if message["type"] == "http.response.start":
            headers = dict(message.get("headers", []))
            if not headers.get(b"content-type", b"").startswith(b"text/html"):
                await send(message)
                return
            start = message
            return
        if message["type"] != "http.response.body" or start is None:
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body"):
            return
        body = ADDED_NOCOUNT.sub("", b"".join(chunks).decode("utf-8")).encode("utf-8")
        headers = [(k, str(len(body)).encode() if k == b"content-length" else v) for k, v in start["headers"]]
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return sending


@hookimpl(specname="filters_from_request")
def no_rows_for_a_bad_day(request, database, table, datasette):
    """A date filter that holds no day matches nothing, rather than whatever comparing its text gives;
    the page says why (templates/_days.html)."""
    if database != DATABASE or table != "articles":
        return None
    problems = [day_problem(label, request.args[key]) for key, label in DAY_FILTERS.items() if key in request.args]
    problems = [problem for problem in problems if problem]
    return FilterArguments(["0"], human_descriptions=problems) if problems else None


@hookimpl(wrapper=True, specname="filters_from_request")
def common_words_by_date(request, database, table, datasette):
    """A search with many hits (see asgi_wrapper) tests each article as SQLite walks the published-date
    index (SEARCH_PROBE), stopping at a page's worth, instead of gathering every hit first: a rare word
    keeps fetching its few hits by rowid. The words typed with marks (``_exact``) likewise, by their own count."""
    results = yield
    if database != DATABASE or table != "articles" or not request.scope.get("many_hits"):
        return results
    if (request.args.get("_sort") or request.args.get("_sort_desc") or "published") != "published":
        return results  # sorted by a column without an index, every hit is read whichever way they are found
    db = datasette.get_database(DATABASE)

    async def probing(result):
        arguments = await await_me_maybe(result)
        clauses = getattr(arguments, "where_clauses", None) or []
        for i, clause in enumerate(clauses):
            if clause == SEARCH_CLAUSE:
                clauses[i] = SEARCH_PROBE
            elif clause == EXACT_CLAUSE:
                hits = (await db.execute(EXACT_HITS, {**arguments.params, "cap": MANY_HITS + 1})).single_value()
                clauses[i] = EXACT_PROBE if hits > MANY_HITS else clause
        return arguments

    return [lambda result=result: probing(result) for result in results]


def vn_date(published: str | None) -> str:
    """"2024-01-30T08:03:00+07:00" as "30/01/2024 08:03", a bare date as "25/10/2021"; Vietnamese order."""
    if not published or len(published) < 10:
        return "undated"
    day = f"{published[8:10]}/{published[5:7]}/{published[:4]}"
    return f"{day} {published[11:16]}" if len(published) >= 16 else day


DATE_SOURCES = {
    "hint": "the place the source's registry entry points to",
    "date-line": "the article's date line",
    "metadata": "the page's metadata",
    "json-ld": "the page's structured data",
    "listing": "the listing page that linked it",
    "url": "its address",
    "text": "its opening sentence",
    "htmldate": "a date found in the page's markup (day only)",
}


def date_wording(date_source: str | None) -> str:
    """Where the date was read, in words a reader knows (``date_source`` holds the code)."""
    return DATE_SOURCES.get(date_source or "", date_source or "nowhere: the page shows no date")


def vn_time(utc: str | None) -> str:
    """A UTC ISO 8601 time ("2024-02-01T00:00:00+00:00") in Vietnam time, the Vietnamese way: "01/02/2024 07:00"."""
    if not utc:
        return "never"
    try:
        moment = datetime.fromisoformat(utc)
    except ValueError:
        return utc
    return vn_date(moment.astimezone(VIETNAM).isoformat()) if moment.tzinfo else utc


def highlight(text: str | None, typed: str | None) -> Markup:
    """``text`` with the words of the query in <mark>, found with or without their marks."""
    text, parts, done = text or "", [], 0
    for start, end in matches(text, typed):
        parts += [escape(text[done:start]), Markup("<mark>"), escape(text[start:end]), Markup("</mark>")]
        done = end
    return Markup("").join([*parts, escape(text[done:])])


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["vn_date"] = vn_date
    env.filters["highlight"] = highlight
    env.filters["date_wording"] = date_wording
    env.filters["vn_time"] = vn_time
    env.filters["day_problem"] = lambda typed, label: day_problem(label, typed)


@hookimpl
def extra_template_vars(template, database, datasette, request):
    """Source names and provinces for the archive's pages; the monthly chart for the front page."""
    if database not in (None, DATABASE) or DATABASE not in datasette.databases:
        return None

    async def archive_vars():
        db = datasette.get_database(DATABASE)
        sources = (await db.execute("select key, name, province from sources order by key")).rows
        variables = {
            "source_names": {row["key"]: row["name"] or row["key"] for row in sources},
            "provinces": sorted({row["province"] for row in sources if row["province"]}),
            "provinces_2025": [row[0] for row in (await db.execute(
                "select distinct province_2025 from provinces where province in (select province from sources) order by 1"
            )).rows],
        }
        if template == "index.html":
            by = "source" if request.args.get("chart") == "source" else "province"
            counts = [tuple(row) for row in (await db.execute(CHART_SQL[by])).rows]
            variables |= {
                "chart_by": by,
                "chart_svg": Markup(monthly_chart(counts, series_label=by)),
                "article_count": (await db.execute("select coalesce(sum(articles), 0) from source_counts")).single_value(),
            }
        return variables

    return archive_vars


# Columns holding a day or a time in Vietnam time as stored, and those holding a UTC time: pages show
# them the Vietnamese way, dd/mm/yyyy HH:MM in Vietnam time (JSON and CSV keep ISO 8601).
VIETNAM_COLUMNS = {"published", "published_date", "oldest_published", "newest_published"}
UTC_COLUMNS = {"fetched_at", "first_seen", "started_at", "updated_at", "finished_at", "last_run", "last_success"}


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Dates as dd/mm/yyyy (HH:MM, Vietnam time); an article's title links to its readable page, in the
    articles table and query results."""
    if database != DATABASE or not isinstance(value, str) or not value:
        return None
    if column in VIETNAM_COLUMNS:
        return vn_date(value)
    if column in UTC_COLUMNS:
        return vn_time(value)
    if table not in (None, "articles") or column != "title":
        return None
    if "id" not in row.keys():  # a query's row without the article's id has nothing to link to
        return None
    href = datasette.urls.row(DATABASE, "articles", str(row["id"]))
    return Markup('<a class="article-link" href="{}">{}</a>').format(href, value)
