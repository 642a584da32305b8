"""coachapp: SMART career goals with live feedback, interview practice and coach review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: config, extensions, blueprints, commands."""
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )

    from coachapp.config import load_config

    load_config(app, test_config)

    from coachapp import analysis, cli, errors, headers, ratelimits, security, sessions, templating
    from coachapp.database import configure_engine
    from coachapp.extensions import csrf, db, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    with app.app_context():
        configure_engine(db.engine)
    sessions.init_app(app)
    security.init_app(app)
    ratelimits.init_app(app)
    headers.init_app(app)
    errors.init_app(app)
    templating.init_app(app)
    cli.init_app(app)
    analysis.init_app(app)

    from coachapp import api, auth, coach, goals, health, interview, main, progress

    app.register_blueprint(main.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(goals.bp)
    app.register_blueprint(interview.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(progress.bp)
    app.register_blueprint(coach.bp)
    app.register_blueprint(health.bp)
    return app
