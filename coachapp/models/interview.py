"""Interview practice: a target job to practise for, and every answer given for it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coachapp.extensions import db
from coachapp.models.base import UTCDateTime, utcnow
from coachapp.models.user import User

JOB_DESCRIPTION_MAX = 20_000


class PracticeSet(db.Model):
    """The target job one practises for: title, company and the pasted description."""

    __tablename__ = "practice_sets"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    company: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    user: Mapped[User] = relationship(
        backref=db.backref("practice_sets", cascade="all, delete-orphan", passive_deletes=True)
    )
    attempts: Mapped[list[PracticeAttempt]] = relationship(
        back_populates="practice_set",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PracticeAttempt.created_at, PracticeAttempt.id",
    )

    @property
    def label(self) -> str:
        return f"{self.title} at {self.company}" if self.company else self.title


class PracticeAttempt(db.Model):
    """One answer to one question; a new try is a new row, never an overwrite."""

    __tablename__ = "practice_attempts"
    __table_args__ = (
        Index("ix_practice_attempts_set_question", "practice_set_id", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_set_id: Mapped[int] = mapped_column(
        ForeignKey("practice_sets.id", ondelete="CASCADE")
    )
    question_id: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    duration_seconds: Mapped[int | None]
    analysis: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    score: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    practice_set: Mapped[PracticeSet] = relationship(back_populates="attempts")

    @property
    def findings(self) -> list[dict[str, Any]]:
        return (self.analysis or {}).get("findings", [])

    @property
    def facts(self) -> dict[str, Any]:
        return (self.analysis or {}).get("facts", {}) or {}
