"""The deadline resolver: month ends, leap years, quarters, past months roll forward."""

from __future__ import annotations

import datetime as dt

import pytest

from nlp.dates import add_months, resolve

D = dt.date


@pytest.mark.parametrize(
    ("phrase", "today", "expected", "relative"),
    [
        ("by Q3", D(2026, 7, 15), D(2026, 9, 30), True),
        ("by Q2", D(2026, 7, 15), D(2027, 6, 30), True),  # Q2 is over: next year's
        ("Q3 2027", D(2026, 7, 15), D(2027, 9, 30), False),
        ("the third quarter", D(2026, 1, 2), D(2026, 9, 30), True),
        ("third quarter of 2027", D(2026, 1, 2), D(2027, 9, 30), False),
        ("by the end of Q4", D(2026, 12, 31), D(2026, 12, 31), True),
        ("within 6 months", D(2026, 7, 15), D(2027, 1, 15), True),
        ("within 1 month", D(2026, 1, 31), D(2026, 2, 28), True),  # month-end safe
        ("within 1 month", D(2028, 1, 31), D(2028, 2, 29), True),  # leap year
        ("in two years", D(2028, 2, 29), D(2030, 2, 28), True),
        ("in 18 months", D(2026, 7, 15), D(2028, 1, 15), True),
        ("within a year", D(2026, 7, 15), D(2027, 7, 15), True),
        ("within the next 90 days", D(2026, 7, 15), D(2026, 10, 13), True),
        ("in 6 weeks", D(2026, 7, 15), D(2026, 8, 26), True),
        ("by June", D(2026, 7, 15), D(2027, 6, 30), True),  # past month rolls over
        ("by June", D(2026, 6, 10), D(2026, 6, 30), True),
        ("by June", D(2026, 1, 10), D(2026, 6, 30), True),
        ("by February", D(2027, 3, 1), D(2028, 2, 29), True),  # leap February
        ("by mid-June", D(2026, 1, 1), D(2026, 6, 15), True),
        ("end of March 2027", D(2026, 7, 15), D(2027, 3, 31), False),
        ("June 30th, 2027", D(2026, 7, 15), D(2027, 6, 30), False),
        ("15 March", D(2026, 7, 15), D(2027, 3, 15), True),
        ("by the end of the year", D(2026, 7, 15), D(2026, 12, 31), True),
        ("by the end of next year", D(2026, 7, 15), D(2027, 12, 31), True),
        ("next year", D(2026, 7, 15), D(2027, 12, 31), True),
        ("this quarter", D(2026, 11, 2), D(2026, 12, 31), True),
        ("next quarter", D(2026, 11, 2), D(2027, 3, 31), True),
        ("end of the month", D(2026, 2, 3), D(2026, 2, 28), True),
        ("next month", D(2026, 12, 3), D(2027, 1, 31), True),
        ("this summer", D(2026, 7, 15), D(2026, 8, 31), True),
        ("this summer", D(2026, 10, 1), D(2027, 8, 31), True),
        ("this winter", D(2026, 7, 15), D(2027, 2, 28), True),
        ("by spring 2027", D(2026, 7, 15), D(2027, 5, 31), False),
        ("by 2028", D(2026, 7, 15), D(2028, 12, 31), False),
        ("early 2027", D(2026, 7, 15), D(2027, 3, 31), False),
        ("FY26", D(2026, 7, 15), D(2026, 12, 31), False),
        ("FY2027", D(2026, 7, 15), D(2027, 12, 31), False),
        ("H1 2027", D(2026, 7, 15), D(2027, 6, 30), False),
        ("first half of next year", D(2026, 7, 15), D(2027, 6, 30), True),
        ("12/31/2026", D(2026, 7, 15), D(2026, 12, 31), False),
        ("31/12/2026", D(2026, 7, 15), D(2026, 12, 31), False),
        ("2026-12-31", D(2026, 7, 15), D(2026, 12, 31), False),
        ("by Friday", D(2026, 7, 15), D(2026, 7, 17), True),
        ("by Christmas", D(2026, 12, 26), D(2027, 12, 25), True),
    ],
)
def test_resolves(phrase, today, expected, relative):
    resolution = resolve(phrase, today)
    assert resolution.date == expected
    assert resolution.relative is relative


@pytest.mark.parametrize(
    "phrase",
    ["by my next review", "before the annual review cycle", "by age 30", "by graduation",
     "by the end of the semester", "before my apprenticeship ends"],
)
def test_unresolvable_is_relative_without_date(phrase):
    resolution = resolve(phrase, D(2026, 7, 15))
    assert resolution.date is None
    assert resolution.relative is True


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
        (D(2026, 8, 31), 6, D(2027, 2, 28)),
        (D(2026, 5, 31), 12, D(2027, 5, 31)),
    ],
)
def test_add_months_is_calendar_correct(day, months, expected):
    assert add_months(day, months) == expected
