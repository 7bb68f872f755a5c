"""The archive in Datasette, in-process through ``datasette.client``, on the crawled sample portals:
search with and without tone marks, facets, the date range, canned queries, the article page,
the front-page chart, and the JSON API of each."""

from __future__ import annotations

import asyncio
import re
import sqlite3
import tomllib
from urllib.parse import quote, urlencode

import pytest

from archive.datasette import build_datasette
from conftest import SITES, run_cli, site_expectations
from crawler.extract.text import fold

EXPECTED = [a for site in site_expectations().values() for a in site["articles"]]


class Client:
    """Datasette's in-process client on one event loop, called synchronously."""

    def __init__(self, datasette):
        self.datasette = datasette
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(datasette.invoke_startup())

    def get(self, path: str, **params):
        if params:
            path += ("&" if "?" in path else "?") + urlencode(params)
        return self.loop.run_until_complete(self.datasette.client.get(path))

    def json(self, path: str, **params):
        response = self.get(path, **params)
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture(scope="module")
def client(sample_archive):
    client = Client(build_datasette(sample_archive))
    yield client
    client.loop.close()


@pytest.fixture(scope="module")
def stored(sample_archive) -> list[dict]:
    conn = sqlite3.connect(sample_archive)
    conn.row_factory = sqlite3.Row
    return [dict(row) for row in conn.execute("select * from articles")]


def matching(stored: list[dict], *words: str) -> set[str]:
    """Titles of the stored articles holding every word, compared as folded words: the oracle."""
    return {a["title"] for a in stored if set(words) <= set(re.findall(r"\w+", fold(a["title"] + " " + a["text"])))}


def table_search(client, typed: str) -> set[str]:
    rows = client.json("/archive/articles.json", _search=typed, _shape="array", _col="title", _size="max")
    return {row["title"] for row in rows}


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        *[(typed, ("dai", "hoi")) for typed in ("đại hội", "dai hoi", "ĐẠI HỘI", "DAI HOI", "Ðại hội", "đai hoi")],
        *[(typed, ("doan", "vien")) for typed in ("đoàn viên", "doan vien", "Đoàn Viên", "ðoàn viên")],
        *[(typed, ("ket", "nap")) for typed in ("kết nạp", "ket nap", "KẾT NẠP")],
    ],
)
def test_table_search_ignores_tone_marks_and_d_forms(client, stored, typed, words):
    expected = matching(stored, *words)
    assert 0 < len(expected) < len(stored)
    assert table_search(client, typed) == expected


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("Duc Trong", "Đức Trọng tổ chức đại hội điểm Đảng bộ xã Hiệp An nhiệm kỳ 2025-2030"),
        ("da lat", "Đà Lạt học tập, quán triệt Nghị quyết Hội nghị Trung ương 8 khóa XIII"),
        ("Sop Cop giam sat", "Ủy ban Kiểm tra Huyện ủy Sốp Cộp giám sát chuyên đề tại Đảng ủy xã Púng Bánh"),
        ('"chi bo bon tot"', "Ngành Tổ chức xây dựng Đảng quan tâm nhân rộng mô hình “Chi bộ bốn tốt”"),
    ],
)
def test_unaccented_words_find_accented_titles(client, typed, title):
    assert title in table_search(client, typed)


def test_search_for_nothing_or_operators_is_no_error(client):
    assert client.get("/archive/articles", _search='"').status_code == 200
    assert client.get("/archive/articles", _search="dang OR NEAR(").status_code == 200
    assert client.json("/archive/search.json", q="", _shape="array") == []


def test_canned_search_ranks_by_relevance_or_newest(client, stored):
    expected = matching(stored, "ket", "nap")
    ranked = client.json("/archive/search.json", q="ket nap", _shape="array")
    assert {r["title"] for r in ranked} == expected
    relevance = [r["relevance"] for r in ranked]
    assert relevance == sorted(relevance, reverse=True)
    assert "ket nap" in fold(ranked[0]["title"])  # a title match outranks mentions in the text
    newest = client.json("/archive/search.json", q="kết nạp", order="newest", _shape="array")
    assert {r["title"] for r in newest} == expected
    assert [r["published"] for r in newest] == sorted((r["published"] for r in newest), reverse=True)
    assert all(set(fold(r["excerpt"]).split()) & {"ket", "nap"} for r in ranked if r["excerpt"])


