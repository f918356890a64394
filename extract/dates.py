"""Dutch dates as printed: "9 januari 2025", "09-01-2025", "vrijdag 31 januari",
"1 februari a.s.", "11 SEP. 2020", "2025-01-09".

Dates without a year are resolved against a reference date (the document's own
date): the same year, or the next one when "a.s." (aanstaande) points forward
past the year end. OCR slips in digits (O for 0, l or I for 1) are tolerated.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "february": 2, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7,
    "july": 7, "augustus": 8, "aug": 8, "august": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12, "january": 1,
}
WEEKDAYS = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?,?"

_DIGIT = r"[0-9OoIl]"
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

#: named patterns, tried in order
PATTERNS: dict[str, re.Pattern[str]] = {
    "day_month_year": re.compile(
        rf"(?<![\w/-])(?P<day>[0-3O]\s(?=\d\s+[A-Za-z])\d|{_DIGIT}{{1,2}})\s*(?:e\s+)?(?P<month>{_MONTH_NAMES})\.?,?\s+"
        rf"(?P<year>(?:1[89]|2[0O])\s?{_DIGIT}{{2}})(?!\d)",
        re.IGNORECASE),
    # "October 3, 2023", "Tuesday, March 5, 2024": English clients print the month first
    "month_day_year": re.compile(
        rf"(?<![\w/-])(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>{_DIGIT}{{1,2}}),?\s+(?P<year>(?:1[89]|2[0O]){_DIGIT}{{2}})(?!\d)",
        re.IGNORECASE),
    "iso": re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d-])"),
    "numeric": re.compile(
        rf"(?<![\d/.-])(?P<day>{_DIGIT}{{1,2}})[-./](?P<month>{_DIGIT}{{1,2}})[-./](?P<year>(?:19|20){_DIGIT}{{2}})(?![\d/.-])"),
    "day_month": re.compile(
        rf"(?<![\w/-])(?:{WEEKDAYS}\s+)?(?P<day>{_DIGIT}{{1,2}})\s+(?P<month>{_MONTH_NAMES})\b\.?(?!\s*(?:1[89]|2[0O])\s?{_DIGIT}{{2}})(?P<as>\s+a\.?\s?s\.?)?",
        re.IGNORECASE),
}

#: "Woensdag 10 juli 2024 10.00 – 11.00 uur": the weekday line of a meeting
WEEKDAY_LINE = re.compile(rf"^\W*{WEEKDAYS}\s+\d{{1,2}}\s+[a-z]+", re.IGNORECASE)
#: an English e-mail client's date: weekday abbreviation or AM/PM → M/D/Y
US_STYLE = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)\b|\d\s*[AP]M\b", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s*(?:uur\b|u\b|[–-]\s*\d{1,2}[.:]\d{2})|\buur\b",
                   re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: its value (None when not resolvable), the matched text and span."""

    date: dt.date | None
    text: str
    start: int
    end: int
    has_year: bool


def _digits(text: str) -> int:
    return int(text.translate(str.maketrans("OoIl", "0011")).replace(" ", ""))


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, reference: dt.date | None = None) -> list[FoundDate]:
    """All dates in `text`, left to right; yearless dates resolved against `reference`."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for name, rx in PATTERNS.items():
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            month_raw = m.group("month")
            month = MONTHS.get(month_raw.lower().rstrip(".")) if not month_raw.isdigit() and name != "numeric" \
                else _digits(month_raw)
            if month is None:
                continue
            day = _digits(m.group("day"))
            if name == "numeric" and US_STYLE.search(text) and "/" in m.group(0):
                day, month = month, day  # "Tue 9/15/2020 6:48:14 AM": an English client writes month first
            if name == "day_month":
                value = None
                if reference is not None:
                    value = _make(reference.year, month, day)
                    if value and m.group("as") and value < reference - dt.timedelta(days=31):
                        value = _make(reference.year + 1, month, day)
                found.append(FoundDate(value, m.group(0).strip(), m.start(), m.end(), False))
            else:
                value = _make(_digits(m.group("year")), month, day)
                if value is None:
                    continue
                found.append(FoundDate(value, m.group(0).strip(), m.start(), m.end(), True))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str, reference: dt.date | None = None) -> dt.date | None:
    """The first date in `text` (None when there is none)."""
    for found in find_dates(text, reference):
        if found.date is not None:
            return found.date
    return None


def has_time(text: str) -> bool:
    """Whether the text names a time of day ("13:00 – 14:00 uur"): a meeting, not a document date."""
    return bool(_TIME.search(text))
