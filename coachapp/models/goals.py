"""A person's plan: their vision, their goals and the actions under each goal."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coachapp.extensions import db
from coachapp.models.base import UTCDateTime, utcnow
from coachapp.models.user import User

GOAL_TYPES = ("skill", "growth", "impact", "network", "lifestyle", "exploration")
HORIZONS = ("short", "long")
STATUSES = ("draft", "active", "done", "dropped")
OPEN_STATUSES = ("draft", "active")
# Where the goal stands with the coach: draft → submitted → changes_requested / approved.
REVIEW_STATES = ("draft", "submitted", "changes_requested", "approved")


class Vision(db.Model):
    """Where the person wants to be in about five years: the yardstick for relevance."""

    __tablename__ = "visions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), unique=True
    )
    statement: Mapped[str] = mapped_column(Text, default="")
    target_role: Mapped[str] = mapped_column(String(120), default="")
    current_role: Mapped[str] = mapped_column(String(120), default="")
    months_in_role: Mapped[int | None]
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    user: Mapped[User] = relationship(
        backref=db.backref("vision", uselist=False, cascade="all, delete-orphan",
                           passive_deletes=True)
    )

    @property
    def is_empty(self) -> bool:
        return not (self.statement.strip() or self.target_role.strip())


class Goal(db.Model):
    """One career goal, with the analyzer's verdict on its current wording."""

    __tablename__ = "goals"
    __table_args__ = (
        CheckConstraint(f"type IN {GOAL_TYPES!r}", name="type"),
        CheckConstraint(f"horizon IN {HORIZONS!r}", name="horizon"),
        CheckConstraint(f"status IN {STATUSES!r}", name="status"),
        CheckConstraint(f"review_state IN {REVIEW_STATES!r}", name="review_state"),
        Index("ix_goals_user_status", "user_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(12), default="skill")
    horizon: Mapped[str] = mapped_column(String(5), default="short")
    deadline: Mapped[date | None] = mapped_column(Date)
    metric_target: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(8), default="draft")
    score: Mapped[int | None]
    analysis: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    analysis_key: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    activated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # start of check-ins
    version: Mapped[int] = mapped_column(default=1)
    review_state: Mapped[str] = mapped_column(String(17), default="draft")
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(
        backref=db.backref("goals", cascade="all, delete-orphan", passive_deletes=True)
    )
    actions: Mapped[list[Action]] = relationship(
        back_populates="goal",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Action.position",
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's API)

    @property
    def findings(self) -> list[dict[str, Any]]:
        return (self.analysis or {}).get("findings", [])

    @property
    def smart(self) -> dict[str, dict[str, Any]]:
        return (self.analysis or {}).get("smart", {})


class Action(db.Model):
    """A concrete step that moves a goal forward."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(300))
    due_date: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=1)

    goal: Mapped[Goal] = relationship(back_populates="actions")

    # A concurrent change raises StaleDataError instead of being overwritten (409).
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's API)
