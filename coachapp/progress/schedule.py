"""The rhythm of a plan: monthly check-in dates, quarterly reviews and pace.

Plain date arithmetic, no database: every function takes what it needs.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

CHECK_IN_GRACE = timedelta(days=7)  # a check-in this early still counts for its date
REVIEW_GRACE = timedelta(days=14)
ON_TRACK_MARGIN = 10.0  # percentage points behind the straight line that still count as on track


def add_months(start: date, months: int) -> date:
    """``start`` moved by ``months``, keeping its day where the month allows.

    Jan 31 + 1 is Feb 28 (29 in a leap year), + 2 is Mar 31: always count from
    the same start, never from the previous (shortened) result.
    """
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def next_due(start: date, every: int, last: date | None, grace: timedelta) -> date:
    """The first date ``every`` months on from ``start`` not yet covered by ``last``.

    ``last`` (the latest check-in or review, if any) covers a date when it falls
    at most ``grace`` before it.
    """
    covered = (last or start) + grace
    step = 1
    while add_months(start, step * every) <= covered:
        step += 1
    return add_months(start, step * every)


def dates_between(start: date, every: int, first: date, last: date) -> list[date]:
    """Every ``every``-monthly date counted from ``start`` that falls in [first, last]."""
    found, step = [], 1
    while (when := add_months(start, step * every)) <= last:
        if when >= first:
            found.append(when)
        step += 1
    return found


@dataclass(frozen=True)
class Due:
    """When something is next due, and whether that is soon or past."""

    date: date
    state: str  # "overdue", "due" or "upcoming"
    days: int  # days until the date (negative when overdue)

    @property
    def nags(self) -> bool:
        return self.state in ("overdue", "due")


def due_state(when: date, today: date, window: timedelta) -> Due:
    days = (when - today).days
    state = "overdue" if days < 0 else "due" if days <= window.days else "upcoming"
    return Due(when, state, days)


@dataclass(frozen=True)
class Pace:
    """Actual progress against the straight line from start to deadline."""

    expected: float  # percent of the way that time has run
    actual: float  # percent of the target reached at the last check-in
    on_track: bool


def pace(start: date, deadline: date | None, actual: float | None, today: date) -> Pace | None:
    """How ``actual`` compares with the time elapsed; None without a deadline or a check-in."""
    if deadline is None or actual is None or deadline <= start:
        return None
    elapsed = (min(today, deadline) - start).days / (deadline - start).days
    expected = max(0.0, min(100.0, elapsed * 100))
    return Pace(round(expected, 1), round(actual, 1), actual >= expected - ON_TRACK_MARGIN)
