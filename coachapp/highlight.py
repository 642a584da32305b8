"""Split a text into plain and highlighted runs for the findings it carries."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

# Which code names a run covered by several findings: problems in the words
# themselves come before what the whole goal lacks.
PRIORITY = ("unrealistic", "habit", "vague", "irrelevant", "long_term_first", "no_short_term",
            "vague_short_term", "long_term_too_detailed", "no_long_term", "filler",
            "missing_metric", "missing_deadline", "too_short", "too_long")


def _rank(code: str) -> int:
    return PRIORITY.index(code) if code in PRIORITY else PRIORITY.index("filler")


@dataclass(frozen=True)
class Segment:
    text: str
    codes: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()


def segments(text: str, findings: list[dict[str, Any]]) -> list[Segment]:
    """Runs of ``text`` with the codes of the findings that cover each run.

    Overlapping findings split the text at every boundary, so each character
    is marked by all findings that cover it, the most telling code first.
    Offsets outside the text are ignored rather than trusted.
    """
    spans = [
        (f["start"], f["end"], f["code"], f.get("message", ""))
        for f in findings
        if isinstance(f.get("start"), int) and isinstance(f.get("end"), int)
        and 0 <= f["start"] < f["end"] <= len(text)
    ]
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    runs = []
    for start, end in pairwise(cuts):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        codes = tuple(sorted(dict.fromkeys(code for *_, code, _ in covering), key=_rank))
        messages = tuple(dict.fromkeys(m for *_, m in covering if m))
        runs.append(Segment(text[start:end], codes, messages))
    return runs


def by_priority(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings ordered for reading: problems in the words first, then what is missing."""
    return sorted(findings, key=lambda f: (_rank(f.get("code", "")), f.get("start", 0)))
