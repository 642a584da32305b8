"""Scoring helpers for hand-labelled analyzer examples.

A labelled file is JSONL, one example per line::

    {"id": "g001", "text": "...", "labels": ["vague", ...], "context": {...}}

``labels`` lists exactly the finding codes whose problem is present (see
../shared/RUBRIC.md); an empty list means no problem.  ``context`` is optional.

The helpers here know nothing about goals in particular, so a test for
interview answers can reuse them with its own codes and eligibility rules.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent

GOAL_CODES: tuple[str, ...] = (
    "vague",
    "missing_metric",
    "missing_deadline",
    "unrealistic",
    "habit",
    "irrelevant",
)

# Keys of a context that something can be relevant or irrelevant *to*.
RELEVANCE_KEYS: tuple[str, ...] = ("vision", "target_role", "job_description")

DEFAULT_GOALS_PATH = HERE / "data" / "goals_labelled.jsonl"
GOALS_ENV_VAR = "LABELLED_GOALS"

THRESHOLD = 0.90


def has_relevance_context(example: Mapping[str, Any]) -> bool:
    """True when the example's context names something to be relevant to."""
    context = example.get("context") or {}
    return any(str(context.get(key) or "").strip() for key in RELEVANCE_KEYS)


def _always(example: Mapping[str, Any]) -> bool:
    return True


# Which examples count for a code; codes not listed count on every example.
GOAL_ELIGIBILITY: dict[str, Callable[[Mapping[str, Any]], bool]] = {
    "irrelevant": has_relevance_context,
}


def labelled_path(env_var: str = GOALS_ENV_VAR, default: Path = DEFAULT_GOALS_PATH) -> Path:
    """The file to score: ``$LABELLED_GOALS`` when set, else the committed file."""
    value = os.environ.get(env_var, "").strip()
    return Path(value).expanduser() if value else default