def test_canned_search_filters_province_and_dates(client, stored):
    rows = client.json(
        "/archive/search.json", q="dang", province="Hậu Giang", since="2024-01-01", until="2024-12-31", _shape="array"
    )
    expected = {
        a["title"] for a in stored
        if a["province"] == "Hậu Giang" and "2024-01-01" <= a["published"][:10] <= "2024-12-31"
        and "dang" in re.findall(r"\w+", fold(a["title"] + " " + a["text"]))
    }
    assert expected and {r["title"] for r in rows} == expected
    since_2025 = client.json(
        "/archive/search.json", q="dang", province="can tho", since="2024-01-01", until="2024-12-31", _shape="array"
    )
    assert expected <= {r["title"] for r in since_2025}  # Hậu Giang is part of Cần Thơ since 2025
    page = client.get("/archive/search", q="dang").text
    assert '<optgroup label="Since 1 July 2025">' in page and "<option>Cần Thơ</option>" in page


def test_canned_search_of_a_common_word_ranks_the_newest_hits(client, stored, monkeypatch):
    """Past MANY_HITS hits, relevance ranks the most recently archived MANY_HITS and says so; newest first
    and the filters still see every hit."""
    import archive.datasette_plugin

    def search(**params):
        return client.json("/archive/search.json", q="dang", _shape="array", **params)

    filters = {"province": "Hậu Giang", "since": "2024-01-01", "until": "2024-12-31"}
    newest, newest_filtered, filtered = search(order="newest"), search(order="newest", **filters), search(**filters)
    assert all(r["among_newest"] is None for r in newest + filtered + search())
    monkeypatch.setattr(archive.datasette_plugin, "MANY_HITS", 3)
    assert [r["id"] for r in search(order="newest")] == [r["id"] for r in newest]
    assert [r["id"] for r in search(order="newest", **filters)] == [r["id"] for r in newest_filtered]
    assert len(filtered) > 3 and {r["id"] for r in search(**filters)} == set(sorted(r["id"] for r in filtered)[-3:])
    capped = search()
    hit_ids = sorted((a["id"] for a in stored if "dang" in re.findall(r"\w+", fold(a["title"] + " " + a["text"]))), reverse=True)
    assert 0 < len(capped) <= 3 and {r["id"] for r in capped} <= set(hit_ids[:3]) and capped[0]["among_newest"] == 3
    page = client.get("/archive/search", q="dang").text
    assert "ranked among the 3 most recently archived" in page


def test_search_page_lists_articles_with_links(client):
    page = client.get("/archive/search", q="dang vien", order="newest")
    assert page.status_code == 200
    assert 'class="article-list search-results"' in page.text
    assert re.search(r'<a class="article-link" href="/archive/articles/\d+">', page.text)
    assert 'value="newest" selected' in page.text
    assert re.search(r"<mark>đảng</mark> <mark>viên</mark>", page.text, re.I)
    assert "all matches with facets" in page.text


def test_facets_on_source_province_year_month_author(client, stored):
    data = client.json("/archive/articles.json", _shape="objects", _facet_size="max")
    facets = {name: {r["value"]: r["count"] for r in facet["results"]} for name, facet in data["facet_results"].items()}
    assert set(facets) == {"source", "province", "province_2025", "published_year", "published_month", "author", "topic"}
    provinces: dict[str, int] = {}
    for site, expected in site_expectations().items():
        province = tomllib.loads((SITES / site / "source.toml").read_text("utf-8"))["province"]
        provinces[province] = provinces.get(province, 0) + len(expected["articles"])
    assert facets["province"] == provinces
    assert facets["province_2025"]["Cần Thơ"] == provinces["Hậu Giang"]
    years = {}
    for article in EXPECTED:
        years[article["published"][:4]] = years.get(article["published"][:4], 0) + 1
    assert facets["published_year"] == years
    assert facets["published_month"]["2024-01"] == sum(a["published"].startswith("2024-01") for a in EXPECTED)
    assert facets["author"]["BẢO TOÀN"] == 1
    assert list(facets["published_month"]) == sorted(facets["published_month"], reverse=True)  # newest first, not by count
    assert list(facets["province"].values()) == sorted(facets["province"].values(), reverse=True)
    assert client.json("/archive/articles.json", _shape="objects")["facet_results"]["published_month"]["truncated"]
    labels = {r["value"]: r["label"] for r in data["facet_results"]["source"]["results"]}
    assert labels["haugiang"] == "Báo Hậu Giang"


