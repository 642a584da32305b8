"""Interview practice through the test client: jobs, answers, feedback, history, comparison."""

from __future__ import annotations

import re

import pytest

import nlp
from coachapp.extensions import db
from coachapp.models import Goal, PracticeAttempt, PracticeSet, User

JOB = {
    "title": "Data engineer",
    "company": "Northwind Logistics",
    "description": "We need a data engineer to build Airflow pipelines in Python and SQL on "
                   "AWS. Requirements: Python, SQL, Airflow. Nice to have: Kafka, dbt.",
}
RAMBLING = ("Um, so in five years I basically see myself as CTO, like, running the whole "
            "technology department. I guess right now I kind of want to learn data stuff.")
FOCUSED = ("In my first year I want to build reliable Airflow pipelines in Python and SQL for "
           "your team and pass the AWS data engineer exam by June. Later I see myself as a "
           "senior data engineer who mentors others.")


@pytest.fixture
def job(client, client_user):
    """A saved practice set of the logged-in client; returns its id."""
    response = client.submit("/interview/sets/new", JOB)
    assert response.status_code == 302
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def answer(client, set_id: int, text: str, question: str = "career_goals", **fields):
    return client.submit(f"/interview/sets/{set_id}/{question}/answer", {"text": text, **fields})


def attempt_id(response) -> int:
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return int(response.headers["Location"].rsplit("/", 1)[1])


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


# Access -----------------------------------------------------------------------

GET_ROUTES = [
    "/interview/",
    "/interview/sets/new",
    "/interview/sets/{set}",
    "/interview/sets/{set}/edit",
    "/interview/sets/{set}/delete",
    "/interview/sets/{set}/career_goals/answer",
    "/interview/sets/{set}/career_goals/history",
    "/interview/sets/{set}/career_goals/compare?a={attempt}&b={attempt}",
    "/interview/attempts/{attempt}",
]


@pytest.fixture
def other_users_work(app, make_user):
    """A practice set with one attempt that belongs to someone else."""
    owner = make_user("client", email="owner@example.com")
    with app.app_context():
        practice_set = PracticeSet(user_id=owner.id, title="Secret job", company="",
                                   description="")
        db.session.add(practice_set)
        db.session.flush()
        attempt = PracticeAttempt(practice_set_id=practice_set.id, question_id="career_goals",
                                  text="My secret answer", analysis=None, score=None)
        db.session.add(attempt)
        db.session.commit()
        return practice_set.id, attempt.id


@pytest.mark.parametrize("route", GET_ROUTES)
def test_anonymous_is_sent_to_login(client, other_users_work, route):
    set_id, attempt = other_users_work
    response = client.get(route.format(set=set_id, attempt=attempt))
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("route", GET_ROUTES)
def test_coach_gets_403(client, make_user, login, other_users_work, route):
    login(make_user("coach"))
    set_id, attempt = other_users_work
    assert client.get(route.format(set=set_id, attempt=attempt)).status_code == 403


@pytest.mark.parametrize("route", [r for r in GET_ROUTES if "{" in r])
def test_other_users_sets_and_attempts_are_404(app, client, client_user, other_users_work,
                                               route):
    set_id, attempt = other_users_work
    response = client.get(route.format(set=set_id, attempt=attempt))
    assert response.status_code == 404
    assert "My secret answer" not in response.get_data(as_text=True)


@pytest.mark.parametrize("path", [
    "/interview/sets/{set}/edit", "/interview/sets/{set}/delete",
    "/interview/sets/{set}/career_goals/answer", "/interview/sets/{set}/career_goals/feedback",
])
def test_other_users_set_cannot_be_written(app, client, client_user, other_users_work, path):
    set_id, _ = other_users_work
    response = client.submit(path.format(set=set_id), {"text": "hi", "title": "Mine now"})
    assert response.status_code == 404
    assert count(app, PracticeSet) == 1 and count(app, PracticeAttempt) == 1
    with app.app_context():
        assert db.session.get(PracticeSet, set_id).title == "Secret job"


