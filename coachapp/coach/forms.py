"""Forms of coach review; the pages render many small ones, so ids come from the page."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

COMMENT_MAX = 4000
REASON_MAX = 500


class InviteCodeForm(FlaskForm):
    code = StringField(
        "Your coach's invite code",
        validators=[DataRequired("Enter the code your coach gave you."),
                    Length(max=20, message="An invite code has 8 letters and digits.")],
        description="8 letters and digits, for example K7QM-2XPA. Dashes and spaces are fine.",
    )


class CommentForm(FlaskForm):
    body = TextAreaField(
        "Comment",
        validators=[DataRequired("Write something first."),
                    Length(max=COMMENT_MAX, message=f"Keep a comment under {COMMENT_MAX} "
                                                    "characters.")],
    )
    # "code:start:end" of one of the goal's findings, or empty for the whole goal.
    anchor = StringField(validators=[Optional(), Regexp(r"^[a-z_]{1,32}:\d{1,5}:\d{1,5}$",
                                                        message="Pick a flag from the list.")])


class FindingDecisionForm(FlaskForm):
    code = HiddenField(validators=[DataRequired(), Length(max=32)])
    start = IntegerField(validators=[NumberRange(min=0, max=99_999)])
    end = IntegerField(validators=[NumberRange(min=0, max=99_999)])
    decision = SelectField(choices=[SelectChoice("accepted", "Accept"),
                                    SelectChoice("dismissed", "Dismiss")])
    reason = StringField("Reason", validators=[Length(max=REASON_MAX)])


class ReviewForm(FlaskForm):
    decision = SelectField(choices=[SelectChoice("approved", "Approve"),
                                    SelectChoice("changes_requested", "Request changes")])
    comment = TextAreaField("Comment for your client", validators=[Length(max=COMMENT_MAX)])


class NoteForm(FlaskForm):
    body = TextAreaField(
        "New private note",
        validators=[DataRequired("Write the note first."), Length(max=COMMENT_MAX)],
        description="Only you see these notes; your client never does.",
    )
