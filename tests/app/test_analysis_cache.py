"""The analysis cache: Redis when REDIS_URL is set (shared, versioned, with a TTL),
the in-process LRU otherwise; a Redis outage only costs speed."""

from __future__ import annotations

import json
import socket

import pytest
import redis

import nlp
from coachapp import create_app
from coachapp.analysis_cache import MemoryCache, RedisCache

GOAL = "Earn the PMP certification by the end of Q3 2027 so I can lead larger projects."


def _use_cache(app, cache) -> None:
    app.extensions["coachapp.analysis_cache"] = cache


def _redis_cache(url: str, version: str = nlp.ANALYZER_VERSION,
                 retry_after: float = 5.0) -> RedisCache:
    return RedisCache(url, prefix=f"coachapp:analysis:{version}:", ttl=600,
                      retry_after=retry_after)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the socket is closed


def _analyze(client, text: str = GOAL):
    return client.api("POST", "/api/analyze", json={"kind": "goal", "text": text})


def test_without_redis_url_the_cache_is_the_in_process_lru(app):
    assert isinstance(app.extensions["coachapp.analysis_cache"], MemoryCache)


def test_redis_url_selects_the_redis_cache_without_connecting(test_config):
    app = create_app({**test_config, "REDIS_URL": f"redis://127.0.0.1:{_closed_port()}/0"})
    cache = app.extensions["coachapp.analysis_cache"]
    assert isinstance(cache, RedisCache)
    assert cache.prefix == f"coachapp:analysis:{nlp.ANALYZER_VERSION}:"
    assert cache.ttl == app.config["ANALYSIS_CACHE_TTL"]


def test_memory_cache_evicts_the_least_recently_used():
    cache = MemoryCache(maxsize=2)
    cache.set("a", {"n": 1})
    cache.set("b", {"n": 2})
    assert cache.get("a") == {"n": 1}  # a is now the most recent
    cache.set("c", {"n": 3})
    assert cache.get("b") is None and cache.get("a") == {"n": 1} and cache.get("c") == {"n": 3}


def test_analysis_is_stored_in_redis_as_json_with_a_ttl(app, client, client_user, redis_url):
    _use_cache(app, _redis_cache(redis_url))
    response = _analyze(client)
    assert response.status_code == 200
    store = redis.Redis.from_url(redis_url)
    keys = store.keys("coachapp:analysis:*")
    assert len(keys) == 1
    assert keys[0].decode().startswith(f"coachapp:analysis:{nlp.ANALYZER_VERSION}:")
    assert json.loads(store.get(keys[0])) == response.json
    assert 0 < store.ttl(keys[0]) <= 600
    store.close()


def test_a_second_request_is_served_from_redis(app, client, client_user, redis_url):
    _use_cache(app, _redis_cache(redis_url))
    first = _analyze(client).json
    store = redis.Redis.from_url(redis_url)
    (key,) = store.keys("coachapp:analysis:*")
    store.set(key, json.dumps({**first, "score": -1}))  # only a cache hit can answer this
    assert _analyze(client).json["score"] == -1
    store.close()


def test_a_new_analyzer_version_does_not_read_old_entries(app, client, client_user, redis_url,
                                                         monkeypatch):
    _use_cache(app, _redis_cache(redis_url))
    first = _analyze(client).json
    store = redis.Redis.from_url(redis_url)
    (old_key,) = store.keys("coachapp:analysis:*")
    store.set(old_key, json.dumps({**first, "score": -1}))

    monkeypatch.setattr(nlp, "ANALYZER_VERSION", "99.0.0")
    _use_cache(app, _redis_cache(redis_url, "99.0.0"))
    again = _analyze(client).json
    assert again["score"] == first["score"]
    new_keys = set(store.keys("coachapp:analysis:99.0.0:*"))
    assert len(new_keys) == 1 and old_key not in new_keys
    store.close()


def test_a_damaged_entry_is_a_miss(app, client, client_user, redis_url):
    _use_cache(app, _redis_cache(redis_url))
    first = _analyze(client).json
    store = redis.Redis.from_url(redis_url)
    (key,) = store.keys("coachapp:analysis:*")
    store.set(key, b"{not json")
    assert _analyze(client).json == first
    assert json.loads(store.get(key)) == first  # the fresh result replaced it
    store.close()


def test_redis_down_does_not_break_analysis(app, client, client_user, caplog):
    _use_cache(app, _redis_cache(f"redis://127.0.0.1:{_closed_port()}/0"))
    for _ in range(3):
        response = _analyze(client)
        assert response.status_code == 200, response.json
        assert response.json["text"] == GOAL
    warnings = [r for r in caplog.records if "Redis" in r.getMessage()]
    assert len(warnings) == 1  # logged once per outage window, not per request


def test_redis_down_leaves_health_ok_but_reports_the_cache(app, client):
    nlp.warm_up()
    _use_cache(app, _redis_cache(f"redis://127.0.0.1:{_closed_port()}/0"))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["checks"]["cache"]["ok"] is False
    assert response.json["checks"]["cache"]["backend"] == "redis"


def test_redis_failing_mid_request_degrades_to_no_cache(app, client, client_user, redis_url,
                                                        monkeypatch):
    cache = _redis_cache(redis_url, retry_after=0.0)
    _use_cache(app, cache)
    assert _analyze(client).status_code == 200

    def fail(*args, **kwargs):
        raise redis.ConnectionError("connection reset by peer")

    monkeypatch.setattr(cache.client, "get", fail)
    monkeypatch.setattr(cache.client, "set", fail)
    response = _analyze(client, GOAL + " Weekly.")
    assert response.status_code == 200 and response.json["text"] == GOAL + " Weekly."
    monkeypatch.undo()
    assert _analyze(client).status_code == 200  # and Redis is used again once it is back


def test_stored_goals_are_not_analyzed_again_by_pages(client, client_user, monkeypatch):
    response = client.api("POST", "/api/goals", json={"text": GOAL, "status": "active"})
    assert response.status_code == 201, response.json
    goal_id = response.json["id"]

    def no_analysis(*args, **kwargs):
        pytest.fail("a page re-analyzed unchanged goal text")

    monkeypatch.setattr(nlp, "analyze_goal", no_analysis)
    for path in ("/goals/", f"/goals/{goal_id}", "/progress/", f"/progress/goals/{goal_id}"):
        assert client.get(path).status_code == 200, path
