"""What is known about the person whose text is analysed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from .errors import AnalyzerInputError

_TEXT_FIELDS = ("target_role", "job_description", "vision", "current_role")


@dataclass(frozen=True)
class Context:
    """Facts about the person; every field is optional.

    ``today`` is the reference date for resolving relative deadlines
    ("within 6 months"); it defaults to the current date.
    """

    target_role: str | None = None
    job_description: str | None = None
    vision: str | None = None
    current_role: str | None = None
    months_in_role: int | None = None
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def has_direction(self) -> bool:
        """True when there is something to judge relevance against."""
        return any(
            (getattr(self, name) or "").strip()
            for name in ("target_role", "job_description", "vision")
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Context:
        """Build a context from JSON-like data; missing keys are fine, bad types are not."""
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise AnalyzerInputError(
                f"context must be an object/dict, not {type(data).__name__}"
            )
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for name in _TEXT_FIELDS:
            value = data.get(name)
            if value is None:
                continue
            if not isinstance(value, str):
                raise AnalyzerInputError(f"context.{name} must be a string")
            values[name] = value
        months = data.get("months_in_role")
        if months is not None:
            if isinstance(months, bool) or not isinstance(months, int | float | str):
                raise AnalyzerInputError("context.months_in_role must be a number")
            try:
                number = float(months)
            except ValueError as e:
                raise AnalyzerInputError("context.months_in_role must be a number") from e
            if number < 0 or number != number or number > 1200:
                raise AnalyzerInputError("context.months_in_role must be between 0 and 1200")
            values["months_in_role"] = int(number)
        today = data.get("today")
        if today is not None:
            values["today"] = _parse_date(today)
        unknown = set(data) - known
        del unknown  # unknown keys are ignored on purpose: callers send richer records
        return cls(**values)

    @classmethod
    def coerce(cls, context: Context | Mapping[str, Any] | None) -> Context:
        """Accept a Context, a dict or None."""
        if isinstance(context, Context):
            return context
        return cls.from_dict(context)


def _parse_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as e:
            raise AnalyzerInputError(
                f"context.today must be a date in YYYY-MM-DD form, not {value!r}"
            ) from e
    raise AnalyzerInputError("context.today must be a date in YYYY-MM-DD form")
