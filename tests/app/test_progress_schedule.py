"""Due dates and pace: month ends, leap years, grace windows, on-track verdicts."""

from datetime import date, timedelta

import pytest

from coachapp.progress.operations import metric_number, word_diff
from coachapp.progress.schedule import (
    CHECK_IN_GRACE,
    add_months,
    dates_between,
    due_state,
    next_due,
    pace,
)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2025, 1, 31), 2, date(2025, 3, 31)),  # counted from the start, not from Feb 28
        (date(2025, 1, 31), 3, date(2025, 4, 30)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2099, 12, 31), 2, date(2100, 2, 28)),  # 2100 is not a leap year
        (date(1999, 12, 31), 2, date(2000, 2, 29)),  # 2000 is
        (date(2025, 5, 10), 0, date(2025, 5, 10)),
    ],
)
def test_add_months_keeps_month_ends(start, months, expected):
    assert add_months(start, months) == expected


def test_monthly_dates_from_month_end_do_not_drift():
    start = date(2024, 1, 31)
    assert dates_between(start, 1, start, date(2024, 6, 30)) == [
        date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30), date(2024, 5, 31),
        date(2024, 6, 30),
    ]
    assert dates_between(start, 3, date(2024, 5, 1), date(2025, 2, 1)) == [
        date(2024, 7, 31), date(2024, 10, 31), date(2025, 1, 31)]


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (None, date(2025, 2, 28)),  # never checked in: one month after the start
        (date(2025, 2, 10), date(2025, 2, 28)),  # too early to count for Feb 28
        (date(2025, 2, 22), date(2025, 3, 31)),  # within the grace week: Feb 28 is done
        (date(2025, 3, 5), date(2025, 3, 31)),  # late for Feb, still owes Mar 31
        (date(2025, 6, 1), date(2025, 6, 30)),
    ],
)
def test_next_check_in_due(last, expected):
    assert next_due(date(2025, 1, 31), 1, last, CHECK_IN_GRACE) == expected


def test_next_quarterly_review():
    start = date(2024, 11, 30)
    assert next_due(start, 3, None, timedelta(days=14)) == date(2025, 2, 28)
    assert next_due(start, 3, date(2025, 2, 20), timedelta(days=14)) == date(2025, 5, 30)


@pytest.mark.parametrize(
    ("when", "state", "days"),
    [
        (date(2025, 3, 1), "overdue", -9),
        (date(2025, 3, 10), "due", 0),
        (date(2025, 3, 17), "due", 7),
        (date(2025, 3, 18), "upcoming", 8),
    ],
)
def test_due_state(when, state, days):
    due = due_state(when, date(2025, 3, 10), CHECK_IN_GRACE)
    assert (due.state, due.days, due.nags) == (state, days, state != "upcoming")


def test_pace_against_the_straight_line():
    start, deadline, today = date(2025, 1, 1), date(2025, 12, 31), date(2025, 7, 2)
    halfway = pace(start, deadline, 50.0, today)
    assert halfway.expected == pytest.approx(50, abs=0.5) and halfway.on_track
    assert pace(start, deadline, 41.0, today).on_track  # within the margin
    assert not pace(start, deadline, 30.0, today).on_track
    assert pace(start, deadline, 100.0, date(2026, 3, 1)).expected == 100
    assert pace(start, None, 50.0, today) is None
    assert pace(start, deadline, None, today) is None
    assert pace(start, start, 10.0, today) is None


@pytest.mark.parametrize(
    ("metric", "number"),
    [("5 people", 5), ("£1,200 a month", 1200), ("2.5 hours", 2.5), ("the PMP exam", None),
     ("", None), ("0 incidents", None)],
)
def test_metric_number(metric, number):
    assert metric_number(metric) == number


def test_word_diff():
    assert word_diff("Be more confident.", "Speak up in 3 handovers a week.") == [
        ("removed", "Be more confident."), ("added", "Speak up in 3 handovers a week.")]
    assert word_diff("Lead 2 projects by June", "Lead 3 projects by June") == [
        ("same", "Lead"), ("removed", "2"), ("added", "3"), ("same", "projects by June")]
    assert word_diff("same text", "same text") == [("same", "same text")]
