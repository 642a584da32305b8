"""The JSON API: analysis, goals and the plan; auth, CSRF, ownership and validation."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

import nlp
from coachapp.api import schemas as api_schemas
from coachapp.extensions import db
from coachapp.goals import operations as ops
from coachapp.models import Goal, User
from tests.conftest import TEST_PASSWORD

NEXT_YEAR = (date.today() + timedelta(days=365)).isoformat()
SMART_GOAL = f"Lead 3 cross-team projects of at least 5 people by {NEXT_YEAR}."
HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> & \'quotes\''

# Every API route with a method that needs a user, and a harmless body for it.
PRIVATE_ROUTES = [
    ("POST", "/api/analyze", {"kind": "goal", "text": "Improve my leadership skills."}),
    ("GET", "/api/goals", None),
    ("POST", "/api/goals", {"text": "Run a 10k race by June."}),
    ("GET", "/api/goals/{id}", None),
    ("PATCH", "/api/goals/{id}", {"text": "Run a half marathon by June."}),
    ("DELETE", "/api/goals/{id}", None),
    ("GET", "/api/plan", None),
]
UNSAFE_ROUTES = [r for r in PRIVATE_ROUTES if r[0] != "GET"]
GOAL_ROUTES = [r for r in PRIVATE_ROUTES if r[1] != "/api/analyze"]


def signed_in(app, user):
    """A fresh test client logged in as ``user``."""
    other = app.test_client()
    response = other.submit("/login", {"email": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return other


def create(api_client, **fields):
    body = {"text": SMART_GOAL} | fields
    response = api_client.api("POST", "/api/goals", json=body)
    assert response.status_code == 201, response.json
    return response.json


def assert_error(response, status: int, code: str):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]
    return response.json["error"]


@pytest.fixture
def user(make_user, login):
    client_user = make_user()
    login(client_user)
    return client_user


@pytest.fixture
def token(runner, user):
    """A personal API token for ``user`` made the way people make one: the CLI."""
    result = runner.invoke(args=["create-token", user.email])
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


def path_for(template: str, goal_id: int) -> str:
    return template.replace("{id}", str(goal_id))


# Analysis -----------------------------------------------------------------


def test_analyze_goal(client, user):
    response = client.api("POST", "/api/analyze",
                          json={"kind": "goal", "text": "Improve my leadership skills."})
    assert response.status_code == 200, response.json
    analysis = response.json
    assert analysis["kind"] == "goal" and analysis["text"] == "Improve my leadership skills."
    assert isinstance(analysis["score"], int)
    assert set(analysis["smart"]) == {"specific", "measurable", "achievable", "relevant",
                                      "time_bound"}
    assert {"metrics", "deadlines"} <= set(analysis["facts"])
    for finding in analysis["findings"]:
        assert analysis["text"][finding["start"]:finding["end"]] == finding["text"]
    assert response.headers["Cache-Control"] == "no-store"


def test_analyze_answer(client, user):
    text = ("In the next two years I want to lead the data platform team's migration to "
            "streaming, and in five years I see myself as an engineering manager.")
    response = client.api("POST", "/api/analyze", json={"kind": "answer", "text": text})
    assert response.status_code == 200, response.json
    assert response.json["kind"] == "answer" and response.json["text"] == text


def test_analyze_context_defaults_to_the_vision_and_merges_given_keys(
    app, client, user, monkeypatch
):
    with app.app_context():
        ops.save_vision(db.session.get(User, user.id), "Run a hospital ward.", "ward manager",
                        "staff nurse", 30)
    seen = []

    def fake_analyze_text(kind, text, context):
        seen.append(context)
        return {"kind": kind, "text": text}

    monkeypatch.setattr("coachapp.api.views.analyze_text", fake_analyze_text)
    client.api("POST", "/api/analyze", json={"kind": "goal", "text": "Lead the ward."})
    client.api("POST", "/api/analyze", json={
        "kind": "answer", "text": "Lead the ward.",
        "context": {"target_role": "charge nurse", "vision": None,
                    "job_description": "Band 6 charge nurse", "today": "2026-01-15"},
    })
    own, merged = seen
    assert own == {"target_role": "ward manager", "current_role": "staff nurse",
                   "vision": "Run a hospital ward.", "months_in_role": 30,
                   "today": date.today().isoformat()}
    assert merged == {"target_role": "charge nurse", "current_role": "staff nurse",
                      "months_in_role": 30, "job_description": "Band 6 charge nurse",
                      "today": "2026-01-15"}


@pytest.mark.parametrize(("kind", "limit"), [("goal", nlp.MAX_GOAL_CHARS),
                                             ("answer", nlp.MAX_ANSWER_CHARS)])
def test_analyze_text_over_the_analyzer_limit_is_413(client, user, kind, limit):
    response = client.api("POST", "/api/analyze", json={"kind": kind, "text": "a" * (limit + 1)})
    error = assert_error(response, 413, "too_large")
    assert str(limit) in error["message"]


def test_body_over_max_content_length_is_413(app, client, user):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = client.api("POST", "/api/analyze", json={"kind": "goal", "text": "a" * 5000})
    assert_error(response, 413, "too_large")


def test_analyzer_failure_is_503(client, user, monkeypatch):
    def broken(text, context=None):
        raise RuntimeError("model crashed")

    monkeypatch.setattr(nlp, "analyze_goal", broken)
    response = client.api("POST", "/api/analyze",
                          json={"kind": "goal", "text": "A text nobody analyzed before 503."})
    error = assert_error(response, 503, "unavailable")
    assert "unavailable" in error["message"] and "crashed" not in error["message"]


@pytest.mark.parametrize(("body", "fields"), [
    ({"text": "x"}, {"kind"}),
    ({"kind": "plan", "text": "x"}, {"kind"}),
    ({"kind": "goal"}, {"text"}),
    ({"kind": "goal", "text": "   "}, {"text"}),
    ({"kind": "goal", "text": 42}, {"text"}),
    ({"kind": "goal", "text": "x", "user_id": 1}, {"user_id"}),
    ({"kind": "goal", "text": "x", "context": "vision"}, {"context"}),
    ({"kind": "goal", "text": "x", "context": {"salary": 1}}, {"context.salary"}),
    ({"kind": "goal", "text": "x", "context": {"months_in_role": "ten"}},
     {"context.months_in_role"}),
    ({"kind": "goal", "text": "x", "context": {"months_in_role": True}},
     {"context.months_in_role"}),
    ({"kind": "goal", "text": "x", "context": {"today": "tomorrow"}}, {"context.today"}),
    ({"kind": "goal", "text": "x", "context": {"target_role": "r" * 121}},
     {"context.target_role"}),
])
def test_analyze_invalid_fields_are_422(client, user, body, fields):
    error = assert_error(client.api("POST", "/api/analyze", json=body), 422, "invalid")
    assert set(error["details"]) == fields


# Goals --------------------------------------------------------------------


def test_goal_lifecycle(client, user):
    actions = [{"text": "Volunteer for the Q3 migration project", "due_date": NEXT_YEAR},
               {"text": "Ask my manager for a stretch project", "done": True},
               {"text": "Read one book on facilitation"}]
    response = client.api("POST", "/api/goals", json={
        "text": SMART_GOAL, "type": "growth", "horizon": "short", "deadline": NEXT_YEAR,
        "metric_target": "3 projects", "status": "active", "actions": actions,
    })
    assert response.status_code == 201, response.json
    goal = response.json
    assert response.headers["Location"] == f"/api/goals/{goal['id']}"
    assert response.headers["ETag"] == f'"{goal["version"]}"'
    assert set(goal) == {"id", "text", "type", "horizon", "deadline", "metric_target", "status",
                         "score", "analysis", "actions", "version", "created_at", "updated_at"}
    assert (goal["text"], goal["type"], goal["status"], goal["deadline"]) == (
        SMART_GOAL, "growth", "active", NEXT_YEAR)
    assert [(a["text"], a["due_date"], a["done"]) for a in goal["actions"]] == [
        (actions[0]["text"], NEXT_YEAR, False), (actions[1]["text"], None, True),
        (actions[2]["text"], None, False)]
    assert goal["analysis"]["text"] == SMART_GOAL and goal["score"] == goal["analysis"]["score"]

    listed = client.get("/api/goals").json["goals"]
    assert [g["id"] for g in listed] == [goal["id"]]
    assert client.get(response.headers["Location"]).json == goal

    patched = client.api("PATCH", f"/api/goals/{goal['id']}",
                         json={"text": "Lead 4 projects by " + NEXT_YEAR, "status": "done",
                               "version": goal["version"]})
    assert patched.status_code == 200, patched.json
    assert patched.json["text"] == "Lead 4 projects by " + NEXT_YEAR
    assert patched.json["status"] == "done" and patched.json["type"] == "growth"
    assert patched.json["version"] == goal["version"] + 1
    assert patched.json["analysis"]["text"] == patched.json["text"]
    assert [a["text"] for a in patched.json["actions"]] == [a["text"] for a in actions]

    replaced = client.api("PATCH", f"/api/goals/{goal['id']}",
                          json={"actions": [{"text": "Only this one"}], "deadline": None})
    assert [a["text"] for a in replaced.json["actions"]] == ["Only this one"]

    deleted = client.api("DELETE", f"/api/goals/{goal['id']}")
    assert deleted.status_code == 204 and deleted.get_data() == b""
    assert_error(client.get(f"/api/goals/{goal['id']}"), 404, "not_found")
    assert client.get("/api/goals").json == {"goals": []}


def test_goal_list_filters_by_status(client, user):
    draft = create(client, status="draft")
    active = create(client, status="active")
    done = create(client, status="done")

    def ids(query):
        return [g["id"] for g in client.get("/api/goals" + query).json["goals"]]

    assert ids("") == [done["id"], active["id"], draft["id"]]
    assert ids("?status=active") == [active["id"]]
    assert ids("?status=active&status=draft") == [active["id"], draft["id"]]
    error = assert_error(client.get("/api/goals?status=finished"), 422, "invalid")
    assert set(error["details"]) == {"status"}


def test_plan(client, user):
    empty = client.get("/api/plan")
    assert empty.status_code == 200
    assert empty.json["goals"] == [] and empty.json["analysis"] is None
    assert empty.json["next_steps"]

    active = create(client, status="active")
    create(client, status="draft")
    plan = client.get("/api/plan").json
    assert [g["id"] for g in plan["goals"]] == [active["id"]]
    assert plan["analysis"]["kind"] == "plan"
    assert "too_few_goals" in [f["code"] for f in plan["analysis"]["findings"]]
    assert all(isinstance(step, str) for step in plan["next_steps"])


def test_script_in_text_is_returned_as_data(client, user):
    goal = create(client, text=HOSTILE, metric_target=HOSTILE[:120],
                  actions=[{"text": HOSTILE}])
    for response in (client.get(f"/api/goals/{goal['id']}"), client.get("/api/goals")):
        assert response.mimetype == "application/json"
        assert "&lt;" not in response.get_data(as_text=True)
    fetched = client.get(f"/api/goals/{goal['id']}").json
    assert fetched["text"] == HOSTILE and fetched["metric_target"] == HOSTILE[:120]
    assert fetched["actions"][0]["text"] == HOSTILE
    analyzed = client.api("POST", "/api/analyze", json={"kind": "goal", "text": HOSTILE}).json
    assert analyzed["text"] == HOSTILE


@pytest.mark.parametrize(("fields", "errors"), [
    ({"text": None}, {"text"}),
    ({"text": ""}, {"text"}),
    ({"text": "g" * 1001}, {"text"}),
    ({"text": "nul\x00byte"}, {"text"}),
    ({"text": "lone \ud800 surrogate"}, {"text"}),
    ({"type": "career"}, {"type"}),
    ({"horizon": "medium"}, {"horizon"}),
    ({"status": "approved"}, {"status"}),
    ({"deadline": "2026-13-01"}, {"deadline"}),
    ({"deadline": "31/12/2026"}, {"deadline"}),
    ({"deadline": 20261231}, {"deadline"}),
    ({"deadline": "2020-01-01"}, {"deadline"}),
    ({"metric_target": "m" * 121}, {"metric_target"}),
    ({"actions": [{"text": f"Step {n}"} for n in range(7)]}, {"actions"}),
    ({"actions": "read a book"}, {"actions"}),
    ({"actions": [{"text": "a" * 301}]}, {"actions[0].text"}),
    ({"actions": [{"text": "ok"}, {"text": "ok", "due_date": "soon", "done": "yes"}]},
     {"actions[1].due_date", "actions[1].done"}),
    ({"actions": [{"text": "ok", "id": 3}]}, {"actions[0].id"}),
    ({"actions": ["read a book"]}, {"actions[0]"}),
    ({"user_id": 2, "score": 100}, {"user_id", "score"}),
])
def test_create_goal_invalid_fields_are_422(app, client, user, fields, errors):
    body = {"text": SMART_GOAL} | fields
    error = assert_error(client.api("POST", "/api/goals", json=body), 422, "invalid")
    assert set(error["details"]) == errors
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Goal.id))) == 0


def test_create_goal_with_only_text_uses_defaults(client, user):
    goal = create(client, text="Learn Spanish.")
    assert (goal["type"], goal["horizon"], goal["status"], goal["actions"]) == (
        "skill", "short", "draft", [])


def test_a_finished_goal_may_keep_a_past_deadline(client, user):
    goal = create(client, status="done", deadline="2020-01-01")
    assert goal["deadline"] == "2020-01-01"


@pytest.mark.parametrize("field", ["id", "user_id", "owner", "role", "score", "analysis",
                                   "analysis_key", "review_state", "created_at", "updated_at"])
def test_patch_cannot_assign_protected_fields(app, client, user, field):
    goal = create(client)
    response = client.api("PATCH", f"/api/goals/{goal['id']}",
                          json={"text": "Changed", field: 999})
    error = assert_error(response, 422, "invalid")
    assert set(error["details"]) == {field}
    assert client.get(f"/api/goals/{goal['id']}").json == goal


def test_patch_validates_like_create(client, user):
    goal = create(client)
    response = client.api("PATCH", f"/api/goals/{goal['id']}",
                          json={"type": "career", "deadline": "tomorrow", "version": "1"})
    error = assert_error(response, 422, "invalid")
    assert set(error["details"]) == {"type", "deadline", "version"}


def test_patch_with_a_stale_version_is_409(client, user):
    goal = create(client)
    first = client.api("PATCH", f"/api/goals/{goal['id']}",
                       json={"text": "First edit.", "version": goal["version"]})
    assert first.status_code == 200
    second = client.api("PATCH", f"/api/goals/{goal['id']}",
                        json={"text": "Second edit.", "version": goal["version"]})
    assert_error(second, 409, "conflict")
    header = client.api("PATCH", f"/api/goals/{goal['id']}", json={"text": "Third edit."},
                        headers={"If-Match": f'"{goal["version"]}"'})
    assert_error(header, 409, "conflict")
    assert client.get(f"/api/goals/{goal['id']}").json["text"] == "First edit."

    current = client.get(f"/api/goals/{goal['id']}")
    fresh = client.api("PATCH", f"/api/goals/{goal['id']}", json={"text": "Fourth edit."},
                       headers={"If-Match": current.headers["ETag"]})
    assert fresh.status_code == 200 and fresh.json["text"] == "Fourth edit."
    garbage = client.api("PATCH", f"/api/goals/{goal['id']}", json={},
                         headers={"If-Match": "yesterday"})
    assert set(assert_error(garbage, 422, "invalid")["details"]) == {"If-Match"}


# Who may do what ----------------------------------------------------------


@pytest.mark.parametrize(("method", "template", "body"), PRIVATE_ROUTES)
def test_anonymous_gets_401_json(client, method, template, body):
    path = path_for(template, 1)
    for response in (client.open(path, method=method, json=body),
                     client.api(method, path, json=body)):
        assert_error(response, 401, "unauthorized")
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("path", ["/api/openapi.json", "/api/csrf"])
def test_public_endpoints(client, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize(("method", "template", "body"),
                         [r for r in GOAL_ROUTES if "{id}" in r[1]])
def test_another_clients_goal_is_404(app, client, user, make_user, method, template, body):
    other = signed_in(app, make_user())
    theirs = create(other)
    response = client.api(method, path_for(template, theirs["id"]), json=body)
    error = assert_error(response, 404, "not_found")
    for missing_id in (theirs["id"] + 1000, 2**31, 10**30):
        missing = client.api(method, path_for(template, missing_id), json=body)
        assert assert_error(missing, 404, "not_found") == error  # no hint that it exists
    assert other.get(f"/api/goals/{theirs['id']}").json == theirs
    assert client.get("/api/goals").json == {"goals": []}


@pytest.mark.parametrize(("method", "template", "body"), GOAL_ROUTES)
def test_coach_gets_403_on_goals(app, make_user, method, template, body):
    goal_owner = signed_in(app, make_user())
    goal = create(goal_owner)
    coach = signed_in(app, make_user(role="coach"))
    response = coach.api(method, path_for(template, goal["id"]), json=body)
    assert_error(response, 403, "forbidden")
    assert goal_owner.get(f"/api/goals/{goal['id']}").json == goal


def test_coach_may_analyze(app, make_user):
    coach = signed_in(app, make_user(role="coach"))
    response = coach.api("POST", "/api/analyze", json={"kind": "answer", "text": "I want to grow."})
    assert response.status_code == 200


# Malformed requests -------------------------------------------------------


@pytest.mark.parametrize(("method", "template", "_"), [r for r in UNSAFE_ROUTES
                                                       if r[0] != "DELETE"])
@pytest.mark.parametrize(("data", "content_type"), [
    ('{"kind": "goal", "text": ', "application/json"),
    ("[1, 2]", "application/json"),
    ('"text"', "application/json"),
    ("null", "application/json"),
    ("[" * 100_000, "application/json"),
    (b'{"text": "\xc3\x28"}', "application/json"),
    ('{"text": "x"}', "text/plain"),
    ("kind=goal&text=x", "application/x-www-form-urlencoded"),
])
def test_malformed_body_is_400(client, user, method, template, _, data, content_type):
    goal = create(client)
    response = client.api(method, path_for(template, goal["id"]), data=data,
                          content_type=content_type)
    assert_error(response, 400, "bad_request")


# CSRF and tokens ----------------------------------------------------------


@pytest.mark.parametrize(("method", "template", "body"), UNSAFE_ROUTES)
def test_session_writes_need_the_csrf_header(app, client, user, method, template, body):
    goal = create(client)
    path = path_for(template, goal["id"])
    for headers in ({}, {"X-CSRFToken": "forged"}):
        refused = client.open(path, method=method, json=body, headers=headers)
        assert_error(refused, 400, "bad_request")
    assert client.get(f"/api/goals/{goal['id']}").json == goal
    accepted = client.api(method, path, json=body)
    assert accepted.status_code in (200, 201, 204), accepted.get_data(as_text=True)


def test_bearer_token_end_to_end(app, token):
    script = app.test_client()  # no cookies: only the token
    auth = {"Authorization": f"Bearer {token}"}
    created = script.post("/api/goals", json={"text": SMART_GOAL, "status": "active"},
                          headers=auth)
    assert created.status_code == 201, created.json
    goal_id = created.json["id"]
    assert [g["id"] for g in script.get("/api/goals", headers=auth).json["goals"]] == [goal_id]
    patched = script.patch(f"/api/goals/{goal_id}", json={"metric_target": "3 projects"},
                           headers=auth | {"If-Match": created.headers["ETag"]})
    assert patched.status_code == 200 and patched.json["metric_target"] == "3 projects"
    assert script.get("/api/plan", headers=auth).json["goals"][0]["id"] == goal_id
    analyzed = script.post("/api/analyze", json={"kind": "goal", "text": SMART_GOAL},
                           headers=auth)
    assert analyzed.status_code == 200
    assert script.delete(f"/api/goals/{goal_id}", headers=auth).status_code == 204
    assert "Set-Cookie" not in created.headers


@pytest.mark.parametrize("authorization", ["Bearer cat_not-a-real-token", "Bearer ",
                                           "Basic dXNlcjpwYXNz", "Token abc"])
def test_bad_bearer_token_is_401_even_with_a_session(client, user, token, authorization):
    goal = create(client)
    for method, template, body in PRIVATE_ROUTES:
        response = client.api(method, path_for(template, goal["id"]), json=body,
                              headers={"Authorization": authorization})
        assert_error(response, 401, "unauthorized")
    assert client.get(f"/api/goals/{goal['id']}").json == goal


def test_a_token_acts_only_as_its_owner(app, make_user, token):
    other = signed_in(app, make_user())
    theirs = create(other)
    script = app.test_client()
    response = script.get(f"/api/goals/{theirs['id']}",
                          headers={"Authorization": f"Bearer {token}"})
    assert_error(response, 404, "not_found")


# The OpenAPI document ------------------------------------------------------


@pytest.fixture
def openapi(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    return response.json


def _openapi_path(rule: str) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule)


def test_openapi_documents_every_api_route_and_nothing_else(app, openapi):
    served = {
        (_openapi_path(rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {
        (path, method)
        for path, item in openapi["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    }
    assert served == documented


def test_openapi_describes_auth_and_errors(openapi):
    assert openapi["openapi"].startswith("3.1")
    schemes = openapi["components"]["securitySchemes"]
    assert schemes["bearerToken"] == {**schemes["bearerToken"], "type": "http",
                                      "scheme": "bearer"}
    assert (schemes["sessionCookie"]["in"], schemes["csrfHeader"]["name"]) == (
        "cookie", "X-CSRFToken")
    for path, item in openapi["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            public = path in ("/api/openapi.json", "/api/csrf")
            assert (operation["security"] == []) == public, (method, path)
            if public:
                continue
            assert "401" in operation["responses"], (method, path)
            if method != "get":
                assert {"bearerToken": []} in operation["security"]
                assert {"sessionCookie": [], "csrfHeader": []} in operation["security"]
                assert "400" in operation["responses"], (method, path)


def test_openapi_refs_resolve_and_match_the_goal_json(client, user, openapi):
    text = json.dumps(openapi)
    for ref in set(re.findall(r'"\$ref": "#/([^"]+)"', text)):
        node = openapi
        for part in ref.split("/"):
            assert part in node, ref
            node = node[part]
    schemas = openapi["components"]["schemas"]
    assert set(schemas["AnalyzeRequest"]["properties"]) == set(api_schemas.ANALYZE_FIELDS)
    assert set(schemas["AnalysisContext"]["properties"]) == set(api_schemas.CONTEXT_KEYS)
    assert set(schemas["GoalFields"]["properties"]) == set(api_schemas.GOAL_FIELDS)
    assert set(schemas["GoalPatch"]["properties"]) == {"version"}
    assert set(schemas["ActionInput"]["properties"]) == set(api_schemas.ACTION_FIELDS)
    goal = create(client, actions=[{"text": "One step"}])
    assert set(goal) == set(schemas["Goal"]["properties"]) == set(schemas["Goal"]["required"])
    assert set(goal["actions"][0]) == set(schemas["Action"]["properties"])
    error = client.api("POST", "/api/goals", json={"type": "x"}).json
    assert set(error) == set(schemas["Error"]["properties"])
    assert set(error["error"]) <= set(schemas["Error"]["properties"]["error"]["properties"])
