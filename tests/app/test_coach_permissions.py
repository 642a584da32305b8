"""The permission matrix: every route × anonymous, client A, client B, coach of A and
another coach, with URL parameters pointing at client A's data.

Each route's row is written out below; a route missing from the table fails
the test, so every new route has to be classified here.
"""

from __future__ import annotations

import pytest

from coachapp import create_app
from coachapp.extensions import db
from tests.app.coach_world import build_world
from tests.conftest import TEST_PASSWORD

ACTORS = ("anonymous", "client_a", "client_b", "coach_a", "coach_b")
# The order requests are made in: whoever may change client A's data goes last.
RUN_ORDER = ("anonymous", "client_b", "coach_b", "coach_a", "client_a")

OK, FOUND, LOGIN = 200, 302, "login"  # LOGIN: 302 to the login page, with ?next=
NO_CONTENT, BAD, UNAUTH, FORBIDDEN, MISSING, INVALID = 204, 400, 401, 403, 404, 422


def row(anonymous, client_a, client_b, coach_a, coach_b):
    return dict(zip(ACTORS, (anonymous, client_a, client_b, coach_a, coach_b), strict=True))


def everyone(outcome):
    return row(outcome, outcome, outcome, outcome, outcome)


def logged_in(outcome, anonymous=LOGIN):
    return row(anonymous, outcome, outcome, outcome, outcome)


# A client's own pages: A gets them, B gets 404 for A's ids, coaches are not clients.
OWN = row(LOGIN, OK, MISSING, FORBIDDEN, FORBIDDEN)
OWN_NO_ID = row(LOGIN, OK, OK, FORBIDDEN, FORBIDDEN)
# The coach's pages about client A: only A's coach; another coach gets 404.
COACH_OF_A = row(LOGIN, FORBIDDEN, FORBIDDEN, OK, MISSING)
API_OWN = row(UNAUTH, OK, MISSING, FORBIDDEN, FORBIDDEN)

