"""The "download all my data" export, assembled from each feature's section."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coachapp.models.user import User

ExportSection = Callable[[User], Any]
_sections: dict[str, ExportSection] = {}


def export_section(name: str) -> Callable[[ExportSection], ExportSection]:
    """Register a function that returns one part of a user's export."""

    def register(func: ExportSection) -> ExportSection:
        _sections[name] = func
        return func

    return register


@export_section("account")
def _account(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "display_name": user.display_name,
        "role": user.role,
        "created_at": user.created_at.isoformat(),
        "api_tokens": [
            {"name": t.name, "created_at": t.created_at.isoformat()} for t in user.api_tokens
        ],
    }


def export_user_data(user: User) -> dict[str, Any]:
    """Everything stored about ``user``, as plain JSON-ready data."""
    return {"format": "coachapp-export/1"} | {name: f(user) for name, f in _sections.items()}
