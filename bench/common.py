"""What the benchmarks share: percentiles, a bench database, and gunicorn processes
on free loopback ports that are always stopped."""

from __future__ import annotations

import http.client
import io
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PYTHON = sys.executable
START_TIMEOUT = 120  # seconds for gunicorn to load the model and answer /healthz
# A cheap password hash for seeded accounts: the benchmarks measure pages, not scrypt.
BENCH_CONFIG = {"PASSWORD_HASH_METHOD": "scrypt:1024:8:1", "SECRET_KEY": "bench-secret-key"}


def percentile(values: list[float], pct: float) -> float:
    """The nearest-rank percentile of ``values`` (0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bench_database_url() -> str:
    """BENCH_DATABASE_URL, or a fresh SQLite file in a temporary folder."""
    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        return url
    folder = tempfile.mkdtemp(prefix="coachapp-bench-")
    return f"sqlite:///{folder}/bench.sqlite"


def reset_database(url: str) -> None:
    """Empty the bench database and build the schema with the migrations.

    Refuses a PostgreSQL database whose name does not contain "bench": this
    drops every table.
    """
    from flask_migrate import upgrade
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from coachapp import create_app
    from coachapp.config import database_url
    from coachapp.extensions import db

    url = database_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        if "bench" not in (parsed.database or ""):
            raise SystemExit(f"refusing to reset {parsed.database!r}: use a database named "
                             "*bench* for BENCH_DATABASE_URL")
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    app = create_app({**BENCH_CONFIG, "SQLALCHEMY_DATABASE_URI": url,
                      "ANALYZER_WARM_UP": False})
    log = io.StringIO()  # alembic logs every step; show it only if the upgrade fails
    try:
        with app.app_context(), redirect_stderr(log):
            upgrade(directory=str(ROOT / "coachapp" / "migrations"), revision="heads")
            db.engine.dispose()
    except BaseException:
        sys.stderr.write(log.getvalue())
        raise


def server_environment(database_url: str, redis_url: str | None) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("COACHAPP", "FLASK", "REDIS_URL", "DATABASE_URL"))}
    environment.update(DATABASE_URL=database_url, SECRET_KEY=BENCH_CONFIG["SECRET_KEY"],
                       COACHAPP_ENV="development")
    if redis_url:
        environment["REDIS_URL"] = redis_url
    return environment


def get(port: int, path: str, timeout: float = 5) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@contextmanager
def gunicorn(environment: dict[str, str], workers: int = 2, preload: bool = True,
             log: Path | None = None) -> Iterator[tuple[subprocess.Popen, int]]:
    """gunicorn serving the app on a free loopback port, healthy on entry, stopped on exit.

    Rate limits are off: the load comes from one bench account, and what is measured
    is capacity (the limits themselves are tested in tests/app/test_ratelimits.py).
    """
    port = free_port()
    command = [PYTHON, "-m", "gunicorn", "--workers", str(workers),
               "--bind", f"127.0.0.1:{port}", "--timeout", "60",
               "coachapp:create_app({'RATELIMIT_ENABLED': False})"]
    if preload:
        command.insert(3, "--preload")
    output = log.open("w") if log else subprocess.DEVNULL
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output,
                               stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise SystemExit(f"gunicorn exited with {process.returncode}"
                                 + (f"; see {log}" if log else ""))
            try:
                if get(port, "/healthz", timeout=2) == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"gunicorn not healthy after {START_TIMEOUT} s")
            time.sleep(0.25)
        yield process, port
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
        if log:
            output.close()
