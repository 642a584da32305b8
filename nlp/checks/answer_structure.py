"""Structure of an answer: near-term part, long-term part, their order, the long-term detail."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from ..answer_structure import (
    LONG,
    MAX_SPECIFICS,
    SHORT,
    AnswerStructure,
    Part,
    analyze_structure,
)
from ..fillers import find_fillers
from ..resources import load_json, words
from ..result import Finding
from .answer_findings import answer_finding
from .answer_relevance import job_terms, signals
from .base import CheckInput
from .vague import vague_phrase_re


def structure(data: CheckInput) -> AnswerStructure:
    today = data.context.today
    return analyze_structure(data.doc, data.deadlines, today.year, today.toordinal())


def near_term_parts(data: CheckInput) -> list[Part]:
    """The near-term parts; an answer with no time words at all is about now when it is
    concrete and about this job ("learn the code, get my OSHA 10")."""
    found = structure(data)
    if found.cued and found.has(SHORT):
        return found.spans(SHORT)
    sig = signals(data)
    if sig.vague or not sig.relevant:
        return []
    if found.cued:  # "I want to get my IV certificate. After that ..." opens with the near term
        longs = found.spans(LONG)
        first = longs[0].start if longs else len(data.text)
        return [p for p in found.lead_in if p.end <= first and _concrete(data, p)]
    start, end = data.bounds
    out: list[Part] = []
    for long in found.spans(LONG):  # the text around a stated direction is the near term
        if long.start > start and data.text[start:long.start].strip():
            out.append(Part(SHORT, start, long.start, False))
        start = max(start, long.end)
    if data.text[start:end].strip(" \t\n.,;:!?"):
        out.append(Part(SHORT, start, end, False))
    return out


def _concrete(data: CheckInput, part: Part) -> bool:
    """The part names something of the job (a job term, a name, a number), not a platitude."""
    if any(part.start <= u["start"] < part.end for u in job_terms(data)["used"]):
        return True
    span = data.doc.char_span(part.start, part.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("PROPN", "NUM") for t in span)


@cache
def _empty_nouns() -> frozenset[str]:
    """Nouns that name no concrete thing in a near-term goal ("a role like this one",
    "learn a lot", "more experience")."""
    return (words("abstract_objects") | words("core_abstract_objects") | words("role_frames")
            | frozenset(load_json("answer_cues.json")["term_stop"])
            | frozenset(load_json("answer_cues.json")["time_nouns"]))


def vague_part(data: CheckInput, part: Part) -> bool:
    """A near-term part that names nothing concrete: no job term, no name, no figure,
    only abstract nouns ("get into a role like this one and learn a lot")."""
    if any(part.start <= u["start"] < part.end for u in job_terms(data)["used"]):
        return False
    span = data.doc.char_span(part.start, part.end, alignment_mode="expand")
    if span is None:
        return False
    empty = _empty_nouns()
    lowered = span.text.lower()
    idioms = [(span.start_char + m.start(), span.start_char + m.end())
              for m in vague_phrase_re().finditer(lowered)]  # "get my foot in the door"
    content = [t for t in span if t.pos_ in ("NOUN", "PROPN") and t.is_alpha
               and not any(a <= t.idx < b for a, b in idioms)]
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PRODUCT", "MONEY", "PERCENT")
           or (t.like_num and t.dep_ == "nummod") for t in span):
        return False
    verbs = [t for t in span if t.pos_ == "VERB"]
    return bool(verbs) and all(t.lemma_.lower() in empty or t.lower_ in empty
                               for t in content)


def check(data: CheckInput) -> list[Finding]:
    found = structure(data)
    shorts, longs = near_term_parts(data), found.spans(LONG)
    out: list[Finding] = []
    start, end = data.bounds
    if not shorts:
        where = longs[0] if longs else None
        out.append(answer_finding(data, "no_short_term", "no_short_term",
                                  where.start if where else start, where.end if where else end))
    if not longs and found.destination is None:  # a named destination role is a direction too
        where = shorts[-1] if shorts else None
        out.append(answer_finding(data, "no_long_term", "no_long_term",
                                  where.start if where else start, where.end if where else end))
    if found.opens_with == LONG and found.later_short_cue and longs and shorts:
        # Only an answer that does come to the near term puts it second; one that never
        # does is told no_short_term instead.
        near = next((p for p in shorts if p.start >= longs[0].end), shorts[0])
        finding = answer_finding(data, "long_term_first", "long_term_first",
                                 longs[0].start, longs[0].end,
                                 near=_quote(data, near))
        parts = [("long_term", longs[0].start, longs[0].end),
                 ("short_term", *_spoken_start(data, near))]
        out.append(replace(finding, spans=tuple(
            {"label": label, "start": a, "end": b, "text": data.text[a:b]}
            for label, a, b in parts)))
    if longs and found.detail.over_specified:
        detail = found.detail
        if detail.specifics >= MAX_SPECIFICS:
            bits = [f"{detail.specifics} steps, items, figures and titles in one sentence: "
                    + ", ".join(detail.packed)]
        else:
            bits = [f"{n} {what}" for n, what in ((detail.years, "calendar years"),
                                                   (detail.money, "pay or money figures"),
                                                   (detail.numbers, "other numbers"))
                    if n]
        out.append(answer_finding(data, "long_term_too_detailed", "long_term_too_detailed",
                                  longs[0].start, longs[-1].end, detail=", ".join(bits)))
    for part in shorts:
        if part.explicit and vague_part(data, part):
            out.append(answer_finding(data, "vague_short_term", "vague_short_term",
                                      *_spoken_start(data, part)))
            break
    return out


def _spoken_start(data: CheckInput, part: Part) -> tuple[int, int]:
    """The part without the fillers and linking words it opens with ("Um, and I guess")."""
    fillers = find_fillers(data.doc)
    start = part.start
    for t in data.doc:
        if t.idx < part.start:
            continue
        if t.idx >= part.end or not (t.is_punct or t.pos_ in ("CCONJ", "INTJ") or any(
                a <= t.idx < b for a, b in fillers)):
            start = max(part.start, t.idx)
            break
    return start, part.end


def _quote(data: CheckInput, part: Part) -> str:
    start, end = _spoken_start(data, part)
    words_ = data.text[start:end].split()
    short = " ".join(words_[:14])
    return short + ("..." if len(words_) > 14 else "")
