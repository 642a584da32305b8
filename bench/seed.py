"""Seed a coaching cohort into a bench database: one coach and ``clients`` clients,
each with a vision, ``goals`` active goals (4 actions and ``check_ins`` monthly
check-ins each, with their stored analyses) and ``attempts`` practice attempts.

Reusable: ``seed_cohort(app)`` returns the ids; ``link_coach`` links the coach
to every client through the coach's invite code, as the app does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from analyzer import ANSWER_SENTENCES, GOALS, JOB_DESCRIPTION

import nlp
from coachapp.analysis import content_key
from coachapp.auth.operations import register_user
from coachapp.extensions import db
from coachapp.models import Action, CheckIn, Goal, PracticeAttempt, PracticeSet, User, Vision

PASSWORD = "bench-password-123"  # noqa: S105 (seeded bench accounts only)
GOAL_TYPES = ("skill", "growth", "impact", "network", "exploration")


@dataclass
class Cohort:
    coach: tuple[int, str]  # (id, email)
    clients: list[tuple[int, str]]
    practice_sets: dict[int, int]  # client id -> practice set id


def link_coach(coach_id: int, client_ids: list[int]) -> None:
    """Link the coach to every client the way the app does (the coach's invite code)."""
    from coachapp.coach.operations import invite_for, link_with_code

    coach = db.session.get(User, coach_id)
    code = invite_for(coach).code
    for client_id in client_ids:
        link_with_code(db.session.get(User, client_id), code)


def _answers(count: int) -> list[str]:
    return [" ".join(ANSWER_SENTENCES[(i + k) % len(ANSWER_SENTENCES)] for k in range(7))
            for i in range(count)]


def seed_cohort(clients: int = 50, goals: int = 5, check_ins: int = 12,
                attempts: int = 6) -> Cohort:
    """Seed the cohort into the app in context (call inside ``app.app_context()``)."""
    today = date.today()
    goal_context = {"today": today.isoformat(), "target_role": "Data Engineering Manager"}
    goal_analyses = {text: nlp.analyze_goal(text, goal_context).to_dict() for text in GOALS}
    answer_context = {"today": today.isoformat(), "target_role": "Data Engineer",
                      "job_description": JOB_DESCRIPTION}
    answers = _answers(attempts)
    answer_analyses = {text: nlp.analyze_answer(text, answer_context).to_dict()
                       for text in answers}
    start = datetime.now(UTC) - timedelta(days=31 * check_ins + 20)

    coach = register_user("coach@bench.example", PASSWORD, "Bench Coach", "coach")
    people, sets = [], {}
    for c in range(clients):
        user = register_user(f"client{c:03d}@bench.example", PASSWORD, f"Client {c:03d}")
        people.append((user.id, user.email))
        # A vision of their own, so each client's plan analysis is a cache miss at first.
        db.session.add(Vision(user=user, statement=f"Lead a data platform team (client {c}).",
                              target_role="Data Engineering Manager", current_role="Engineer",
                              months_in_role=18))
        for g in range(goals):
            text = GOALS[(c + g) % len(GOALS)]
            goal = Goal(user=user, text=text, type=GOAL_TYPES[g % len(GOAL_TYPES)],
                        status="active", analysis=goal_analyses[text],
                        score=goal_analyses[text]["score"],
                        analysis_key=content_key("goal", text, goal_context),
                        metric_target=f"{g + 3} milestones", created_at=start,
                        activated_at=start, deadline=today + timedelta(days=120 + 30 * g))
            goal.actions = [Action(text=f"Step {a + 1} towards it", position=a, done=a < 2)
                            for a in range(4)]
            goal.check_ins = [CheckIn(value=min(g + 3, (k + 1) * (g + 3) / check_ins),
                                      target=g + 3, moved="Finished the next milestone.",
                                      blocked="" if k % 3 else "Busy quarter at work.",
                                      created_at=start + timedelta(days=31 * (k + 1)))
                              for k in range(check_ins)]
            db.session.add(goal)
        practice = PracticeSet(user=user, title="Data Engineer", company="Northwind Retail",
                               description=JOB_DESCRIPTION)
        practice.attempts = [
            PracticeAttempt(question_id="career_goals", text=text, duration_seconds=75,
                            analysis=answer_analyses[text],
                            score=answer_analyses[text]["score"],
                            created_at=start + timedelta(days=7 * a))
            for a, text in enumerate(answers)
        ]
        db.session.add(practice)
        db.session.flush()
        sets[user.id] = practice.id
    db.session.commit()
    link_coach(coach.id, [user_id for user_id, _ in people])
    return Cohort((coach.id, coach.email), people, sets)
