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
from coachapp.models.progress import (
    DECISIONS,
    REVISION_KINDS,
    CalendarFeed,
    CheckIn,
    GoalRevision,
    QuarterlyReview,
    ReviewAnswer,
)
from coachapp.models.user import ROLES, ApiToken, User

__all__ = [
    "DECISIONS",
    "GOAL_TYPES",
    "HORIZONS",
    "JOB_DESCRIPTION_MAX",
    "OPEN_STATUSES",
    "REVISION_KINDS",
    "ROLES",
    "STATUSES",
    "Action",
    "ApiToken",
    "CalendarFeed",
    "CheckIn",
    "Goal",
    "GoalRevision",
    "PracticeAttempt",
    "PracticeSet",
    "QuarterlyReview",
    "ReviewAnswer",
    "User",
    "Vision",
]
