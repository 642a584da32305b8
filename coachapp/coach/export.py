"""Coaching's part of a user's data export.

A client gets their links, the threads on their plan, the decisions on their
goals and their notifications; never the coach's private notes. A coach gets
their links, what they wrote and decided, and their own private notes.
"""

from __future__ import annotations

from typing import Any

from coachapp.export import export_section
from coachapp.extensions import db
from coachapp.models import (
    CoachLink,
    CoachNote,
    Comment,
    FindingDecision,
    Goal,
    GoalReview,
    Notification,
    User,
)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _link(link: CoachLink, other: User) -> dict[str, Any]:
    return {"with": other.display_name, "started_at": _iso(link.started_at),
            "ended_at": _iso(link.ended_at), "ended_by": link.ended_by}


def _comment(comment: Comment) -> dict[str, Any]:
    return {
        "on": comment.kind, "target_id": comment.target_id,
        "author": comment.author.display_name if comment.author else None,
        "body": comment.body, "finding_code": comment.finding_code,
        "anchor": ({"start": comment.anchor_start, "end": comment.anchor_end,
                    "text": comment.anchor_text} if comment.finding_code else None),
        "created_at": _iso(comment.created_at),
    }


def _decision(row: FindingDecision) -> dict[str, Any]:
    return {"goal_id": row.goal_id, "code": row.code, "quote": row.quote,
            "decision": row.decision, "reason": row.reason, "decided_at": _iso(row.created_at)}


def _review(row: GoalReview) -> dict[str, Any]:
    return {"goal_id": row.goal_id, "decision": row.decision, "comment": row.comment,
            "goal_text": row.goal_text, "created_at": _iso(row.created_at)}


def _rows(query) -> list:
    return list(db.session.scalars(query))


@export_section("coaching")
def export_coaching(user: User) -> dict[str, Any]:
    notifications = [
        {"kind": n.kind, "about": n.target_kind, "message": n.message,
         "created_at": _iso(n.created_at), "read_at": _iso(n.read_at)}
        for n in _rows(db.select(Notification).where(Notification.user_id == user.id)
                       .order_by(Notification.created_at, Notification.id))
    ]
    if user.is_coach:
        links = _rows(db.select(CoachLink).where(CoachLink.coach_id == user.id)
                      .order_by(CoachLink.started_at))
        invite = user.coach_invite
        return {
            "invite_code": invite.code if invite else None,
            "clients": [_link(link, link.client) for link in links],
            "comments_written": [
                _comment(c) | {"client": db.session.get(User, c.client_id).display_name}
                for c in _rows(db.select(Comment).where(Comment.author_id == user.id)
                               .order_by(Comment.created_at, Comment.id))
            ],
            "finding_decisions": [_decision(d) for d in _rows(
                db.select(FindingDecision).where(FindingDecision.coach_id == user.id))],
            "goal_reviews": [_review(r) for r in _rows(
                db.select(GoalReview).where(GoalReview.coach_id == user.id))],
            "private_notes": [
                {"client_id": n.client_id, "body": n.body, "created_at": _iso(n.created_at)}
                for n in _rows(db.select(CoachNote).where(CoachNote.coach_id == user.id)
                               .order_by(CoachNote.created_at))
            ],
            "notifications": notifications,
        }
    goal_ids = db.select(Goal.id).where(Goal.user_id == user.id)
    links = _rows(db.select(CoachLink).where(CoachLink.client_id == user.id)
                  .order_by(CoachLink.started_at))
    return {
        "coaches": [_link(link, link.coach) for link in links],
        "goal_review_states": [{"goal_id": g.id, "review_state": g.review_state,
                                "submitted_at": _iso(g.submitted_at)} for g in user.goals],
        "comments": [_comment(c) for c in _rows(
            db.select(Comment).where(Comment.client_id == user.id)
            .order_by(Comment.created_at, Comment.id))],
        "finding_decisions": [_decision(d) for d in _rows(
            db.select(FindingDecision).where(FindingDecision.goal_id.in_(goal_ids)))],
        "goal_reviews": [_review(r) for r in _rows(
            db.select(GoalReview).where(GoalReview.goal_id.in_(goal_ids))
            .order_by(GoalReview.created_at))],
        "notifications": notifications,
    }
