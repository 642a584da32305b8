"""Geometry of the score trend chart; the template draws it as inline SVG."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 36
GRID = (0, 25, 50, 75, 100)


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    score: int


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    points: tuple[Point, ...]
    grid: tuple[tuple[float, int], ...]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


def _y(score: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - score / 100)


def trend_chart(scores: list[tuple[str, int | None]]) -> TrendChart:
    """Points for ``scores`` (label, score 0-100 or None), oldest first; None is skipped."""
    kept = [(label, max(0, min(100, s))) for label, s in scores if s is not None]
    span = WIDTH - LEFT - RIGHT
    step = span / (len(kept) - 1) if len(kept) > 1 else 0
    points = tuple(
        Point(LEFT + (i * step if len(kept) > 1 else span / 2), _y(score), label, score)
        for i, (label, score) in enumerate(kept)
    )
    return TrendChart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, points,
                      tuple((_y(v), v) for v in GRID))
