"""Plan checks: count, conflicts (naming both goals), balance, duplicates."""

from __future__ import annotations

import pytest

import nlp

CTX = {"today": "2026-07-15"}


def plan_codes(goals):
    return {f.code: f for f in nlp.analyze_plan(goals, CTX).findings}


def test_too_few_and_too_many():
    assert "too_few_goals" in plan_codes(["Earn the PMP by June.", "Run 2 workshops by May."])
    many = [f"Publish {n} blog posts by June." for n in range(2, 9)]
    assert "too_many_goals" in plan_codes(many)
    inactive = [{"text": t, "status": "done"} for t in many[:4]] + [
        {"text": "Earn the PMP by June."}, {"text": "Lead 2 client calls a week."},
        {"text": "Run the Leeds 10k in May."}]
    assert "too_many_goals" not in plan_codes(inactive)


@pytest.mark.parametrize(
    ("goals", "pair"),
    [
        (["Get promoted to team lead by Q3.", "Learn SQL by June.",
          "Cut my hours to part-time by September."], (0, 2)),
        (["Relocate to Berlin next year.", "Pass the CPA exam by May.",
          "Stay close to my family in Leeds."], (0, 2)),
        (["Become a staff engineer by 2027.", "Move into management and lead a team of 5 "
          "this year.", "Publish 2 talks."], (0, 1)),
    ],
)
def test_conflict_names_both_goals(goals, pair):
    finding = plan_codes(goals)["conflict"]
    assert finding.goals == pair
    assert f"Goal {pair[0] + 1}" in finding.message


def test_unbalanced_with_and_without_types():
    typed = [{"text": t, "type": "skill"} for t in ("Learn SQL by June.", "Pass the PMP by May.",
                                                     "Finish a Python course in Q3.")]
    assert "unbalanced" in plan_codes(typed)
    inferred = ["Learn SQL by June.", "Pass the PMP exam by May.", "Complete a Python course "
                "in Q3."]
    assert "unbalanced" in plan_codes(inferred)
    mixed = ["Learn SQL by June.", "Get promoted to Senior Analyst by 2027.",
             "Attend 2 networking events a month."]
    assert "unbalanced" not in plan_codes(mixed)


def test_duplicates():
    goals = ["Earn the PMP certification by June.", "Earn my PMP certification by June 2027.",
             "Run 2 workshops by May.", "Attend 2 networking events a month."]
    finding = plan_codes(goals)["duplicate"]
    assert finding.goals == (0, 1)


def test_plan_to_dict_shape():
    data = nlp.analyze_plan(["Learn SQL by June.", {"text": "Run 2 workshops", "type": "impact",
                                                    "horizon": "short"}], CTX).to_dict()
    assert data["kind"] == "plan"
    assert len(data["goals"]) == 2
    assert {"summary", "findings"} <= set(data)
    for finding in data["findings"]:
        assert set(finding) >= {"code", "severity", "message", "suggestion", "goals"}


def test_bad_plan_input():
    with pytest.raises(nlp.AnalyzerInputError):
        nlp.analyze_plan("not a list")
    with pytest.raises(nlp.AnalyzerInputError):
        nlp.analyze_plan([{"type": "skill"}])
