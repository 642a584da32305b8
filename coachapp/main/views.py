"""Landing page and the start page for each role."""

from flask import render_template

from coachapp.main import bp


@bp.get("/")
def home():
    return render_template("main/home.html")
