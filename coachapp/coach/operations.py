"""Coaching writes and scoped reads: invites, links, threads, decisions, reviews,
private notes and notifications. No request or session handling here.

Every read a coach makes goes through an active link: once a link ends, the
coach's lookups find nothing of that client.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, update
from sqlalchemy.exc import IntegrityError

from coachapp.coach.scoring import QUOTE_MAX, finding_key
from coachapp.extensions import db
from coachapp.models import (
    Action,
    CheckIn,
    CoachInvite,
    CoachLink,
    CoachNote,
    Comment,
    FindingDecision,
    Goal,
    GoalReview,
    Notification,
    PracticeAttempt,
    PracticeSet,
    User,
)
from coachapp.models.base import utcnow
from coachapp.models.coaching import active_coach_id, notify, shorten

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CODE_LENGTH = 8
MAX_ID = 2**31 - 1
SUBMITTABLE = ("draft", "changes_requested")
REVIEWABLE = ("submitted", "approved", "changes_requested")


class CoachingError(Exception):
    """A coaching action was refused; ``str(error)`` is safe to show."""


# Invite codes -----------------------------------------------------------------


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """``ABCD2345`` as people read it: ``ABCD-2345``."""
    return f"{code[:4]}-{code[4:]}"


def normalise_code(raw: str) -> str:
    """What a person typed, as stored: upper case, no spaces or dashes."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def invite_for(coach: User) -> CoachInvite:
    """The coach's invite code, created on first use."""
    invite = coach.coach_invite
    if invite is None:
        invite = CoachInvite(coach=coach, code=_new_code())
        db.session.add(invite)
        db.session.commit()
    return invite


def regenerate_invite(coach: User) -> CoachInvite:
    """A fresh code; the old one stops working (links made with it stay)."""
    invite = invite_for(coach)
    invite.code = _new_code()
    invite.created_at = utcnow()
    db.session.commit()
    return invite


# Links ----------------------------------------------------------------------


def active_link(client: User) -> CoachLink | None:
    return db.session.scalar(
        db.select(CoachLink).where(CoachLink.client_id == client.id, CoachLink.ended_at.is_(None))
    )


def link_history(client: User) -> list[CoachLink]:
    """Every link of ``client``, newest first."""
    return list(db.session.scalars(
        db.select(CoachLink).where(CoachLink.client_id == client.id)
        .order_by(CoachLink.started_at.desc(), CoachLink.id.desc())
    ))


def link_with_code(client: User, raw_code: str) -> CoachLink:
    """Share ``client``'s plan with the coach whose invite code this is."""
    if client.role != "client":
        raise CoachingError("Only client accounts can link to a coach.")
    code = normalise_code(raw_code)
    invite = db.session.scalar(db.select(CoachInvite).where(CoachInvite.code == code)) \
        if len(code) == CODE_LENGTH else None
    if invite is None:
        raise CoachingError("That invite code is not valid. Check it with your coach; they may "
                            "have made a new one.")
    current = active_link(client)
    if current is not None:
        if current.coach_id == invite.coach_id:
            raise CoachingError(f"You already share your plan with {current.coach.display_name}.")
        raise CoachingError(f"You share your plan with {current.coach.display_name}. End that "
                            "link first: you have one coach at a time.")
    link = CoachLink(coach_id=invite.coach_id, client_id=client.id)
    db.session.add(link)
    try:
        db.session.flush()
    except IntegrityError as error:  # a second link won the race: the index refuses this one
        db.session.rollback()
        raise CoachingError("You already have a coach. Reload the page.") from error
    notify(invite.coach_id, client.id, "linked",
           f"{client.display_name} shared their plan with you.", actor_id=client.id,
           target_kind="plan")
    db.session.commit()
    return link


def end_link(link: CoachLink, by: str) -> None:
    """End ``link`` (``by`` is "client" or "coach"); the coach loses sight of the plan.

    The coach's notifications about this client go too: they quote the plan.
    """
    link.ended_at = utcnow()
    link.ended_by = by
    db.session.execute(delete(Notification).where(Notification.user_id == link.coach_id,
                                                  Notification.client_id == link.client_id))
    if by == "client":
        notify(link.coach_id, link.client_id, "unlinked",
               f"{link.client.display_name} stopped sharing their plan with you.",
               actor_id=link.client_id, target_kind="link")
    else:
        notify(link.client_id, link.client_id, "unlinked",
               f"{link.coach.display_name} ended coaching; your plan is no longer shared.",
               actor_id=link.coach_id, target_kind="link")
    db.session.commit()


def linked_client(coach: User, client_id: int) -> User | None:
    """The client with ``client_id`` if ``coach`` is their coach right now."""
    if not 0 < client_id <= MAX_ID:
        return None
    return db.session.scalar(
        db.select(User).join(CoachLink, CoachLink.client_id == User.id)
        .where(User.id == client_id, CoachLink.coach_id == coach.id,
               CoachLink.ended_at.is_(None))
    )


