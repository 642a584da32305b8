"""Account deletion and data export cover every table that references a user
(found from the schema, so tables added later are covered too), and the API
cannot be used to assign fields a person does not edit."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from sqlalchemy import Table

from coachapp.api.schemas import PATCH_FIELDS
from coachapp.auth.operations import find_user_by_email
from coachapp.extensions import db
from coachapp.models import Goal, User
from tests.conftest import TEST_PASSWORD

# Columns that hold secrets or their hashes: kept out of the export on purpose.
SECRET_COLUMN = re.compile(r"(hash|token|secret|password|_key)$")


# Rows that point at a person (or their goals) but are another person's data about
# them: the coach's private notes about a client (issue 7: never in the client's
# export) and the coach's notifications about what a client did. A notification
# belongs to its recipient (user_id) only.
OTHERS_DATA_ABOUT_YOU = {("coach_notes", "client_id"), ("notifications", "client_id"),
                         ("notifications", "actor_id"), ("notifications", "goal_id")}


def _user_keys(fk) -> bool:
    return fk.column.table.name == User.__tablename__


def _detaches(fk) -> bool:
    """A foreign key to users with ON DELETE SET NULL names the author of a row that
    belongs to someone else (a coach's comment on a client's goal): deleting the
    author keeps the row and removes the name."""
    return _user_keys(fk) and (fk.ondelete or "").upper() == "SET NULL"


def owned_rows(user_id: int, for_export: bool = False) -> dict[str, dict[tuple, dict[str, Any]]]:
    """The rows that belong to the user, by table: rows whose (cascading) foreign key
    points at the user or, transitively, at a row that belongs to the user.

    ``for_export`` adds the rows the user wrote on someone else's data (detaching
    keys) and leaves out other people's data about the user.
    """
    owned: dict[str, dict[tuple, dict[str, Any]]] = {}
    for table in db.metadata.sorted_tables:  # parents before children
        rows = {}
        for fk in table.foreign_keys:
            parent = fk.column.table
            if for_export and (table.name, fk.parent.name) in OTHERS_DATA_ABOUT_YOU:
                continue
            if _user_keys(fk):
                keys = [user_id] if for_export or not _detaches(fk) else []
            else:
                keys = [pk[0] for pk in owned.get(parent.name, {}) if len(pk) == 1]
            if keys:
                query = db.select(table).where(fk.parent.in_(keys))
                rows.update({_pk(table, row): row for row in _mappings(query)})
        if table.name == User.__tablename__:
            rows = {_pk(table, r): r for r in _mappings(db.select(table).where(
                table.c.id == user_id))}
        if rows:
            owned[table.name] = rows
    return owned


def authored_rows(user_id: int) -> dict[tuple[str, str], list[tuple]]:
    """Rows that name the user through a detaching key, by (table, column)."""
    found = {}
    for table in db.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if _detaches(fk):
                found[(table.name, fk.parent.name)] = [
                    _pk(table, row) for row in _mappings(
                        db.select(table).where(fk.parent == user_id))]
    return found


def _mappings(query) -> list[dict[str, Any]]:
    return [dict(row) for row in db.session.execute(query).mappings()]


def _pk(table: Table, row: dict[str, Any]) -> tuple:
    return tuple(row[c.name] for c in table.primary_key.columns)


def tables_referencing_users() -> set[str]:
    """Tables with a foreign-key path to ``users``."""
    found = {User.__tablename__}
    for table in db.metadata.sorted_tables:
        if any(fk.column.table.name in found for fk in table.foreign_keys):
            found.add(table.name)
    return found


def _strings(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*map(_strings, value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*map(_strings, value)) if value else set()
    return set()


@pytest.fixture
def victims(app, demo) -> dict[str, int]:
    with app.app_context():
        return {email: find_user_by_email(email).id for email in (demo.client, demo.coach)}


def test_the_fixture_has_data_in_every_table_that_references_users(app, victims):
    with app.app_context():
        covered = set().union(*(owned_rows(uid, for_export=True).keys()
                                for uid in victims.values()))
        missing = tables_referencing_users() - covered
    assert not missing, (
        f"no demo rows in {sorted(missing)}: add them to the demo seeders (coachapp/*/demo.py) "
        "or to tests/app/conftest.py::demo, so deletion and export are tested for them")


@pytest.mark.parametrize("who", ["client", "coach"])
def test_deleting_an_account_deletes_every_row_that_belongs_to_it(app, client, demo, victims,
                                                                   who):
    email = demo.client if who == "client" else demo.coach
    with app.app_context():
        before = owned_rows(victims[email])
        authored = authored_rows(victims[email])
        others = {e: owned_rows(uid) for e, uid in victims.items() if e != email}
    client.submit("/login", {"email": email, "password": TEST_PASSWORD})
    assert client.submit("/account/delete", {"password": TEST_PASSWORD, "confirm": "y"}) \
        .status_code == 302
    with app.app_context():
        for name, rows in before.items():
            table = db.metadata.tables[name]
            left = [pk for pk in rows if _row(table, pk) is not None]
            assert not left, f"{len(left)} of {len(rows)} rows of {name} survived the deletion"
        detached = 0
        for (name, column), keys in authored.items():
            table = db.metadata.tables[name]
            for pk in keys:
                row = _row(table, pk)
                if row is not None:  # kept for the other person, without the author
                    assert row[column] is None, f"{name}.{column} still names the deleted user"
                    detached += 1
        for other, rows in others.items():  # nobody else lost anything that was only theirs
            after = owned_rows(victims[other])
            for name, kept in rows.items():
                lost = set(kept) - set(after.get(name, {})) - set(before.get(name, {}))
                assert not lost, f"{other} lost {len(lost)} rows of {name}"
    total = sum(len(r) for r in before.values())
    print(f"\n{who}: {total} rows in {len(before)} tables deleted with the account, "
          f"{detached} rows written on others' plans kept without the author")


def _row(table: Table, pk: tuple) -> dict[str, Any] | None:
    found = db.session.execute(db.select(table).where(
        *(c == v for c, v in zip(table.primary_key.columns, pk, strict=True)))).mappings().first()
    return dict(found) if found is not None else None


@pytest.mark.parametrize("who", ["client", "coach"])
def test_the_export_holds_every_row_that_belongs_to_the_account(app, client, demo, victims, who):
    email = demo.client if who == "client" else demo.coach
    client.submit("/login", {"email": email, "password": TEST_PASSWORD})
    exported = _strings(json.loads(client.get("/account/export").get_data(as_text=True)))
    with app.app_context():
        owned = owned_rows(victims[email], for_export=True)
    missing = []
    for name, rows in owned.items():
        for row in rows.values():
            for column, value in row.items():
                if isinstance(value, str) and value.strip() and not SECRET_COLUMN.search(column) \
                        and value not in exported:
                    missing.append(f"{name}.{column} = {value[:40]!r}")
    assert not missing, "not in the export: " + "; ".join(missing[:10])
    secrets = [value for rows in owned.values() for row in rows.values()
               for column, value in row.items()
               if SECRET_COLUMN.search(column) and isinstance(value, str) and value]
    assert not any(s in exported for s in secrets), "a secret or hash is in the export"
    with app.app_context():
        about_you = [row["body"] for row in _mappings(db.select(
            db.metadata.tables["coach_notes"]).where(
                db.metadata.tables["coach_notes"].c.client_id == victims[email]))]
    assert not [body for body in about_you if body in exported], \
        "a coach's private note is in the client's export"


@pytest.fixture
def token_goal(app, demo) -> tuple[dict[str, str], int]:
    with app.app_context():
        goal_id = db.session.scalar(db.select(Goal.id).join(User).where(
            User.email == demo.client).limit(1))
    return {"Authorization": f"Bearer {demo.api_token}"}, goal_id


def protected_goal_fields() -> list[str]:
    """Every goal column a person does not edit, plus owner and role aliases."""
    columns = [c.name for c in Goal.__table__.columns if c.name not in PATCH_FIELDS]
    return sorted({*columns, "owner", "user", "role", "reviewer", "review_state", "approved"})


def test_api_patch_cannot_assign_any_protected_field(app, client, token_goal, make_user):
    auth, goal_id = token_goal
    stranger = make_user()
    fields = protected_goal_fields()
    assert {"user_id", "id", "score", "analysis"} <= set(fields)
    with app.app_context():
        before = {c.name: v for c, v in zip(Goal.__table__.columns,
                                            db.session.execute(db.select(Goal.__table__).where(
                                                Goal.id == goal_id)).one(), strict=True)}
    for name in fields:
        for value in (stranger.id, "approved", "coach", None, True):
            response = client.patch(f"/api/goals/{goal_id}", json={name: value}, headers=auth)
            assert response.status_code == 422, (name, value, response.status_code)
            assert name in response.json["error"]["details"], name
            created = client.post("/api/goals", json={"text": "Run 3 workshops by May.",
                                                      name: value}, headers=auth)
            assert created.status_code == 422, (name, value)
    with app.app_context():
        after = {c.name: v for c, v in zip(Goal.__table__.columns,
                                           db.session.execute(db.select(Goal.__table__).where(
                                               Goal.id == goal_id)).one(), strict=True)}
    assert after == before
    print(f"\n{len(fields)} protected fields x 5 values refused on PATCH and POST")
