"""Provinces before and since the 1 July 2025 merger: the bundled table, the archive's copy, the articles."""

from __future__ import annotations

import asyncio
import unicodedata
from collections import defaultdict

import pytest

from archive.datasette import build_datasette
from archive.provinces import lookup, name_key, portal_province, province_2025, provinces, provinces_in_host, provinces_named
from archive.store import Archive
from crawler.corpus.annotate import Annotator

# Nghị quyết 202/2025/QH15: the 23 provinces made by merging, and what each was made of.
MERGED = {
    "Tuyên Quang": {"Hà Giang", "Tuyên Quang"},
    "Lào Cai": {"Yên Bái", "Lào Cai"},
    "Thái Nguyên": {"Bắc Kạn", "Thái Nguyên"},
    "Phú Thọ": {"Vĩnh Phúc", "Hòa Bình", "Phú Thọ"},
    "Bắc Ninh": {"Bắc Giang", "Bắc Ninh"},
    "Hưng Yên": {"Thái Bình", "Hưng Yên"},
    "Hải Phòng": {"Hải Dương", "Hải Phòng"},
    "Ninh Bình": {"Hà Nam", "Nam Định", "Ninh Bình"},
    "Quảng Trị": {"Quảng Bình", "Quảng Trị"},
    "Đà Nẵng": {"Quảng Nam", "Đà Nẵng"},
    "Quảng Ngãi": {"Kon Tum", "Quảng Ngãi"},
    "Gia Lai": {"Bình Định", "Gia Lai"},
    "Khánh Hòa": {"Ninh Thuận", "Khánh Hòa"},
    "Lâm Đồng": {"Đắk Nông", "Bình Thuận", "Lâm Đồng"},
    "Đắk Lắk": {"Phú Yên", "Đắk Lắk"},
    "Hồ Chí Minh": {"Bà Rịa - Vũng Tàu", "Bình Dương", "Hồ Chí Minh"},
    "Đồng Nai": {"Bình Phước", "Đồng Nai"},
    "Tây Ninh": {"Long An", "Tây Ninh"},
    "Cần Thơ": {"Sóc Trăng", "Hậu Giang", "Cần Thơ"},
    "Vĩnh Long": {"Bến Tre", "Trà Vinh", "Vĩnh Long"},
    "Đồng Tháp": {"Tiền Giang", "Đồng Tháp"},
    "Cà Mau": {"Bạc Liêu", "Cà Mau"},
    "An Giang": {"Kiên Giang", "An Giang"},
}
UNCHANGED = {"Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng"}


def test_63_provinces_became_34():
    table = provinces()
    assert len(table) == 63 and len({p.name for p in table}) == 63
    groups = defaultdict(set)
    for p in table:
        groups[p.province_2025].add(p.name)
    assert len(groups) == 34
    assert {new: olds for new, olds in groups.items() if len(olds) > 1} == MERGED
    assert {new for new, olds in groups.items() if len(olds) == 1} == UNCHANGED


@pytest.mark.parametrize(
    ("named", "since_2025"),
    [
        ("Hậu Giang", "Cần Thơ"), ("Sóc Trăng", "Cần Thơ"), ("Nam Định", "Ninh Bình"), ("Hà Giang", "Tuyên Quang"),
        ("Bình Dương", "Hồ Chí Minh"), ("Bà Rịa–Vũng Tàu", "Hồ Chí Minh"), ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
        ("tỉnh Hậu Giang", "Cần Thơ"), ("Thanh Hoá", "Thanh Hóa"), ("Thừa Thiên Huế", "Huế"), ("Đắc Nông", "Lâm Đồng"),
        ("Sơn La", "Sơn La"), ("Lâm Đồng", "Lâm Đồng"),
    ],
)
def test_each_spelling_maps_to_its_province_since_the_merger(named, since_2025):
    assert province_2025(named) == since_2025


def test_unknown_names_map_to_nothing():
    assert lookup("Atlantis") is None and province_2025(None) is None


def test_every_name_and_alias_means_one_province():
    keys = [name_key(n) for p in provinces() for n in (p.name, *p.aliases)]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Báo Hậu Giang - Tin tức Hậu Giang", ["Hậu Giang"]), ("Báo Hà Giang điện tử", ["Hà Giang"]),
        ("Báo Hà Nam", ["Hà Nam"]), ("Báo Nam Định", ["Nam Định"]), ("Báo Bình Định", ["Bình Định"]),
        ("Báo Bình Dương", ["Bình Dương"]), ("Báo Bình Phước", ["Bình Phước"]), ("Báo Bình Thuận", ["Bình Thuận"]),
        ("Cổng thông tin Thành phố Hồ Chí Minh", ["Hồ Chí Minh"]), ("Báo TP.HCM", ["Hồ Chí Minh"]),
        ("Thừa Thiên Huế Online", ["Thừa Thiên Huế"]), ("Báo Huế", ["Thừa Thiên Huế"]),
        ("Báo Bà Rịa - Vũng Tàu", ["Bà Rịa - Vũng Tàu"]), ("Tin tức Vũng Tàu", ["Bà Rịa - Vũng Tàu"]),
        ("Báo Đắk Lắk", ["Đắk Lắk"]), ("Daklak Online", ["Đắk Lắk"]), ("Báo Đắk Nông", ["Đắk Nông"]),
        ("Báo Kon Tum", ["Kon Tum"]), ("KONTUM", ["Kon Tum"]),
        ("Báo \u00d0ắk Lắk", ["Đắk Lắk"]),  # Icelandic Ð typed for Đ
        (unicodedata.normalize("NFD", "Đảng bộ tỉnh Hậu Giang"), ["Hậu Giang"]),
        ("Báo Phụ nữ Thủ đô", []), ("Báo điện tử của Đảng Cộng sản Việt Nam", []), ("Thuế và đời sống", []),
        ("Bình Định và Bình Dương", ["Bình Định", "Bình Dương"]),
    ],
)
def test_a_text_names_the_provinces_whose_whole_words_it_holds(text, named):
    assert [p.name for p in provinces_named(text)] == named


