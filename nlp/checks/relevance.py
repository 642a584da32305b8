"""irrelevant: with a vision, target role or job description, a goal that serves none of them.

Decision on lifestyle goals (health, hobbies, travel): they are personal, not career
goals, so against a career vision they are flagged - unless the vision itself speaks of
well-being or balance. Generic career skills (communication, leadership, time
management, networking, mentoring...) are relevant to every role, and so are goals
about career progression (a promotion, a raise, a new role). Abstract goals with no
content words ("improve my skills") are never flagged: there is nothing to judge.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.tokens import Token

from ..resources import WORDS, domain_canon, fields
from ..result import Finding
from .base import CheckInput

_PUNCT = re.compile(r"[^\w&+'/-]+")
# _PUNCT for ASCII text as a byte table (\w is [A-Za-z0-9_] there): the same, many times faster
_ASCII_PUNCT = bytes(c if chr(c).isalnum() or chr(c) in "_&+'/-" else ord(" ") for c in range(256))
CONTEXT_CACHE = 256  # distinct visions / job descriptions kept parsed
GENERIC_STOP = frozenset({"want", "goal", "become", "get", "make", "improve", "learn",
                          "increase", "help", "work", "year", "month", "week", "day", "time"})


def _terms(text: str) -> set[str]:
    return {w.strip(".,;:!?()\"'").lower() for w in text.replace("/", " ").split()}


def context_terms(data: CheckInput) -> tuple[frozenset[str], str]:
    """Content words of the person's direction, and how to name it."""
    ctx = data.context
    return _direction_terms(_context_text(data)), (
        f"your target role ({ctx.target_role.strip()})" if ctx.target_role and
        ctx.target_role.strip() else "your vision" if ctx.vision and ctx.vision.strip()
        else "the job description")


@lru_cache(maxsize=CONTEXT_CACHE)
def _direction_terms(text: str) -> frozenset[str]:
    """Words of the vision, roles and job description (one context serves many goals)."""
    return frozenset({_lemma(t) for t in _terms(text)} | _terms(text))


