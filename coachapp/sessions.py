"""Session lifetime: an idle timeout, and remember-me logins that survive strong protection."""

from __future__ import annotations

import time

from flask import Flask, current_app, session
from flask_login import user_loaded_from_cookie

from coachapp.extensions import login_manager

LAST_SEEN = "_seen"
# Writing the timestamp back costs a Set-Cookie; only refresh it this often.
REFRESH_SECONDS = 30


def _expire_idle_session() -> None:
    """End a session that has been idle for longer than ``SESSION_IDLE_TIMEOUT``.

    A person who ticked "keep me logged in" is logged back in from the
    remember-me cookie (still bound to their session token); everyone else
    sees the login page on their next protected request.
    """
    timeout = current_app.config.get("SESSION_IDLE_TIMEOUT")
    if not timeout or "_user_id" not in session:
        return
    now = int(time.time())
    seen = session.get(LAST_SEEN)
    if isinstance(seen, int) and now - seen > timeout.total_seconds():
        session.clear()
        return
    if not isinstance(seen, int) or now - seen >= REFRESH_SECONDS:
        session[LAST_SEEN] = now


@user_loaded_from_cookie.connect
def _bind_restored_session(_app, user) -> None:
    """Give a session restored from the remember-me cookie the identifier of this client.

    Flask-Login does not set it, so with ``session_protection = "strong"`` the
    next request would throw the fresh session (and the cookie) away.
    """
    session["_id"] = login_manager._session_identifier_generator()
    session[LAST_SEEN] = int(time.time())


def init_app(app: Flask) -> None:
    app.before_request(_expire_idle_session)
