"""The front door: the landing page and where each role starts."""

from flask import Blueprint

bp = Blueprint("main", __name__)

from coachapp.main import views  # noqa: E402,F401  (routes register on bp)
