"""The checks (recognizers): each takes a CheckInput and returns findings."""

from __future__ import annotations

from collections.abc import Callable

from ..result import Finding
from . import (
    answer,
    answer_relevance,
    answer_structure,
    completeness,
    habit,
    relevance,
    unrealistic,
    vague,
)
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
    answer_structure.check,
    answer_relevance.check_vague,
    answer_relevance.check_unrealistic,
    answer_relevance.check_irrelevant,
)

__all__ = ["ANSWER_CHECKS", "GOAL_CHECKS", "Check", "CheckInput"]
