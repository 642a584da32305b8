"""The JSON API under /api: analysis and goals, for the live page and for scripts."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api")

from coachapp.api import views  # noqa: E402,F401  (routes register on bp)
