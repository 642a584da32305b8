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

from spacy.tokens import Doc, Span

from .resources import load_json
from .result import Deadline

SHORT, LONG = "short", "long"
RELATIONAL = re.compile(r"\b(after that|beyond that)\b", re.IGNORECASE)
LABEL = re.compile(r"\b(short|near|long|longer)[- ]?term\b", re.IGNORECASE)
YEAR = re.compile(r"\b(19|20)\d\d\b")
MONTH = re.compile(r"\b(january|february|march|april|june|july|august|september|october|"
                   r"november|december)\b", re.IGNORECASE)
NUMBER = re.compile(r"\b(\d[\d,.]*k?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million)\b",
                    re.IGNORECASE)
LONG_MONTHS, SHORT_MONTHS = 30, 18


@cache
def cue_patterns(key: str) -> re.Pattern[str]:
    """One alternation of the regexes listed under ``key`` in answer_cues.json."""
    return re.compile("|".join(f"(?:{p})" for p in load_json("answer_cues.json")[key]),
                      re.IGNORECASE)


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
    """How specific the long-term part is: calendar years, money, numbers, months."""

    years: int
    money: int
    numbers: int
    months: int

    @property
    def over_specified(self) -> bool:
        """A year-by-year plan, salaries, or a pile of exact figures."""
        return (self.years >= 3 or self.money >= 2 or (self.money >= 1 and self.years >= 2)
                or self.numbers + self.years + self.months >= 7)


@dataclass(frozen=True)
class AnswerStructure:
    """The frames of the sentences, merged into parts, with the first cue's frame."""

    parts: tuple[Part, ...]
    cued: bool  # at least one sentence carries a time cue
    opens_with: str | None  # frame of the first sentence with an anchoring cue
    later_short_cue: bool  # an explicit near-term cue after a long-term opening
    detail: Detail

    def spans(self, frame: str) -> list[Part]:
        return [p for p in self.parts if p.frame == frame]

    def has(self, frame: str) -> bool:
        return any(p.frame == frame for p in self.parts)


def _cues(sentence: str, months: list[float]) -> tuple[list[tuple[int, str]], bool]:
    """(position, frame) cues of one sentence, and whether the first long cue is relational."""
    longs = [(m.start(), m.end()) for m in cue_patterns("long_term").finditer(sentence)]
    shorts = [(m.start(), m.end()) for m in cue_patterns("short_term").finditer(sentence)
              if not any(a < m.end() and m.start() < b for a, b in longs)]
    cues = [(a, LONG) for a, _ in longs] + [(a, SHORT) for a, _ in shorts]
    if not cues:
        for value in months:
            if value >= LONG_MONTHS:
                cues.append((0, LONG))
            elif value <= SHORT_MONTHS:
                cues.append((0, SHORT))
    cues.sort()
    relational = bool(longs) and bool(RELATIONAL.match(sentence, longs[0][0]))
    return cues, relational


def _date_months(sentence: Span, deadlines: list[Deadline], today_year: int,
                 today_ordinal: int) -> list[float]:
    out = [(d.date.toordinal() - today_ordinal) / 30.44 for d in deadlines
           if d.date is not None and d.kind == "date"
           and sentence.start_char <= d.start < sentence.end_char]
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
    for sent in doc.sents:
        months = _date_months(sent, deadlines, today_year, today_ordinal)
        cues, relational = _cues(sent.text, months)
        lexical = _lexical(sent.text)
        if cues and not LABEL.search(sent.text) and _retrospective(sent):
            cues = []  # "my last company cut commissions twice in a year" is history, not a goal
        if not cues:
            segments.append((sent.start_char, sent.end_char, current))
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
        edges = [0] + [pos for pos, _ in cues[1:]] + [len(sent.text)]
        for (_, frame), a, b in zip(cues, edges, edges[1:], strict=False):
            segments.append((sent.start_char + a, sent.start_char + b, frame))
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
    detail = _detail(doc, [p for p in parts if p.frame == LONG])
    return AnswerStructure(tuple(_trim(doc.text, p) for p in parts), cued, opens_with,
                           later_short, detail)


FORWARD = frozenset({"will", "'ll", "would", "'d", "want", "like", "plan", "hope", "aim",
                     "going", "intend", "expect", "see", "should", "need", "goal", "love",
                     "keen", "wish", "can", "could", "may", "might", "must", "ready"})


def _retrospective(sent: Span) -> bool:
    """A sentence about the past: past-tense root and nothing looking forward."""
    root = sent.root
    past = root.tag_ == "VBD" or (root.tag_ == "VBN" and any(
        c.lemma_ == "have" for c in root.children))
    if not past or not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return False
    return not any(t.lower_ in FORWARD or t.lemma_ in FORWARD for t in sent)


def _lexical(text: str) -> bool:
    return bool(cue_patterns("short_term").search(text) or cue_patterns("long_term").search(text))


def _trim(text: str, part: Part) -> Part:
    start, end = part.start, part.end
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Part(part.frame, start, end, part.explicit)


def _detail(doc: Doc, parts: list[Part]) -> Detail:
    years = money = numbers = months = 0
    money_re = cue_patterns("detail_money")
    for part in parts:
        text = doc.text[part.start:part.end]
        years += len({m.group(0) for m in YEAR.finditer(text)})
        money += len(money_re.findall(text))
        months += len(MONTH.findall(text))
        numbers += sum(1 for m in NUMBER.finditer(text) if not YEAR.fullmatch(m.group(0)))
    return Detail(years, money, numbers, months)
