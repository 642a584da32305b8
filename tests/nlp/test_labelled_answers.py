"""Precision and recall of the answer analyzer on hand-labelled interview answers.

The data is tests/nlp/data/answers_labelled.jsonl: spoken answers to "What are
your career goals?" and its relatives ("Where do you see yourself in five
years?", "What are your short-term goals?" ...), each with the job it was given
for (``context``: ``target_role``, the pasted ``job_description``, ``today``)
and the codes whose PROBLEM is present, labelled per RUBRIC.md ("Answers to
...") and the finding codes of DESIGN.md / issue 6.  Set
``LABELLED_ANSWERS=/path/to/other.jsonl`` to score another file in the same
format (for example a held-out set).  Run with ``-s`` to see the table.

Length and filler thresholds used for the labels (spoken at ~140 words per
minute, target window 45 to 120 seconds):

- ``too_short``: under 105 words (under ~45 s).
- ``too_long``: over 280 words (over ~120 s).
- ``filler``: filler words and hedges (um, uh, like, you know, kind of, sort
  of, I guess, basically, I mean) above about 3 per 100 words.

Words are whitespace-separated tokens.  The answers stay well clear of these
boundaries (short ones under 80 words, long ones over 320, the rest 120 to 250;
filler answers far above 3 per 100, the others near zero), so the labels do
not hinge on how a word is counted.  ``long_term_first`` is labelled only when
the answer clearly opens with its three-to-ten-year goal and then comes to the
near term.  Platitudes tied to a time frame ("in the short term I want to grow,
in the long run to be successful") count as short- and long-term parts, so
such an answer is only ``vague``; platitudes with no time frame at all are
``vague`` plus ``no_short_term`` and ``no_long_term``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

try:
    from . import labelled
except ImportError:  # tests/nlp is not a package: pytest put it on sys.path
    import labelled

ANSWER_CODES: tuple[str, ...] = (
    "no_short_term",
    "no_long_term",
    "long_term_first",
    "long_term_too_detailed",
    "irrelevant",
    "unrealistic",
    "vague",
    "filler",
    "too_short",
    "too_long",
)
ANSWER_ELIGIBILITY = {"irrelevant": labelled.has_relevance_context}

THRESHOLD = 0.85
MIN_COMMITTED_LINES = 80
TOO_SHORT_BELOW_WORDS = 105  # 45 s at 140 wpm
TOO_LONG_ABOVE_WORDS = 280  # 120 s at 140 wpm

DEFAULT_PATH = labelled.HERE / "data" / "answers_labelled.jsonl"
SCORED_PATH = labelled.labelled_path("LABELLED_ANSWERS", DEFAULT_PATH)


def _data_files() -> list[Path]:
    files = [DEFAULT_PATH]
    if SCORED_PATH.resolve() != DEFAULT_PATH.resolve():
        files.append(SCORED_PATH)
    return files


def _answer_problems(examples: list[dict[str, Any]]) -> list[str]:
    """Checks specific to answers, on top of labelled.validate_examples."""
    problems: list[str] = []
    for item in examples:
        where = f"line {item.get('_line', '?')} ({item.get('id')!r})"
        if not str(item.get("question") or "").strip():
            problems.append(f"{where}: missing question")
        context = item.get("context")
        if not isinstance(context, dict) or not str(context.get("job_description") or "").strip():
            problems.append(f"{where}: context with a job_description is required")
        words = len(str(item.get("text") or "").split())
        labels = set(item.get("labels") or ())
        if ("too_short" in labels) != (words < TOO_SHORT_BELOW_WORDS):
            problems.append(f"{where}: {words} words but too_short={'too_short' in labels}")
        if ("too_long" in labels) != (words > TOO_LONG_ABOVE_WORDS):
            problems.append(f"{where}: {words} words but too_long={'too_long' in labels}")
    return problems


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.name)
def test_labelled_answers_are_valid(path: Path) -> None:
    examples = labelled.load_examples(path)
    problems = labelled.validate_examples(examples, ANSWER_CODES, ANSWER_ELIGIBILITY)
    problems += _answer_problems(examples)
    assert not problems, f"{path}:\n" + "\n".join(problems)
    if path == DEFAULT_PATH:
        assert len(examples) >= MIN_COMMITTED_LINES, (
            f"{path} has {len(examples)} examples, want at least {MIN_COMMITTED_LINES}"
        )
    # Every code needs positives, or its precision/recall means nothing.
    for code in ANSWER_CODES:
        assert any(code in ex["labels"] for ex in examples), f"no positive example for {code}"


def _format_table(scores: Mapping[str, labelled.CodeScore], title: str) -> str:
    """Like labelled.format_table, with a code column wide enough for answer codes."""
    head = f"{'code':<24} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>6} {'recall':>6} {'support':>7}"
    lines = [title, head, "-" * len(head)]
    for sc in scores.values():
        lines.append(
            f"{sc.code:<24} {sc.tp:>4} {sc.fp:>4} {sc.fn:>4} "
            f"{sc.precision:>6.3f} {sc.recall:>6.3f} {sc.support:>7}"
        )
    return "\n".join(lines)


def _misclassified(
    sc: labelled.CodeScore, predicted: Mapping[str, set[str]], limit: int = 10
) -> str:
    lines = [
        f"{sc.code}: precision {sc.precision:.3f}, recall {sc.recall:.3f} "
        f"(TP {sc.tp}, FP {sc.fp}, FN {sc.fn}, support {sc.support}); "
        f"{len(sc.errors)} misclassified, showing up to {limit}:"
    ]
    for item, kind in sc.errors[:limit]:
        head = " ".join(item["text"].split())[:80]
        expected = sorted(item.get("labels") or ())
        got = sorted(predicted.get(item["id"], set()))
        lines.append(f"  [{kind}] {item['id']}: {head!r} expected={expected} got={got}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def scored() -> dict[str, Any]:
    """Analyze every answer once; a missing or failing analyzer is reported per code."""
    examples = labelled.load_examples(SCORED_PATH)
    try:
        analyze_answer = labelled.import_analyzer("nlp").analyze_answer
    except (ImportError, AttributeError) as exc:
        return {"error": f"cannot import nlp.analyze_answer: {exc!r}"}
    predicted: dict[str, set[str]] = {}
    for item in examples:
        try:
            result = analyze_answer(item["text"], dict(item.get("context") or {}))
        except Exception as exc:  # reported by every code test, not as a setup error
            return {"error": f"analyze_answer failed on {item['id']}: {exc!r}"}
        predicted[item["id"]] = labelled.finding_codes(result)
    scores = labelled.score(examples, predicted, ANSWER_CODES, ANSWER_ELIGIBILITY)
    table = _format_table(scores, title=f"answer analyzer on {SCORED_PATH}")
    print("\n" + table)
    return {"predicted": predicted, "scores": scores, "table": table}


@pytest.mark.parametrize("code", ANSWER_CODES)
def test_precision_and_recall(scored: dict[str, Any], code: str) -> None:
    if "error" in scored:
        pytest.fail(scored["error"], pytrace=False)
    sc = scored["scores"][code]
    if not sc.passes(THRESHOLD):
        pytest.fail(
            f"{code} below {THRESHOLD:.2f}\n"
            + _misclassified(sc, scored["predicted"], limit=10)
            + "\n\n"
            + scored["table"],
            pytrace=False,
        )
