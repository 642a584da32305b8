"""Forms of the progress pages."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    FloatField,
    FormField,
    HiddenField,
    RadioField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError

from coachapp.progress.operations import CheckInInput

TEXT_MAX = 1000
REASON_MAX = 500

DECISION_CHOICES = [
    SelectChoice("keep", "Keep: it is working"),
    SelectChoice("adjust", "Adjust: change the wording, date or metric"),
    SelectChoice("drop", "Drop: it no longer serves the plan"),
]
CHANGE_CHOICES = [
    SelectChoice("adjusted", "Adjust: the same goal, made more realistic or clearer"),
    SelectChoice("pivoted", "Pivot: a different direction towards the vision"),
]


def _text(label: str, description: str) -> TextAreaField:
    return TextAreaField(label, description=description, validators=[
        Length(max=TEXT_MAX, message=f"Keep this under {TEXT_MAX} characters."),
    ])


class CheckInForm(FlaskForm):
    value = FloatField(
        "Progress (%)",
        validators=[InputRequired("Enter a number, even if it is 0."),
                    NumberRange(min=0, message="Enter 0 or more.")],
    )
    moved = _text("What moved?", "What did you do or finish since the last check-in?")
    blocked = _text("What blocked it?", "What got in the way, if anything?")
    adjust = _text("What will you adjust?", "One change or next step, with when you will do it.")

    # Set by the view: a check-in on a goal without a numeric metric is a percentage.
    percent = True

    def validate_value(self, field: FloatField) -> None:
        if self.percent and field.data is not None and field.data > 100:
            raise ValidationError("Progress is a percentage: enter 0 to 100.")

    def to_input(self) -> CheckInInput:
        return CheckInInput(value=self.value.data, moved=self.moved.data or "",
                            blocked=self.blocked.data or "", adjust=self.adjust.data or "")


def _reason(label: str = "Why?") -> TextAreaField:
    return TextAreaField(label, validators=[
        DataRequired("Say in a sentence why; your future self will want to know."),
        Length(max=REASON_MAX, message=f"Keep the reason under {REASON_MAX} characters."),
    ])


class RevisionForm(FlaskForm):
    """The reason asked for right after an active goal's text, deadline or metric changed."""

    change_kind = RadioField("What kind of change is this?", choices=CHANGE_CHOICES,
                             default="adjusted")
    change_reason = _reason("Why are you changing this goal?")


class DropForm(FlaskForm):
    reason = _reason("Why are you dropping this goal?")


class ReviewAnswerForm(FlaskForm):
    class Meta:
        csrf = False  # the review form carries the token

    goal_id = HiddenField()
    decision = RadioField("Decision", choices=DECISION_CHOICES, default="keep")
    reason = TextAreaField("Why?", validators=[Length(max=REASON_MAX)])

    def validate_reason(self, field: TextAreaField) -> None:
        if self.decision.data == "drop" and not (field.data or "").strip():
            raise ValidationError("Say why you are dropping this goal.")


class ReviewForm(FlaskForm):
    answers = FieldList(FormField(ReviewAnswerForm))
    note = TextAreaField("Anything else about the plan as a whole?",
                         validators=[Length(max=TEXT_MAX)])


class CalendarSettingsForm(FlaskForm):
    show_details = BooleanField(
        "Show goal details in calendar events",
        description="Off: events name each goal by its short title only. On: they include "
                    "the full goal, its metric and the text of each action.",
    )
