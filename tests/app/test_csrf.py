"""Every state-changing route, found in the URL map, refuses a session-authenticated
request without a CSRF token; API calls with a bearer token need none."""

from __future__ import annotations

import pytest
from werkzeug.routing import Rule

from coachapp.extensions import db
from tests.conftest import TEST_PASSWORD

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")
CSRF_MESSAGE = "came from another site, so nothing was saved"


def unsafe_routes(app) -> list[tuple[str, Rule]]:
    return [(method, rule) for rule in app.url_map.iter_rules()
            for method in UNSAFE if method in rule.methods]


def url_for_rule(app, rule: Rule) -> str:
    """A URL for ``rule`` with a plausible value for every argument."""
    values = {}
    for name in rule.arguments:
        converter = rule._converters[name]
        values[name] = 1 if type(converter).__name__ in ("IntegerConverter",) else "x"
    with app.test_request_context():
        return app.url_for(rule.endpoint, **values)


def row_counts(app) -> dict[str, int]:
    with app.app_context():
        return {t.name: db.session.execute(db.select(db.func.count()).select_from(t)).scalar()
                for t in db.metadata.sorted_tables}


@pytest.mark.parametrize("who", ["client", "coach"])
def test_every_unsafe_route_refuses_a_session_request_without_a_token(app, client, demo, who):
    email = demo.client if who == "client" else demo.coach
    assert client.submit("/login", {"email": email, "password": TEST_PASSWORD}).status_code == 302
    routes = unsafe_routes(app)
    assert len(routes) >= 20
    before = row_counts(app)
    for method, rule in routes:
        url = url_for_rule(app, rule)
        for extra in ({}, {"headers": {"X-CSRFToken": "forged"}},
                      {"data": {"csrf_token": "forged"}}):
            response = client.open(url, method=method, **extra)
            assert response.status_code == 400, (method, url, extra, response.status_code)
            assert CSRF_MESSAGE in response.get_data(as_text=True), (method, url)
    assert row_counts(app) == before
    assert client.get("/account").status_code == 200  # even /logout did not log us out
    print(f"\n{who}: {len(routes)} state-changing routes refused without a token")


def test_a_token_from_another_session_is_refused(app, client, demo):
    other = app.test_client()
    other.submit("/login", {"email": demo.other_client, "password": TEST_PASSWORD})
    foreign = other.csrf_token()
    client.submit("/login", {"email": demo.client, "password": TEST_PASSWORD})
    response = client.post("/vision", data={"csrf_token": foreign, "statement": "hijacked"})
    assert response.status_code == 400


def test_bearer_token_api_calls_need_no_csrf_token(app, client, demo):
    """Token-authenticated calls are not CSRF-checked: no browser sends the header by itself."""
    auth = {"Authorization": f"Bearer {demo.api_token}"}
    api_routes = [(m, r) for m, r in unsafe_routes(app) if r.rule.startswith("/api/")]
    assert api_routes
    for method, rule in api_routes:
        response = client.open(url_for_rule(app, rule), method=method, json={}, headers=auth)
        assert CSRF_MESSAGE not in response.get_data(as_text=True), (method, rule.rule)
        assert response.status_code != 401, (method, rule.rule)


def test_a_session_cookie_alone_never_authorises_an_api_write(app, client, demo):
    client.submit("/login", {"email": demo.client, "password": TEST_PASSWORD})
    for method, rule in unsafe_routes(app):
        if rule.rule.startswith("/api/"):
            response = client.open(url_for_rule(app, rule), method=method, json={})
            assert response.status_code == 400, (method, rule.rule)
            assert response.json["error"]["code"] == "bad_request"
