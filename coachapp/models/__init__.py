"""Database models, one module per feature, re-exported here."""

from coachapp.models.user import ROLES, ApiToken, User

__all__ = ["ROLES", "ApiToken", "User"]
