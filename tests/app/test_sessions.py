"""Sessions end everywhere on logout, password change and deletion; cookies are
hardened; remember-me is capped at 30 days; idle sessions expire."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest

from coachapp.sessions import LAST_SEEN
from tests.conftest import CSRF_META, TEST_PASSWORD, Client


def _captured(app, client, names=("session", "remember_token")) -> Client:
    """A second browser holding copies of ``client``'s cookies, as a thief would."""
    thief = app.test_client()
    for name in names:
        cookie = client.get_cookie(name)
        assert cookie is not None, f"no {name} cookie to capture"
        thief.set_cookie(name, cookie.value)
    return thief


def _remember_only(app, client) -> Client:
    return _captured(app, client, names=("remember_token",))


def test_remember_me_cookie_alone_logs_in_and_stays_logged_in(app, client, make_user, login):
    login(make_user(), remember=True)
    browser = _remember_only(app, client)
    # The restored session must survive the next requests too (strong session protection).
    assert [browser.get("/account").status_code for _ in range(3)] == [200, 200, 200]


@pytest.mark.parametrize("end", ["logout", "password", "delete"])
def test_captured_cookies_are_refused_after_the_session_ends(app, client, make_user, login, end):
    login(make_user(), remember=True)
    stolen_session = _captured(app, client, names=("session",))
    stolen_remember = _remember_only(app, client)
    assert stolen_session.get("/account").status_code == 200
    if end == "logout":
        client.submit("/logout")
    elif end == "password":
        new = "a brand new passphrase"
        response = client.submit("/account/password",
                                 {"current": TEST_PASSWORD, "password": new, "confirm": new})
        assert response.status_code == 302
    else:
        response = client.submit("/account/delete", {"password": TEST_PASSWORD, "confirm": "y"})
        assert response.status_code == 302
    for thief in (stolen_session, stolen_remember):
        response = thief.get("/account")
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login")


def test_remember_me_lasts_at_most_30_days(app, client, make_user, login):
    assert app.config["REMEMBER_COOKIE_DURATION"] <= timedelta(days=30)
    response = login(make_user(), remember=True)
    cookie = next(h for h in response.headers.getlist("Set-Cookie")
                  if h.startswith("remember_token="))
    expires = next(part.split("=", 1)[1] for part in cookie.split("; ")
                   if part.lower().startswith("expires="))
    assert parsedate_to_datetime(expires) <= datetime.now(UTC) + timedelta(days=30, minutes=1)


@pytest.fixture
def production_app(make_app, monkeypatch):
    monkeypatch.delenv("COACHAPP_ENV", raising=False)
    return make_app(COACHAPP_ENV="production")


def test_production_cookies_are_secure_httponly_and_lax(production_app, make_user):
    user = make_user()
    browser = production_app.test_client()
    page = browser.get("https://localhost/login").get_data(as_text=True)
    token = CSRF_META.search(page).group(1)
    response = browser.post(
        "https://localhost/login", headers={"Referer": "https://localhost/login"},
        data={"csrf_token": token, "email": user.email, "password": TEST_PASSWORD,
              "remember": "y"},
    )
    assert response.status_code == 302
    cookies = {h.split("=", 1)[0]: h for h in response.headers.getlist("Set-Cookie")}
    assert {"session", "remember_token"} <= cookies.keys()
    for name in ("session", "remember_token"):
        flags = [part.strip().lower() for part in cookies[name].split(";")]
        assert "secure" in flags and "httponly" in flags and "samesite=lax" in flags, name


def test_development_cookies_are_httponly_and_lax(client, make_user, login):
    response = login(make_user(), remember=True)
    for header in response.headers.getlist("Set-Cookie"):
        flags = [part.strip().lower() for part in header.split(";")]
        assert "httponly" in flags and "samesite=lax" in flags, header


def _idle(client, minutes: int) -> None:
    with client.session_transaction() as session:
        session[LAST_SEEN] = int(time.time()) - minutes * 60


def test_idle_session_expires(app, client, make_user, login):
    app.config["SESSION_IDLE_TIMEOUT"] = timedelta(minutes=30)
    login(make_user())
    assert client.get("/account").status_code == 200
    _idle(client, 29)
    assert client.get("/account").status_code == 200  # activity within the limit
    _idle(client, 31)
    response = client.get("/account")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_idle_timeout_is_configurable(app, client, make_user, login):
    app.config["SESSION_IDLE_TIMEOUT"] = timedelta(hours=8)
    login(make_user())
    _idle(client, 4 * 60)
    assert client.get("/account").status_code == 200


def test_idle_remember_me_session_resumes_from_its_cookie(app, client, make_user, login):
    app.config["SESSION_IDLE_TIMEOUT"] = timedelta(minutes=30)
    login(make_user(), remember=True)
    _idle(client, 31)
    assert client.get("/account").status_code == 200
    assert client.get("/account").status_code == 200


@pytest.mark.parametrize("next_url", [
    "//evil.example", "///evil.example", "////evil.example", "/\\evil.example",
    "\\\\evil.example", "https://evil.example/account", "https:evil.example",
    "http:/\\evil.example", " //evil.example", "/\t/evil.example", "/%0a/evil.example\r\n",
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
    "//evil.example@localhost", "/\x00//evil.example", "\u3002evil.example", "%2F%2Fevil.example",
])
def test_hostile_next_never_leaves_the_site(client, make_user, next_url):
    user = make_user()
    response = client.submit("/login", {"email": user.email, "password": TEST_PASSWORD,
                                        "next": next_url})
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location
