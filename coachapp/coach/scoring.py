"""A goal's analysis as the coach's decisions leave it: dismissed findings stop
counting against the score, the SMART letters and the open flags."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from nlp.scoring import LETTER_CODES, points

QUOTE_MAX = 300


def finding_key(finding: dict[str, Any]) -> tuple[str, str]:
    """How a decision names a finding: its code and the words it quotes."""
    return finding.get("code", ""), (finding.get("text") or "")[:QUOTE_MAX]


def rescore(analysis: dict[str, Any], dismissed: set[tuple[str, str]]) -> int | None:
    """The analysis score with the ``dismissed`` findings taken out.

    The analyzer's own formula (``nlp.scoring.points``) on what is left; with
    nothing dismissed it gives the same score.
    """
    if not analysis:
        return None
    remaining = [f for f in analysis.get("findings", []) if finding_key(f) not in dismissed]
    if not dismissed or len(remaining) == len(analysis.get("findings", [])):
        return analysis.get("score")
    codes = {f.get("code") for f in remaining}
    ok = [letter for letter, verdict in analysis.get("smart", {}).items()
          if verdict.get("ok") or not codes & set(LETTER_CODES.get(letter, ()))]
    return points(ok, [(f.get("code", ""), f.get("severity", "")) for f in remaining],
                  len(analysis.get("text", "").split()))


def open_flags(analysis: dict[str, Any] | None, dismissed: set[tuple[str, str]]) -> int:
    """How many findings still count against the goal."""
    return sum(1 for f in (analysis or {}).get("findings", []) if finding_key(f) not in dismissed)


def reviewed_analysis(analysis: dict[str, Any] | None, decisions: Iterable[Any],
                      dismissed_label: str) -> dict[str, Any] | None:
    """A copy of ``analysis`` for display: each decided finding carries its decision,
    dismissed ones are left out of the highlights, the letters and the score.

    ``decisions`` are :class:`~coachapp.models.FindingDecision` rows of the goal;
    ``dismissed_label`` says who dismissed ("your coach", "you").
    """
    if not analysis:
        return analysis
    by_key = {(d.code, d.quote): d for d in decisions}
    view = copy.deepcopy(analysis)
    dismissed: set[tuple[str, str]] = set()
    for finding in view.get("findings", []):
        decision = by_key.get(finding_key(finding))
        if decision is None:
            continue
        finding["decision"] = {"state": decision.decision, "reason": decision.reason,
                               "label": dismissed_label}
        if decision.decision == "dismissed":
            finding["dismissed"] = True
            dismissed.add(finding_key(finding))
    view["highlights"] = [f for f in view.get("findings", []) if not f.get("dismissed")]
    view["score"] = rescore(analysis, dismissed)
    view["raw_score"] = analysis.get("score")
    remaining = {f.get("code") for f in view["highlights"]}
    for letter, verdict in view.get("smart", {}).items():
        if not verdict.get("ok") and not remaining & set(LETTER_CODES.get(letter, ())):
            verdict["ok"] = True
            verdict["why"] = f"The flag on this was dismissed by {dismissed_label}."
    return view
