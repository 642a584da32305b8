"""Deadlines and metrics found in goal texts (the facts), with exact offsets."""

from __future__ import annotations

import pytest
from conftest import TODAY

import nlp


def facts(text: str) -> dict:
    return nlp.analyze_goal(text, {"today": TODAY.isoformat()}).to_dict()["facts"]


@pytest.mark.parametrize(
    ("text", "deadline", "date"),
    [
        ("Earn the PMP certification by Q3 2027.", "Q3 2027", "2027-09-30"),
        ("Increase sales by 15% within 6 months.", "within 6 months", "2027-01-15"),
        ("Launch the team blog this summer.", "this summer", "2026-08-31"),
        ("Get promoted to Senior Manager by my next review.", "my next review", None),
        ("Complete the Google UX Design Certificate before the annual review cycle.",
         "before the annual review cycle", None),
        ("Hit 120% of my sales quota in FY27.", "FY27", "2027-12-31"),
        ("Become a team lead in two years.", "in two years", "2028-07-15"),
        ("Finish my portfolio by the end of the year.", "end of the year", "2026-12-31"),
        ("Save $5,000 by 2028.", "2028", "2028-12-31"),
        ("Pass the CFA Level I exam in June.", "June", "2027-06-30"),
        ("Publish two blog posts a month.", "a month", None),
        ("Speak up in 3 meetings per week.", "per week", None),
        ("Meet my mentor monthly.", "monthly", None),
        ("Review my pipeline every quarter.", "every quarter", None),
        ("Go to the gym twice a week.", "twice a week", None),
        ("Run a retro each sprint.", "each sprint", None),
    ],
)
def test_deadline_found_and_resolved(text, deadline, date):
    found = facts(text)["deadlines"]
    assert [d["text"] for d in found] == [deadline]
    item = found[0]
    assert text[item["start"]:item["end"]] == deadline
    assert item["date"] == date


@pytest.mark.parametrize(
    "text",
    [
        "Open my own restaurant soon.",
        "Someday I'd like to be a head chef.",
        "Eventually become a manager.",
        "One day I want to run a marathon.",
        "I have been a nurse since 2019 and want to specialise.",
        "I have worked here for 5 years and want a new challenge.",
        "Last year I failed my driving test.",
        "Learn Python 3.",
    ],
)
def test_not_deadlines(text):
    assert facts(text)["deadlines"] == []


@pytest.mark.parametrize(
    ("text", "metric", "kind"),
    [
        ("Mentor 5 junior engineers this year.", "5 junior engineers", "quantity"),
        ("Increase revenue by 15% this year.", "by 15%", "percent"),
        ("Raise our CSAT score from 82% to 88% by Q4.", "from 82% to 88%", "percent"),
        ("Save $50K by 2028.", "$50K", "money"),
        ("Read at least two books a month.", "at least two", "quantity"),
        ("Earn the PMP certification by June.", "PMP certification", "credential"),
        ("Get promoted to Senior Manager by June.", "promoted to Senior Manager", "role"),
        ("Launch the team blog by June.", "team blog", "deliverable"),
        ("Double my sales by June.", "Double", "multiplier"),
    ],
)
def test_metric_found(text, metric, kind):
    found = facts(text)["metrics"]
    match = [m for m in found if m["text"] == metric]
    assert match, found
    assert match[0]["kind"] == kind
    assert text[match[0]["start"]:match[0]["end"]] == metric


@pytest.mark.parametrize(
    "text",
    [
        "Learn Python 3 this year.",
        "Support our customers 24/7 from next month.",
        "Get comfortable with Windows 11 by June.",
        "I have been a nurse since 2019; specialise by 2028.",
        "Improve my leadership skills by June.",
    ],
)
def test_not_metrics(text):
    assert facts(text)["metrics"] == []
