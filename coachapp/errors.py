"""Error pages for people and the JSON error shape for the API."""

from __future__ import annotations

from flask import Flask, g, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from coachapp.extensions import db, login_manager

FRIENDLY = {
    400: ("Something in that request was off", "Please go back and try again."),
    401: ("Please log in", "You need to be logged in for that."),
    403: ("Not yours to see", "You do not have access to this page."),
    404: ("Page not found", "We could not find that page. It may have been moved or deleted."),
    405: ("Not allowed", "That action is not available here."),
    409: ("Someone changed this first", "Reload the page to see the latest version."),
    413: ("That was too large", "Please send less text or a smaller file."),
    422: ("Please check your input", "Some fields need another look."),
    429: ("Slow down a little", "Too many requests. Please wait a moment and try again."),
    500: ("Something went wrong on our side", "We have rolled back the change; please try again."),
    503: ("Back in a moment", "The service is briefly unavailable. Please try again shortly."),
}

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid",
    429: "rate_limited",
    500: "server_error",
    503: "unavailable",
}


def wants_json() -> bool:
    return request.path.startswith("/api/") or (
        request.accept_mimetypes.best == "application/json"
    )


def error_response(status: int, message: str | None = None, details: dict | None = None):
    """Render ``status`` as JSON for the API and as a page for people."""
    title, default = FRIENDLY.get(status, (f"Error {status}", "Please try again."))
    if wants_json():
        body = {"error": {"code": CODES.get(status, str(status)), "message": message or default}}
        if details:
            body["error"]["details"] = details
        return jsonify(body), status
    return render_template("errors/error.html", status=status, title=title,
                           message=message or default), status


# The database is down, unreachable, locked or out of connections: a passing state.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout)
RETRY_AFTER_SECONDS = 5


def _rollback() -> None:
    """Roll back, or drop the session if even that fails (the connection is gone)."""
    try:
        db.session.rollback()
    except Exception:
        db.session.remove()


def init_app(app: Flask) -> None:
    @app.errorhandler(StaleDataError)
    def _stale(error: StaleDataError):
        _rollback()
        return error_response(409)

    def _database_unavailable(error: Exception):
        _rollback()
        app.logger.error("Database unavailable: %s", error)
        # Render as nobody: the layout must not reach for the database to name the user.
        g._login_user = login_manager.anonymous_user()
        response = app.make_response(error_response(503))
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    for unavailable in DATABASE_UNAVAILABLE:
        app.register_error_handler(unavailable, _database_unavailable)

    @app.errorhandler(CSRFError)
    def _csrf(error: CSRFError):
        return error_response(
            400, "Your session ended or this form came from another site, so nothing was "
            "saved. Go back, copy what you typed, reload the page and submit again.",
        )

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        status = error.code or 500
        if status >= 500:
            db.session.rollback()
        # Our own aborts carry messages meant for people; werkzeug's defaults do not.
        own = error.description != type(error).description
        return error_response(status, error.description if own else None)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        db.session.rollback()
        app.logger.exception("Unhandled error", exc_info=error)
        return error_response(500)
