"""Datasette hooks for the archive: folded search, the front-page chart, titles that open articles.

Registered by archive.datasette for the database it names ``archive``; each hook leaves other
databases alone.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from datasette import hookimpl
from datasette.filters import FilterArguments
from markupsafe import Markup, escape

from .chart import monthly_chart
from .facets import OnePassFacet
from .search import excerpt, has_marks, matches, phrase_query, search_query, toned_query
from .textnorm import fold

DATABASE = "archive"
VIETNAM = timezone(timedelta(hours=7))
# From article_counts (migration m026): a few thousand rows kept by triggers, not every article.
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
    conn.create_function("excerpt", 2, excerpt, deterministic=True)
    conn.create_function("fold", 1, fold, deterministic=True)


@hookimpl
def register_facet_classes():
    return [OnePassFacet]


@hookimpl
def filters_from_request(request, database, table, datasette):
    """``?_search=đảng&_exact=1`` on the articles table: only articles spelling the marked words as typed."""
    search = request.args.get("_search")
    if database != DATABASE or table != "articles" or not request.args.get("_exact") or not has_marks(search):
        return None
    return FilterArguments(
        ["id in (select rowid from articles_toned where articles_toned match toned_query(:exact_search))"],
        {"exact_search": search},
        [f'tone marks exactly as in "{search}"'],
    )


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
                "article_count": (await db.execute("select count(*) from articles")).single_value(),
            }
        return variables

    return archive_vars


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """An article's title links to its readable page, in the articles table and query results."""
    if database != DATABASE or table not in (None, "articles") or column != "title" or value is None:
        return None
    if "id" not in row.keys():  # a query's row without the article's id has nothing to link to
        return None
    href = datasette.urls.row(DATABASE, "articles", str(row["id"]))
    return Markup('<a class="article-link" href="{}">{}</a>').format(href, value)
