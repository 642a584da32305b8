"""Demo plans: one client with a plan in good shape, one still drafting."""

from __future__ import annotations

from datetime import date, timedelta

from coachapp.demo import demo_seeder
from coachapp.goals.operations import ActionInput, GoalInput, create_goal, save_vision
from coachapp.models import User


def _next(month: int, day: int, at_least_days: int = 0) -> date:
    """The next such date at least ``at_least_days`` away (the demo's paces then read the
    same whatever the day it is seeded)."""
    earliest = date.today() + timedelta(days=at_least_days)
    candidate = date(earliest.year, month, day)
    return candidate if candidate > earliest else date(earliest.year + 1, month, day)


def _goal(user: User, text: str, type_: str, status: str, actions: list[str],
          horizon: str = "short") -> None:
    create_goal(user, GoalInput(
        text=text, type=type_, horizon=horizon, status=status,
        actions=[ActionInput(a, done=i == 0) for i, a in enumerate(actions)],
    ))


@demo_seeder
def seed_plans(users: dict[str, User]) -> None:
    maya = users["maya@example.com"]
    save_vision(maya, "In five years I want to manage an acute medical ward, known for safe "
                "staffing and for growing new nurses.", "Ward manager", "Staff nurse (Band 5)", 30)
    year = _next(6, 30, at_least_days=200).year  # on track: about a third of the way
    _goal(maya, f"Complete the NHS Mary Seacole leadership programme by June {year}.",
          "growth", "active", ["Ask my manager for study leave", "Enrol for the spring cohort",
                               "Block 3 hours a week for coursework"])
    soon = date.today() + timedelta(days=40)  # behind: most of the time gone, half done
    _goal(maya, f"Mentor 2 newly qualified nurses through preceptorship by {soon:%B %Y}.",
          "impact", "active", ["Volunteer at the next team meeting", "Agree monthly 1:1s",
                               "Finish the practice assessor course"])
    _goal(maya, "Be more confident.", "skill", "active", ["Speak up in handover"])
    _goal(maya, "Lead the ward's falls-reduction audit and cut avoidable falls to zero by next "
          "March.", "impact", "draft", [])

    sam = users["sam@example.com"]
    save_vision(sam, "Build reliable data platforms as a senior data engineer.",
                "Data engineer", "Backend developer", 8)
    _goal(sam, "Improve my skills.", "skill", "draft", [])
    _goal(sam, "Pass the AWS Certified Data Engineer exam by the end of Q2.", "skill", "active",
          ["Take the practice test", "Build one pipeline on AWS Glue", "Book the exam"])
    _goal(sam, "Become CTO within two years.", "growth", "active", [], horizon="long")