def _lemma(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def check(data: CheckInput) -> list[Finding]:
    """Flag a goal only when it can be placed in a domain that is clearly not the context's."""
    if not data.context.has_direction:
        return []
    goal = _goal_words(data)
    ctx_terms, target = context_terms(data)
    content = _content_lemmas(goal)
    if content & ctx_terms or {_lemma(c) for c in content} & ctx_terms:
        return []  # a content word of the direction: relevant, whatever the goal's domain
    text_lower = data.lowered
    goal_domains = _domains(_naming_terms(goal), _padded(text_lower))
    hobby = any(fields()[d][0] == "hobbies" for d in goal_domains)  # before the generic test
    goal_terms = {w for _, _, lower, lemma in goal for w in (lower, lemma)}
    generic = WORDS.generic_career_terms
    if not hobby and (_mentions(text_lower, generic) or goal_terms & generic):
        return []
    lifestyle = _lifestyle(goal, text_lower)
    if lifestyle and ctx_terms & WORDS.wellbeing_context_terms:
        return []
    ctx_domains = _context_domains(_context_text(data))
    if lifestyle:
        life_hits = {w for _, _, lower, lemma in goal
                     if {lower, lemma} & WORDS.lifestyle_terms for w in (lower, lemma)}
        if any(life_hits & fields()[d][1] for d in ctx_domains):
            lifestyle = False  # 'the kids' of a primary teacher are pupils, not family life
    canon = domain_canon()
    goal_fields = {canon[d] for d in goal_domains} - {"generic"}
    ctx_fields = {canon[d] for d in ctx_domains} - {"generic"}
    if goal_fields & ctx_fields:
        return []
    placed = [d for d in goal_domains if canon[d] != "generic"]
    hobby = bool(placed) and all(fields()[d][0] == "hobbies" for d in placed)
    goal_domains, ctx_domains = goal_fields, ctx_fields
    if not (lifestyle or hobby or (goal_domains and ctx_domains)):
        return []  # the goal's domain is unknown, or the target's is: nothing to judge
    start, end = data.bounds
    return [data.finding("irrelevant", "irrelevant.lifestyle" if lifestyle or hobby else
                         "irrelevant.other_field", start, end, target=target)]


_Word = tuple[Token, str, str, str]  # token, part of speech, lower-case form and lemma
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


def _goal_words(data: CheckInput) -> list[_Word]:
    """The goal's words (no punctuation or spaces), each token's attributes read once."""
    return [(t, t.pos_, t.lower_, t.lemma_.lower()) for t in data.tokens
            if not t.is_punct and not t.is_space]


def _content_lemmas(goal: list[_Word]) -> set[str]:
    """Lemmas of the goal's content words, minus stop words and generic goal words."""
    extra = WORDS.stopwords_extra
    return {lemma for t, pos, _, lemma in goal if pos in _CONTENT_POS and not t.is_stop
            and lemma not in GENERIC_STOP and lemma not in extra}


def _lifestyle_word(t: Token, pos: str) -> bool:
    """Whether a lifestyle word says the lifestyle: not a verb that takes an object ('run
    two fire drills' is not running), nor a word that only qualifies a measure ('travel
    time')."""
    return not (pos == "VERB" and any(c.dep_ == "dobj" for c in t.children)) and \
        not _qualifies_measure(t)


_ADJ_ENDINGS = ("al", "ic", "ive", "ous", "ful", "able", "ible", "ary", "ent", "ant", "ish",
                "less", "ed", "ing", "y", "er", "est", "ile", "ian", "ese", "ly")
_MEASURE_HEADS = frozenset({"time", "times", "cost", "costs", "budget", "expense", "expenses",
                            "distance", "allowance", "policy", "claim", "claims", "spend"})


def _qualifies_measure(t) -> bool:
    """'travel time', 'mileage and travel costs': a word that only says what a measure is of."""
    dep = t.dep_
    while dep == "conj" and t.head is not t:
        t = t.head
        dep = t.dep_
    return dep in ("compound", "nmod") and t.head.lower_ in _MEASURE_HEADS


def _noun_like(t) -> bool:
    """A noun the tagger called an adjective in front of another noun ('a tattoo
    apprenticeship', 'a taco truck'): no adjective ending, no modifiers of its own."""
    return t.pos_ == "ADJ" and t.dep_ in ("amod", "compound") and t.head.pos_ == "NOUN" and \
        t.head.i == t.i + 1 and not any(True for _ in t.children) and \
        not t.lower_.endswith(_ADJ_ENDINGS)


def _naming_terms(goal: list[_Word]) -> set[str]:
    """Words that can name a domain: nouns, proper nouns, symbols (not verbs or adjectives:
    'be more patient' is not about patients; nor a word that only qualifies a measure:
    'travel time' in a warehouse is not travel)."""
    out: set[str] = set()
    for t, pos, lower, lemma in goal:
        if (pos in ("NOUN", "PROPN", "X", "NUM") or t.is_upper or (
                pos == "ADJ" and _noun_like(t)) or (
                pos == "VERB" and t.dep_ in ("amod", "compound"))) and \
                not _qualifies_measure(t):  # 'a bartending course' names bartending
            out.add(lower)
            out.add(lemma)
    return out


def _domains(terms: set[str], text: str) -> set[str]:
    """Every domain a term or phrase of the text belongs to (ambiguous terms count for all)."""
    by_term, by_first_word = _domain_index()
    hits: dict[str, int] = {}
    for term in by_term.keys() & terms:
        for name in by_term[term]:
            hits[name] = hits.get(name, 0) + 1
    words_ = {w for word in text.split() for w in word.split("-")} if "-" in text else \
        set(text.split())
    for word in by_first_word.keys() & words_:
        for name, phrase in by_first_word[word]:
            if phrase in text:
                hits[name] = hits.get(name, 0) + 1
    # the broad families are loose: one shared word ('agent', 'case') places nothing
    return {name for name, count in hits.items()
            if count >= (2 if name.startswith("family:") else 1)}


@cache
def _domain_index() -> tuple[dict[str, tuple[str, ...]],
                             dict[str, tuple[tuple[str, str], ...]]]:
    """Domains by term, and padded phrases (" pick path ") by their first word."""
    by_term: dict[str, list[str]] = {}
    by_first_word: dict[str, list[tuple[str, str]]] = {}
    for name, (_, vocab) in fields().items():
        for term in vocab:
            by_term.setdefault(term, []).append(name)
            if " " in term or "-" in term:  # spaCy splits 'pick-path': match the text too
                first = re.split(r"[ -]", term)[0]
                by_first_word.setdefault(first, []).append((name, f" {term} "))
    return ({t: tuple(n) for t, n in by_term.items()},
            {w: tuple(p) for w, p in by_first_word.items()})


def _padded(text: str) -> str:
    """The text's words (runs of \\w and &+'/-) between single spaces, a space at each end."""
    if text.isascii():
        text = text.encode("ascii").translate(_ASCII_PUNCT).decode("ascii")
    else:
        text = _PUNCT.sub(" ", text)
    return " " + " ".join(text.split()) + " "


def _context_text(data: CheckInput) -> str:
    ctx = data.context
    return " ".join(p for p in (ctx.vision, ctx.target_role, ctx.job_description,
                                ctx.current_role) if p and p.strip())


@lru_cache(maxsize=CONTEXT_CACHE)
def _context_domains(text: str) -> frozenset[str]:
    raw = _terms(text)
    terms = raw | {_lemma(t) for t in raw}
    return frozenset(_domains(terms, _padded(text.lower())))


def _lifestyle(goal: list[_Word], text: str) -> bool:
    """A lifestyle phrase in the goal, or a lifestyle word that says the lifestyle."""
    terms = WORDS.lifestyle_terms
    return _mentions(text, terms) or any(
        (lower in terms or lemma in terms) and _lifestyle_word(t, pos)
        for t, pos, lower, lemma in goal)


@cache
def _multiword(phrases: frozenset[str]) -> tuple[str, ...]:
    return tuple(p for p in phrases if " " in p)


def _mentions(text: str, phrases: frozenset[str]) -> bool:
    return any(p in text for p in _multiword(phrases))
