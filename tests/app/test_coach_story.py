"""The issue's "done when" story, end to end through the test client, as new users."""

from __future__ import annotations

import re
from datetime import date

from coachapp.extensions import db
from coachapp.models import Goal

YEAR = date.today().year + 1
VAGUE = "Improve my leadership skills and become a better manager."
SECOND = f"Pass the AWS Certified Data Engineer exam by June {YEAR} and become CTO next year."
REVISED = (f"Run weekly 1:1s with my 4 direct reports and complete the ILM Level 5 "
           f"leadership course by June {YEAR}.")


def sign_up(app, name: str, email: str, role: str):
    client = app.test_client()
    response = client.submit("/register", {
        "display_name": name, "email": email, "password": "a long enough password",
        "confirm": "a long enough password", "role": role})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def new_goal(client, text: str) -> int:
    response = client.submit("/goals/new", {
        "text": text, "type": "growth", "horizon": "short", "status": "active",
        "actions-0-text": "Ask for feedback", "actions-1-text": "Read one book",
        "actions-2-text": "Find a mentor"})
    assert response.status_code == 302
    return int(response.headers["Location"].rsplit("/", 1)[1])


def text_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def findings(app, goal_id: int) -> list[dict]:
    with app.app_context():
        return db.session.get(Goal, goal_id).findings


def state(app, goal_id: int) -> str:
    with app.app_context():
        return db.session.get(Goal, goal_id).review_state


def test_coach_review_story(app):
    # A coach signs up and shares the invite code.
    coach = sign_up(app, "Rita Coach", "rita@example.com", "coach")
    assert "Create your invite code" in text_of(coach, "/coach/")
    assert coach.submit("/coach/invite").status_code == 302
    code = re.search(r'data-invite-code="([A-Z0-9-]+)"', text_of(coach, "/coach/")).group(1)

    # A client signs up, links with the code and submits two goals.
    client = sign_up(app, "Noah Client", "noah@example.com", "client")
    assert client.submit("/my-coach/link", {"code": code}).status_code == 302
    vague_id, second_id = new_goal(client, VAGUE), new_goal(client, SECOND)
    for goal_id in (vague_id, second_id):
        assert "Submit for review" in text_of(client, f"/goals/{goal_id}")
        client.submit(f"/goals/{goal_id}/submit")
        assert state(app, goal_id) == "submitted"

    # The coach sees them on the dashboard.
    dashboard = text_of(coach, "/coach/")
    assert "Noah Client" in dashboard and "2 goals to review" in dashboard
    client_id = int(re.search(r'data-client-id="(\d+)"', dashboard).group(1))
    review = text_of(coach, f"/coach/clients/{client_id}")
    assert VAGUE in review and 'data-review-state="submitted"' in review

    # ... dismisses one flag with a reason ...
    unrealistic = next(f for f in findings(app, second_id) if f["code"] == "unrealistic")
    coach.submit(f"/coach/goals/{second_id}/findings", {
        "code": "unrealistic", "start": unrealistic["start"], "end": unrealistic["end"],
        "decision": "dismissed", "reason": "Your company has 12 people; CTO is realistic."})
    # ... comments on a vague phrase ...
    vague = next(f for f in findings(app, vague_id) if f["code"] == "vague")
    coach.submit(f"/threads/goal/{vague_id}", {
        "anchor": f"vague:{vague['start']}:{vague['end']}",
        "body": "What would your team see you do differently?"})
    # ... requests changes on one goal and approves the other.
    coach.submit(f"/coach/goals/{vague_id}/review", {
        "decision": "changes_requested", "comment": "Make it something we can count."})
    coach.submit(f"/coach/goals/{second_id}/review", {"decision": "approved", "comment": ""})
    assert (state(app, vague_id), state(app, second_id)) == ("changes_requested", "approved")

    # The client sees all of it: the badge, the comment on the phrase, the decisions.
    plan = text_of(client, "/goals/")
    assert 'data-unread="4"' in plan
    news = text_of(client, "/news")
    for words in ("dismissed a flag", "commented on your goal", "asked for changes",
                  "approved your goal"):
        assert words in news
    vague_page = text_of(client, f"/goals/{vague_id}")
    assert "What would your team see you do differently?" in vague_page
    assert f'<mark data-code="vague">{vague["text"]}</mark>' in vague_page
    assert "Make it something we can count." in vague_page
    assert 'data-review-state="changes_requested"' in vague_page
    second_page = text_of(client, f"/goals/{second_id}")
    assert "Dismissed by your coach: Your company has 12 people; CTO is realistic." in second_page
    assert 'data-review-state="approved"' in second_page

    # ... replies and revises.
    client.submit(f"/threads/goal/{vague_id}", {"body": "Weekly 1:1s and a course."})
    response = client.submit(f"/goals/{vague_id}/edit", {
        "text": REVISED, "type": "growth", "horizon": "short", "status": "active",
        "actions-0-text": "Book the 1:1s", "actions-1-text": "Enrol on ILM Level 5",
        "actions-2-text": "Ask my reports for feedback"})
    assert response.status_code == 302
    assert state(app, vague_id) == "submitted"

    # The coach sees the revision, back in review.
    dashboard = text_of(coach, "/coach/")
    assert "1 goal to review" in dashboard
    review = text_of(coach, f"/coach/clients/{client_id}")
    assert REVISED in review and "Weekly 1:1s and a course." in review
    assert "revised a goal" in text_of(coach, "/news")
