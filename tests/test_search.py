"""The folded search index (m010) and the published day/month/year columns (m011): correct on an
upgraded archive and after every insert, update and delete, whoever writes."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
import sqlite_utils

from archive import migrations
from archive.chart import monthly_chart, months_between
from archive.datasette_plugin import highlight, vn_date, vn_time
from archive.search import NOTHING, excerpt, narrowing, phrase_query, search_query, toned_query
from archive.store import Archive, upgrade_for_reading
from conftest import first_release_archive

ROW = {
    "url": "https://daklak.dcs.vn/a-1.html",
    "source": "daklak",
    "province": "Đắk Lắk",
    "title": "Đắk Lắk kết nạp đảng viên mới",
    "text": "Tỉnh ủy Đắk Lắk tổng kết công tác xây dựng Đảng.\nĐảng bộ có 120 đảng viên mới.",
    "published": "2024-01-30T08:03:00+07:00",
    "date_source": "date-line",
    "author": "H'Linh",
    "source_attribution": None,
    "word_count": 20,
    "fetched_at": "2024-02-01T00:00:00+00:00",
}


def search(db: sqlite_utils.Database, typed: str) -> list[int]:
    sql = "select rowid from articles_search where articles_search match ? order by rank"
    return [row[0] for row in db.execute(sql, [search_query(typed)]).fetchall()]


@pytest.fixture
def archive(tmp_path):
    store = Archive(tmp_path / "a.db")
    store.sync_sources([{"key": "daklak", "name": "Đảng bộ tỉnh Đắk Lắk", "province": "Đắk Lắk"}])
    yield store
    store.close()


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("Đảng viên", '"dang" "vien"'),
        ("ÐẮK LẮK", '"dak" "lak"'),
        ('"chi bộ bốn tốt" kết*', '"chi bo bon tot" "ket"*'),
        ("dang OR NEAR(vien", '"dang" "or" "near(vien"'),
        ('  "  ', NOTHING),
        ("", NOTHING),
    ],
)
def test_search_query_folds_and_quotes(typed, query):
    assert search_query(typed) == query


@pytest.mark.parametrize("typed", ["Dak Lak", "dak lak", "Đắk Lắk", "ĐẮK LẮK", "Ðắk Lắk", "đăk lăk"])
def test_dak_lak_however_typed(archive, typed):
    archive.save_article(ROW)
    assert search(archive.db, typed) == [1]


def test_index_follows_inserts_updates_and_deletes(archive):
    archive.save_article(ROW)
    archive.save_article({**ROW, "url": ROW["url"] + "?2", "title": "Hội nghị khác", "text": "Không liên quan."})
    assert search(archive.db, "dang vien") == [1]
    changed = {**ROW, "text": "Nội dung mới về kiểm tra, giám sát."}
    assert archive.save_article(changed) == "updated"
    assert search(archive.db, "kiem tra") == [1]
    assert search(archive.db, "120") == []
    assert archive.save_article({**changed, "fetched_at": "2024-03-01T00:00:00+00:00"}) == "unchanged"
    assert search(archive.db, "kiem tra") == [1]
    with archive.db.conn:
        archive.db["articles"].delete(1)
    assert search(archive.db, "kiem tra") == [] and search(archive.db, "hoi nghi") == [2]


def test_plain_sqlite_writes_keep_the_index(archive):
    """The triggers use SQL alone: a writer without our functions (sqlite3, sqlite-utils) keeps it right."""
    archive.save_article(ROW)
    conn = sqlite3.connect(archive.path)
    with conn:
        conn.execute("update articles set title = 'Đại hội Đảng bộ' where id = 1")
    assert search(archive.db, "dai hoi") == [1] and search(archive.db, "tong ket") == [1]
    assert search(archive.db, "ket nap") == []  # only the old title said it
    assert archive.db.execute(
        "insert into articles_search(articles_search, rank) values ('integrity-check', 1)"
    ).fetchall() == []


def test_upgraded_archive_is_indexed_and_dated(tmp_path):
    db = sqlite_utils.Database(tmp_path / "old.db")
    db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
    with db.conn:
        for name in ("m001_articles_and_sources", "m002_article_province"):
            getattr(migrations, name)(db)
            db["_migrations"].insert({"name": name, "applied_at": "2024-01-01T00:00:00+00:00"})
    db["sources"].insert({"key": "daklak", "name": "Đảng bộ tỉnh Đắk Lắk", "province": "Đắk Lắk"})
    db["articles"].insert({**ROW, "first_seen": ROW["fetched_at"]})
    db["articles"].insert({**ROW, "url": "u2", "published": "2021-10-25", "first_seen": ROW["fetched_at"]})
    db["articles"].insert({**ROW, "url": "u3", "published": None, "first_seen": ROW["fetched_at"]})
    db.close()
    upgraded = Archive(tmp_path / "old.db")
    assert search(upgraded.db, "Dak Lak") == [1, 2, 3]
    parts = upgraded.db.execute("select published_date, published_month, published_year from articles order by id")
    assert parts.fetchall() == [("2024-01-30", "2024-01", "2024"), ("2021-10-25", "2021-10", "2021"), (None, None, None)]


def test_published_parts_follow_updates(archive):
    archive.save_article(ROW)
    archive.save_article({**ROW, "published": "2023-12-31"})
    row = next(archive.db.query("select published_date, published_month, published_year from articles"))
    assert row == {"published_date": "2023-12-31", "published_month": "2023-12", "published_year": "2023"}


def test_excerpt_shows_the_first_match_with_its_marks():
    text = "Mở đầu bài viết. " * 30 + "Tỉnh ủy Đắk Lắk tổng kết công tác xây dựng Đảng." + " Đoạn cuối." * 30
    shown = excerpt(text, "dak lak", width=80)
    assert "Đắk Lắk tổng kết" in shown and shown.startswith("…") and shown.endswith("…")
    assert excerpt("Ngắn gọn.", "zzz") == "Ngắn gọn."
    assert excerpt(None, "x") == ""


def test_highlight_marks_query_words_however_typed():
    marked = highlight("Đảng bộ tổng kết <b>", "dang to ket*")
    assert marked == "<mark>Đảng</mark> bộ tổng <mark>kết</mark> &lt;b&gt;"  # "to" is a word, "ket*" a prefix
    assert highlight(None, "dang") == "" and highlight("Đảng", "") == "Đảng"


@pytest.mark.parametrize(
    ("published", "shown"),
    [("2024-01-30T08:03:00+07:00", "30/01/2024 08:03"), ("2021-10-25", "25/10/2021"), (None, "undated"), ("", "undated")],
)
def test_dates_read_the_vietnamese_way(published, shown):
    assert vn_date(published) == shown


def test_chart_stacks_months_and_groups_small_series():
    assert months_between("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    counts = [("2024-01", f"P{i}", 10 - i) for i in range(10)] + [("2024-03", "P0", 4)]
    svg = monthly_chart(counts, series_label="province")
    assert svg.count("<rect ") == 8 + 1 + 1  # eight named series and "other" in January, P0 in March
    assert "2024-01 · other: 3" in svg and "2024-02" in svg
    assert "P0 <small>(14)</small>" in svg and "other <small>(3)</small>" in svg
    assert "No dated articles" in monthly_chart([], series_label="source")


def test_serving_an_older_archive_upgrades_it_first(tmp_path):
    first_release_archive(tmp_path / "old.db", {"key": "daklak", "name": "Đảng bộ tỉnh Đắk Lắk", "province": "Đắk Lắk"}, ROW)
    upgraded = upgrade_for_reading(tmp_path / "old.db")
    assert {"m002_article_province", "m010_folded_search", "m011_published_parts"} <= set(upgraded)
    assert upgrade_for_reading(tmp_path / "old.db") == []
    assert search(Archive(tmp_path / "old.db", readonly=True).db, "Dak Lak") == [1]


TONES = {
    "đảng": {"title": "Hội nghị", "text": "Công tác xây dựng Đảng trong năm mới."},
    "đang": {"title": "Hội nghị", "text": "Công trình đang được xây dựng."},
    "dang": {"title": "Hội nghị", "text": "Ý kiến dang dở chưa xong."},
}


def ranked_search(db_path, **params) -> list[dict]:
    from archive.datasette import build_datasette

    datasette = build_datasette(db_path)
    params = {"province": "", "since": "", "until": "", "order": "", "exact": "", "_shape": "array", **params}
    response = asyncio.run(datasette.client.get("/archive/search.json", params=params))
    assert response.status_code == 200, response.text
    return response.json()


def tone_archive(archive) -> dict[str, int]:
    for word, row in TONES.items():
        archive.save_article({**ROW, "url": f"https://x.vn/{word}.html", **row})
    return {word: i for i, word in enumerate(TONES, start=1)}


def test_marks_typed_rank_first_and_can_be_exact(archive):
    ids = tone_archive(archive)
    archive.commit()
    assert {r["id"] for r in ranked_search(archive.path, q="dang")} == set(ids.values())  # no marks: every form
    for word in ("đảng", "đang"):
        found = ranked_search(archive.path, q=word)
        assert len(found) == 3 and found[0]["id"] == ids[word] and [r["exact_tones"] for r in found] == [1, 0, 0]
        assert [r["id"] for r in ranked_search(archive.path, q=word, exact="1")] == [ids[word]]
    assert len(ranked_search(archive.path, q="dang", exact="1")) == 3  # nothing typed with marks: nothing to be exact about


def test_table_search_exact_keeps_the_marks_typed(archive):
    from archive.datasette import build_datasette

    ids = tone_archive(archive)
    archive.commit()
    datasette = build_datasette(archive.path)

    def table(**params):
        response = asyncio.run(datasette.client.get("/archive/articles.json", params={"_shape": "array", "_col": "id", **params}))
        return sorted(row["id"] for row in response.json())

    assert table(_search="đảng") == table(_search="dang") == sorted(ids.values())
    assert table(_search="đảng", _exact="1") == [ids["đảng"]]
    assert table(_search="ĐANG", _exact="1") == [ids["đang"]]
    page = asyncio.run(datasette.client.get("/archive/articles", params={"_search": "đảng", "_exact": "1"})).text
    assert '<input type="checkbox" name="_exact" value="1" checked>' in page


def test_quoted_words_are_a_phrase(archive):
    archive.save_article({**ROW, "url": "https://x.vn/1.html", "title": "Tin Lâm Đồng", "text": "Tỉnh Lâm Đồng."})
    archive.save_article({**ROW, "url": "https://x.vn/2.html", "title": "Tin khác", "text": "Làm việc với Đồng Nai."})
    assert sorted(search(archive.db, "Lâm Đồng")) == [1, 2]
    assert search(archive.db, '"Lâm Đồng"') == search(archive.db, '"lam dong"') == [1]


def test_relevance_is_bm25_with_the_title_first(archive):
    filler = [{"title": f"Tin số {i}", "text": "Nội dung khác hẳn."} for i in range(6)]  # "kiem tra" in under half
    archive.save_article({**ROW, "url": "https://x.vn/text.html", "title": "Hội nghị", "text": "Công tác kiểm tra."})
    archive.save_article({**ROW, "url": "https://x.vn/title.html", "title": "Công tác kiểm tra", "text": "Hội nghị."})
    for i, row in enumerate(filler):
        archive.save_article({**ROW, "url": f"https://x.vn/f{i}.html", **row})
    archive.commit()
    found = ranked_search(archive.path, q="kiem tra")
    assert [r["id"] for r in found] == [2, 1]
    assert found[0]["relevance"] > found[1]["relevance"] > 0


def test_upgraded_archive_gets_the_toned_index(tmp_path):
    db = sqlite_utils.Database(tmp_path / "old.db")
    migrations.migrate(db)
    db.execute("drop table articles_toned")
    for suffix in ("ai", "ad", "au"):
        db.execute(f"drop trigger articles_toned_{suffix}")
    db.execute("delete from _sqlite_migrations where name = 'm025_toned_search'")
    db["sources"].insert({"key": "daklak", "name": "Đảng bộ tỉnh Đắk Lắk", "province": "Đắk Lắk"})
    db["articles"].insert({**ROW, "first_seen": ROW["fetched_at"], "text": "Ðảng bộ"})  # Icelandic Ð, as some portals type
    db.conn.commit()
    db.close()
    upgraded = Archive(tmp_path / "old.db")
    rows = upgraded.db.execute("select rowid from articles_toned where articles_toned match ?", [toned_query("đảng bộ")])
    assert rows.fetchall() == [(1,)]


def test_a_copy_links_to_its_original_in_plain_words(archive):
    from archive.datasette import build_datasette

    archive.save_article(ROW)
    archive.save_article({**ROW, "url": ROW["url"] + "?copy"})
    with archive.db.conn:
        archive.db.execute("update articles set duplicate_of = 1 where id = 2")
    datasette = build_datasette(archive.path)
    copy, original = (asyncio.run(datasette.client.get(f"/archive/articles/{i}")).text for i in (2, 1))
    assert 'href="/archive/articles/1">the original</a>' in copy and "the original" not in original
    assert "date read from the article&#39;s date line" in copy and "last fetched 01/02/2024 07:00 (Vietnam time)" in copy


@pytest.mark.parametrize(
    ("utc", "shown"),
    [("2024-02-01T00:00:00+00:00", "01/02/2024 07:00"), ("2024-01-31T20:30:00+00:00", "01/02/2024 03:30"), (None, "never")],
)
def test_fetch_times_read_in_vietnam_time(utc, shown):
    assert vn_time(utc) == shown


def test_phrase_query_is_the_words_typed_in_order():
    assert phrase_query('Lâm  "Đồng" kết*') == '"lam dong ket"' and phrase_query("Đảng") == NOTHING


def test_words_side_by_side_rank_first(archive):
    archive.save_article({**ROW, "url": "https://x.vn/1.html", "title": "Làm việc", "text": "Làm việc với Đồng Nai. Làm tiếp."})
    archive.save_article({**ROW, "url": "https://x.vn/2.html", "title": "Tin tỉnh", "text": "Tỉnh Lâm Đồng."})
    archive.commit()
    assert [r["id"] for r in ranked_search(archive.path, q="lam dong")] == [2, 1]


def test_a_syndicated_story_is_listed_once(archive):
    archive.save_article({**ROW, "url": "https://x.vn/1.html"})
    archive.save_article({**ROW, "url": "https://y.vn/copy.html", "title": "Đắk Lắk kết nạp đảng viên mới (theo Báo Đắk Lắk)"})
    archive.save_article({**ROW, "url": "https://x.vn/other.html", "title": "Khác", "text": "Kết nạp ở nơi khác."})
    with archive.db.conn:
        archive.db.execute("update articles set duplicate_of = 1 where id = 2")
    found = ranked_search(archive.path, q="ket nap")
    assert [(r["id"], r["copies"]) for r in found] == [(1, 1), (3, 0)]


def test_narrowing_is_tokens_for_the_province_and_whole_months():
    """m029's facets: a province by every stored name it stands for, a whole year as its year, the months of a
    year begun or ended in the middle one by one; nothing when a limit can match nothing."""
    assert narrowing(None, "", "", "2015-01-01", "2025-12-31") == ""
    assert narrowing("Sơn La", "2020-01-01", "2022-12-31", None, None) == (
        ' AND facets : ("0pSơnLa") AND facets : ("0y2020" OR "0y2021" OR "0y2022")')
    assert narrowing("Đắk Lắk\x1fĐắk Nông", "2024-11-15", "2025-02-01", None, None) == (
        ' AND facets : ("0pDắkLắk" OR "0pDắkNông") AND facets : ("0m202411" OR "0m202412" OR "0m202501" OR "0m202502")')
    assert narrowing(None, "2025-03-02", "", "2015-01-01", "2025-04-30T08:00:00+07:00") == (
        ' AND facets : ("0m202503" OR "0m202504")')  # open at one end: up to the newest article
    assert narrowing(None, "", "2015-01-31", "2015-01-01T07:00:00+07:00", "") == ' AND facets : ("0m201501")'
    assert narrowing(None, "1900-01-01", "2025-06-30", None, None) == ""  # decades: not worth the terms
    for nothing in (("", "", "", None, None), (None, None, "", None, None), (None, "2024-02-01", "2024-01-01", None, None)):
        assert narrowing(*nothing) == f" AND {NOTHING}"
    assert narrowing(None, "2024-01-01", "", None, None) == ""  # an empty archive


NARROWED = [
    ("Sơn La", "Sơn La", "2019-12-31T23:59:00+07:00"), ("Sơn La", "Sơn La", "2020-01-01T00:00:00+07:00"),
    ("Sơn La", "Sơn La", "2021-06-15"), ("Sơn La", "Sơn La", "2022-12-31T23:59:00+07:00"), ("Sơn La", "Sơn La", None),
    ("Hậu Giang", "Cần Thơ", "2021-03-01T08:00:00+07:00"), ("Cần Thơ", "Cần Thơ", "2021-03-31"),
    ("TP.HCM", "Hồ Chí Minh", "2021-03-10"), ("Bình Dương", "Hồ Chí Minh", "2021-02-28T23:00:00+07:00"),
    ("Đắk Nông", "Lâm Đồng", "2023-01-05"), ("Lâm Đồng", "Lâm Đồng", "2023-01-05"), ("", None, "2021-03-05"),
]


@pytest.mark.parametrize(("province", "since", "until"), [
    ("Sơn La", "2020-01-01", "2022-12-31"), ("son la", "", "2021-06-15"), ("Sơn La", "01/01/2020", ""),
    ("Can Tho", "2021-03-01", "2021-03-31"), ("Hậu Giang", "", ""), ("Hồ Chí Minh", "2021-02-28", "10/03/2021"),
    ("lam dong", "2023-01-01", "2023-01-31"), ("Đắk Nông", "", ""), ("Atlantis", "", ""), ("", "2021-03-01", "2021-03-31"),
    ("", "2021-03-05", ""), ("", "", "2020-01-01"), ("Sơn La", "2022-01-01", "2021-01-01"), ("", "2021-13-01", ""),
])
@pytest.mark.parametrize(("q", "exact", "order"), [("dang vien", "", ""), ("dang vien", "", "newest"), ("đảng viên", "1", "")])
def test_a_narrowed_search_finds_what_the_limits_take(archive, province, since, until, q, exact, order):
    """Whatever the province (old name, 2025 name, an alias's row, marks or none) and days (open at either end,
    across a month or a year), the search finds exactly the matching articles: the facets only narrow."""
    from archive.days import iso_day
    from archive.textnorm import fold

    for n, (stored, _, published) in enumerate(NARROWED):
        archive.save_article({**ROW, "url": f"https://x.vn/{n}.html", "province": stored, "published": published})
    archive.commit()
    assert [r[0] for r in archive.db.execute("select province_2025 from articles order by id")] == [p for _, p, _ in NARROWED]

    def taken(n: int) -> bool:
        stored, since_2025, published = NARROWED[n]
        named = not province or fold(province) in {fold(stored), fold(since_2025 or "")}
        first, last = iso_day(since), iso_day(until)
        day = (published or "")[:10]
        return named and first is not None and last is not None and (
            not (first or last) or (bool(day) and (not first or day >= first) and (not last or day <= last)))

    expected = {n + 1 for n in range(len(NARROWED)) if taken(n)}
    assert {r["id"] for r in ranked_search(archive.path, q=q, exact=exact, province=province, since=since, until=until, order=order)} == expected


def test_the_facets_follow_province_and_date_changes(archive):
    """The index holds an article's province and month (m029): changed by any writer, it follows."""
    archive.save_article({**ROW, "province": "Sơn La"})
    archive.commit()
    assert [r["id"] for r in ranked_search(archive.path, q="dang", province="Son La", since="2024-01-01")] == [1]
    conn = sqlite3.connect(archive.path)
    with conn:
        conn.execute("update articles set province = 'Lai Châu', province_2025 = 'Lai Châu', published = '2019-05-01' where id = 1")
    assert ranked_search(archive.path, q="dang", province="Son La") == []
    assert [r["id"] for r in ranked_search(archive.path, q="dang", province="Lai Chau", until="2019-05-31")] == [1]
    assert archive.db.execute("insert into articles_search(articles_search, rank) values ('integrity-check', 1)").fetchall() == []
    with conn:
        conn.execute("delete from articles where id = 1")
    assert archive.db.execute("insert into articles_search(articles_search, rank) values ('integrity-check', 1)").fetchall() == []


def test_an_undated_article_neither_joins_nor_breaks_a_range_open_at_one_end(archive):
    """An article stored with no readable date (""): the archive's range for an open end is read from the
    dated articles only, and the undated one is in no range."""
    archive.save_article({**ROW, "published": "2024-01-30T08:03:00+07:00"})
    archive.save_article({**ROW, "url": "https://x.vn/2.html", "published": ""})
    archive.commit()
    assert [r["id"] for r in ranked_search(archive.path, q="dang", until="2024-12-31")] == [1]
    assert [r["id"] for r in ranked_search(archive.path, q="dang", since="2024-01-01")] == [1]
