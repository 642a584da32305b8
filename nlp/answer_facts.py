"""Facts of an interview answer: its parts, speaking time, filler rate, top words, job terms."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.parts_of_speech import ADJ, NOUN, PROPN, VERB

from .answer_structure import LONG
from .checks.answer import spoken_seconds
from .checks.answer_relevance import job_terms
from .checks.answer_structure import near_term_parts, structure
from .checks.base import CheckInput
from .fillers import filler_rate, find_fillers
from .job_terms import token_columns
from .result import Facts

TOP_WORDS = 8
_NOT_CONTENT = frozenset({"want", "like", "would", "get", "make", "go", "think", "know", "be",
                          "have", "do", "say", "thing", "lot", "way", "really", "also", "able",
                          "term", "short", "long", "goal", "year", "month"})
_CONTENT_POS = frozenset({NOUN, PROPN, VERB, ADJ})


@dataclass(frozen=True)
class AnswerFacts(Facts):
    """Facts plus what only an answer has; ``to_dict`` adds the answer keys."""

    short_term: tuple[dict[str, Any], ...] = ()
    long_term: tuple[dict[str, Any], ...] = ()
    speaking_seconds: int = 0
    filler_count: int = 0
    filler_rate: float = 0.0
    top_words: tuple[dict[str, Any], ...] = ()
    job_terms: dict[str, Any] = field(
        default_factory=lambda: {"used": [], "missing": [], "total": 0})

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data.update({
            "short_term": [dict(p) for p in self.short_term],
            "long_term": [dict(p) for p in self.long_term],
            "speaking_seconds": self.speaking_seconds,
            "filler_count": self.filler_count,
            "filler_rate": self.filler_rate,
            "top_words": [dict(w) for w in self.top_words],
            "job_terms": {"used": [dict(u) for u in self.job_terms["used"]],
                          "missing": [dict(m) for m in self.job_terms["missing"]],
                          "total": int(self.job_terms.get("total", 0))},
        })
        return data


def top_words(data: CheckInput, limit: int = TOP_WORDS) -> list[dict[str, Any]]:
    """The most-used content words, most used first, as the person wrote them.

    Forms of one word count together (by lemma: "dashboard", "dashboards") and show
    as the form used most ("data", never the lemma "datum"; "sales", not "sale");
    stopwords, filler verbs and the words of fillers ("I mean") are left out.
    """
    fillers = find_fillers(data.doc)
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    first: dict[str, int] = {}
    c = token_columns(data.doc)
    for i, pos in enumerate(c.pos):
        if not (c.alpha[i] and not c.stop[i] and c.length[i] > 1 and pos in _CONTENT_POS):
            continue
        key, low, idx = c.lemma[i], c.lower[i], c.idx[i]
        if key in _NOT_CONTENT or low in _NOT_CONTENT or (fillers and any(
                a <= idx < b for a, b in fillers)):
            continue
        text = c.text[i]
        form = text if pos == PROPN or (text.isupper() and len(text) > 1) else low
        if key in counts:
            counts[key] += 1
            forms[key][form] += 1
        else:
            counts[key] = 1
            first[key] = i
            forms[key] = Counter((form,))
    # "Data" (a name) and "data" (lemma "datum") are one word.
    written = {f.lower(): k for k in counts for f in forms[k] if f.lower() != k}
    for key in list(counts):
        owner = written.get(key)
        if owner is not None and owner in counts and key in counts \
                and counts[owner] >= counts[key]:
            counts[owner] += counts.pop(key)
            forms[owner].update(forms.pop(key))
            first[owner] = min(first[owner], first.pop(key))
    ranked = sorted(counts, key=lambda k: (-counts[k], first[k]))[:limit]
    return [{"word": _shown(forms[k]), "count": counts[k]} for k in ranked]


def _shown(forms: Counter[str]) -> str:
    """The form used most; lower case unless the word is always written as a name."""
    form = forms.most_common(1)[0][0]
    return form if all(f[:1].isupper() for f in forms) else form.lower()


def answer_facts(data: CheckInput, facts: Facts) -> AnswerFacts:
    """Extend the shared facts (metrics, deadlines) with the answer's own."""
    text = data.text
    fillers = find_fillers(data.doc)
    return AnswerFacts(
        metrics=facts.metrics, deadlines=facts.deadlines,
        short_term=tuple(p.to_dict(text) for p in near_term_parts(data)),
        long_term=tuple(p.to_dict(text) for p in structure(data).spans(LONG)),
        speaking_seconds=spoken_seconds(text),
        filler_count=len(fillers),
        filler_rate=filler_rate(len(fillers), text),
        top_words=tuple(top_words(data)),
        job_terms=job_terms(data),
    )
