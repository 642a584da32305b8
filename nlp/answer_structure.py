"""Where the near-term and long-term parts of an interview answer sit, and what they carry.

Each sentence gets a time frame from its own cues (data: ``answer_cues.json``
``short_term`` / ``long_term``, plus resolved deadlines and calendar years);
a sentence without a cue continues the frame before it ("In five years I'd
like to lead a team. I'd be mentoring..." is all long-term).  When a long cue
and a short cue overlap ("over the next five years") the long one wins.
Resolved dates only ever move the answer forward (short to long), so a
year-by-year plan after "long term" stays long even when it starts next year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from .fillers import find_fillers
from .resources import load_json
from .result import Deadline

SHORT, LONG = "short", "long"
RELATIONAL = re.compile(r"\b(after that|beyond that|from there)\b", re.IGNORECASE)
LABEL = re.compile(r"\b(short|shorter|near|nearer|long|longer)[- ]?term\b", re.IGNORECASE)
YEAR = re.compile(r"\b(19|20)\d\d\b")
MONTH = re.compile(r"\b(january|february|march|april|june|july|august|september|october|"
                   r"november|december)\b", re.IGNORECASE)
NUMBER = re.compile(r"\b(\d[\d,.]*k?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million)\b",
                    re.IGNORECASE)
LONG_MONTHS, SHORT_MONTHS = 30, 18
MAX_SPECIFICS = 8  # specifics in one long-term sentence that make it a detailed itinerary


@cache
def cue_patterns(key: str) -> re.Pattern[str]:
    """One alternation of the regexes listed under ``key`` in answer_cues.json."""
    return re.compile("|".join(f"(?:{p})" for p in load_json("answer_cues.json")[key]),
                      re.IGNORECASE)


@cache
def _lower_patterns(key: str) -> re.Pattern[str] | None:
    """``cue_patterns(key)`` without IGNORECASE, for lower-cased text (about three times
    faster); None when a pattern has an upper-case character, so only lower-case works."""
    patterns = load_json("answer_cues.json")[key]
    if any(p != p.lower() for p in patterns):
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _lowered(text: str) -> str | None:
    """``text`` lower-cased when that matches as IGNORECASE does: every character is ASCII
    or has no case (curly quotes, dashes); else None."""
    if text.isascii() or all(c.isascii() or c.lower() == c.upper() for c in text):
        return text.lower()
    return None


def _find(key: str, text: str, lowered: str | None) -> list[tuple[int, int]]:
    """(start, end) of the matches of ``cue_patterns(key)`` in ``text`` (``lowered`` is
    ``_lowered(text)``)."""
    fast = _lower_patterns(key) if lowered is not None else None
    if fast is None:
        return [m.span() for m in cue_patterns(key).finditer(text)]
    return [m.span() for m in fast.finditer(lowered)]


class _Sentence:
    """One sentence's text, tokens and shared facts, read once for all the helpers."""

    def __init__(self, sent: Span, text: str, lowered: str | None,
                 fillers: list[tuple[int, int]]) -> None:
        self.span = sent
        self.start, self.end = sent.start_char, sent.end_char
        self.text = text[self.start:self.end]
        self.lowered = lowered[self.start:self.end] if lowered is not None else None
        self.tokens = list(sent)
        self.forward = any((t.lower_ in FORWARD or t.lemma_ in FORWARD)
                           and not any(a <= t.idx < b for a, b in fillers)
                           for t in self.tokens)
        self._goal_like: bool | None = None
        self._retrospective: bool | None = None

    def find(self, key: str) -> list[tuple[int, int]]:
        """(start, end) of the matches of ``cue_patterns(key)`` in the sentence."""
        return _find(key, self.text, self.lowered)

    @property
    def goal_like(self) -> bool:
        if self._goal_like is None:
            self._goal_like = self.forward or _building(self.tokens)
        return self._goal_like

    @property
    def retrospective(self) -> bool:
        if self._retrospective is None:
            self._retrospective = _past_root(self.span) and not self.forward
        return self._retrospective


