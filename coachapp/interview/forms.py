"""Forms of interview practice."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

import nlp
from coachapp.interview.operations import PracticeSetInput
from coachapp.models import JOB_DESCRIPTION_MAX

MAX_DURATION = 3600


class PracticeSetForm(FlaskForm):
    title = StringField(
        "Job title",
        validators=[DataRequired("Name the job you are practising for."), Length(max=120)],
        description="For example: Data engineer.",
    )
    company = StringField("Company", validators=[Length(max=120)])
    description = TextAreaField(
        "Job description",
        validators=[Length(max=JOB_DESCRIPTION_MAX,
                           message=f"Keep the job description under {JOB_DESCRIPTION_MAX:,} "
                                   "characters: paste the role and requirements parts.")],
        description="Paste the advert: your answers are checked for the terms it uses.",
    )

    def to_input(self) -> PracticeSetInput:
        return PracticeSetInput(self.title.data or "", self.company.data or "",
                                self.description.data or "")


class AnswerForm(FlaskForm):
    text = TextAreaField(
        "Your answer",
        validators=[
            DataRequired("Write your answer first."),
            Length(max=nlp.MAX_ANSWER_CHARS,
                   message=f"Keep an answer under {nlp.MAX_ANSWER_CHARS:,} characters "
                           "(about 20 minutes spoken); your text is still here to shorten."),
        ],
        description="Write it as you would say it. Feedback appears beside it as you type.",
    )
    duration_seconds = IntegerField(
        "Speaking time in seconds (optional)",
        validators=[Optional(), NumberRange(min=1, max=MAX_DURATION,
                                            message=f"Enter 1 to {MAX_DURATION} seconds.")],
        description="Filled in by the timer, or type how long you spoke.",
    )


class ConfirmForm(FlaskForm):
    """A button that changes state: only the CSRF token."""
