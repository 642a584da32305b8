"""missing_metric and missing_deadline: is there a measure, is there a time frame."""

from __future__ import annotations

from ..deadlines import vague_time_words
from ..result import Finding
from .base import CheckInput


def check_metric(data: CheckInput) -> list[Finding]:
    """No quantity, frequency or verifiable completion of a named thing."""
    if data.metrics:
        return []
    start, end = data.bounds
    return [data.finding("missing_metric", "missing_metric", start, end)]


def check_deadline(data: CheckInput) -> list[Finding]:
    """No date, period, review cycle, relative time frame or cadence."""
    if data.deadlines:
        return []
    loose = vague_time_words(data.doc)
    if loose:
        return [data.span_finding("missing_deadline", "missing_deadline.vague_time", loose[0])]
    start, end = data.bounds
    return [data.finding("missing_deadline", "missing_deadline", start, end)]
