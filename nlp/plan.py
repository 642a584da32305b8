"""Plan checks: how many goals, conflicts between two, balance of types, duplicates."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from .analyzer import ContextLike, analyze_texts
from .context import Context
from .errors import AnalyzerInputError
from .resources import load_json
from .result import Analysis, PlanAnalysis, PlanFinding

MIN_GOALS = 3
MAX_GOALS = 5
GOAL_TYPES = ("skill", "growth", "impact", "network", "lifestyle", "exploration")
INACTIVE = frozenset({"done", "completed", "complete", "archived", "abandoned", "dropped",
                      "cancelled", "canceled", "paused"})
DUPLICATE_THRESHOLD = 0.6


def _normalise(goals: Sequence[str | Mapping[str, Any]]) -> list[dict[str, Any]]:
    if isinstance(goals, str | bytes) or not isinstance(goals, Sequence):
        raise AnalyzerInputError("goals must be a list of texts or objects")
    out = []
    for index, goal in enumerate(goals):
        if isinstance(goal, str):
            out.append({"text": goal, "type": None, "horizon": None, "status": None})
        elif isinstance(goal, Mapping):
            text = goal.get("text")
            if not isinstance(text, str):
                raise AnalyzerInputError(f"goal {index} needs a 'text' string")
            kind = goal.get("type")
            if kind is not None and not isinstance(kind, str):
                raise AnalyzerInputError(f"goal {index}: 'type' must be a string")
            status = goal.get("status")
            out.append({"text": text, "type": kind.lower().strip() if kind else None,
                        "horizon": goal.get("horizon"),
                        "status": str(status).lower() if status is not None else None})
        else:
            raise AnalyzerInputError(f"goal {index} must be a text or an object")
    return out


@cache
def _plan_rules() -> dict[str, Any]:
    data = load_json("plan.json")
    for rule in data["conflicts"]:
        rule["_a"], rule["_b"] = re.compile(rule["a"]), re.compile(rule["b"])
    return data


def infer_type(text: str) -> str:
    """The most likely goal type from keywords (ties go to the earlier type)."""
    lowered = text.lower()
    counts = {kind: sum(1 for word in words if word in lowered)
              for kind, words in _plan_rules()["types"].items()}
    best = max(GOAL_TYPES, key=lambda k: (counts.get(k, 0), -GOAL_TYPES.index(k)))
    return best if counts.get(best, 0) else "impact"


def _tokens(analysis: Analysis) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9%$]+", analysis.text.lower()) if len(w) > 2} - {
        "the", "and", "for", "with", "want", "will", "my", "our", "by", "to", "get", "more"}


def analyze_plan(goals: Sequence[str | Mapping[str, Any]],
                 context: ContextLike = None) -> PlanAnalysis:
    """Analyse each goal, then the plan as a whole."""
    ctx = Context.coerce(context)
    items = _normalise(goals)
    analyses = analyze_texts("goal", [g["text"] for g in items], ctx)
    active = [i for i, g in enumerate(items) if (g["status"] or "active") not in INACTIVE
              and g["text"].strip()]
    findings: list[PlanFinding] = []
    if len(active) > MAX_GOALS:
        findings.append(PlanFinding(
            "too_many_goals", "warning",
            f"{len(active)} active goals is more than anyone can focus on (3 to 5 is healthy).",
            "Keep the 3 to 5 that matter most this year; park the rest for later.",
            tuple(active), "plan.too_many"))
    elif len(active) < MIN_GOALS:
        findings.append(PlanFinding(
            "too_few_goals", "info",
            f"{len(active)} active goal{'s' if len(active) != 1 else ''}: a plan usually has 3 "
            "to 5, covering more than one side of your career.",
            "Add a goal for a skill, one for growth or impact, and one for your network.",
            tuple(active), "plan.too_few"))
    findings.extend(_conflicts(items, active))
    types = {i: items[i]["type"] or infer_type(items[i]["text"]) for i in active}
    if len(active) >= 2 and len(set(types.values())) == 1:
        only = next(iter(types.values()))
        findings.append(PlanFinding(
            "unbalanced", "info",
            f"All active goals are {only} goals; the plan has no other dimension.",
            "Add a goal of another type (skill, growth, impact, network, lifestyle or "
            "exploration).", tuple(active), "plan.unbalanced"))
    findings.extend(_duplicates(analyses, active))
    summary = {
        "active_goals": len(active),
        "types": {str(i): t for i, t in types.items()},
        "average_score": round(sum(analyses[i].score for i in active) / len(active))
        if active else 0,
        "goal_codes": [a.codes for a in analyses],
    }
    return PlanAnalysis(tuple(findings), tuple(analyses), summary)


def _conflicts(items: list[dict[str, Any]], active: list[int]) -> list[PlanFinding]:
    out = []
    for rule in _plan_rules()["conflicts"]:
        a_side = [i for i in active if rule["_a"].search(items[i]["text"].lower())]
        b_side = [i for i in active if rule["_b"].search(items[i]["text"].lower())]
        pairs = [(a, b) for a in a_side for b in b_side if a != b]
        if pairs:
            a, b = pairs[0]
            out.append(PlanFinding(
                "conflict", "warning",
                f"Goal {a + 1} and goal {b + 1} pull against each other: {rule['why']}.",
                f"Decide which comes first this year, or reshape one: \"{items[a]['text']}\" "
                f"vs \"{items[b]['text']}\".", (a, b), rule["id"]))
    return out


def _duplicates(analyses: list[Analysis], active: list[int]) -> list[PlanFinding]:
    out = []
    for x, a in enumerate(active):
        for b in active[x + 1:]:
            ta, tb = _tokens(analyses[a]), _tokens(analyses[b])
            if not ta or not tb:
                continue
            overlap = len(ta & tb) / len(ta | tb)
            if overlap >= DUPLICATE_THRESHOLD or analyses[a].text.strip().lower() == \
                    analyses[b].text.strip().lower():
                out.append(PlanFinding(
                    "duplicate", "info",
                    f"Goal {a + 1} and goal {b + 1} say nearly the same thing.",
                    "Merge them into one goal with one metric and one deadline.",
                    (a, b), "plan.duplicate"))
    return out
