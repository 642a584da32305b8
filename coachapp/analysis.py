"""The bridge to the analyzer: builds the context, caches results, and keeps
analyzer trouble from breaking a page (the caller gets ``None``)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from flask import Flask, current_app

import nlp
from coachapp.analysis_cache import AnalysisCache, build_cache
from coachapp.config import ConfigurationError
from coachapp.models import User

KINDS = ("goal", "answer")
LIMITS = {"goal": nlp.MAX_GOAL_CHARS, "answer": nlp.MAX_ANSWER_CHARS}


def user_context(user: User, today: date | None = None) -> dict[str, Any]:
    """What the analyzer should know about ``user``: their vision and role."""
    context: dict[str, Any] = {"today": (today or date.today()).isoformat()}
    vision = user.vision
    if vision is not None:
        for name in ("target_role", "current_role"):
            if getattr(vision, name).strip():
                context[name] = getattr(vision, name).strip()
        if vision.statement.strip():
            context["vision"] = vision.statement.strip()
        if vision.months_in_role is not None:
            context["months_in_role"] = vision.months_in_role
    return context


def content_key(kind: str, payload: Any, context: dict[str, Any]) -> str:
    """A hash naming one analysis: analyzer version, kind, text(s) and context."""
    blob = json.dumps([nlp.ANALYZER_VERSION, kind, payload, context], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def _cache() -> AnalysisCache:
    return current_app.extensions["coachapp.analysis_cache"]


def analyze_text(kind: str, text: str, context: dict[str, Any]) -> dict[str, Any] | None:
    """The analysis of ``text`` as JSON-ready data, or None if the analyzer failed.

    Raises :class:`nlp.TextTooLong` and :class:`nlp.AnalyzerInputError`, which
    are the caller's input problems, not the analyzer's.
    """
    key = content_key(kind, text, context)
    cached = _cache().get(key)
    if cached is not None:
        return cached
    analyze = nlp.analyze_goal if kind == "goal" else nlp.analyze_answer
    try:
        result = analyze(text, context).to_dict()
    except (nlp.TextTooLong, nlp.AnalyzerInputError):
        raise
    except Exception:  # the analyzer must never take a page down with it
        current_app.logger.exception("Analysis failed for a %s of %d characters", kind, len(text))
        return None
    _cache().set(key, result)
    return result


def analyze_plan(goals: list[dict[str, Any]], context: dict[str, Any]) -> dict[str, Any] | None:
    """The plan-level analysis of ``goals`` (dicts with text, type, horizon)."""
    key = content_key("plan", goals, context)
    cached = _cache().get(key)
    if cached is not None:
        return cached
    try:
        result = nlp.analyze_plan(goals, context).to_dict()
    except Exception:  # plan warnings are a bonus; never fail the dashboard over them
        current_app.logger.exception("Plan analysis failed for %d goals", len(goals))
        return None
    _cache().set(key, result)
    return result


def cache_status() -> tuple[bool, dict[str, Any]]:
    """Whether the analysis cache answers, and which backend it is (for /healthz)."""
    return _cache().status()


def init_app(app: Flask) -> None:
    app.extensions["coachapp.analysis_cache"] = build_cache(
        app.config.get("REDIS_URL"), nlp.ANALYZER_VERSION,
        app.config["ANALYSIS_CACHE_SIZE"], app.config["ANALYSIS_CACHE_TTL"],
    )
    if app.config["ANALYZER_WARM_UP"]:
        try:
            nlp.warm_up()
        except nlp.ModelNotFound as error:  # a one-line start-up error, not a traceback
            raise ConfigurationError(f"coachapp: {error}") from error
