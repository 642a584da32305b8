"""API endpoints: parse the JSON body with :mod:`coachapp.api.schemas`, call an
operation, answer JSON. Errors use the shape of :func:`coachapp.errors.error_response`.

Who is asking is settled before these run (:mod:`coachapp.security`): a bearer
token's user, or the session user, whose unsafe requests carry a CSRF header.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import cache, wraps
from importlib import resources
from typing import Any

from flask import abort, current_app, jsonify, request, url_for
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

import nlp
from coachapp.analysis import LIMITS, analyze_text, user_context
from coachapp.api import bp, schemas
from coachapp.database import read_only
from coachapp.errors import error_response
from coachapp.goals import operations as ops
from coachapp.ratelimits import analysis_limit

# Endpoints anyone may call; every other /api endpoint answers 401 to strangers.
PUBLIC_ENDPOINTS = {"api.csrf_token", "api.openapi"}


@bp.before_request
def _require_user():
    if request.endpoint in PUBLIC_ENDPOINTS or current_user.is_authenticated:
        return None
    return error_response(
        401, "Log in, or send a personal API token as 'Authorization: Bearer <token>'."
    )


@bp.after_request
def _headers(response):
    if response.status_code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="coachapp"'
    if request.endpoint != "api.openapi":
        response.headers["Cache-Control"] = "no-store"  # private plans stay out of caches
    return response


def clients_only(view: Callable) -> Callable:
    """Goals belong to clients: coaches get 403."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if current_user.role != "client":
            abort(403, "Goals belong to client accounts; coaches review them in the coach pages.")
        return view(*args, **kwargs)

    return wrapped


def _json_object() -> dict[str, Any]:
    """The request body as a JSON object, or a 400."""
    if not request.is_json:
        abort(400, "Send a JSON object with 'Content-Type: application/json'.")
    try:
        body = json.loads(request.get_data(cache=True))
    except (ValueError, RecursionError):
        abort(400, "The body is not valid JSON.")
    if not isinstance(body, dict):
        abort(400, "The body must be a JSON object.")
    return body


def _invalid(errors: schemas.Errors):
    return error_response(422, "Some fields need another look.", errors)


def _own_goal(goal_id: int):
    goal = ops.goal_for(current_user, goal_id)
    if goal is None:  # the same answer whether the goal is someone else's or no one's
        abort(404, "No such goal.")
    return goal


def _goal_response(goal, status: int = 200):
    response = jsonify(schemas.goal_to_json(goal))
    response.status_code = status
    response.set_etag(str(goal.version))
    return response


@bp.get("/csrf")
def csrf_token():
    """A fresh CSRF token for a page that has been open a long time."""
    return jsonify({"csrf_token": generate_csrf()})


@bp.get("/openapi.json")
def openapi():
    return current_app.response_class(openapi_document(), mimetype="application/json")


@cache
def openapi_document() -> bytes:
    return resources.files("coachapp.api").joinpath("openapi.json").read_bytes()


@bp.post("/analyze")
@read_only
@analysis_limit
def analyze():
    wanted, errors = schemas.parse_analyze(_json_object())
    if errors:
        return _invalid(errors)
    limit = LIMITS[wanted.kind]
    if len(wanted.text) > limit:
        return error_response(413, f"The {wanted.kind} text is {len(wanted.text)} characters "
                                   f"long; the maximum is {limit}.")
    context = schemas.merge_context(user_context(current_user), wanted.context)
    try:
        analysis = analyze_text(wanted.kind, wanted.text, context)
    except nlp.TextTooLong as error:
        return error_response(413, str(error))
    except nlp.AnalyzerInputError as error:
        return error_response(422, str(error))
    if analysis is None:
        return error_response(503, "Analysis is unavailable right now; please try again shortly.")
    return jsonify(analysis)


@bp.get("/goals")
@clients_only
def goals():
    statuses, errors = schemas.parse_status_filter(request.args.getlist("status"))
    if errors:
        return _invalid(errors)
    return jsonify({"goals": [schemas.goal_to_json(g)
                              for g in ops.user_goals(current_user, statuses)]})


@bp.post("/goals")
@clients_only
def create_goal():
    data, errors = schemas.parse_new_goal(_json_object(), date.today())
    if errors:
        return _invalid(errors)
    goal = ops.create_goal(current_user, data)
    response = _goal_response(goal, 201)
    response.headers["Location"] = url_for("api.goal", goal_id=goal.id)
    return response


@bp.get("/goals/<int:goal_id>")
@clients_only
def goal(goal_id: int):
    return _goal_response(_own_goal(goal_id))


@bp.patch("/goals/<int:goal_id>")
@clients_only
def update_goal(goal_id: int):
    goal = _own_goal(goal_id)
    patch, errors = schemas.parse_goal_patch(_json_object(), goal, date.today())
    if_match, header_errors = schemas.parse_if_match(request.headers.get("If-Match"))
    if errors or header_errors:
        return _invalid({**errors, **header_errors})
    expected = patch.version if patch.version is not None else if_match
    try:
        ops.update_goal(goal, patch.data, expected_version=expected)
    except ops.StaleGoal:
        return error_response(409, "This goal was changed after the version you sent. Fetch it "
                                   "again, reapply your change and send the new version.")
    return _goal_response(goal)


@bp.delete("/goals/<int:goal_id>")
@clients_only
def delete_goal(goal_id: int):
    ops.delete_goal(_own_goal(goal_id))
    return "", 204


@bp.get("/plan")
@clients_only
def plan():
    overview = ops.plan_overview(current_user)
    return jsonify({
        "goals": [schemas.goal_to_json(g) for g in overview.active],
        "analysis": overview.analysis,
        "next_steps": overview.next_steps,
    })
