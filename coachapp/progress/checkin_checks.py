"""Checks on a check-in's own words: a blocker needs a next step, a change needs a date.

Findings have the analyzer's shape (code, severity, offsets into the field's
text, message, suggestion) plus the ``field`` they are about.
"""

from __future__ import annotations

from typing import Any

import nlp
from coachapp.analysis import analyze_text

Finding = dict[str, Any]


def blocker_without_next_step(blocked: str, adjust: str) -> Finding | None:
    """A blocker was named but nothing says what happens about it."""
    blocked = blocked.strip()
    if not blocked or adjust.strip():
        return None
    return {
        "code": "blocker_no_next_step",
        "field": "blocked",
        "severity": "warning",
        "start": 0,
        "end": len(blocked),
        "text": blocked,
        "message": "You named what blocked you but not what you will do about it.",
        "suggestion": "Add one next step under “What to adjust”, such as who you will ask "
                      "or what you will try first.",
    }


def adjustment_without_date(adjust: str, context: dict[str, Any]) -> Finding | None:
    """A change of plan with no date or time frame to hold it to.

    Uses the deadline facts the analyzer finds in the text; if the analyzer
    is unavailable, no finding (a check-in never fails over this).
    """
    text = adjust.strip()
    if not text:
        return None
    try:
        analysis = analyze_text("goal", text, context)
    except nlp.AnalyzerInputError:  # too long or unusable: not this check's business
        return None
    if analysis is None or analysis.get("facts", {}).get("deadlines"):
        return None
    return {
        "code": "adjust_no_date",
        "field": "adjust",
        "severity": "info",
        "start": 0,
        "end": len(text),
        "text": text,
        "message": "This change has no date, so it is easy to put off.",
        "suggestion": f"Say when: “{text.rstrip('.')} by the end of next month”.",
    }


def check_in_findings(blocked: str, adjust: str, context: dict[str, Any]) -> list[Finding]:
    """Every finding about one check-in's text."""
    found = [blocker_without_next_step(blocked, adjust), adjustment_without_date(adjust, context)]
    return [f for f in found if f is not None]
