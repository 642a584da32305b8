"""Accounts: register, log in and out, change password, delete, export."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from coachapp.auth import views  # noqa: E402,F401  (routes register on bp)
