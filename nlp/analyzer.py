"""The engine: validate input, parse once, run the checks, assemble the Analysis."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from .answer_facts import answer_facts
from .checks import ANSWER_CHECKS, GOAL_CHECKS, Check, CheckInput
from .context import Context
from .deadlines import extract_deadlines
from .errors import AnalyzerInputError, TextTooLong
from .metrics import extract_metrics
from .pipeline import get_pipeline
from .result import Analysis, Facts, Finding
from .scoring import score, smart_verdicts

MAX_GOAL_CHARS = 5000
MAX_ANSWER_CHARS = 10000
LIMITS = {"goal": MAX_GOAL_CHARS, "answer": MAX_ANSWER_CHARS}
_SURROGATES = re.compile("[\ud800-\udfff]")
ContextLike = Context | Mapping[str, Any] | None


def _check_text(text: object, kind: str) -> str:
    if not isinstance(text, str):
        raise AnalyzerInputError(f"the {kind} text must be a string, not {type(text).__name__}")
    if len(text) > LIMITS[kind]:
        raise TextTooLong(len(text), LIMITS[kind], kind)
    return text


def parse_safe(text: str) -> str:
    """The text spaCy parses: same length, lone surrogates replaced so offsets stay exact."""
    return _SURROGATES.sub("\ufffd", text)


def _empty(kind: str, text: str, context: Context) -> Analysis:
    data = CheckInput(text=text, doc=Doc(get_pipeline().vocab), context=context, metrics=[],
                      deadlines=[], kind=kind)
    findings = [data.finding("empty", "empty", 0, len(text), severity="error")]
    facts = Facts()
    verdicts = smart_verdicts(findings, facts, context, kind)
    return Analysis(kind, text, 0, verdicts, tuple(findings), facts)


def _analyze_doc(kind: str, text: str, doc: Doc, context: Context) -> Analysis:
    metrics = extract_metrics(doc)
    deadlines = extract_deadlines(doc, context.today)
    if _SURROGATES.search(text):  # facts quote the original, not the parsed copy (parse_safe)
        metrics = [replace(m, text=text[m.start:m.end]) for m in metrics]
        deadlines = [replace(d, text=text[d.start:d.end]) for d in deadlines]
    data = CheckInput(text=text, doc=doc, context=context, metrics=metrics,
                      deadlines=deadlines, kind=kind)
    checks: tuple[Check, ...] = GOAL_CHECKS if kind == "goal" else ANSWER_CHECKS
    findings: list[Finding] = []
    for check in checks:
        for finding in check(data):
            if finding.code == "vague" and any(f.code == "vague" for f in findings):
                continue  # one vague finding per text is enough
            findings.append(finding)
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    facts = Facts(tuple(metrics), tuple(deadlines))
    if kind == "answer":
        facts = answer_facts(data, facts)
    verdicts = smart_verdicts(findings, facts, context, kind)
    return Analysis(kind, text, score(verdicts, findings, len(text.split())), verdicts,
                    tuple(findings), facts)


def _analyze(kind: str, text: object, context: ContextLike) -> Analysis:
    checked = _check_text(text, kind)
    ctx = Context.coerce(context)
    if not checked.strip():
        return _empty(kind, checked, ctx)
    doc = get_pipeline()(parse_safe(checked))
    return _analyze_doc(kind, checked, doc, ctx)


def analyze_goal(text: str, context: ContextLike = None) -> Analysis:
    """Analyse one goal statement against SMART and the rubric."""
    return _analyze("goal", text, context)


def analyze_answer(text: str, context: ContextLike = None) -> Analysis:
    """Analyse a spoken answer to "What are your career goals?"."""
    return _analyze("answer", text, context)


def analyze_texts(kind: str, texts: Iterable[str], context: ContextLike = None,
                  batch_size: int = 64) -> list[Analysis]:
    """Analyse many texts of one kind with ``pipe()``; same order as the input."""
    ctx = Context.coerce(context)
    items = [_check_text(t, kind) for t in texts]
    results: list[Analysis | None] = [None] * len(items)
    todo = [(i, t) for i, t in enumerate(items) if t.strip()]
    for i, t in enumerate(items):
        if not t.strip():
            results[i] = _empty(kind, t, ctx)
    docs = get_pipeline().pipe((parse_safe(t) for _, t in todo), batch_size=batch_size)
    for (i, text), doc in zip(todo, docs, strict=True):
        results[i] = _analyze_doc(kind, text, doc, ctx)
    return [r for r in results if r is not None]


def analyze_goals(texts: Iterable[str], context: ContextLike = None) -> list[Analysis]:
    """Analyse many goals with one context, using ``pipe()`` for throughput."""
    return analyze_texts("goal", texts, context)
