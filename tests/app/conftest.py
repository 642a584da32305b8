"""Fixtures for the security tests: the demo plan plus everything the demo leaves out."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from coachapp.extensions import db
from tests.conftest import TEST_PASSWORD


@dataclass
class DemoPeople:
    client: str  # the email of a client with data in every part of the app
    other_client: str
    coach: str
    api_token: str


@pytest.fixture
def demo(app) -> DemoPeople:
    """The demo accounts (password TEST_PASSWORD), with an API token, a calendar feed
    and a quarterly review added for the main client."""
    from coachapp.auth.operations import create_api_token, find_user_by_email
    from coachapp.demo import seed_demo
    from coachapp.interview.operations import (
        PracticeSetInput,
        create_practice_set,
        record_attempt,
    )
    from coachapp.progress.operations import (
        ReviewDecision,
        active_goals,
        new_calendar_token,
        record_review,
    )

    with app.app_context():
        seed_demo(TEST_PASSWORD)
        maya = find_user_by_email("maya@example.com")
        token = create_api_token(maya, "security tests")
        new_calendar_token(maya)
        goals = active_goals(maya)
        record_review(maya, [ReviewDecision(goals[0], "keep", "Still the right goal.")],
                      "A steady quarter.")
        practice = create_practice_set(maya, PracticeSetInput(
            "Ward manager", "City Hospital", "Lead a team of 20 nurses on a surgical ward."))
        record_attempt(maya, practice, "career_goals",
                       "In the next year I want to lead the ward's night shift.", 45)
        db.session.commit()
    return DemoPeople("maya@example.com", "sam@example.com", "coach@example.com", token)


@pytest.fixture
def make_app(_schema, test_config):
    """Factory: ``make_app(**overrides)`` builds another app on the test database; its
    connections are closed afterwards (PostgreSQL warns about connections left open)."""
    from coachapp import create_app
    from tests.conftest import Client

    made = []

    def make(**overrides):
        app = create_app({**test_config, **overrides})
        app.test_client_class = Client
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
