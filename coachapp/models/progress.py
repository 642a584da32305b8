"""Progress on a plan: monthly check-ins, quarterly reviews, goal revisions and
the private calendar feed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coachapp.extensions import db
from coachapp.models.base import UTCDateTime, utcnow
from coachapp.models.goals import Goal
from coachapp.models.user import User

# The parts of a goal whose change, once it is active, is recorded as a revision.
REVISED_FIELDS = ("text", "deadline", "metric_target")
REVISION_KINDS = ("original", "adjusted", "pivoted", "dropped")
DECISIONS = ("keep", "adjust", "drop")


class CheckIn(db.Model):
    """A monthly look at one goal: how far it got, what moved, what blocked, what changes."""

    __tablename__ = "check_ins"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    # A percentage (0-100) when ``target`` is None, else the metric's current value.
    value: Mapped[float] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)
    moved: Mapped[str] = mapped_column(Text, default="")
    blocked: Mapped[str] = mapped_column(Text, default="")
    adjust: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    # A concurrent change raises StaleDataError instead of being overwritten (409).
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's API)

    goal: Mapped[Goal] = relationship(
        backref=db.backref("check_ins", cascade="all, delete-orphan", passive_deletes=True,
                           order_by="CheckIn.created_at")
    )

    @property
    def percent(self) -> float:
        """Progress as a share of the target, 0 to 100."""
        if self.target:
            return max(0.0, min(100.0, self.value / self.target * 100))
        return max(0.0, min(100.0, self.value))


class GoalRevision(db.Model):
    """One version of an active goal; rows are only ever added (the history of a plan)."""

    __tablename__ = "goal_revisions"
    __table_args__ = (CheckConstraint(f"kind IN {REVISION_KINDS!r}", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="adjusted")
    text: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date | None] = mapped_column(Date)
    metric_target: Mapped[str] = mapped_column(String(120), default="")
    score: Mapped[int | None]
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    goal: Mapped[Goal] = relationship(
        backref=db.backref("revisions", cascade="all, delete-orphan", passive_deletes=True,
                           order_by="(GoalRevision.created_at, GoalRevision.id)")
    )


def goal_snapshot(goal: Goal) -> dict[str, Any]:
    """The revised fields of ``goal`` and its score, as they are now."""
    return {name: getattr(goal, name) for name in (*REVISED_FIELDS, "score")}


def record_revision(goal: Goal, before: dict[str, Any], reason: str = "",
                    kind: str = "adjusted") -> GoalRevision | None:
    """Add a revision if an active goal's text, deadline or metric changed from ``before``.

    The first revision of a goal also keeps the version it replaced, so the
    history always starts from the goal as it was activated. The caller commits,
    so the revision and the goal change stand or fall together.
    """
    if kind != "dropped" and all(getattr(goal, f) == before[f] for f in REVISED_FIELDS):
        return None
    if not goal.revisions:
        db.session.add(GoalRevision(goal=goal, kind="original", reason="",
                                    created_at=goal.activated_at or goal.created_at, **before))
    revision = GoalRevision(goal=goal, kind=kind, reason=reason.strip(), **goal_snapshot(goal))
    db.session.add(revision)
    return revision


class QuarterlyReview(db.Model):
    """A look at the whole plan every three months."""

    __tablename__ = "quarterly_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    user: Mapped[User] = relationship(
        backref=db.backref("quarterly_reviews", cascade="all, delete-orphan",
                           passive_deletes=True, order_by="QuarterlyReview.created_at")
    )
    answers: Mapped[list[ReviewAnswer]] = relationship(
        back_populates="review", cascade="all, delete-orphan", passive_deletes=True
    )


class ReviewAnswer(db.Model):
    """Keep, adjust or drop: the review's decision on one goal."""

    __tablename__ = "review_answers"
    __table_args__ = (CheckConstraint(f"decision IN {DECISIONS!r}", name="decision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(
        ForeignKey("quarterly_reviews.id", ondelete="CASCADE"), index=True
    )
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="SET NULL"), index=True
    )
    goal_text: Mapped[str] = mapped_column(Text)  # what the goal said when reviewed
    decision: Mapped[str] = mapped_column(String(6))
    reason: Mapped[str] = mapped_column(Text, default="")

    review: Mapped[QuarterlyReview] = relationship(back_populates="answers")
    goal: Mapped[Goal | None] = relationship()


class CalendarFeed(db.Model):
    """A user's private calendar URL; only the SHA-256 hash of its token is kept."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), unique=True
    )
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    show_details: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(
        backref=db.backref("calendar_feed", uselist=False, cascade="all, delete-orphan",
                           passive_deletes=True)
    )

    @property
    def active(self) -> bool:
        return self.token_hash is not None