@dataclass(frozen=True)
class Part:
    """A run of sentences in one time frame; offsets into the answer text."""

    frame: str
    start: int
    end: int
    explicit: bool  # the first sentence of the run carries its own cue

    def to_dict(self, text: str) -> dict[str, object]:
        return {"text": text[self.start:self.end], "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Detail:
    """How specific the long-term part is: calendar years, money, numbers, months, and
    the most specifics one sentence packs (steps with objects, listed items, figures,
    titles, pay): "building the team, hiring twenty people, setting up the playbook,
    the tooling, the metrics..." is an itinerary, not a direction."""

    years: int
    money: int
    numbers: int
    months: int
    specifics: int = 0
    packed: tuple[str, ...] = ()  # the specifics of the most packed sentence, as written

    @property
    def over_specified(self) -> bool:
        """A year-by-year plan, salaries, a pile of exact figures, or a list of steps."""
        return (self.years >= 3 or self.money >= 2 or (self.money >= 1 and self.years >= 2)
                or self.numbers + self.years + self.months >= 7
                or self.specifics >= MAX_SPECIFICS)


@dataclass(frozen=True)
class AnswerStructure:
    """The frames of the sentences, merged into parts, with the first cue's frame."""

    parts: tuple[Part, ...]
    cued: bool  # at least one sentence carries a time cue
    opens_with: str | None  # frame of the first sentence with an anchoring cue
    later_short_cue: bool  # an explicit near-term cue after a long-term opening
    detail: Detail
    destination: tuple[int, int] | None = None  # a top role the speaker aims at, if named
    lead_in: tuple[Part, ...] = ()  # goal sentences before the first time cue

    def spans(self, frame: str) -> list[Part]:
        return [p for p in self.parts if p.frame == frame]

    def has(self, frame: str) -> bool:
        return any(p.frame == frame for p in self.parts)


@cache
def cue_words(key: str) -> frozenset[str]:
    """One word list from answer_cues.json, lower-cased."""
    return frozenset(w.lower() for w in load_json("answer_cues.json")[key])


def _cues(sent: _Sentence, months: list[float]) -> tuple[list[tuple[int, str]], bool, bool]:
    """(position, frame) cues of one sentence, whether the first long cue is relational, and
    whether the sentence has a time word of its own (not only a date).

    "Now", "currently", "at the moment" mark the near term only in a sentence about a
    goal or a skill being built ("right now I'm studying for the CCNA"), not in one that
    describes the present ("I currently work nights at a care home").
    """
    longs = sent.find("long_term")
    spans = sent.find("short_term")
    if sent.goal_like:
        spans += sent.find("short_term_present")
        spans += _first_adverbs(sent)
    lexical = bool(longs or spans)
    shorts = [(a, b) for a, b in spans
              if not any(x < b and a < y for x, y in longs)]
    cues = [(a, LONG) for a, _ in longs] + [(a, SHORT) for a, _ in shorts]
    if not cues:
        for value in months:
            if value >= LONG_MONTHS:
                cues.append((0, LONG))
            elif value <= SHORT_MONTHS:
                cues.append((0, SHORT))
    cues.sort()
    relational = bool(longs) and bool(RELATIONAL.match(sent.text, longs[0][0]))
    return cues, relational, lexical


def _first_adverbs(sent: _Sentence) -> list[tuple[int, int]]:
    """ "First, I want to...", "but first I'd like to...", "I'd initially focus on...": an
    ordering adverb before a goal's verb marks the near term; not "the first person" (an
    adjective), "when I first joined" (the past, a subordinate clause), "I came first"."""
    adverbs = cue_words("short_term_adverbs")
    base = sent.start
    return [(t.idx - base, t.idx - base + len(t.text)) for t in sent.tokens
            if t.lower_ in adverbs and t.pos_ == "ADV" and t.dep_ == "advmod"
            and t.i < t.head.i and _aiming_verb(t.head)]


def _aiming_verb(verb: Token) -> bool:
    """A verb of a stated aim: "want", "I'd like", "I will learn", "to learn" under one."""
    while verb.pos_ in ("VERB", "AUX") and not is_past(verb) \
            and verb.dep_ not in ("relcl", "advcl", "acl", "pcomp"):
        if verb.lemma_ in FORWARD or verb.lower_ in FORWARD or any(
                c.dep_ == "aux" and (c.lower_ in FORWARD or c.lemma_ in FORWARD)
                for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "ccomp", "conj") or verb.head is verb:
            return False
        verb = verb.head
    return False


def _date_months(sentence: _Sentence, deadlines: list[Deadline], today_year: int,
                 today_ordinal: int) -> list[float]:
    out = [(d.date.toordinal() - today_ordinal) / 30.44 for d in deadlines
           if d.date is not None and d.kind == "date"
           and sentence.start <= d.start < sentence.end]
    out += [(int(m.group(0)) - today_year) * 12.0 for m in YEAR.finditer(sentence.text)]
    return out


def analyze_structure(doc: Doc, deadlines: list[Deadline], today_year: int,
                      today_ordinal: int) -> AnswerStructure:
    """The answer's parts, cached on the doc (every answer check shares one result)."""
    cached = doc.user_data.get("coach_answer_structure")
    if cached is None:
        cached = doc.user_data["coach_answer_structure"] = _analyze(
            doc, deadlines, today_year, today_ordinal)
    return cached


def _analyze(doc: Doc, deadlines: list[Deadline], today_year: int,
             today_ordinal: int) -> AnswerStructure:
    segments: list[tuple[int, int, str | None]] = []
    current: str | None = None
    opens_with: str | None = None
    later_short = False
    cued = False
    destination: tuple[int, int] | None = None
    lead_in: list[Part] = []
    text = doc.text  # built from the tokens on every access: read it once
    lowered = _lowered(text)
    fillers = find_fillers(doc)
    for span in doc.sents:
        sent = _Sentence(span, text, lowered, fillers)
        months = _date_months(sent, deadlines, today_year, today_ordinal)
        cues, relational, lexical = _cues(sent, months)
        sent_text = sent.text
        direction = _direction(sent)
        retrospective = sent.retrospective
        if cues and not LABEL.search(sent_text) and retrospective:
            cues = []  # "my last company cut commissions twice in a year" is history, not a goal
        elif cues and sent.find("non_direction") and not direction:
            cues = []  # "see where it goes over time" names no direction
        if destination is None and direction:
            found = sent.find("destination_titles")
            destination = (sent.start + found[0][0], sent.start + found[0][1]) \
                if found else None
        if not cues:
            if not cued and sent.goal_like:
                lead_in.append(Part(SHORT, sent.start, sent.end, False))
            # A move to a bigger role with no time words is a direction, for this sentence.
            weak = LONG if current != LONG and direction else None
            # Background about the past ("I've always been a people person") belongs to
            # no time frame; the frame before it goes on after it.
            segments.append((sent.start, sent.end,
                             None if retrospective else weak or current))
            continue
        cued = True
        if not lexical and current == LONG:
            cues = [(0, LONG)]  # a date never moves the answer back to the near term
        frames = {f for _, f in cues}
        pure = frames.pop() if len(frames) == 1 else None
        if opens_with is None and not relational:
            opens_with = pure or SHORT  # a mixed sentence relates both: not a long opening
        elif opens_with == LONG and SHORT in {f for _, f in cues} and lexical:
            later_short = True
        edges = [0] + [pos for pos, _ in cues[1:]] + [len(sent_text)]
        for (_, frame), a, b in zip(cues, edges, edges[1:], strict=False):
            segments.append((sent.start + a, sent.start + b, frame))
        current = cues[-1][1]
    parts: list[Part] = []
    for start, end, frame in segments:
        if frame is None or end <= start:
            continue
        if parts and parts[-1].frame == frame:
            last = parts[-1]
            parts[-1] = Part(frame, last.start, end, last.explicit)
        else:
            parts.append(Part(frame, start, end, True))
    detail = _detail(doc, text, [p for p in parts if p.frame == LONG])
    return AnswerStructure(tuple(_trim(text, p) for p in parts), cued, opens_with,
                           later_short, detail, destination,
                           tuple(_trim(text, p) for p in lead_in))


FORWARD = frozenset({"will", "'ll", "would", "'d", "want", "like", "plan", "hope", "aim",
                     "going", "intend", "expect", "see", "should", "need", "goal", "love",
                     "keen", "wish", "can", "could", "may", "might", "must", "ready"})


def _past_root(sent: Span) -> bool:
    """The root is past tense with a subject (with nothing looking forward, a sentence about
    the past)."""
    root = sent.root
    past = root.tag_ == "VBD" or (root.tag_ == "VBN" and any(
        c.lemma_ == "have" for c in root.children))
    return past and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)


