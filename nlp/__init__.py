"""coachapp's SMART goal analyzer: spaCy plus data-driven rules, no web framework.

    >>> import nlp
    >>> nlp.analyze_goal("Improve my leadership skills.").to_dict()["score"]
"""

from __future__ import annotations

from .analyzer import (
    MAX_ANSWER_CHARS,
    MAX_GOAL_CHARS,
    analyze_answer,
    analyze_goal,
    analyze_goals,
    analyze_texts,
)
from .context import Context
from .errors import (
    AnalyzerError,
    AnalyzerInputError,
    ModelNotFound,
    ResourceError,
    TextTooLong,
)
from .pipeline import get_pipeline, warm_up
from .plan import analyze_plan
from .result import Analysis, Deadline, Facts, Finding, Metric, PlanAnalysis, PlanFinding, Verdict

ANALYZER_VERSION = "1.7.1"

__all__ = [
    "ANALYZER_VERSION",
    "MAX_ANSWER_CHARS",
    "MAX_GOAL_CHARS",
    "Analysis",
    "AnalyzerError",
    "AnalyzerInputError",
    "Context",
    "Deadline",
    "Facts",
    "Finding",
    "Metric",
    "ModelNotFound",
    "PlanAnalysis",
    "PlanFinding",
    "ResourceError",
    "TextTooLong",
    "Verdict",
    "analyze_answer",
    "analyze_goal",
    "analyze_goals",
    "analyze_plan",
    "analyze_texts",
    "get_pipeline",
    "warm_up",
]
