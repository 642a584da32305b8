"""Connection settings the database engines need."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # SQLAlchemy emits BEGIN itself (_sqlite_begin), not the driver, which would
    # start a deferred transaction only at the first write.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def read_only(view: Callable) -> Callable:
    """Mark a POST view that never writes (live analysis), so it takes no write lock."""
    view.read_only = True  # type: ignore[attr-defined]
    return view


def _writing() -> bool:
    if not has_request_context() or request.method not in WRITE_METHODS:
        return False
    view = current_app.view_functions.get(request.endpoint or "")
    return not getattr(view, "read_only", False)


def _sqlite_begin(connection: Connection) -> None:
    """Requests that write take the write lock at their first statement.

    A deferred transaction that reads, then writes after another process has
    committed fails at once with "database is locked" (the busy timeout cannot
    help it); an immediate one waits its turn instead.
    """
    connection.exec_driver_sql("BEGIN IMMEDIATE" if _writing() else "BEGIN")


def configure_engine(engine: Engine) -> None:
    """Turn on foreign keys, WAL, a busy timeout and immediate writes for SQLite."""
    if engine.dialect.name == "sqlite" and not event.contains(engine, "connect", _sqlite_pragmas):
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
