"""Demo data for a first look: a coach and clients with plans worth reading."""

from __future__ import annotations

from dataclasses import dataclass

from coachapp.auth.operations import delete_account, find_user_by_email, register_user
from coachapp.extensions import db


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    role: str
    about: str


DEMO_ACCOUNTS = (
    DemoAccount("coach@example.com", "Jordan Reyes", "coach", "career coach with three clients"),
    DemoAccount("maya@example.com", "Maya Chen", "client", "nurse aiming for a ward manager role"),
    DemoAccount(
        "sam@example.com", "Sam Okafor", "client", "developer moving into data engineering"
    ),
    DemoAccount("lee@example.com", "Lee Park", "client", "analyst heading for product management"),
)


def seed_demo(password: str, force: bool = False) -> bool:
    """Create the demo accounts and their data; False if they already exist."""
    existing = [find_user_by_email(a.email) for a in DEMO_ACCOUNTS]
    if any(existing) and not force:
        return False
    for user in filter(None, existing):
        delete_account(user)
    users = {a.email: register_user(a.email, password, a.name, a.role) for a in DEMO_ACCOUNTS}
    for seeder in _seeders:
        seeder(users)
    db.session.commit()
    return True


_seeders: list = []


def demo_seeder(func):
    """Register a function that adds one feature's demo data, given the demo users by email."""
    _seeders.append(func)
    return func
