"""Precision and recall of the goal analyzer on hand-labelled goal statements.

The data is tests/nlp/data/goals_labelled.jsonl, labelled per RUBRIC.md.  Set
``LABELLED_GOALS=/path/to/other.jsonl`` to score another file in the same
format (for example a held-out set).  Run with ``-s`` to see the table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

try:
    from . import labelled
except ImportError:  # tests/nlp is not a package: pytest put it on sys.path
    import labelled

MIN_COMMITTED_LINES = 250

SCORED_PATH = labelled.labelled_path()


def _data_files() -> list[Path]:
    files = [labelled.DEFAULT_GOALS_PATH]
    if SCORED_PATH.resolve() != labelled.DEFAULT_GOALS_PATH.resolve():
        files.append(SCORED_PATH)
    return files


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.name)
def test_labelled_data_is_valid(path: Path) -> None:
    examples = labelled.load_examples(path)
    problems = labelled.validate_examples(examples)
    assert not problems, f"{path}:\n" + "\n".join(problems)
    if path == labelled.DEFAULT_GOALS_PATH:
        assert len(examples) >= MIN_COMMITTED_LINES, (
            f"{path} has {len(examples)} examples, want at least {MIN_COMMITTED_LINES}"
        )
    # Every code must have positives, or its precision/recall means nothing.
    for code in labelled.GOAL_CODES:
        assert any(code in ex["labels"] for ex in examples), f"no positive example for {code}"


@pytest.fixture(scope="module")
def scored() -> dict[str, Any]:
    """Analyze every example once; failures to import or run are reported per test."""
    examples = labelled.load_examples(SCORED_PATH)
    try:
        analyzer = labelled.import_analyzer("nlp")
        analyze_goal = analyzer.analyze_goal
    except (ImportError, AttributeError) as exc:
        return {"error": f"cannot import nlp.analyze_goal: {exc!r}"}
    predicted: dict[str, set[str]] = {}
    for item in examples:
        result = analyze_goal(item["text"], item.get("context"))
        predicted[item["id"]] = labelled.finding_codes(result)
    scores = labelled.score(examples, predicted)
    table = labelled.format_table(scores, title=f"goal analyzer on {SCORED_PATH}")
    print("\n" + table)
    return {"predicted": predicted, "scores": scores, "table": table}


@pytest.mark.parametrize("code", labelled.GOAL_CODES)
def test_precision_and_recall(scored: dict[str, Any], code: str) -> None:
    if "error" in scored:
        pytest.fail(scored["error"])
    sc = scored["scores"][code]
    if not sc.passes(labelled.THRESHOLD):
        pytest.fail(
            f"{code} below {labelled.THRESHOLD:.2f}\n"
            + labelled.describe_errors(sc, scored["predicted"], limit=10)
            + "\n\n"
            + scored["table"],
            pytrace=False,
        )
