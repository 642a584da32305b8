"""Pages of interview practice; each parses a form, calls an operation, renders."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

import nlp
from coachapp.coach.operations import threads
from coachapp.database import read_only
from coachapp.interview import bp
from coachapp.interview import operations as ops
from coachapp.interview.forms import AnswerForm, ConfirmForm, PracticeSetForm
from coachapp.interview.questions import Question, all_questions, find_question, part_labels
from coachapp.interview.report import TARGET_SECONDS, build_report
from coachapp.ratelimits import analysis_limit
from coachapp.roles import client_required


def _own_set(set_id: int):
    practice_set = ops.practice_set_for(current_user, set_id)
    if practice_set is None:
        abort(404)
    return practice_set


def _question(question_id: str) -> Question:
    question = find_question(question_id)
    if question is None:
        abort(404)
    return question


def _own_attempt(attempt_id: int):
    attempt = ops.attempt_for(current_user, attempt_id)
    if attempt is None:
        abort(404)
    return attempt


@bp.get("/")
@login_required
@client_required
def index():
    return render_template("interview/index.html", sets=ops.practice_sets_for(current_user),
                           questions=all_questions())


@bp.route("/sets/new", methods=["GET", "POST"])
@login_required
@client_required
def new_set():
    form = PracticeSetForm()
    if form.validate_on_submit():
        practice_set = ops.create_practice_set(current_user, form.to_input())
        flash("Target job saved. Pick a question to practise.", "success")
        return redirect(url_for("interview.practice_set", set_id=practice_set.id))
    return render_template("interview/set_form.html", form=form,
                           practice_set=None), 422 if form.errors else 200


@bp.get("/sets/<int:set_id>")
@login_required
@client_required
def practice_set(set_id: int):
    practice_set = _own_set(set_id)
    return render_template("interview/set.html", practice_set=practice_set,
                           summaries=ops.question_summaries(practice_set))


@bp.route("/sets/<int:set_id>/edit", methods=["GET", "POST"])
@login_required
@client_required
def edit_set(set_id: int):
    practice_set = _own_set(set_id)
    form = PracticeSetForm(obj=practice_set)
    if form.validate_on_submit():
        ops.update_practice_set(practice_set, form.to_input())
        flash("Target job updated. New attempts are checked against it.", "success")
        return redirect(url_for("interview.practice_set", set_id=practice_set.id))
    return render_template("interview/set_form.html", form=form,
                           practice_set=practice_set), 422 if form.errors else 200


@bp.route("/sets/<int:set_id>/delete", methods=["GET", "POST"])
@login_required
@client_required
def delete_set(set_id: int):
    practice_set = _own_set(set_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        ops.delete_practice_set(practice_set)
        flash("Target job and its attempts deleted.", "info")
        return redirect(url_for("interview.index"))
    return render_template("interview/delete.html", practice_set=practice_set, form=form)


def _live_report(practice_set, question: Question, text: str):
    """(report, error) for the text being typed; nothing for an empty text."""
    if len(text) > nlp.MAX_ANSWER_CHARS:
        return None, (f"That is over {nlp.MAX_ANSWER_CHARS:,} characters; shorten the answer "
                      "to analyze it.")
    if not text.strip():
        return None, None
    analysis = ops.analyze_answer(current_user, practice_set, text)
    if analysis is None:
        return None, "Analysis is unavailable right now; your answer will still save."
    return (analysis, build_report(analysis, question, None, bool(practice_set.description))), None


@bp.route("/sets/<int:set_id>/<question_id>/answer", methods=["GET", "POST"])
@login_required
@client_required
def answer(set_id: int, question_id: str):
    practice_set = _own_set(set_id)
    question = _question(question_id)
    form = AnswerForm()
    if form.validate_on_submit():
        attempt = ops.record_attempt(current_user, practice_set, question.id, form.text.data,
                                     form.duration_seconds.data)
        return redirect(url_for("interview.attempt", attempt_id=attempt.id))
    earlier = request.args.get("from", type=int)
    if request.method == "GET" and earlier:
        source = ops.attempt_for(current_user, earlier)
        if source is not None and source.practice_set_id == practice_set.id:
            form.text.data = source.text
    live, error = _live_report(practice_set, question, form.text.data or "")
    return render_template(
        "interview/answer.html", practice_set=practice_set, question=question, form=form,
        live=live, error=error, target=TARGET_SECONDS,
        attempts=len(ops.attempts_for(practice_set, question.id)),
    ), 422 if form.errors else 200


@bp.post("/sets/<int:set_id>/<question_id>/feedback")
@read_only
@analysis_limit
@login_required
@client_required
def feedback(set_id: int, question_id: str):
    """The live feedback panel for the answer being typed (an HTML partial)."""
    practice_set = _own_set(set_id)
    question = _question(question_id)
    live, error = _live_report(practice_set, question, request.form.get("text", ""))
    return render_template("interview/_feedback.html", live=live, error=error,
                           question=question, target=TARGET_SECONDS)


@bp.get("/attempts/<int:attempt_id>")
@login_required
@client_required
def attempt(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    question = _question(attempt.question_id)
    return render_template(
        "interview/attempt.html", attempt=attempt, question=question,
        practice_set=attempt.practice_set, parts=part_labels(), target=TARGET_SECONDS,
        feedback=ops.attempt_feedback(current_user, attempt, question),
        comments=threads("attempt", [attempt.id])[attempt.id],
    )


@bp.get("/sets/<int:set_id>/<question_id>/history")
@login_required
@client_required
def history(set_id: int, question_id: str):
    practice_set = _own_set(set_id)
    question = _question(question_id)
    return render_template("interview/history.html", practice_set=practice_set,
                           question=question, history=ops.history(practice_set, question.id))


@bp.get("/sets/<int:set_id>/<question_id>/compare")
@login_required
@client_required
def compare(set_id: int, question_id: str):
    practice_set = _own_set(set_id)
    question = _question(question_id)
    attempts = {a.id: a for a in ops.attempts_for(practice_set, question.id)}
    a_id, b_id = request.args.get("a", type=int), request.args.get("b", type=int)
    if a_id is None or b_id is None:
        abort(400, "Pick two attempts to compare.")
    first, second = attempts.get(a_id), attempts.get(b_id)  # dict lookups: any int is safe
    if first is None or second is None:
        abort(404)
    if first.id == second.id:
        abort(400, "Pick two different attempts to compare.")
    before, after = sorted((first, second), key=lambda a: (a.created_at, a.id))
    numbers = {a_id: n for n, a_id in enumerate(attempts, 1)}
    return render_template(
        "interview/compare.html", practice_set=practice_set, question=question,
        before=before, after=after, numbers=numbers,
        comparison=ops.compare_attempts(before, after),
    )
