"""Password cost and login timing: an unknown email costs as much as a wrong password."""

from __future__ import annotations

import statistics
import time

import pytest

from coachapp.auth.operations import authenticate
from coachapp.passwords import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH

# A real (if lower than production) scrypt cost, so a skipped hash would show.
TIMING_METHOD = "scrypt:16384:8:1"


def _median_seconds(call, rounds: int = 7) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_login_timing_is_the_same_for_unknown_and_known_emails(app, make_user):
    app.config["PASSWORD_HASH_METHOD"] = TIMING_METHOD
    user = make_user(email="timing@example.com")  # hashed with the cheap test cost ...
    with app.app_context():
        from coachapp.auth.operations import find_user_by_email
        from coachapp.extensions import db
        from coachapp.passwords import hash_password

        find_user_by_email(user.email).password_hash = hash_password("the real passphrase")
        db.session.commit()  # ... and now with the timing cost
        authenticate("nobody@example.com", "warm the dummy hash")
        known = _median_seconds(lambda: authenticate(user.email, "a wrong guess"))
        unknown = _median_seconds(lambda: authenticate("nobody@example.com", "a wrong guess"))
    print(f"\nlogin with a wrong password: known email {known * 1000:.1f} ms, "
          f"unknown email {unknown * 1000:.1f} ms")
    assert known > 0.005, "the timing hash should take a few milliseconds"
    assert 0.5 < unknown / known < 2.0


def test_password_length_bounds():
    assert MIN_PASSWORD_LENGTH >= 12
    assert MAX_PASSWORD_LENGTH >= 64


@pytest.mark.parametrize("length", [64, 128, MAX_PASSWORD_LENGTH])
def test_long_passwords_register_and_log_in(client, length):
    password = ("correct horse battery staple " * 10)[:length]
    client.submit("/register", {"display_name": "Long", "email": f"long{length}@example.com",
                                "password": password, "confirm": password, "role": "client"})
    client.submit("/logout")
    assert client.submit("/login", {"email": f"long{length}@example.com",
                                    "password": password}).status_code == 302
