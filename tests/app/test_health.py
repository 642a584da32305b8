"""``/healthz``: 200 when the database and the model answer, 503 naming what failed."""

from __future__ import annotations

import pytest

import nlp
from coachapp import create_app
from coachapp.health import checks


@pytest.fixture
def model_loaded():
    nlp.warm_up()  # the app under test skips the warm-up; production does it at start


def test_healthy_is_200_without_login_or_cookie(client, model_loaded):
    response = client.get("/healthz")
    assert response.status_code == 200, response.json
    body = response.json
    assert body["status"] == "ok" and body["failed"] == []
    assert body["checks"]["database"]["ok"] and body["checks"]["analyzer"]["ok"]
    assert body["checks"]["cache"] == {"ok": True, "critical": False, "backend": "memory",
                                       "entries": 0, "ms": body["checks"]["cache"]["ms"]}
    assert body["analyzer_version"] == nlp.ANALYZER_VERSION
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers


def test_health_check_runs_one_query(client, model_loaded, app):
    from tests.app.query_count import count_queries

    with count_queries(app) as queries:
        assert client.get("/healthz").status_code == 200
    assert len(queries) == 1, queries


def test_unreachable_database_is_503(test_config, tmp_path, model_loaded):
    broken = create_app({**test_config,
                         "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/dir/db.sqlite"})
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    body = response.json
    assert body["status"] == "unavailable" and body["failed"] == ["database"]
    assert body["checks"]["database"] == {"ok": False, "critical": True,
                                          "error": "the database did not answer",
                                          "ms": body["checks"]["database"]["ms"]}
    assert body["checks"]["analyzer"]["ok"]


def test_model_not_loaded_is_503(client, monkeypatch):
    monkeypatch.setattr(checks, "is_loaded", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json["failed"] == ["analyzer"]
    assert response.json["checks"]["analyzer"]["error"] == "the language model is not loaded"
    assert response.json["checks"]["database"]["ok"]


def test_failing_model_is_503(client, model_loaded, monkeypatch):
    def broken_pipeline():
        raise RuntimeError("model file damaged")

    monkeypatch.setattr(checks, "get_pipeline", broken_pipeline)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json["failed"] == ["analyzer"]
    assert "damaged" not in response.get_data(as_text=True)  # causes go to the log only


def test_model_without_our_component_is_503(client, model_loaded, monkeypatch):
    class BareModel:
        pipe_names = ("tok2vec", "tagger", "parser")

    monkeypatch.setattr(checks, "get_pipeline", BareModel)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json["failed"] == ["analyzer"]

