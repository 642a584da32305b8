"""Issue 6's scenario, generalised: a rambling long-term-first answer is told exactly that.

Near-term cues in many wordings after a long-term opening, relevance of an answer that
aims at the job's own role or field, the detailed long-term itinerary, and a near-term
part that names nothing concrete (answers written for these tests).
"""

from __future__ import annotations

import pytest

import nlp

TODAY = "2026-11-21"
CSM_JD = (
    "Customer Success Manager - Brightline Software (Manchester, hybrid)\n"
    "Brightline makes scheduling software for clinics. You will own a portfolio of 40-60 "
    "accounts, run onboarding and quarterly business reviews, track adoption in Gainsight "
    "and work with Sales on renewals.\nRequirements:\n- 2+ years in customer success or "
    "account management\n- Experience running onboarding and QBRs\n- Salesforce or HubSpot"
)
CSM = {"target_role": "Customer Success Manager", "job_description": CSM_JD, "today": TODAY}
CSM_ROLE_ONLY = {"target_role": "Customer Success Manager", "today": TODAY}
NURSE = {"target_role": "ICU Registered Nurse", "today": TODAY}
UX = {"target_role": "Senior UX Designer", "today": TODAY}

LONG_OPENINGS = [
    "Long term, I see myself leading a customer success team at a software company.",
    "Eventually I'd love to run a customer success department somewhere like this.",
    "In five years or so I'd like to be heading up customer success for a whole region.",
]
NEAR_LATER = [
    "In the shorter term I'd like to learn your onboarding process.",
    "In the nearer term, I'd like to handle renewals for a set of clients.",
    "For now I want to get really good at onboarding clients.",
    "To start with, I'd like to learn the product inside out.",
    "Initially I'd focus on learning the product and the clients.",
    "First, I want to learn the product and run onboarding calls.",
    "But first I'd like to get to know the clients and the product.",
    "Over the next year or two I want to run onboarding for new clients.",
    "Right away I'd want to learn the product and meet the clients.",
    "In my first months I'd like to learn the product and shadow the team.",
    "Before that, I want to get good at running onboarding calls.",
    "At first I'd mostly listen to clients and learn the renewals process.",
]


@pytest.mark.parametrize("near", NEAR_LATER)
@pytest.mark.parametrize("opening", LONG_OPENINGS[:2])
def test_a_near_term_cue_after_a_long_opening_is_long_term_first(opening: str,
                                                                  near: str) -> None:
    result = nlp.analyze_answer(f"{opening} {near}", CSM_ROLE_ONLY)
    assert "long_term_first" in result.codes
    assert "no_short_term" not in result.codes
    assert "irrelevant" not in result.codes


@pytest.mark.parametrize("text", [
    "First, I want to learn the product and run onboarding calls. Long term, I see myself "
    "leading a customer success team.",
    "I came first in my sales region last year. Long term, I see myself leading a customer "
    "success team, and in my first year I want to run onboarding for new clients.",
    "Eventually I'd like to lead a customer success team. What I first noticed about "
    "Brightline was how much clinics rely on it, which is why I applied.",
])
def test_a_near_term_opening_or_a_past_first_is_not_long_term_first(text: str) -> None:
    assert "long_term_first" not in nlp.analyze_answer(text, CSM_ROLE_ONLY).codes


def test_long_term_first_names_both_parts_with_spans() -> None:
    text = ("Long term, I see myself leading a customer success team at a software company. "
            "Um, and in the shorter term I'd like to learn your onboarding process.")
    finding = next(f for f in nlp.analyze_answer(text, CSM).findings
                   if f.code == "long_term_first")
    spans = {s["label"]: s for s in finding.to_dict()["spans"]}
    assert spans["long_term"]["text"].startswith("Long term, I see myself leading")
    assert spans["short_term"]["text"].startswith("in the shorter term I'd like")
    for s in spans.values():
        assert text[s["start"]:s["end"]] == s["text"]
    assert "long run" in finding.message and "Lead with the near term" in finding.suggestion


