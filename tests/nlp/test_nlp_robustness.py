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


# Sentences that parse like real goals, so the parse-reading checks see every shape:
# third-person subjects, modals, traits, hedges, promotions, numbers and time frames.
SENTENCES = st.tuples(
    st.sampled_from(["I", "Sam", "She", "We", "My team", "The ward", "", "i", "They"]),
    st.sampled_from(["will", "want to", "would like to", "should", "must", "hope to", "",
                     "will not", "am going to", "need to", "could"]),
    st.sampled_from(["be more organised with", "get better at leading", "stop", "become",
                     "never miss", "double", "be promoted to", "try to improve",
                     "feel less anxious about", "pass", "be the best", "grow", "run",
                     "be calmer and kinder to", "keep", "manage", "learn"]),
    st.sampled_from(["the audit", "his paperwork", "my salary", "Head of Sales", "the PMP exam",
                     "new starters", "2 marathons", "100% of calls", "the team", "everything",
                     "Python 3", "zero defects", "a team of 12", "CEO", "my English"]),
    st.sampled_from(["", "by March", "in six months", "every week", "this year", "by Q3 2027",
                     "someday", "since 2019", "within 2 years", "before my next review",
                     "because I want to", "so that patients are safer", "!", "?", " 🙂"]),
).map(lambda parts: " ".join(p for p in parts if p).strip())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SENTENCES, st.sampled_from([
    None, {"target_role": "Ward Manager", "months_in_role": 4},
    {"vision": "Lead a sales team", "current_role": "Intern"}]))
def test_goal_shaped_sentences_never_crash(text, context):
    _check_offsets(nlp.analyze_goal(text, context).to_dict())


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


ANSWER_WORDS = st.sampled_from([
    "In", "my", "first", "year", "eventually", "later", "on", "I'd", "like", "to", "become",
    "a", "team", "lead", "grow", "into", "manager", "right", "now", "currently", "um,", "like,",
    "you", "know", "Python", "Docker", "data", "five", "years", "from", "there", ".", "\u00a3",
    "👩‍💻", "مرحبا", "e\u0301", "\x00", "\ud800", "\u200f", "\n", "- ", "CEO", "2030",
])
ANSWER_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(ANSWER_WORDS, max_size=80).map(" ".join),
    st.lists(st.one_of(ANSWER_WORDS, st.text(max_size=3)), max_size=40).map("".join),
)
JOB = {"target_role": "Data Engineer", "today": "2026-07-15",
       "job_description": "Data Engineer. Requirements: - Python - SQL (dbt a plus). "
                          "Nice to have: Docker. We offer mentoring."}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANSWER_TEXTS)
def test_answer_with_a_job_keeps_every_offset(text):
    data = nlp.analyze_answer(text, JOB).to_dict()
    assert data["text"] == text
    _check_offsets(data)
    facts = data["facts"]
    for part in facts.get("short_term", []) + facts.get("long_term", []):
        assert 0 <= part["start"] <= part["end"] <= len(text)
        assert text[part["start"]:part["end"]] == part["text"]
    for used in facts.get("job_terms", {}).get("used", []):
        assert text[used["start"]:used["end"]] == used["text"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, max_size=7))
def test_plan_of_any_goals_keeps_every_offset(goals):
    data = nlp.analyze_plan(goals, {"today": "2026-07-15"}).to_dict()
    assert data["kind"] == "plan"
    assert len(data["goals"]) == len(goals)
    for goal, analysed in zip(goals, data["goals"], strict=True):
        assert analysed["text"] == goal
        _check_offsets(analysed)
    for finding in data["findings"]:
        assert all(0 <= i < len(goals) for i in finding["goals"])


@pytest.mark.parametrize("today", ["0001-01-01", "9999-12-31", "9999-06-15"])
@pytest.mark.parametrize("text", [
    "Lead 3 projects within 6 months", "Get promoted in 2 years", "Run a marathon by next year",
    "Finish the course by Q3", "Hire 2 people by the end of next quarter", "by December",
])
def test_relative_deadlines_at_the_ends_of_the_calendar_do_not_crash(text, today):
    """Found by fuzzing the API: a reference date near year 9999 overflowed date arithmetic."""
    for analyze in (nlp.analyze_goal, nlp.analyze_answer):
        _check_offsets(analyze(text, {"today": today}).to_dict())


def test_findings_after_a_character_that_lowercases_to_two_point_at_the_right_words():
    text = "İlkay will never miss a deadline and be promoted to CEO within 2 months."
    for finding in nlp.analyze_goal(text).to_dict()["findings"]:
        if finding["code"] == "unrealistic":
            assert finding["text"].lower().startswith(("never", "ceo", "promoted")), finding
            break
    else:
        raise AssertionError("no unrealistic finding")
