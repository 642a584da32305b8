"""Writes and reads of a person's plan. No request or session handling here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from coachapp.analysis import analyze_plan, analyze_text, content_key, user_context
from coachapp.extensions import db
from coachapp.models import OPEN_STATUSES, Action, Goal, User, Vision
from coachapp.models.base import utcnow
from coachapp.models.coaching import return_to_review, review_snapshot
from coachapp.models.progress import goal_snapshot, record_revision

MAX_ACTIONS = 5
MIN_ACTIONS = 3
MIN_ACTIVE_GOALS = 3
MAX_ID = 2**31 - 1


class StaleGoal(Exception):
    """Someone saved the goal after this edit began; reload and merge."""


@dataclass
class ActionInput:
    text: str
    due_date: date | None = None
    done: bool = False


@dataclass
class GoalInput:
    text: str
    type: str = "skill"
    horizon: str = "short"
    deadline: date | None = None
    metric_target: str = ""
    status: str = "draft"
    actions: list[ActionInput] | None = field(default=None)


# Vision -----------------------------------------------------------------


def save_vision(user: User, statement: str, target_role: str, current_role: str,
                months_in_role: int | None) -> Vision:
    """Create or update the vision, then refresh the analyses that depend on it."""
    vision = user.vision or Vision(user=user)
    vision.statement = statement.strip()
    vision.target_role = target_role.strip()
    vision.current_role = current_role.strip()
    vision.months_in_role = months_in_role
    db.session.add(vision)
    db.session.flush()
    context = user_context(user)
    for goal in user.goals:
        refresh_analysis(goal, context)
    db.session.commit()
    return vision


# Goals ------------------------------------------------------------------


def user_goals(user: User, statuses: tuple[str, ...] | None = None,
               with_check_ins: bool = False) -> list[Goal]:
    """The user's goals with their actions (and check-ins if asked), newest first."""
    query = (
        db.select(Goal)
        .where(Goal.user_id == user.id)
        .options(selectinload(Goal.actions))
        .order_by(Goal.created_at.desc(), Goal.id.desc())
    )
    if with_check_ins:
        query = query.options(selectinload(Goal.check_ins))
    if statuses:
        query = query.where(Goal.status.in_(statuses))
    return list(db.session.scalars(query))


def goal_for(user: User, goal_id: int) -> Goal | None:
    """The goal with ``goal_id`` if it belongs to ``user``."""
    if not 0 < goal_id <= MAX_ID:  # ids are 32-bit; a larger one would fail in the query
        return None
    return db.session.scalar(db.select(Goal).where(Goal.id == goal_id, Goal.user_id == user.id))


def refresh_analysis(goal: Goal, context: dict[str, Any]) -> None:
    """Re-analyze ``goal`` only if its text, context or the analyzer changed."""
    key = content_key("goal", goal.text, context)
    if goal.analysis_key == key and goal.analysis is not None:
        return
    analysis = analyze_text("goal", goal.text, context)
    goal.analysis = analysis
    goal.score = analysis["score"] if analysis else None
    goal.analysis_key = key if analysis else None


def prefill_from_text(goal: Goal) -> None:
    """Fill an empty deadline or metric from what the analyzer found in the text."""
    facts = (goal.analysis or {}).get("facts", {})
    if goal.deadline is None:
        dates = [d["date"] for d in facts.get("deadlines", []) if d.get("date")]
        if dates:
            goal.deadline = date.fromisoformat(dates[0])
    if not goal.metric_target:
        metrics = facts.get("metrics", [])
        if metrics:
            goal.metric_target = metrics[0]["text"][:120]


def _apply(goal: Goal, data: GoalInput) -> None:
    goal.text = data.text.strip()
    goal.type = data.type
    goal.horizon = data.horizon
    goal.deadline = data.deadline
    goal.metric_target = data.metric_target.strip()
    goal.status = data.status
    if goal.status == "active" and goal.activated_at is None:
        goal.activated_at = utcnow()
    if data.actions is not None:
        _replace_actions(goal, data.actions)


def _replace_actions(goal: Goal, actions: list[ActionInput]) -> None:
    kept = [a for a in actions if a.text.strip()][:MAX_ACTIONS]
    existing = list(goal.actions)
    for position, new in enumerate(kept):
        # Appended below, not Action(goal=goal): a backref does not cascade into the session.
        action = existing[position] if position < len(existing) else Action()
        action.text = new.text.strip()
        action.due_date = new.due_date
        action.done = new.done
        action.position = position
        if action not in goal.actions:
            goal.actions.append(action)
    for action in existing[len(kept):]:
        goal.actions.remove(action)


