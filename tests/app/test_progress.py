"""Progress through the test client: check-ins, due dates, revisions, reviews, exports."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from coachapp.extensions import db
from coachapp.models import CheckIn, Goal, GoalRevision, QuarterlyReview, ReviewAnswer
from tests.conftest import TEST_PASSWORD

NEXT_YEAR = date.today().year + 1
BLOG_GOAL = f"Publish 6 articles on the team blog by March {NEXT_YEAR}"


def goal_form(**fields):
    data = {"text": BLOG_GOAL, "type": "impact", "horizon": "short", "status": "active",
            "deadline": "", "metric_target": "6 articles"}
    actions = fields.pop("actions", ["Pick six topics", "Write one draft a month",
                                     "Ask for review"])
    for i, text in enumerate(actions):
        data[f"actions-{i}-text"] = text
    return data | fields


def make_goal(client, **fields) -> int:
    response = client.submit("/goals/new", goal_form(**fields))
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def started(app, goal_id: int, days_ago: int) -> None:
    """Move the goal's start (and creation) back by ``days_ago`` days."""
    with app.app_context():
        goal = db.session.get(Goal, goal_id)
        goal.activated_at = goal.created_at = datetime.now(UTC) - timedelta(days=days_ago)
        db.session.commit()


def add_check_in(app, goal_id: int, days_ago: int, value: float, **text) -> None:
    with app.app_context():
        db.session.add(CheckIn(goal_id=goal_id, value=value, target=text.pop("target", None),
                               moved=text.get("moved", ""), blocked="", adjust="",
                               created_at=datetime.now(UTC) - timedelta(days=days_ago)))
        db.session.commit()


def rows(app, model, **where):
    with app.app_context():
        return list(db.session.scalars(db.select(model).filter_by(**where)))


# Check-ins ------------------------------------------------------------------


def test_check_in_on_a_metric_goal(app, client, client_user):
    goal_id = make_goal(client)
    page = client.get(f"/progress/goals/{goal_id}/check-in").get_data(as_text=True)
    assert "Current value (target: 6 articles)" in page
    assert "What moved?" in page and "What blocked it?" in page and "What will you adjust?" in page
    response = client.submit(f"/progress/goals/{goal_id}/check-in", {
        "value": "3", "moved": "Two posts out, one in review.",
        "blocked": "", "adjust": "Write on Fridays from next week."})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/progress/goals/{goal_id}#check-ins")
    [check_in] = rows(app, CheckIn)
    assert (check_in.value, check_in.target, check_in.percent) == (3, 6, 50)
    assert check_in.findings == []
    page = client.get(f"/progress/goals/{goal_id}").get_data(as_text=True)
    assert "Two posts out, one in review." in page
    assert "3 of 6" in page and "50%" in page
    assert '<circle class="chart-point"' in page


def test_check_in_on_a_goal_without_a_number_is_a_percentage(app, client, client_user):
    goal_id = make_goal(client, metric_target="the blog relaunch")
    page = client.get(f"/progress/goals/{goal_id}/check-in").get_data(as_text=True)
    assert "Progress (%)" in page
    client.submit(f"/progress/goals/{goal_id}/check-in", {"value": "40"})
    [check_in] = rows(app, CheckIn)
    assert check_in.target is None and check_in.percent == 40


