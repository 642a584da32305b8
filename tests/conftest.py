"""Fixtures shared by the app tests: app, client, runner, users and logins.

The schema is built once per run by the real migrations, on SQLite or on the
PostgreSQL at TEST_DATABASE_URL; each test then starts from empty tables.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from itertools import count

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import MetaData, create_engine, text

from coachapp import create_app
from coachapp.extensions import db

TEST_PASSWORD = "correct horse battery staple"
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


class Client(FlaskClient):
    """A test client that can fetch a CSRF token the way a browser page would."""

    def csrf_token(self) -> str:
        match = CSRF_META.search(self.get("/").get_data(as_text=True))
        assert match, "the layout must carry a csrf-token meta tag"
        return match.group(1)

    def submit(self, path: str, data: dict | None = None, **kwargs):
        """POST a form the way the page would, CSRF token included."""
        data = {"csrf_token": self.csrf_token(), **(data or {})}
        return self.post(path, data=data, **kwargs)

    def api(self, method: str, path: str, json=None, **kwargs):
        """Call the JSON API with the session cookie and the CSRF header."""
        headers = {"X-CSRFToken": self.csrf_token(), **kwargs.pop("headers", {})}
        return self.open(path, method=method, json=json, headers=headers, **kwargs)


def _reset_schema(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        else:
            meta = MetaData()
            meta.reflect(connection)
            meta.drop_all(connection)
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
    from coachapp.config import database_url as normalise

    return normalise(url)


@pytest.fixture(scope="session")
def test_config(database_url, tmp_path_factory) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_url,
        # A cheap scrypt for tests; the default cost is tested separately.
        "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
        "ANALYZER_WARM_UP": False,
    }


@pytest.fixture(scope="session")
def _schema(database_url, test_config) -> None:
    """Build the schema once with the project's migrations."""
    from flask_migrate import upgrade

    _reset_schema(database_url)
    app = create_app(test_config)
    with app.app_context():
        upgrade(revision="heads")
        db.engine.dispose()


@pytest.fixture
def app(_schema, test_config) -> Iterator[Flask]:
    app = create_app(test_config)
    app.test_client_class = Client
    yield app
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())
        db.engine.dispose()


@pytest.fixture
def redis_url() -> Iterator[str]:
    """A real Redis at TEST_REDIS_URL (default database 15), emptied around the test.

    Skipped with a message where no Redis answers; REQUIRE_REDIS=1 (CI) makes
    that a failure instead.
    """
    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    connection = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        connection.ping()
    except redis.RedisError:
        connection.close()
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail(f"REQUIRE_REDIS is set but no Redis answers at {url}")
        pytest.skip(f"no Redis answers at {url} (set TEST_REDIS_URL to run this test)")
    connection.flushdb()
    yield url
    connection.flushdb()
    connection.close()


@pytest.fixture
def client(app) -> Client:
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_user(app):
    """Factory: ``make_user(role="coach", email=...)`` returns a saved user."""
    from coachapp.auth.operations import register_user

    numbers = count(1)

    def make(role: str = "client", email: str | None = None, name: str | None = None,
             password: str = TEST_PASSWORD):
        n = next(numbers)
        with app.app_context():
            user = register_user(email or f"{role}{n}@example.com", password,
                                 name or f"Test {role.title()} {n}", role)
            db.session.refresh(user)
            db.session.expunge(user)
            return user

    return make


@pytest.fixture
def login(client):
    """``login(user)`` logs the test client in as ``user``."""

    def do_login(user, password: str = TEST_PASSWORD, remember: bool = False):
        data = {"email": user.email, "password": password}
        if remember:
            data["remember"] = "y"
        response = client.submit("/login", data)
        assert response.status_code == 302, response.get_data(as_text=True)
        return response

    return do_login


@pytest.fixture
def client_user(make_user, login):
    """A client account, logged in on ``client``."""
    user = make_user("client")
    login(user)
    return user
