"""``/healthz``: is this process ready to serve (database reachable, model loaded)?"""

from flask import Blueprint

bp = Blueprint("health", __name__)

from coachapp.health import views  # noqa: E402,F401  (routes register on bp)
