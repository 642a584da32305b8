"""API endpoints."""

from __future__ import annotations

from flask import jsonify
from flask_wtf.csrf import generate_csrf

from coachapp.api import bp


@bp.get("/csrf")
def csrf_token():
    """A fresh CSRF token for a page that has been open a long time."""
    return jsonify({"csrf_token": generate_csrf()})
