"""Rate limits (Flask-Limiter): failed logins, registrations and text analysis.

The numbers live in the config (``*_LIMIT``); the counters live in Redis when
``REDIS_URL`` is set, so every worker and host shares them, and in memory
otherwise. A request over a limit gets 429 with ``Retry-After``.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, Response, current_app, request
from flask_limiter.util import get_remote_address
from flask_login import current_user

from coachapp.extensions import limiter

TRY_LATER = "Too many attempts. Please wait a moment and try again."


def _configured(name: str) -> Callable[[], str]:
    return lambda: current_app.config[name]


def _account_key() -> str:
    """The account a login is for; an empty email skips this limit."""
    from coachapp.auth.operations import normalise_email  # auth's views import this module

    email = normalise_email(request.form.get("email", ""))
    return f"account:{email}" if email else ""


def _user_key() -> str:
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"ip:{get_remote_address()}"


def _login_failed(response: Response) -> bool:
    """Only failed logins count: a successful one redirects."""
    return response.status_code != 302


def login_limits(view: Callable) -> Callable:
    """Failed logins, counted per account and per client address."""
    per_account = limiter.limit(
        _configured("LOGIN_ACCOUNT_LIMIT"), key_func=_account_key, methods=["POST"],
        deduct_when=_login_failed, scope="login-account", error_message=TRY_LATER,
    )
    per_address = limiter.limit(
        _configured("LOGIN_ADDRESS_LIMIT"), methods=["POST"], deduct_when=_login_failed,
        scope="login-address", error_message=TRY_LATER,
    )
    return per_account(per_address(view))


registration_limit = limiter.limit(
    _configured("REGISTRATION_LIMIT"), methods=["POST"], scope="register",
    error_message="Too many new accounts from here. Please try again later.",
)

# One budget per user across every endpoint that runs the analyzer.
analysis_limit = limiter.shared_limit(
    _configured("ANALYSIS_LIMIT"), scope="analysis", key_func=_user_key,
    error_message="Checking paused for a moment; keep typing.",
)


def init_app(app: Flask) -> None:
    """Bind the limiter; call after :mod:`coachapp.security`, whose user the keys read."""
    if app.config.get("REDIS_URL"):
        app.config.setdefault("RATELIMIT_STORAGE_URI", app.config["REDIS_URL"])
        app.config.setdefault("RATELIMIT_STORAGE_OPTIONS",
                              {"socket_connect_timeout": 1, "socket_timeout": 1})
    else:
        app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    limiter.init_app(app)
