"""Forms of the goals workspace."""

from __future__ import annotations

from datetime import date

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from coachapp.goals.operations import MAX_ACTIONS, ActionInput, GoalInput

GOAL_TEXT_MAX = 1000

TYPE_CHOICES = [
    SelectChoice("skill", "Skill: learn or master something"),
    SelectChoice("growth", "Growth: a new role, scope or title"),
    SelectChoice("impact", "Impact: results for your team or customers"),
    SelectChoice("network", "Network: people and reputation"),
    SelectChoice("lifestyle", "Lifestyle: balance, health, flexibility"),
    SelectChoice("exploration", "Exploration: try a new direction"),
]
HORIZON_CHOICES = [
    SelectChoice("short", "Short-term (within about 3 years)"),
    SelectChoice("long", "Long-term (3 to 5 years or more)"),
]
STATUS_CHOICES = [
    SelectChoice("draft", "Draft"),
    SelectChoice("active", "Active"),
    SelectChoice("done", "Done"),
    SelectChoice("dropped", "Dropped"),
]


class VisionForm(FlaskForm):
    statement = TextAreaField(
        "Your five-year vision",
        validators=[Length(max=2000)],
        description="Where do you want to be in about five years? A few sentences is plenty.",
    )
    target_role = StringField(
        "Target role or field",
        validators=[Length(max=120)],
        description="For example: ward manager, data engineer, head of sales.",
    )
    current_role = StringField("Current role", validators=[Length(max=120)])
    months_in_role = IntegerField(
        "Months in your current role",
        validators=[Optional(), NumberRange(min=0, max=600, message="Enter 0 to 600 months.")],
    )


class ActionForm(FlaskForm):
    class Meta:
        csrf = False  # the enclosing goal form carries the token

    text = StringField("Action", validators=[Length(max=300)])
    due_date = DateField("Due", validators=[Optional()])
    done = BooleanField("Done")


class GoalForm(FlaskForm):
    text = TextAreaField(
        "Your goal",
        validators=[
            DataRequired("Write your goal first."),
            Length(max=GOAL_TEXT_MAX, message=f"Keep a goal under {GOAL_TEXT_MAX} characters."),
        ],
        description="One outcome, a number to measure it by, and a date.",
    )
    type = SelectField("Type", choices=TYPE_CHOICES, default="skill")
    horizon = RadioField("Horizon", choices=HORIZON_CHOICES, default="short")
    deadline = DateField("Deadline", validators=[Optional()])
    metric_target = StringField(
        "Metric target",
        validators=[Length(max=120)],
        description="What number or finished thing proves it? Filled from your text when found.",
    )
    status = SelectField("Status", choices=STATUS_CHOICES, default="draft")
    actions = FieldList(FormField(ActionForm), min_entries=MAX_ACTIONS)
    version = HiddenField()

    def validate_deadline(self, field: DateField) -> None:
        if field.data and field.data < date.today() and self.status.data in ("draft", "active"):
            raise ValidationError("That date has passed. Pick a deadline in the future.")

    def validate_actions(self, field: FieldList) -> None:
        filled = [entry for entry in field.entries if (entry.form.text.data or "").strip()]
        if len(filled) > MAX_ACTIONS:
            raise ValidationError(
                f"A goal has at most {MAX_ACTIONS} actions; remove {len(filled) - MAX_ACTIONS} "
                "or make them a goal of their own."
            )

    def to_input(self) -> GoalInput:
        return GoalInput(
            text=self.text.data,
            type=self.type.data,
            horizon=self.horizon.data,
            deadline=self.deadline.data,
            metric_target=self.metric_target.data or "",
            status=self.status.data,
            actions=[
                ActionInput(e.form.text.data or "", e.form.due_date.data, e.form.done.data)
                for e in self.actions.entries
            ],
        )

    def pad_actions(self) -> None:
        """Show at least MAX_ACTIONS rows, so there is room to add actions without JS."""
        while len(self.actions.entries) < MAX_ACTIONS:
            self.actions.append_entry()


class ConfirmForm(FlaskForm):
    """A button that changes state: only the CSRF token."""
