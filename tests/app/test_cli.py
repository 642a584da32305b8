"""The flask commands."""

from coachapp.auth.operations import authenticate, user_for_api_token
from coachapp.extensions import db
from coachapp.models import User


def test_create_user(app, runner):
    result = runner.invoke(args=["create-user", "Coach@Example.com", "--role", "coach",
                                 "--password", "a strong passphrase", "--name", "Cora"])
    assert result.exit_code == 0, result.output
    assert "Created coach coach@example.com" in result.output
    with app.app_context():
        user = authenticate("coach@example.com", "a strong passphrase")
        assert user is not None and user.role == "coach" and user.display_name == "Cora"


def test_create_user_refuses_short_password_and_duplicates(runner, make_user):
    result = runner.invoke(args=["create-user", "a@example.com", "--password", "short"])
    assert result.exit_code != 0 and "12 characters" in result.output
    make_user(email="taken@example.com")
    result = runner.invoke(args=["create-user", "taken@example.com", "--password", "x" * 12])
    assert result.exit_code != 0 and "already exists" in result.output


def test_create_token_prints_token_last_and_stores_hash(app, runner, make_user):
    user = make_user()
    result = runner.invoke(args=["create-token", user.email])
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    with app.app_context():
        assert user_for_api_token(token).id == user.id
        stored = db.session.execute(db.text("SELECT token_hash FROM api_tokens")).scalar()
        assert stored != token and len(stored) == 64


def test_create_token_for_unknown_email(runner):
    result = runner.invoke(args=["create-token", "ghost@example.com"])
    assert result.exit_code != 0 and "No account" in result.output


def test_seed_demo_once_and_prints_logins(app, runner):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "coach@example.com" in first.output and "coachapp-demo" in first.output
    second = runner.invoke(args=["seed-demo"])
    assert "already present" in second.output
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(User.id))) == 4  # a coach, 3 clients
        assert authenticate("maya@example.com", "coachapp-demo") is not None
