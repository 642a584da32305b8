"""What changed between two attempts at the same question."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from coachapp.interview.report import JobTerms, job_terms, word_count


@dataclass(frozen=True)
class CodeChange:
    code: str
    before: int
    after: int


@dataclass(frozen=True)
class Comparison:
    score_before: int | None
    score_after: int | None
    resolved: tuple[CodeChange, ...]
    new: tuple[CodeChange, ...]
    fewer: tuple[CodeChange, ...]
    more: tuple[CodeChange, ...]
    kept: tuple[CodeChange, ...]
    terms_before: JobTerms
    terms_after: JobTerms
    terms_gained: tuple[str, ...]
    terms_lost: tuple[str, ...]
    words_before: int
    words_after: int

    @property
    def score_change(self) -> int | None:
        if self.score_before is None or self.score_after is None:
            return None
        return self.score_after - self.score_before


def compare_analyses(before: dict[str, Any] | None, after: dict[str, Any] | None) -> Comparison:
    """Findings resolved and new (by code, with counts), score and job-term coverage."""
    before, after = before or {}, after or {}
    old = Counter(f.get("code") for f in before.get("findings", []))
    new = Counter(f.get("code") for f in after.get("findings", []))
    changes = [CodeChange(code, old[code], new[code]) for code in sorted(set(old) | set(new))]
    terms_before, terms_after = job_terms(before), job_terms(after)
    return Comparison(
        score_before=before.get("score"),
        score_after=after.get("score"),
        resolved=tuple(c for c in changes if c.before and not c.after),
        new=tuple(c for c in changes if c.after and not c.before),
        fewer=tuple(c for c in changes if 0 < c.after < c.before),
        more=tuple(c for c in changes if 0 < c.before < c.after),
        kept=tuple(c for c in changes if c.before == c.after),
        terms_before=terms_before,
        terms_after=terms_after,
        terms_gained=tuple(t for t in terms_after.used if t not in terms_before.used),
        terms_lost=tuple(t for t in terms_before.used if t not in terms_after.used),
        words_before=word_count(before.get("text", "")),
        words_after=word_count(after.get("text", "")),
    )