# (endpoint, method) -> expected outcome per actor. POSTs carry a valid CSRF token
# and otherwise empty forms, so an allowed user sees the form's answer (302, 400 or 422).
EXPECTED = {
    ("main.home", "GET"): everyone(OK),
    ("health.healthz", "GET"): everyone(OK),
    ("auth.register", "GET"): row(OK, FOUND, FOUND, FOUND, FOUND),
    ("auth.register", "POST"): row(OK, FOUND, FOUND, FOUND, FOUND),
    ("auth.login", "GET"): everyone(OK),
    ("auth.login", "POST"): everyone(OK),
    ("auth.logout", "POST"): logged_in(FOUND),
    ("auth.account", "GET"): logged_in(OK),
    ("auth.password", "POST"): logged_in(INVALID),
    ("auth.delete", "POST"): logged_in(INVALID),
    ("auth.export", "GET"): logged_in(OK),
    # API: 401 without a session, clients only, 404 for others' goals.
    ("api.csrf_token", "GET"): everyone(OK),
    ("api.openapi", "GET"): everyone(OK),
    ("api.analyze", "POST"): logged_in(INVALID, anonymous=UNAUTH),
    ("api.goals", "GET"): row(UNAUTH, OK, OK, FORBIDDEN, FORBIDDEN),
    ("api.create_goal", "POST"): row(UNAUTH, INVALID, INVALID, FORBIDDEN, FORBIDDEN),
    ("api.plan", "GET"): row(UNAUTH, OK, OK, FORBIDDEN, FORBIDDEN),
    ("api.goal", "GET"): API_OWN,
    ("api.update_goal", "PATCH"): API_OWN,
    ("api.delete_goal", "DELETE"): row(UNAUTH, NO_CONTENT, MISSING, FORBIDDEN, FORBIDDEN),
    # Goals workspace
    ("goals.index", "GET"): OWN_NO_ID,
    ("goals.vision", "GET"): OWN_NO_ID,
    ("goals.vision", "POST"): row(LOGIN, FOUND, FOUND, FORBIDDEN, FORBIDDEN),
    ("goals.new", "GET"): OWN_NO_ID,
    ("goals.new", "POST"): row(LOGIN, INVALID, INVALID, FORBIDDEN, FORBIDDEN),
    ("goals.feedback", "POST"): OWN_NO_ID,
    ("goals.detail", "GET"): OWN,
    ("goals.edit", "GET"): OWN,
    # An edit form posted without fields keeps the goal's values, so it saves.
    ("goals.edit", "POST"): row(LOGIN, FOUND, MISSING, FORBIDDEN, FORBIDDEN),
    ("goals.set_status", "POST"): row(LOGIN, FOUND, MISSING, FORBIDDEN, FORBIDDEN),
    ("goals.toggle_action", "POST"): row(LOGIN, FOUND, MISSING, FORBIDDEN, FORBIDDEN),
    ("goals.delete", "GET"): OWN,
    ("goals.delete", "POST"): row(LOGIN, FOUND, MISSING, FORBIDDEN, FORBIDDEN),
    # Progress
    ("progress.index", "GET"): OWN_NO_ID,
    ("progress.goal", "GET"): OWN,
    ("progress.check_in", "GET"): OWN,
    ("progress.check_in", "POST"): row(LOGIN, INVALID, MISSING, FORBIDDEN, FORBIDDEN),
    ("progress.drop", "GET"): OWN,
    ("progress.drop", "POST"): row(LOGIN, INVALID, MISSING, FORBIDDEN, FORBIDDEN),
    ("progress.explain_revision", "GET"): row(LOGIN, FOUND, MISSING, FORBIDDEN, FORBIDDEN),
    ("progress.explain_revision", "POST"): row(LOGIN, FOUND, MISSING, FORBIDDEN, FORBIDDEN),
    ("progress.review", "GET"): OWN_NO_ID,
    ("progress.review", "POST"): OWN_NO_ID,  # no answers: the review page again
    ("progress.calendar", "GET"): OWN_NO_ID,
    ("progress.calendar", "POST"): row(LOGIN, FOUND, FOUND, FORBIDDEN, FORBIDDEN),
    ("progress.new_calendar_token", "POST"): OWN_NO_ID,
    ("progress.revoke_calendar_token", "POST"): row(LOGIN, FOUND, FOUND, FORBIDDEN,
                                                    FORBIDDEN),
    ("progress.feed", "GET"): everyone(OK),  # the private token in the URL is the key
    ("progress.print_plan", "GET"): OWN_NO_ID,
    ("progress.plan_md", "GET"): OWN_NO_ID,
    # Interview practice
    ("interview.index", "GET"): OWN_NO_ID,
    ("interview.new_set", "GET"): OWN_NO_ID,
    ("interview.new_set", "POST"): row(LOGIN, INVALID, INVALID, FORBIDDEN, FORBIDDEN),
    ("interview.practice_set", "GET"): OWN,
    ("interview.edit_set", "GET"): OWN,
    ("interview.edit_set", "POST"): row(LOGIN, FOUND, MISSING, FORBIDDEN, FORBIDDEN),
    ("interview.delete_set", "GET"): OWN,
    ("interview.delete_set", "POST"): row(LOGIN, FOUND, MISSING, FORBIDDEN, FORBIDDEN),
    ("interview.answer", "GET"): OWN,
    ("interview.answer", "POST"): row(LOGIN, INVALID, MISSING, FORBIDDEN, FORBIDDEN),
    ("interview.feedback", "POST"): OWN,
    ("interview.attempt", "GET"): OWN,
    ("interview.history", "GET"): OWN,
    ("interview.compare", "GET"): row(LOGIN, BAD, MISSING, FORBIDDEN, FORBIDDEN),
    # Coach review: the coach's side
    ("coach.dashboard", "GET"): row(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK),
    ("coach.regenerate_invite", "POST"): row(LOGIN, FORBIDDEN, FORBIDDEN, FOUND, FOUND),
    ("coach.client", "GET"): COACH_OF_A,
    ("coach.end_client", "POST"): row(LOGIN, FORBIDDEN, FORBIDDEN, FOUND, MISSING),
    ("coach.add_note", "POST"): row(LOGIN, FORBIDDEN, FORBIDDEN, FOUND, MISSING),
    ("coach.delete_note", "POST"): row(LOGIN, FORBIDDEN, FORBIDDEN, FOUND, MISSING),
    ("coach.decide_finding", "POST"): row(LOGIN, FORBIDDEN, FORBIDDEN, FOUND, MISSING),
    ("coach.review_goal", "POST"): row(LOGIN, FORBIDDEN, FORBIDDEN, FOUND, MISSING),
    # Coach review: the client's side
    ("coach.my_coach", "GET"): OWN_NO_ID,
    ("coach.link", "POST"): row(LOGIN, INVALID, INVALID, FORBIDDEN, FORBIDDEN),
    ("coach.end_coach", "POST"): row(LOGIN, FOUND, FOUND, FORBIDDEN, FORBIDDEN),
    ("coach.submit_goal", "POST"): row(LOGIN, FOUND, MISSING, FORBIDDEN, FORBIDDEN),
    # Both: threads (owner or their coach), what's new (everyone their own)
    ("coach.comment", "POST"): row(LOGIN, FOUND, MISSING, FOUND, MISSING),
    ("coach.news", "GET"): logged_in(OK),
    ("coach.mark_read", "POST"): logged_in(FOUND),
}
SKIPPED = {"static"}


