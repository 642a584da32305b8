"""The navigation bar: links that fit the user's role, for the features installed."""

from __future__ import annotations

from flask import current_app

from coachapp.models import User

LINKS = {
    "client": [
        ("goals.index", "Plan"),
        ("progress.index", "Progress"),
        ("interview.index", "Practice"),
    ],
    "coach": [("coach.dashboard", "Clients")],
}


def nav_links(user: User) -> list[tuple[str, str]]:
    """(endpoint, label) pairs for ``user``, skipping features this app lacks."""
    return [(e, label) for e, label in LINKS[user.role] if e in current_app.view_functions]

