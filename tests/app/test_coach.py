"""Coach review through the test client: links, review flow, dismissals, notifications,
private notes, export, deletion and the dashboard's fixed query count."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from coachapp.coach import operations as ops
from coachapp.coach.scoring import rescore
from coachapp.extensions import db
from coachapp.models import (
    CoachLink,
    CoachNote,
    Comment,
    FindingDecision,
    Goal,
    GoalReview,
    Notification,
    User,
)
from tests.app.coach_world import SMART_GOAL, build_world, client_plan, link
from tests.app.query_count import count_queries
from tests.conftest import TEST_PASSWORD


@pytest.fixture
def world(app, make_user):
    with app.app_context():
        return build_world(make_user)


@pytest.fixture
def as_user(app, client):
    """``as_user(person)``: the test client, logged in as ``person`` (logged out first)."""

    def login(person):
        response = client.submit("/login", {"email": person.email, "password": TEST_PASSWORD})
        assert response.status_code == 302
        return client

    return login


def get(app, model, id_):
    with app.app_context():
        row = db.session.get(model, id_)
        if row is not None:
            db.session.expunge(row)
        return row


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.get_data(as_text=True)


# Linking -----------------------------------------------------------------------


def test_client_links_with_the_invite_code_and_either_side_ends_it(app, client, make_user,
                                                                    as_user):
    coach, someone = make_user("coach", name="Jo Coach"), make_user("client", name="Kim")
    as_user(coach)
    dashboard = page(client, "/coach/")
    assert "Create your invite code" in dashboard and "data-invite-code" not in dashboard
    assert client.submit("/coach/invite").status_code == 302
    dashboard = page(client, "/coach/")
    code = dashboard.split('data-invite-code="')[1].split('"')[0]
    assert "No clients yet" in dashboard

    as_user(someone)
    response = client.submit("/my-coach/link", {"code": code.lower().replace("-", " ")})
    assert response.status_code == 302
    assert "Shared with Jo Coach" in page(client, "/my-coach")
    again = client.submit("/my-coach/link", {"code": code})
    assert again.status_code == 422 and "already share your plan" in again.get_data(as_text=True)

    as_user(coach)
    assert "Kim" in page(client, "/coach/")
    assert client.submit(f"/coach/clients/{someone.id}/end").status_code == 302
    assert client.get(f"/coach/clients/{someone.id}").status_code == 404
    assert "Kim" not in page(client, "/coach/")

    as_user(someone)
    history = page(client, "/my-coach")
    assert "Earlier coaches" in history and "ended by the coach" in history
    assert client.submit("/my-coach/link", {"code": code}).status_code == 302
    assert client.submit("/my-coach/end").status_code == 302
    with app.app_context():
        links = db.session.scalars(select(CoachLink).order_by(CoachLink.id)).all()
        assert [(lk.ended_by, lk.ended_at is not None) for lk in links] == [
            ("coach", True), ("client", True)]


@pytest.mark.parametrize(("code", "message"), [
    ("", "Enter the code your coach gave you."),
    ("NOPE-NOPE", "That invite code is not valid."),
    ("x" * 21, "An invite code has 8 letters and digits."),
])
def test_bad_invite_codes_are_explained(client, client_user, code, message):
    response = client.submit("/my-coach/link", {"code": code})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


def test_one_coach_at_a_time_and_a_regenerated_code_stops_working(app, client, make_user,
                                                                   as_user):
    first, second, kim = make_user("coach"), make_user("coach"), make_user("client")
    with app.app_context():
        old = ops.invite_for(db.session.get(User, first.id)).code
        link(db.session.get(User, kim.id), db.session.get(User, second.id))
    as_user(kim)
    response = client.submit("/my-coach/link", {"code": old})
    assert "End that link first" in response.get_data(as_text=True)
    as_user(first)
    assert client.submit("/coach/invite").status_code == 302
    newcomer = make_user("client")
    with app.app_context():
        assert ops.invite_for(db.session.get(User, first.id)).code != old
        with pytest.raises(ops.CoachingError, match="not valid"):
            ops.link_with_code(db.session.get(User, newcomer.id), old)


def test_the_database_allows_one_open_link_per_client(app, make_user):
    a, b, kim = make_user("coach"), make_user("coach"), make_user("client")
    with app.app_context():
        db.session.add(CoachLink(coach_id=a.id, client_id=kim.id))
        db.session.commit()
        db.session.add(CoachLink(coach_id=b.id, client_id=kim.id))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()
        ended = db.session.scalar(select(CoachLink))
        ended.ended_at, ended.ended_by = ended.started_at, "client"
        db.session.add(CoachLink(coach_id=b.id, client_id=kim.id))
        db.session.commit()  # a closed link does not count


# Review flow and dismissals ------------------------------------------------------


def _finding(app, goal_id, code):
    goal = get(app, Goal, goal_id)
    return next(f for f in goal.findings if f["code"] == code)


def test_review_flow_approve_edit_goes_back_to_review(app, client, world, as_user):
    as_user(world.coach_a)
    response = client.submit(f"/coach/goals/{world.goal_id}/review",
                             {"decision": "changes_requested", "comment": ""})
    assert response.status_code == 302
    assert get(app, Goal, world.goal_id).review_state == "submitted"  # a comment is required
    client.submit(f"/coach/goals/{world.goal_id}/review",
                  {"decision": "approved", "comment": "Good"})
    assert get(app, Goal, world.goal_id).review_state == "approved"
    # a draft the client never submitted cannot be approved
    client.submit(f"/coach/goals/{world.smart_goal_id}/review", {"decision": "approved"})
    assert get(app, Goal, world.smart_goal_id).review_state == "draft"

    as_user(world.client_a)
    detail = page(client, f"/goals/{world.goal_id}")
    assert 'data-review-state="approved"' in detail and "Good" in detail
    with app.app_context():
        from coachapp.goals.operations import GoalInput, update_goal
        goal = db.session.get(Goal, world.goal_id)
        update_goal(goal, GoalInput(text=goal.text, type=goal.type, status=goal.status))
        assert goal.review_state == "approved"  # nothing reviewed changed
        update_goal(goal, GoalInput(text=SMART_GOAL + " Then mentor 2 people.",
                                    type=goal.type, status=goal.status))
        assert goal.review_state == "submitted"
        kinds = db.session.scalars(select(Notification.kind).where(
            Notification.user_id == world.coach_a.id)).all()
        assert "resubmitted" in kinds


def test_submitting_needs_a_coach(app, client, make_user, as_user):
    kim = make_user("client")
    with app.app_context():
        vague, _ = client_plan(db.session.get(User, kim.id), submitted=False)
        goal_id = vague.id
    as_user(kim)
    assert "Link to your coach" in page(client, f"/goals/{goal_id}")
    client.submit(f"/goals/{goal_id}/submit")
    assert get(app, Goal, goal_id).review_state == "draft"


def test_dismissing_a_flag_raises_the_score_and_drops_the_flag(app, client, world, as_user):
    before = get(app, Goal, world.goal_id)
    flag = _finding(app, world.goal_id, "missing_deadline")
    as_user(world.coach_a)
    review_page = page(client, f"/coach/clients/{world.client_a.id}")
    flags_before = review_page.count('class="finding ')
    # dismissing needs a reason
    client.submit(f"/coach/goals/{world.goal_id}/findings",
                  {"code": flag["code"], "start": flag["start"], "end": flag["end"],
                   "decision": "dismissed", "reason": ""})
    assert get(app, FindingDecision, 1) is None
    client.submit(f"/coach/goals/{world.goal_id}/findings",
                  {"code": flag["code"], "start": flag["start"], "end": flag["end"],
                   "decision": "dismissed", "reason": "An ongoing habit has no end date"})
    with app.app_context():
        decision = db.session.scalar(select(FindingDecision))
        assert (decision.decision, decision.code) == ("dismissed", "missing_deadline")
    dismissed = {("missing_deadline", flag["text"])}
    new_score = rescore(before.analysis, dismissed)
    assert new_score == before.score + 20  # the time-bound letter is back
    assert rescore(before.analysis, set()) == before.score

    review_page = page(client, f"/coach/clients/{world.client_a.id}")
    assert review_page.count('class="finding ') == flags_before  # still listed ...
    assert "Dismissed by you" in review_page  # ... marked as dismissed
    assert f'data-open-flags="{len(before.findings) - 1}"' in review_page
    dashboard = page(client, "/coach/?sort=flags")
    assert f'data-col="flags">{len(before.findings) - 1}<' in dashboard

    as_user(world.client_a)
    detail = page(client, f"/goals/{world.goal_id}")
    assert "Dismissed by your coach: An ongoing habit has no end date" in detail
    assert f'data-score="{new_score}"' in detail
    assert f'title="SMART score {new_score} of 100"' in page(client, "/goals/")
    assert 'data-letter="time_bound" data-ok="true"' in detail


def test_comment_on_a_vague_phrase_and_the_reply(app, client, world, as_user):
    flag = _finding(app, world.goal_id, "vague")
    as_user(world.coach_a)
    anchor = f"vague:{flag['start']}:{flag['end']}"
    client.submit(f"/threads/goal/{world.goal_id}",
                  {"body": "What would a better manager do differently?", "anchor": anchor})
    # a made-up span is refused, nothing saved
    client.submit(f"/threads/goal/{world.goal_id}", {"body": "x", "anchor": "vague:0:1"})
    with app.app_context():
        comments = db.session.scalars(select(Comment).order_by(Comment.id)).all()
        assert [(c.finding_code, c.anchor_text) for c in comments] == [
            (None, None), ("vague", flag["text"])]

    as_user(world.client_a)
    detail = page(client, f"/goals/{world.goal_id}")
    assert "What would a better manager do differently?" in detail
    assert f'<mark data-code="vague">{flag["text"]}</mark>' in detail
    response = client.submit(f"/threads/goal/{world.goal_id}", {"body": "Hold 1:1s weekly."})
    assert response.headers["Location"].endswith(f"/goals/{world.goal_id}#goal-{world.goal_id}")
    as_user(world.coach_a)
    assert "Hold 1:1s weekly." in page(client, f"/coach/clients/{world.client_a.id}")


def test_threads_on_actions_check_ins_and_attempts_show_on_the_clients_pages(
        app, client, world, as_user):
    as_user(world.coach_a)
    for kind, target in (("action", world.action_id), ("check_in", world.check_in_id),
                         ("attempt", world.attempt_id)):
        response = client.submit(f"/threads/{kind}/{target}", {"body": f"About this {kind}"})
        assert response.status_code == 302
    as_user(world.client_a)
    assert "About this action" in page(client, f"/goals/{world.goal_id}")
    assert "About this check_in" in page(client, f"/progress/goals/{world.goal_id}")
    assert "About this attempt" in page(client, f"/interview/attempts/{world.attempt_id}")


@pytest.mark.parametrize("body", ["", "   ", "x" * 4001])
def test_bad_comments_are_refused_and_nothing_is_saved(app, client, world, as_user, body):
    as_user(world.client_a)
    response = client.submit(f"/threads/goal/{world.goal_id}", {"body": body})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Comment)) == 1


# Notifications -------------------------------------------------------------------


def test_whats_new_badge_counts_and_mark_read(app, client, world, as_user):
    as_user(world.coach_a)
    client.submit(f"/coach/goals/{world.goal_id}/review",
                  {"decision": "changes_requested", "comment": "Name the team"})
    as_user(world.client_a)
    home = page(client, "/goals/")
    assert 'data-unread="2"' in home  # the comment and the decision
    news = page(client, "/news")
    assert "asked for changes" in news and "commented on your goal" in news
    assert f'href="/goals/{world.goal_id}#goal-{world.goal_id}"' in news
    client.submit("/news/read")
    assert "data-unread" not in page(client, "/goals/")
    as_user(world.coach_a)
    assert 'data-unread="2"' in page(client, "/coach/")  # A linked, then submitted a goal


# Private notes, export, deletion ---------------------------------------------------


def test_private_notes_never_reach_the_client(app, client, world, as_user):
    as_user(world.coach_a)
    client.submit(f"/coach/clients/{world.client_a.id}/notes", {"body": "Secret plan B"})
    review = page(client, f"/coach/clients/{world.client_a.id}")
    assert "Secret plan B" in review and "worried about burnout" in review
    as_user(world.client_a)
    for path in ("/goals/", f"/goals/{world.goal_id}", "/my-coach", "/news",
                 f"/progress/goals/{world.goal_id}", f"/interview/attempts/{world.attempt_id}"):
        assert "Secret plan B" not in page(client, path)
    export = client.get("/account/export").get_data(as_text=True)
    assert "Secret plan B" not in export and "burnout" not in export
    data = json.loads(export)["coaching"]
    assert [c["body"] for c in data["comments"]] == ["Which team?"]
    assert data["coaches"][0]["with"] == "Coach Alpha"
    assert data["goal_review_states"][0]["review_state"] in ("submitted", "draft")
    as_user(world.coach_a)
    coach_export = json.loads(client.get("/account/export").get_data(as_text=True))
    assert {n["body"] for n in coach_export["coaching"]["private_notes"]} == {
        "Secret plan B", "Private: worried about burnout."}
    client.submit(f"/coach/clients/{world.client_a.id}/notes/{world.note_id}/delete")
    assert "burnout" not in page(client, f"/coach/clients/{world.client_a.id}")


def _orphans(connection) -> list[str]:
    """Rows whose foreign key points at nothing, on either database."""
    found = []
    for table in db.metadata.sorted_tables:
        for fk in table.foreign_keys:
            parent = fk.column.table
            query = (select(db.func.count()).select_from(table)
                     .where(fk.parent.isnot(None),
                            ~fk.parent.in_(select(fk.column).select_from(parent))))
            if connection.execute(query).scalar():
                found.append(f"{table.name}.{fk.parent.name}")
    return found


@pytest.mark.parametrize("who", ["coach_a", "client_a"])
def test_deleting_a_coach_or_client_leaves_no_orphans(app, client, world, as_user, who):
    as_user(world.coach_a)
    flag = _finding(app, world.goal_id, "vague")
    client.submit(f"/coach/goals/{world.goal_id}/findings",
                  {"code": "vague", "start": flag["start"], "end": flag["end"],
                   "decision": "dismissed", "reason": "Fine for now"})
    client.submit(f"/coach/goals/{world.goal_id}/review", {"decision": "approved"})
    person = getattr(world, who)
    as_user(person)
    response = client.submit("/account/delete", {"password": TEST_PASSWORD, "confirm": "y"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(User, person.id) is None
        assert _orphans(db.session.connection()) == []
        counts = {m.__name__: db.session.scalar(select(db.func.count()).select_from(m))
                  for m in (CoachLink, CoachNote, Comment, FindingDecision, GoalReview)}
        if who == "coach_a":  # the client keeps the comments and decisions on their plan
            assert counts == {"CoachLink": 1, "CoachNote": 0, "Comment": 1,
                              "FindingDecision": 1, "GoalReview": 1}
            comment = db.session.scalar(select(Comment))
            assert comment.author_id is None
        else:
            assert counts == {"CoachLink": 1, "CoachNote": 0, "Comment": 0,
                              "FindingDecision": 0, "GoalReview": 0}
    if who == "coach_a":
        as_user(world.client_a)
        assert "A former member" in page(client, f"/goals/{world.goal_id}")


def test_schema_has_the_partial_unique_index(app):
    with app.app_context():
        indexes = inspect(db.engine).get_indexes("coach_links")
        assert any(i["name"] == "uq_coach_links_active_client" and i["unique"]
                   for i in indexes)


# The dashboard ----------------------------------------------------------------------


def _count_queries(app, client, path: str) -> tuple[int, str]:
    with count_queries(app) as statements:
        body = page(client, path)
    return len(statements), body


def _add_clients(app, make_user, coach, numbers) -> None:
    from coachapp.interview.operations import (
        PracticeSetInput,
        create_practice_set,
        record_attempt,
    )
    from coachapp.progress.operations import CheckInInput, record_check_in

    people = [(n, make_user("client", name=f"Client {n:02}")) for n in numbers]
    with app.app_context():
        coach_row = db.session.get(User, coach.id)
        for n, person in people:
            user = db.session.get(User, person.id)
            link(user, coach_row)
            vague, _ = client_plan(user, submitted=n % 2 == 0)
            record_check_in(vague, CheckInInput(value=10))
            record_attempt(user, create_practice_set(user, PracticeSetInput("Job", "", "")),
                           "career_goals", "I want to lead a team in two years.", 30)


def test_dashboard_runs_a_fixed_number_of_queries(app, client, make_user, as_user):
    coach = make_user("coach")
    _add_clients(app, make_user, coach, range(2))
    as_user(coach)
    assert client.submit("/coach/invite").status_code == 302
    two, body = _count_queries(app, client, "/coach/")
    assert body.count("data-client-id=") == 2
    _add_clients(app, make_user, coach, range(2, 10))
    ten, body = _count_queries(app, client, "/coach/")
    assert body.count("data-client-id=") == 10
    assert body.index("Client 00") < body.index("Client 01")  # awaiting review first
    assert two == ten, (two, ten)
    # session user, invite, links, goals, dismissals, check-ins, attempts, unread count
    assert ten <= 8, ten


@pytest.mark.parametrize("sort", ["attention", "name", "score", "flags", "review",
                                  "check_in", "practice", "bogus"])
def test_dashboard_sorts(client, world, as_user, sort):
    as_user(world.coach_a)
    body = page(client, f"/coach/?sort={sort}")
    assert "Client Alpha" in body and "Client Beta" not in body
    assert "1 goal to review" in body



def test_demo_coach_has_three_clients_in_different_states(app, runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert "already present" in runner.invoke(args=["seed-demo"]).output
    with app.app_context():
        from coachapp.auth.operations import find_user_by_email
        from coachapp.coach.dashboard import client_rows

        rows = {r.client.email: r for r in client_rows(find_user_by_email("coach@example.com"))}
        assert set(rows) == {"maya@example.com", "sam@example.com", "lee@example.com"}
        assert rows["sam@example.com"].awaiting_review == 2
        assert rows["lee@example.com"].attention == []
        states = {g.review_state for g in find_user_by_email("maya@example.com").goals}
        assert {"changes_requested", "approved"} <= states
        assert db.session.scalar(select(db.func.count()).select_from(Comment)) == 2
        assert db.session.scalar(select(db.func.count()).select_from(CoachLink)) == 3
