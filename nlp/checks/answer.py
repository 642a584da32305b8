"""Checks on a spoken answer to "What are your career goals?" (length, filler, platitudes).

The structure checks (no_short_term, no_long_term, long_term_first, ...) belong in a
module of their own, added to ``ANSWER_CHECKS``.
"""

from __future__ import annotations

import re

from ..result import Finding
from .base import CheckInput
from .vague import has_anchor

WORDS_PER_MINUTE = 140
MIN_SECONDS = 45
MAX_SECONDS = 120
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
    return [data.finding("filler", "filler", m.start(), m.end(), severity="info")
            for m in FILLERS.finditer(data.text)]


def check_vague(data: CheckInput) -> list[Finding]:
    """Only platitudes, nothing concrete anywhere in the answer."""
    if has_anchor(data):
        return []
    match = PLATITUDES.search(data.text)
    if match is None:
        return []
    return [data.finding("vague", "vague.platitude", match.start(), match.end())]
