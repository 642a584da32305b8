"""The private calendar feed: valid iCalendar, the right events, privacy, revocation."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from coachapp.extensions import db
from coachapp.models import CalendarFeed, Goal

NEXT_YEAR = date.today().year + 1
SECRET_ACTION = "Email the secret hiring manager"
FEED_URL = re.compile(r'value="(http://localhost/progress/calendar/([^"/]+)\.ics)"')


@pytest.fixture
def plan(app, client, client_user):
    """An active goal with a deadline and an action due, started 40 days ago."""
    due = (date.today() + timedelta(days=20)).isoformat()
    response = client.submit("/goals/new", {
        "text": f"Publish 6 articles on the team blog by June {NEXT_YEAR}",
        "type": "impact", "horizon": "short", "status": "active", "deadline": "",
        "metric_target": "6 articles", "actions-0-text": SECRET_ACTION,
        "actions-0-due_date": due, "actions-1-text": "Done already",
        "actions-1-due_date": due, "actions-1-done": "y"})
    goal_id = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        goal = db.session.get(Goal, goal_id)
        goal.activated_at = datetime.now(UTC) - timedelta(days=40)
        db.session.commit()
    return goal_id


def new_feed(client) -> tuple[str, str]:
    response = client.submit("/progress/calendar/token")
    assert response.status_code == 200
    match = FEED_URL.search(response.get_data(as_text=True))
    assert match, "the new link is shown once"
    return match.group(1), match.group(2)


def fetch(app, url: str):
    return app.test_client().get(url.removeprefix("http://localhost"))  # no login


def parse(response) -> list:
    calendar = Calendar.from_ical(response.get_data())
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    return list(calendar.walk("VEVENT"))


def test_feed_lists_deadline_actions_check_ins_and_reviews(app, client, plan):
    url, _ = new_feed(client)
    response = fetch(app, url)
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert "no-store" in response.headers["Cache-Control"]
    events = parse(response)
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)), "UIDs are unique"
    for event in events:
        assert "DTSTAMP" in event and event["DTSTAMP"].dt.tzinfo is not None
        start = event["DTSTART"].dt
        assert type(start) is date, "all-day events use DATE values"
        assert event["DTEND"].dt == start + timedelta(days=1)
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any(s.startswith("Goal deadline: Publish 6 articles") for s in summaries)
    assert summaries.count("Action due: Publish 6 articles on the team blog by June "
                           f"{NEXT_YEAR}") == 1  # the done action is left out
    check_ins = [e for e in events if str(e["SUMMARY"]).startswith("Check in:")]
    assert len(check_ins) >= 6
    first = check_ins[0]["DTSTART"].dt
    assert first < date.today()  # the overdue check-in is still on the calendar
    reviews = [e for e in events if str(e["SUMMARY"]) == "Quarterly plan review"]
    assert len(reviews) >= 4
    deadline = next(e for e in events if str(e["SUMMARY"]).startswith("Goal deadline"))
    assert deadline["DTSTART"].dt == date(NEXT_YEAR, 6, 30)
    # the same feed fetched again keeps its UIDs, so calendar apps update, not duplicate
    assert [str(e["UID"]) for e in parse(fetch(app, url))] == uids


def test_feed_shows_details_only_after_opt_in(app, client, plan):
    url, _ = new_feed(client)
    body = fetch(app, url).get_data(as_text=True)
    assert SECRET_ACTION not in body and "DESCRIPTION" not in body.split("Quarterly")[0]
    assert client.submit("/progress/calendar", {"show_details": "y"}).status_code == 302
    events = parse(fetch(app, url))
    assert any(SECRET_ACTION in str(e["SUMMARY"]) for e in events)
    assert any("Metric: 6 articles" in str(e.get("DESCRIPTION", "")) for e in events)
    client.submit("/progress/calendar", {})
    assert SECRET_ACTION not in fetch(app, url).get_data(as_text=True)


def test_only_a_hash_of_the_token_is_stored(app, client, plan):
    _, token = new_feed(client)
    with app.app_context():
        feed = db.session.scalar(db.select(CalendarFeed))
        assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in feed.token_hash
    page = client.get("/progress/calendar").get_data(as_text=True)
    assert token not in page and "cannot show it again" in page


def test_revoke_and_regenerate(app, client, plan):
    old_url, _ = new_feed(client)
    new_url, _ = new_feed(client)
    assert fetch(app, old_url).status_code == 404
    assert fetch(app, new_url).status_code == 200
    assert client.submit("/progress/calendar/revoke").status_code == 302
    assert fetch(app, new_url).status_code == 404
    assert "no calendar link yet" in client.get("/progress/calendar").get_data(as_text=True)


@pytest.mark.parametrize("token", ["nope", "x" * 300, "%00", ""])
def test_unknown_tokens_are_404(app, client, plan, token):
    new_feed(client)
    assert app.test_client().get(f"/progress/calendar/{token}.ics").status_code == 404


def test_token_changes_need_csrf(client, plan):
    assert client.post("/progress/calendar/token").status_code == 400
    assert client.post("/progress/calendar/revoke").status_code == 400


def test_feed_without_active_goals_is_valid_and_empty(app, client, client_user):
    url, _ = new_feed(client)
    assert parse(fetch(app, url)) == []
