"""Dates as Vietnamese portals print them, read against a fixed "now"."""

from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract import dates
from crawler.extract.dates import (
    VN_TZ,
    FoundDate,
    date_from_url,
    find_dates,
    parse_date,
    year_month_from_url,
)

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=VN_TZ)

# (text, kwargs, expected isoformat or None)
ABSOLUTE = [
    ("30/01/2024 | 08:03 GMT+7", {}, "2024-01-30T08:03:00+07:00"),
    ("HOÀNG SA 06:59, 02/02/2024", {}, "2024-02-02T06:59:00+07:00"),
    ("Thứ 2, Ngày 25 / 10 / 2021", {}, "2021-10-25"),
    ("Thứ Tư, 24/12/2025 09:30:00 +07:00", {}, "2025-12-24T09:30:00+07:00"),
    ("Thứ Tư, 24/12/2025 09:30:15 +07:00", {}, "2025-12-24T09:30:15+07:00"),
    ("08/01/2026 - 18:21", {}, "2026-01-08T18:21:00+07:00"),
    ("Cập nhật: 10:20 - 05/03/2024", {}, "2024-03-05T10:20:00+07:00"),
    ("16:22' - 04/09/2026", {}, "2026-09-04T16:22:00+07:00"),
    ("04/09/2026 - 16:22'", {}, "2026-09-04T16:22:00+07:00"),
    ("Cập nhật lúc 10:20 ngày 05/03/2024", {}, "2024-03-05T10:20:00+07:00"),
    ("12 tháng 1 năm 2024", {}, "2024-01-12"),
    ("Ngày 12 tháng 01 năm 2024", {}, "2024-01-12"),
    ("12 Tháng Một 2024", {}, "2024-01-12"),
    ("12 tháng năm 2024", {}, "2024-05-12"),
    ("mồng 2 tháng 9 năm 2025", {}, "2025-09-02"),
    ("Ngày 30 tháng 1 năm 2024 lúc 08:03", {}, "2024-01-30T08:03:00+07:00"),
    ("Thứ sáu, 12/1/2024, 15:45 (GMT+7)", {}, "2024-01-12T15:45:00+07:00"),
    ("Thứ Ba, 30-01-2024, 08:03", {}, "2024-01-30T08:03:00+07:00"),
    ("15:45 12/01/2024", {}, "2024-01-12T15:45:00+07:00"),
    ("12-01-2024 15:45", {}, "2024-01-12T15:45:00+07:00"),
    ("12.01.2024", {}, "2024-01-12"),
    ("2024-01-12", {}, "2024-01-12"),
    ("2024/01/12 08:03", {}, "2024-01-12T08:03:00+07:00"),
    ("2024-01-12T08:03:00+07:00", {}, "2024-01-12T08:03:00+07:00"),
    ("2024-01-12T08:03:00.000+07:00", {}, "2024-01-12T08:03:00+07:00"),
    ("2024-01-12T01:03:00Z", {}, "2024-01-12T08:03:00+07:00"),
    ("2024-01-12 08:03:00", {}, "2024-01-12T08:03:00+07:00"),
    ("Fri, 12 Jan 2024 01:03:00 GMT", {}, "2024-01-12T08:03:00+07:00"),
    ("Fri, 12 Jan 2024 08:03:00 +0700", {}, "2024-01-12T08:03:00+07:00"),
    ("10h30 ngày 5/3/2024", {}, "2024-03-05T10:30:00+07:00"),
    ("10 giờ 30 phút, ngày 05/3/2024", {}, "2024-03-05T10:30:00+07:00"),
    ("10g30 ngày 5/3/2024", {}, "2024-03-05T10:30:00+07:00"),
    ("Ngày đăng: 24/01/2024", {}, "2024-01-24"),
    ("Ngày cập nhật: 24/01/2024 15:20", {}, "2024-01-24T15:20:00+07:00"),
    ("Đăng lúc: 15:20 24/01/2024", {}, "2024-01-24T15:20:00+07:00"),
    ("Ngày xuất bản: 24/01/2024 lúc 15:20", {}, "2024-01-24T15:20:00+07:00"),
    ("05/03/2024", {}, "2024-03-05"),  # day first, always
    ("05/03/24", {}, "2024-03-05"),
    ("5/3/99", {}, "1999-03-05"),
    ("30/01/2024 8:03 PM", {}, "2024-01-30T20:03:00+07:00"),
    ("30/01/2024 8:03 CH", {}, "2024-01-30T20:03:00+07:00"),
    ("30/01/2024 8:03 SA", {}, "2024-01-30T08:03:00+07:00"),
    ("Quyết định 1234/QĐ-UBND ngày 5/3/2024", {}, "2024-03-05"),
    # dateparser fallback: no rule reads month-first dates
    ("Tháng Một 30, 2024", {}, "2024-01-30"),
]

