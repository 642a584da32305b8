"""Hot pages run a fixed number of SQL statements, however many goals, check-ins
and attempts there are (no N+1): counted with a SQLAlchemy engine event."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coachapp.extensions import db
from coachapp.models import (
    Action,
    CheckIn,
    Goal,
    GoalRevision,
    PracticeAttempt,
    PracticeSet,
    QuarterlyReview,
    ReviewAnswer,
    Vision,
)
from tests.app.query_count import count_queries

ANALYSIS = {"kind": "goal", "score": 60, "findings": [], "facts": {},
            "smart": {"specific": {"ok": True, "why": ""}, "measurable": {"ok": False, "why": ""}}}
ATTEMPT_ANALYSIS = {"kind": "answer", "score": 55, "findings": [{"code": "filler"}], "facts": {}}


def seed_plan(app, user, goals: int, check_ins: int, attempts: int) -> dict[str, int]:
    """``goals`` active goals (each with 4 actions, ``check_ins`` check-ins and two
    revisions), a quarterly review, and ``attempts`` practice attempts at one question."""
    start = datetime(2025, 1, 6, tzinfo=UTC)
    with app.app_context():
        db.session.add(Vision(user_id=user.id, statement="Lead a data platform team.",
                              target_role="Data Engineering Manager", current_role="Engineer"))
        made = []
        for g in range(goals):
            goal = Goal(user_id=user.id, text=f"Ship {g + 2} data pipelines by December 2026.",
                        type="skill", status="active", analysis=ANALYSIS, score=60,
                        metric_target=f"{g + 2} pipelines", activated_at=start,
                        created_at=start, deadline=datetime(2026, 12, 31).date())
            goal.actions = [Action(text=f"Step {a}", position=a, done=a % 2 == 0)
                            for a in range(4)]
            goal.check_ins = [CheckIn(value=c, target=g + 2, moved="Progress.",
                                      created_at=start + timedelta(days=30 * (c + 1)))
                              for c in range(check_ins)]
            goal.revisions = [GoalRevision(kind=kind, text=goal.text, reason="r",
                                           created_at=start + timedelta(days=i))
                              for i, kind in enumerate(("original", "adjusted"))]
            made.append(goal)
        db.session.add_all(made)
        db.session.add(QuarterlyReview(user_id=user.id, note="Fine.", answers=[
            ReviewAnswer(goal=goal, goal_text=goal.text, decision="keep") for goal in made]))
        practice = PracticeSet(user_id=user.id, title="Data Engineer", company="Northwind")
        practice.attempts = [
            PracticeAttempt(question_id="career_goals", text=f"Answer {a}.", score=50 + a,
                            analysis=ATTEMPT_ANALYSIS, duration_seconds=60,
                            created_at=start + timedelta(days=a))
            for a in range(attempts)
        ]
        db.session.add(practice)
        db.session.commit()
        return {"goal": made[0].id, "set": practice.id, "attempt": practice.attempts[-1].id}


PAGES = {
    "plan dashboard": "/goals/",
    "progress": "/progress/",
    "goal progress": "/progress/goals/{goal}",
    "quarterly review": "/progress/review",
    "interview history": "/interview/sets/{set}/career_goals/history",
    "practice set": "/interview/sets/{set}",
}


def _statements(app, client, path: str) -> list[str]:
    client.get(path)  # once before counting, so one-off work (analysis caches) is done
    with count_queries(app) as statements:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return statements


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_the_same_queries_for_small_and_large_plans(app, client, make_user, login,
                                                              page):
    counts = {}
    for size, (goals, check_ins, attempts) in {"small": (1, 1, 2),
                                               "large": (8, 12, 15)}.items():
        user = make_user("client")
        ids = seed_plan(app, user, goals, check_ins, attempts)
        login(user)
        counts[size] = _statements(app, client, PAGES[page].format(**ids))
    assert len(counts["small"]) == len(counts["large"]), "\n".join(counts["large"])
    assert len(counts["large"]) <= 12, "\n".join(counts["large"])
