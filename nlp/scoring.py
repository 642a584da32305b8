"""SMART verdicts and the 0-100 score, derived from the findings."""

from __future__ import annotations

from collections.abc import Iterable

from .context import Context
from .result import Facts, Finding, Verdict

WEIGHTS = {"specific": 25, "measurable": 20, "achievable": 20, "relevant": 15,
           "time_bound": 20}
LETTER_CODES = {
    "specific": ("vague", "habit", "empty"),
    "measurable": ("missing_metric", "empty"),
    "achievable": ("unrealistic", "empty"),
    "relevant": ("irrelevant", "empty"),
    "time_bound": ("missing_deadline", "empty"),
}
PENALTY = {"info": 3, "warning": 5, "error": 10}
FILLER_POINTS_PER_RATE = 1.5  # 4 fillers per 100 words cost 6 points
FILLER_MAX_PENALTY = 15


def smart_verdicts(findings: list[Finding], facts: Facts, context: Context,
                   kind: str = "goal") -> dict[str, Verdict]:
    """One readable verdict per SMART letter."""
    by_code = {f.code: f for f in findings}
    if "empty" in by_code:
        return {letter: Verdict(False, "There is no text to judge yet.") for letter in WEIGHTS}
    out: dict[str, Verdict] = {}
    vague = by_code.get("vague") or by_code.get("habit")
    if vague is not None:
        why = (f"\"{vague.text}\" describes a trait or habit, not an outcome others can see."
               if vague.code == "habit" else
               f"\"{vague.text}\" does not name a concrete result someone else could verify.")
        out["specific"] = Verdict(False, why)
    else:
        out["specific"] = Verdict(True, "It names a concrete outcome.")
    metrics = facts.metrics
    if "missing_metric" in by_code or (kind == "answer" and not metrics):
        out["measurable"] = Verdict(False, "There is no number, frequency or named finish line "
                                           "to measure success by.")
    else:
        named = ", ".join(f"\"{m.text}\"" for m in metrics[:3])
        out["measurable"] = Verdict(True, f"Success can be measured by {named}.")
    unreal = by_code.get("unrealistic")
    out["achievable"] = (Verdict(False, unreal.message) if unreal else
                         Verdict(True, "Nothing in it looks implausible for its time frame."))
    irrelevant = by_code.get("irrelevant")
    if irrelevant:
        out["relevant"] = Verdict(False, irrelevant.message)
    elif context.has_direction:
        out["relevant"] = Verdict(True, "It fits the direction you gave (vision, role or job).")
    else:
        out["relevant"] = Verdict(True, "No vision or target role was given, so relevance "
                                        "was not checked.")
    deadlines = facts.deadlines
    if "missing_deadline" in by_code or (kind == "answer" and not deadlines):
        out["time_bound"] = Verdict(False, "There is no date, time frame or cadence.")
    else:
        first = deadlines[0]
        when = f" ({first.date.isoformat()})" if first.date else ""
        out["time_bound"] = Verdict(True, f"It has a time frame: \"{first.text}\"{when}.")
    return out


def score(verdicts: dict[str, Verdict], findings: list[Finding], words: int = 0) -> int:
    """Weighted SMART letters, minus small penalties for findings the letters do not cover."""
    return points([letter for letter, verdict in verdicts.items() if verdict.ok],
                  [(f.code, f.severity) for f in findings], words)


def points(ok_letters: Iterable[str], findings: Iterable[tuple[str, str]], words: int = 0) -> int:
    """The 0-100 score from the letters that pass and each finding's (code, severity).

    Filler counts once per answer, scaled by its rate per 100 words (``words`` is the
    answer's length), however many uses are highlighted. Public so that a stored
    analysis can be rescored (a coach dismissing a flag) by the same formula.
    """
    findings = list(findings)
    total = sum(WEIGHTS[letter] for letter in ok_letters)
    covered = {code for codes in LETTER_CODES.values() for code in codes}
    total -= sum(PENALTY.get(severity, 0) for code, severity in findings
                 if code not in covered and code != "filler")
    total -= filler_penalty(sum(1 for code, _ in findings if code == "filler"), words)
    return max(0, min(100, total))


def filler_penalty(count: int, words: int) -> int:
    """Points off for filler: FILLER_POINTS_PER_RATE per filler per 100 words, capped."""
    if not count:
        return 0
    rate = 100 * count / words if words else float(count)
    return min(FILLER_MAX_PENALTY, max(1, round(rate * FILLER_POINTS_PER_RATE)))