NORMALISATION = [
    ("30/01/2024\u00a0|\u00a008:03", {}, "2024-01-30T08:03:00+07:00"),
    ("30/01/2024\u200b08:03", {}, "2024-01-30T08:03:00+07:00"),
    ("\u00d0ăng lúc: 15:20 24/01/2024", {}, "2024-01-24T15:20:00+07:00"),
    # decomposed tone marks (NFD) read like composed ones
    ("12 tha\u0301ng n\u0103m 2024", {}, "2024-05-12"),
]

SESSIONS = [
    ("sáng 5/3/2024", {}, "2024-03-05"),
    ("8 giờ tối 5/3/2024", {}, "2024-03-05T20:00:00+07:00"),
    ("8h tối ngày 5/3/2024", {}, "2024-03-05T20:00:00+07:00"),
    ("3 giờ chiều ngày 5/3/2024", {}, "2024-03-05T15:00:00+07:00"),
    ("5/3/2024 lúc 3 giờ chiều", {}, "2024-03-05T15:00:00+07:00"),
    ("1 giờ trưa 5/3/2024", {}, "2024-03-05T13:00:00+07:00"),
    ("12 giờ trưa 5/3/2024", {}, "2024-03-05T12:00:00+07:00"),
    ("11 giờ đêm 5/3/2024", {}, "2024-03-05T23:00:00+07:00"),
    ("12 giờ đêm 5/3/2024", {}, "2024-03-05T00:00:00+07:00"),
    ("chiều 23/1 lúc 3 giờ", {"default_year": 2024}, "2024-01-23T15:00:00+07:00"),
    ("3 giờ chiều", {}, None),  # a time without a day is no date
]

YEARLESS = [
    ("Chiều ngày 23/1", {"default_year": 2024}, "2024-01-23"),
    ("chiều 23/1", {"default_year": 2024}, "2024-01-23"),
    ("chiều 23/1", {}, "2026-01-23"),  # year of now
    ("ngày 15-10", {}, "2026-10-15"),
    ("ngày 15/12", {}, "2025-12-15"),  # would be future in 2026: the year before
    ("ngày 22/11", {}, "2026-11-22"),  # tomorrow is within the one-day slack
    ("ngày 15/12", {"default_year": 2026}, None),  # a given year is not moved
    ("Thứ 2, 23/1", {"default_year": 2024}, "2024-01-23"),
    ("T2, 23/1", {"default_year": 2024}, "2024-01-23"),
    ("Chủ nhật, 21/1", {"default_year": 2024}, "2024-01-21"),
    ("23/1", {"default_year": 2024}, "2024-01-23"),  # alone at the start
    ("23/1 - 10:30", {"default_year": 2024}, "2024-01-23T10:30:00+07:00"),
    ("23/1 10:30", {"default_year": 2024}, "2024-01-23T10:30:00+07:00"),
    ("12/12", {}, "2025-12-12"),
    ("ngày 29/2", {"default_year": 2023}, None),
    ("ngày 2 tháng 9", {"default_year": 2025}, "2025-09-02"),
]

