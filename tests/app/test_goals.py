"""The goals workspace through the test client: vision, goals, actions, feedback."""

from datetime import date, timedelta

import pytest

from coachapp.extensions import db
from coachapp.models import Action, Goal, Vision

NEXT_YEAR = date.today().year + 1
SMART_GOAL = (
    f"Complete the PMP certification by June {NEXT_YEAR} and lead 2 cross-team projects"
)


def goal_form(**fields):
    data = {"text": SMART_GOAL, "type": "skill", "horizon": "short", "status": "active",
            "deadline": "", "metric_target": ""}
    actions = fields.pop("actions", ["Book the exam", "Study 5 hours a week", "Take a mock exam"])
    for i, text in enumerate(actions):
        data[f"actions-{i}-text"] = text
    return data | fields


def count(app, model):
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


def test_dashboard_empty_state(client, client_user):
    page = client.get("/goals/").get_data(as_text=True)
    assert "Your plan" in page
    assert "Write your five-year vision" in page
    assert "No active goals yet" in page


def test_vision_saved_and_shown(app, client, client_user):
    response = client.submit("/vision", {"statement": "Lead a surgical ward in five years.",
                                         "target_role": "Ward manager",
                                         "current_role": "Staff nurse", "months_in_role": "18"})
    assert response.status_code == 302
    page = client.get("/goals/").get_data(as_text=True)
    assert "Lead a surgical ward" in page and "Ward manager" in page
    with app.app_context():
        vision = db.session.scalar(db.select(Vision))
        assert vision.months_in_role == 18


def test_vision_validation(client, client_user):
    response = client.submit("/vision", {"statement": "x" * 2001, "months_in_role": "-3"})
    page = response.get_data(as_text=True)
    assert "Field cannot be longer than 2000 characters." in page
    assert "Enter 0 to 600 months." in page


def test_create_goal_with_actions_and_analysis(app, client, client_user):
    response = client.submit("/goals/new", goal_form())
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "PMP certification" in page and "Study 5 hours a week" in page
    with app.app_context():
        goal = db.session.scalar(db.select(Goal))
        assert goal.analysis["kind"] == "goal" and goal.score is not None
        assert [a.text for a in goal.actions] == [
            "Book the exam", "Study 5 hours a week", "Take a mock exam"]
        # the deadline found in the text pre-filled the empty field
        assert goal.deadline == date(NEXT_YEAR, 6, 30)


def test_vague_goal_is_flagged_on_its_page(client, client_user):
    response = client.submit("/goals/new", goal_form(text="Improve my leadership skills."))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'data-code="vague"' in page
    assert 'data-letter="time_bound" data-ok="false"' in page


def test_check_without_saving_shows_feedback(app, client, client_user):
    response = client.submit("/goals/new", goal_form(text="Improve my leadership skills.",
                                                     intent="check"))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<mark data-code="' in page
    assert count(app, Goal) == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": ""}, "Write your goal first."),
        ({"text": "   "}, "Write your goal first."),
        ({"text": "x" * 100_000}, "Keep a goal under 1000 characters."),
        ({"type": "hobby"}, "Not a valid choice."),
        ({"status": "secret"}, "Not a valid choice."),
        ({"horizon": "forever"}, "Not a valid choice."),
        ({"deadline": "2001-01-01"}, "That date has passed."),
        ({"deadline": "not a date"}, "Not a valid date value."),
        ({"actions": [f"Step {i}" for i in range(7)]}, "at most 5 actions; remove 2"),
        ({"metric_target": "m" * 121}, "Field cannot be longer than 120 characters."),
    ],
)
def test_goal_validation_keeps_input_and_saves_nothing(app, client, client_user, fields,
                                                        message):
    response = client.submit("/goals/new", goal_form(**fields))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert count(app, Goal) == 0
    if "actions" in fields:  # nothing typed is lost: all seven rows come back
        assert all(f'value="Step {i}"' in page for i in range(7))


def test_html_in_goal_text_is_escaped(client, client_user):
    text = '<script>alert("x")</script> "><img src=x onerror=alert(1)> by June'
    response = client.submit("/goals/new", goal_form(text=text))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page


def test_edit_goal_replaces_actions(app, client, client_user):
    location = client.submit("/goals/new", goal_form()).headers["Location"]
    goal_id = int(location.rsplit("/", 1)[1])
    page = client.get(f"/goals/{goal_id}/edit").get_data(as_text=True)
    assert 'name="version" type="hidden" value="1"' in page
    response = client.submit(f"/goals/{goal_id}/edit", goal_form(
        text="Run 3 lunch-and-learn sessions for my team by March", version="1",
        actions=["Pick topics", "Book rooms", "Collect feedback", "Share slides"]))
    assert response.status_code == 302
    with app.app_context():
        goal = db.session.get(Goal, goal_id)
        assert goal.text.startswith("Run 3 lunch-and-learn")
        assert [a.text for a in goal.actions][-1] == "Share slides"
        assert goal.version == 2
        assert db.session.scalar(db.select(db.func.count(Action.id))) == 4


def test_stale_edit_gets_409_and_keeps_text(app, client, client_user):
    location = client.submit("/goals/new", goal_form()).headers["Location"]
    goal_id = int(location.rsplit("/", 1)[1])
    client.submit(f"/goals/{goal_id}/edit", goal_form(text="First edit by June", version="1"))
    response = client.submit(f"/goals/{goal_id}/edit",
                             goal_form(text="Second, stale edit by July", version="1"))
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "changed elsewhere" in page and "Second, stale edit by July" in page
    with app.app_context():
        assert db.session.get(Goal, goal_id).text == "First edit by June"


