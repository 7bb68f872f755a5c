"""The articles table's facets in one pass: Datasette runs one query per facet, each searching again
and reading every matching row again; on a search matching most of a large archive that is most of
the page's time. ``{"onepass": "column"}`` in metadata.json counts every such column of a search from
one read of the matching rows (without a search, each column from its index, as Datasette does);
months and years newest first, the others most frequent first. A search with more than MANY_HITS
hits is counted over its MANY_HITS most recently archived hits (each facet says so in ``sample``):
enough to show where a common word is used, at a cost that does not grow with the archive. The whole table, unfiltered,
is counted from ``article_counts`` (migration m026) for the columns it holds.
"""

from __future__ import annotations

from datasette.database import QueryInterrupted
from datasette.facets import ColumnFacet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

from .search import MANY_HITS, SEARCH_CLAUSE, SEARCH_NEWEST, SEARCH_PROBE

DATE_ORDER = {"published_month", "published_year"}
# The columns article_counts holds (its '' standing for none), as expressions on it.
COUNTED = {"source": "source", "province": "province", "province_2025": "province_2025", "topic": "topic",
           "published_month": "month", "published_year": "substr(month, 1, 4)"}


class OnePassFacet(ColumnFacet):
    type = "onepass"

    async def suggest(self):
        return []

    async def facet_results(self):
        columns = [c["config"].get("column") or c["config"]["simple"] for c in self.get_configs()]
        size = self.get_facet_size()
        # Without a search, one query per column reads its index; a search reads the matching rows once.
        searching = any(key.startswith("_search") for key in self.request.args)
        groups = [columns] if searching and columns else [[c] for c in columns]
        unfiltered = self.sql.rstrip().endswith(f"from {escape_sqlite(self.table)}")
        counted = [c for c in columns if c in COUNTED] if unfiltered and self.table == "articles" else []
        if counted:
            groups = [counted, *[[c] for c in columns if c not in COUNTED]]
        sample = MANY_HITS if self.request.scope.get("many_hits") else None  # see archive.datasette_plugin
        results, timed_out = [], []
        for group in groups:
            try:
                sql = self._counted_sql(group, size) if group is counted else \
                    self._sql(group, size, materialized=searching, sample=sample)
                rows = await self.ds.execute(self.database, sql, self.params,
                                             truncate=False, custom_time_limit=self.ds.setting("facet_time_limit_ms"))
            except QueryInterrupted:
                timed_out += group
                continue
            for i, column in enumerate(group):
                results.append(await self._result(column, [r for r in rows.rows if r["facet"] == i], size) | {"sample": sample})
        return sorted(results, key=lambda result: columns.index(result["name"])), timed_out

    def _counted_sql(self, columns: list[str], size: int) -> str:
        """As ``_sql``, for the whole table, from article_counts: a few thousand rows, not every article."""
        counts = " union all ".join(
            f"select {i} as facet, {COUNTED[c]} as value, sum(articles) as count from article_counts "
            f"where {COUNTED[c]} != '' group by value" for i, c in enumerate(columns)
        )
        return self._first(columns, size, counts)

    def _sql(self, columns: list[str], size: int, materialized: bool, sample: int | None) -> str:
        """The first ``size + 1`` values of each column with their counts, as (facet, value, count) rows;
        over the ``sample`` most recently archived hits of the search only if given."""
        rows = self.sql
        if sample:
            rows = rows.replace(SEARCH_PROBE, SEARCH_NEWEST.format(sample)).replace(SEARCH_CLAUSE, SEARCH_NEWEST.format(sample))
        counts = " union all ".join(
            f"select {i} as facet, {escape_sqlite(c)} as value, count(*) as count from hits "
            f"where {escape_sqlite(c)} is not null group by {escape_sqlite(c)}"
            for i, c in enumerate(columns)
        )
        hits = f"select {', '.join(map(escape_sqlite, columns))} from ({rows})"
        return f"with hits as {'' if materialized else 'not '}materialized ({hits})" + self._first(columns, size, counts)

    @staticmethod
    def _first(columns: list[str], size: int, counts: str) -> str:
        """The first ``size + 1`` of the (facet, value, count) rows ``counts`` per facet: months and years
        newest first, other columns most frequent first."""
        by_date = " ".join(f"when {i} then value" for i, c in enumerate(columns) if c in DATE_ORDER) or "when -1 then 0"
        return f"""
            select facet, value, count from (
                select *, row_number() over (partition by facet order by case facet {by_date} end desc, count desc, value) as n
                from ({counts})
            ) where n <= {size + 1} order by facet, n"""

    async def _result(self, column: str, rows: list, size: int) -> dict:
        """One facet as Datasette's column facets give it: values, labels, counts and toggle links."""
        pairs = self.get_querystring_pairs()
        labels = await self.ds.expand_foreign_keys(self.database, self.table, column, [r["value"] for r in rows[:size]])
        results = []
        for row in rows[:size]:
            value = str(row["value"])
            label = _month(value) if column == "published_month" else labels.get((column, row["value"]), row["value"])
            selected = (column, value) in pairs
            path = (path_with_removed_args(self.request, {column: value}) if selected
                    else path_with_added_args(self.request, {column: row["value"]}))
            results.append({
                "value": row["value"], "label": label, "count": row["count"],
                "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path)), "selected": selected,
            })
        return {"name": column, "type": "column", "hideable": False, "results": results, "truncated": len(rows) > size,
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet": column}))}


def _month(value: str) -> str:
    """"2024-01" as Vietnamese readers write a month, "01/2024"."""
    return f"{value[5:7]}/{value[:4]}" if len(value) == 7 else value
