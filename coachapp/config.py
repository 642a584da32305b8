"""Layered configuration: defaults, then ``instance/config.py``, then the
environment, then the test mapping. Nothing here reads the environment at
import time."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar

from flask import Flask

PRODUCTION_NAMES = {"production", "prod"}


class ConfigurationError(SystemExit):
    """The app cannot start as configured.

    A :class:`SystemExit`, so ``flask`` and ``gunicorn`` print the one-line
    message and exit with status 1 instead of showing a traceback.
    """


class Defaults:
    """Settings every environment starts from."""

    COACHAPP_ENV = "development"
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict[str, Any]] = {"pool_pre_ping": True}
    REDIS_URL: str | None = None
    MAX_CONTENT_LENGTH = 1024 * 1024
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    # A session unused this long ends (remember-me logins resume from their cookie).
    SESSION_IDLE_TIMEOUT = timedelta(hours=2)
    # Flask-WTF tokens expire with the session rather than after an hour, so a
    # goal page left open all afternoon still saves.
    WTF_CSRF_TIME_LIMIT = None
    # CSRF is checked in coachapp.security, which exempts token-authenticated API calls.
    WTF_CSRF_CHECK_DEFAULT = False
    # OWASP: scrypt with N=2^17, r=8, p=1.
    PASSWORD_HASH_METHOD = "scrypt:131072:8:1"  # noqa: S105 (a method, not a password)
    # The demo accounts' shared password, printed by `seed-demo`; not a secret.
    DEMO_PASSWORD = "coachapp-demo"  # noqa: S105 (published demo login, not a secret)
    # Load the spaCy model at start-up (before gunicorn forks) rather than on
    # the first keystroke; tests load it lazily, once per process.
    ANALYZER_WARM_UP = True
    ANALYSIS_CACHE_SIZE = 4096  # entries of the in-process LRU (without REDIS_URL)
    ANALYSIS_CACHE_TTL = 7 * 24 * 3600  # seconds an analysis stays in Redis
    # Rate limits (coachapp.ratelimits); counters in Redis when REDIS_URL is set.
    RATELIMIT_ENABLED = True  # set on every app: Flask-Limiter keeps the flag across apps
    RATELIMIT_STRATEGY = "moving-window"
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_KEY_PREFIX = "coachapp"
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    LOGIN_ACCOUNT_LIMIT = "10 per 5 minutes"  # failed logins for one email
    LOGIN_ADDRESS_LIMIT = "30 per 5 minutes"  # failed logins from one address
    REGISTRATION_LIMIT = "10 per hour"
    # Live typing sends a request 250 ms after the last keystroke: 10 a second is ample.
    ANALYSIS_LIMIT = "10 per second;300 per minute"


def database_url(raw: str) -> str:
    """Normalise a DATABASE_URL so that PostgreSQL always uses psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix):]
    return raw


def _development_secret(instance: Path) -> str:
    """Generate a secret key once and keep it in the instance folder."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def load_config(app: Flask, test_config: dict[str, Any] | None) -> None:
    """Fill ``app.config`` from every layer and check it can run."""
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)

    app.config.from_object(Defaults)
    app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'coachapp.sqlite'}"
    app.config.from_pyfile("config.py", silent=True)

    env = os.environ
    if env.get("COACHAPP_ENV") or env.get("FLASK_ENV"):
        app.config["COACHAPP_ENV"] = env.get("COACHAPP_ENV") or env["FLASK_ENV"]
    for name in ("SECRET_KEY", "REDIS_URL"):
        if env.get(name):
            app.config[name] = env[name]
    if env.get("DATABASE_URL"):
        app.config["SQLALCHEMY_DATABASE_URI"] = env["DATABASE_URL"]

    if test_config:
        app.config.update(test_config)

    app.config["SQLALCHEMY_DATABASE_URI"] = database_url(app.config["SQLALCHEMY_DATABASE_URI"])
    production = app.config["COACHAPP_ENV"] in PRODUCTION_NAMES
    app.config["PRODUCTION"] = production
    if production:
        if not app.config.get("SECRET_KEY"):
            raise ConfigurationError(
                "coachapp: SECRET_KEY must be set in production (COACHAPP_ENV=production)."
            )
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True
    elif not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _development_secret(instance)
