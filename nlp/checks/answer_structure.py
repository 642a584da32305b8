"""Structure of an answer: near-term part, long-term part, their order, the long-term detail."""

from __future__ import annotations

from ..answer_structure import LONG, SHORT, AnswerStructure, Part, analyze_structure
from ..result import Finding
from .answer_findings import answer_finding
from .answer_relevance import job_terms, signals
from .base import CheckInput


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
    if found.opens_with == LONG and found.later_short_cue and longs:
        out.append(answer_finding(data, "long_term_first", "long_term_first",
                                  longs[0].start, longs[0].end))
    if longs and found.detail.over_specified:
        detail = found.detail
        bits = [f"{n} {what}" for n, what in ((detail.years, "calendar years"),
                                               (detail.money, "pay or money figures"),
                                               (detail.numbers, "other numbers"))
                if n]
        out.append(answer_finding(data, "long_term_too_detailed", "long_term_too_detailed",
                                  longs[0].start, longs[-1].end, detail=", ".join(bits)))
    return out
