"""The checks behind ``/healthz``: each is cheap (no parsing) and answers a :class:`Check`.

Failures are logged with their cause; the public answer names only the check,
never the exception text (the endpoint is unauthenticated).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from coachapp.analysis import cache_status
from coachapp.extensions import db
from nlp.pipeline import COMPONENT, get_pipeline, is_loaded


@dataclass
class Check:
    ok: bool
    ms: float
    critical: bool = True
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "ms": round(self.ms, 2), "critical": self.critical,
                **self.detail}


def _timed(probe, critical: bool = True) -> Check:
    start = time.perf_counter()
    ok, detail = probe()
    return Check(ok, (time.perf_counter() - start) * 1000, critical, detail)


def check_database() -> Check:
    """``SELECT 1`` on the app's database."""

    def probe():
        try:
            db.session.execute(text("SELECT 1"))
            return True, {}
        except (SQLAlchemyError, OSError):
            current_app.logger.exception("Health check: the database did not answer")
            db.session.rollback()
            return False, {"error": "the database did not answer"}

    return _timed(probe)


def check_analyzer() -> Check:
    """The spaCy model and our rule component are loaded in this process.

    No text is parsed: even a two-word parse costs milliseconds, and a load
    balancer asks every few seconds.
    """

    def probe():
        if not is_loaded():
            return False, {"error": "the language model is not loaded"}
        try:
            complete = COMPONENT in get_pipeline().pipe_names
        except Exception:  # any analyzer fault means this process cannot serve analyses
            current_app.logger.exception("Health check: the analyzer failed")
            complete = False
        return (True, {}) if complete else (False, {"error": "the analyzer failed"})

    return _timed(probe)


def check_cache() -> Check:
    """The analysis cache; not critical, since a failing Redis only costs speed."""
    return _timed(cache_status, critical=False)


def run_checks() -> dict[str, Check]:
    return {"database": check_database(), "analyzer": check_analyzer(), "cache": check_cache()}