RELATIVE = [
    ("hôm qua", {}, "2026-11-20"),
    ("hôm nay", {}, "2026-11-21"),
    ("hôm kia", {}, "2026-11-19"),
    ("sáng nay", {}, "2026-11-21"),
    ("hôm nay 08:15", {}, "2026-11-21T08:15:00+07:00"),
    ("hôm qua lúc 21:40", {}, "2026-11-20T21:40:00+07:00"),
    ("3 giờ chiều hôm qua", {}, "2026-11-20T15:00:00+07:00"),
    ("2 giờ trước", {}, "2026-11-21T10:00:00+07:00"),
    ("3 tiếng trước", {}, "2026-11-21T09:00:00+07:00"),
    ("30 phút trước", {}, "2026-11-21T11:30:00+07:00"),
    ("5 phút trước", {}, "2026-11-21T11:55:00+07:00"),
    ("3 ngày trước", {}, "2026-11-18"),
    ("1 tuần trước", {}, "2026-11-14"),
]

REJECTED = [
    # counts, ratios, terms of office and document numbers are not dates
    ("1.308 đảng viên", {}, None),
    ("2020-2025", {}, None),
    ("nhiệm kỳ 2020 - 2025", {}, None),
    ("109/69 tổ chức", {}, None),
    ("12/12 nội dung", {}, None),
    ("đạt 12/12 nội dung", {}, None),
    ("Nghị quyết 35-NQ/TW", {}, None),
    ("46.148 /24.320", {}, None),
    ("Nghị định 100/2019/NĐ-CP", {}, None),
    ("Thông tư 02/2024/TT-BCA", {}, None),
    ("tăng 3.5 lần", {}, None),
    ("1.2.24", {}, None),  # two-digit years only after "/" or "-"
    ("5 tháng 3", {}, None),  # a duration unless a cue says it is a day
    ("", {}, None),
    # impossible, future or too old
    ("31/02/2024", {}, None),
    ("29/02/2023", {}, None),
    ("12/12/2030", {}, None),
    ("23/11/2026 08:00", {}, None),
    ("2026-11-22T11:00:00+07:00", {}, "2026-11-22T11:00:00+07:00"),  # within a day
    ("2026-11-22T13:00:00+07:00", {}, None),
    ("12/03/1985", {}, None),
    ("25:99 05/03/2024", {}, "2024-03-05"),  # not a time, but the date stands
]


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    ABSOLUTE + NORMALISATION + SESSIONS + YEARLESS + RELATIVE + REJECTED,
)
def test_parse_date(text, kwargs, expected):
    found = parse_date(text, now=NOW, **kwargs)
    assert (found.isoformat() if found else None) == expected


def test_value_is_aware_vietnam_time_and_midnight_for_dates():
    found = parse_date("2024-01-12T01:03:00Z", now=NOW)
    assert found.value == datetime(2024, 1, 12, 8, 3, tzinfo=VN_TZ)
    assert found.value.utcoffset().total_seconds() == 7 * 3600
    assert found.has_time
    day = parse_date("Thứ 2, Ngày 25 / 10 / 2021", now=NOW)
    assert day == FoundDate(datetime(2021, 10, 25, tzinfo=VN_TZ), False)


def test_now_in_another_zone_or_naive_is_taken_as_the_same_instant():
    utc_now = NOW.astimezone(timezone.utc)
    assert parse_date("hôm qua", now=utc_now).isoformat() == "2026-11-20"
    assert parse_date("hôm qua", now=NOW.replace(tzinfo=None)).isoformat() == "2026-11-20"


def test_skips_a_rejected_date_for_the_next_one():
    assert parse_date("12/12/2030 hoặc 05/03/2024", now=NOW).isoformat() == "2024-03-05"


