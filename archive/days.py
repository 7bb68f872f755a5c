"""Days typed the Vietnamese way, dd/mm/yyyy (yyyy-mm-dd too), read into the ISO form the archive stores.

The search forms take dates as text rather than ``<input type=date>``, which shows mm/dd/yyyy to a
browser set to American English; what was typed is read here, on the server.
"""

from __future__ import annotations

import re
from datetime import date

DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
HINT = "type the day as dd/mm/yyyy, e.g. 25/10/2021"


def iso_day(typed: str | None) -> str | None:
    """"25/10/2021", "5/1/2024" or "2021-10-25" as "2021-10-25"; "" when nothing was typed; None when it is no day."""
    typed = (typed or "").strip()
    if not typed:
        return ""
    if match := DMY.fullmatch(typed):
        day, month, year = match.groups()
    elif match := YMD.fullmatch(typed):
        year, month, day = match.groups()
    else:
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def day_problem(label: str, typed: str | None) -> str | None:
    """The one-line message for a day field that holds no day, naming it and what was typed; None when fine."""
    if iso_day(typed) is None:
        return f"{label}: “{typed.strip()}” is not a day; {HINT}."
    return None

