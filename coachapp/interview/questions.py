"""The question bank, read from ``data/questions.json`` and checked at load."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

PARTS = ("short_term", "long_term", "job_link")


class QuestionBankError(ValueError):
    """``questions.json`` is malformed; the message says where."""


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    tip: str
    expects: tuple[str, ...]

    def expects_part(self, part: str) -> bool:
        return part in self.expects


def _parse(data: dict) -> tuple[dict[str, str], tuple[Question, ...]]:
    parts = data.get("parts", {})
    if set(parts) != set(PARTS):
        raise QuestionBankError(f"'parts' must name exactly {', '.join(PARTS)}")
    questions: list[Question] = []
    seen: set[str] = set()
    for n, item in enumerate(data.get("questions", [])):
        try:
            question = Question(str(item["id"]), str(item["text"]), str(item["tip"]),
                                tuple(item["expects"]))
        except (KeyError, TypeError) as e:
            raise QuestionBankError(f"question {n}: missing or bad field {e}") from e
        if not question.id or len(question.id) > 40 or question.id in seen:
            raise QuestionBankError(f"question {n}: id {question.id!r} is empty, long or repeated")
        unknown = set(question.expects) - set(PARTS)
        if unknown or not question.expects:
            raise QuestionBankError(f"question {question.id}: bad parts {sorted(unknown)}")
        seen.add(question.id)
        questions.append(question)
    if not questions:
        raise QuestionBankError("the question bank is empty")
    return parts, tuple(questions)


@cache
def _bank() -> tuple[dict[str, str], tuple[Question, ...]]:
    raw = resources.files("coachapp.interview").joinpath("data/questions.json").read_text("utf-8")
    return _parse(json.loads(raw))


def all_questions() -> tuple[Question, ...]:
    return _bank()[1]


def part_labels() -> dict[str, str]:
    return _bank()[0]


def find_question(question_id: str) -> Question | None:
    return next((q for q in all_questions() if q.id == question_id), None)
