"""Coach review pages; each parses a form, calls an operation, renders or redirects.

Coach pages are scoped to clients the coach is linked to now (404 otherwise);
client pages to the client's own plan; threads and what's new serve both roles.
"""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from coachapp.coach import bp
from coachapp.coach import operations as ops
from coachapp.coach.dashboard import DEFAULT_SORT, SORTS, client_rows
from coachapp.coach.forms import (
    CommentForm,
    FindingDecisionForm,
    InviteCodeForm,
    NoteForm,
    ReviewForm,
)
from coachapp.coach.plan_review import plan_review
from coachapp.goals import operations as goal_ops
from coachapp.goals.forms import ConfirmForm
from coachapp.roles import client_required, coach_required


@bp.after_request
def _private(response: Response) -> Response:
    response.headers.setdefault("Cache-Control", "private, no-store")
    return response


@bp.app_template_global()
def unread_notifications() -> int:
    """The badge count in the navigation."""
    if not current_user.is_authenticated:
        return 0
    return ops.unread_count(current_user)


def _client(client_id: int):
    client = ops.linked_client(current_user, client_id)
    if client is None:
        abort(404)
    return client


def _coach_goal(goal_id: int):
    goal = ops.goal_for_coach(current_user, goal_id)
    if goal is None:
        abort(404)
    return goal


def _back_to_client(client_id: int, fragment: str = ""):
    return redirect(url_for("coach.client", client_id=client_id) + (f"#{fragment}"
                                                                    if fragment else ""))


def _form_problem(form) -> str:
    return " ".join(e for errors in form.errors.values() for e in errors
                    if isinstance(e, str)) or "Please check the form."


# The coach's pages ------------------------------------------------------------


@bp.get("/coach/")
@login_required
@coach_required
def dashboard():
    sort = request.args.get("sort", DEFAULT_SORT)
    if sort not in SORTS:
        sort = DEFAULT_SORT
    invite = current_user.coach_invite  # made by the button below: a GET never writes
    code = ops.format_code(invite.code) if invite else None
    return render_template(
        "coach/dashboard.html", rows=client_rows(current_user, sort), sort=sort, sorts=SORTS,
        invite=invite, code=code, confirm=ConfirmForm(),
        invite_url=url_for("coach.my_coach", code=code, _external=True) if code else None,
    )


@bp.post("/coach/invite")
@login_required
@coach_required
def regenerate_invite():
    if not ConfirmForm().validate():
        abort(400)
    if current_user.coach_invite is None:
        invite = ops.invite_for(current_user)
        flash(f"Your invite code is {ops.format_code(invite.code)}. Give it to your clients.",
              "success")
    else:
        invite = ops.regenerate_invite(current_user)
        flash(f"New invite code {ops.format_code(invite.code)}. The old code no longer works; "
              "clients already linked stay linked.", "success")
    return redirect(url_for("coach.dashboard") + "#invite")


@bp.get("/coach/clients/<int:client_id>")
@login_required
@coach_required
def client(client_id: int):
    review = plan_review(current_user, _client(client_id))
    return render_template(
        "coach/client.html", review=review, comment_form=CommentForm(),
        decision_form=FindingDecisionForm(), review_form=ReviewForm(), note_form=NoteForm(),
        confirm=ConfirmForm(),
    )


@bp.post("/coach/clients/<int:client_id>/end")
@login_required
@coach_required
def end_client(client_id: int):
    client = _client(client_id)
    if not ConfirmForm().validate():
        abort(400)
    ops.end_link(ops.coach_link_for(current_user, client), by="coach")
    flash(f"You no longer coach {client.display_name}; their plan is hidden from you now.",
          "info")
    return redirect(url_for("coach.dashboard"))


@bp.post("/coach/clients/<int:client_id>/notes")
@login_required
@coach_required
def add_note(client_id: int):
    client = _client(client_id)
    form = NoteForm()
    if form.validate_on_submit():
        ops.add_note(current_user, client, form.body.data)
        flash("Private note saved.", "success")
    else:
        flash(_form_problem(form), "error")
    return _back_to_client(client.id, "notes")


@bp.post("/coach/clients/<int:client_id>/notes/<int:note_id>/delete")
@login_required
@coach_required
def delete_note(client_id: int, note_id: int):
    client = _client(client_id)
    if not ConfirmForm().validate():
        abort(400)
    if not ops.delete_note(current_user, client, note_id):
        abort(404)
    flash("Note deleted.", "info")
    return _back_to_client(client.id, "notes")


@bp.post("/coach/goals/<int:goal_id>/findings")
@login_required
@coach_required
def decide_finding(goal_id: int):
    goal = _coach_goal(goal_id)
    form = FindingDecisionForm()
    if not form.validate_on_submit():
        flash(_form_problem(form), "error")
        return _back_to_client(goal.user_id, f"goal-{goal.id}")
    try:
        ops.decide_finding(current_user, goal, form.code.data, form.start.data, form.end.data,
                           form.decision.data, form.reason.data or "")
    except ops.CoachingError as error:
        flash(str(error), "error")
    else:
        flash("Flag dismissed: it no longer counts against the goal." if
              form.decision.data == "dismissed" else "Flag accepted.", "success")
    return _back_to_client(goal.user_id, f"goal-{goal.id}")


