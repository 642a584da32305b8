"""The feedback on one answer, read from the analyzer's JSON.

Everything here works on the plain analysis dict and copes with what an
older analyzer leaves out: a fact that is missing gives an "unknown" line or
no line, never an error.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from coachapp.interview.questions import Question

WORDS_PER_MINUTE = 140
TARGET_SECONDS = (45, 120)
WHOLE_ANSWER_CODES = ("too_short", "too_long")  # shown as the length line, not highlighted
STRUCTURE_CODES = ("no_short_term", "no_long_term", "long_term_first", "long_term_too_detailed")
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Check:
    """One line of the structure checklist: ok, missing, unknown (not checked)."""

    key: str
    label: str
    state: str
    detail: str = ""
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class JobTerms:
    available: bool
    used: tuple[str, ...] = ()
    missing_required: tuple[str, ...] = ()
    missing_other: tuple[str, ...] = ()
    total: int = 0  # every key term of the description (0 in analyses made before 1.7.1)

    @property
    def coverage(self) -> tuple[int, int] | None:
        if not self.available:
            return None
        listed = len(self.used) + len(self.missing_required) + len(self.missing_other)
        return len(self.used), max(self.total, listed)


@dataclass(frozen=True)
class Length:
    words: int
    estimated_seconds: int
    measured_seconds: int | None

    @property
    def seconds(self) -> int:
        return self.measured_seconds if self.measured_seconds else self.estimated_seconds

    @property
    def verdict(self) -> str:
        low, high = TARGET_SECONDS
        return "short" if self.seconds < low else "long" if self.seconds > high else "ok"


@dataclass(frozen=True)
class Filler:
    count: int
    per_100_words: float
    top: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Report:
    score: int | None
    findings: list[dict[str, Any]]
    checklist: list[Check]
    job_terms: JobTerms
    realism: list[dict[str, Any]]
    filler: Filler
    length: Length
    top_words: tuple[str, ...]
    next_steps: list[str] = field(default_factory=list)

    @property
    def listed(self) -> list[dict[str, Any]]:
        """The findings to list: the fillers as one entry (each is still highlighted)."""
        fillers = [f for f in self.findings if f.get("code") == "filler"]
        if len(fillers) < 2:
            return self.findings
        words = list(dict.fromkeys(f.get("text", "") for f in fillers))
        merged = {**fillers[0], "text": " · ".join(words),
                  "message": f"{len(fillers)} fillers or hedges "
                             f"({self.filler.per_100_words:g} per 100 words): they make the "
                             "answer sound unsure."}
        return [f for f in self.findings if f.get("code") != "filler"] + [merged]

    @property
    def highlights(self) -> list[dict[str, Any]]:
        """Findings about particular words; length findings cover the whole answer."""
        return [f for f in self.findings if f.get("code") not in WHOLE_ANSWER_CODES]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def spans(value: Any) -> list[dict[str, Any]]:
    """A fact that may be one span, a list of spans or absent, as a list of spans."""
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, dict) and isinstance(v.get("text"), str)]


def _codes(findings: list[dict[str, Any]]) -> set[str]:
    return {f.get("code") for f in findings}


def relevant_findings(findings: list[dict[str, Any]], question: Question) -> list[dict[str, Any]]:
    """Drop structure findings for parts the question does not ask for.

    "What are your long-term goals?" needs no short-term goal, so the
    analyzer's ``no_short_term`` does not apply to it.
    """
    skip = set()
    if not question.expects_part("short_term"):
        skip |= {"no_short_term", "long_term_first", "vague_short_term"}
    if not question.expects_part("long_term"):
        skip |= {"no_long_term", "long_term_first", "long_term_too_detailed"}
    return [f for f in findings if f.get("code") not in skip]


def structure_checklist(analysis: dict[str, Any], question: Question,
                        job_terms: JobTerms, has_description: bool) -> list[Check]:
    """Short-term → long-term → link to the job, as far as the question asks for them."""
    findings = analysis.get("findings", [])
    facts = analysis.get("facts", {}) or {}
    codes = _codes(findings)
    # Only an analyzer that reports parts or structure findings has checked the structure.
    checked = "short_term" in facts or "long_term" in facts or bool(codes & set(STRUCTURE_CODES))
    short = tuple(s["text"] for s in spans(facts.get("short_term")))
    long = tuple(s["text"] for s in spans(facts.get("long_term")))

    def state(code: str) -> str:
        return "missing" if code in codes else "ok" if checked else "unknown"

    checks: list[Check] = []
    if question.expects_part("short_term"):
        # Where it comes in the answer is the "order" item; this one is about what it says.
        # A vague near-term part, or an answer of platitudes only, has no practical step.
        vague_start = bool(codes & {"vague_short_term", "vague"}) and "no_short_term" not in codes
        checks.append(Check("short_term", "A short-term goal with practical steps",
                            "missing" if vague_start else state("no_short_term"),
                            "No near-term goal found." if "no_short_term" in codes else
                            "The near-term part names no concrete step." if vague_start else "",
                            short))
    if question.expects_part("long_term"):
        checks.append(Check("long_term", "Gives a long-term direction", state("no_long_term"),
                            "No long-term direction found." if "no_long_term" in codes else "",
                            long))
    if question.expects_part("short_term") and question.expects_part("long_term"):
        checks.append(Check("order", "Short-term first, then long-term", state("long_term_first"),
                            "It opens with the long-term goal." if "long_term_first" in codes
                            else ""))
    if question.expects_part("long_term"):
        checks.append(Check("brief", "Long-term part kept brief",
                            state("long_term_too_detailed"),
                            "The long-term part is very detailed."
                            if "long_term_too_detailed" in codes else ""))
    if question.expects_part("job_link"):
        checks.append(_job_link(codes, job_terms, has_description))
    return checks


def _job_link(codes: set[str], job_terms: JobTerms, has_description: bool) -> Check:
    label = "Linked to this job"
    if "irrelevant" in codes:
        return Check("job_link", label, "missing", "Parts of it do not relate to this job.")
    if job_terms.available and has_description:
        if not job_terms.used:
            return Check("job_link", label, "missing",
                         "It uses none of the job description's key terms.")
        return Check("job_link", label, "ok", f"Uses {len(job_terms.used)} of the job's terms.",
                     job_terms.used[:5])
    if not has_description:
        return Check("job_link", label, "unknown",
                     "Paste the job description to check the link to the job.")
    return Check("job_link", label, "ok", "Nothing off-topic found.")


def job_terms(analysis: dict[str, Any]) -> JobTerms:
    data = (analysis.get("facts", {}) or {}).get("job_terms")
    if not isinstance(data, dict):
        return JobTerms(False)
    used = tuple(dict.fromkeys(
        str(t.get("term", "")) for t in data.get("used", []) if isinstance(t, dict) and
        t.get("term")))
    missing = [t for t in data.get("missing", []) if isinstance(t, dict) and t.get("term")]
    return JobTerms(
        True,
        used,
        tuple(str(t["term"]) for t in missing if t.get("requirement")),
        tuple(str(t["term"]) for t in missing if not t.get("requirement")),
        total if isinstance(total := data.get("total"), int) else 0,
    )


def filler(analysis: dict[str, Any], words: int) -> Filler:
    found = [f.get("text", "").lower() for f in analysis.get("findings", [])
             if f.get("code") == "filler"]
    per_100 = round(100 * len(found) / words, 1) if words else 0.0
    return Filler(len(found), per_100, tuple(Counter(found).most_common(5)))


def length(analysis: dict[str, Any], duration_seconds: int | None) -> Length:
    text = analysis.get("text", "")
    words = word_count(text)
    estimated = (analysis.get("facts", {}) or {}).get("speaking_seconds")
    if not isinstance(estimated, int | float) or isinstance(estimated, bool):
        estimated = words * 60 / WORDS_PER_MINUTE
    return Length(words, round(estimated), duration_seconds)


def top_words(analysis: dict[str, Any]) -> tuple[str, ...]:
    value = (analysis.get("facts", {}) or {}).get("top_words")
    if not isinstance(value, list):
        return ()
    words = [w.get("word") or w.get("text") if isinstance(w, dict) else w for w in value]
    return tuple(str(w) for w in words if w)[:8]


def next_steps(report_findings: list[dict[str, Any]], checklist: list[Check],
               terms: JobTerms, length_: Length, filler_: Filler) -> list[str]:
    """What to change on the next try, most useful first, at most five."""
    steps: list[str] = []
    order = ("no_short_term", "long_term_first", "vague_short_term", "irrelevant", "unrealistic",
             "vague", "no_long_term", "long_term_too_detailed")
    by_code = {f.get("code"): f for f in reversed(report_findings)}
    for code in order:
        finding = by_code.get(code)
        if finding:
            steps.append(finding.get("suggestion") or finding.get("message", ""))
    if terms.missing_required:
        steps.append("Use the job's own words for what you bring or will learn: "
                     + ", ".join(terms.missing_required[:4]) + ".")
    elif any(c.key == "job_link" and c.state == "missing" for c in checklist) and \
            terms.missing_other:
        steps.append("Mention what this job asks for, such as "
                     + ", ".join(terms.missing_other[:3]) + ".")
    if length_.verdict == "short":
        steps.append(f"Speak for at least {TARGET_SECONDS[0]} seconds: add a concrete step "
                     "you are taking and how it helps in this job.")
    elif length_.verdict == "long":
        steps.append(f"Keep it under {TARGET_SECONDS[1]} seconds: cut detail from the "
                     "long-term part first.")
    if filler_.count >= 3 or filler_.per_100_words >= 3:
        words = ", ".join(f"“{w}”" for w, _ in filler_.top[:3])
        steps.append(f"Drop the fillers ({words}): pause instead.")
    return [s for s in dict.fromkeys(steps) if s][:5]


def build_report(analysis: dict[str, Any], question: Question, duration_seconds: int | None,
                 has_description: bool) -> Report:
    findings = relevant_findings(analysis.get("findings", []), question)
    if duration_seconds:  # a timed answer: the measured time beats the word-count estimate
        findings = [f for f in findings if f.get("code") not in WHOLE_ANSWER_CODES]
    analysis = {**analysis, "findings": findings}
    terms = job_terms(analysis)
    checklist = structure_checklist(analysis, question, terms, has_description)
    length_ = length(analysis, duration_seconds)
    filler_ = filler(analysis, length_.words)
    realism = [f for f in findings if f.get("code") == "unrealistic"]
    return Report(
        score=analysis.get("score"),
        findings=findings,
        checklist=checklist,
        job_terms=terms,
        realism=realism,
        filler=filler_,
        length=length_,
        top_words=top_words(analysis),
        next_steps=next_steps(findings, checklist, terms, length_, filler_),
    )