def is_past(token: Token) -> bool:
    """ "I was", "I have been": a verb about what already happened."""
    return token.tag_ == "VBD" or (token.tag_ == "VBN" and any(
        c.lemma_ == "have" and c.dep_ == "aux" for c in token.children))


def _building(tokens: list[Token]) -> bool:
    """A skill being built now ("I'm studying for X"): with a forward word, a goal sentence."""
    building = cue_words("building_verbs")
    return any(t.tag_ == "VBG" and t.lemma_ in building and any(
        c.lemma_ == "be" and c.dep_ == "aux" for c in t.children) for t in tokens)


_OBJECT_DEPS = frozenset({"dobj", "attr", "prt", "prep", "acomp", "oprd", "dative", "advmod"})


def _direction(sent: _Sentence) -> bool:
    """A forward-looking move to a bigger role with no time words: "my aim is to become a
    charge nurse", "I'd like to grow into a lead role", "then move up to management"."""
    if not sent.forward or sent.retrospective:
        return False
    verbs, targets = cue_words("direction_verbs"), cue_words("direction_targets")
    leading, units = cue_words("leading_verbs"), cue_words("direction_units")
    for token in sent.tokens:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_ not in verbs or is_past(token):
            continue
        wanted = targets | units if token.lemma_ in leading else targets
        for t in _role_words(token):
            if t.lower_ in wanted or t.lemma_ in wanted:
                return True
    return False


