"""A small coaching world for the coach tests: two coaches, two clients, A's plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coachapp.coach import operations as ops
from coachapp.extensions import db
from coachapp.goals.operations import ActionInput, GoalInput, create_goal, save_vision
from coachapp.interview.operations import PracticeSetInput, create_practice_set, record_attempt
from coachapp.models import User
from coachapp.progress.operations import CheckInInput, new_calendar_token, record_check_in

NEXT_YEAR = date.today().year + 1
VAGUE_GOAL = "Improve my leadership skills and become a better manager."
SMART_GOAL = f"Pass the AWS Certified Data Engineer exam by June {NEXT_YEAR}."
ANSWER = ("In the next year I want to become a data engineer and build pipelines in Python. "
          "Longer term I want to lead a data platform team.")


@dataclass(frozen=True)
class Person:
    """What a test needs of an account after the app context is gone."""

    id: int
    email: str
    display_name: str

    @classmethod
    def of(cls, user: User) -> Person:
        return cls(user.id, user.email, user.display_name)


@dataclass
class World:
    coach_a: Person
    coach_b: Person
    client_a: Person
    client_b: Person
    goal_id: int
    smart_goal_id: int
    action_id: int
    check_in_id: int
    set_id: int
    attempt_id: int
    note_id: int
    calendar_token: str
    invite_code: str


def link(client: User, coach: User) -> None:
    ops.link_with_code(client, ops.invite_for(coach).code)


def client_plan(user: User, *, submitted: bool = True) -> tuple:
    """A vision, a vague goal (submitted) and a SMART goal, both active with actions."""
    save_vision(user, "Lead a data platform team in five years.", "Data engineer",
                "Backend developer", 18)
    vague = create_goal(user, GoalInput(
        text=VAGUE_GOAL, type="growth", status="active",
        actions=[ActionInput("Ask for a team lead role"), ActionInput("Read two books"),
                 ActionInput("Find a mentor")]))
    smart = create_goal(user, GoalInput(
        text=SMART_GOAL, type="skill", status="active",
        actions=[ActionInput("Book the exam"), ActionInput("Take a practice test"),
                 ActionInput("Build a Glue pipeline")]))
    if submitted:
        ops.submit_goal(user, vague)
    return vague, smart


def build_world(make_user) -> World:
    """Coach A coaches client A; coach B and client B are strangers to them."""
    coach_a = make_user("coach", name="Coach Alpha")
    coach_b = make_user("coach", name="Coach Beta")
    client_a = make_user("client", name="Client Alpha")
    client_b = make_user("client", name="Client Beta")
    coach_a, coach_b, client_a, client_b = (
        db.session.get(User, u.id) for u in (coach_a, coach_b, client_a, client_b))
    link(client_a, coach_a)
    link(client_b, coach_b)
    vague, smart = client_plan(client_a)
    check_in = record_check_in(vague, CheckInInput(value=20, moved="Asked my manager"))
    practice_set = create_practice_set(client_a, PracticeSetInput("Data engineer", "Acme", ""))
    attempt = record_attempt(client_a, practice_set, "career_goals", ANSWER, 40)
    ops.add_comment(coach_a, ops.thread_target(coach_a, "goal", vague.id), "Which team?")
    note = ops.add_note(coach_a, client_a, "Private: worried about burnout.")
    token = new_calendar_token(client_a)
    people = (Person.of(u) for u in (coach_a, coach_b, client_a, client_b))
    return World(*people, vague.id, smart.id, vague.actions[0].id,
                 check_in.id, practice_set.id, attempt.id, note.id, token,
                 ops.invite_for(coach_a).code)
