"""Writes and reads of a plan's progress. No request or session handling here."""

from __future__ import annotations

import difflib
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import selectinload

from coachapp.analysis import user_context
from coachapp.extensions import db
from coachapp.models import (
    CalendarFeed,
    CheckIn,
    Goal,
    GoalRevision,
    QuarterlyReview,
    ReviewAnswer,
    User,
)
from coachapp.models.base import utcnow
from coachapp.models.progress import goal_snapshot, record_revision
from coachapp.progress import schedule
from coachapp.progress.checkin_checks import check_in_findings

REVIEW_MONTHS = 3
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")

# Metrics ------------------------------------------------------------------


def metric_number(metric_target: str) -> float | None:
    """The number in a metric target ("5 people", "£1,200"), if there is one above zero."""
    match = NUMBER.search(metric_target or "")
    if match is None:
        return None
    value = float(match.group().replace(",", ""))
    return value if value > 0 else None


def goal_start(goal: Goal) -> date:
    """When the goal's check-in rhythm began: its activation, else its creation."""
    return (goal.activated_at or goal.created_at).date()


# Check-ins ----------------------------------------------------------------


@dataclass
class CheckInInput:
    value: float
    moved: str = ""
    blocked: str = ""
    adjust: str = ""


def record_check_in(goal: Goal, data: CheckInInput) -> CheckIn:
    """Save a check-in with the findings on its own words."""
    context = user_context(goal.user)
    check_in = CheckIn(
        goal=goal,
        value=data.value,
        target=metric_number(goal.metric_target),
        moved=data.moved.strip(),
        blocked=data.blocked.strip(),
        adjust=data.adjust.strip(),
        findings=check_in_findings(data.blocked, data.adjust, context),
    )
    db.session.add(check_in)
    db.session.commit()
    return check_in


@dataclass
class GoalProgress:
    goal: Goal
    check_ins: list[CheckIn]
    start: date
    target: float | None
    next_check_in: schedule.Due | None
    pace: schedule.Pace | None

    @property
    def last(self) -> CheckIn | None:
        return self.check_ins[-1] if self.check_ins else None

    @property
    def recent(self) -> list[CheckIn]:
        return self.check_ins[-3:]


def goal_progress(goal: Goal, today: date | None = None) -> GoalProgress:
    today = today or date.today()
    check_ins = list(goal.check_ins)
    start = goal_start(goal)
    last = check_ins[-1] if check_ins else None
    next_check_in = None
    if goal.status == "active":
        when = schedule.next_due(start, 1, last.created_at.date() if last else None,
                                 schedule.CHECK_IN_GRACE)
        next_check_in = schedule.due_state(when, today, schedule.CHECK_IN_GRACE)
    return GoalProgress(
        goal=goal,
        check_ins=check_ins,
        start=start,
        target=metric_number(goal.metric_target),
        next_check_in=next_check_in,
        pace=schedule.pace(start, goal.deadline, last.percent if last else None, today),
    )


def active_goals(user: User) -> list[Goal]:
    query = (
        db.select(Goal)
        .where(Goal.user_id == user.id, Goal.status == "active")
        .options(selectinload(Goal.actions), selectinload(Goal.check_ins))
        .order_by(Goal.created_at, Goal.id)
    )
    return list(db.session.scalars(query))


@dataclass
class PlanProgress:
    goals: list[GoalProgress]
    next_review: schedule.Due | None
    last_review: QuarterlyReview | None

    @property
    def nagging(self) -> list[GoalProgress]:
        """Active goals whose check-in is due or overdue, most overdue first."""
        due = [g for g in self.goals if g.next_check_in and g.next_check_in.nags]
        return sorted(due, key=lambda g: g.next_check_in.date)


def last_review(user: User) -> QuarterlyReview | None:
    return db.session.scalar(
        db.select(QuarterlyReview)
        .where(QuarterlyReview.user_id == user.id)
        .order_by(QuarterlyReview.created_at.desc(), QuarterlyReview.id.desc())
        .limit(1)
    )


def plan_progress(user: User, today: date | None = None,
                  active: list[Goal] | None = None) -> PlanProgress:
    """Every active goal's progress and the plan's next quarterly review.

    ``active``: the user's active goals, oldest first, if the caller has them
    loaded with their check-ins already.
    """
    today = today or date.today()
    goals = [goal_progress(g, today) for g in (active_goals(user) if active is None else active)]
    review = last_review(user)
    next_review = None
    if goals:
        start = min(g.start for g in goals)
        when = schedule.next_due(start, REVIEW_MONTHS,
                                 review.created_at.date() if review else None,
                                 schedule.REVIEW_GRACE)
        next_review = schedule.due_state(when, today, schedule.REVIEW_GRACE)
    return PlanProgress(goals=goals, next_review=next_review, last_review=review)


# Revisions ----------------------------------------------------------------


