"""Any Unicode never crashes, and every offset slices the original text exactly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nlp

GOAL_WORDS = st.sampled_from([
    "Improve", "my", "leadership", "skills", "by", "Q3", "2027", "within", "6", "months",
    "be", "more", "confident", "100%", "$50K", "double", "salary", "24/7", "Python", "3",
    "since", "2019", "every", "week", "PMP", "certification", "promoted", "to", "CEO",
    "👩‍💻", "مرحبا", "é", "e\u0301", "\x00", "\ud800", "\u200f", "，", "\n", "  ",
])
TEXTS = st.one_of(
    st.text(max_size=120),
    st.lists(GOAL_WORDS, max_size=25).map(" ".join),
    st.lists(st.one_of(GOAL_WORDS, st.text(max_size=4)), max_size=20).map("".join),
)


def _check_offsets(data: dict) -> None:
    text = data["text"]
    for finding in data["findings"]:
        assert 0 <= finding["start"] <= finding["end"] <= len(text)
        assert text[finding["start"]:finding["end"]] == finding["text"]
    for key in ("metrics", "deadlines"):
        for fact in data["facts"][key]:
            assert text[fact["start"]:fact["end"]] == fact["text"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_goal_offsets_slice_the_original(text):
    data = nlp.analyze_goal(text, {"today": "2026-07-15"}).to_dict()
    assert data["text"] == text
    _check_offsets(data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_answer_offsets_slice_the_original(text):
    _check_offsets(nlp.analyze_answer(text).to_dict())


@pytest.mark.parametrize("text", [
    "\x00", "\ud800 lone surrogate", "🙂" * 50, "שלום improve my skills", "e\u0301" * 30,
    "Improve my skills\x00 by Q3", "\u202eQ3 by promoted get", "ｆｕｌｌ ｗｉｄｔｈ by June",
])
def test_odd_text_does_not_crash(text):
    _check_offsets(nlp.analyze_goal(text).to_dict())


@pytest.mark.parametrize("today", ["0001-01-01", "9999-12-31", "9999-06-15"])
@pytest.mark.parametrize("text", [
    "Lead 3 projects within 6 months", "Get promoted in 2 years", "Run a marathon by next year",
    "Finish the course by Q3", "Hire 2 people by the end of next quarter", "by December",
])
def test_relative_deadlines_at_the_ends_of_the_calendar_do_not_crash(text, today):
    """Found by fuzzing the API: a reference date near year 9999 overflowed date arithmetic."""
    for analyze in (nlp.analyze_goal, nlp.analyze_answer):
        _check_offsets(analyze(text, {"today": today}).to_dict())
