"""Across several gunicorn worker processes: rate limits are shared through Redis,
and concurrent read-modify-write on one goal loses no update."""

from __future__ import annotations

import json
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask_migrate import upgrade

from coachapp import create_app
from coachapp.analysis import content_key, user_context
from coachapp.auth.operations import create_api_token, register_user
from coachapp.extensions import db
from coachapp.models import Goal, User
from tests.conftest import TEST_PASSWORD
from tests.server import Browser, serve

WORKERS = 3


def _config(tmp_path, **extra) -> dict:
    return {
        "SECRET_KEY": "gunicorn-test-secret",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'served.sqlite'}",
        "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
        "ANALYZER_WARM_UP": False,
        **extra,
    }


def _prepare(config: dict):
    """Migrate the temporary database and add one client; returns (email, API token, app)."""
    app = create_app(config)
    with app.app_context():
        upgrade(revision="heads")
        user = register_user("worker@example.com", TEST_PASSWORD, "Worker", "client")
        token = create_api_token(user, "test")
        return user.email, token, app


def test_rate_limits_hold_across_gunicorn_workers_with_redis(tmp_path, redis_url):
    config = _config(tmp_path, REDIS_URL=redis_url, REGISTRATION_LIMIT="10 per hour",
                     LOGIN_ACCOUNT_LIMIT="10 per 5 minutes")
    email, _token, _app = _prepare(config)
    with serve(config, tmp_path, WORKERS) as server:
        # Fifteen people register at once from one address: exactly ten get in.
        def register(n: int) -> int:
            browser = Browser(server)
            browser.get("/register")
            return browser.post_form("/register", {
                "display_name": f"Person {n}", "email": f"person{n}@example.com",
                "password": TEST_PASSWORD, "confirm": TEST_PASSWORD, "role": "client",
            }).status

        with ThreadPoolExecutor(max_workers=15) as pool:
            statuses = Counter(pool.map(register, range(15)))
        assert statuses == {302: 10, 429: 5}

        # Failed logins for one account, each on a new connection: the 11th is refused.
        browser = Browser(server)
        browser.get("/login")
        replies = [browser.post_form("/login", {"email": email, "password": "wrong guess"})
                   for _ in range(12)]
        log = server.access_log()
    assert [r.status for r in replies] == [200] * 10 + [429, 429]
    assert int(replies[-1].headers["retry-after"]) > 0
    register_pids = {pid for pid, method, path, _ in log
                     if method == "POST" and path == "/register"}
    login_pids = {pid for pid, method, path, _ in log if method == "POST" and path == "/login"}
    print(f"\nregistrations served by {len(register_pids)} workers, "
          f"failed logins by {len(login_pids)}")
    # With per-process counters, each worker would have let ten in.
    assert len(register_pids) >= 2, "the registrations all landed on one worker"


WRITERS = 4
ROUNDS = 8


def test_concurrent_read_modify_write_on_one_goal_loses_no_update(tmp_path):
    config = _config(tmp_path)
    _email, token, app = _prepare(config)
    with app.app_context():
        user = db.session.scalar(db.select(User))
        text = "Publish 12 articles on data engineering by December."
        # A stored analysis for this text and context, so no worker loads spaCy.
        goal = Goal(user=user, text=text, metric_target="0", status="active",
                    analysis={"findings": [], "smart": {}}, score=100,
                    analysis_key=content_key("goal", text, user_context(user)))
        db.session.add(goal)
        db.session.commit()
        goal_id = goal.id
    auth = {"Authorization": f"Bearer {token}"}

    with serve(config, tmp_path, WORKERS) as server:
        def writer(_n: int) -> Counter:
            outcomes: Counter = Counter()
            for _ in range(ROUNDS):
                current = server.request("GET", f"/api/goals/{goal_id}", headers=auth).json()
                body = json.dumps({"metric_target": str(int(current["metric_target"]) + 1),
                                   "version": current["version"]}).encode()
                reply = server.request("PATCH", f"/api/goals/{goal_id}", body,
                                       {**auth, "Content-Type": "application/json"})
                outcomes[reply.status] += 1
                if reply.status == 409:
                    assert reply.json()["error"]["code"] == "conflict"
            return outcomes

        with ThreadPoolExecutor(max_workers=WRITERS) as pool:
            outcomes = sum(pool.map(writer, range(WRITERS)), Counter())
        final = server.request("GET", f"/api/goals/{goal_id}", headers=auth).json()
        log = server.access_log()
    landed = outcomes[200]
    pids = {pid for pid, method, *_ in log if method == "PATCH"}
    print(f"\n{WRITERS} writers x {ROUNDS} rounds on {len(pids)} workers: {landed} landed, "
          f"{outcomes[409]} got 409, lost {landed - int(final['metric_target'])}")
    assert set(outcomes) <= {200, 409}, outcomes  # never a 500 or 503
    assert landed >= 1
    assert int(final["metric_target"]) == landed  # every landed increment is there
    assert final["version"] == 1 + landed
    if len(pids) < 2:
        pytest.fail("the writes all landed on one worker")
