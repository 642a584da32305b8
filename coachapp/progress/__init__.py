"""Progress: monthly check-ins, quarterly reviews, goal revisions, charts and a calendar feed."""

from flask import Blueprint

bp = Blueprint("progress", __name__, url_prefix="/progress")

from coachapp.progress import demo, export, views  # noqa: E402,F401  (register routes and hooks)
