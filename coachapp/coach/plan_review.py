"""What the review pages show: the client's plan with decisions and threads, for the
coach (the whole plan) and for the client (one goal, a check-in, an attempt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import selectinload

from coachapp.coach import operations as ops
from coachapp.coach.scoring import reviewed_analysis
from coachapp.extensions import db
from coachapp.models import (
    CheckIn,
    CoachLink,
    CoachNote,
    Comment,
    Goal,
    GoalReview,
    PracticeAttempt,
    PracticeSet,
    User,
    Vision,
)

RECENT_CHECK_INS = 3
RECENT_ATTEMPTS = 5
STATE_ORDER = {"submitted": 0, "changes_requested": 1, "draft": 2, "approved": 3}
STATUS_ORDER = {"active": 0, "draft": 1, "done": 2, "dropped": 3}


@dataclass
class GoalView:
    goal: Goal
    analysis: dict[str, Any] | None
    thread: list[Comment]
    action_threads: dict[int, list[Comment]]
    check_ins: list[CheckIn] = field(default_factory=list)
    check_in_threads: dict[int, list[Comment]] = field(default_factory=dict)

    @property
    def latest_review(self) -> GoalReview | None:
        return self.goal.reviews[-1] if self.goal.reviews else None

    @property
    def open_flags(self) -> int:
        return sum(1 for f in (self.analysis or {}).get("findings", [])
                   if not f.get("dismissed"))


@dataclass
class PlanReview:
    client: User
    link: CoachLink
    vision: Vision | None
    goals: list[GoalView]
    attempts: list[PracticeAttempt]
    attempt_threads: dict[int, list[Comment]]
    notes: list[CoachNote]


def _goal_views(goals: list[Goal], label: str) -> list[GoalView]:
    ids = [g.id for g in goals]
    decisions = ops.decisions_for(ids)
    goal_threads = ops.threads("goal", ids)
    action_threads = ops.threads("action", [a.id for g in goals for a in g.actions])
    return [
        GoalView(goal=g, analysis=reviewed_analysis(g.analysis, decisions[g.id], label),
                 thread=goal_threads[g.id],
                 action_threads={a.id: action_threads[a.id] for a in g.actions})
        for g in goals
    ]


def plan_review(coach: User, client: User) -> PlanReview:
    """The client's plan as their coach reviews it (the caller checked the link)."""
    goals = list(db.session.scalars(
        db.select(Goal).where(Goal.user_id == client.id, Goal.status != "dropped")
        .options(selectinload(Goal.actions), selectinload(Goal.check_ins),
                 selectinload(Goal.reviews))
    ))
    goals.sort(key=lambda g: (STATE_ORDER.get(g.review_state, 9),
                              STATUS_ORDER.get(g.status, 9), -g.id))
    views = _goal_views(goals, "you")
    recent = {v.goal.id: list(v.goal.check_ins)[-RECENT_CHECK_INS:][::-1] for v in views}
    check_in_threads = ops.threads("check_in", [c.id for cs in recent.values() for c in cs])
    for view in views:
        view.check_ins = recent[view.goal.id]
        view.check_in_threads = {c.id: check_in_threads[c.id] for c in view.check_ins}
    attempts = list(db.session.scalars(
        db.select(PracticeAttempt).join(PracticeSet)
        .where(PracticeSet.user_id == client.id)
        .options(selectinload(PracticeAttempt.practice_set))
        .order_by(PracticeAttempt.created_at.desc(), PracticeAttempt.id.desc())
        .limit(RECENT_ATTEMPTS)
    ))
    return PlanReview(
        client=client,
        link=ops.coach_link_for(coach, client),
        vision=client.vision,
        goals=views,
        attempts=attempts,
        attempt_threads=ops.threads("attempt", [a.id for a in attempts]),
        notes=ops.notes_for(coach, client),
    )


@dataclass
class ClientGoalReview:
    """The coach's side of one goal, as its owner sees it."""

    view: GoalView
    coach: User | None

    @property
    def can_submit(self) -> bool:
        return self.coach is not None and self.view.goal.review_state in ops.SUBMITTABLE


def client_goal_review(goal: Goal) -> ClientGoalReview:
    coach_id = ops.active_coach_id(goal.user_id)
    return ClientGoalReview(
        view=_goal_views([goal], "your coach")[0],
        coach=db.session.get(User, coach_id) if coach_id else None,
    )


def effective_scores(goals: list[Goal]) -> dict[int, int | None]:
    """Each goal's score with the flags its coach dismissed taken out (one query)."""
    decisions = ops.decisions_for([g.id for g in goals])
    scores = {}
    for goal in goals:
        dismissed = {(d.code, d.quote) for d in decisions[goal.id] if d.decision == "dismissed"}
        scores[goal.id] = (reviewed_analysis(goal.analysis, decisions[goal.id], "")
                           or {}).get("score", goal.score) if dismissed else goal.score
    return scores

