"""Demo progress: a few months of Maya's check-ins, so charts and due dates mean something."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from coachapp.demo import demo_seeder
from coachapp.extensions import db
from coachapp.goals.operations import GoalInput, update_goal
from coachapp.models import CheckIn, Goal, User
from coachapp.progress.checkin_checks import check_in_findings
from coachapp.progress.operations import metric_number

STARTED_DAYS_AGO = 130  # four months and a bit: the fourth check-in is overdue

# (days after the start, percent of the target, moved, blocked, adjust)
CHECK_INS = {
    "Mary Seacole": [
        (29, 10, "Got study leave agreed with my manager.", "", ""),
        (60, 25, "Enrolled; finished the first two modules.", "Night shifts ate two weekends.",
         "Swap to early shifts on study weeks from next month."),
        (92, 35, "Module 3 done, first assignment submitted.", "Rota changes again.", ""),
    ],
    "Be more confident": [
        (95, 20, "Spoke up once in a handover about a staffing gap.", "", ""),
        (122, 40, "Raised two concerns this week; both were acted on.", "", ""),
    ],
    "Mentor": [
        (31, 0, "Volunteered at the team meeting.", "", ""),
        (61, 50, "Matched with my first preceptee; monthly 1:1s booked.", "", ""),
        (93, 50, "Practice assessor course half done.", "No second nurse starting yet.",
         "Ask the matron about the January intake by 15 January."),
    ],
}


def _at(day) -> datetime:
    return datetime.combine(day, time(18, 30), tzinfo=UTC)


@demo_seeder
def seed_progress(users: dict[str, User]) -> None:
    maya = users["maya@example.com"]
    start = datetime.now(UTC) - timedelta(days=STARTED_DAYS_AGO)
    goals = db.session.scalars(
        db.select(Goal).where(Goal.user_id == maya.id, Goal.status == "active")
    ).all()
    for goal in goals:
        goal.created_at = goal.activated_at = start
        for key, rows in CHECK_INS.items():
            if key not in goal.text:
                continue
            target = metric_number(goal.metric_target)
            for days, percent, moved, blocked, adjust in rows:
                day = start.date() + timedelta(days=days)
                db.session.add(CheckIn(
                    goal=goal, value=percent * target / 100 if target else percent,
                    target=target, moved=moved,
                    blocked=blocked, adjust=adjust,
                    findings=check_in_findings(blocked, adjust, {"today": day.isoformat()}),
                    created_at=_at(day),
                ))
    db.session.commit()
    confident = next((g for g in goals if g.text.startswith("Be more confident")), None)
    if confident is not None:  # a trait rewritten as a behaviour, with its reason on record
        # About 300 days from the start: 40% done a third of the way in reads as on track.
        by = start + timedelta(days=STARTED_DAYS_AGO + 170)
        update_goal(confident, GoalInput(
            text=f"Speak up with one idea or concern in 3 handovers a week by {by:%B %Y}.",
            type=confident.type, horizon=confident.horizon, status="active",
        ), reason="My coach pointed out that confidence is a trait; speaking up is something "
                  "I can count.")
