"""Run the app under gunicorn with several workers, for tests across processes.

``serve(config)`` builds a temporary SQLite database with the migrations,
starts gunicorn on a free loopback port with ``create_app(config)``, waits
until it answers, and always stops it (the whole process group) afterwards.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 30.0
REQUEST_TIMEOUT = 10.0
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    set_cookies: list[str] = field(default_factory=list)

    def json(self):
        return json.loads(self.body)


@dataclass
class Server:
    port: int
    process: subprocess.Popen
    log_path: Path

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> Reply:
        """One request on a new connection, so the workers share the load."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, path, body=body,
                               headers={"Connection": "close", **(headers or {})})
            response = connection.getresponse()
            pairs = response.getheaders()
            return Reply(response.status, {k.lower(): v for k, v in pairs}, response.read(),
                         [v for k, v in pairs if k.lower() == "set-cookie"])
        finally:
            connection.close()

    def access_log(self) -> list[tuple[int, str, str, int]]:
        """(worker pid, method, path, status) for every request served so far."""
        rows = []
        for line in self.log_path.read_text().splitlines():
            parts = line.split()
            if len(parts) == 5 and parts[0] == "ACCESS":
                rows.append((int(parts[1].strip("<>")), parts[2], parts[3], int(parts[4])))
        return rows


@dataclass
class Browser:
    """A cookie jar with a CSRF token, talking to a :class:`Server`."""

    server: Server
    cookies: dict[str, str] = field(default_factory=dict)
    token: str = ""

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {**({"Cookie": cookie} if cookie else {}), **(extra or {})}

    def _keep(self, reply: Reply) -> Reply:
        for header in reply.set_cookies:
            jar = SimpleCookie()
            jar.load(header)
            self.cookies.update({name: morsel.value for name, morsel in jar.items()})
        return reply

    def get(self, path: str) -> Reply:
        reply = self._keep(self.server.request("GET", path, headers=self._headers()))
        match = CSRF_META.search(reply.body.decode(errors="replace"))
        if match:
            self.token = match.group(1)
        return reply

    def post_form(self, path: str, data: dict[str, str]) -> Reply:
        body = urlencode({"csrf_token": self.token, **data}).encode()
        headers = self._headers({"Content-Type": "application/x-www-form-urlencoded"})
        return self._keep(self.server.request("POST", path, body, headers))


@contextlib.contextmanager
def serve(config: dict, tmp_path: Path, workers: int = 3) -> Iterator[Server]:
    """gunicorn with ``workers`` processes serving ``create_app(config)``."""
    port = free_port()
    log_path = tmp_path / "gunicorn.log"
    app_spec = f"coachapp:create_app({config!r})"
    env = {k: v for k, v in os.environ.items()
           if k not in {"DATABASE_URL", "REDIS_URL", "COACHAPP_ENV", "FLASK_ENV", "SECRET_KEY"}}
    command = [
        sys.executable, "-m", "gunicorn", "--workers", str(workers), "--preload",
        "--bind", f"127.0.0.1:{port}", "--timeout", "30", "--graceful-timeout", "2",
        "--access-logfile", str(log_path), "--error-logfile", str(log_path),
        "--access-logformat", "ACCESS %(p)s %(m)s %(U)s %(s)s", app_spec,
    ]
    with open(tmp_path / "gunicorn.out", "wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(port, process, log_path)
    try:
        _wait_until_up(server)
        yield server
    finally:
        _stop(process)


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.process.returncode}: "
                               + server.log_path.read_text(errors="replace")[-2000:])
        try:
            if server.request("GET", "/api/openapi.json").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {START_TIMEOUT:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to gunicorn's process group, then SIGKILL to whatever is left of it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=5)
