"""Database models, one module per feature, re-exported here."""

from coachapp.models.goals import (
    GOAL_TYPES,
    HORIZONS,
    OPEN_STATUSES,
    STATUSES,
    Action,
    Goal,
    Vision,
)
from coachapp.models.interview import JOB_DESCRIPTION_MAX, PracticeAttempt, PracticeSet
from coachapp.models.user import ROLES, ApiToken, User

__all__ = [
    "GOAL_TYPES",
    "HORIZONS",
    "JOB_DESCRIPTION_MAX",
    "OPEN_STATUSES",
    "ROLES",
    "STATUSES",
    "Action",
    "ApiToken",
    "Goal",
    "PracticeAttempt",
    "PracticeSet",
    "User",
    "Vision",
]
