"""Two gunicorn processes sharing one database and one Redis serve one person
seamlessly: a session from one is valid on the other, an analysis cached by one
is a hit on the other, and a rate limit counts requests to both. Real processes
on free loopback ports, bounded waits, always stopped."""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
import redis

from tests.conftest import CSRF_META, TEST_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 90  # seconds: each process loads the spaCy model; the machine is shared
REQUEST_TIMEOUT = 30
GOAL = "Run 2 usability tests on the mobile banking app every month and share the findings."


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    """Just enough of a browser for these tests: one cookie jar, any of the servers."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(self, port: int, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        try:
            sent = dict(headers or {})
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode()
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, dict(response.headers), text
        finally:
            connection.close()

    def csrf_token(self, port: int) -> str:
        status, _, page = self.request(port, "GET", "/login")
        match = CSRF_META.search(page)
        assert status == 200 and match, page[:500]
        return match.group(1)

    def analyze(self, port: int, csrf_token: str, text: str) -> tuple[int, dict]:
        status, _, body = self.request(
            port, "POST", "/api/analyze",
            body=json.dumps({"kind": "goal", "text": text}).encode(),
            headers={"Content-Type": "application/json", "X-CSRFToken": csrf_token})
        return status, json.loads(body)


def _wait_until_healthy(process: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn on port {port} exited: {log.read_text()[-2000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.25)
    pytest.fail(f"gunicorn on port {port} not healthy after {START_TIMEOUT} s: "
                f"{log.read_text()[-2000:]}")


@contextmanager
def gunicorn(port: int, environment: dict[str, str], log: Path) -> Iterator[None]:
    """One gunicorn process (one worker) on 127.0.0.1:``port``, stopped on exit."""
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--preload", "--workers", "1",
             "--bind", f"127.0.0.1:{port}", "--timeout", "60", "coachapp:create_app()"],
            cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@pytest.fixture
def two_servers(database_url, redis_url, make_user, tmp_path) -> Iterator[tuple[int, int]]:
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("COACHAPP", "FLASK"))},
        "DATABASE_URL": database_url, "REDIS_URL": redis_url,
        "SECRET_KEY": "scale-out-test-secret", "COACHAPP_ENV": "development",
    }
    ports = (free_port(), free_port())
    with ExitStack() as stack:
        processes = [stack.enter_context(gunicorn(port, environment, tmp_path / f"{port}.log"))
                     for port in ports]
        for process, port in zip(processes, ports, strict=True):
            _wait_until_healthy(process, port, tmp_path / f"{port}.log")
        yield ports


@pytest.mark.slow
def test_two_processes_serve_one_person_seamlessly(two_servers, make_user, redis_url):
    first, second = two_servers
    user = make_user("client")
    browser = Browser()

    token = browser.csrf_token(first)
    status, headers, _ = browser.request(
        first, "POST", "/login",
        body=urlencode({"csrf_token": token, "email": user.email,
                        "password": TEST_PASSWORD}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 302, headers

    # The session made on the first process is valid on the second.
    status, _, page = browser.request(second, "GET", "/goals/")
    assert status == 200 and "Your plan" in page
    assert re.search(re.escape(user.display_name), page)

    # A CSRF token the second process put in a page is accepted by the first.
    token = CSRF_META.search(page).group(1)
    status, analysis = browser.analyze(first, token, GOAL)
    assert status == 200 and analysis["text"] == GOAL

    # The analysis one process cached is a hit on the other.
    store = redis.Redis.from_url(redis_url)
    try:
        status, first_result = browser.analyze(first, token, GOAL + " From June.")
        assert status == 200
        keys = store.keys("coachapp:analysis:*")
        assert len(keys) == 2
        for key in keys:  # only a read from the shared cache can answer a score of -1
            cached = json.loads(store.get(key))
            store.set(key, json.dumps({**cached, "score": -1}), keepttl=True)
        status, from_cache = browser.analyze(second, token, GOAL + " From June.")
        assert status == 200
        assert from_cache == {**first_result, "score": -1}
    finally:
        store.close()

    # Logging out on the second process ends the session on the first too.
    status, _, _ = browser.request(
        second, "POST", "/logout", body=urlencode({"csrf_token": token}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status in (302, 303)
    status, headers, _ = browser.request(first, "GET", "/goals/")
    assert status == 302 and "/login" in headers["Location"]

    # Failed logins for one account count on both processes: 10 are allowed in all.
    attacker = Browser()
    token = attacker.csrf_token(first)
    statuses = []
    for attempt in range(11):
        status, headers, _ = attacker.request(
            (first, second)[attempt % 2], "POST", "/login",
            body=urlencode({"csrf_token": token, "email": user.email,
                            "password": "wrong password, attempt"}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        statuses.append(status)
    assert statuses[:10] == [200] * 10, statuses
    assert statuses[10] == 429 and int(headers["Retry-After"]) > 0, statuses