def _role_words(verb: Token) -> list[Token]:
    """The object or complement of ``verb`` with its own modifiers ("a lead role",
    "into senior management", "my own practice"), not words deeper in the clause."""
    heads = []
    for child in verb.children:
        if child.dep_ == "prep":
            heads += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ in _OBJECT_DEPS:
            heads.append(child)
    out = []
    for head in heads:
        out.append(head)
        out += [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss",
                                                         "prt", "advmod", "npadvmod")]
        if head.dep_ == "advmod" or head.dep_ == "prt":  # "move up into management"
            out += [c for c in head.children if c.dep_ == "pobj"]
    return out


def _trim(text: str, part: Part) -> Part:
    start, end = part.start, part.end
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Part(part.frame, start, end, part.explicit)


def _detail(doc: Doc, full: str, parts: list[Part]) -> Detail:
    years = money = numbers = months = 0
    packed: list[str] = []
    money_re = cue_patterns("detail_money")
    for part in parts:
        text = full[part.start:part.end]
        years += len({m.group(0) for m in YEAR.finditer(text)})
        money += len(money_re.findall(text))
        months += len(MONTH.findall(text))
        numbers += sum(1 for m in NUMBER.finditer(text) if not YEAR.fullmatch(m.group(0)))
        span = doc.char_span(part.start, part.end, alignment_mode="expand")
        for sent in span.sents if span is not None else ():
            found = specifics(sent)
            if len(found) > len(packed):
                packed = found
    return Detail(years, money, numbers, months, len(packed), tuple(packed))


def specifics(sent: Span) -> list[str]:
    """The specifics one sentence packs, as written: steps (verbs with a direct object),
    items listed after a noun, figures, top titles and pay words."""
    text, base = sent.text, sent.start_char
    lowered = _lowered(text)
    found = _find("destination_titles", text, lowered)
    covered = [(base + a, base + b) for a, b in found]
    out: list[str] = []
    for t in sent:
        if covered and any(a <= t.idx < b for a, b in covered):
            continue
        pos = t.pos_
        step = pos == "VERB" and any(c.dep_ == "dobj" for c in t.children)
        listed = pos in ("NOUN", "PROPN") and t.dep_ in ("conj", "appos") \
            and t.head.pos_ in ("NOUN", "PROPN")
        if step or listed or t.like_num:
            out.append(" ".join([t.text, *(c.text for c in t.children if c.dep_ == "prt")]))
    return out + [text[a:b] for a, b in found] \
        + [text[a:b] for a, b in _find("detail_money", text, lowered)]
