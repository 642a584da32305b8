"""Goal checks by meaning: hedges on the action, credentials of another field (goals
written for these tests, in varied wordings)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "I'll try to pass the PMP exam by June.",
    "Hopefully earn my CCNA by March 2027.",
    "Maybe apply for the charge nurse role next spring.",
    "I want to try and get my CPA license this year.",
    "I hope to become a charge nurse by 2028.",
    "Perhaps take the AWS Solutions Architect exam in Q2.",
    "I will probably finish my MBA in 2027.",
    "i might sit the CIPD level 5 exam sometime next year",
    "Kind of want to move into a team lead role by the end of the year.",
])
def test_a_hedge_on_the_goals_action_is_vague_even_with_a_credential(analyze, text):
    result = analyze(text)
    finding = next(f for f in result.findings if f.code == "vague")
    assert finding.rule == "vague.hedged"
    assert text[finding.start:finding.end] == finding.text


@pytest.mark.parametrize("text", [
    "Earn the PMP by June so that I could lead bigger projects.",
    "Run 2 stop-smoking clinics a month for patients who try to quit.",
    "I will not just try: I will pass the CFA Level 1 exam in June.",
    "Become the kind of nurse mentor who runs 2 teaching sessions a month.",
    "Pass the AWS Solutions Architect exam in Q2 2027.",
])
def test_a_hedge_elsewhere_or_negated_does_not_make_the_goal_vague(analyze, text):
    assert not any(f.rule == "vague.hedged" for f in analyze(text).findings)


UX = {"target_role": "UX Designer",
      "job_description": "UX Designer for a patient app: research, prototypes in Figma, "
                         "usability tests, accessibility."}
BACKEND = {"target_role": "Backend Software Engineer",
           "job_description": "Build Go services on Kubernetes, PostgreSQL, Kafka."}
ACCOUNTANT = {"target_role": "Staff Accountant",
              "vision": "Qualify as a chartered accountant and run the month-end close."}
NURSE = {"target_role": "Critical Care Nurse",
         "vision": "Lead the sepsis audits of my unit and teach student nurses."}


@pytest.mark.parametrize(("text", "context"), [
    ("Earn my commercial pilot license in 2028.", UX),
    ("Pass the CPA exam by December 2027.", UX),
    ("Get my CDL and drive for a trucking company by spring.", BACKEND),
    ("Open my own nail salon with two chairs by 2029.", ACCOUNTANT),
    ("Qualify as an estate agent next year.", NURSE),
    ("Qualify as a hairdresser by the end of next year.", BACKEND),
    ("Finish my personal trainer certificate (NASM) in 2027.", ACCOUNTANT),
])
def test_a_credential_of_another_field_is_irrelevant(analyze, text, context):
    assert "irrelevant" in analyze(text, **context).codes


@pytest.mark.parametrize(("text", "context"), [
    ("Pass the ACCA Financial Reporting exam by December 2027.", ACCOUNTANT),
    ("Complete the NN/g UX certification by June.", UX),
    ("Earn the CCRN certification by 2028.", NURSE),
    ("Get my AWS Developer certification in Q3.", BACKEND),
    ("Improve my presentation skills by giving 3 talks this year.", UX),
])
def test_a_credential_of_the_same_field_or_a_generic_skill_is_relevant(analyze, text, context):
    assert "irrelevant" not in analyze(text, **context).codes


@pytest.mark.parametrize(("text", "rule"), [
    ("Finish a 4-year nursing degree in 12 months while working full time.",
     "unrealistic.compressed"),
    ("Complete my three-year apprenticeship by Christmas.", "unrealistic.compressed"),
    ("Earn a two-year associate degree within 6 months.", "unrealistic.compressed"),
    ("Pass the JLPT N1 in 3 months starting from zero Japanese.", "unrealistic.from_zero"),
    ("Go from zero coding experience to a senior developer role within 6 months.",
     "unrealistic.from_zero"),
    ("be fluent in german by march, starting from scratch", "unrealistic.from_zero"),
])
def test_a_programme_or_a_level_squeezed_into_months_is_unrealistic(analyze, text, rule):
    result = analyze(text)
    finding = next(f for f in result.findings if f.code == "unrealistic")
    assert finding.rule == rule


@pytest.mark.parametrize("text", [
    "Finish the final year of my 3-year degree by June 2027.",
    "Start a 2-year MSc in data science in September.",
    "Complete a 4-year degree part time by 2031.",
    "Reach B1 Spanish from zero in 9 months.",
    "Pass the JLPT N3 by December 2027 after two years of evening classes.",
])
def test_a_programme_in_its_own_time_or_a_part_of_it_is_realistic(analyze, text):
    assert "unrealistic" not in analyze(text).codes
