"""Pages of the goals workspace; each parses a form, calls an operation, renders."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

import nlp
from coachapp.analysis import analyze_text, user_context
from coachapp.coach.plan_review import client_goal_review, effective_scores
from coachapp.database import read_only
from coachapp.goals import bp
from coachapp.goals import operations as ops
from coachapp.goals.forms import ConfirmForm, GoalForm, VisionForm
from coachapp.progress.operations import pending_revision
from coachapp.progress.views import due_summary
from coachapp.ratelimits import analysis_limit
from coachapp.roles import client_required


def _own_goal(goal_id: int):
    goal = ops.goal_for(current_user, goal_id)
    if goal is None:
        abort(404)
    return goal


@bp.get("/goals/")
@login_required
@client_required
def index():
    plan = ops.plan_overview(current_user)
    oldest_first = sorted(plan.active, key=lambda g: (g.created_at, g.id))
    return render_template("goals/index.html", plan=plan,
                           progress=due_summary(current_user, oldest_first),
                           scores=effective_scores(plan.active + plan.drafts + plan.finished))


@bp.route("/vision", methods=["GET", "POST"])
@login_required
@client_required
def vision():
    form = VisionForm(obj=current_user.vision)
    if form.validate_on_submit():
        ops.save_vision(current_user, form.statement.data or "", form.target_role.data or "",
                        form.current_role.data or "", form.months_in_role.data)
        flash("Vision saved. Your goals are now checked against it.", "success")
        return redirect(url_for("goals.index"))
    return render_template("goals/vision.html", form=form)


def _form_page(form: GoalForm, goal, status: int):
    """The goal form with the SMART check of its current text (the no-JS feedback)."""
    form.pad_actions()
    text = (form.text.data or "").strip()
    analysis = None
    if text and len(text) <= nlp.MAX_GOAL_CHARS:
        analysis = analyze_text("goal", text, user_context(current_user))
    return render_template("goals/form.html", form=form, goal=goal, analysis=analysis), status


@bp.route("/goals/new", methods=["GET", "POST"])
@login_required
@client_required
def new():
    form = GoalForm()
    checking = request.form.get("intent") == "check"
    if not checking and form.validate_on_submit():
        goal = ops.create_goal(current_user, form.to_input())
        flash("Goal saved.", "success")
        return redirect(url_for("goals.detail", goal_id=goal.id))
    return _form_page(form, None, 422 if form.errors and not checking else 200)


@bp.get("/goals/<int:goal_id>")
@login_required
@client_required
def detail(goal_id: int):
    goal = _own_goal(goal_id)
    return render_template("goals/detail.html", goal=goal, confirm=ConfirmForm(),
                           review=client_goal_review(goal))


@bp.route("/goals/<int:goal_id>/edit", methods=["GET", "POST"])
@login_required
@client_required
def edit(goal_id: int):
    goal = _own_goal(goal_id)
    form = GoalForm(obj=goal)
    if request.method == "GET":
        form.version.data = str(goal.version)
    checking = request.form.get("intent") == "check"
    if not checking and form.validate_on_submit():
        try:
            version = int(form.version.data) if form.version.data else None
        except ValueError:
            version = None
        try:
            ops.update_goal(goal, form.to_input(), expected_version=version)
        except ops.StaleGoal:
            flash("This goal was changed elsewhere since you opened it. Your text is below; "
                  "compare it with the current version and save again.", "warning")
            form.version.data = str(goal.version)
            return _form_page(form, goal, 409)
        flash("Goal updated.", "success")
        if pending_revision(goal):  # an active goal's new version: ask why, for its history
            return redirect(url_for("progress.explain_revision", goal_id=goal.id))
        return redirect(url_for("goals.detail", goal_id=goal.id))
    return _form_page(form, goal, 422 if form.errors and not checking else 200)


@bp.post("/goals/<int:goal_id>/status/<status>")
@login_required
@client_required
def set_status(goal_id: int, status: str):
    goal = _own_goal(goal_id)
    if status not in ("draft", "active", "done", "dropped") or not ConfirmForm().validate():
        abort(400)
    ops.set_status(goal, status)
    messages = {
        "active": "Goal activated. Now make it happen!",
        "done": "Goal completed. Well done!",
        "dropped": "Goal archived. Letting go of a goal is a decision too.",
        "draft": "Goal moved back to drafts.",
    }
    flash(messages[status], "success")
    return redirect(url_for("goals.detail", goal_id=goal.id))


@bp.post("/goals/<int:goal_id>/actions/<int:action_id>/toggle")
@login_required
@client_required
def toggle_action(goal_id: int, action_id: int):
    goal = _own_goal(goal_id)
    if ops.toggle_action(goal, action_id) is None:
        abort(404)
    return redirect(url_for("goals.detail", goal_id=goal.id) + "#actions")


@bp.route("/goals/<int:goal_id>/delete", methods=["GET", "POST"])
@login_required
@client_required
def delete(goal_id: int):
    goal = _own_goal(goal_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        ops.delete_goal(goal)
        flash("Goal deleted.", "info")
        return redirect(url_for("goals.index"))
    return render_template("goals/delete.html", goal=goal, form=form)


@bp.post("/goals/feedback")
@read_only
@analysis_limit
@login_required
@client_required
def feedback():
    """The live SMART panel for the text being typed (an HTML partial)."""
    text = request.form.get("text", "")
    analysis, error = None, None
    if len(text) > nlp.MAX_GOAL_CHARS:
        error = f"That is over {nlp.MAX_GOAL_CHARS:,} characters; shorten the goal to analyze it."
    elif text.strip():
        analysis = analyze_text("goal", text, user_context(current_user))
        if analysis is None:
            error = "Analysis is unavailable right now; your goal will still save."
    return render_template("goals/_feedback.html", analysis=analysis, error=error)
