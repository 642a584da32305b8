"""Validation of API request bodies and the JSON shape of goals.

Plain functions with no Flask import: each parser takes decoded JSON and
returns ``(value, errors)``, where ``errors`` maps a field name (``text``,
``actions[2].due_date``, ``context.vision``) to a message a person can act on.
A parser returns ``None`` as the value whenever ``errors`` is not empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coachapp.analysis import KINDS
from coachapp.goals.operations import MAX_ACTIONS, ActionInput, GoalInput
from coachapp.models import GOAL_TYPES, HORIZONS, OPEN_STATUSES, STATUSES, Goal

Errors = dict[str, str]

GOAL_TEXT_MAX = 1000
METRIC_TARGET_MAX = 120
ACTION_TEXT_MAX = 300
# What the analyzer may be told about the person, with the longest value accepted.
CONTEXT_TEXT_LIMITS = {
    "target_role": 120,
    "current_role": 120,
    "vision": 2000,
    "job_description": 10000,
}
CONTEXT_KEYS = (*CONTEXT_TEXT_LIMITS, "months_in_role", "today")
MAX_MONTHS_IN_ROLE = 1200

ANALYZE_FIELDS = ("kind", "text", "context")
GOAL_FIELDS = ("text", "type", "horizon", "deadline", "metric_target", "status", "actions")
PATCH_FIELDS = (*GOAL_FIELDS, "version")
ACTION_FIELDS = ("text", "due_date", "done")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ETAG = re.compile(r'(?:W/)?"?(\d{1,18})"?')


@dataclass
class AnalyzeRequest:
    kind: str
    text: str
    # Overrides for the user's own context; a None value removes that key.
    context: dict[str, Any] = field(default_factory=dict)


@dataclass
class GoalPatch:
    data: GoalInput
    version: int | None = None


# Requests -----------------------------------------------------------------


def parse_analyze(body: Mapping[str, Any]) -> tuple[AnalyzeRequest | None, Errors]:
    """``{"kind", "text", "context"?}`` for ``POST /api/analyze``."""
    errors = _unknown_fields(body, ANALYZE_FIELDS)
    kind = body.get("kind")
    if kind not in KINDS:
        errors["kind"] = "Choose one of: " + ", ".join(KINDS) + "."
    # The analyzer's own limit gives 413, checked by the view once the kind is known.
    text = _text(body.get("text"), "text", errors, limit=None, required=True)
    context = _context(body.get("context"), errors)
    if errors:
        return None, errors
    return AnalyzeRequest(kind=kind, text=text, context=context), {}


def merge_context(own: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    """The user's own context with ``given`` laid over it (None removes a key)."""
    merged = {**own, **given}
    return {key: value for key, value in merged.items() if value is not None}


def parse_new_goal(body: Mapping[str, Any], today: date) -> tuple[GoalInput | None, Errors]:
    """A full goal for ``POST /api/goals``; every field but ``text`` has a default."""
    errors = _unknown_fields(body, GOAL_FIELDS)
    if "text" not in body:
        errors["text"] = "Write your goal first."
    values = _goal_fields(body, errors)
    if errors:
        return None, errors
    data = GoalInput(**{"actions": [], **values})
    _check_deadline(data, "deadline" in body, today, errors)
    return (None, errors) if errors else (data, {})


def parse_goal_patch(body: Mapping[str, Any], goal: Goal,
                     today: date) -> tuple[GoalPatch | None, Errors]:
    """Some of a goal's editable fields, laid over ``goal``, for ``PATCH``.

    Only the fields a person edits are accepted; anything else (``id``,
    ``user_id``, ``score``, ``analysis``...) is an error naming that field.
    ``version`` is the version the edit started from, never a new value.
    """
    errors = _unknown_fields(body, PATCH_FIELDS)
    values = _goal_fields(body, errors)
    version = None
    if body.get("version") is not None:
        version = _integer(body["version"], "version", errors, minimum=1)
    data = GoalInput(
        text=values.get("text", goal.text),
        type=values.get("type", goal.type),
        horizon=values.get("horizon", goal.horizon),
        deadline=values.get("deadline", goal.deadline),
        metric_target=values.get("metric_target", goal.metric_target),
        status=values.get("status", goal.status),
        actions=values.get("actions"),  # None keeps the goal's actions
    )
    _check_deadline(data, "deadline" in body, today, errors)
    return (None, errors) if errors else (GoalPatch(data, version), {})


def parse_status_filter(values: Iterable[str]) -> tuple[tuple[str, ...] | None, Errors]:
    """``?status=active&status=draft`` for the goal list; none given means every status."""
    statuses = tuple(values)
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown:
        return None, {"status": "Choose from: " + ", ".join(STATUSES) + "."}
    return statuses or None, {}


def parse_if_match(header: str | None) -> tuple[int | None, Errors]:
    """The goal version in an ``If-Match`` header (``"3"``, ``W/"3"`` or ``3``); ``*`` is none."""
    if header is None or header.strip() in ("", "*"):
        return None, {}
    match = _ETAG.fullmatch(header.strip())
    if match is None:
        return None, {"If-Match": 'Send the goal version as an ETag, such as "3".'}
    return int(match.group(1)), {}


# Responses ----------------------------------------------------------------