def test_unfiltered_facets_from_article_counts_match_counting_the_rows(client):
    def facets(**params):
        data = client.json("/archive/articles.json", _facet_size="max", **params)
        return {name: [(r["value"], r["count"]) for r in f["results"]] for name, f in data["facet_results"].items()}

    assert facets() == facets(id__gte="0")  # the filter changes nothing but makes the facets count rows
    month = client.json("/archive/articles.json")["facet_results"]["published_month"]["results"][0]
    assert month["label"] == f"{month['value'][5:]}/{month['value'][:4]}"  # 01/2024, as Vietnamese readers write it


def test_facets_follow_a_search(client, stored):
    data = client.json("/archive/articles.json", _search="Sop Cop", _shape="objects")
    provinces = {r["value"]: r["count"] for r in data["facet_results"]["province"]["results"]}
    assert provinces == {"Sơn La": len(matching(stored, "sop", "cop"))}


def test_common_words_find_the_same_articles_and_facet_their_newest(client, stored, monkeypatch):
    """Past MANY_HITS hits a search walks the date index testing each article: the same articles in the
    same order; it says "more than" rather than counting, and its facets count the most recently archived."""
    import archive.datasette_plugin
    import archive.facets

    hits = sorted((a["id"] for a in stored if "dang" in re.findall(r"\w+", fold(a["title"] + " " + a["text"]))), reverse=True)
    before = client.json("/archive/articles.json", _search="dang", _shape="objects", _size="max")
    exact_before = client.json("/archive/articles.json", _search="đảng", _exact="1", _shape="array", _size="max")
    longest = client.json("/archive/articles.json", _search="dang", _sort_desc="word_count", _shape="array", _size="max")
    for module in (archive.datasette_plugin, archive.facets):
        monkeypatch.setattr(module, "MANY_HITS", 3)
    data = client.json("/archive/articles.json", _search="dang", _shape="objects", _size="max")
    assert len(hits) > 3 and [r["id"] for r in data["rows"]] == [r["id"] for r in before["rows"]]
    assert before["filtered_table_rows_count"] == len(hits) and data["filtered_table_rows_count"] is None
    assert "exists (select 1 from articles_search" in data["query"]["sql"]
    facet = data["facet_results"]["province"]
    assert facet["sample"] == 3 and sum(r["count"] for r in facet["results"]) == 3
    newest = [a for a in stored if a["id"] in hits[:3]]
    assert {r["value"]: r["count"] for r in facet["results"]} == {p: sum(a["province"] == p for a in newest) for p in {a["province"] for a in newest}}
    assert client.json("/archive/articles.json", _search="đảng", _exact="1", _shape="array", _size="max") == exact_before
    by_length = client.json("/archive/articles.json", _search="dang", _sort_desc="word_count", _shape="objects", _size="max")
    assert by_length["rows"] == longest and by_length["facet_results"]["source"]["sample"] == 3
    page = client.get("/archive/articles", _search="dang")
    assert "More than 3 articles match: the facets above count the 3 most recently archived." in page.text
    # The _nocount=1 the search got is in none of the page's links and not in its form, so the next page
    # decides again: a rare word typed into the form is counted. Asked for in the URL, it stays.
    assert "_nocount" not in page.text and 'href="/archive/articles?_search=dang&amp;_sort=' in page.text
    asked = client.get("/archive/articles", _search="dang", _nocount="1").text
    assert '<input type="hidden" name="_nocount" value="1">' in asked and "_nocount=1&amp;" in asked
    assert "_nocount=1" in client.json("/archive/articles.json", _search="dang", _size="1")["next_url"]
    monkeypatch.undo()
    data = client.json("/archive/articles.json", _search="dang", _shape="objects")
    assert data["facet_results"]["province"]["sample"] is None and "exists" not in data["query"]["sql"]


