"""Writes and reads of interview practice. No request or session handling here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coachapp.analysis import analyze_text, user_context
from coachapp.extensions import db
from coachapp.goals.operations import user_goals
from coachapp.interview.chart import TrendChart, trend_chart
from coachapp.interview.compare import Comparison, compare_analyses
from coachapp.interview.consistency import Consistency, PlanGoal, check_consistency
from coachapp.interview.questions import Question, all_questions
from coachapp.interview.report import Report, build_report, spans
from coachapp.models import OPEN_STATUSES, PracticeAttempt, PracticeSet, User

MAX_ID = 2**31 - 1  # ids are 32-bit; a larger one would fail in the query on PostgreSQL


@dataclass
class PracticeSetInput:
    title: str
    company: str = ""
    description: str = ""


# Practice sets (the target job) ---------------------------------------------


def practice_sets_for(user: User) -> list[PracticeSet]:
    query = (db.select(PracticeSet).where(PracticeSet.user_id == user.id)
             .order_by(PracticeSet.updated_at.desc(), PracticeSet.id.desc()))
    return list(db.session.scalars(query))


def practice_set_for(user: User, set_id: int) -> PracticeSet | None:
    """The practice set with ``set_id`` if it belongs to ``user``."""
    if not 0 < set_id <= MAX_ID:
        return None
    return db.session.scalar(
        db.select(PracticeSet).where(PracticeSet.id == set_id, PracticeSet.user_id == user.id)
    )


def _apply(practice_set: PracticeSet, data: PracticeSetInput) -> None:
    practice_set.title = data.title.strip()
    practice_set.company = data.company.strip()
    practice_set.description = data.description.strip()


def create_practice_set(user: User, data: PracticeSetInput) -> PracticeSet:
    practice_set = PracticeSet(user=user)
    _apply(practice_set, data)
    db.session.add(practice_set)
    db.session.commit()
    return practice_set


def update_practice_set(practice_set: PracticeSet, data: PracticeSetInput) -> PracticeSet:
    """Change the job; earlier attempts keep the analysis they were given."""
    _apply(practice_set, data)
    db.session.commit()
    return practice_set


def delete_practice_set(practice_set: PracticeSet) -> None:
    db.session.delete(practice_set)
    db.session.commit()


@dataclass(frozen=True)
class QuestionSummary:
    question: Question
    attempts: int
    last_score: int | None
    best_score: int | None
    last_attempt: PracticeAttempt | None


def question_summaries(practice_set: PracticeSet) -> list[QuestionSummary]:
    """Each question of the bank with how it went in this set so far."""
    by_question: dict[str, list[PracticeAttempt]] = {}
    for attempt in practice_set.attempts:
        by_question.setdefault(attempt.question_id, []).append(attempt)
    summaries = []
    for question in all_questions():
        attempts = by_question.get(question.id, [])
        scores = [a.score for a in attempts if a.score is not None]
        summaries.append(QuestionSummary(
            question, len(attempts), attempts[-1].score if attempts else None,
            max(scores) if scores else None, attempts[-1] if attempts else None,
        ))
    return summaries


# Answers ----------------------------------------------------------------------


def answer_context(user: User, practice_set: PracticeSet) -> dict[str, Any]:
    """The person's vision and role, with this job's title and description."""
    context = user_context(user)
    context["target_role"] = practice_set.title
    if practice_set.description:
        context["job_description"] = practice_set.description
    return context


def analyze_answer(user: User, practice_set: PracticeSet, text: str) -> dict[str, Any] | None:
    """The analysis of an answer for this job; raises :class:`nlp.TextTooLong`."""
    return analyze_text("answer", text, answer_context(user, practice_set))


def record_attempt(user: User, practice_set: PracticeSet, question_id: str, text: str,
                   duration_seconds: int | None = None) -> PracticeAttempt:
    """Store a new attempt; the answer is kept even when the analyzer fails."""
    text = text.strip()
    analysis = analyze_answer(user, practice_set, text)
    attempt = PracticeAttempt(
        practice_set=practice_set, question_id=question_id, text=text,
        duration_seconds=duration_seconds, analysis=analysis,
        score=analysis["score"] if analysis else None,
    )
    db.session.add(attempt)
    db.session.commit()
    return attempt


def attempt_for(user: User, attempt_id: int) -> PracticeAttempt | None:
    """The attempt with ``attempt_id`` if its practice set belongs to ``user``."""
    if not 0 < attempt_id <= MAX_ID:
        return None
    return db.session.scalar(
        db.select(PracticeAttempt).join(PracticeSet)
        .where(PracticeAttempt.id == attempt_id, PracticeSet.user_id == user.id)
    )


def ensure_analysis(user: User, attempt: PracticeAttempt) -> None:
    """Analyse an attempt stored while the analyzer was unavailable."""
    if attempt.analysis is None:
        attempt.analysis = analyze_answer(user, attempt.practice_set, attempt.text)
        if attempt.analysis is not None:
            attempt.score = attempt.analysis["score"]
            db.session.commit()


def attempts_for(practice_set: PracticeSet, question_id: str) -> list[PracticeAttempt]:
    """Attempts at one question, oldest first."""
    return [a for a in practice_set.attempts if a.question_id == question_id]


def plan_consistency(user: User, attempt: PracticeAttempt) -> Consistency | None:
    """Which of the person's open goals the answer reflects; None without goals or analysis."""
    goals = [PlanGoal(g.id, g.text) for g in user_goals(user, OPEN_STATUSES)]
    if not goals or attempt.analysis is None:
        return None
    facts = attempt.facts
    stated = [(s["start"], s["end"]) for key in ("short_term", "long_term")
              for s in spans(facts.get(key)) if isinstance(s.get("start"), int)
              and isinstance(s.get("end"), int)]
    return check_consistency(attempt.text, goals, attempt.findings, stated)


@dataclass(frozen=True)
class AttemptFeedback:
    report: Report | None
    consistency: Consistency | None
    number: int
    previous: PracticeAttempt | None
    change: Comparison | None


def attempt_feedback(user: User, attempt: PracticeAttempt, question: Question) -> AttemptFeedback:
    ensure_analysis(user, attempt)
    report = None
    if attempt.analysis is not None:
        report = build_report(attempt.analysis, question, attempt.duration_seconds,
                              bool(attempt.practice_set.description))
    history = attempts_for(attempt.practice_set, attempt.question_id)
    index = history.index(attempt)
    previous = history[index - 1] if index > 0 else None
    change = compare_analyses(previous.analysis, attempt.analysis) if previous else None
    return AttemptFeedback(report, plan_consistency(user, attempt), index + 1, previous, change)


# History ----------------------------------------------------------------------


@dataclass(frozen=True)
class History:
    attempts: list[PracticeAttempt]
    chart: TrendChart


def history(practice_set: PracticeSet, question_id: str) -> History:
    attempts = attempts_for(practice_set, question_id)
    chart = trend_chart([(f"#{i}", a.score) for i, a in enumerate(attempts, 1)])
    return History(attempts, chart)


def compare_attempts(first: PracticeAttempt, second: PracticeAttempt) -> Comparison:
    """Compare two attempts, the older one as "before"."""
    before, after = sorted((first, second), key=lambda a: (a.created_at, a.id))
    return compare_analyses(before.analysis, after.analysis)
