"""The private calendar feed (RFC 5545): deadlines, actions due, check-ins and reviews.

Every event is an all-day event with a stable UID, so a calendar app that
polls the feed updates events instead of duplicating them. Without the
person's opt-in an event names the goal by its short title only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from coachapp.models import User
from coachapp.progress import schedule
from coachapp.progress.operations import plan_progress

HORIZON_DAYS = 366  # how far ahead repeating dates are listed
TITLE_CHARS = 60


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    day: date
    summary: str
    description: str = ""


def goal_title(text: str) -> str:
    """A goal's short title: its first words, up to TITLE_CHARS characters."""
    text = " ".join(text.split())
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"


def calendar_entries(user: User, show_details: bool, today: date | None = None
                     ) -> list[CalendarEntry]:
    """The dates of the user's active plan, soonest first."""
    today = today or date.today()
    until = today + timedelta(days=HORIZON_DAYS)
    plan = plan_progress(user, today)
    entries: list[CalendarEntry] = []
    for progress in plan.goals:
        goal = progress.goal
        title = goal_title(goal.text)
        about = _details(goal.text, goal.metric_target) if show_details else ""
        if goal.deadline:
            entries.append(CalendarEntry(f"goal-{goal.id}-deadline@coachapp", goal.deadline,
                                         f"Goal deadline: {title}", about))
        for action in goal.actions:
            if action.due_date and not action.done:
                summary = (f"Action due: {action.text} ({title})" if show_details
                           else f"Action due: {title}")
                entries.append(CalendarEntry(f"action-{action.id}@coachapp", action.due_date,
                                             summary, about))
        if progress.next_check_in:
            last = min(goal.deadline or until, until)
            days = [progress.next_check_in.date, *schedule.dates_between(
                progress.start, 1, progress.next_check_in.date + timedelta(days=1), last)]
            for day in days:
                entries.append(CalendarEntry(f"check-in-{goal.id}-{day:%Y%m%d}@coachapp", day,
                                             f"Check in: {title}", about))
    if plan.next_review:
        first = plan.next_review.date
        start = min(g.start for g in plan.goals)
        days = [first, *schedule.dates_between(start, 3, first + timedelta(days=1), until)]
        for day in days:
            entries.append(CalendarEntry(
                f"review-{user.id}-{day:%Y%m%d}@coachapp", day, "Quarterly plan review",
                "Look at every goal's last three check-ins and decide: keep, adjust or drop."))
    return sorted(entries, key=lambda e: (e.day, e.uid))


def _details(text: str, metric_target: str) -> str:
    return text + (f"\nMetric: {metric_target}" if metric_target else "")


def calendar_ics(user: User, show_details: bool, today: date | None = None,
                 now: datetime | None = None) -> bytes:
    """The feed as an iCalendar document."""
    stamp = now or datetime.now(UTC)
    cal = Calendar()
    cal.add("prodid", "-//coachapp//career plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Career plan")
    for entry in calendar_entries(user, show_details, today):
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + timedelta(days=1))
        event.add("summary", entry.summary)
        if entry.description:
            event.add("description", entry.description)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