def test_date_range_filter(client):
    rows = client.json(
        "/archive/articles.json", published_date__gte="2024-01-12", published_date__lte="2024-06-21",
        _shape="array", _size="max",
    )
    expected = {a["title"] for a in EXPECTED if "2024-01-12" <= a["published"][:10] <= "2024-06-21"}
    assert {r["title"] for r in rows} == expected
    page = client.get("/archive/articles", published_date__gte="2024-01-12")
    assert 'name="published_date__gte" value="2024-01-12"' in page.text


@pytest.mark.parametrize(("typed", "day"), [("25/10/2021", "2021-10-25"), ("5/1/2024", "2024-01-05"), (" 2024-01-05 ", "2024-01-05"),
                                            ("", ""), ("31/02/2024", None), ("2024/01/05", None), ("hôm qua", None)])
def test_days_are_read_as_dd_mm_yyyy(typed, day):
    from archive.days import day_problem, iso_day

    assert iso_day(typed) == day
    assert (day_problem("from", typed) is None) == (day is not None)


def test_date_inputs_take_dd_mm_yyyy(client):
    def titles(**params):
        return [r["title"] for r in client.json("/archive/articles.json", _shape="array", _size="max", **params)]

    assert titles(published_date__gte="12/01/2024", published_date__lte="21/6/2024") == \
        titles(published_date__gte="2024-01-12", published_date__lte="2024-06-21") != []
    page = client.get("/archive/articles", published_date__gte="12/01/2024").text
    assert 'name="published_date__gte" value="12/01/2024" placeholder="dd/mm/yyyy"' in page
    for path in ("/", "/archive/search", "/archive/articles"):
        assert 'type="date"' not in client.get(path).text and 'placeholder="dd/mm/yyyy"' in client.get(path).text
    bad = client.get("/archive/articles", published_date__gte="31/02/2024")
    assert bad.status_code == 200 and 'class="zero-results"' in bad.text
    assert "from: “31/02/2024” is not a day; type the day as dd/mm/yyyy" in bad.text
    assert titles(published_date__lte="31/02/2024") == []
    search = {"q": "dang", "province": "Hậu Giang", "_shape": "array"}
    assert client.json("/archive/search.json", since="01/01/2024", until="31/12/2024", **search) == \
        client.json("/archive/search.json", since="2024-01-01", until="2024-12-31", **search) != []
    bad = client.get("/archive/search", q="dang", since="2024-13-01").text
    assert "from: “2024-13-01” is not a day" in bad and "No article matches" in bad


def test_pages_show_dates_the_vietnamese_way(client):
    page = client.get("/archive/latest").text
    assert re.search(r"<td[^>]*>\d\d/\d\d/\d{4}( \d\d:\d\d)?</td>", page) and "+07:00</td>" not in page
    crawls = client.get("/archive/crawls").text
    assert re.search(r"<td[^>]*>\d\d/\d\d/\d{4} \d\d:\d\d</td>", crawls) and "+00:00</td>" not in crawls
    assert client.json("/archive/latest.json", _shape="array")[0]["published"][4] == "-"  # JSON keeps ISO 8601


def test_latest_articles(client):
    rows = client.json("/archive/latest.json", _shape="array")
    assert len(rows) == len(EXPECTED)
    assert rows[0]["title"] == max(EXPECTED, key=lambda a: a["published"])["title"]
    assert [r["published"] for r in rows] == sorted((r["published"] for r in rows), reverse=True)
    assert client.get("/archive/latest").status_code == 200


def test_articles_per_province_per_month(client):
    rows = client.json("/archive/per_province_month.json", _shape="array")
    assert sum(r["articles"] for r in rows) == len(EXPECTED)
    assert {"province": "Hậu Giang", "month": "2024-01", "articles": 2} in rows
    one = client.json("/archive/per_province_month.json", province="Sơn La", _shape="array")
    assert {r["province"] for r in one} == {"Sơn La"} and sum(r["articles"] for r in one) == 7
    assert client.json("/archive/per_province_month.json", province="son la", _shape="array") == one
    since_2025 = client.json("/archive/per_province_month.json", province="Can Tho", _shape="array")
    assert {"province": "Hậu Giang", "month": "2024-01", "articles": 2} in since_2025
    assert [r["month"] for r in rows] == sorted(r["month"] for r in rows)


