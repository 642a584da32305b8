"""Findings of the answer checks, with messages from ``answer_messages.json``."""

from __future__ import annotations

from functools import cache

from ..resources import load_json, message_for
from ..result import Finding
from ..syntax import trimmed_bounds
from .base import CheckInput


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@cache
def _messages() -> dict[str, dict[str, str]]:
    return load_json("answer_messages.json")


def answer_finding(data: CheckInput, code: str, rule: str, start: int, end: int,
                   severity: str = "warning", **fields: str) -> Finding:
    """A finding over text[start:end]; the message comes from the rule id, then the code."""
    start, end = trimmed_bounds(data.text, start, end)
    if end <= start:
        start, end = data.bounds
    phrase = data.text[start:end]
    entry = _messages().get(rule) or _messages().get(code) or message_for(rule, code)
    short = " ".join(phrase.split())
    short = short if len(short) <= 80 else short[:77] + "..."
    values = _SafeDict(goal=data.goal_words, phrase=short, **fields)
    return Finding(code=code, severity=severity, start=start, end=end, text=phrase,
                   message=entry["message"].format_map(values),
                   suggestion=entry.get("suggestion", "").format_map(values), rule=rule)
