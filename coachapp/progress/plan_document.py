"""The plan as one document: the data behind the printable page and the Markdown export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coachapp.goals.operations import user_goals
from coachapp.models import Goal, User, Vision
from coachapp.progress.operations import PlanProgress, plan_progress

LETTERS = (("specific", "S"), ("measurable", "M"), ("achievable", "A"), ("relevant", "R"),
           ("time_bound", "T"))


@dataclass
class PlanDocument:
    user: User
    vision: Vision | None
    goals: list[Goal]  # active first, then drafts
    progress: PlanProgress
    today: date

    def next_check_in(self, goal: Goal) -> date | None:
        for item in self.progress.goals:
            if item.goal.id == goal.id and item.next_check_in:
                return item.next_check_in.date
        return None


def plan_document(user: User, today: date | None = None) -> PlanDocument:
    today = today or date.today()
    goals = user_goals(user, ("active", "draft"))
    goals.sort(key=lambda g: (g.status != "active", g.created_at))
    return PlanDocument(user, user.vision, goals, plan_progress(user, today), today)


def smart_letters(goal: Goal) -> str:
    """"S M · R ·": the SMART letters the goal meets, a dot for each it misses."""
    return " ".join(letter if goal.smart.get(key, {}).get("ok") else "·"
                    for key, letter in LETTERS)


def _md(text: str) -> str:
    """Text safe to put in Markdown: no markup, links or HTML of its own."""
    text = " ".join(text.split())
    for char in "\\`*_{}[]()<>#+-!|":
        text = text.replace(char, "\\" + char)
    return text


def plan_markdown(document: PlanDocument) -> str:
    """The plan in Markdown: vision, goals with SMART letters and actions, next dates."""
    lines = [f"# Career plan of {_md(document.user.display_name)}",
             f"_As of {document.today:%d %B %Y}_", ""]
    vision = document.vision
    if vision is not None and not vision.is_empty:
        lines += ["## Vision", ""]
        if vision.statement:
            lines += [_md(vision.statement), ""]
        if vision.target_role:
            lines += [f"Aiming for: **{_md(vision.target_role)}**", ""]
    lines += ["## Goals", ""]
    if not document.goals:
        lines += ["No goals yet.", ""]
    for goal in document.goals:
        status = "" if goal.status == "active" else " (draft)"
        score = goal.score if goal.score is not None else "–"
        lines += [f"### {_md(goal.text)}{status}", "",
                  f"- SMART: `{smart_letters(goal)}` (score {score})"]
        if goal.deadline:
            lines.append(f"- Deadline: {goal.deadline:%d %B %Y}")
        if goal.metric_target:
            lines.append(f"- Metric: {_md(goal.metric_target)}")
        if (when := document.next_check_in(goal)) is not None:
            lines.append(f"- Next check-in: {when:%d %B %Y}")
        lines.append("")
        for action in goal.actions:
            due = f" (due {action.due_date:%d %b %Y})" if action.due_date else ""
            lines.append(f"- [{'x' if action.done else ' '}] {_md(action.text)}{due}")
        if goal.actions:
            lines.append("")
    review = document.progress.next_review
    if review is not None:
        lines += ["## Next quarterly review", "", f"{review.date:%d %B %Y}", ""]
    return "\n".join(lines)
