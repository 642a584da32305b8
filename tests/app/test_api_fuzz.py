"""Schemathesis against /api/openapi.json: generated requests to every operation,
authenticated with an API token, never get a 500 and every answer matches the
schema (status code, content type, body, headers)."""

from __future__ import annotations

import json
from importlib import resources

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from coachapp.auth.operations import create_api_token, find_user_by_email
from coachapp.extensions import db
from coachapp.goals.operations import GoalInput, create_goal
from coachapp.models import Goal
from tests.conftest import TEST_PASSWORD

# Bounded so the fuzz run stays a few seconds per operation in CI.
MAX_EXAMPLES = 25

pytestmark = [
    # Targeted: schemathesis and its dependencies raise these on import or use;
    # the rest of the suite keeps `filterwarnings = error`.
    pytest.mark.filterwarnings("ignore::DeprecationWarning:schemathesis.*"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:hypothesis_graphql.*"),
    pytest.mark.filterwarnings("ignore::pytest.PytestDeprecationWarning"),
]


@pytest.fixture
def own_goal(app, api_token) -> int:
    with app.app_context():
        return db.session.scalar(db.select(Goal.id).where(
            Goal.user_id == find_user_by_email("fuzz@example.com").id))


@pytest.fixture
def api_token(app, make_user) -> str:
    user = make_user(email="fuzz@example.com", password=TEST_PASSWORD)
    with app.app_context():
        user = find_user_by_email(user.email)
        create_goal(user, GoalInput(text="Run 3 workshops for new nurses by June 2027.",
                                    status="active"))
        token = create_api_token(user, "fuzz")
        db.session.commit()
    # Fuzzing is about inputs, not rate limits: give the analyzer a wide budget.
    app.config["ANALYSIS_LIMIT"] = "100000 per second"
    return token


OPENAPI = json.loads(resources.files("coachapp.api").joinpath("openapi.json").read_text())
OPERATIONS = [(path, method.upper()) for path, item in OPENAPI["paths"].items()
              for method in item if method in ("get", "post", "put", "patch", "delete")]


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_api_conforms_to_its_schema(app, api_token, own_goal, path, method):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    operation = schema[path][method]
    headers = {"Authorization": f"Bearer {api_token}"}
    strategy = st.one_of(
        st.tuples(st.just(True), operation.as_strategy(GenerationMode.POSITIVE)),
        st.tuples(st.just(False), operation.as_strategy(GenerationMode.NEGATIVE)),
    )

    sent = []

    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(generated=strategy, mine=st.booleans())
    def fuzz(generated, mine):
        valid, case = generated
        if valid and mine and "goal_id" in (case.path_parameters or {}):
            case.path_parameters["goal_id"] = own_goal  # often a goal that exists
        response = case.call_and_validate(headers=headers, excluded_checks=[
            # Business rules a JSON schema cannot state (a deadline in the future for an
            # open goal, non-blank text) answer some schema-valid bodies with a 422 and a
            # message; every other check, including "no 5xx", stays on.
            positive_data_acceptance,
        ])
        sent.append(response.status_code)

    fuzz()
    print(f"\n{method} {path}: {len(sent)} generated requests, statuses {sorted(set(sent))}")
    assert sent