@pytest.mark.parametrize("path", [
    "/interview/sets/{big}", "/interview/sets/{big}/career_goals/answer",
    "/interview/attempts/{big}", "/interview/sets/{job}/career_goals/answer?from={big}",
])
def test_huge_ids_are_404_not_500(client, job, path):
    response = client.get(path.format(big=2**63, job=job))
    assert response.status_code == (200 if "from=" in path else 404)


def test_unknown_question_is_404(client, job):
    assert client.get(f"/interview/sets/{job}/no_such_question/answer").status_code == 404
    assert client.get(f"/interview/sets/{job}/no_such_question/history").status_code == 404
    assert client.submit(f"/interview/sets/{job}/nope/feedback", {"text": "x"}).status_code == 404


def test_post_without_csrf_token_is_refused(app, client, job):
    response = client.post(f"/interview/sets/{job}/career_goals/answer", data={"text": FOCUSED})
    assert response.status_code == 400
    assert count(app, PracticeAttempt) == 0


# Target jobs ------------------------------------------------------------------


def test_index_empty_state_lists_questions(client, client_user):
    page = client.get("/interview/").get_data(as_text=True)
    assert "No target job yet" in page
    assert "What are your career goals?" in page
    assert "Where do you see yourself in five years?" in page


def test_create_job_and_see_its_questions(app, client, job):
    page = client.get(f"/interview/sets/{job}").get_data(as_text=True)
    assert "Data engineer" in page and "Northwind Logistics" in page
    assert "Job description (" in page
    assert f"/interview/sets/{job}/career_goals/answer" in page
    listing = client.get("/interview/").get_data(as_text=True)
    assert "Data engineer at Northwind Logistics" in listing
    with app.app_context():
        assert db.session.scalar(db.select(PracticeSet)).description.startswith("We need")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": ""}, "Name the job you are practising for."),
        ({"title": "t" * 121}, "Field cannot be longer than 120 characters."),
        ({"company": "c" * 121}, "Field cannot be longer than 120 characters."),
        ({"description": "d" * 20_001}, "Keep the job description under 20,000 characters"),
    ],
)
def test_job_validation_saves_nothing_and_keeps_input(app, client, client_user, fields,
                                                      message):
    response = client.submit("/interview/sets/new", JOB | fields)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert count(app, PracticeSet) == 0
    if "description" in fields:
        assert "d" * 20_001 in page  # nothing lost