def drop_goal(goal: Goal, reason: str) -> GoalRevision | None:
    """Drop ``goal`` with a reason; the reason joins its history."""
    before = goal_snapshot(goal)
    revision = record_revision(goal, before, reason, kind="dropped")
    goal.status = "dropped"
    db.session.commit()
    return revision


def pending_revision(goal: Goal) -> GoalRevision | None:
    """The goal's latest revision if it still waits for its reason."""
    revisions = list(goal.revisions)
    latest = revisions[-1] if revisions else None
    if latest is None or latest.kind not in ("adjusted", "pivoted") or latest.reason:
        return None
    return latest


def explain_revision(revision: GoalRevision, kind: str, reason: str) -> None:
    """Give a new revision its kind and reason, once: history is not rewritten."""
    if revision.reason:
        return
    revision.kind = kind
    revision.reason = reason.strip()
    db.session.commit()


@dataclass
class RevisionView:
    revision: GoalRevision
    diff: list[tuple[str, str]]  # (op, words): op is "same", "added" or "removed"
    changes: list[str]  # readable notes on the deadline and metric


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``new`` against ``old`` word by word, as runs of kept, added and removed words."""
    a, b = old.split(), new.split()
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("added", " ".join(b[j1:j2])))
    return runs


def _field_changes(old: GoalRevision | None, new: GoalRevision) -> list[str]:
    if old is None:
        return []
    notes = []
    if old.deadline != new.deadline:
        notes.append(f"Deadline: {_day(old.deadline)} → {_day(new.deadline)}")
    if old.metric_target != new.metric_target:
        notes.append(f"Metric: {old.metric_target or 'not set'} → "
                     f"{new.metric_target or 'not set'}")
    return notes


def _day(value: date | None) -> str:
    return value.strftime("%d %b %Y") if value else "not set"


def revision_history(goal: Goal) -> list[RevisionView]:
    """The goal's versions, newest first, each compared with the one before."""
    views, previous = [], None
    for revision in goal.revisions:
        diff = word_diff(previous.text if previous else revision.text, revision.text)
        views.append(RevisionView(revision, diff, _field_changes(previous, revision)))
        previous = revision
    return views[::-1]


# Quarterly review ---------------------------------------------------------


@dataclass
class ReviewDecision:
    goal: Goal
    decision: str  # keep, adjust or drop
    reason: str = ""


def record_review(user: User, decisions: list[ReviewDecision], note: str = "") -> QuarterlyReview:
    """Save the review's answers; a goal to drop is dropped with the reason given."""
    for item in decisions:
        if item.decision == "drop":
            record_revision(item.goal, goal_snapshot(item.goal), item.reason, kind="dropped")
            item.goal.status = "dropped"
    review = QuarterlyReview(user=user, note=note.strip(), answers=[
        ReviewAnswer(goal=item.goal, goal_text=item.goal.text, decision=item.decision,
                     reason=item.reason.strip())
        for item in decisions
    ])
    db.session.add(review)
    db.session.commit()
    return review


def reviews(user: User) -> list[QuarterlyReview]:
    return list(db.session.scalars(
        db.select(QuarterlyReview)
        .where(QuarterlyReview.user_id == user.id)
        .options(selectinload(QuarterlyReview.answers))
        .order_by(QuarterlyReview.created_at.desc(), QuarterlyReview.id.desc())
    ))


# Calendar feed ------------------------------------------------------------


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def calendar_feed(user: User) -> CalendarFeed:
    """The user's feed settings (created, without a token, on first use)."""
    feed = user.calendar_feed
    if feed is None:
        feed = CalendarFeed(user=user, show_details=False)
        db.session.add(feed)
    return feed


def new_calendar_token(user: User) -> str:
    """A fresh private feed token; any earlier URL stops working. Only its hash is kept."""
    token = secrets.token_urlsafe(32)
    feed = calendar_feed(user)
    feed.token_hash = token_digest(token)
    feed.created_at = utcnow()
    db.session.commit()
    return token


def revoke_calendar_token(user: User) -> None:
    feed = calendar_feed(user)
    feed.token_hash = None
    feed.created_at = None
    db.session.commit()


def set_calendar_details(user: User, show_details: bool) -> None:
    calendar_feed(user).show_details = show_details
    db.session.commit()


def feed_for_token(token: str) -> CalendarFeed | None:
    """The feed whose token this is, if it has not been revoked."""
    if not token or len(token) > 100:
        return None
    return db.session.scalar(
        db.select(CalendarFeed).where(CalendarFeed.token_hash == token_digest(token))
    )


def export_summary(user: User) -> dict[str, Any]:
    """The calendar part of the data export: settings only, never the token."""
    feed = user.calendar_feed
    return {
        "active": bool(feed and feed.active),
        "show_details": bool(feed and feed.show_details),
        "created_at": feed.created_at.isoformat() if feed and feed.created_at else None,
    }
