"""Does an interview answer match the person's own plan?

Plain keyword overlap on lemmas, so every verdict can be explained by the
words the answer and a goal share. Modest on purpose: it says which goals an
answer reflects, which goals the answer states that the plan does not have,
and repeats the analyzer's relevance verdict against the vision.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import nlp

# Words that appear in nearly every career answer and prove nothing shared.
GENERIC = frozenset({
    "able", "achieve", "aim", "also", "be", "become", "career", "company", "current", "day", "do",
    "end", "eventually", "first", "future", "get", "go", "goal", "good", "great", "grow", "have",
    "help", "hope", "improve", "job", "keep", "know", "last", "learn", "like", "long", "look",
    "lot", "make", "month", "myself", "need", "new", "next", "plan", "really", "right", "role",
    "see", "short", "skill", "someday", "start", "team", "term", "thing", "think", "time", "try",
    "want", "way", "week", "well", "work", "would", "year", "years",
})
CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "NUM"})
GOAL_CUES = re.compile(
    r"\bmy\s+(?:[\w-]+\s+)?(?:goal|aim|plan|ambition)s?\b"
    r"|\bi(?:\s*['’]d|\s+would)\s+(?:[\w-]+\s+)?(?:like|love)\b"
    r"|\bi(?:\s*['’]m|\s+am)?\s+(?:[\w-]+\s+)?(?:want|plan|planning|aim|aiming|hope|hoping"
    r"|intend|working\s+towards?|expect)\b"
    r"|\bi\s+(?:[\w-]+\s+)?see\s+myself\b"
    r"|\bi\s*['’]ll\b|\bi\s+will\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PlanGoal:
    id: int
    text: str


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    keywords: frozenset[str]


@dataclass(frozen=True)
class GoalMatch:
    goal_id: int
    goal_text: str
    shared: tuple[str, ...]


@dataclass(frozen=True)
class StatedGoal:
    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Consistency:
    has_plan: bool
    reflected: tuple[GoalMatch, ...]
    not_reflected: tuple[PlanGoal, ...]
    unplanned: tuple[StatedGoal, ...]
    off_vision: tuple[StatedGoal, ...]


Parser = Callable[[str], list[Sentence]]


def parse_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their content lemmas (lower case, generic words dropped)."""
    doc = nlp.get_pipeline()(text)
    sentences = []
    for sent in doc.sents:
        words = {
            t.lemma_.lower() for t in sent
            if t.pos_ in CONTENT_POS and not t.is_stop and any(c.isalpha() for c in t.text)
        }
        sentences.append(Sentence(sent.text, sent.start_char, sent.end_char,
                                  frozenset(words - GENERIC)))
    return sentences


def keywords(text: str, parse: Parser = parse_sentences) -> frozenset[str]:
    return frozenset().union(*(s.keywords for s in parse(text))) if text.strip() else frozenset()


def overlap(goal_words: frozenset[str], words: frozenset[str]) -> tuple[str, ...]:
    """The shared words if they are enough to say "the same goal", else ()."""
    shared = goal_words & words
    if len(shared) >= 2 or (shared and shared == goal_words):
        return tuple(sorted(shared))
    return ()


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def check_consistency(
    answer: str,
    goals: Sequence[PlanGoal],
    findings: Sequence[dict[str, Any]] = (),
    stated_spans: Sequence[tuple[int, int]] = (),
    parse: Parser = parse_sentences,
) -> Consistency:
    """Compare ``answer`` with the person's ``goals``.

    A goal is *reflected* when the answer shares at least two key words with
    it, or all of its key words. A sentence *states a goal* when it uses a
    goal phrase ("I want to", "my goal is", "I see myself") or lies in one of
    ``stated_spans`` (the analyzer's short- and long-term parts); a stated
    goal that matches no goal of the plan is *unplanned*. Stated goals that the
    analyzer marked ``irrelevant`` (judged against the vision, target role and
    job) are *off vision*.
    """
    sentences = parse(answer) if answer.strip() else []
    answer_words = frozenset().union(*(s.keywords for s in sentences))
    goal_words = {g.id: keywords(g.text, parse) for g in goals}

    reflected, missing = [], []
    for goal in goals:
        shared = overlap(goal_words[goal.id], answer_words)
        if shared:
            reflected.append(GoalMatch(goal.id, goal.text, shared))
        else:
            missing.append(goal)

    irrelevant = [(f["start"], f["end"]) for f in findings
                  if f.get("code") == "irrelevant" and isinstance(f.get("start"), int)]
    unplanned, off_vision = [], []
    for sent in sentences:
        span = (sent.start, sent.end)
        if not (GOAL_CUES.search(sent.text) or _overlaps(span, stated_spans)):
            continue
        if _overlaps(span, irrelevant):
            off_vision.append(StatedGoal(sent.text, sent.start, sent.end, "irrelevant"))
        elif goals and sent.keywords and not any(
            overlap(goal_words[g.id], sent.keywords) for g in goals
        ):
            unplanned.append(StatedGoal(sent.text, sent.start, sent.end, "not_in_plan"))
    return Consistency(bool(goals), tuple(reflected), tuple(missing), tuple(unplanned),
                       tuple(off_vision))
