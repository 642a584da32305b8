"""The coach's client list: one row per linked client, in a fixed number of queries.

Five queries whatever the number of clients or goals (links, goals, dismissals,
latest check-ins, latest practice attempts); everything else is arithmetic.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func

from coachapp.coach.scoring import open_flags, rescore
from coachapp.extensions import db
from coachapp.models import (
    OPEN_STATUSES,
    CheckIn,
    CoachLink,
    FindingDecision,
    Goal,
    PracticeAttempt,
    PracticeSet,
    User,
)
from coachapp.progress import schedule

LOW_SCORE = 60
MANY_FLAGS = 3


@dataclass
class ClientRow:
    client: User
    linked_since: datetime
    active_goals: int = 0
    average_score: int | None = None
    open_flags: int = 0
    awaiting_review: int = 0
    last_check_in: datetime | None = None
    overdue_check_ins: int = 0
    last_attempt: datetime | None = None
    last_attempt_score: int | None = None
    attention: list[str] = field(default_factory=list)


def _sort_none_last(value):
    return (value is None, value)


# name: (label, key); "attention" first is the default.
SORTS = {
    "attention": ("Needs attention", lambda r: (-len(r.attention), -r.awaiting_review,
                                                -r.overdue_check_ins, r.client.display_name)),
    "name": ("Name", lambda r: r.client.display_name.lower()),
    "score": ("Lowest score", lambda r: _sort_none_last(r.average_score)),
    "flags": ("Most flags", lambda r: -r.open_flags),
    "review": ("Awaiting review", lambda r: -r.awaiting_review),
    "check_in": ("Overdue check-ins", lambda r: (-r.overdue_check_ins,
                                                 r.last_check_in is not None,
                                                 r.last_check_in or datetime.min)),
    "practice": ("Last practice", lambda r: (r.last_attempt is None,
                                             -(r.last_attempt.timestamp())
                                             if r.last_attempt else 0)),
}
DEFAULT_SORT = "attention"


def client_rows(coach: User, sort: str = DEFAULT_SORT, today: date | None = None
                ) -> list[ClientRow]:
    """A row per current client of ``coach``, sorted by ``sort`` (see :data:`SORTS`)."""
    today = today or date.today()
    links = db.session.execute(
        db.select(CoachLink.started_at, User)
        .join(User, User.id == CoachLink.client_id)
        .where(CoachLink.coach_id == coach.id, CoachLink.ended_at.is_(None))
    ).all()
    rows = {user.id: ClientRow(client=user, linked_since=started) for started, user in links}
    if rows:
        _fill(rows, today)
    key = SORTS.get(sort, SORTS[DEFAULT_SORT])[1]
    return sorted(rows.values(), key=key)


def _fill(rows: dict[int, ClientRow], today: date) -> None:
    ids = list(rows)
    goals = list(db.session.scalars(
        db.select(Goal).where(Goal.user_id.in_(ids), Goal.status.in_(OPEN_STATUSES))
    ))
    goal_ids = [g.id for g in goals]
    dismissed: dict[int, set[tuple[str, str]]] = defaultdict(set)
    last_check_in: dict[int, datetime] = {}
    if goal_ids:
        for goal_id, code, quote in db.session.execute(
            db.select(FindingDecision.goal_id, FindingDecision.code, FindingDecision.quote)
            .where(FindingDecision.goal_id.in_(goal_ids),
                   FindingDecision.decision == "dismissed")
        ):
            dismissed[goal_id].add((code, quote))
        last_check_in = dict(db.session.execute(
            db.select(CheckIn.goal_id, func.max(CheckIn.created_at))
            .where(CheckIn.goal_id.in_(goal_ids)).group_by(CheckIn.goal_id)
        ).all())
    scores: dict[int, list[int]] = defaultdict(list)
    for goal in goals:
        row = rows[goal.user_id]
        row.awaiting_review += goal.review_state == "submitted"
        row.open_flags += open_flags(goal.analysis, dismissed[goal.id])
        score = rescore(goal.analysis, dismissed[goal.id]) if goal.analysis else None
        if score is not None:
            scores[goal.user_id].append(score)
        last = last_check_in.get(goal.id)
        if last is not None and (row.last_check_in is None or last > row.last_check_in):
            row.last_check_in = last
        if goal.status == "active":
            row.active_goals += 1
            start = (goal.activated_at or goal.created_at).date()
            when = schedule.next_due(start, 1, last.date() if last else None,
                                     schedule.CHECK_IN_GRACE)
            if schedule.due_state(when, today, schedule.CHECK_IN_GRACE).state == "overdue":
                row.overdue_check_ins += 1
    for user_id, values in scores.items():
        rows[user_id].average_score = round(sum(values) / len(values))
    _fill_attempts(rows, ids)
    for row in rows.values():
        row.attention = attention_reasons(row)


def _fill_attempts(rows: dict[int, ClientRow], ids: list[int]) -> None:
    ranked = (
        db.select(PracticeSet.user_id, PracticeAttempt.created_at, PracticeAttempt.score,
                  func.row_number().over(
                      partition_by=PracticeSet.user_id,
                      order_by=(PracticeAttempt.created_at.desc(), PracticeAttempt.id.desc()),
                  ).label("rank"))
        .join(PracticeSet, PracticeSet.id == PracticeAttempt.practice_set_id)
        .where(PracticeSet.user_id.in_(ids))
        .subquery()
    )
    for user_id, created_at, score in db.session.execute(
        db.select(ranked.c.user_id, ranked.c.created_at, ranked.c.score)
        .where(ranked.c.rank == 1)
    ):
        rows[user_id].last_attempt = _aware(created_at)
        rows[user_id].last_attempt_score = score


def _aware(value: datetime) -> datetime:
    """Timestamps from a subquery skip the column type's conversion on SQLite."""
    from coachapp.models.base import UTCDateTime

    return UTCDateTime().process_result_value(value, None) if isinstance(value, datetime) \
        else datetime.fromisoformat(value)


def attention_reasons(row: ClientRow) -> list[str]:
    """Why the coach should look at this client now, most pressing first."""
    reasons = []
    if row.awaiting_review:
        reasons.append(f"{row.awaiting_review} goal{'s' if row.awaiting_review > 1 else ''} "
                       "to review")
    if row.overdue_check_ins:
        reasons.append(f"{row.overdue_check_ins} check-in"
                       f"{'s' if row.overdue_check_ins > 1 else ''} overdue")
    if row.average_score is not None and row.average_score < LOW_SCORE:
        reasons.append(f"average score {row.average_score}")
    if row.open_flags >= MANY_FLAGS:
        reasons.append(f"{row.open_flags} open flags")
    return reasons

