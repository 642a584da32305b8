"""Coaching: invite codes, coach–client links, comment threads, decisions on the
analyzer's findings and on goals, private coach notes and in-app notifications."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coachapp.extensions import db
from coachapp.models.base import UTCDateTime, utcnow
from coachapp.models.goals import Action, Goal
from coachapp.models.interview import PracticeAttempt
from coachapp.models.progress import CheckIn
from coachapp.models.user import User

REVIEW_DECISIONS = ("approved", "changes_requested")
FINDING_DECISIONS = ("accepted", "dismissed")
THREAD_KINDS = ("goal", "action", "check_in", "attempt")
LINK_ENDERS = ("client", "coach")
ACTIVE_LINK = text("ended_at IS NULL")


class CoachInvite(db.Model):
    """A coach's current invite code; regenerating it revokes the old one."""

    __tablename__ = "coach_invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                          unique=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    coach: Mapped[User] = relationship(
        backref=db.backref("coach_invite", uselist=False, cascade="all, delete-orphan",
                           passive_deletes=True)
    )


class CoachLink(db.Model):
    """A client sharing their plan with a coach, from ``started_at`` until ``ended_at``.

    Rows are kept when a link ends (the history); the partial unique index
    allows one open link per client, on SQLite and PostgreSQL alike.
    """

    __tablename__ = "coach_links"
    __table_args__ = (
        CheckConstraint(f"ended_by IS NULL OR ended_by IN {LINK_ENDERS!r}", name="ended_by"),
        CheckConstraint("coach_id <> client_id", name="not_self"),
        Index("uq_coach_links_active_client", "client_id", unique=True,
              sqlite_where=ACTIVE_LINK, postgresql_where=ACTIVE_LINK),
        Index("ix_coach_links_coach_ended", "coach_id", "ended_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ended_by: Mapped[str | None] = mapped_column(String(6))

    coach: Mapped[User] = relationship(foreign_keys=[coach_id])
    client: Mapped[User] = relationship(foreign_keys=[client_id])

    @property
    def active(self) -> bool:
        return self.ended_at is None


class Comment(db.Model):
    """One message in the thread of a goal, action, check-in or practice attempt.

    ``client_id`` is whose plan the thread belongs to; a comment on a goal may
    be anchored to a finding: its code and the character span it highlights.
    """

    __tablename__ = "comments"
    __table_args__ = (
        CheckConstraint(f"kind IN {THREAD_KINDS!r}", name="kind"),
        CheckConstraint(
            "(kind = 'goal' AND goal_id IS NOT NULL) OR (kind = 'action' AND action_id IS NOT "
            "NULL) OR (kind = 'check_in' AND check_in_id IS NOT NULL) OR (kind = 'attempt' AND "
            "attempt_id IS NOT NULL)", name="target"),
        Index("ix_comments_client_created", "client_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(8))
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"),
                                                index=True)
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"),
                                                  index=True)
    check_in_id: Mapped[int | None] = mapped_column(
        ForeignKey("check_ins.id", ondelete="CASCADE"), index=True)
    attempt_id: Mapped[int | None] = mapped_column(
        ForeignKey("practice_attempts.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)
    finding_code: Mapped[str | None] = mapped_column(String(32))
    anchor_start: Mapped[int | None]
    anchor_end: Mapped[int | None]
    anchor_text: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    goal: Mapped[Goal | None] = relationship()
    action: Mapped[Action | None] = relationship()
    check_in: Mapped[CheckIn | None] = relationship()
    attempt: Mapped[PracticeAttempt | None] = relationship()

    @property
    def target_id(self) -> int:
        return getattr(self, f"{self.kind}_id")


class FindingDecision(db.Model):
    """A coach accepting or dismissing one of the analyzer's findings on a goal.

    A decision names its finding by code and quoted words, so it survives an
    edit elsewhere in the goal; a dismissed finding stops counting against it.
    """

    __tablename__ = "finding_decisions"
    __table_args__ = (
        CheckConstraint(f"decision IN {FINDING_DECISIONS!r}", name="decision"),
        UniqueConstraint("goal_id", "code", "quote", name="uq_finding_decisions_finding"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"))
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    code: Mapped[str] = mapped_column(String(32))
    quote: Mapped[str] = mapped_column(String(300), default="")
    start: Mapped[int | None]
    end: Mapped[int | None]
    decision: Mapped[str] = mapped_column(String(9))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow,
                                                 onupdate=utcnow)

    goal: Mapped[Goal] = relationship(
        backref=db.backref("finding_decisions", cascade="all, delete-orphan",
                           passive_deletes=True)
    )


class GoalReview(db.Model):
    """A coach's decision on a submitted goal: approved or changes requested, with a comment."""

    __tablename__ = "goal_reviews"
    __table_args__ = (CheckConstraint(f"decision IN {REVIEW_DECISIONS!r}", name="decision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision: Mapped[str] = mapped_column(String(17))
    comment: Mapped[str] = mapped_column(Text, default="")
    goal_text: Mapped[str] = mapped_column(Text)  # the wording that was reviewed
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    goal: Mapped[Goal] = relationship(
        backref=db.backref("reviews", cascade="all, delete-orphan", passive_deletes=True,
                           order_by="(GoalReview.created_at, GoalReview.id)")
    )


class CoachNote(db.Model):
    """A coach's private note about a client: never shown to the client or exported to them."""

    __tablename__ = "coach_notes"
    __table_args__ = (Index("ix_coach_notes_coach_client", "coach_id", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                           index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Notification(db.Model):
    """Something new for ``user``: a comment, a decision, a submitted goal, a link."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Whose plan it is about (for a client, themselves); gone with that client.
    client_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                           index=True)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"),
                                                index=True)
    kind: Mapped[str] = mapped_column(String(24))
    message: Mapped[str] = mapped_column(String(300))
    # What it points at on the page: a thread kind or "plan", and that row's id.
    target_kind: Mapped[str] = mapped_column(String(8), default="plan")
    target_id: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])


# Shared by the goals and coach features -----------------------------------

# What a coach reviews of a goal; changing any of it sends a reviewed goal back.
REVIEWED_FIELDS = ("text", "type", "horizon", "deadline", "metric_target")


def active_coach_id(client_id: int) -> int | None:
    """The id of the client's current coach, if they have one."""
    return db.session.scalar(
        db.select(CoachLink.coach_id).where(CoachLink.client_id == client_id,
                                            CoachLink.ended_at.is_(None))
    )


def notify(user_id: int, client_id: int, kind: str, message: str, *, actor_id: int | None,
           goal_id: int | None = None, target_kind: str = "plan",
           target_id: int | None = None) -> Notification:
    """Add something new to ``user_id``'s list; the caller commits."""
    notification = Notification(
        user_id=user_id, client_id=client_id, actor_id=actor_id, kind=kind,
        message=message[:300], goal_id=goal_id, target_kind=target_kind, target_id=target_id,
    )
    db.session.add(notification)
    return notification


def review_snapshot(goal: Goal) -> tuple:
    """The reviewed parts of ``goal`` as they are now (actions included)."""
    return (*(getattr(goal, f) for f in REVIEWED_FIELDS),
            tuple((a.text, a.due_date) for a in goal.actions))


def return_to_review(goal: Goal, before: tuple) -> bool:
    """Send an approved (or sent-back) goal back to review when its wording changed.

    Returns True if it went back; the coach, if any, hears of it. The caller commits.
    """
    if goal.review_state not in ("approved", "changes_requested"):
        return False
    if review_snapshot(goal) == before:
        return False
    was = goal.review_state
    goal.review_state = "submitted"
    goal.submitted_at = utcnow()
    coach_id = active_coach_id(goal.user_id)
    if coach_id is not None:
        what = "edited an approved goal" if was == "approved" else "revised a goal"
        notify(coach_id, goal.user_id, "resubmitted",
               f"{goal.user.display_name} {what}: “{shorten(goal.text)}”",
               actor_id=goal.user_id, goal_id=goal.id, target_kind="goal", target_id=goal.id)
    return True


def shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
