"""Interview practice: a question bank, a target job, timed answers, feedback and history."""

from flask import Blueprint

bp = Blueprint("interview", __name__, url_prefix="/interview")

from coachapp.interview import demo, export, views  # noqa: E402,F401  (register routes and hooks)