def _params(world) -> dict:
    """URL parameters, all pointing at client A's data."""
    return {
        "goal_id": world.goal_id, "action_id": world.action_id, "set_id": world.set_id,
        "attempt_id": world.attempt_id, "question_id": "career_goals", "status": "active",
        "token": world.calendar_token, "client_id": world.client_a.id,
        "note_id": world.note_id, "kind": "goal", "target_id": world.goal_id,
    }


def _routes() -> list[tuple[str, str, str]]:
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "ANALYZER_WARM_UP": False,
                      "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in SKIPPED:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((rule.endpoint, method, rule.rule))
    return sorted(found)


ROUTES = _routes()


def test_every_route_has_an_expectation():
    missing = [(e, m) for e, m, _ in ROUTES if (e, m) not in EXPECTED]
    stale = set(EXPECTED) - {(e, m) for e, m, _ in ROUTES}
    assert not missing, f"classify these routes in EXPECTED: {missing}"
    assert not stale, f"these expectations name routes that no longer exist: {stale}"


def _outcome(response):
    location = response.headers.get("Location", "")
    if response.status_code == 302 and location.startswith("/login?next="):
        return LOGIN
    return response.status_code


def _request(app, actor, world, endpoint, method):
    client = app.test_client()
    person = getattr(world, actor, None)
    if person is not None:
        response = client.submit("/login", {"email": person.email, "password": TEST_PASSWORD})
        assert response.status_code == 302
    with app.test_request_context():
        from flask import url_for

        rule = next(r for r in app.url_map.iter_rules(endpoint))
        url = url_for(endpoint, **{k: v for k, v in _params(world).items()
                                   if k in rule.arguments})
    if method == "GET":
        return client.get(url)
    if url.startswith("/api/"):
        return client.api(method, url, json={})
    return client.open(url, method=method, data={"csrf_token": client.csrf_token()})


@pytest.mark.parametrize(("endpoint", "method", "path"), ROUTES,
                         ids=[f"{m} {p}" for _, m, p in ROUTES])
def test_permission_matrix(app, make_user, endpoint, method, path):
    expected = EXPECTED.get((endpoint, method))
    if expected is None:
        pytest.fail(f"no expectation for {method} {path} ({endpoint}): add it to EXPECTED")
    with app.app_context():
        world = build_world(make_user)
        db.session.remove()
    actual = {actor: _outcome(_request(app, actor, world, endpoint, method))
              for actor in RUN_ORDER}
    assert {a: actual[a] for a in ACTORS} == expected