def load_examples(path: Path | str) -> list[dict[str, Any]]:
    """Read a JSONL file; blank lines are skipped, a bad line raises ValueError."""
    examples: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: invalid JSON: {exc}") from exc
            if not isinstance(item, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object")
            item.setdefault("_line", number)
            examples.append(item)
    return examples


def validate_examples(
    examples: Iterable[Mapping[str, Any]],
    codes: Iterable[str] = GOAL_CODES,
    eligibility: Mapping[str, Callable[[Mapping[str, Any]], bool]] | None = None,
) -> list[str]:
    """Return a list of problems with the data itself (empty when it is fine)."""
    known = set(codes)
    eligibility = GOAL_ELIGIBILITY if eligibility is None else eligibility
    problems: list[str] = []
    seen_ids: dict[str, int] = {}
    seen_texts: dict[str, str] = {}
    for item in examples:
        line = item.get("_line", "?")
        ident = item.get("id")
        where = f"line {line} ({ident!r})"
        if not isinstance(ident, str) or not ident.strip():
            problems.append(f"{where}: missing or empty id")
        elif ident in seen_ids:
            problems.append(f"{where}: duplicate id, first on line {seen_ids[ident]}")
        else:
            seen_ids[ident] = line
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: missing or empty text")
        else:
            key = " ".join(text.lower().split())
            if key in seen_texts:
                problems.append(f"{where}: same text as {seen_texts[key]!r}")
            else:
                seen_texts[key] = str(ident)
        labels = item.get("labels")
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            problems.append(f"{where}: labels must be a list of strings")
            labels = []
        unknown = sorted(set(labels) - known)
        if unknown:
            problems.append(f"{where}: unknown codes {unknown}")
        if len(set(labels)) != len(labels):
            problems.append(f"{where}: repeated codes in labels")
        context = item.get("context")
        if context is not None and not isinstance(context, dict):
            problems.append(f"{where}: context must be an object")
        for code in labels:
            rule = eligibility.get(code)
            if rule is not None and not rule(item):
                problems.append(f"{where}: {code!r} labelled on a line where it cannot apply")
        if isinstance(context, dict) and "months_in_role" in context:
            months = context["months_in_role"]
            if not isinstance(months, int | float) or isinstance(months, bool) or months < 0:
                problems.append(f"{where}: months_in_role must be a non-negative number")
    return problems


def finding_codes(result: Any) -> set[str]:
    """Codes of the findings in an analysis result.

    Accepts an object with ``findings`` (items with ``.code`` or a ``"code"``
    key), an object with ``to_dict()``, or the dict itself.
    """
    findings: Any = None
    if isinstance(result, Mapping):
        findings = result.get("findings")
    else:
        findings = getattr(result, "findings", None)
        if findings is None and hasattr(result, "to_dict"):
            findings = result.to_dict().get("findings")
    codes: set[str] = set()
    for finding in findings or ():
        if isinstance(finding, Mapping):
            code = finding.get("code")
        else:
            code = getattr(finding, "code", None)
        if code is not None:
            codes.add(str(getattr(code, "value", code)))
    return codes


@dataclass
class CodeScore:
    code: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[tuple[Mapping[str, Any], str]] = field(default_factory=list)

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.support if self.support else 1.0

    def passes(self, threshold: float = THRESHOLD) -> bool:
        return self.precision >= threshold and self.recall >= threshold


def score(
    examples: Iterable[Mapping[str, Any]],
    predicted: Mapping[str, set[str]],
    codes: Iterable[str] = GOAL_CODES,
    eligibility: Mapping[str, Callable[[Mapping[str, Any]], bool]] | None = None,
) -> dict[str, CodeScore]:
    """Per-code confusion counts; ``predicted`` maps example id to predicted codes."""
    eligibility = GOAL_ELIGIBILITY if eligibility is None else eligibility
    scores = {code: CodeScore(code) for code in codes}
    for item in examples:
        expected = set(item.get("labels") or ())
        got = predicted.get(item["id"], set())
        for code, sc in scores.items():
            if not eligibility.get(code, _always)(item):
                continue
            want, have = code in expected, code in got
            if want and have:
                sc.tp += 1
            elif have:
                sc.fp += 1
                sc.errors.append((item, "FP"))
            elif want:
                sc.fn += 1
                sc.errors.append((item, "FN"))
            else:
                sc.tn += 1
    return scores


def format_table(scores: Mapping[str, CodeScore], title: str = "") -> str:
    head = f"{'code':<18} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>6} {'recall':>6} {'support':>7}"
    lines = [title] if title else []
    lines += [head, "-" * len(head)]
    for sc in scores.values():
        lines.append(
            f"{sc.code:<18} {sc.tp:>4} {sc.fp:>4} {sc.fn:>4} "
            f"{sc.precision:>6.3f} {sc.recall:>6.3f} {sc.support:>7}"
        )
    return "\n".join(lines)


def describe_errors(sc: CodeScore, predicted: Mapping[str, set[str]], limit: int = 10) -> str:
    """Readable list of up to ``limit`` misclassified examples for one code."""
    out = [
        f"{sc.code}: precision {sc.precision:.3f}, recall {sc.recall:.3f} "
        f"(TP {sc.tp}, FP {sc.fp}, FN {sc.fn}, support {sc.support}); "
        f"{len(sc.errors)} misclassified, showing up to {limit}:"
    ]
    # Interleave false negatives and false positives so both kinds show up.
    fns = [e for e in sc.errors if e[1] == "FN"]
    fps = [e for e in sc.errors if e[1] == "FP"]
    mixed = [e for pair in zip_longest(fns, fps) for e in pair if e is not None]
    for item, kind in mixed[:limit]:
        expected = sorted(item.get("labels") or ())
        got = sorted(predicted.get(item["id"], set()))
        what = "flagged but not labelled" if kind == "FP" else "labelled but not flagged"
        line = f"  [{kind}] {item['id']}: {item['text']!r} ({what}) expected={expected} got={got}"
        if item.get("context"):
            context = {k: v for k, v in item["context"].items() if k != "today"}
            line += f" context={context}"
        out.append(line)
    return "\n".join(out)


def import_analyzer(module: str = "nlp") -> Any:
    """Import the analyzer package, falling back to the repository root on sys.path."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        root = str(REPO_ROOT)
        if root not in sys.path:
            sys.path.insert(0, root)
        return importlib.import_module(module)
