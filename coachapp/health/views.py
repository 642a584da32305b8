"""``GET /healthz`` for load balancers and orchestrators: no login, no session, JSON."""

from __future__ import annotations

from flask import jsonify

import nlp
from coachapp.health import bp
from coachapp.health.checks import run_checks


@bp.get("/healthz")
def healthz():
    """200 when every critical check passes, else 503 naming the failed ones."""
    checks = run_checks()
    failed = [name for name, check in checks.items() if check.critical and not check.ok]
    response = jsonify({
        "status": "unavailable" if failed else "ok",
        "failed": failed,
        "analyzer_version": nlp.ANALYZER_VERSION,
        "checks": {name: check.to_dict() for name, check in checks.items()},
    })
    response.status_code = 503 if failed else 200
    response.headers["Cache-Control"] = "no-store"
    return response
