"""Publication dates as Vietnamese news portals print them, read in Vietnam time.

Portals print dates in many shapes ("30/01/2024 | 08:03 GMT+7", "10h30 ngày 5/3/2024",
"Chiều ngày 23/1", "2 giờ trước"), always day first, often with session words
(sáng/chiều/tối) that shift the hour.  dateparser alone mis-reads several of them (it takes
"20 giờ 5/3/2024" for a time today and ignores session words) and costs about 1 ms a call,
so ordered regex rules find the expression and take it apart first.  When the parts give
the full date the datetime is built directly; dateparser (Vietnamese only, day first, Vietnam
time) reads the relative words ("hôm qua", "3 ngày trước") and is the last fallback for a
short date line no rule matched.  Conservative by design: a future date, a date before 1990,
or an impossible day is never returned.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

_MIN_YEAR = 1990
_FUTURE_SLACK = timedelta(days=1)
# dateparser guesses freely on long text; only a date line or a meta value goes to it.
_FALLBACK_MAX_LEN = 64


@dataclass(frozen=True)
class FoundDate:
    """A date read from text; ``value`` is in Vietnam time (midnight when only a date)."""

    value: datetime
    has_time: bool

    def isoformat(self) -> str:
        """Full timestamp when the text gave a time, the bare date otherwise."""
        if self.has_time:
            return self.value.isoformat(timespec="seconds")
        return self.value.date().isoformat()


# --- normalisation ---------------------------------------------------------------------

# "Ð"/"ð" (Icelandic eth) turn up in place of "Đ"/"đ" on badly encoded pages.
_CHAR_FIXES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ"})
# \s covers NBSP and the other Unicode spaces; zero-width characters are not \s.
_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_CHAR_FIXES)
    return _SPACES.sub(" ", text).strip()


# --- regex fragments (whitespace is already collapsed to single spaces) -----------------

_SESSION = r"sáng|trưa|chiều|tối|đêm|khuya"
_MERIDIEM = r"am|pm|sa|ch"  # "SA"/"CH" are the Vietnamese AM/PM of Windows locales
_WEEKDAY = r"thứ ?(?:[2-7]|hai|ba|tư|năm|sáu|bảy)|chủ ?nhật|cn|t[2-7]"
# Words that announce a date; a year-less d/m is read only after one of them.
_CUE = (
    rf"ngày(?: (?:đăng|cập nhật|xuất bản))?|cập nhật(?: lúc)?|đăng lúc|{_WEEKDAY}"
)
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])"
_MONTH = r"(?P<m>1[0-2]|0?[1-9])"
# Gregorian month words.  "tháng Giêng"/"tháng Chạp" are left out on purpose: they name
# lunar months.  dateparser 1.5.0 lacks "bốn" and "năm", hence the table.
_MONTH_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12,
}
_EN_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_NO_MORE_DATE = r"(?!\d|[/\-.]\d)"  # so "2020-2025" or "12/2024/NĐ-CP" are not cut short


def _time(t: str) -> str:
    """A clock time ("08:03", "09:30:15", "16:22'", "10h30", "10 giờ 30 phút", "8h") with an
    optional session or AM/PM word after it; groups are suffixed with ``t``."""
    return (
        rf"(?<![\d:./])(?P<H{t}>2[0-3]|[01]?\d) ?(?:"
        rf": ?(?P<M{t}>[0-5]\d)(?::(?P<S{t}>[0-5]\d)(?:\.\d+)?)?(?!\d)'?"  # "16:22' - 04/09/2026"
        rf"|(?:giờ|h|g)(?: ?(?P<N{t}>[0-5]?\d)(?: ?(?:phút|p|'))?)?(?![\w/])"
        rf")(?: ?(?P<P{t}>{_SESSION}|{_MERIDIEM})(?!\w))?"
    )


_TZ = (
    r"(?: ?\(? ?(?P<gmt>gmt|utc) ?(?P<off1>[+\-] ?\d{1,2}(?::?\d{2})?)? ?\)?"
    r"| ?(?P<off2>z(?!\w)|[+\-]\d{2}:?\d{2}(?!\d)))?"
)
_PRE = rf"(?:{_time('a')}[ |,;\-–—]*)?"  # "06:59, 02/02/2024", "10:20 - 05/03/2024"
_POST_SEP = r"(?:t|[ |,;\-–—]+(?:(?:vào )?lúc ?)?)"
_POST_TIME = rf"{_POST_SEP}{_time('b')}{_TZ}"
_POST = rf"(?:{_POST_TIME})?"
_LEAD = rf"(?:(?<!\w)(?P<s0>{_SESSION})(?!\w) ?,? ?)?(?:(?P<cue>ngày|mồng|mùng) ?:? ?)?"

_YMD = (
    rf"(?<![\d/.])(?P<y>(?:19|20)\d{{2}})(?P<sep>[\-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
    rf"(?P<d>3[01]|[12]\d|0?[1-9]){_NO_MORE_DATE}"
)
_RFC822 = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? ?)?(?P<d>3[01]|[12]\d|0?[1-9]) ?"
    r"(?P<en>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? ?"
    r"(?P<y>(?:19|20)\d{2})(?!\d)"
)
# Spaces are allowed around "/" and "-" ("25 / 10 / 2021") but not around ".", which
# would read decimals.
_DMY = (
    rf"(?<![\d/.]){_DAY}(?: ?(?P<sep>[/\-]) ?|\.){_MONTH}(?(sep) ?(?P=sep) ?|\.)"
    rf"(?P<y>\d{{4}}|\d{{2}}){_NO_MORE_DATE}"
)
_VN_MONTH_WORD = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
_VN_MONTH = (
    rf"(?<![\d/.]){_DAY} ?(?:tháng|thg) ?(?P<m>1[0-2]|0?[1-9]|{_VN_MONTH_WORD})(?!\w)"
    rf"(?: ?[,/]? ?(?:năm )?(?P<y>(?:19|20)\d{{2}})(?!\d))?"
)
# A year-less d/m ends where no year follows, not even after a spaced separator
# ("25 / 10 / 2021"); " - 10:30" after it is a time, not a year.
_DM_END = r"(?!\d|[/\-.]\d)(?! ?[/\-.] ?\d{2,4}(?![\d:hg']| ?giờ))"
# A year-less d/m is taken only after a date cue ("ngày", a session word, a weekday...)
# or alone at the very start of the text followed by punctuation, the end or a time:
# elsewhere "12/12 nội dung" or "109/69 tổ chức" are counts, not dates.
_DM_CUE = (
    rf"(?<!\w)(?:(?P<s0>{_SESSION})|(?P<cue>{_CUE}))(?!\w)[ ,:]*(?:ngày ?:? ?)?"
    rf"(?<![\d/.]){_DAY}[/\-.]{_MONTH}{_DM_END}"
)
_DM_START = (
    rf"^{_DAY}[/\-]{_MONTH}{_DM_END}(?:{_POST_TIME}|(?= ?(?:$|[,;|()–—\-])))"
)
_RELATIVE_DAY = rf"(?<!\w)(?:(?P<s0>{_SESSION}) (?:hôm )?|hôm ?)(?P<rel>nay|qua|kia)(?!\w)"
_AGO = r"(?<![\d.,])(?P<n>\d{1,3}) ?(?P<unit>giây|phút|giờ|tiếng|ngày|tuần) trước(?!\w)"


def _rule(core: str, *, lead: bool = True, around: bool = True) -> re.Pattern[str]:
    """Wrap a date core with the optional time before it, the lead words and the time
    after it, so one match spans the whole expression."""
    pattern = f"{_LEAD}{core}" if lead else core
    if around:
        pattern = f"{_PRE}{pattern}{_POST}"
    return re.compile(pattern, re.IGNORECASE)


# Tried in this order for matches starting at the same place; the earliest match wins.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", _rule(_YMD)),
    ("rfc822", _rule(_RFC822, lead=False)),
    ("dmy", _rule(_DMY)),
    ("vn_month", _rule(_VN_MONTH)),
    ("dm_cue", _rule(_DM_CUE, lead=False)),
    ("dm_start", _rule(_DM_START, lead=False, around=False)),
    ("relative_day", _rule(_RELATIVE_DAY, lead=False)),
    ("ago", _rule(_AGO, lead=False, around=False)),
]
_HAS_TIME = re.compile(_time("a"), re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")
_URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.\-]*://|//|/|www\.)\S*$", re.IGNORECASE)

_URL_YEAR = r"(?P<y>(?:19|20)\d{2})"
_URL_DATE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("path_ymd", re.compile(rf"/{_URL_YEAR}/(?P<m>1[0-2]|0?[1-9])/{_DAY}(?!\d)")),
    ("dashed_ymd", re.compile(
        rf"(?<!\d){_URL_YEAR}-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])(?!\d)"
    )),
    # A digit run that is exactly yyyymmdd[HHMM[SS[fff]]] with every part in range, as in
    # tuoitre's "-20240130080312345.htm"; other ids ("-4705678.html") are never dates.
    ("stamp", re.compile(
        rf"(?:^|[/\-_]){_URL_YEAR}(?P<m>1[0-2]|0[1-9])(?P<d>3[01]|[12]\d|0[1-9])"
        r"(?:(?:2[0-3]|[01]\d)[0-5]\d(?:[0-5]\d(?:\d{3})?)?)?(?=$|[/.\-_])"
    )),
]
_URL_YEAR_MONTH_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("yyyymm_segment", re.compile(rf"/{_URL_YEAR}(?P<m>1[0-2]|0[1-9])(?=/|$)")),
    ("yyyy_mm_segments", re.compile(rf"/{_URL_YEAR}/(?P<m>1[0-2]|0?[1-9])(?=/|$)")),
]


# --- dateparser --------------------------------------------------------------------------

_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_DATES_FROM": "past",
    "TIMEZONE": "Asia/Ho_Chi_Minh",
    "RETURN_AS_TIMEZONE_AWARE": True,
    # Without this a bare "12/12" or "tháng 3" would come back as some day of this year.
    "REQUIRE_PARTS": ["day", "month", "year"],
}


@functools.lru_cache(maxsize=32)
def _dateparser(base: datetime) -> DateDataParser:
    """One parser per relative base (Vietnam wall time, to the minute): the base is part
    of dateparser's settings, and the minute keeps the cache useful when ``now`` is the
    clock."""
    return DateDataParser(
        languages=["vi"], settings={**_DATEPARSER_SETTINGS, "RELATIVE_BASE": base}
    )


def _dateparse(text: str, now: datetime) -> datetime | None:
    base = now.replace(second=0, microsecond=0, tzinfo=None)
    value = _dateparser(base).get_date_data(text).date_obj
    return value.astimezone(VN_TZ) if value is not None else None


# --- building a date from a match ----------------------------------------------------------


def _accept(value: datetime, now: datetime) -> bool:
    return value.year >= _MIN_YEAR and value <= now + _FUTURE_SLACK


def _hour(hour: int, word: str | None) -> int:
    """Apply a session or AM/PM word: "8 giờ tối" is 20:00, "12 giờ đêm" is 00:00."""
    word = (word or "").lower()
    if word in ("chiều", "tối", "pm", "ch"):
        return hour + 12 if hour < 12 else hour
    if word == "trưa":  # "1 giờ trưa" is 13:00, "11 giờ trưa" stays
        return hour + 12 if hour <= 5 else hour
    if word in ("đêm", "khuya"):
        return 0 if hour == 12 else hour + 12 if 6 <= hour < 12 else hour
    if word in ("am", "sa"):
        return 0 if hour == 12 else hour
    return hour


def _clock(g: dict[str, str | None]) -> time | None:
    """The time of day the match gave (before or after the date), or None."""
    for t in ("a", "b"):
        hour = g.get(f"H{t}")
        if hour is not None:
            minute = g[f"M{t}"] or g[f"N{t}"] or 0
            return time(
                _hour(int(hour), g[f"P{t}"] or g.get("s0")), int(minute), int(g[f"S{t}"] or 0)
            )
    return None


def _offset(g: dict[str, str | None]) -> timezone | None:
    """The UTC offset printed after the time ("GMT+7", "+07:00", "Z", "GMT"), or None."""
    raw = g.get("off1") or g.get("off2")
    if raw is None:
        return timezone.utc if g.get("gmt") else None
    raw = raw.replace(" ", "")
    if raw in ("z", "Z"):
        return timezone.utc
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


def _month(g: dict[str, str | None]) -> int:
    if g.get("en"):
        return _EN_MONTHS[g["en"].lower()]
    raw = g["m"].lower()
    return int(raw) if raw.isdigit() else _MONTH_WORDS[raw]


def _calendar(name: str, g: dict[str, str | None], now: datetime,
              default_year: int | None) -> FoundDate | None:
    """A date printed with day and month (and usually year)."""
    year = g.get("y")
    if year is None and name == "vn_month" and not (g.get("cue") or g.get("s0")):
        return None  # "5 tháng 3" without a year or a cue may be a duration
    clock = _clock(g)
    day = date(2000, _month(g), int(g["d"]))  # a leap year: 29/02 is checked with the year
    if year is None:
        year_ = default_year if default_year is not None else now.year
    elif len(year) == 2:
        if g.get("sep") is None:
            return None  # "1.2.24" is more likely a section number than a date
        year_ = 2000 + int(year) if 2000 + int(year) <= now.year else 1900 + int(year)
    else:
        year_ = int(year)
    offset = _offset(g)
    value = _combine(day.replace(year=year_), clock, offset)
    if year is None and default_year is None and value > now + _FUTURE_SLACK:
        value = _combine(day.replace(year=year_ - 1), clock, offset)
    return FoundDate(value, clock is not None)


def _combine(day: date, clock: time | None, offset: timezone | None) -> datetime:
    if clock is None:
        return datetime.combine(day, time(), VN_TZ)
    return datetime.combine(day, clock, offset or VN_TZ).astimezone(VN_TZ)


def _relative(g: dict[str, str | None], now: datetime) -> FoundDate | None:
    """"hôm qua", "sáng nay", "2 giờ trước"... read by dateparser against ``now``."""
    unit = (g.get("unit") or "").lower()
    if unit:
        phrase = f"{g['n']} {'giờ' if unit == 'tiếng' else unit} trước"
    else:  # dateparser knows "hôm nay"/"hôm qua" but not "hôm kia"
        phrase = {"nay": "hôm nay", "qua": "hôm qua", "kia": "2 ngày trước"}[g["rel"].lower()]
    value = _dateparse(phrase, now)
    if value is None:
        return None
    if unit in ("giây", "phút", "giờ", "tiếng"):
        return FoundDate(value.replace(second=0, microsecond=0), True)
    clock = _clock(g)
    return FoundDate(_combine(value.date(), clock, _offset(g)), clock is not None)


def _build(name: str, match: re.Match[str], now: datetime,
           default_year: int | None) -> FoundDate | None:
    g = match.groupdict()
    try:
        if name in ("relative_day", "ago"):
            found = _relative(g, now)
        else:
            found = _calendar(name, g, now, default_year)
    except ValueError:  # 31/02, an hour offset past 24h...
        return None
    return found if found is not None and _accept(found.value, now) else None


def _fallback(text: str, now: datetime) -> FoundDate | None:
    """dateparser on a short date line no rule matched ("Tháng Một 30, 2024")."""
    if len(text) > _FALLBACK_MAX_LEN or not _HAS_DIGIT.search(text):
        return None
    value = _dateparse(text, now)
    if value is None:
        return None
    has_time = _HAS_TIME.search(text) is not None
    if not has_time:
        value = datetime.combine(value.date(), time(), VN_TZ)
    return FoundDate(value, has_time) if _accept(value, now) else None


# --- public API ----------------------------------------------------------------------------


def _vn_now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(VN_TZ)
    return now.replace(tzinfo=VN_TZ) if now.tzinfo is None else now.astimezone(VN_TZ)


def _scan(text: str, now: datetime, default_year: int | None,
          first_only: bool) -> list[FoundDate]:
    text = _normalise(text)
    if _URL_LIKE.match(text):
        found = _date_from_url(text, now)
        return [found] if found else []
    candidates = sorted(
        (match.start(), index, match)
        for index, (_, rule) in enumerate(_RULES)
        for match in rule.finditer(text)
    )
    if not candidates:
        found = _fallback(text, now)
        return [found] if found else []
    dates: list[FoundDate] = []
    taken_until = 0
    for start, index, match in candidates:
        if start < taken_until:
            continue
        # A rejected expression (future, 31/02) still holds its span: nothing inside it
        # is read as another date.
        taken_until = match.end()
        found = _build(_RULES[index][0], match, now, default_year)
        if found is not None:
            dates.append(found)
            if first_only:
                break
    return dates


def parse_date(text: str, *, now: datetime | None = None,
               default_year: int | None = None) -> FoundDate | None:
    """First date expression found in `text` (a date line, a meta value, or a URL), or None.

    A year-less date takes ``default_year``, else the year of ``now`` (the year before when
    that would put it in the future).
    """
    found = _scan(text, _vn_now(now), default_year, first_only=True)
    return found[0] if found else None


def find_dates(text: str, *, now: datetime | None = None,
               default_year: int | None = None) -> list[FoundDate]:
    """All date expressions in a longer text block, in order of appearance."""
    return _scan(text, _vn_now(now), default_year, first_only=False)


def _url_path(url: str) -> str | None:
    try:
        return urlsplit(url).path
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None


def _date_from_url(url: str, now: datetime) -> FoundDate | None:
    path = _url_path(url)
    if path is None:
        return None
    for _, rule in _URL_DATE_RULES:
        for match in rule.finditer(path):
            try:
                value = datetime(int(match["y"]), int(match["m"]), int(match["d"]), tzinfo=VN_TZ)
            except ValueError:
                continue
            if _accept(value, now):
                return FoundDate(value, False)
    return None


def date_from_url(url: str) -> FoundDate | None:
    """Date evident in a URL path: /2024/01/30/, /2024-01-30-slug, /20240130/ or a
    yyyymmdd[HHMM[SS[fff]]] id; date only, since a URL's time is the CMS's, not the
    printed one."""
    return _date_from_url(url, _vn_now(None))


def year_month_from_url(url: str) -> tuple[int, int] | None:
    """Year and month from a URL, e.g. baolamdong.vn/chinh-tri/202402/slug-123/ -> (2024, 2):
    enough to place an article in an archive month when the day is not in the URL."""
    now = _vn_now(None)
    found = _date_from_url(url, now)
    if found is not None:
        return found.value.year, found.value.month
    path = _url_path(url)
    if path is None:
        return None
    for _, rule in _URL_YEAR_MONTH_RULES:
        for match in rule.finditer(path):
            year_month = int(match["y"]), int(match["m"])
            if _MIN_YEAR <= year_month[0] and year_month <= (now.year, now.month):
                return year_month
    return None
