"""Account operations, free of request and session handling."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError

from coachapp.extensions import db
from coachapp.models import ROLES, ApiToken, User
from coachapp.models.user import new_session_token
from coachapp.passwords import hash_password, verify_password


class AccountError(Exception):
    """An account operation was refused; ``str(error)`` is safe to show."""


class EmailTaken(AccountError):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    key = normalise_email(email)
    return db.session.scalar(db.select(User).where(func.lower(User.email) == key))


def register_user(email: str, password: str, display_name: str, role: str = "client") -> User:
    """Create an account; raises :class:`EmailTaken` if the email is in use."""
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}.")
    if find_user_by_email(email) is not None:
        raise EmailTaken("An account with this email already exists.")
    user = User(
        email=normalise_email(email),
        password_hash=hash_password(password),
        display_name=display_name.strip() or normalise_email(email).split("@")[0],
        role=role,
    )
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError as error:  # a concurrent registration won the race
        db.session.rollback()
        raise EmailTaken("An account with this email already exists.") from error
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user with these credentials, or None (same cost either way)."""
    user = find_user_by_email(email)
    ok = verify_password(user.password_hash if user else None, password)
    return user if ok else None


def end_all_sessions(user: User) -> None:
    """Invalidate every session and remember-me cookie of ``user``."""
    user.session_token = new_session_token()
    db.session.commit()


def change_password(user: User, current: str, new: str) -> None:
    if not verify_password(user.password_hash, current):
        raise AccountError("Your current password is not correct.")
    user.password_hash = hash_password(new)
    end_all_sessions(user)


def delete_account(user: User) -> None:
    """Delete ``user`` and everything that belongs to them."""
    db.session.delete(user)
    db.session.commit()


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_api_token(user: User, name: str = "") -> str:
    """Create a personal API token and return it; only its hash is stored."""
    token = "cat_" + secrets.token_urlsafe(32)
    db.session.add(ApiToken(user=user, token_hash=token_digest(token), name=name))
    db.session.commit()
    return token


def user_for_api_token(token: str) -> User | None:
    row = db.session.scalar(db.select(ApiToken).where(ApiToken.token_hash == token_digest(token)))
    return row.user if row else None
