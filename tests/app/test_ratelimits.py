"""Rate limits: failed logins per account and per address, registrations, and the
analyzer per user (with a burst that keeps live typing fluid)."""

from __future__ import annotations

from limits.storage import MemoryStorage, RedisStorage

from coachapp.extensions import limiter
from tests.conftest import TEST_PASSWORD


def _login(client, email: str, password: str, token: str):
    return client.post("/login", data={"csrf_token": token, "email": email,
                                       "password": password})


def _assert_limited(response) -> None:
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0


def test_failed_logins_are_limited_per_account(client, make_user):
    user, other = make_user(), make_user()
    token = client.csrf_token()
    for _ in range(10):
        assert _login(client, user.email, "wrong password", token).status_code == 200
    blocked = _login(client, user.email, TEST_PASSWORD, token)  # even the right password
    _assert_limited(blocked)
    assert "Too many attempts" in blocked.get_data(as_text=True)
    # The same address may still log in to another account.
    assert _login(client, other.email, TEST_PASSWORD, token).status_code == 302


def test_account_limit_ignores_the_case_of_the_email(client, make_user):
    user = make_user(email="case@example.com")
    token = client.csrf_token()
    for n in range(10):
        email = "CASE@example.com" if n % 2 else user.email
        _login(client, email, "wrong password", token)
    _assert_limited(_login(client, "Case@Example.com", "wrong password", token))


def test_failed_logins_are_limited_per_address(app, client, make_user):
    app.config["LOGIN_ADDRESS_LIMIT"] = "5 per 5 minutes"
    token = client.csrf_token()
    for n in range(5):  # five accounts, each well under its own limit
        assert _login(client, f"nobody{n}@example.com", "guess", token).status_code == 200
    _assert_limited(_login(client, "nobody9@example.com", "guess", token))
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert _login(elsewhere, "nobody9@example.com", "guess",
                  elsewhere.csrf_token()).status_code == 200


def test_successful_logins_do_not_count(client, make_user):
    user = make_user()
    for _ in range(12):
        assert _login(client, user.email, TEST_PASSWORD, client.csrf_token()).status_code == 302
        client.submit("/logout")


def test_registrations_are_limited_per_address(app, client):
    app.config["REGISTRATION_LIMIT"] = "3 per hour"
    for n in range(4):
        password = TEST_PASSWORD
        response = client.submit("/register", {
            "display_name": f"New {n}", "email": f"new{n}@example.com", "password": password,
            "confirm": password, "role": "client",
        })
        if n < 3:
            assert response.status_code == 302
            client.submit("/logout")
    _assert_limited(response)


def test_live_typing_burst_is_allowed_with_the_default_limit(client, client_user):
    token = client.csrf_token()
    for n in range(10):  # ten requests in well under a second, as fast typing would send
        response = client.post("/goals/feedback", data={"text": f"Lead {n} projects by June"},
                               headers={"X-CSRFToken": token})
        assert response.status_code == 200


def test_analysis_is_limited_per_user_across_endpoints(app, client, client_user, make_user):
    app.config["ANALYSIS_LIMIT"] = "6 per minute"
    token = client.csrf_token()
    for n in range(3):
        assert client.post("/goals/feedback", data={"text": f"goal {n}"},
                           headers={"X-CSRFToken": token}).status_code == 200
        assert client.post("/api/analyze", json={"kind": "goal", "text": f"goal {n}"},
                           headers={"X-CSRFToken": token}).status_code == 200
    response = client.post("/api/analyze", json={"kind": "goal", "text": "one more"},
                           headers={"X-CSRFToken": token})
    _assert_limited(response)
    assert response.json["error"]["code"] == "rate_limited"
    for path in ("/goals/feedback", "/interview/sets/1/career-goals/feedback"):
        assert client.post(path, data={"text": "x"},
                           headers={"X-CSRFToken": token}).status_code == 429
    # Another user behind the same address has a budget of their own.
    other = app.test_client()
    other.submit("/login", {"email": make_user().email, "password": TEST_PASSWORD})
    assert other.api("POST", "/api/analyze", json={"kind": "goal", "text": "mine"}).status_code \
        == 200


def test_storage_is_memory_without_redis(app):
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"
    assert isinstance(limiter.storage, MemoryStorage)


def test_redis_storage_is_shared_between_app_instances(make_app, make_user, redis_url):
    """Two app instances (as two workers would be) count against one Redis."""
    config = {"REDIS_URL": redis_url, "LOGIN_ACCOUNT_LIMIT": "4 per 5 minutes"}
    first, second = make_app(**config), make_app(**config)
    assert isinstance(limiter.storage, RedisStorage)
    user = make_user()
    one, two = first.test_client(), second.test_client()
    for client in (one, two, one, two):
        assert _login(client, user.email, "wrong", client.csrf_token()).status_code == 200
    _assert_limited(_login(one, user.email, "wrong", one.csrf_token()))
    _assert_limited(_login(two, user.email, TEST_PASSWORD, two.csrf_token()))
