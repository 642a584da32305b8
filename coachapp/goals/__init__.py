"""The goals workspace: vision, goals, actions and live SMART feedback."""

from flask import Blueprint

bp = Blueprint("goals", __name__)

from coachapp.goals import demo, export, views  # noqa: E402,F401  (register routes and hooks)
