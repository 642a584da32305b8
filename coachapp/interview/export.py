"""Interview practice's part of a user's data export."""

from __future__ import annotations

from typing import Any

from coachapp.export import export_section
from coachapp.models import User


@export_section("interview_practice")
def export_practice(user: User) -> list[dict[str, Any]]:
    return [
        {
            "title": practice_set.title,
            "company": practice_set.company,
            "description": practice_set.description,
            "created_at": practice_set.created_at.isoformat(),
            "attempts": [
                {
                    "question_id": attempt.question_id,
                    "text": attempt.text,
                    "duration_seconds": attempt.duration_seconds,
                    "score": attempt.score,
                    "analysis": attempt.analysis,
                    "created_at": attempt.created_at.isoformat(),
                }
                for attempt in practice_set.attempts
            ],
        }
        for practice_set in user.practice_sets
    ]
