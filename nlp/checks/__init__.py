"""The checks (recognizers): each takes a CheckInput and returns findings."""

from __future__ import annotations

from collections.abc import Callable

from ..result import Finding
from . import answer, completeness, habit, relevance, unrealistic, vague
from .base import CheckInput

Check = Callable[[CheckInput], list[Finding]]

GOAL_CHECKS: tuple[Check, ...] = (
    habit.check,
    vague.check,
    completeness.check_metric,
    completeness.check_deadline,
    unrealistic.check,
    relevance.check,
)
ANSWER_CHECKS: tuple[Check, ...] = (
    answer.check_length,
    answer.check_filler,
    answer.check_vague,
    unrealistic.check,
    relevance.check,
)

__all__ = ["ANSWER_CHECKS", "GOAL_CHECKS", "Check", "CheckInput"]
