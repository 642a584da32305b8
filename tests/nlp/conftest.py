"""Shared fixtures for the analyzer tests: one pipeline per session, a fixed 'today'."""

from __future__ import annotations

import datetime as dt

import pytest

import nlp

TODAY = dt.date(2026, 7, 15)


@pytest.fixture(scope="session")
def pipeline():
    """The shared spaCy pipeline (loaded once for the whole test session)."""
    return nlp.get_pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline):
    """analyze(text, **context) -> Analysis, with today fixed to TODAY."""

    def run(text: str, **context):
        context.setdefault("today", TODAY.isoformat())
        return nlp.analyze_goal(text, context)

    return run