def test_edit_job(app, client, job):
    response = client.submit(f"/interview/sets/{job}/edit",
                             JOB | {"title": "Senior data engineer"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(PracticeSet, job).title == "Senior data engineer"


def test_delete_job_deletes_its_attempts(app, client, job):
    answer(client, job, FOCUSED)
    assert "This deletes the job and all 1 practice attempt" in client.get(
        f"/interview/sets/{job}/delete").get_data(as_text=True)
    assert client.submit(f"/interview/sets/{job}/delete").status_code == 302
    assert count(app, PracticeSet) == 0 and count(app, PracticeAttempt) == 0


def test_job_title_and_description_are_escaped(client, client_user):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    response = client.submit("/interview/sets/new",
                             {"title": evil[:100], "company": evil[:100], "description": evil})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page


# Answering --------------------------------------------------------------------


def test_answer_page_shows_question_job_timer_and_live_box(client, job):
    page = client.get(f"/interview/sets/{job}/career_goals/answer").get_data(as_text=True)
    assert "<h1 class=\"question-title\">What are your career goals?</h1>" in page
    assert "Data engineer" in page and "Tip:" in page
    assert "data-practice-timer" in page and "target 45–120 s" in page
    assert 'data-live-feedback="live-feedback"' in page
    assert f'data-feedback-url="/interview/sets/{job}/career_goals/feedback"' in page
    assert "js/practice-timer.js" in page and "js/live-feedback.js" in page
    # no maxlength: a browser would cut a long paste silently; the server explains instead
    assert "maxlength" not in page.split('name="text"')[0].rsplit("<textarea", 1)[1]
    assert 'maxlength="10000"' not in page
    assert "<script>" not in page.replace("<script type=\"module\"", "")  # no inline JS


def test_submitting_stores_an_attempt_and_shows_feedback(app, client, job):
    response = answer(client, job, RAMBLING, duration_seconds="52")
    new_id = attempt_id(response)
    page = client.get(f"/interview/attempts/{new_id}").get_data(as_text=True)
    assert "What are your career goals?" in page and "Attempt 1" in page
    assert '<mark data-code="' in page  # fillers at least
    assert 'data-code="filler"' in page
    assert 'class="structure-checklist"' in page
    assert 'data-check="short_term"' in page and 'data-check="job_link"' in page
    assert "Job terms" in page and "Realism" in page and "Next steps" in page
    assert "spoken in 52 s" in page
    assert "Try again" in page
    with app.app_context():
        attempt = db.session.get(PracticeAttempt, new_id)
        assert attempt.analysis["kind"] == "answer"
        assert attempt.score == attempt.analysis["score"]
        assert attempt.duration_seconds == 52
        assert attempt.question_id == "career_goals"


def test_try_again_prefills_and_keeps_every_attempt(app, client, job):
    first = attempt_id(answer(client, job, RAMBLING))
    page = client.get(f"/interview/sets/{job}/career_goals/answer?from={first}")
    assert "so in five years I basically see myself as CTO" in page.get_data(as_text=True)
    second = attempt_id(answer(client, job, FOCUSED))
    assert second != first
    with app.app_context():
        texts = [a.text for a in db.session.scalars(
            db.select(PracticeAttempt).order_by(PracticeAttempt.id))]
    assert texts == [RAMBLING, FOCUSED]
    page = client.get(f"/interview/attempts/{second}").get_data(as_text=True)
    assert "Attempt 2" in page
    assert "on your previous attempt" in page
    assert f"compare?a={first}&amp;b={second}" in page


def test_try_again_ignores_someone_elses_attempt(client, job, other_users_work):
    _, foreign = other_users_work
    page = client.get(f"/interview/sets/{job}/career_goals/answer?from={foreign}")
    assert "My secret answer" not in page.get_data(as_text=True)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": ""}, "Write your answer first."),
        ({"text": "   \n  "}, "Write your answer first."),
        ({"text": "a" * 10_001 + " END-MARKER"}, "Keep an answer under 10,000 characters"),
        ({"duration_seconds": "-5"}, "Enter 1 to 3600 seconds."),
        ({"duration_seconds": "soon"}, "Not a valid integer value."),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_lost(app, client, job, fields, message):
    data = {"text": FOCUSED} | fields
    response = answer(client, job, data.pop("text"), **data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert count(app, PracticeAttempt) == 0
    if len(fields.get("text", "")) > 10_000:
        assert "END-MARKER" in page  # the whole text is still in the box
        assert "over 10,000 characters" in page  # the live panel says why there is no analysis


def test_answer_html_is_escaped_everywhere(client, job):
    evil = '<script>alert("x")</script> I want to <b>lead</b> a team "><img src=x onerror=1>'
    new_id = attempt_id(answer(client, job, evil))
    second = attempt_id(answer(client, job, evil + " by June"))
    for path in (f"/interview/attempts/{new_id}",
                 f"/interview/sets/{job}/career_goals/history",
                 f"/interview/sets/{job}/career_goals/compare?a={new_id}&b={second}",
                 f"/interview/sets/{job}/career_goals/answer?from={new_id}"):
        page = client.get(path).get_data(as_text=True)
        assert "<script>alert" not in page and "<img src=x" not in page and "<b>lead" not in page
    partial = client.submit(f"/interview/sets/{job}/career_goals/feedback", {"text": evil})
    text = partial.get_data(as_text=True)
    assert "<script>alert" not in text and "&lt;script&gt;" in text


def test_analyzer_failure_keeps_the_answer(app, client, job, monkeypatch):
    def broken(text, context=None):
        raise RuntimeError("model exploded")

    monkeypatch.setattr(nlp, "analyze_answer", broken)
    new_id = attempt_id(answer(client, job, FOCUSED))
    page = client.get(f"/interview/attempts/{new_id}").get_data(as_text=True)
    assert "Analysis is unavailable right now" in page and "reliable Airflow pipelines" in page
    with app.app_context():
        assert db.session.get(PracticeAttempt, new_id).analysis is None
    monkeypatch.undo()
    page = client.get(f"/interview/attempts/{new_id}").get_data(as_text=True)
    assert "Analysis is unavailable" not in page  # analysed on the next visit
    with app.app_context():
        assert db.session.get(PracticeAttempt, new_id).score is not None


# Live feedback ----------------------------------------------------------------


def test_live_feedback_partial(client, job):
    url = f"/interview/sets/{job}/career_goals/feedback"
    empty = client.submit(url, {"text": ""}).get_data(as_text=True)
    assert "Start typing your answer" in empty
    page = client.submit(url, {"text": RAMBLING}).get_data(as_text=True)
    assert 'class="answer-panel"' in page
    assert re.search(r'<mark data-code="[a-z_]+" data-codes="[a-z_ ]*filler', page)
    assert 'class="structure-checklist"' in page
    assert "<html" not in page  # a partial, not a page
    huge = client.submit(url, {"text": "x" * 10_001}).get_data(as_text=True)
    assert "over 10,000 characters" in huge


def test_live_feedback_needs_csrf_header_or_token(client, job):
    response = client.post(f"/interview/sets/{job}/career_goals/feedback", data={"text": "hi"})
    assert response.status_code == 400
    token = client.csrf_token()
    response = client.post(f"/interview/sets/{job}/career_goals/feedback",
                           data={"text": "I want to learn SQL"}, headers={"X-CSRFToken": token})
    assert response.status_code == 200


def test_question_without_short_term_part_drops_that_finding(client, job):
    page = client.get(f"/interview/sets/{job}/long_term_goals/answer").get_data(as_text=True)
    assert "What are your long-term goals?" in page
    partial = client.submit(f"/interview/sets/{job}/long_term_goals/feedback",
                            {"text": RAMBLING}).get_data(as_text=True)
    assert 'data-check="short_term"' not in partial and 'data-check="long_term"' in partial


# Richer analyzer facts (the contract's optional parts) ----------------------


RICH_ANALYSIS = {
    "kind": "answer", "text": "Long term I want to be CTO. Now I learn Python.", "score": 41,
    "smart": {},
    "findings": [
        {"code": "long_term_first", "severity": "warning", "start": 0, "end": 27,
         "text": "Long term I want to be CTO.", "message": "It opens with the long-term goal.",
         "suggestion": "Start with what you will do in the next year."},
    ],
    "facts": {
        "short_term": [{"text": "Now I learn Python.", "start": 28, "end": 47}],
        "long_term": {"text": "Long term I want to be CTO.", "start": 0, "end": 27},
        "speaking_seconds": 4,
        "top_words": [{"word": "learn", "count": 1}, "python"],
        "job_terms": {"used": [{"term": "Python", "start": 40, "end": 46}],
                      "missing": [{"term": "Airflow", "requirement": True},
                                  {"term": "Kafka", "requirement": False}]},
    },
}


def _store(app, set_id: int, analysis: dict, score: int | None) -> int:
    with app.app_context():
        attempt = PracticeAttempt(practice_set_id=set_id, question_id="career_goals",
                                  text=analysis["text"], analysis=analysis, score=score)
        db.session.add(attempt)
        db.session.commit()
        return attempt.id


def test_feedback_page_renders_structure_spans_and_job_terms(app, client, job):
    new_id = _store(app, job, RICH_ANALYSIS, 41)
    page = client.get(f"/interview/attempts/{new_id}").get_data(as_text=True)
    assert 'data-check="order" data-state="missing"' in page
    assert 'data-check="short_term" data-state="ok"' in page
    assert "<q class=\"check-quote\">Now I learn Python.</q>" in page
    assert 'data-used="1" data-total="3"' in page
    assert "Missed requirements" in page and "Airflow" in page and "Kafka" in page
    assert "Start with what you will do in the next year." in page
    assert "Most-used words" in page and "learn, python" in page


def test_history_chart_table_and_comparison(app, client, job):
    improved = RICH_ANALYSIS | {
        "score": 80, "findings": [],
        "facts": RICH_ANALYSIS["facts"] | {"job_terms": {
            "used": [{"term": "Python", "start": 0, "end": 6},
                     {"term": "Airflow", "start": 7, "end": 14}],
            "missing": [{"term": "Kafka", "requirement": False}]}},
    }
    first, second = _store(app, job, RICH_ANALYSIS, 41), _store(app, job, improved, 80)
    page = client.get(f"/interview/sets/{job}/career_goals/history").get_data(as_text=True)
    assert '<svg class="trend-chart"' in page and 'role="img"' in page
    assert "from first to latest attempt: 41, 80 out of 100" in page
    assert page.count('<circle class="chart-point"') == 2
    assert "<caption>Your attempts, oldest first</caption>" in page
    assert f'data-attempt="{first}"' in page and f'data-attempt="{second}"' in page
    assert f'<option value="{first}" selected>' in page

    compare = client.get(f"/interview/sets/{job}/career_goals/compare?a={second}&b={first}")
    text = compare.get_data(as_text=True)
    assert compare.status_code == 200
    assert "What changed from #1 to #2" in text  # ordered oldest first whatever the query
    assert 'data-score-change="39"' in text and "41 → 80 (+39)" in text
    assert re.search(r'<ul class="plain-list resolved">\s*<li data-code="long_term_first">', text)
    assert "1 of 3 → 2 of 3" in text and "now using: Airflow" in text


@pytest.mark.parametrize(("query", "status"), [
    ("", 400), ("?a=1", 400), ("?a=x&b=y", 400), ("?a={a}&b={a}", 400), ("?a={a}&b=999999", 404),
])
def test_bad_comparisons(app, client, job, query, status):
    first = _store(app, job, RICH_ANALYSIS, 41)
    url = f"/interview/sets/{job}/career_goals/compare" + query.format(a=first)
    assert client.get(url).status_code == status


def test_compare_rejects_attempts_of_another_question(app, client, job):
    first = attempt_id(answer(client, job, FOCUSED))
    other = attempt_id(answer(client, job, FOCUSED, question="why_this_job"))
    url = f"/interview/sets/{job}/career_goals/compare?a={first}&b={other}"
    assert client.get(url).status_code == 404


# Consistency with the plan ----------------------------------------------------


def test_feedback_shows_goals_the_answer_reflects(app, client, client_user, job):
    with app.app_context():
        user = db.session.get(User, client_user.id)
        db.session.add_all([
            Goal(user=user, text="Pass the AWS Certified Data Engineer exam by June.",
                 status="active", actions=[]),
            Goal(user=user, text="Run a half marathon in under two hours.", status="active",
                 actions=[]),
        ])
        db.session.commit()
    answer_text = FOCUSED + " I would also like to open a bakery with my sister."
    page = client.get(f"/interview/attempts/{attempt_id(answer(client, job, answer_text))}")
    text = page.get_data(as_text=True)
    assert "Your answer reflects 1 of your goals" in text
    assert "Pass the AWS Certified Data Engineer exam" in text and "shared words:" in text
    assert "half marathon" not in text.split("unplanned-goals")[0].split("reflected-goals")[1]
    assert "open a bakery" in text.split('class="plain-list unplanned-goals"')[1]


def test_feedback_without_goals_invites_a_plan(client, job):
    page = client.get(f"/interview/attempts/{attempt_id(answer(client, job, FOCUSED))}")
    assert "When you have goals in" in page.get_data(as_text=True)


# Export and demo --------------------------------------------------------------


def test_export_includes_practice(client, job):
    answer(client, job, FOCUSED)
    data = client.get("/account/export").get_json()
    practice = data["interview_practice"]
    assert practice[0]["title"] == "Data engineer"
    assert practice[0]["attempts"][0]["text"] == FOCUSED


def test_demo_gives_sam_a_job_and_improving_attempts(app):
    from coachapp.demo import seed_demo

    with app.app_context():
        assert seed_demo("demo-password-1", force=True)
        sam = db.session.scalar(db.select(User).where(User.email == "sam@example.com"))
        (practice_set,) = sam.practice_sets
        assert practice_set.title == "Data engineer" and "Airflow" in practice_set.description
        scores = [a.score for a in practice_set.attempts]
        assert len(scores) == 3 and None not in scores
        assert scores[-1] > scores[0]
        dates = [a.created_at for a in practice_set.attempts]
        assert dates == sorted(dates)
