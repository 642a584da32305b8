"""Server-side SVG charts: coordinates computed here, drawn by templates/progress/_charts.html.

A chart reads without JavaScript; its title, description and the table
beside it carry the same facts for people who do not see it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from coachapp.progress.operations import GoalProgress

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 36  # margins for the axes' labels


@dataclass
class Point:
    x: float
    y: float
    day: date
    percent: float
    label: str


@dataclass
class GoalChart:
    title: str
    description: str
    points: list[Point]
    target_line: tuple[float, float, float, float] | None
    today_x: float | None
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    width: int = WIDTH
    height: int = HEIGHT
    plot: tuple[int, int, int, int] = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM)

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


def _value_label(value: float, target: float | None) -> str:
    number = f"{value:g}"
    return f"{number} of {target:g}" if target else f"{number}%"


def goal_chart(progress: GoalProgress, today: date) -> GoalChart:
    """Check-in values against the straight line from 0 at the start to 100% at the deadline."""
    start = progress.start
    days = [c.created_at.date() for c in progress.check_ins]
    end = max([progress.goal.deadline or start, today, *days, start + timedelta(days=30)])
    span = max((end - start).days, 1)
    x0, y0, x1, y1 = LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM

    def x(day: date) -> float:
        return x0 + (x1 - x0) * max(0, (day - start).days) / span

    def y(percent: float) -> float:
        return y1 - (y1 - y0) * percent / 100

    points = [
        Point(x(d), y(c.percent), d, round(c.percent, 1), _value_label(c.value, c.target))
        for c, d in zip(progress.check_ins, days, strict=True)
    ]
    deadline = progress.goal.deadline
    line = (x(start), y(0), x(deadline), y(100)) if deadline and deadline > start else None
    ticks, month = [], date(start.year, start.month, 1)
    step = max(1, round(span / 30 / 6))  # about six month labels
    while month <= end:
        if month >= start:
            ticks.append((x(month), month.strftime("%b %Y")))
        for _ in range(step):
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return GoalChart(
        title=f"Progress on: {_short(progress.goal.text, 90)}",
        description=_describe(progress, deadline),
        points=points,
        target_line=line,
        today_x=x(today) if start <= today <= end else None,
        x_ticks=ticks,
        y_ticks=[(y(p), f"{p}%") for p in (0, 25, 50, 75, 100)],
    )


def _describe(progress: GoalProgress, deadline: date | None) -> str:
    if not progress.check_ins:
        parts = ["No check-ins yet."]
    else:
        last = progress.check_ins[-1]
        parts = [f"{len(progress.check_ins)} check-ins since {progress.start:%d %B %Y}; "
                 f"the latest, on {last.created_at:%d %B %Y}, is at {last.percent:.0f}% "
                 "of the target."]
    if deadline:
        parts.append(f"The target line runs from 0% at the start to 100% on {deadline:%d %B %Y}.")
    if progress.pace:
        verdict = "on track" if progress.pace.on_track else "behind the line"
        parts.append(f"Time elapsed suggests {progress.pace.expected:.0f}%: {verdict}.")
    return " ".join(parts)


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class PlanRow:
    goal_id: int
    label: str
    y: float
    actual_width: float
    expected_x: float | None
    actual: float | None
    expected: float | None
    on_track: bool | None


@dataclass
class PlanChart:
    rows: list[PlanRow] = field(default_factory=list)
    width: int = WIDTH
    bar_left: int = 0
    bar_width: int = WIDTH - 60
    row_height: int = 54

    @property
    def height(self) -> int:
        return max(1, len(self.rows)) * self.row_height + 8

    @property
    def description(self) -> str:
        parts = []
        for row in self.rows:
            if row.actual is None:
                parts.append(f"{row.label}: no check-in yet.")
            else:
                expected = f", {row.expected:.0f}% expected by now" if row.expected is not None \
                    else ""
                parts.append(f"{row.label}: {row.actual:.0f}%{expected}.")
        return " ".join(parts) or "No active goals."


def plan_chart(goals: list[GoalProgress]) -> PlanChart:
    """One bar per active goal: the latest progress, with a mark where it should be by now."""
    chart = PlanChart()
    for i, progress in enumerate(goals):
        last = progress.last
        actual = last.percent if last else None
        expected = progress.pace.expected if progress.pace else None
        chart.rows.append(PlanRow(
            goal_id=progress.goal.id,
            label=_short(progress.goal.text),
            y=22 + i * chart.row_height,  # the bar's top; its label sits above it
            actual_width=chart.bar_width * (actual or 0) / 100,
            expected_x=chart.bar_left + chart.bar_width * expected / 100
            if expected is not None else None,
            actual=round(actual, 1) if actual is not None else None,
            expected=expected,
            on_track=progress.pace.on_track if progress.pace else None,
        ))
    return chart
