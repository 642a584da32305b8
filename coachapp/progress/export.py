"""The progress part of a user's data export: check-ins, reviews, revisions, calendar."""

from __future__ import annotations

from typing import Any

from coachapp.export import export_section
from coachapp.models import User
from coachapp.progress.operations import export_summary, reviews


def _date(value) -> str | None:
    return value.isoformat() if value else None


@export_section("progress")
def export_progress(user: User) -> dict[str, Any]:
    goals = list(user.goals)
    return {
        "check_ins": [
            {"goal_id": goal.id, "value": c.value, "target": c.target, "percent": c.percent,
             "moved": c.moved, "blocked": c.blocked, "adjust": c.adjust,
             "findings": c.findings, "created_at": c.created_at.isoformat()}
            for goal in goals for c in goal.check_ins
        ],
        "revisions": [
            {"goal_id": goal.id, "kind": r.kind, "text": r.text, "deadline": _date(r.deadline),
             "metric_target": r.metric_target, "score": r.score, "reason": r.reason,
             "created_at": r.created_at.isoformat()}
            for goal in goals for r in goal.revisions
        ],
        "quarterly_reviews": [
            {"note": review.note, "created_at": review.created_at.isoformat(),
             "answers": [{"goal_id": a.goal_id, "goal_text": a.goal_text,
                          "decision": a.decision, "reason": a.reason} for a in review.answers]}
            for review in reviews(user)
        ],
        "calendar": export_summary(user),
    }
