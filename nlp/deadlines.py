"""Find deadlines and cadences in a parsed text and resolve them to dates."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

from .dates import resolve
from .result import Deadline
from .syntax import coach_spans, overlaps

_COUNTABLE = frozenset({"once", "twice", "thrice", "times", "time"})


def find_time_spans(doc: Doc | Span) -> tuple[list[Span], list[Span], list[Span]]:
    """(deadline spans, cadence spans, non-deadline time words) after overlap resolution."""
    if isinstance(doc, Doc):
        cached = doc.user_data.get("coach_time_spans")
        if cached is None:
            cached = doc.user_data["coach_time_spans"] = _find_time_spans(doc)
        return cached
    return _find_time_spans(doc)


def _find_time_spans(doc: Doc | Span) -> tuple[list[Span], list[Span], list[Span]]:
    negatives = coach_spans(doc, "NOT_DEADLINE")
    kept: list[Span] = []
    for span in coach_spans(doc, "DEADLINE", "CADENCE"):
        if any(overlaps(span, n) and not _contains(span, n) for n in negatives):
            continue
        if span.id_ == "cad.per_unit" and span[0].lower_ in ("a", "an") and not _counted(span):
            continue
        kept.append(span)
    kept = _longest_first(kept)
    deadlines = [s for s in kept if s.label_ == "DEADLINE"]
    cadences = [s for s in kept if s.label_ == "CADENCE"]
    return deadlines, cadences, _longest_first(negatives)


def _contains(outer: Span, inner: Span) -> bool:
    return (outer.start <= inner.start and inner.end <= outer.end
            and (outer.end - outer.start) > (inner.end - inner.start))


def _counted(span: Span) -> bool:
    """'a week' is a cadence only after a count: '3 posts a week', 'twice a week'."""
    doc = span.doc
    for token in doc[max(span.start - 5, 0): span.start]:
        if token.like_num or token.lower_ in _COUNTABLE or token.lower_ in ("one", "a", "an"):
            if token.lower_ in ("a", "an") and token.i + 1 < span.start and \
                    doc[token.i + 1].pos_ not in ("NOUN", "ADJ", "PROPN"):
                continue
            return True
    return False


def _longest_first(spans: list[Span]) -> list[Span]:
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start, s.id_)):
        if not any(overlaps(span, c) for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def extract_deadlines(doc: Doc | Span, today: dt.date) -> list[Deadline]:
    """Deadlines and cadences, with dates resolved relative to ``today``.

    Expressions that resolve to a date already past (``in 2019``) are references
    to the past, not deadlines, and are dropped.
    """
    deadlines, cadences, _ = find_time_spans(doc)
    out: list[Deadline] = []
    for span in deadlines:
        text = _strip_leading_preposition(span)
        resolution = resolve(span.text, today)
        if resolution.date is not None and resolution.date < today and not resolution.relative:
            continue
        kind = "event" if resolution.date is None else "relative" if resolution.relative else "date"
        out.append(Deadline(
            text=text.text, start=text.start_char, end=text.end_char, date=resolution.date,
            relative=resolution.relative, kind=kind, rule=span.id_,
        ))
    for span in cadences:
        out.append(Deadline(
            text=span.text, start=span.start_char, end=span.end_char, date=None,
            relative=True, kind="cadence", rule=span.id_,
        ))
    out.sort(key=lambda d: (d.start, d.end))
    return out


_LEADING = frozenset({"by", "before", "until", "till", "til", "in", "within", "during",
                      "over", "on", "at", "for", "through", "throughout", "of", "around",
                      "inside", "ahead", "prior", "when"})


def _strip_leading_preposition(span: Span) -> Span:
    """Keep 'the end of the year' but not the 'by' before it, unless it carries meaning."""
    if len(span) > 1 and span[0].lower_ in ("by", "on", "at", "of"):
        return span[1:]
    return span


def vague_time_words(doc: Doc | Span) -> list[Span]:
    """Time words that are not deadlines: 'soon', 'someday', 'eventually'."""
    return [s for s in coach_spans(doc, "NOT_DEADLINE") if s.id_ in
            ("nd.vague_time", "nd.one_day", "nd.in_future", "nd.as_soon_as")]