@pytest.mark.parametrize(("text", "context"), [
    ("Long-term I really see myself running a whole customer success organisation. In the "
     "shorter term I'd like to get into a role like this one and learn a lot.", CSM),
    ("My dream is to become a customer success director one day. For now I'd like to get "
     "into the industry and learn as much as I can.", CSM_ROLE_ONLY),
    ("In five years I want to be a charge nurse on an ICU. In the next year I want to "
     "settle in, learn a lot and get experience.", NURSE),
    ("I'd like to grow as a UX designer over the next few years and eventually lead a "
     "design team. Right now I just want to learn and gain experience.", UX),
])
def test_an_answer_aiming_at_the_jobs_own_role_or_field_is_relevant(text: str,
                                                                    context: dict) -> None:
    assert "irrelevant" not in nlp.analyze_answer(text, context).codes


@pytest.mark.parametrize(("text", "context"), [
    ("I've worked in customer success for five years, but what I really want next is to "
     "train as a chef and open a small bakery, baking sourdough and pastries for the "
     "neighbourhood every morning.", CSM_ROLE_ONLY),
    ("Honestly I don't want to stay in customer success. In the next year I want to get my "
     "personal trainer certificate and in five years run my own gym with ten trainers.",
     CSM_ROLE_ONLY),
    ("I'd like to become a strong UX designer in the next two years, and eventually lead a "
     "design team.", CSM_ROLE_ONLY),
    ("In the next year I want to pass my real estate exam, and in five years I'd like to "
     "run my own property agency with three branches.", NURSE),
])
def test_naming_the_field_in_the_past_negated_or_another_role_stays_irrelevant(
        text: str, context: dict) -> None:
    assert "irrelevant" in nlp.analyze_answer(text, context).codes


@pytest.mark.parametrize("text", [
    "Long term, I see myself running a customer success organisation, maybe as a VP of "
    "Customer Experience, building the team, hiring twenty people, setting up the playbook, "
    "the tooling, the metrics and the compensation plans. First I'd like to learn "
    "onboarding.",
    "Eventually I want to head customer success for Europe: open two offices, hire thirty "
    "managers, write the escalation process, the renewal playbook and the QBR templates, "
    "and choose the tools. In my first year I want to run onboarding for my own accounts.",
])
def test_a_long_term_sentence_packed_with_steps_is_too_detailed(text: str) -> None:
    result = nlp.analyze_answer(text, CSM)
    finding = next(f for f in result.findings if f.code == "long_term_too_detailed")
    assert "in one sentence" in finding.message


@pytest.mark.parametrize("text", [
    "In my first year I want to run onboarding for every new clinic and hold quarterly "
    "business reviews with each account. Longer term, I'd like to grow into a senior "
    "customer success role, leading a small team and shaping expansion with Sales.",
    "Long term, I'd like to lead a customer success team. Before that I want to learn "
    "Gainsight and run onboarding and renewals for my own accounts.",
])
def test_a_one_line_direction_is_not_too_detailed(text: str) -> None:
    assert "long_term_too_detailed" not in nlp.analyze_answer(text, CSM).codes


@pytest.mark.parametrize("text", [
    "Long term I see myself leading a customer success team. In the short term I'd like "
    "to, like, get into a role like this one and learn a lot.",
    "Eventually I want to run a customer success department. For now I just want to get "
    "my foot in the door and gain experience.",
    "In five years I'd like to be a customer success director. Initially I'd want to "
    "learn as much as possible and develop my skills.",
])
def test_a_near_term_part_naming_nothing_concrete_is_flagged(text: str) -> None:
    result = nlp.analyze_answer(text, CSM)
    finding = next(f for f in result.findings if f.code == "vague_short_term")
    assert text[finding.start:finding.end] == finding.text
    assert not finding.text.lower().startswith(("um", "and", "like"))


@pytest.mark.parametrize("text", [
    "Long term I see myself leading a customer success team. In the short term I'd like "
    "to learn Gainsight and run onboarding for new clinics.",
    "Eventually I want to run a customer success department. For now I want to own a "
    "portfolio of 40 accounts and hold their quarterly business reviews.",
    "In five years I'd like to be a customer success director. Initially I'd want to "
    "shadow your renewals calls with Sales.",
])
def test_a_concrete_near_term_part_is_not_vague(text: str) -> None:
    assert "vague_short_term" not in nlp.analyze_answer(text, CSM).codes
