"""Terms of a job description (skills, tools, credentials, duties) and which an answer uses.

Terms come only from the description's own words: noun chunks, trimmed of
determiners and evaluative modifiers ("Good SQL" gives "SQL"), plus
proper-noun runs and acronyms.  Items of a requirements list ("Requirements:",
"What you'll need", bullet lines after such a header) come first and are
marked ``requirement``.  The parsed list is cached per description text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc, Span

from .pipeline import get_pipeline
from .resources import load_json

MAX_MISSING = 8
_BULLET = re.compile(r"(?:^|\s)[-*•·]\s+")


@dataclass(frozen=True)
class JobTerm:
    """One term of the description: its words, the lemmas to match, and its origin."""

    term: str
    lemmas: tuple[str, ...]
    requirement: bool


@dataclass(frozen=True)
class JobProfile:
    """What an answer is compared with: the terms and every content lemma of the job."""

    terms: tuple[JobTerm, ...]
    lemmas: frozenset[str]


@cache
def _word_set(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_json("answer_cues.json")[key])


def _requirements_start(text: str) -> int | None:
    lowered = text.lower()
    found = [lowered.find(h) for h in _word_set("requirement_headers")]
    found = [i for i in found if i >= 0 and ":" in lowered[i:i + 40]]
    bullets = [m.start() for m in _BULLET.finditer(text)]
    if found:
        return min(found)
    return bullets[0] if bullets else None


def _term_tokens(chunk: Span) -> list:
    drop = _word_set("term_modifiers_drop")
    tokens = [t for t in chunk if not t.is_punct and t.lower_ not in drop
              and t.pos_ not in ("DET", "PRON", "ADV", "CCONJ", "NUM", "PART")]
    while tokens and tokens[0].pos_ in ("ADJ",) and not tokens[0].text[0].isupper():
        tokens = tokens[1:]
    return tokens


def _candidates(doc: Doc) -> list[Span]:
    spans: list[Span] = list(doc.noun_chunks)
    for ent in doc.ents:
        if ent.label_ in ("ORG", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "NORP", "FAC"):
            spans.append(ent)
    return spans


@lru_cache(maxsize=32)
def job_profile(description: str, role: str = "") -> JobProfile:
    """The terms and lemmas of a description (and target role), parsed once per text."""
    text = f"{role}. {description}" if role else description
    req_at = _requirements_start(text)
    # Bullets become sentence breaks (same length) so list items never merge into one chunk.
    doc = get_pipeline()(_BULLET.sub(lambda m: "." + " " * (len(m.group(0)) - 1), text))
    stop = _word_set("term_stop")
    seen: dict[tuple[str, ...], JobTerm] = {}
    role_end = len(role) + 2 if role else 0  # the role adds lemmas, never terms
    for span in sorted(_candidates(doc), key=lambda s: s.start_char):
        if span.start_char < role_end:
            continue
        tokens = _term_tokens(span)
        if not tokens or len(tokens) > 5:
            continue
        lemmas = tuple(t.lemma_.lower() for t in tokens)
        if all(lemma in stop or len(lemma) < 2 for lemma in lemmas):
            continue
        term = doc.text[tokens[0].idx: tokens[-1].idx + len(tokens[-1].text)]
        if len(lemmas) == 1 and lemmas[0] in stop:
            continue
        requirement = req_at is not None and span.start_char >= req_at
        if lemmas not in seen:
            seen[lemmas] = JobTerm(term, lemmas, requirement)
    terms = sorted(seen.values(), key=lambda t: not t.requirement)
    content = frozenset(t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop
                        and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ"))
    return JobProfile(tuple(terms), content)


def match_terms(doc: Doc, text: str, profile: JobProfile) -> dict[str, list[dict[str, object]]]:
    """Terms the answer uses (first span of each) and important ones it misses."""
    lemmas = [t.lemma_.lower() for t in doc]
    where: dict[str, list[int]] = {}
    for i, lemma in enumerate(lemmas):
        where.setdefault(lemma, []).append(i)
    used: list[dict[str, object]] = []
    missing: list[dict[str, object]] = []
    for term in profile.terms:
        span = _find(lemmas, where, term.lemmas)
        if span is None:
            if term.requirement or len(missing) < MAX_MISSING // 2:
                missing.append({"term": term.term, "requirement": term.requirement})
            continue
        start = doc[span[0]].idx
        last = doc[span[1] - 1]
        end = last.idx + len(last.text)
        used.append({"term": term.term, "start": start, "end": end, "text": text[start:end]})
    used.sort(key=lambda u: (u["start"], -u["end"]))
    kept: list[dict[str, object]] = []
    for item in used:  # "Harbor" inside "Harbor & Pine" is the same mention
        if not any(k["start"] <= item["start"] and item["end"] <= k["end"] for k in kept):
            kept.append(item)
    return {"used": kept, "missing": missing[:MAX_MISSING]}


def _find(lemmas: list[str], where: dict[str, list[int]],
          term: tuple[str, ...]) -> tuple[int, int] | None:
    size = len(term)
    for i in where.get(term[0], ()):
        if tuple(lemmas[i:i + size]) == term:
            return i, i + size
    return None
