"""Checks on a spoken answer to "What are your career goals?" (length, filler, platitudes).

The structure checks live in answer_structure.py; relevance, realism and answer-level
vagueness in answer_relevance.py.
"""

from __future__ import annotations

import re

from ..fillers import filler_rate, find_fillers
from ..result import Finding
from .answer_findings import answer_finding
from .base import CheckInput
from .vague import has_anchor

WORDS_PER_MINUTE = 140
MIN_SECONDS = 45
MAX_SECONDS = 120
MAX_FILLER_RATE = 3.0  # fillers per 100 words
FILLERS = re.compile(
    r"\b(um+|uh+|erm+|er|hmm+|you know|i mean|i guess|kind of|sort of|like,|basically|"
    r"actually|literally|honestly|to be honest|or something|and stuff|whatever|i think maybe)\b",
    re.IGNORECASE,
)
PLATITUDES = re.compile(
    r"\b(grow|be successful|succeed|learn and grow|make a difference|reach my (full )?potential|"
    r"be the best|keep learning|challenge myself|add value|get better)\b", re.IGNORECASE)


def spoken_seconds(text: str) -> int:
    """Seconds to say the text at an ordinary speaking pace."""
    return round(len(text.split()) / WORDS_PER_MINUTE * 60)


def check_length(data: CheckInput) -> list[Finding]:
    seconds = spoken_seconds(data.text)
    start, end = data.bounds
    if seconds < MIN_SECONDS:
        return [data.finding("too_short", "too_short", start, end, seconds=str(seconds))]
    if seconds > MAX_SECONDS:
        return [data.finding("too_long", "too_long", start, end, seconds=str(seconds))]
    return []


def check_filler(data: CheckInput) -> list[Finding]:
    """Every filler use, once they reach MAX_FILLER_RATE per 100 words (a few are normal)."""
    spans = find_fillers(data.doc)
    rate = filler_rate(len(spans), data.text)
    if rate < MAX_FILLER_RATE:
        return []
    return [answer_finding(data, "filler", "filler", start, end, severity="info",
                           rate=f"{rate:g}") for start, end in spans]


def check_vague(data: CheckInput) -> list[Finding]:
    """Only platitudes, nothing concrete anywhere in the answer."""
    if has_anchor(data):
        return []
    match = PLATITUDES.search(data.text)
    if match is None:
        return []
    return [data.finding("vague", "vague.platitude", match.start(), match.end())]
