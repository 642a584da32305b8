"""Progress pages; each parses a form, calls an operation, renders."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from coachapp.coach.operations import threads
from coachapp.goals import operations as goal_ops
from coachapp.goals.forms import ConfirmForm
from coachapp.progress import bp
from coachapp.progress import operations as ops
from coachapp.progress.calendar import calendar_ics
from coachapp.progress.charts import goal_chart, plan_chart
from coachapp.progress.forms import (
    CalendarSettingsForm,
    CheckInForm,
    DropForm,
    ReviewForm,
    RevisionForm,
)
from coachapp.progress.plan_document import plan_document, plan_markdown
from coachapp.roles import client_required


def _own_goal(goal_id: int):
    goal = goal_ops.goal_for(current_user, goal_id)
    if goal is None:
        abort(404)
    return goal


@bp.after_request
def _private(response: Response) -> Response:
    response.headers.setdefault("Cache-Control", "private, no-store")
    return response


@bp.get("/")
@login_required
@client_required
def index():
    today = date.today()
    plan = ops.plan_progress(current_user, today)
    return render_template("progress/index.html", plan=plan, chart=plan_chart(plan.goals),
                           today=today)


@bp.get("/goals/<int:goal_id>")
@login_required
@client_required
def goal(goal_id: int):
    today = date.today()
    progress = ops.goal_progress(_own_goal(goal_id), today)
    return render_template("progress/goal.html", progress=progress,
                           chart=goal_chart(progress, today),
                           history=ops.revision_history(progress.goal),
                           comments=threads("check_in", [c.id for c in progress.check_ins]))


@bp.route("/goals/<int:goal_id>/check-in", methods=["GET", "POST"])
@login_required
@client_required
def check_in(goal_id: int):
    goal = _own_goal(goal_id)
    if goal.status != "active":
        flash("Check-ins are for active goals. Activate this goal first.", "info")
        return redirect(url_for("goals.detail", goal_id=goal.id))
    form = CheckInForm()
    target = ops.metric_number(goal.metric_target)
    form.percent = target is None
    if target is not None:
        form.value.label.text = f"Current value (target: {goal.metric_target})"
    if form.validate_on_submit():
        check_in = ops.record_check_in(goal, form.to_input())
        flash("Check-in saved." if not check_in.findings else
              "Check-in saved. One thing to look at below.", "success")
        return redirect(url_for("progress.goal", goal_id=goal.id) + "#check-ins")
    status = 422 if form.errors else 200
    progress = ops.goal_progress(goal)
    return render_template("progress/check_in.html", form=form, progress=progress), status


@bp.route("/goals/<int:goal_id>/drop", methods=["GET", "POST"])
@login_required
@client_required
def drop(goal_id: int):
    goal = _own_goal(goal_id)
    form = DropForm()
    if form.validate_on_submit():
        ops.drop_goal(goal, form.reason.data)
        flash("Goal dropped. Letting go of a goal is a decision too; the reason is in its "
              "history.", "success")
        return redirect(url_for("progress.goal", goal_id=goal.id) + "#history")
    return render_template("progress/drop.html", form=form, goal=goal), \
        422 if form.errors else 200


@bp.route("/review", methods=["GET", "POST"])
@login_required
@client_required
def review():
    plan = ops.plan_progress(current_user)
    by_id = {str(g.goal.id): g for g in plan.goals}
    form = ReviewForm()
    if not form.is_submitted():
        for item in plan.goals:
            form.answers.append_entry({"goal_id": str(item.goal.id)})
    if form.validate_on_submit():
        decisions = [
            ops.ReviewDecision(by_id[e.form.goal_id.data].goal, e.form.decision.data,
                               e.form.reason.data or "")
            for e in form.answers if e.form.goal_id.data in by_id
        ]
        if decisions:
            ops.record_review(current_user, decisions, form.note.data or "")
            to_adjust = [d.goal for d in decisions if d.decision == "adjust"]
            flash("Quarterly review saved." + (
                " Next: adjust the goals you marked, with a reason." if to_adjust else ""),
                "success")
            return redirect(url_for("progress.index"))
    rows = [(entry, by_id.get(entry.form.goal_id.data)) for entry in form.answers]
    return render_template("progress/review.html", form=form, plan=plan,
                           rows=[(e, g) for e, g in rows if g is not None],
                           past=ops.reviews(current_user)), 422 if form.errors else 200


@bp.route("/goals/<int:goal_id>/why", methods=["GET", "POST"])
@login_required
@client_required
def explain_revision(goal_id: int):
    """Right after an active goal changed: what changed, and why (for its history)."""
    goal = _own_goal(goal_id)
    pending = ops.pending_revision(goal)
    if pending is None:
        return redirect(url_for("goals.detail", goal_id=goal.id))
    form = RevisionForm()
    if form.validate_on_submit():
        ops.explain_revision(pending, form.change_kind.data, form.change_reason.data)
        flash("Reason saved with the new version.", "success")
        return redirect(url_for("progress.goal", goal_id=goal.id) + "#history")
    return render_template("progress/revise.html", goal=goal, form=form,
                           change=ops.revision_history(goal)[0]), 422 if form.errors else 200


# Hooks used by the goals pages ------------------------------------------------


def due_summary(user, active=None) -> ops.PlanProgress:
    """What the plan dashboard shows of progress: due check-ins, the review, pace."""
    return ops.plan_progress(user, active=active)


# Calendar feed --------------------------------------------------------------


@bp.route("/calendar", methods=["GET", "POST"])
@login_required
@client_required
def calendar():
    feed = current_user.calendar_feed
    form = CalendarSettingsForm(obj=feed)
    if form.validate_on_submit():
        ops.set_calendar_details(current_user, form.show_details.data)
        flash("Calendar settings saved.", "success")
        return redirect(url_for("progress.calendar"))
    return render_template("progress/calendar.html", form=form, feed=feed,
                           confirm=ConfirmForm(), feed_url=None)


@bp.post("/calendar/token")
@login_required
@client_required
def new_calendar_token():
    if not ConfirmForm().validate():
        abort(400)
    token = ops.new_calendar_token(current_user)
    feed_url = url_for("progress.feed", token=token, _external=True)
    return render_template("progress/calendar.html", feed=current_user.calendar_feed,
                           form=CalendarSettingsForm(obj=current_user.calendar_feed),
                           confirm=ConfirmForm(), feed_url=feed_url)


@bp.post("/calendar/revoke")
@login_required
@client_required
def revoke_calendar_token():
    if not ConfirmForm().validate():
        abort(400)
    ops.revoke_calendar_token(current_user)
    flash("Calendar link revoked: calendars subscribed to it get nothing more.", "info")
    return redirect(url_for("progress.calendar"))


@bp.get("/calendar/<token>.ics")
def feed(token: str):
    """The private feed: no login, the token in the URL is the key."""
    calendar_feed = ops.feed_for_token(token)
    if calendar_feed is None:
        abort(404)
    body = calendar_ics(calendar_feed.user, calendar_feed.show_details)
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": 'inline; filename="career-plan.ics"',
        "Cache-Control": "private, no-store",
        "X-Robots-Tag": "noindex",
        "Referrer-Policy": "no-referrer",
    })


# Export ---------------------------------------------------------------------


@bp.get("/plan/print")
@login_required
@client_required
def print_plan():
    return render_template("progress/print.html", doc=plan_document(current_user))


@bp.get("/plan.md")
@login_required
@client_required
def plan_md():
    body = plan_markdown(plan_document(current_user))
    return Response(body, mimetype="text/markdown", headers={
        "Content-Disposition": 'attachment; filename="career-plan.md"'})
