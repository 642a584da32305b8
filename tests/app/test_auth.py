"""Accounts: register, log in and out, change password, delete, export."""

import json

import pytest

from coachapp.extensions import db
from coachapp.models import User
from tests.conftest import TEST_PASSWORD


def register(client, **fields):
    data = {
        "display_name": "Ada Lovelace",
        "email": "ada@example.com",
        "password": TEST_PASSWORD,
        "confirm": TEST_PASSWORD,
        "role": "client",
    } | fields
    return client.submit("/register", data)


def test_register_logs_in_and_hashes_password(app, client):
    response = register(client)
    assert response.status_code == 302
    assert "Ada Lovelace" in client.get("/").get_data(as_text=True)
    with app.app_context():
        user = db.session.scalar(db.select(User))
        assert user.email == "ada@example.com"
        assert user.role == "client"
        assert user.password_hash.startswith("scrypt:")
        assert TEST_PASSWORD not in user.password_hash


def test_register_as_coach(app, client):
    register(client, role="coach", email="coach@example.com")
    with app.app_context():
        assert db.session.scalar(db.select(User.role)) == "coach"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": ""}, "This field is required."),
        ({"email": "not-an-email"}, "Invalid email address."),
        ({"email": "a" * 250 + "@example.com"}, "Field cannot be longer than 254 characters."),
        ({"display_name": ""}, "This field is required."),
        ({"display_name": "x" * 81}, "Field cannot be longer than 80 characters."),
        ({"password": "short", "confirm": "short"}, "Use 12 to 256 characters."),
        ({"password": "p" * 257, "confirm": "p" * 257}, "Use 12 to 256 characters."),
        ({"confirm": "something else entirely"}, "Passwords differ."),
        ({"role": "admin"}, "Not a valid choice."),
    ],
)
def test_register_validation(app, client, fields, message):
    response = register(client, **fields)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(User.id))) == 0


def test_register_duplicate_email_is_case_insensitive(make_user, client):
    make_user(email="ada@example.com")
    response = register(client, email="  ADA@Example.com ")
    assert "already exists" in response.get_data(as_text=True)


def test_long_passphrase_is_accepted(client):
    phrase = "a long passphrase " * 14
    assert register(client, password=phrase, confirm=phrase).status_code == 302


def test_login_and_logout(client, make_user, login):
    user = make_user()
    login(user)
    assert user.display_name in client.get("/").get_data(as_text=True)
    response = client.submit("/logout")
    assert response.status_code == 302
    assert client.get("/account").status_code == 302


def test_login_email_is_case_insensitive(client, make_user):
    user = make_user(email="grace@example.com")
    response = client.submit("/login", {"email": "Grace@EXAMPLE.com", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert user.display_name in client.get("/").get_data(as_text=True)


def test_login_error_does_not_reveal_whether_email_exists(client, make_user):
    make_user(email="known@example.com")
    wrong_password = client.submit("/login", {"email": "known@example.com", "password": "nope"})
    unknown_email = client.submit("/login", {"email": "ghost@example.com", "password": "nope"})
    assert wrong_password.status_code == unknown_email.status_code == 200
    text = "That email and password do not match an account."
    assert text in wrong_password.get_data(as_text=True)
    assert text in unknown_email.get_data(as_text=True)


@pytest.mark.parametrize("field", ["email", "password"])
def test_login_requires_both_fields(client, field):
    data = {"email": "a@example.com", "password": "x"} | {field: ""}
    assert "This field is required." in client.submit("/login", data).get_data(as_text=True)


def test_post_without_csrf_token_is_refused(client, make_user):
    user = make_user()
    response = client.post("/login", data={"email": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 400
    assert "nothing was saved" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("next_url", "lands_on"),
    [
        ("/account", "/account"),
        ("/account?tab=1", "/account?tab=1"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("http:/evil.example", "/"),
        ("", "/"),
    ],
)
def test_login_next_only_redirects_within_the_site(client, make_user, next_url, lands_on):
    user = make_user()
    response = client.submit(
        "/login", {"email": user.email, "password": TEST_PASSWORD, "next": next_url}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == lands_on


def test_login_page_keeps_next_from_query(client):
    page = client.get("/login?next=/account").get_data(as_text=True)
    assert 'value="/account"' in page


def test_protected_page_redirects_to_login(client):
    response = client.get("/account")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_logout_ends_copied_sessions(app, make_user, login, client):
    user = make_user()
    login(user, remember=True)
    stolen = app.test_client()
    for cookie in client._cookies.values():
        stolen.set_cookie(cookie.key, cookie.value, domain=cookie.domain)
    assert stolen.get("/account").status_code == 200
    client.submit("/logout")
    assert stolen.get("/account").status_code == 302


def test_login_starts_a_fresh_session(client, make_user):
    user = make_user()
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    client.submit("/login", {"email": user.email, "password": TEST_PASSWORD})
    with client.session_transaction() as session:
        assert "planted" not in session


def test_change_password(app, client, make_user, login):
    user = make_user()
    login(user)
    other_device = app.test_client()
    other_device.submit("/login", {"email": user.email, "password": TEST_PASSWORD})
    new = "an even better passphrase"
    response = client.submit(
        "/account/password", {"current": TEST_PASSWORD, "password": new, "confirm": new}
    )
    assert response.status_code == 302
    assert client.get("/account").status_code == 200  # this device stays logged in
    assert other_device.get("/account").status_code == 302  # others are logged out
    client.submit("/logout")
    assert client.submit("/login", {"email": user.email, "password": new}).status_code == 302


def test_change_password_requires_current_password(client, make_user, login):
    login(make_user())
    new = "an even better passphrase"
    response = client.submit(
        "/account/password", {"current": "wrong password", "password": new, "confirm": new}
    )
    assert response.status_code == 422
    assert "current password is not correct" in response.get_data(as_text=True)


def test_delete_account_removes_user_and_tokens(app, client, make_user, login, runner):
    user = make_user()
    runner.invoke(args=["create-token", user.email])
    login(user)
    response = client.submit("/account/delete", {"password": TEST_PASSWORD, "confirm": "y"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(User.id))) == 0
        assert db.session.execute(db.text("SELECT count(*) FROM api_tokens")).scalar() == 0
    assert client.get("/account").status_code == 302


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"password": "wrong password", "confirm": "y"}, "That password is not correct."),
        ({"password": TEST_PASSWORD}, "Tick the box to confirm."),
    ],
)
def test_delete_account_needs_password_and_confirmation(app, client, make_user, login, data,
                                                         message):
    login(make_user())
    response = client.submit("/account/delete", data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(User.id))) == 1


def test_export_is_json_download(client, make_user, login):
    user = make_user(name="Export Me")
    login(user)
    response = client.get("/account/export")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == user.email
    assert data["account"]["display_name"] == "Export Me"
    assert "password_hash" not in json.dumps(data)


def test_html_in_names_is_escaped(client):
    register(client, display_name="<script>alert(1)</script>")
    page = client.get("/account").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