def test_status_changes_and_dashboard(app, client, client_user):
    location = client.submit("/goals/new", goal_form(status="draft")).headers["Location"]
    goal_id = int(location.rsplit("/", 1)[1])
    assert "Drafts" in client.get("/goals/").get_data(as_text=True)
    client.submit(f"/goals/{goal_id}/status/active")
    page = client.get("/goals/").get_data(as_text=True)
    assert "Active goals" in page and 'data-code="too_few_goals"' in page
    client.submit(f"/goals/{goal_id}/status/done")
    with app.app_context():
        assert db.session.get(Goal, goal_id).status == "done"
    assert client.submit(f"/goals/{goal_id}/status/bogus").status_code == 400


def test_toggle_action(app, client, client_user):
    location = client.submit("/goals/new", goal_form()).headers["Location"]
    goal_id = int(location.rsplit("/", 1)[1])
    with app.app_context():
        action_id = db.session.scalar(db.select(Action.id).limit(1))
    client.submit(f"/goals/{goal_id}/actions/{action_id}/toggle")
    with app.app_context():
        assert db.session.get(Action, action_id).done
    assert client.submit(f"/goals/{goal_id}/actions/999999/toggle").status_code == 404


def test_delete_goal_asks_first(app, client, client_user):
    location = client.submit("/goals/new", goal_form()).headers["Location"]
    goal_id = int(location.rsplit("/", 1)[1])
    page = client.get(f"/goals/{goal_id}/delete").get_data(as_text=True)
    assert "Delete this goal?" in page
    assert count(app, Goal) == 1
    assert client.submit(f"/goals/{goal_id}/delete").status_code == 302
    assert count(app, Goal) == 0 and count(app, Action) == 0


def test_other_users_goals_are_404(app, client, make_user, login):
    owner = make_user("client")
    login(owner)
    location = client.submit("/goals/new", goal_form()).headers["Location"]
    goal_id = int(location.rsplit("/", 1)[1])
    client.submit("/logout")
    login(make_user("client"))
    for path in (f"/goals/{goal_id}", f"/goals/{goal_id}/edit", f"/goals/{goal_id}/delete"):
        assert client.get(path).status_code == 404
    for path in (f"/goals/{goal_id}/edit", f"/goals/{goal_id}/delete",
                 f"/goals/{goal_id}/status/done"):
        assert client.submit(path, goal_form()).status_code == 404
    assert count(app, Goal) == 1


def test_huge_ids_are_404_not_500(client, client_user):
    assert client.get(f"/goals/{2**40}").status_code == 404


def test_coach_cannot_use_client_workspace(client, make_user, login):
    login(make_user("coach"))
    assert client.get("/goals/").status_code == 403


def test_anonymous_is_sent_to_login(client):
    for path in ("/goals/", "/goals/new", "/vision", "/goals/1"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_live_feedback_partial(client, client_user):
    token = client.csrf_token()
    response = client.post("/goals/feedback", data={"text": "Improve my leadership skills"},
                           headers={"X-CSRFToken": token})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<mark data-code="vague"' in html
    assert 'data-letter="measurable" data-ok="false"' in html


def test_live_feedback_requires_csrf(client, client_user):
    assert client.post("/goals/feedback", data={"text": "x"}).status_code == 400


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "Start typing your goal"),
        ("x" * 6000, "over 5,000 characters"),
        ("<b>bold</b> by June", "&lt;b&gt;bold&lt;/b&gt;"),
        ("\x00\u202e\u0301 😀 emoji", "emoji"),
    ],
)
def test_live_feedback_odd_input(client, client_user, text, expected):
    response = client.post("/goals/feedback", data={"text": text},
                           headers={"X-CSRFToken": client.csrf_token()})
    assert response.status_code == 200
    assert expected in response.get_data(as_text=True)


def test_analysis_runs_once_per_text_change(app, client, client_user, monkeypatch):
    import nlp

    calls = []
    real = nlp.analyze_goal
    monkeypatch.setattr(nlp, "analyze_goal", lambda *a, **k: calls.append(a) or real(*a, **k))
    location = client.submit("/goals/new", goal_form(text="Publish 4 posts on the team blog "
                                                          "by May")).headers["Location"]
    for _ in range(3):
        client.get(location)
        client.get("/goals/")
    assert len(calls) == 1


def test_analyzer_failure_still_saves_goal(app, client, client_user, monkeypatch):
    import nlp

    def broken(*args, **kwargs):
        raise RuntimeError("model exploded")

    monkeypatch.setattr(nlp, "analyze_goal", broken)
    response = client.submit("/goals/new", goal_form(text="A goal the analyzer chokes on"))
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Analysis is unavailable" in page
    assert count(app, Goal) == 1


def test_deadline_field_wins_over_text(app, client, client_user):
    chosen = (date.today() + timedelta(days=40)).isoformat()
    client.submit("/goals/new", goal_form(deadline=chosen))
    with app.app_context():
        assert db.session.scalar(db.select(Goal.deadline)).isoformat() == chosen


def test_next_steps_ask_for_more_goals_when_too_few(client, client_user):
    client.submit("/goals/new", goal_form())
    page = client.get("/goals/").get_data(as_text=True)
    assert "Add 2 more goals" in page