def coach_link_for(coach: User, client: User) -> CoachLink | None:
    return db.session.scalar(
        db.select(CoachLink).where(CoachLink.coach_id == coach.id,
                                   CoachLink.client_id == client.id,
                                   CoachLink.ended_at.is_(None))
    )


def _reviewer_goal(coach: User, goal_id: int) -> Goal | None:
    if not 0 < goal_id <= MAX_ID:
        return None
    return db.session.scalar(
        db.select(Goal).join(CoachLink, CoachLink.client_id == Goal.user_id)
        .where(Goal.id == goal_id, CoachLink.coach_id == coach.id, CoachLink.ended_at.is_(None))
    )


def goal_for_coach(coach: User, goal_id: int) -> Goal | None:
    """A goal of one of the coach's current clients."""
    return _reviewer_goal(coach, goal_id)


# Threads --------------------------------------------------------------------


@dataclass(frozen=True)
class ThreadTarget:
    """What a thread hangs on, and whose plan that is."""

    kind: str
    obj: Any
    client_id: int
    goal_id: int | None

    @property
    def id(self) -> int:
        return self.obj.id


_TARGET_QUERIES = {
    "goal": lambda i: db.select(Goal, Goal.user_id, Goal.id).where(Goal.id == i),
    "action": lambda i: db.select(Action, Goal.user_id, Goal.id).join(Goal)
    .where(Action.id == i),
    "check_in": lambda i: db.select(CheckIn, Goal.user_id, Goal.id).join(Goal)
    .where(CheckIn.id == i),
    "attempt": lambda i: db.select(PracticeAttempt, PracticeSet.user_id, None)
    .join(PracticeSet).where(PracticeAttempt.id == i),
}


def thread_target(user: User, kind: str, target_id: int) -> ThreadTarget | None:
    """The target if ``user`` owns it or coaches its owner now; else None (a 404)."""
    if kind not in _TARGET_QUERIES or not 0 < target_id <= MAX_ID:
        return None
    row = db.session.execute(_TARGET_QUERIES[kind](target_id)).first()
    if row is None:
        return None
    obj, owner_id, goal_id = row
    if owner_id != user.id and not (
        user.is_coach and linked_client(user, owner_id) is not None
    ):
        return None
    return ThreadTarget(kind, obj, owner_id, goal_id)


@dataclass(frozen=True)
class Anchor:
    """A comment's place in a goal: a finding's code and the span it highlights."""

    code: str
    start: int
    end: int
    text: str


def find_anchor(goal: Goal, code: str, start: int, end: int) -> Anchor | None:
    """The anchor for the goal's finding with this code and span, if the goal has one."""
    for finding in goal.findings:
        if (finding.get("code"), finding.get("start"), finding.get("end")) == (code, start, end):
            return Anchor(code, start, end, goal.text[start:end][:QUOTE_MAX])
    return None


def add_comment(author: User, target: ThreadTarget, body: str,
                anchor: Anchor | None = None) -> Comment:
    """Add ``body`` to the target's thread and tell the other side."""
    comment = Comment(
        client_id=target.client_id, author_id=author.id, kind=target.kind,
        body=body.strip(), **{f"{target.kind}_id": target.id},
    )
    if anchor is not None:
        comment.finding_code, comment.anchor_start = anchor.code, anchor.start
        comment.anchor_end, comment.anchor_text = anchor.end, anchor.text
    db.session.add(comment)
    words = {"goal": "your goal", "action": "an action", "check_in": "a check-in",
             "attempt": "a practice answer"}[target.kind]
    if author.id == target.client_id:
        coach_id = active_coach_id(target.client_id)
        if coach_id is not None:
            notify(coach_id, target.client_id, "reply",
                   f"{author.display_name} replied on {words.replace('your ', 'their ')}: "
                   f"“{shorten(body, 60)}”", actor_id=author.id, goal_id=target.goal_id,
                   target_kind=target.kind, target_id=target.id)
    else:
        on = f" on “{anchor.text}”" if anchor else ""
        notify(target.client_id, target.client_id, "comment",
               f"{author.display_name} commented on {words}{on}: “{shorten(body, 60)}”",
               actor_id=author.id, goal_id=target.goal_id, target_kind=target.kind,
               target_id=target.id)
    db.session.commit()
    return comment


def threads(kind: str, ids: list[int]) -> dict[int, list[Comment]]:
    """The comments on each of ``ids`` (targets of one kind), oldest first, in one query."""
    found: dict[int, list[Comment]] = {i: [] for i in ids}
    if not ids:
        return found
    column = getattr(Comment, f"{kind}_id")
    rows = db.session.scalars(
        db.select(Comment).where(Comment.kind == kind, column.in_(ids))
        .options(db.joinedload(Comment.author))
        .order_by(Comment.created_at, Comment.id)
    )
    for comment in rows:
        found[comment.target_id].append(comment)
    return found


# Decisions on findings and goals ----------------------------------------------


