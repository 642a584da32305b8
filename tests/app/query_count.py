"""Count the SQL statements an app runs (a SQLAlchemy engine event)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask
from sqlalchemy import event

from coachapp.extensions import db


@contextmanager
def count_queries(app: Flask) -> Iterator[list[str]]:
    """Collect every statement run on ``app``'s engine inside the block."""
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
