"""The navigation bar: links that fit the user's role, for the features installed."""

from __future__ import annotations

from flask import current_app, request

from coachapp.models import User

LINKS = {
    "client": [
        ("goals.index", "Plan"),
        ("progress.index", "Progress"),
        ("interview.index", "Practice"),
        ("coach.my_coach", "Coach"),
        ("coach.news", "What's new"),
    ],
    "coach": [("coach.dashboard", "Clients"), ("coach.news", "What's new")],
}
# Links that are current only on their own page, not on every page of their blueprint.
EXACT = {"coach.news"}


def nav_links(user: User) -> list[tuple[str, str]]:
    """(endpoint, label) pairs for ``user``, skipping features this app lacks."""
    return [(e, label) for e, label in LINKS[user.role] if e in current_app.view_functions]



def nav_current(endpoint: str) -> bool:
    """Whether the link to ``endpoint`` marks the page being shown."""
    current = request.endpoint or ""
    if current == endpoint:
        return True
    if endpoint in EXACT or current in EXACT:
        return False
    return current.split(".")[0] == endpoint.split(".")[0]
