"""Answers: direction and near term by meaning, optional job terms, top words, filler score."""

from __future__ import annotations

import pytest

import nlp
from nlp.job_terms import job_profile
from nlp.scoring import filler_penalty

TODAY = "2026-07-15"
CLINIC_JD = (
    "Dental Nurse - Brookside Dental Practice (Leeds). You will support two dentists in "
    "surgery, decontaminate instruments, manage patient records in our practice software "
    "and help with oral health education. Requirements: - GDC registration - Infection "
    "control experience - Good communication. Nice to have: radiography certificate, "
    "experience with Dentally. We offer CPD support and a pension."
)
CLINIC = {"target_role": "Dental Nurse", "job_description": CLINIC_JD, "today": TODAY}
NEAR = ("In my first year I want to get fully confident with decontamination and the patient "
        "records, and support both dentists in surgery without being prompted. ")


@pytest.mark.parametrize("direction", [
    "Further on, I could see myself training as a dental hygienist.",
    "Somewhere down the road I'd like to be the practice's lead nurse.",
    "My longer ambition is to manage a practice of my own.",
    "As the years go by I want to grow into a practice manager role.",
    "After a few years of that, I hope to step up to senior dental nurse.",
    "In the long haul I'd like to teach on a dental nursing course; later on maybe run one.",
    "The bigger dream is to open my own clinic.",
    "I would then like to move up into practice management.",
    "Ten years from now I'd love to be heading the nursing team at a big practice.",
])
def test_a_stated_direction_is_long_term(direction):
    codes = nlp.analyze_answer(NEAR + direction, CLINIC).codes
    assert "no_long_term" not in codes and "no_short_term" not in codes, codes


@pytest.mark.parametrize("text", [
    # near-term only: senior people and managers mentioned, but nobody aims at their role
    NEAR + "I'd also like regular feedback from the practice manager and the senior nurse.",
    NEAR + "I want to help the lead dentist with the oral health sessions for schools.",
    # a non-committal frame is no direction
    NEAR + "After that, honestly, I'll just see where it takes me over time.",
])
def test_no_direction_still_flagged(text):
    assert "no_long_term" in nlp.analyze_answer(text, CLINIC).codes


@pytest.mark.parametrize(("text", "no_short"), [
    # "currently"/"right now" describing the present is not a near-term goal
    ("Currently I work on reception at a vet's. Eventually I want to become a dental hygienist "
     "and one day run my own hygiene clinic.", True),
    ("At the moment I'm a student. In ten years I'd like to manage a dental practice.", True),
    # ... but a skill being built now is
    ("Right now I'm studying for my radiography certificate. Eventually I want to become a "
     "dental hygienist.", False),
    # an uncued goal before "after that" opens the near term
    ("I want to get my GDC registration sorted and learn Dentally properly. After that I'd "
     "like to train as an orthodontic nurse.", False),
])
def test_near_term_needs_a_goal(text, no_short):
    assert ("no_short_term" in nlp.analyze_answer(text, CLINIC).codes) is no_short


def test_a_named_top_role_counts_only_when_aimed_at():
    mention = NEAR + "I've worked with a clinical director who convinced me of that."
    aim = NEAR + "I would like to become a clinical director."
    assert "no_long_term" in nlp.analyze_answer(mention, CLINIC).codes
    assert "no_long_term" not in nlp.analyze_answer(aim, CLINIC).codes


@pytest.mark.parametrize(("jd", "required", "optional"), [
    (CLINIC_JD, {"GDC registration", "Infection control"},
     {"radiography certificate", "Dentally"}),
    ("Data Engineer. Requirements: - Strong SQL (dbt a plus) - Docker; Kubernetes is desirable "
     "- Python, ideally Poetry. Benefits: - gym membership",
     {"SQL", "Docker", "Python"}, {"dbt", "Kubernetes", "Poetry"}),
    ("Line Cook. What you'll need: knife skills and food safety certificate. Bonus points: "
     "pastry experience.", {"knife skills", "food safety certificate"}, {"pastry"}),
])
def test_nice_to_haves_are_not_requirements(jd, required, optional):
    terms = job_profile(jd, "").terms
    flagged = {t.term: t for t in terms}
    for term in required:
        assert any(term.lower() in t.lower() for t in flagged), (term, list(flagged))
        match = next(t for name, t in flagged.items() if term.lower() in name.lower())
        assert match.requirement and not match.nice_to_have
    for term in optional:
        match = next((t for name, t in flagged.items() if term.lower() in name.lower()), None)
        assert match is not None, (term, list(flagged))
        assert match.nice_to_have and not match.requirement, match
    ranks = [t.rank for t in terms]
    assert ranks == sorted(ranks)  # requirements, then nice-to-haves, then the rest


def test_missing_terms_mark_nice_to_haves():
    data = nlp.analyze_answer(NEAR + "Later on I'd like to become a practice manager.",
                              CLINIC).to_dict()
    missing = data["facts"]["job_terms"]["missing"]
    kinds = [(m["requirement"], m["nice_to_have"]) for m in missing]
    assert (True, False) in kinds and (False, True) in kinds
    assert kinds.index((True, False)) < kinds.index((False, True))
    assert not any(m["requirement"] and m["nice_to_have"] for m in missing)


def test_top_words_are_words_as_written():
    text = ("I love data. In my first year I want to clean the data, learn how the sales data "
            "flows and build sales dashboards; later the Data team. Dashboards matter.")
    words = {w["word"]: w["count"] for w in nlp.analyze_answer(text, CLINIC).to_dict()[
        "facts"]["top_words"]}
    assert words.get("data") == 4 and "datum" not in words
    assert "sales" in words and "sale" not in words
    assert words.get("dashboards") == 2


def test_filler_counts_once_scaled_by_rate():
    assert filler_penalty(0, 100) == 0
    assert filler_penalty(3, 100) < filler_penalty(9, 100) <= filler_penalty(40, 100) <= 15
    assert filler_penalty(6, 200) == filler_penalty(3, 100)  # the rate, not the count
    base = (NEAR + "Later on I'd like to become a practice manager, and I want to learn "
            "radiography and the records software well. ") * 2
    some = base.replace("I want", "um, I want", 2)
    many = base.replace("I want", "um, like, you know, I want")
    clean_score = nlp.analyze_answer(base, CLINIC).score
    some_score = nlp.analyze_answer(some, CLINIC).score
    many_score = nlp.analyze_answer(many, CLINIC).score
    assert clean_score >= some_score > many_score >= clean_score - 15