def test_find_dates_in_a_header_block_in_order():
    block = (
        "Thứ Ba, 30/01/2024 08:03 (GMT+7)\n"
        "Tin: Nguyễn Văn A – 1.308 đảng viên, nhiệm kỳ 2020-2025\n"
        "Cập nhật lúc 09:15 ngày 31/01/2024"
    )
    assert [d.isoformat() for d in find_dates(block, now=NOW)] == [
        "2024-01-30T08:03:00+07:00",
        "2024-01-31T09:15:00+07:00",
    ]


def test_find_dates_nothing():
    assert find_dates("Đảng bộ có 1.308 đảng viên, 109/69 tổ chức", now=NOW) == []


def test_regex_forms_never_reach_dateparser(monkeypatch):
    """The fast path: a fully printed date is built without dateparser."""

    def refuse(base):
        raise AssertionError("dateparser called")

    monkeypatch.setattr(dates, "_dateparser", refuse)
    for text, kwargs, expected in ABSOLUTE[:-1] + SESSIONS[:-1] + YEARLESS:
        found = parse_date(text, now=NOW, **kwargs)
        assert (found.isoformat() if found else None) == expected


URLS = [
    ("https://baodautu.vn/2024/01/30/bai-viet/", "2024-01-30"),
    ("https://example.vn/tin-tuc/2024-01-30-hoi-nghi.html", "2024-01-30"),
    ("https://example.vn/tin-tuc/20240130/hoi-nghi.html", "2024-01-30"),
    ("https://tuoitre.vn/hoi-nghi-tinh-uy-20240130080312345.htm", "2024-01-30"),
    ("https://example.vn/hoi-nghi-20240130123456.htm", "2024-01-30"),
    ("https://vnexpress.net/hoi-nghi-4705678.html", None),
    ("https://example.vn/hoi-nghi-2024013012.htm", None),  # neither a date nor a stamp
    ("https://example.vn/hoi-nghi-20241399.htm", None),
    ("https://example.vn/hoi-nghi-20249930123456.htm", None),
    ("https://baolamdong.vn/chinh-tri/202402/slug-123/", None),  # year and month only
    ("https://example.vn/2099/01/30/tin/", None),
    ("http://[broken/2024/01/30/", None),
]


@pytest.mark.parametrize(("url", "expected"), URLS)
def test_date_from_url(url, expected):
    found = date_from_url(url)
    assert (found.isoformat() if found else None) == expected


def test_parse_date_reads_urls_as_urls():
    assert parse_date("https://baodautu.vn/2024/01/30/x", now=NOW).isoformat() == "2024-01-30"
    assert parse_date("/2024/01/30/x", now=NOW).isoformat() == "2024-01-30"
    assert parse_date("https://vnexpress.net/hoi-nghi-4705678.html", now=NOW) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("baolamdong.vn/chinh-tri/202402/slug-123/", (2024, 2)),
        ("https://example.vn/2023/11/slug", (2023, 11)),  # WordPress permalinks
        ("https://example.vn/2023/11", (2023, 11)),
        ("https://example.vn/2023/115/slug", None),
        ("https://baodautu.vn/2024/01/30/bai-viet/", (2024, 1)),
        ("https://example.vn/tin/202413/slug", None),
        ("https://example.vn/tin/209901/slug", None),
        ("https://example.vn/tin/123456/slug", None),
    ],
)
def test_year_month_from_url(url, expected):
    assert year_month_from_url(url) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    found = parse_date(text, now=NOW)
    assert found is None or found.value <= NOW.replace(day=22)
    for item in find_dates(text, now=NOW):
        assert item.value.year >= 1990


DATEY = st.text(
    alphabet="0123456789/-.:, hgiờphútngàyThứsáng chiềutốiGMT+Zthángnămtrướchômqua", max_size=40
)


@settings(max_examples=500, deadline=None)
@given(DATEY)
def test_never_raises_on_date_like_text(text):
    parse_date(text, now=NOW)
    find_dates(text, now=NOW, default_year=2024)
    date_from_url("https://x.vn/" + text)
    year_month_from_url("https://x.vn/" + text)
