"""Job terms: taken from the description only, requirements first, used ones with spans."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nlp
from nlp.job_terms import job_profile

JD = (
    "Warehouse Team Leader - Northgate Logistics (Derby). You will lead a shift of 12 pickers, "
    "plan the daily pick schedule in our WMS and report productivity to the site manager. "
    "Requirements: - Forklift licence (counterbalance) - Experience with SAP EWM or a similar "
    "WMS - Strong Excel - First aid certificate. We offer paid overtime and a route to Shift "
    "Manager."
)
CONTEXT = {"target_role": "Warehouse Team Leader", "job_description": JD, "today": "2026-07-15"}
ANSWER = (
    "In my first six months I want to learn your WMS and get my forklift licence renewed, and "
    "plan the daily pick schedule for the shift myself. In about five years I'd like to be a "
    "shift manager at a site like Northgate."
)


def test_requirements_come_first_and_are_marked():
    terms = job_profile(JD, "Warehouse Team Leader").terms
    flags = [t.requirement for t in terms]
    assert flags == sorted(flags, reverse=True)  # every requirement before the rest
    required = {t.term for t in terms if t.requirement}
    assert {"Forklift licence", "Excel", "First aid certificate"} <= required
    assert "pick schedule" in {t.term for t in terms if not t.requirement}


def test_terms_are_never_invented():
    lowered = (JD + " Warehouse Team Leader").lower()
    for term in job_profile(JD, "Warehouse Team Leader").terms:
        assert term.term.lower() in lowered, term


def test_used_terms_have_spans_and_missing_are_requirements_first():
    data = nlp.analyze_answer(ANSWER, CONTEXT).to_dict()
    used = data["facts"]["job_terms"]["used"]
    missing = data["facts"]["job_terms"]["missing"]
    assert {"WMS", "pick schedule"} <= {u["term"] for u in used}
    for item in used:
        assert ANSWER[item["start"]:item["end"]].lower() == item["text"].lower()
    assert missing and missing[0]["requirement"] is True
    assert "Excel" in {m["term"] for m in missing}
    assert not {m["term"] for m in missing} & {u["term"] for u in used}


def test_no_description_no_terms():
    data = nlp.analyze_answer(ANSWER, {"today": "2026-07-15"}).to_dict()
    assert data["facts"]["job_terms"] == {"used": [], "missing": [], "total": 0}


def test_profile_is_cached_per_description():
    job_profile.cache_clear()
    nlp.analyze_answer(ANSWER, CONTEXT)
    nlp.analyze_answer(ANSWER + " Thank you.", CONTEXT)
    info = job_profile.cache_info()
    assert info.misses == 1 and info.hits >= 1


ANSWER_WORDS = st.sampled_from([
    "In", "my", "first", "year", "five", "years", "long", "term", "WMS", "forklift", "licence",
    "um", "like,", "you", "know", "kind", "of", "2030", "£40,000", "CEO", "eventually", ".",
    "👩‍💻", "é", "\ud800", "\n", "  ",
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANSWER_WORDS, max_size=60).map(" ".join))
def test_answer_fact_offsets_slice_the_original(text):
    data = nlp.analyze_answer(text, CONTEXT).to_dict()
    for finding in data["findings"]:
        assert text[finding["start"]:finding["end"]] == finding["text"]
    facts = data["facts"]
    if not text.strip():
        return
    for part in facts["short_term"] + facts["long_term"]:
        assert text[part["start"]:part["end"]] == part["text"]
    for item in facts["job_terms"]["used"]:
        assert text[item["start"]:item["end"]] == item["text"]


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_answer(text):
    assert nlp.analyze_answer(text, CONTEXT).codes == ["empty"]


@pytest.mark.parametrize(("role", "names", "not_names"), [
    ("Registered Nurse - Medical-Surgical Unit", {("nurse",), ("registered", "nurse")},
     {("unit",), ("surgical", "unit")}),
    ("UX Designer (Contract)", {("designer",), ("ux", "designer")}, {("contract",)}),
    ("Full-Stack Developer", {("developer",)}, set()),
])
def test_the_role_is_the_title_before_its_department(role, names, not_names):
    phrases = set(job_profile("We are hiring.", role).role_phrases)
    assert names <= phrases
    assert not (not_names & phrases)


def test_coverage_has_one_denominator_whatever_the_answer_uses():
    context = {"job_description": JD, "target_role": "Warehouse Team Leader"}
    vague = nlp.analyze_answer("I just want to grow and learn as much as I can.", context)
    concrete = nlp.analyze_answer(ANSWER, context)
    totals = {a.to_dict()["facts"]["job_terms"]["total"] for a in (vague, concrete)}
    assert totals == {len(job_profile(JD, "Warehouse Team Leader").terms)}
    assert len(concrete.to_dict()["facts"]["job_terms"]["used"]) > 0


def test_a_line_break_ends_a_term_and_a_skill_is_listed_once():
    description = ("Bookkeeper - Alder & Co\nRequirements:\n"
                   "- Strong Excel or Google Sheets skills\n"
                   "- Clear written communication\nNice to have:\n- Xero")
    terms = [t.term for t in job_profile(description, "Bookkeeper").terms]
    assert "written communication" in terms
    assert not any("Nice" in t for t in terms)
    assert "Google Sheets" in terms and "Google Sheets skills" not in terms


def test_a_slash_term_is_kept_whole_and_found_in_the_answer():
    description = "Marketing Analyst. You will run A/B tests on landing pages."
    assert "A/B tests" in [t.term for t in job_profile(description, "Marketing Analyst").terms]
    used = nlp.analyze_answer("In my first year I want to run A/B tests every month.",
                              {"job_description": description}).to_dict()
    assert "A/B tests" in [u["text"] for u in used["facts"]["job_terms"]["used"]]
