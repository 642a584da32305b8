"""Coach review: invite codes and links, the client list, plan review with comments
and decisions on the analyzer's flags, private notes, and what's new for everyone."""

from flask import Blueprint

bp = Blueprint("coach", __name__)

from coachapp.coach import demo, export, views  # noqa: E402,F401  (register routes and hooks)