def goal_to_json(goal: Goal) -> dict[str, Any]:
    """A goal with its stored analysis and its actions, as the API returns it."""
    return {
        "id": goal.id,
        "text": goal.text,
        "type": goal.type,
        "horizon": goal.horizon,
        "deadline": _iso(goal.deadline),
        "metric_target": goal.metric_target,
        "status": goal.status,
        "score": goal.score,
        "analysis": goal.analysis,
        "actions": [
            {"id": a.id, "text": a.text, "due_date": _iso(a.due_date), "done": a.done}
            for a in goal.actions
        ],
        "version": goal.version,
        "created_at": _iso(goal.created_at),
        "updated_at": _iso(goal.updated_at),
    }


# Field checks -------------------------------------------------------------


def _goal_fields(body: Mapping[str, Any], errors: Errors) -> dict[str, Any]:
    """The valid goal fields present in ``body``; problems go to ``errors``."""
    values: dict[str, Any] = {}
    if "text" in body:
        values["text"] = _text(body["text"], "text", errors, limit=GOAL_TEXT_MAX, required=True)
    for name, allowed in (("type", GOAL_TYPES), ("horizon", HORIZONS), ("status", STATUSES)):
        if name in body:
            if body[name] in allowed:
                values[name] = body[name]
            else:
                errors[name] = "Choose one of: " + ", ".join(allowed) + "."
    if "deadline" in body:
        values["deadline"] = _date(body["deadline"], "deadline", errors)
    if "metric_target" in body:
        metric = body["metric_target"]
        values["metric_target"] = "" if metric is None else _text(
            metric, "metric_target", errors, limit=METRIC_TARGET_MAX
        )
    if "actions" in body:
        values["actions"] = _actions(body["actions"], errors)
    return values


def _actions(value: Any, errors: Errors) -> list[ActionInput] | None:
    if value is None:
        return []
    if not isinstance(value, list):
        errors["actions"] = "Send a list of actions."
        return None
    if len(value) > MAX_ACTIONS:
        errors["actions"] = (
            f"A goal has at most {MAX_ACTIONS} actions; remove {len(value) - MAX_ACTIONS} "
            "or make them a goal of their own."
        )
        return None
    actions = []
    for position, item in enumerate(value):
        name = f"actions[{position}]"
        if not isinstance(item, dict):
            errors[name] = "Send each action as an object with text, due_date and done."
            continue
        errors.update(_unknown_fields(item, ACTION_FIELDS, prefix=name + "."))
        text = _text(item.get("text"), f"{name}.text", errors, limit=ACTION_TEXT_MAX,
                     required=True)
        due_date = _date(item.get("due_date"), f"{name}.due_date", errors)
        done = item.get("done", False)
        if not isinstance(done, bool):
            errors[f"{name}.done"] = "Use true or false."
        actions.append(ActionInput(text or "", due_date, done is True))
    return actions


def _context(value: Any, errors: Errors) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        errors["context"] = "Send the context as an object."
        return {}
    errors.update(_unknown_fields(value, CONTEXT_KEYS, prefix="context."))
    context: dict[str, Any] = {}
    for name, limit in CONTEXT_TEXT_LIMITS.items():
        if value.get(name) is not None:
            context[name] = _text(value[name], f"context.{name}", errors, limit=limit)
    if value.get("months_in_role") is not None:
        context["months_in_role"] = _integer(
            value["months_in_role"], "context.months_in_role", errors,
            minimum=0, maximum=MAX_MONTHS_IN_ROLE,
        )
    if value.get("today") is not None:
        today = _date(value["today"], "context.today", errors)
        context["today"] = _iso(today)
    # An explicit null removes what the user's own context says.
    context.update({name: None for name in CONTEXT_KEYS if name in value and value[name] is None})
    return context


def _check_deadline(data: GoalInput, given: bool, today: date, errors: Errors) -> None:
    """A new deadline on an open goal must not have passed (the goal form's rule)."""
    if (given and "deadline" not in errors and data.deadline is not None
            and data.deadline < today and data.status in OPEN_STATUSES):
        errors["deadline"] = "That date has passed. Pick a deadline in the future."


def _unknown_fields(body: Mapping[str, Any], known: Iterable[str], prefix: str = "") -> Errors:
    allowed = set(known)
    return {
        f"{prefix}{name}": "Unknown field; allowed: " + ", ".join(sorted(allowed)) + "."
        for name in body
        if name not in allowed
    }


def _text(value: Any, name: str, errors: Errors, *, limit: int | None,
          required: bool = False) -> str | None:
    if not isinstance(value, str):
        errors[name] = "Write some text here." if value is None and required else "Use a string."
        return None
    if required and not value.strip():
        errors[name] = "Write some text here."
    elif limit is not None and len(value) > limit:
        errors[name] = f"Keep this to {limit} characters at most (it has {len(value)})."
    elif "\x00" in value or not _encodable(value):
        errors[name] = "Remove the NUL characters or broken surrogates from this text."
    else:
        return value
    return None


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _date(value: Any, name: str, errors: Errors) -> date | None:
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    errors[name] = "Use a date in YYYY-MM-DD form, or null."
    return None


def _integer(value: Any, name: str, errors: Errors, *, minimum: int,
             maximum: int | None = None) -> int | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # JSON has one number type: 107.0 is the whole number 107
    if isinstance(value, bool) or not isinstance(value, int):
        errors[name] = "Use a whole number."
    elif value < minimum or (maximum is not None and value > maximum):
        errors[name] = f"Use a number from {minimum}" + (f" to {maximum}." if maximum else " up.")
    else:
        return value
    return None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