@pytest.mark.parametrize(
    ("host", "named"),
    [
        ("baohaugiang.com.vn", ["Hậu Giang"]), ("baohagiang.vn", ["Hà Giang"]), ("tinhuybinhdinh.vn", ["Bình Định"]),
        ("thainguyen.dcs.vn", ["Thái Nguyên"]), ("baohanam.com.vn", ["Hà Nam"]), ("baonamdinh.vn", ["Nam Định"]),
        ("baobinhduong.vn", ["Bình Dương"]), ("baobinhphuoc.com.vn", ["Bình Phước"]), ("baobinhthuan.com.vn", ["Bình Thuận"]),
        ("hcmcpv.org.vn", ["Hồ Chí Minh"]), ("tphcm.gov.vn", ["Hồ Chí Minh"]), ("baothuathienhue.vn", ["Thừa Thiên Huế"]),
        ("baobariavungtau.com.vn", ["Bà Rịa - Vũng Tàu"]), ("ba-ria-vung-tau.gov.vn", ["Bà Rịa - Vũng Tàu"]),
        ("brvt.dcs.vn", ["Bà Rịa - Vũng Tàu"]), ("baodaklak.vn", ["Đắk Lắk"]), ("baodaknong.vn", ["Đắk Nông"]),
        ("baokontum.com.vn", ["Kon Tum"]), ("congan.hanoi.gov.vn", ["Hà Nội"]), ("conganhanoi.gov.vn", ["Hà Nội"]),
        # Names inside other words: "thuế" (tax), Nhã Nam, "long anh", a national paper, an address.
        ("baothue.vn", []), ("nhanam.vn", []), ("longanh.vn", []), ("thanhnien.vn", []), ("127.0.0.1", []),
    ],
)
def test_a_host_names_the_provinces_its_labels_spell_out(host, named):
    assert [p.name for p in provinces_in_host(host)] == named


def test_each_province_is_read_back_from_the_names_and_hosts_portals_give_it():
    for province in provinces():
        key = name_key(province.name)
        for host in (f"bao{key}.vn", f"tinhuy{key}.vn", f"{key}.dcs.vn", f"congan{key}.gov.vn", f"tinhdoan{key}.vn"):
            assert provinces_in_host(host) == [province], host
        for text in (f"Báo {province.name}", f"Cổng thông tin điện tử tỉnh {province.name.upper()}"):
            assert provinces_named(text) == [province], text


def test_a_portal_names_its_province_once_or_says_why_not():
    hau_giang, binh_dinh = lookup("Hậu Giang"), lookup("Bình Định")
    assert portal_province(["Báo Hậu Giang", "Trang chủ"], "127.0.0.1") == (hau_giang, "read from the site's name")
    assert portal_province([None, "Trang chủ"], "tinhuybinhdinh.vn") == (binh_dinh, "read from the host")
    assert portal_province(["Báo Hậu Giang"], "tinhuybinhdinh.vn") == (hau_giang, "read from the site's name")  # in order
    assert portal_province(["VnExpress"], "vnexpress.net") == (None, "not found in the site's name or host")
    assert portal_province(["Bình Định - Bình Dương"], "x.vn") == (None, "the site's name names both Bình Định and Bình Dương")
    assert portal_province([], "baohanamnamdinh.vn") == (None, "the host names both Hà Nam and Nam Định")


def test_every_short_name_means_a_province():
    from archive.provinces import _short_names

    assert None not in _short_names().values()


def test_archive_holds_the_table_and_datasette_shows_it(tmp_path):
    path = tmp_path / "a.db"
    Archive(path).close()
    datasette = build_datasette(path)

    async def fetch():
        return await datasette.client.get("/archive/provinces.json?province=H%E1%BA%ADu+Giang&_shape=array")

    response = asyncio.run(fetch())
    assert response.status_code == 200
    assert response.json()[0]["province_2025"] == "Cần Thơ"


def test_articles_carry_both_provinces(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.sync_sources([{"key": "baohaugiang", "name": "Báo Hậu Giang", "province": "Hậu Giang"}])
    archive.save_article({
        "url": "https://baohaugiang.com.vn/a-1.html", "source": "baohaugiang", "province": "Hậu Giang",
        "title": "Vị Thủy kết nạp đảng viên mới", "text": "Đảng bộ huyện kết nạp 25 đảng viên.",
        "fetched_at": "2024-01-01T00:00:00+00:00",
    })
    Annotator(archive.db).annotate_all()
    row = next(archive.db["articles"].rows)
    assert (row["province"], row["province_2025"]) == ("Hậu Giang", "Cần Thơ")


def test_migration_fills_the_province_of_older_articles(tmp_path):
    import sqlite_utils

    from archive import migrations

    db = sqlite_utils.Database(tmp_path / "old.db")
    db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
    for name, function in migrations.every_migration()[:2]:
        with db.conn:
            function(db)
            db["_migrations"].insert({"name": name, "applied_at": "2024-01-01T00:00:00+00:00"})
    db["sources"].insert({"key": "baonamdinh", "name": "Báo Nam Định", "province": "Nam Định"})
    db["articles"].insert({"url": "https://baonamdinh.vn/a", "source": "baonamdinh", "province": "Nam Định", "text": "x",
                           "fetched_at": "2024-01-01", "first_seen": "2024-01-01"})
    db.close()
    row = next(Archive(tmp_path / "old.db").db["articles"].rows)
    assert row["province_2025"] == "Ninh Bình"