def test_sources_with_health(client):
    rows = client.json("/archive/sources_with_health.json", _shape="array")
    by_key = {r["source"]: r for r in rows}
    expected = site_expectations()
    assert set(by_key) == set(expected)
    assert all(r["articles"] == len(expected[r["source"]]["articles"]) and r["health"] == "ok" for r in rows)
    assert by_key["haugiang"]["pct_dated"] == 100.0 and by_key["haugiang"]["last_status"] == "finished"
    assert by_key["haugiang"]["newest_published"] == "2025-04-02"
    assert by_key["haugiang"]["name"] == "Báo Hậu Giang"


def test_article_page_reads_as_an_article(client, stored):
    article = next(a for a in stored if a["title"].startswith("Thành phố Ngã Bảy"))
    page = client.get(f"/archive/articles/{article['id']}")
    assert page.status_code == 200
    html = page.text
    assert f"<h1>{article['title']}</h1>" in html
    assert "30/01/2024 08:03" in html and 'datetime="2024-01-30T08:03:00+07:00"' in html
    assert ">Báo Hậu Giang</a>" in html and "Hậu Giang" in html and "BẢO TOÀN" in html
    assert f'href="{article["url"]}"' in html
    paragraphs = [p for p in article["text"].split("\n") if p.strip()]
    assert len(paragraphs) > 1
    assert all(f"<p>{p}</p>" in html.replace("&#34;", '"').replace("&#39;", "'") for p in paragraphs)
    row = client.json(f"/archive/articles/{article['id']}.json", _shape="array")
    assert row[0]["title"] == article["title"] and row[0]["published_month"] == "2024-01"


def test_articles_table_is_a_reading_list(client):
    page = client.get("/archive/articles")
    assert 'class="article-list"' in page.text
    assert page.text.count('class="article-link"') == len(EXPECTED)
    assert "What each column holds" in page.text


def test_front_page_draws_articles_per_month(client, stored):
    page = client.get("/")
    assert page.status_code == 200
    svg = re.search(r"<svg .*?</svg>", page.text, re.S).group(0)
    assert "Articles per month by province" in svg
    assert len(re.findall(r"<rect ", svg)) == len({(a["published"][:7], a["province"]) for a in stored})
    assert "2024-01 · Hậu Giang: 2" in svg
    for province in ("Hà Nội", "Hậu Giang", "Lâm Đồng", "Nam Định", "Sơn La"):
        assert province in page.text
    by_source = client.get("/?chart=source").text
    assert "Articles per month by source" in by_source and "Báo Phụ nữ Thủ đô" in by_source
    assert 'action="/archive/search"' in page.text


def test_pages_load_nothing_from_other_hosts(client):
    for path in ("/", "/archive/articles", "/archive/search?q=dang", "/archive/articles/1"):
        html = client.get(path).text
        assets = re.findall(r'<(?:script[^>]+src|link rel="stylesheet" href|img[^>]+src)="([^"]+)"', html)
        assert assets and all(url.startswith("/") for url in assets), (path, assets)


def test_metadata_describes_columns_with_formats(client):
    columns = client.json("/-/metadata.json")["databases"]["archive"]["tables"]["articles"]["columns"]
    assert "+07:00" in columns["published"] and "YYYY-MM" in columns["published_month"]
    assert "UTC" in columns["fetched_at"] and "Words" in columns["word_count"]


def test_arbitrary_sql_is_off_and_nothing_can_write(client, sample_archive):
    assert client.get("/archive", sql="select 1").status_code == 403
    assert client.get("/archive/articles", _where="1=1").status_code == 403
    db = client.datasette.get_database("archive")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        client.loop.run_until_complete(db.execute_write("delete from articles"))
    assert sqlite3.connect(sample_archive).execute("select count(*) from articles").fetchone()[0] == len(EXPECTED)


def test_sql_flag_allows_read_only_queries(sample_archive):
    client = Client(build_datasette(sample_archive, sql=True))
    try:
        sql = "select count(*) as n from articles_search where articles_search match search_query('đảng')"
        rows = client.json("/archive.json?sql=" + quote(sql), _shape="array")
        assert rows[0]["n"] > 0
    finally:
        client.loop.close()


def test_serve_refuses_a_missing_archive_and_creates_nothing(tmp_path):
    missing = tmp_path / "missing.db"
    result = run_cli("serve", "--db", missing, "--port", "9")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"Error: {missing}: no such archive"]
    assert not missing.exists()
