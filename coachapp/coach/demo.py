"""Demo coaching: Jordan coaches three clients in different states.

Sam has goals waiting for review; Maya has changes requested on a goal, with a
comment thread and a dismissed flag; Lee's plan is approved and up to date.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from coachapp.coach import operations as ops
from coachapp.demo import demo_seeder
from coachapp.extensions import db
from coachapp.goals.operations import ActionInput, GoalInput, create_goal, save_vision
from coachapp.interview import operations as practice  # a module: goals imports interview first
from coachapp.models import CheckIn, Goal, User

LEE_GOALS = (
    ("Ship 2 product discovery projects with the payments team by the end of Q3.", "growth",
     ["Ask the payments PM for a discovery brief", "Run 8 customer interviews",
      "Present findings at the product review"]),
    ("Complete the Reforge Product Management course by September.", "skill",
     ["Enrol for the summer cohort", "Block Tuesday evenings for study",
      "Apply one module to the payments backlog"]),
    ("Hold 1 coffee chat a month with a product manager outside my company.", "network",
     ["List 12 PMs to contact", "Send the first three invitations", "Write up what I learn"]),
)
LEE_ANSWER = (
    "In the next year I want to move from operations analysis into product work: I am running "
    "two discovery projects with our payments team and finishing a product management course "
    "by September. In this role I would bring that discovery practice and my SQL to your "
    "checkout squad. Longer term I see myself leading a product area."
)


def _goal(user: User, start: str) -> Goal:
    return db.session.scalar(db.select(Goal).where(Goal.user_id == user.id,
                                                   Goal.text.startswith(start)))


def _first_flag(goal: Goal, code: str) -> dict | None:
    return next((f for f in goal.findings if f["code"] == code), None)


@demo_seeder
def seed_coaching(users: dict[str, User]) -> None:
    coach = users["coach@example.com"]
    code = ops.invite_for(coach).code
    maya, sam, lee = (users[f"{n}@example.com"] for n in ("maya", "sam", "lee"))
    for client in (maya, sam, lee):
        ops.link_with_code(client, code)
    _seed_sam(coach, sam)
    _seed_maya(coach, maya)
    _seed_lee(coach, lee)
    ops.mark_all_read(lee)


def _seed_sam(coach: User, sam: User) -> None:
    """Two goals submitted and waiting for the coach."""
    for start in ("Improve my skills", "Become CTO"):
        ops.submit_goal(sam, _goal(sam, start))


def _seed_maya(coach: User, maya: User) -> None:
    """One goal approved; one sent back with a comment thread and a dismissed flag."""
    seacole = _goal(maya, "Complete the NHS Mary Seacole")
    ops.submit_goal(maya, seacole)
    ops.review_goal(coach, seacole, "approved", "Clear, dated and it fits the ward manager path.")
    audit = _goal(maya, "Lead the ward's falls-reduction audit")
    ops.submit_goal(maya, audit)
    target = ops.thread_target(coach, "goal", audit.id)
    flag = _first_flag(audit, "vague") or next(iter(audit.findings), None)
    anchor = ops.find_anchor(audit, flag["code"], flag["start"], flag["end"]) if flag else None
    ops.add_comment(coach, target, "Who owns the audit with you? Name the sponsor (the matron?) "
                    "so this is something you lead, not something you help with.", anchor)
    ops.add_comment(maya, target, "Good point: Sister Adams has agreed to sponsor it. I'll add "
                    "her name and the baseline from last year's Datix reports.")
    unrealistic = _first_flag(audit, "unrealistic")
    if unrealistic is not None:
        ops.decide_finding(coach, audit, unrealistic["code"], unrealistic["start"],
                           unrealistic["end"], "dismissed",
                           "Zero avoidable falls is the trust's own target for this audit.")
    ops.review_goal(coach, audit, "changes_requested",
                    "Add the sponsor and the baseline number, then send it back to me.")
    ops.add_note(coach, maya, "Preparing for a Band 7 interview in spring; ask about the "
                 "mock interview she wants to do.")


def _seed_lee(coach: User, lee: User) -> None:
    """Everything approved, check-ins and practice up to date."""
    save_vision(lee, "Lead a product area in a fintech company, turning customer research "
                "into features people use.", "Product manager", "Operations analyst", 20)
    started = datetime.now(UTC) - timedelta(days=40)
    for text, type_, actions in LEE_GOALS:
        goal = create_goal(lee, GoalInput(
            text=text, type=type_, status="active",
            actions=[ActionInput(a, done=i == 0) for i, a in enumerate(actions)]))
        goal.created_at = goal.activated_at = started
        db.session.add(CheckIn(goal=goal, value=30, moved="First step done and the next booked.",
                               created_at=started + timedelta(days=31)))
        db.session.commit()
        ops.submit_goal(lee, goal)
        ops.review_goal(coach, goal, "approved", "")
    practice_set = practice.create_practice_set(lee, practice.PracticeSetInput(
        "Product manager", "Northwind Payments", ""))
    practice.record_attempt(lee, practice_set, "career_goals", LEE_ANSWER, 45)
