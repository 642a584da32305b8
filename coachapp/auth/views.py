"""Account pages."""

from __future__ import annotations

import json

from flask import Response, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from coachapp.auth import bp
from coachapp.auth.forms import ChangePasswordForm, DeleteAccountForm, LoginForm, RegisterForm
from coachapp.auth.operations import (
    AccountError,
    authenticate,
    change_password,
    delete_account,
    end_all_sessions,
    register_user,
)
from coachapp.export import export_user_data
from coachapp.ratelimits import login_limits, registration_limit
from coachapp.urls import is_safe_next


def _start_session(user, remember: bool = False) -> None:
    session.clear()  # a fresh session on every login: no fixation
    login_user(user, remember=remember)


@bp.route("/register", methods=["GET", "POST"])
@registration_limit
def register():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = register_user(
                form.email.data, form.password.data, form.display_name.data, form.role.data
            )
        except AccountError as error:
            form.email.errors.append(str(error))
        else:
            _start_session(user)
            flash(f"Welcome to coachapp, {user.display_name}!", "success")
            return redirect(url_for("main.home"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
@login_limits
def login():
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is None:
            flash("That email and password do not match an account.", "error")
        else:
            _start_session(user, remember=form.remember.data)
            target = form.next.data
            return redirect(target if is_safe_next(target) else url_for("main.home"))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    end_all_sessions(current_user)
    logout_user()
    session.clear()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))


@bp.get("/account")
@login_required
def account():
    return render_template(
        "auth/account.html", password_form=ChangePasswordForm(), delete_form=DeleteAccountForm()
    )


@bp.post("/account/password")
@login_required
def password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_password(current_user, form.current.data, form.password.data)
        except AccountError as error:
            form.current.errors.append(str(error))
        else:
            _start_session(current_user)
            flash("Password changed. Other devices have been logged out.", "success")
            return redirect(url_for("auth.account"))
    return render_template(
        "auth/account.html", password_form=form, delete_form=DeleteAccountForm()
    ), 422


@bp.post("/account/delete")
@login_required
def delete():
    form = DeleteAccountForm()
    if form.validate_on_submit():
        if authenticate(current_user.email, form.password.data) is None:
            form.password.errors.append("That password is not correct.")
        else:
            delete_account(current_user)
            logout_user()
            session.clear()
            flash("Your account and all its data have been deleted.", "info")
            return redirect(url_for("auth.login"))
    return render_template(
        "auth/account.html", password_form=ChangePasswordForm(), delete_form=form
    ), 422


@bp.get("/account/export")
@login_required
def export():
    body = json.dumps(export_user_data(current_user), indent=2, ensure_ascii=False)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": 'attachment; filename="coachapp-export.json"'},
    )
