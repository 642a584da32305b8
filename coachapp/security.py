"""Who is asking: session users, API tokens, and when CSRF applies."""

from __future__ import annotations

from flask import Flask, g, request
from flask_login import current_user
from werkzeug.exceptions import Unauthorized

from coachapp.auth.operations import user_for_api_token
from coachapp.extensions import csrf, db, login_manager
from coachapp.models import User

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@login_manager.user_loader
def load_user(session_token: str) -> User | None:
    return db.session.scalar(db.select(User).where(User.session_token == session_token))


def bearer_token() -> str | None:
    """The token of an ``Authorization: Bearer`` header, if any."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def _authenticate_request() -> None:
    """API calls with a bearer token are that token's user, whatever cookie came along.

    Requests without one fall through to Flask-Login's session user and get
    CSRF-checked when they change state.
    """
    if request.path.startswith("/api/") and request.headers.get("Authorization"):
        token = bearer_token()
        user = user_for_api_token(token) if token else None
        if user is None:
            raise Unauthorized("That API token is not valid.")
        g._login_user = user  # Flask-Login's per-request user slot
        g.token_auth = True
        return
    if request.path.startswith("/api/") and not current_user.is_authenticated:
        return  # coachapp.api answers 401 itself; no session here for a forgery to ride on
    if request.method in UNSAFE_METHODS:
        csrf.protect()


def init_app(app: Flask) -> None:
    app.before_request(_authenticate_request)
