"""Answer-level judgements: does it relate to the job, is it plausible, is it concrete?

- irrelevant: the share of the answer's content nouns found in the job title and
  description (lemmas), with the job terms it uses; an answer about another
  career shares almost nothing.  An answer that aims at the job's own role or
  field ("I see myself running a customer success organisation" for a Customer
  Success Manager) relates to it whatever else it says.
- unrealistic: a top job or the interviewer's job (data: ``top_titles``) in the
  same sentence as a time frame of three years or less, or an absolute promise
  (``absolutes``).
- vague: platitudes (``platitudes``) with next to nothing concrete: no job terms,
  names, numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from ..answer_structure import FORWARD, analyze_structure, cue_patterns, cue_words, is_past
from ..job_terms import JobProfile, job_profile, match_terms, token_columns
from ..result import Finding
from .answer_findings import answer_finding
from .base import CheckInput

NEAR = re.compile(
    r"\b(first|second|third|1st|2nd|3rd) year\b|\byear (one|two|three|1|2|3)\b|"
    r"\b(within|in|after|by) (a|one|two|three|eighteen|twelve|six|\d+|the next|the first) "
    r"(\w+ )?(years?|months?)\b|\bthis year\b|\bnext year\b|\bwithin a year\b",
    re.IGNORECASE)
_YEAR_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "eighteen": 1.5, "twelve": 1, "six": 0.5}
MIN_RELEVANT_SHARE = 0.28
LOW_SHARE = 0.1
MIN_NOUNS = 3
_cue_words = cache(cue_words)  # one set or pattern per list, not one per call
_cue_patterns = cache(cue_patterns)


@dataclass(frozen=True)
class AnswerSignals:
    """Numbers every answer check reads; computed once per doc."""

    nouns: int
    shared: int
    terms_used: int
    platitudes: int
    concrete: int
    aims_at_role: bool = False

    @property
    def share(self) -> float:
        return self.shared / self.nouns if self.nouns else 1.0

    @property
    def relevant(self) -> bool:
        """Enough shared content words, or several job terms used; platitudes are not judged."""
        if self.nouns < MIN_NOUNS or self.vague or self.share >= MIN_RELEVANT_SHARE \
                or self.aims_at_role:
            return True
        return self.terms_used >= 2 and self.share >= LOW_SHARE

    @property
    def vague(self) -> bool:
        return self.platitudes >= 2 and self.concrete <= max(1, self.platitudes * 3 // 4)


def profile_of(data: CheckInput) -> JobProfile | None:
    ctx = data.context
    if not ((ctx.job_description or "").strip() or (ctx.target_role or "").strip()):
        return None
    return job_profile(ctx.job_description or "", ctx.target_role or "")


def job_terms(data: CheckInput) -> dict[str, Any]:
    cached = data.doc.user_data.get("coach_job_terms")
    if cached is None:
        profile = profile_of(data)
        cached = ({"used": [], "missing": [], "total": 0} if profile is None
                  else match_terms(data.doc, data.text, profile))
        data.doc.user_data["coach_job_terms"] = cached
    return cached


def signals(data: CheckInput) -> AnswerSignals:
    cached = data.doc.user_data.get("coach_answer_signals")
    if cached is not None:
        return cached
    profile = profile_of(data)
    nouns = _nouns(data.doc, 0, len(data.doc))
    shared = len(nouns & profile.lemmas) if profile else len(nouns)
    goal_nouns = _goal_nouns(data)
    if profile and len(goal_nouns) >= MIN_NOUNS:
        # The goals are what must relate to the job, not the small talk around them
        # ("I'm applying because I'm good with numbers, but my heart is in baking").
        goal_shared = len(goal_nouns & profile.lemmas)
        if goal_shared / len(goal_nouns) < shared / len(nouns):
            nouns, shared = goal_nouns, goal_shared
    found = job_terms(data)
    used = found["used"]
    stock = [m.span() for m in _cue_patterns("platitudes").finditer(data.text)]
    platitudes = len(stock)
    concrete = len({u["term"].lower() for u in used})
    # Names and amounts are concrete; "every day" and "a hundred percent" in a stock phrase
    # are not, and a bare date is a time frame, not a goal.
    concrete += sum(1 for e in data.doc.ents if e.label_ in ("ORG", "PRODUCT", "GPE", "CARDINAL",
                                                              "MONEY", "PERCENT")
                    and not any(a < e.end_char and e.start_char < b for a, b in stock))
    # Naming the job or the employer is not a goal that relates to it: count duty terms.
    aims = profile is not None and role_aim(data.doc, profile) is not None
    cached = AnswerSignals(len(nouns), shared, int(found.get("duty_count", len(used))),
                           platitudes, concrete, aims)
    data.doc.user_data["coach_answer_signals"] = cached
    return cached


def role_aim(doc: Doc, profile: JobProfile) -> Span | None:
    """Where the answer aims at the job's own role or field: "I see myself running a
    customer success organisation", "I'd like to grow as a UX designer"; not a mention
    in the past ("I did customer success for years") or set aside ("not nursing")."""
    if not profile.role_phrases:
        return None
    columns = token_columns(doc)
    words = [low if pos == PROPN else lemma
             for pos, low, lemma in zip(columns.pos, columns.lower, columns.lemma, strict=True)]
    for phrase in profile.role_phrases:
        size, first = len(phrase), phrase[0]
        for i, word in enumerate(words[:max(0, len(words) - size + 1)]):
            if word == first and tuple(words[i:i + size]) == phrase and \
                    _aimed(doc[i + size - 1]):
                return doc[i:i + size]
    return None


def _aimed(token: Token) -> bool:
    """A forward verb, a modal or a goal word governs the token, and nothing negates it.
    "I'd be a solid engineer here" judges the person, and "pretend I want to be" disowns it:
    neither aims at the role."""
    noun = token
    while noun.dep_ in ("compound", "amod") and noun.head.i != noun.i:
        noun = noun.head  # "pastry" in "a solid pastry chef": judge the whole title
    if any(c.dep_ == "amod" and c.lower_ in _cue_words("competence_words")
           for c in noun.children):
        return False
    subjects = _cue_words("aim_subjects")
    aimed = False
    for head in token.ancestors:
        if any(c.dep_ == "neg" for c in head.children) or is_past(head) or \
                head.lemma_.lower() in _cue_words("pretence_verbs"):
            return False
        if head.lemma_.lower() in FORWARD or head.lower_ in FORWARD or any(
                (c.lower_ in FORWARD and c.dep_ in ("aux", "nsubj", "nsubjpass"))
                or (c.lemma_.lower() in subjects and c.dep_ in ("nsubj", "attr"))
                for c in head.children):
            aimed = True
    return aimed


def _nouns(doc: Doc, start: int, end: int) -> set[str]:
    """Content nouns of doc[start:end]; generic ones (year, people, role, goal) say nothing
    about a field."""
    return {lemma for i, lemma in _content_nouns(doc) if start <= i < end}


def _content_nouns(doc: Doc) -> list[tuple[int, str]]:
    """(token index, lemma) of the doc's content nouns, cached on the doc."""
    cached = doc.user_data.get("coach_content_nouns")
    if cached is None:
        generic = _cue_words("generic_nouns")
        c = token_columns(doc)
        cached = doc.user_data["coach_content_nouns"] = [
            (i, c.lemma[i]) for i, pos in enumerate(c.pos)
            if pos in (NOUN, PROPN) and c.alpha[i] and not c.stop[i] and c.length[i] > 2
            and c.lemma[i] not in generic]
    return cached


