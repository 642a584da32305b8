"""Plain result types: findings, facts, SMART verdicts and analyses; all serialise as is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("info", "warning", "error")
SMART_LETTERS = ("specific", "measurable", "achievable", "relevant", "time_bound")


@dataclass(frozen=True)
class Finding:
    """One problem found in a text, with the exact words it is about."""

    code: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str
    rule: str
    # Other parts of the text the finding is about, each {"label", "start", "end", "text"}
    # (long_term_first names the long-term part and the near-term part it puts last).
    spans: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = {
            "code": self.code,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            "rule": self.rule,
        }
        if self.spans:
            data["spans"] = [dict(s) for s in self.spans]
        return data


@dataclass(frozen=True)
class Metric:
    """Something success can be measured by: a quantity or a verifiable completion."""

    text: str
    start: int
    end: int
    kind: str  # quantity, percent, money, multiplier, frequency, credential, role, deliverable
    rule: str
    value: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "rule": self.rule}


@dataclass(frozen=True)
class Deadline:
    """A time frame: a date, a period, an event, or a cadence."""

    text: str
    start: int
    end: int
    date: dt.date | None
    relative: bool
    kind: str  # date, relative, event, cadence
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "date": self.date.isoformat() if self.date else None,
            "relative": self.relative,
            "kind": self.kind,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Facts:
    """What the analyzer read from the text."""

    metrics: tuple[Metric, ...] = ()
    deadlines: tuple[Deadline, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "metrics": [m.to_dict() for m in self.metrics],
            "deadlines": [d.to_dict() for d in self.deadlines],
        }


@dataclass(frozen=True)
class Verdict:
    """One SMART letter: does the text meet it, and why (a readable sentence)."""

    ok: bool
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "why": self.why}


@dataclass(frozen=True)
class Analysis:
    """The analysis of one goal or answer, as DESIGN.md's contract shows."""

    kind: str
    text: str
    score: int
    smart: dict[str, Verdict]
    findings: tuple[Finding, ...]
    facts: Facts
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def codes(self) -> list[str]:
        """The finding codes, in order, without repeats."""
        return list(dict.fromkeys(f.code for f in self.findings))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "score": self.score,
            "smart": {letter: self.smart[letter].to_dict() for letter in SMART_LETTERS},
            "findings": [f.to_dict() for f in self.findings],
            "facts": self.facts.to_dict(),
        }
        data.update(self.extra)
        return data


@dataclass(frozen=True)
class PlanFinding:
    """A problem of the whole plan, naming the goals (by index) it is about."""

    code: str
    severity: str
    message: str
    suggestion: str
    goals: tuple[int, ...]
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "goals": list(self.goals),
            "rule": self.rule,
        }


@dataclass(frozen=True)
class PlanAnalysis:
    """The analysis of a set of goals."""

    findings: tuple[PlanFinding, ...]
    goals: tuple[Analysis, ...]
    summary: dict[str, Any]

    @property
    def codes(self) -> list[str]:
        return list(dict.fromkeys(f.code for f in self.findings))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "plan",
            "findings": [f.to_dict() for f in self.findings],
            "goals": [g.to_dict() for g in self.goals],
            "summary": dict(self.summary),
        }