@pytest.mark.parametrize(
    ("value", "message"),
    [("", "Enter a number, even if it is 0."), ("-1", "Enter 0 or more."),
     ("150", "Progress is a percentage: enter 0 to 100."), ("lots", "Not a valid float value.")],
)
def test_check_in_validation(app, client, client_user, value, message):
    goal_id = make_goal(client, text=f"Relaunch the team blog by March {NEXT_YEAR}",
                        metric_target="")
    response = client.submit(f"/progress/goals/{goal_id}/check-in",
                             {"value": value, "moved": "kept this text"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page and "kept this text" in page
    assert rows(app, CheckIn) == []


@pytest.mark.parametrize(
    ("blocked", "adjust", "codes"),
    [
        ("My manager cancelled our 1:1s.", "", ["blocker_no_next_step"]),
        ("", "Ask my manager for study leave.", ["adjust_no_date"]),
        ("Too many night shifts.", "Ask for early shifts by 15 March.", []),
        ("", "", []),
    ],
)
def test_check_in_text_is_checked(app, client, client_user, blocked, adjust, codes):
    goal_id = make_goal(client)
    client.submit(f"/progress/goals/{goal_id}/check-in",
                  {"value": "1", "blocked": blocked, "adjust": adjust})
    [check_in] = rows(app, CheckIn)
    assert [f["code"] for f in check_in.findings] == codes
    page = client.get(f"/progress/goals/{goal_id}").get_data(as_text=True)
    for code in codes:
        assert f'data-code="{code}"' in page


def test_check_in_only_for_active_goals(app, client, client_user):
    goal_id = make_goal(client, status="draft")
    response = client.get(f"/progress/goals/{goal_id}/check-in")
    assert response.status_code == 302 and f"/goals/{goal_id}" in response.headers["Location"]


# Due, overdue and pace ------------------------------------------------------


def test_dashboard_shows_overdue_check_in_then_clears(app, client, client_user):
    goal_id = make_goal(client)
    page = client.get("/goals/").get_data(as_text=True)
    assert "data-progress-due" in page and "Nothing due" in page
    started(app, goal_id, 40)
    page = client.get("/goals/").get_data(as_text=True)
    assert 'data-due="overdue"' in page
    assert f"/progress/goals/{goal_id}/check-in" in page
    client.submit(f"/progress/goals/{goal_id}/check-in", {"value": "2"})
    page = client.get("/goals/").get_data(as_text=True)
    assert 'data-due="overdue"' not in page and "Nothing due" in page


def test_activation_starts_the_rhythm(app, client, client_user):
    goal_id = make_goal(client, status="draft")
    assert rows(app, Goal)[0].activated_at is None
    client.submit(f"/goals/{goal_id}/status/active")
    activated = rows(app, Goal)[0].activated_at
    assert activated is not None and activated.tzinfo is not None
    client.submit(f"/goals/{goal_id}/status/draft")
    client.submit(f"/goals/{goal_id}/status/active")
    assert rows(app, Goal)[0].activated_at == activated  # the first activation counts


def test_on_track_and_behind(app, client, client_user):
    deadline = (date.today() + timedelta(days=100)).isoformat()
    goal_id = make_goal(client, deadline=deadline)
    started(app, goal_id, 100)  # half the time has gone
    add_check_in(app, goal_id, 5, 1, target=6)  # 17%: behind
    page = client.get("/progress/").get_data(as_text=True)
    assert 'data-on-track="false"' in page and "Behind" in page
    add_check_in(app, goal_id, 1, 3, target=6)  # 50%: on track
    page = client.get("/goals/").get_data(as_text=True)
    assert 'data-on-track="true"' in page and "On track" in page


def test_quarterly_review_becomes_due(app, client, client_user):
    goal_id = make_goal(client)
    assert 'data-due="upcoming"' in client.get("/progress/").get_data(as_text=True)
    started(app, goal_id, 100)
    page = client.get("/goals/").get_data(as_text=True)
    assert "Quarterly review overdue" in page


# Revisions ------------------------------------------------------------------


def test_adjusting_an_active_goal_records_a_revision_with_reason(app, client, client_user):
    goal_id = make_goal(client)
    response = client.submit(f"/goals/{goal_id}/edit", goal_form(
        text=f"Publish 4 articles on the team blog by June {NEXT_YEAR}",
        metric_target="4 articles", version="1"))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/progress/goals/{goal_id}/why")
    page = client.get(f"/progress/goals/{goal_id}/why").get_data(as_text=True)
    assert "<del>6</del>" in page and "<ins>4</ins>" in page
    assert "Metric: 6 articles → 4 articles" in page
    response = client.submit(f"/progress/goals/{goal_id}/why",
                             {"change_kind": "adjusted", "change_reason": ""})
    assert response.status_code == 422 and "Say in a sentence why" in response.get_data(
        as_text=True)
    response = client.submit(f"/progress/goals/{goal_id}/why", {
        "change_kind": "adjusted", "change_reason": "Six was too many with the new rota."})
    assert response.status_code == 302
    revisions = rows(app, GoalRevision, goal_id=goal_id)
    assert [r.kind for r in revisions] == ["original", "adjusted"]
    assert revisions[0].text == BLOG_GOAL and revisions[0].metric_target == "6 articles"
    assert revisions[1].reason == "Six was too many with the new rota."
    assert all(r.score is not None for r in revisions)
    page = client.get(f"/progress/goals/{goal_id}").get_data(as_text=True)
    assert "Six was too many with the new rota." in page
    assert page.count('class="revision revision-') == 2
    # the reason is given once: history is not rewritten
    client.submit(f"/progress/goals/{goal_id}/why",
                  {"change_kind": "pivoted", "change_reason": "Rewritten later"})
    assert rows(app, GoalRevision, goal_id=goal_id)[1].reason.startswith("Six was")


def test_editing_without_changing_the_goal_or_a_draft_records_nothing(app, client,
                                                                      client_user):
    goal_id = make_goal(client)
    response = client.submit(f"/goals/{goal_id}/edit", goal_form(
        version="1", actions=["Pick six topics", "Write one draft a month", "Ask for review",
                              "Share on LinkedIn"]))
    assert response.headers["Location"].endswith(f"/goals/{goal_id}")
    draft_id = make_goal(client, status="draft")
    client.submit(f"/goals/{draft_id}/edit", goal_form(text="Something else by May",
                                                       status="draft", version="1"))
    assert rows(app, GoalRevision) == []


def test_pivot_then_more_changes_keep_every_version(app, client, client_user):
    goal_id = make_goal(client)
    texts = [f"Give 2 talks at meetups by May {NEXT_YEAR}",
             f"Give 3 talks at meetups by July {NEXT_YEAR}"]
    for version, text in enumerate(texts, start=1):
        client.submit(f"/goals/{goal_id}/edit", goal_form(text=text, metric_target="",
                                                          version=str(version)))
        client.submit(f"/progress/goals/{goal_id}/why",
                      {"change_kind": "pivoted", "change_reason": f"Reason {version}"})
    revisions = rows(app, GoalRevision, goal_id=goal_id)
    assert [r.text for r in revisions] == [BLOG_GOAL, *texts]
    assert [r.reason for r in revisions] == ["", "Reason 1", "Reason 2"]


def test_concurrent_edits_second_writer_gets_409_and_no_revision_is_lost(app, client,
                                                                         client_user):
    goal_id = make_goal(client)
    other = app.test_client()  # the same person in a second browser
    assert other.submit("/login", {"email": client_user.email,
                                   "password": TEST_PASSWORD}).status_code == 302
    for session in (client, other):
        assert 'name="version" type="hidden" value="1"' in session.get(
            f"/goals/{goal_id}/edit").get_data(as_text=True)
    first = client.submit(f"/goals/{goal_id}/edit",
                          goal_form(text=f"First: 5 articles by May {NEXT_YEAR}", version="1"))
    assert first.status_code == 302
    second = other.submit(f"/goals/{goal_id}/edit",
                          goal_form(text=f"Second: 8 articles by May {NEXT_YEAR}", version="1"))
    assert second.status_code == 409
    page = second.get_data(as_text=True)
    assert "changed elsewhere" in page and "Second: 8 articles" in page
    assert 'name="version" type="hidden" value="2"' in page
    assert [r.text for r in rows(app, GoalRevision, goal_id=goal_id)] == [
        BLOG_GOAL, f"First: 5 articles by May {NEXT_YEAR}"]
    # the second writer merges and saves again: their version joins the history too
    again = other.submit(f"/goals/{goal_id}/edit",
                         goal_form(text=f"Second: 8 articles by May {NEXT_YEAR}", version="2"))
    assert again.status_code == 302
    assert [r.text for r in rows(app, GoalRevision, goal_id=goal_id)][-1].startswith("Second")
    assert len(rows(app, GoalRevision, goal_id=goal_id)) == 3


def test_drop_with_a_reason(app, client, client_user):
    goal_id = make_goal(client)
    response = client.submit(f"/progress/goals/{goal_id}/drop", {"reason": ""})
    assert response.status_code == 422
    assert rows(app, Goal)[0].status == "active"
    client.submit(f"/progress/goals/{goal_id}/drop", {"reason": "The blog was shut down."})
    assert rows(app, Goal)[0].status == "dropped"
    [original, dropped] = rows(app, GoalRevision, goal_id=goal_id)
    assert (original.kind, dropped.kind, dropped.reason) == (
        "original", "dropped", "The blog was shut down.")
    page = client.get(f"/progress/goals/{goal_id}").get_data(as_text=True)
    assert "The blog was shut down." in page and 'data-kind="dropped"' in page


# Quarterly review -----------------------------------------------------------


def test_quarterly_review_flow(app, client, client_user):
    keep_id = make_goal(client)
    drop_id = make_goal(client, text=f"Speak at 2 conferences by May {NEXT_YEAR}",
                        metric_target="2 conferences")
    for days, moved in ((100, "oldest note"), (70, "second note"), (40, "third note"),
                        (10, "newest note")):
        add_check_in(app, keep_id, days, 1, moved=moved, target=6)
    page = client.get("/progress/review").get_data(as_text=True)
    assert "second note" in page and "third note" in page and "newest note" in page
    assert "oldest note" not in page  # only the last three check-ins
    form = {"answers-0-goal_id": str(keep_id), "answers-0-decision": "keep",
            "answers-1-goal_id": str(drop_id), "answers-1-decision": "drop",
            "answers-1-reason": "", "note": "A good quarter."}
    response = client.submit("/progress/review", form)
    assert response.status_code == 422
    assert "Say why you are dropping this goal." in response.get_data(as_text=True)
    assert rows(app, QuarterlyReview) == []
    form["answers-1-reason"] = "No conference budget this year."
    assert client.submit("/progress/review", form).status_code == 302
    [review] = rows(app, QuarterlyReview)
    assert review.note == "A good quarter."
    answers = {a.goal_id: (a.decision, a.reason) for a in rows(app, ReviewAnswer)}
    assert answers == {keep_id: ("keep", ""),
                       drop_id: ("drop", "No conference budget this year.")}
    assert {g.id: g.status for g in rows(app, Goal)} == {keep_id: "active", drop_id: "dropped"}
    page = client.get("/progress/").get_data(as_text=True)
    assert f"Last review: {date.today():%d %B %Y}" in page
    assert "No conference budget" in client.get("/progress/review").get_data(as_text=True)


def test_review_ignores_goals_that_are_not_yours(app, client, client_user, make_user):
    mine = make_goal(client)
    response = client.submit("/progress/review", {
        "answers-0-goal_id": str(mine), "answers-0-decision": "keep",
        "answers-1-goal_id": "999999", "answers-1-decision": "drop", "answers-1-reason": "x"})
    assert response.status_code == 302
    assert [a.goal_id for a in rows(app, ReviewAnswer)] == [mine]


# Permissions and escaping ---------------------------------------------------


def test_other_users_goals_are_404(app, client, make_user, login):
    login(make_user("client"))
    goal_id = make_goal(client)
    client.submit("/logout")
    login(make_user("client"))
    for path in ("", "/check-in", "/drop", "/why"):
        assert client.get(f"/progress/goals/{goal_id}{path}").status_code == 404
    for path in ("/check-in", "/drop", "/why"):
        assert client.submit(f"/progress/goals/{goal_id}{path}",
                             {"value": "5", "reason": "x", "change_reason": "x"}
                             ).status_code == 404
    assert rows(app, CheckIn) == [] and rows(app, GoalRevision) == []


PAGES = ("/progress/", "/progress/review", "/progress/calendar", "/progress/plan/print",
         "/progress/plan.md", "/progress/goals/1", "/progress/goals/1/check-in")


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_is_sent_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("path", PAGES)
def test_coach_gets_403(client, make_user, login, path):
    login(make_user("coach"))
    assert client.get(path).status_code == 403


def test_user_text_is_escaped_everywhere(app, client, client_user):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    goal_id = make_goal(client, text=f"{evil} 6 posts by May {NEXT_YEAR}")
    client.submit(f"/progress/goals/{goal_id}/check-in",
                  {"value": "2", "moved": evil, "blocked": evil, "adjust": evil})
    client.submit(f"/goals/{goal_id}/edit", goal_form(text=f"{evil} 7 posts by May {NEXT_YEAR}",
                                                      version="1"))
    why = client.get(f"/progress/goals/{goal_id}/why").get_data(as_text=True)
    client.submit(f"/progress/goals/{goal_id}/why", {"change_kind": "adjusted",
                                                     "change_reason": evil})
    for page in (why, *(client.get(p).get_data(as_text=True) for p in (
            f"/progress/goals/{goal_id}", "/progress/", "/progress/review", "/goals/",
            "/progress/plan/print"))):
        assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in client.get(f"/progress/goals/{goal_id}").get_data(as_text=True)
    markdown = client.get("/progress/plan.md").get_data(as_text=True)
    assert "<script>" not in markdown and "\\<script\\>" in markdown


# Export and demo ------------------------------------------------------------


def test_printable_plan_and_markdown(app, client, client_user):
    client.submit("/vision", {"statement": "Lead the content team.", "target_role": "Editor"})
    make_goal(client)
    page = client.get("/progress/plan/print").get_data(as_text=True)
    assert "Career plan" in page and "Lead the content team." in page
    assert BLOG_GOAL in page and "Pick six topics" in page and "Next check-in" in page
    response = client.get("/progress/plan.md")
    assert response.mimetype == "text/markdown"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("# Career plan of Test Client")
    assert "## Vision" in text and "Aiming for: **Editor**" in text
    assert "- SMART: `" in text and "- [ ] Pick six topics" in text
    assert "- Next check-in:" in text and "## Next quarterly review" in text


def test_json_export_has_progress_but_never_the_calendar_token(app, client, client_user):
    goal_id = make_goal(client)
    client.submit(f"/progress/goals/{goal_id}/check-in", {"value": "3", "moved": "Two out"})
    client.submit(f"/progress/goals/{goal_id}/drop", {"reason": "Changed teams"})
    page = client.submit("/progress/calendar/token").get_data(as_text=True)
    token = page.split("/progress/calendar/", 1)[1].split(".ics", 1)[0]
    data = json.loads(client.get("/account/export").get_data(as_text=True))
    progress = data["progress"]
    assert progress["check_ins"][0]["moved"] == "Two out"
    assert progress["check_ins"][0]["percent"] == 50
    assert [r["kind"] for r in progress["revisions"]] == ["original", "dropped"]
    assert progress["calendar"]["active"] is True
    assert token not in json.dumps(data)


def test_demo_data_gives_maya_months_of_check_ins(app):
    from coachapp.demo import seed_demo
    from coachapp.models import User
    from coachapp.progress.operations import plan_progress

    with app.app_context():
        assert seed_demo("demo-password")
        maya = db.session.scalar(db.select(User).where(User.email == "maya@example.com"))
        plan = plan_progress(maya)
        assert len(plan.goals) == 3
        assert sum(len(g.check_ins) for g in plan.goals) == 8
        assert [g.next_check_in.state for g in plan.goals].count("overdue") == 2
        assert sorted(g.pace.on_track for g in plan.goals if g.pace) == [False, True, True]
        revised = [g for g in plan.goals if g.goal.revisions]
        assert [r.kind for r in revised[0].goal.revisions] == ["original", "adjusted"]
        assert revised[0].goal.revisions[1].reason
