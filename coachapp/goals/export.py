"""The plan's part of a user's data export."""

from __future__ import annotations

from typing import Any

from coachapp.export import export_section
from coachapp.models import User


def _date(value) -> str | None:
    return value.isoformat() if value else None


@export_section("vision")
def export_vision(user: User) -> dict[str, Any] | None:
    vision = user.vision
    if vision is None:
        return None
    return {
        "statement": vision.statement,
        "target_role": vision.target_role,
        "current_role": vision.current_role,
        "months_in_role": vision.months_in_role,
        "updated_at": vision.updated_at.isoformat(),
    }


@export_section("goals")
def export_goals(user: User) -> list[dict[str, Any]]:
    return [
        {
            "id": goal.id,
            "text": goal.text,
            "type": goal.type,
            "horizon": goal.horizon,
            "deadline": _date(goal.deadline),
            "metric_target": goal.metric_target,
            "status": goal.status,
            "score": goal.score,
            "analysis": goal.analysis,
            "created_at": goal.created_at.isoformat(),
            "updated_at": goal.updated_at.isoformat(),
            "actions": [
                {"text": a.text, "due_date": _date(a.due_date), "done": a.done}
                for a in goal.actions
            ],
        }
        for goal in user.goals
    ]
