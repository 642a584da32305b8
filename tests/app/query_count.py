"""Count the SQL statements an app runs (a SQLAlchemy engine event)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask
from sqlalchemy import event

from coachapp.extensions import db


@contextmanager
def count_queries(app: Flask) -> Iterator[list[str]]:
    """Collect every query run on ``app``'s engine inside the block.

    Transaction control is not a query: the BEGIN that SQLite connections emit
    themselves (coachapp.database) is left out, as PostgreSQL's driver sends none.
    """
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if not statement.startswith("BEGIN"):
            statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