def decide_finding(coach: User, goal: Goal, code: str, start: int, end: int, decision: str,
                   reason: str) -> FindingDecision:
    """Accept or dismiss the goal's finding with this code and span (one decision each)."""
    finding = next((f for f in goal.findings
                    if (f.get("code"), f.get("start"), f.get("end")) == (code, start, end)), None)
    if finding is None:
        raise CoachingError("That flag is no longer on the goal; the client may have edited it.")
    if decision == "dismissed" and not reason.strip():
        raise CoachingError("Say why you dismiss the flag: your client reads it.")
    code, quote = finding_key(finding)
    row = db.session.scalar(db.select(FindingDecision).where(
        FindingDecision.goal_id == goal.id, FindingDecision.code == code,
        FindingDecision.quote == quote))
    fields = {"coach_id": coach.id, "start": start, "end": end, "decision": decision,
              "reason": reason.strip()}  # all at once: reading coach.id may autoflush
    if row is None:
        row = FindingDecision(goal=goal, code=code, quote=quote, **fields)
        db.session.add(row)
    else:
        for name, value in fields.items():
            setattr(row, name, value)
    verb = "dismissed" if decision == "dismissed" else "agreed with"
    quoted = f" on “{shorten(quote, 50)}”" if quote else ""
    notify(goal.user_id, goal.user_id, "finding",
           f"{coach.display_name} {verb} a flag{quoted}" + (f": {reason.strip()}" if
                                                             reason.strip() else "."),
           actor_id=coach.id, goal_id=goal.id, target_kind="goal", target_id=goal.id)
    db.session.commit()
    return row


def decisions_for(goal_ids: list[int]) -> dict[int, list[FindingDecision]]:
    found: dict[int, list[FindingDecision]] = {i: [] for i in goal_ids}
    if goal_ids:
        for row in db.session.scalars(
            db.select(FindingDecision).where(FindingDecision.goal_id.in_(goal_ids))
        ):
            found[row.goal_id].append(row)
    return found


def submit_goal(client: User, goal: Goal) -> None:
    """Send a draft or sent-back goal to the client's coach for review."""
    coach_id = active_coach_id(client.id)
    if coach_id is None:
        raise CoachingError("Link to a coach first: enter their invite code on the Coach page.")
    if goal.review_state not in SUBMITTABLE:
        raise CoachingError("This goal is already with your coach.")
    goal.review_state = "submitted"
    goal.submitted_at = utcnow()
    notify(coach_id, client.id, "submitted",
           f"{client.display_name} submitted a goal for review: “{shorten(goal.text)}”",
           actor_id=client.id, goal_id=goal.id, target_kind="goal", target_id=goal.id)
    db.session.commit()


def review_goal(coach: User, goal: Goal, decision: str, comment: str) -> GoalReview:
    """Approve the goal or ask for changes, with a comment the client reads."""
    if goal.review_state not in REVIEWABLE:
        raise CoachingError("This goal has not been submitted for review yet.")
    if decision == "changes_requested" and not comment.strip():
        raise CoachingError("Say what should change: your client needs something to act on.")
    review = GoalReview(goal=goal, coach_id=coach.id, decision=decision,
                        comment=comment.strip(), goal_text=goal.text)
    db.session.add(review)
    goal.review_state = decision
    verb = "approved" if decision == "approved" else "asked for changes to"
    notify(goal.user_id, goal.user_id, "review",
           f"{coach.display_name} {verb} your goal “{shorten(goal.text, 60)}”"
           + (f": {shorten(comment, 120)}" if comment.strip() else "."),
           actor_id=coach.id, goal_id=goal.id, target_kind="goal", target_id=goal.id)
    db.session.commit()
    return review


# Private notes -----------------------------------------------------------------


def notes_for(coach: User, client: User) -> list[CoachNote]:
    return list(db.session.scalars(
        db.select(CoachNote).where(CoachNote.coach_id == coach.id,
                                   CoachNote.client_id == client.id)
        .order_by(CoachNote.created_at.desc(), CoachNote.id.desc())
    ))


def add_note(coach: User, client: User, body: str) -> CoachNote:
    note = CoachNote(coach_id=coach.id, client_id=client.id, body=body.strip())
    db.session.add(note)
    db.session.commit()
    return note


def delete_note(coach: User, client: User, note_id: int) -> bool:
    if not 0 < note_id <= MAX_ID:
        return False
    result = db.session.execute(delete(CoachNote).where(
        CoachNote.id == note_id, CoachNote.coach_id == coach.id,
        CoachNote.client_id == client.id))
    db.session.commit()
    return bool(result.rowcount)


# Notifications -----------------------------------------------------------------


def notifications_for(user: User, limit: int = 50) -> list[Notification]:
    return list(db.session.scalars(
        db.select(Notification).where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)
    ))


def unread_count(user: User) -> int:
    return db.session.scalar(
        db.select(func.count()).select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
    ) or 0


def mark_all_read(user: User) -> int:
    result = db.session.execute(
        update(Notification).where(Notification.user_id == user.id,
                                   Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.commit()
    return result.rowcount