def _goal_nouns(data: CheckInput) -> set[str]:
    """Content nouns of the parts with a time frame (the stated goals)."""
    today = data.context.today
    found = analyze_structure(data.doc, data.deadlines, today.year, today.toordinal())
    out: set[str] = set()
    for part in found.parts:
        span = data.doc.char_span(part.start, part.end, alignment_mode="expand")
        if span is not None:
            out |= _nouns(data.doc, span.start, span.end)
    return out


def check_irrelevant(data: CheckInput) -> list[Finding]:
    profile = profile_of(data)
    if profile is None:
        return []
    sig = signals(data)
    if sig.relevant:
        return []
    start, end = data.bounds
    role = (data.context.target_role or "").strip()
    target = f"the job ({role})" if role else "the job description"
    terms = ", ".join(t.term for t in profile.terms[:3]) or "the job's main duties"
    return [answer_finding(data, "irrelevant", "irrelevant", start, end, target=target,
                           terms=terms)]


def check_unrealistic(data: CheckInput) -> list[Finding]:
    top = _cue_patterns("top_titles")
    whole = data.doc.text
    for sent in data.doc.sents:
        text = whole[sent.start_char:sent.end_char]  # sent.text, without making its tokens
        title = top.search(text)
        if title and _near(text):
            base = sent.start_char
            return [answer_finding(data, "unrealistic", "unrealistic.top_job",
                                   base + title.start(), base + title.end())]
    match = _cue_patterns("absolutes").search(data.text)
    if match:
        return [answer_finding(data, "unrealistic", "unrealistic.absolute", match.start(),
                               match.end())]
    return []


def _near(text: str) -> bool:
    """A time frame of three years or less in the sentence."""
    for match in NEAR.finditer(text):
        words = match.group(0).lower().split()
        if words[-1].startswith("month") or words[0] in ("first", "second", "third", "1st",
                                                        "2nd", "3rd", "this", "next"):
            return True
        if words[0] == "year":
            return True
        number = words[1] if len(words) > 1 else ""
        if (number.isdigit() and int(number) <= 3) or _YEAR_WORDS.get(number, 9) <= 3:
            return True
    return False


def check_vague(data: CheckInput) -> list[Finding]:
    sig = signals(data)
    if not sig.vague:
        return []
    match = _cue_patterns("platitudes").search(data.text)
    start, end = (match.start(), match.end()) if match else data.bounds
    return [answer_finding(data, "vague", "vague", start, end)]