def create_goal(user: User, data: GoalInput) -> Goal:
    context = user_context(user)  # before the goal exists: its lazy loads autoflush
    goal = Goal(user=user, actions=[])
    _apply(goal, data)
    refresh_analysis(goal, context)
    prefill_from_text(goal)
    db.session.add(goal)
    db.session.commit()
    return goal


def update_goal(goal: Goal, data: GoalInput, expected_version: int | None = None,
                reason: str = "", change_kind: str = "adjusted") -> Goal:
    """Save ``data`` over ``goal``; :class:`StaleGoal` if it changed since ``expected_version``.

    Changing an active goal's text, deadline or metric records a revision with
    ``reason`` in the same transaction, so a stale edit loses no history.
    Editing a goal the coach approved (or sent back) puts it back in review.
    """
    if expected_version is not None and expected_version != goal.version:
        raise StaleGoal()
    context = user_context(goal.user)  # before the edit, so autoflush saves it only once
    before, was_active = goal_snapshot(goal), goal.status == "active"
    reviewed = review_snapshot(goal)
    _apply(goal, data)
    refresh_analysis(goal, context)
    prefill_from_text(goal)
    try:
        if was_active:
            record_revision(goal, before, reason, change_kind)
        return_to_review(goal, reviewed)
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        raise StaleGoal() from error
    return goal


def set_status(goal: Goal, status: str) -> None:
    goal.status = status
    if status == "active" and goal.activated_at is None:
        goal.activated_at = utcnow()
    db.session.commit()


def toggle_action(goal: Goal, action_id: int) -> Action | None:
    action = next((a for a in goal.actions if a.id == action_id), None)
    if action is not None:
        action.done = not action.done
        db.session.commit()
    return action


def delete_goal(goal: Goal) -> None:
    db.session.delete(goal)
    db.session.commit()


# The plan ---------------------------------------------------------------


@dataclass
class PlanOverview:
    vision: Vision | None
    active: list[Goal]
    drafts: list[Goal]
    finished: list[Goal]
    analysis: dict[str, Any] | None
    next_steps: list[str]


def plan_overview(user: User) -> PlanOverview:
    """The dashboard: goals by state, plan-level warnings and what to do next.

    Check-ins come with the goals, so the dashboard's progress summary
    (:func:`coachapp.progress.operations.plan_progress`) needs no second load.
    """
    goals = user_goals(user, with_check_ins=True)
    active = [g for g in goals if g.status == "active"]
    drafts = [g for g in goals if g.status == "draft"]
    finished = [g for g in goals if g.status not in OPEN_STATUSES]
    context = user_context(user)
    plan_input = [{"text": g.text, "type": g.type, "horizon": g.horizon} for g in active]
    analysis = analyze_plan(plan_input, context) if active else None
    return PlanOverview(
        vision=user.vision,
        active=active,
        drafts=drafts,
        finished=finished,
        analysis=analysis,
        next_steps=next_steps(user.vision, active, drafts),
    )


def next_steps(vision: Vision | None, active: list[Goal], drafts: list[Goal]) -> list[str]:
    """A short to-do list for the plan, most useful first."""
    steps: list[str] = []
    if vision is None or vision.is_empty:
        steps.append(
            "Write your five-year vision and target role: every goal is judged against it."
        )
    if not active and not drafts:
        steps.append(
            "Draft your first goal: one thing you want to achieve in the next twelve months."
        )
    for goal in drafts[:2]:
        steps.append(f"Activate or refine the draft “{_short(goal.text)}”.")
    if active and len(active) < MIN_ACTIVE_GOALS and len(active) + len(drafts) < MIN_ACTIVE_GOALS:
        missing = MIN_ACTIVE_GOALS - len(active) - len(drafts)
        steps.append(
            f"Add {missing} more goal{'s' if missing > 1 else ''}: 3 to 5 active goals is the "
            "healthy range, ideally of different types."
        )
    for goal in active:
        failing = [k for k, v in goal.smart.items() if not v.get("ok")]
        if failing:
            letters = ", ".join(_LETTER_NAMES[k] for k in failing if k in _LETTER_NAMES)
            steps.append(f"Make “{_short(goal.text)}” {letters}.")
        if len(goal.actions) < MIN_ACTIONS:
            missing = MIN_ACTIONS - len(goal.actions)
            steps.append(
                f"Add {missing} more action{'s' if missing > 1 else ''} to “{_short(goal.text)}”."
            )
    return steps[:6]


_LETTER_NAMES = {
    "specific": "specific",
    "measurable": "measurable",
    "achievable": "achievable",
    "relevant": "relevant",
    "time_bound": "time-bound",
}


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