@bp.post("/coach/goals/<int:goal_id>/review")
@login_required
@coach_required
def review_goal(goal_id: int):
    goal = _coach_goal(goal_id)
    form = ReviewForm()
    if not form.validate_on_submit():
        flash(_form_problem(form), "error")
        return _back_to_client(goal.user_id, f"goal-{goal.id}")
    try:
        ops.review_goal(current_user, goal, form.decision.data, form.comment.data or "")
    except ops.CoachingError as error:
        flash(str(error), "error")
    else:
        flash("Goal approved." if form.decision.data == "approved" else
              "Changes requested; your client has been told.", "success")
    return _back_to_client(goal.user_id, f"goal-{goal.id}")


# The client's pages -----------------------------------------------------------


@bp.get("/my-coach")
@login_required
@client_required
def my_coach():
    form = InviteCodeForm()
    form.code.data = request.args.get("code", "")[:20]
    return _my_coach_page(form)


def _my_coach_page(form: InviteCodeForm, status: int = 200):
    link = ops.active_link(current_user)
    return render_template("coach/my_coach.html", form=form, link=link,
                           history=[h for h in ops.link_history(current_user) if h is not link],
                           confirm=ConfirmForm()), status


@bp.post("/my-coach/link")
@login_required
@client_required
def link():
    form = InviteCodeForm()
    if form.validate_on_submit():
        try:
            link = ops.link_with_code(current_user, form.code.data)
        except ops.CoachingError as error:
            form.code.errors.append(str(error))
        else:
            flash(f"Your plan is now shared with {link.coach.display_name}. Submit goals for "
                  "review from their pages.", "success")
            return redirect(url_for("coach.my_coach"))
    return _my_coach_page(form, 422)


@bp.post("/my-coach/end")
@login_required
@client_required
def end_coach():
    link = ops.active_link(current_user)
    if link is None:
        abort(404)
    if not ConfirmForm().validate():
        abort(400)
    ops.end_link(link, by="client")
    flash(f"Your plan is no longer shared with {link.coach.display_name}.", "info")
    return redirect(url_for("coach.my_coach"))


@bp.post("/goals/<int:goal_id>/submit")
@login_required
@client_required
def submit_goal(goal_id: int):
    goal = goal_ops.goal_for(current_user, goal_id)
    if goal is None:
        abort(404)
    if not ConfirmForm().validate():
        abort(400)
    try:
        ops.submit_goal(current_user, goal)
    except ops.CoachingError as error:
        flash(str(error), "error")
    else:
        flash("Sent to your coach for review.", "success")
    return redirect(url_for("goals.detail", goal_id=goal.id) + "#review")


# Both roles ---------------------------------------------------------------------


def _thread_page(target: ops.ThreadTarget) -> str:
    """Where a thread lives, for the person who just wrote in it."""
    fragment = f"#{target.kind.replace('_', '-')}-{target.id}"
    if current_user.is_coach:
        return url_for("coach.client", client_id=target.client_id) + fragment
    if target.kind == "attempt":
        return url_for("interview.attempt", attempt_id=target.id) + "#comments"
    if target.kind == "check_in":
        return url_for("progress.goal", goal_id=target.goal_id) + fragment
    return url_for("goals.detail", goal_id=target.goal_id) + fragment


@bp.post("/threads/<kind>/<int:target_id>")
@login_required
def comment(kind: str, target_id: int):
    target = ops.thread_target(current_user, kind, target_id)
    if target is None:
        abort(404)
    form = CommentForm()
    if not form.validate_on_submit():
        flash(_form_problem(form), "error")
        return redirect(_thread_page(target))
    anchor = None
    if form.anchor.data and kind == "goal":
        code, start, end = form.anchor.data.split(":")
        anchor = ops.find_anchor(target.obj, code, int(start), int(end))
        if anchor is None:
            flash("That flag is no longer on the goal; the comment was not saved.", "error")
            return redirect(_thread_page(target))
    ops.add_comment(current_user, target, form.body.data, anchor)
    flash("Comment added." if current_user.is_coach else "Reply sent to your coach.", "success")
    return redirect(_thread_page(target))


def notification_url(notification) -> str:
    """Where a notification leads its reader."""
    kind, target_id = notification.target_kind, notification.target_id
    if kind == "link":
        return url_for("coach.dashboard" if current_user.is_coach else "coach.my_coach")
    fragment = f"#{kind.replace('_', '-')}-{target_id}" if target_id else ""
    if current_user.is_coach:
        return url_for("coach.client", client_id=notification.client_id) + fragment
    if kind == "attempt" and target_id:
        return url_for("interview.attempt", attempt_id=target_id) + "#comments"
    if kind == "check_in" and notification.goal_id:
        return url_for("progress.goal", goal_id=notification.goal_id) + fragment
    if notification.goal_id:
        return url_for("goals.detail", goal_id=notification.goal_id) + fragment
    return url_for("coach.my_coach")


@bp.get("/news")
@login_required
def news():
    items = ops.notifications_for(current_user)
    return render_template("coach/news.html", items=[(n, notification_url(n)) for n in items],
                           confirm=ConfirmForm())


@bp.post("/news/read")
@login_required
def mark_read():
    if not ConfirmForm().validate():
        abort(400)
    ops.mark_all_read(current_user)
    return redirect(url_for("coach.news"))
