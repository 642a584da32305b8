"""Database models, one module per feature, re-exported here."""

from coachapp.models.coaching import (
    FINDING_DECISIONS,
    REVIEW_DECISIONS,
    THREAD_KINDS,
    CoachInvite,
    CoachLink,
    CoachNote,
    Comment,
    FindingDecision,
    GoalReview,
    Notification,
)
from coachapp.models.goals import (
    GOAL_TYPES,
    HORIZONS,
    OPEN_STATUSES,
    REVIEW_STATES,
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
    "FINDING_DECISIONS",
    "GOAL_TYPES",
    "HORIZONS",
    "JOB_DESCRIPTION_MAX",
    "OPEN_STATUSES",
    "REVIEW_DECISIONS",
    "REVIEW_STATES",
    "REVISION_KINDS",
    "ROLES",
    "STATUSES",
    "THREAD_KINDS",
    "Action",
    "ApiToken",
    "CalendarFeed",
    "CheckIn",
    "CoachInvite",
    "CoachLink",
    "CoachNote",
    "Comment",
    "FindingDecision",
    "Goal",
    "GoalReview",
    "GoalRevision",
    "Notification",
    "PracticeAttempt",
    "PracticeSet",
    "QuarterlyReview",
    "ReviewAnswer",
    "User",
    "Vision",
]
