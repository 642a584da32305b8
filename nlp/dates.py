"""Resolve a deadline phrase to a calendar date relative to a reference day.

Own rules, not dateparser: "by Q3" is the last day of the next third quarter,
"within 6 months" is today plus six calendar months (month-end safe), "by June"
is June 30 of the next June, "by the end of the year" is December 31. Fiscal
periods are read as calendar periods (FY26 ends 2026-12-31) because the
organisation's fiscal calendar is unknown. Phrases tied to events (a review,
graduation, an age) cannot be resolved and give ``None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Meteorological seasons (northern hemisphere): the month in which each one ends.
SEASON_END_MONTH = {"spring": 5, "summer": 8, "fall": 11, "autumn": 11, "winter": 2}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "eighteen": 18, "twenty": 20, "twenty-four": 24, "thirty": 30,
    "thirty-six": 36, "forty-five": 45, "sixty": 60, "ninety": 90, "couple": 2,
}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
            "fourth": 4, "4th": 4, "last": 4, "final": 4}
UNIT_MONTHS = {"year": 12, "yr": 12, "decade": 120, "quarter": 3, "semester": 6,
               "month": 1, "mo": 1, "term": 4}
UNIT_DAYS = {"week": 7, "wk": 7, "fortnight": 14, "day": 1, "sprint": 14}


@dataclass(frozen=True)
class Resolution:
    """A resolved deadline: the date (or None) and whether it depends on ``today``."""

    date: dt.date | None
    relative: bool


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar-correct month arithmetic: Jan 31 + 1 month is the last day of February."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(token: str) -> int:
    digits = token.strip("'’")
    value = int(digits)
    return value + 2000 if value < 100 else value


def _number(token: str) -> float | None:
    token = token.replace(",", "")
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    try:
        return float(token)
    except ValueError:
        return None


def _next_month_end(today: dt.date, month: int) -> dt.date:
    year = today.year if month >= today.month else today.year + 1
    return month_end(year, month)


def _next_day(today: dt.date, month: int, day: int) -> dt.date | None:
    for year in (today.year, today.year + 1, today.year + 4):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def _quarter_end(year: int, quarter: int) -> dt.date:
    return month_end(year, quarter * 3)


def _season_end(year: int, season: str) -> dt.date:
    month = SEASON_END_MONTH[season]
    return month_end(year + 1 if season == "winter" else year, month)


_YEAR = r"(?:19|20)\d\d|'\d\d"
_RE_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_RE_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b")
_RE_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?")
_RE_MONTH_DAY = re.compile(
    r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(\d{4}))?"
)
_RE_MONTH_YEAR = re.compile(rf"\b([a-z]+)\.?,?\s+({_YEAR})\b")
_RE_QUARTER = re.compile(
    rf"\b(?:q([1-4])|([1-4])q)\b\.?[\s'’,-]*(?:of\s+)?(?:fy\s*)?({_YEAR}|\d\d)?"
)
_RE_QUARTER_WORDS = re.compile(
    r"\b(first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+(?:fiscal\s+|financial\s+|"
    r"calendar\s+)?(quarter|half)\b(?:\s+of)?(?:\s+the)?(?:\s+(this|next))?(?:\s+(?:fiscal\s+)?"
    rf"year)?(?:\s+(?:fy)?({_YEAR}|\d\d))?"
)
_RE_HALF = re.compile(rf"\bh([12])\b\s*(?:fy)?({_YEAR}|\d\d)?")
_RE_FISCAL = re.compile(r"\bfy\s*['-]?(\d{2}(?:\d{2})?)\b|\bfiscal\s+(?:year\s+)?(\d{4}|\d\d)\b")
_RE_RELATIVE = re.compile(
    r"\b(?:within|in|inside|over|during|throughout|for|after)?\s*(?:the\s+)?"
    r"(?:next|coming|following|upcoming)?\s*(?:about|around|roughly|just|only|less than|under)?"
    r"\s*(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|eighteen|twenty|twenty-four|thirty|thirty-six|forty-five|sixty|ninety|"
    r"(?:a\s+)?couple(?:\s+of)?)\s*(?:-|to|or)?\s*(\d+)?\s*(?:more\s+|full\s+|calendar\s+)?"
    r"(years?|yrs?|months?|mos?|weeks?|wks?|days?|quarters?|semesters?|terms?|decades?|"
    r"fortnights?|sprints?)\b(?:\s+and\s+a\s+half)?"
)
_RE_HALF_YEAR = re.compile(r"\bhalf\s*(?:a\s+|-)?year\b")
_RE_NEXT_UNIT = re.compile(
    r"\b(this|next|coming|current|upcoming|the end of the|end of the|the end of|end of)\s+"
    r"(?:(?:calendar|fiscal|financial|academic|school)\s+)?"
    r"(year|quarter|month|week|semester|term|summer|spring|fall|autumn|winter|half|decade)\b"
)
_RE_UNIT_END = re.compile(r"\b(year|quarter|month|week)[\s-]?end\b|\beo([yqmw])\b|"
                          r"\bend[\s-]of[\s-](year|quarter|month|week)\b")
_RE_SEASON = re.compile(rf"\b(spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?({_YEAR}))?")
_RE_YEAR = re.compile(rf"(?<![\d/.-])({_YEAR})(?![\d/])")
_RE_MONTH = re.compile(r"\b([a-z]+)\b")
_RE_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_UNRESOLVABLE = re.compile(
    r"\b(review|appraisal|evaluation|assessment|cycle|graduat\w*|age|turn|retire\w*|"
    r"probation\w*|program\w*|degree|course|internship|residency|apprenticeship|contract|"
    r"placement|rotation|school|academic|semester|term|sprint|check-in|1:1|"
    r"one-on-one|calibration|conversation|round|period|project|season)\b"
)


def resolve(phrase: str, today: dt.date) -> Resolution:
    """Resolve a deadline phrase; ``Resolution(None, True)`` when it cannot be dated."""
    text = " ".join(phrase.lower().replace("’", "'").split())
    for resolver in _RESOLVERS:
        try:
            result = resolver(text, today)
        except (ValueError, OverflowError):  # beyond the calendar (a "today" near year 9999)
            return Resolution(None, True)
        if result is not None:
            return result
    return Resolution(None, True)


def _iso(text: str, today: dt.date) -> Resolution | None:
    match = _RE_ISO.search(text)
    if not match:
        return None
    try:
        return Resolution(dt.date(*map(int, match.groups())), False)
    except ValueError:
        return Resolution(None, True)


def _numeric(text: str, today: dt.date) -> Resolution | None:
    match = _RE_NUMERIC.search(text)
    if not match:
        return None
    first, second, year_text = match.groups()
    a, b = int(first), int(second)
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first part cannot be a month
    if not 1 <= month <= 12:
        return Resolution(None, True)
    if year_text is None:
        return Resolution(_next_day(today, month, day), True)
    try:
        return Resolution(dt.date(_year(year_text), month, day), False)
    except ValueError:
        return Resolution(None, True)


def _month_phrase(text: str, today: dt.date) -> Resolution | None:
    for regex, order in ((_RE_MONTH_DAY, "md"), (_RE_DAY_MONTH, "dm")):
        for match in regex.finditer(text):
            if order == "md":
                name, day_text, year_text = match.groups()
            else:
                day_text, name, year_text = match.groups()
            if name not in MONTHS:
                continue
            month, day = MONTHS[name], int(day_text)
            if year_text:
                try:
                    return Resolution(dt.date(int(year_text), month, day), False)
                except ValueError:
                    return Resolution(None, True)
            return Resolution(_next_day(today, month, day), True)
    for match in _RE_MONTH_YEAR.finditer(text):
        name, year_text = match.groups()
        if name in MONTHS:
            return Resolution(
                _month_point(text, _year(year_text), MONTHS[name]), False
            )
    for match in _RE_MONTH.finditer(text):
        name = match.group(1)
        if name in MONTHS and (name != "may" or text.strip(" .,") == "may"
                               or re.search(r"\b(by|in|before|until|of|end|mid|early|late)\s+may\b",
                                            text)):
            end = _next_month_end(today, MONTHS[name])
            return Resolution(_month_point(text, end.year, end.month), True)
    return None


def _month_point(text: str, year: int, month: int) -> dt.date:
    if re.search(r"\b(early|beginning|start)\b", text):
        return dt.date(year, month, 10)
    if re.search(r"\b(mid|middle)\b", text):
        return dt.date(year, month, 15)
    return month_end(year, month)


def _quarter(text: str, today: dt.date) -> Resolution | None:
    match = _RE_QUARTER.search(text)
    quarter: int | None = None
    year_text: str | None = None
    half = False
    which = None
    if match:
        quarter = int(match.group(1) or match.group(2))
        year_text = match.group(3)
    else:
        words = _RE_QUARTER_WORDS.search(text)
        if not words:
            half_match = _RE_HALF.search(text)
            if not half_match:
                return None
            quarter, year_text, half = int(half_match.group(1)), half_match.group(2), True
        else:
            quarter = ORDINALS[words.group(1)]
            half = words.group(2) == "half"
            which, year_text = words.group(3), words.group(4)
            if half and quarter > 2:
                quarter = 2
    month = quarter * (6 if half else 3)
    if year_text:
        return Resolution(month_end(_year(year_text), month), False)
    if which == "next" or re.search(r"\bnext year\b", text):
        return Resolution(month_end(today.year + 1, month), True)
    end = month_end(today.year, month)
    if end < today:
        end = month_end(today.year + 1, month)
    return Resolution(end, True)


def _fiscal(text: str, today: dt.date) -> Resolution | None:
    match = _RE_FISCAL.search(text)
    if not match:
        if re.search(r"\b(this|current|end of the|the end of the)\s+(fiscal|financial)\s+year\b",
                     text):
            return Resolution(dt.date(today.year, 12, 31), True)
        if re.search(r"\bnext\s+(fiscal|financial)\s+year\b", text):
            return Resolution(dt.date(today.year + 1, 12, 31), True)
        return None
    return Resolution(dt.date(_year(match.group(1) or match.group(2)), 12, 31), False)


def _named_period(text: str, today: dt.date) -> Resolution | None:
    match = _RE_NEXT_UNIT.search(text)
    unit_end = _RE_UNIT_END.search(text)
    if not match and not unit_end:
        return None
    if match:
        which, unit = match.groups()
    else:
        which = "this"
        unit = unit_end.group(1) or unit_end.group(3) or {
            "y": "year", "q": "quarter", "m": "month", "w": "week"}[unit_end.group(2)]
    step = 1 if which in ("next", "coming", "upcoming") else 0
    if re.search(r"\bnext\s+(year|quarter|month|week)\b", text) and step == 0:
        step = 1
    if unit == "year":
        return Resolution(dt.date(today.year + step, 12, 31), True)
    if unit == "decade":
        return Resolution(None, True)
    if unit == "half":
        half_end = 6 if today.month <= 6 else 12
        end = add_months(month_end(today.year, half_end), 6 * step)
        return Resolution(month_end(end.year, end.month), True)
    if unit == "quarter":
        quarter = (today.month - 1) // 3 + 1 + step
        year = today.year + (quarter - 1) // 4
        return Resolution(_quarter_end(year, (quarter - 1) % 4 + 1), True)
    if unit == "month":
        moved = add_months(today.replace(day=1), step)
        return Resolution(month_end(moved.year, moved.month), True)
    if unit == "week":
        sunday = today + dt.timedelta(days=6 - today.weekday() + 7 * step)
        return Resolution(sunday, True)
    if unit in SEASON_END_MONTH:
        return Resolution(_season_after(today, unit, step), True)
    return Resolution(None, True)  # semester, term: calendars differ


def _season_after(today: dt.date, season: str, step: int = 0) -> dt.date:
    """The end of the season containing today or the next one, ``step`` seasons later."""
    year = today.year - 1 if season == "winter" else today.year
    end = _season_end(year, season)
    while end < today:
        year += 1
        end = _season_end(year, season)
    return _season_end(year + step, season)


def _season(text: str, today: dt.date) -> Resolution | None:
    match = _RE_SEASON.search(text)
    if not match:
        return None
    season, year_text = match.groups()
    if year_text:
        return Resolution(_season_end(_year(year_text), season), False)
    return Resolution(_season_after(today, season), True)


def _relative(text: str, today: dt.date) -> Resolution | None:
    if _RE_HALF_YEAR.search(text):
        return Resolution(add_months(today, 6), True)
    match = _RE_RELATIVE.search(text)
    if not match:
        return None
    amount_text, upper, unit = match.groups()
    if upper:  # "in 2-3 years": take the far end of the range
        amount_text = upper
    amount_text = amount_text.replace("a couple of", "couple").replace("couple of", "couple")
    amount = _number(amount_text.replace("a couple", "couple"))
    if amount is None:
        return Resolution(None, True)
    unit = unit.rstrip("s")
    if match.group(0).rstrip().endswith("and a half"):
        amount += 0.5
    if unit in UNIT_MONTHS:
        months = amount * UNIT_MONTHS[unit]
        whole = int(months)
        result = add_months(today, whole)
        if months != whole:
            result += dt.timedelta(days=round((months - whole) * 30))
        return Resolution(result, True)
    if unit in UNIT_DAYS:
        return Resolution(today + dt.timedelta(days=round(amount * UNIT_DAYS[unit])), True)
    return Resolution(None, True)


def _year_only(text: str, today: dt.date) -> Resolution | None:
    match = _RE_YEAR.search(text)
    if not match:
        return None
    year = _year(match.group(1))
    if re.search(r"\b(early|beginning|start)\b", text):
        return Resolution(dt.date(year, 3, 31), False)
    if re.search(r"\b(mid|middle)\b", text):
        return Resolution(dt.date(year, 6, 30), False)
    return Resolution(dt.date(year, 12, 31), False)


def _weekday(text: str, today: dt.date) -> Resolution | None:
    match = _RE_WEEKDAY.search(text)
    if not match:
        return None
    ahead = (WEEKDAYS.index(match.group(1)) - today.weekday()) % 7
    if re.search(r"\bnext\b", text):
        ahead += 7
    return Resolution(today + dt.timedelta(days=ahead), True)


def _holiday(text: str, today: dt.date) -> Resolution | None:
    if re.search(r"\b(christmas|xmas)\b", text):
        return Resolution(_next_day(today, 12, 25), True)
    if re.search(r"\bnew year'?s?\b", text) and "next year" not in text:
        return Resolution(_next_day(today, 12, 31), True)
    if re.search(r"\b(tomorrow)\b", text):
        return Resolution(today + dt.timedelta(days=1), True)
    if re.search(r"\b(today|tonight)\b", text):
        return Resolution(today, True)
    return None


def _unresolvable(text: str, today: dt.date) -> Resolution | None:
    if _UNRESOLVABLE.search(text) and not _RE_YEAR.search(text):
        return Resolution(None, True)
    return None


_RESOLVERS = (
    _iso, _numeric, _unresolvable, _fiscal, _quarter, _month_phrase, _season, _named_period,
    _relative, _year_only, _weekday, _holiday,
)
