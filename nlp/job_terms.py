"""Terms of a job description (skills, tools, credentials, duties) and which an answer uses.

Terms come only from the description's own words: noun chunks, trimmed of
determiners and evaluative modifiers ("Good SQL" gives "SQL"), plus
proper-noun runs and acronyms.  Items of a requirements list ("Requirements:",
"What you'll need", bullet lines after such a header) come first and are
marked ``requirement``; items the description calls optional ("Nice to have:",
"Bonus points:", "... is a plus", "ideally ...", "... preferred") come next,
marked ``nice_to_have`` and never ``requirement``; the rest of the description
(the duties, the offer) last.  The parsed list is cached per description text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LEMMA, LENGTH, LOWER, ORTH, POS
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from .answer_structure import cue_patterns, cue_words
from .pipeline import get_pipeline

MAX_MISSING = 8
_BULLET = re.compile(r"(?:^|\s)[-*•·]\s+")


@dataclass(frozen=True)
class JobTerm:
    """One term of the description: its words, the lemmas to match, and its origin."""

    term: str
    lemmas: tuple[str, ...]
    requirement: bool
    nice_to_have: bool = False
    heading: bool = False  # in the heading (the job's title, employer, place), not a duty

    @property
    def rank(self) -> int:
        """0 for a requirement, 1 for a nice-to-have, 2 for the rest."""
        return 0 if self.requirement else 1 if self.nice_to_have else 2


@dataclass(frozen=True)
class JobProfile:
    """What an answer is compared with: the terms and every content lemma of the job."""

    terms: tuple[JobTerm, ...]
    lemmas: frozenset[str]
    role_phrases: tuple[tuple[str, ...], ...] = ()  # lemma runs naming the role or its field


REQUIREMENT, NICE, OTHER = "requirement", "nice_to_have", "other"
_SEGMENT_BREAK = re.compile(r"[;()\n]|\.\s|(?:^|\s)[-*•·]\s+")


def _word_regex(key: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(
        cue_words(key), key=len, reverse=True)) + r")\b")


def _sections(text: str) -> list[tuple[int, str]]:
    """Where each part of the description starts and what it holds, in order.

    A requirements header needs a colon soon after it; a nice-to-have header a colon
    or the start of a line or bullet; an end header ("We offer", "Benefits") closes
    the lists.  Bullets with no header at all are requirements.
    """
    lowered = text.lower()
    found: list[tuple[int, str]] = []
    for m in _word_regex("nice_to_have_headers").finditer(lowered):
        before = lowered[max(0, m.start() - 3):m.start()]
        if ":" in lowered[m.end():m.end() + 25] or not before.strip() or \
                before.rstrip()[-1:] in "-*•·\n.":
            found.append((m.start(), NICE))
    nice_at = [pos for pos, _ in found]
    for m in _word_regex("requirement_headers").finditer(lowered):
        if ":" in lowered[m.end():m.end() + 40] and not any(
                0 <= m.start() - pos <= 30 for pos in nice_at):
            found.append((m.start(), REQUIREMENT))
    for m in _word_regex("section_end_headers").finditer(lowered):
        before = lowered[max(0, m.start() - 2):m.start()]
        if ":" in lowered[m.end():m.end() + 3] or not before.strip() or \
                before.rstrip()[-1:] in ".!\n":
            found.append((m.start(), OTHER))
    if not any(kind == REQUIREMENT for _, kind in found):
        bullets = [m.start() for m in _BULLET.finditer(text)]
        if bullets:
            found.append((bullets[0], REQUIREMENT))
    return sorted(found)


def _optional_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges an item calls optional: "window functions a plus", "ideally SaaS"."""
    breaks = list(_SEGMENT_BREAK.finditer(text))
    starts = [0] + [m.end() for m in breaks]
    ends = [m.start() for m in breaks] + [len(text)]
    before, after = cue_patterns("nice_to_have_before"), cue_patterns("nice_to_have_after")
    out: list[tuple[int, int]] = []
    for start, end in zip(starts, ends, strict=True):
        segment = text[start:end]
        for m in before.finditer(segment):
            out.append((start, start + m.start()))
        for m in after.finditer(segment):
            out.append((start + m.end(), end))
    return out


def _kind_at(pos: int, sections: list[tuple[int, str]],
             optional: list[tuple[int, int]]) -> str:
    if any(a <= pos < b for a, b in optional):
        return NICE
    kind = OTHER
    for start, section in sections:
        if start > pos:
            break
        kind = section
    return kind


def _pieces(span: Span) -> list[Span]:
    """A chunk run across list items ("Docker; Kubernetes", "SaaS. Track record") or lines
    ("written communication\nNice to have"), split."""
    out, start = [], span.start
    for t in span:
        if t.text in ".,;:" or (t.is_space and "\n" in t.text):
            out.append(span.doc[start:t.i])
            start = t.i + 1
        elif ("\n" in t.whitespace_ or (t.text.endswith(".") and len(t.text) > 1)) and \
                t.i + 1 < span.end:
            out.append(span.doc[start:t.i + 1])
            start = t.i + 1
    out.append(span.doc[start:span.end])
    return [p for p in out if len(p)]


def _term_tokens(chunk: Span) -> list:
    drop = cue_words("term_modifiers_drop")
    tokens = [t for t in chunk if not t.is_punct and t.lower_ not in drop
              and t.pos_ not in ("DET", "PRON", "ADV", "CCONJ", "NUM", "PART")]
    while tokens and tokens[0].pos_ in ("ADJ",) and not tokens[0].text[0].isupper():
        tokens = tokens[1:]
    doc = chunk.doc
    while tokens and tokens[0].i >= 2 and doc[tokens[0].i - 1].text == "/" and \
            not doc[tokens[0].i - 1].whitespace_ and not doc[tokens[0].i - 2].whitespace_:
        tokens = [doc[tokens[0].i - 2], doc[tokens[0].i - 1], *tokens]  # 'A/B tests', whole
    return tokens


def _candidates(doc: Doc) -> list[Span]:
    spans: list[Span] = list(doc.noun_chunks)
    covered = {i for span in spans for i in range(span.start, span.end)}
    run: list[int] = []
    for token in [*doc, None]:  # noun runs the parser left outside any chunk ("- dbt")
        if token is not None and token.pos_ in ("PROPN", "NOUN") and token.i not in covered:
            run.append(token.i)
            continue
        if run:
            spans.append(doc[run[0]:run[-1] + 1])
            run = []
    for ent in doc.ents:
        if ent.label_ in ("ORG", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "NORP", "FAC"):
            spans.append(ent)
    return spans


def _heading_end(text: str, start: int) -> int:
    """Where the description's first line or sentence ends (its title line)."""
    ends = [i for i in (text.find("\n", start), text.find(". ", start)) if i >= 0]
    return min(ends) if ends else len(text)


@lru_cache(maxsize=32)
def job_profile(description: str, role: str = "") -> JobProfile:
    """The terms and lemmas of a description (and target role), parsed once per text."""
    text = f"{role}. {description}" if role else description
    sections, optional = _sections(text), _optional_ranges(text)
    heading_end = _heading_end(text, len(role) + 2 if role else 0)
    # Bullets become sentence breaks (same length) so list items never merge into one chunk.
    doc = get_pipeline()(_BULLET.sub(lambda m: "." + " " * (len(m.group(0)) - 1), text))
    stop = cue_words("term_stop")
    seen: dict[tuple[str, ...], JobTerm] = {}
    role_end = len(role) + 2 if role else 0  # the role adds lemmas, never terms
    pieces = [p for span in _candidates(doc) for p in _pieces(span)]
    for span in sorted(pieces, key=lambda s: s.start_char):
        if span.start_char < role_end:
            continue
        tokens = _term_tokens(span)
        if not tokens or len(tokens) > 5:
            continue
        lemmas = tuple(t.lemma_.lower() for t in tokens)
        if all(lemma in stop or len(lemma) < 2 for lemma in lemmas):
            continue
        term = text[tokens[0].idx: tokens[-1].idx + len(tokens[-1].text)]
        if len(lemmas) == 1 and lemmas[0] in stop:
            continue
        kind = _kind_at(tokens[0].idx, sections, optional)
        if lemmas not in seen or (seen[lemmas].rank > 0 and kind == REQUIREMENT):
            seen[lemmas] = JobTerm(term, lemmas, kind == REQUIREMENT, kind == NICE,
                                   tokens[0].idx < heading_end)
    terms = sorted((t for key, t in seen.items() if not _restates(key, seen)),
                   key=lambda t: t.rank)
    content = frozenset(t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop
                        and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ"))
    title = _cut_title([t for t in doc if t.idx < role_end - 2]) if role else \
        _title_tokens(doc, heading_end)
    return JobProfile(tuple(terms), content, role_phrases(title))


_TITLE_END = frozenset({"-", "—", "–", "(", ",", "|", ":", "at", "@", "in", "for", "."})


_SKILL_WORDS = frozenset({"skill", "skills", "knowledge", "proficiency"})


def _restates(lemmas: tuple[str, ...], seen: dict) -> bool:
    """'Google Sheets skills' next to 'Google Sheets': one term, listed once."""
    return len(lemmas) > 1 and lemmas[-1] in _SKILL_WORDS and lemmas[:-1] in seen


def _cut_title(tokens: list) -> list:
    """The role itself: "Registered Nurse - Medical-Surgical Unit" -> "Registered Nurse"."""
    for n, t in enumerate(tokens):
        joined = t.text in "-–—" and not tokens[n - 1].whitespace_  # "Full-Stack"
        if n and t.lower_ in _TITLE_END and not joined:
            return tokens[:n]
    return tokens


def _title_tokens(doc: Doc, heading_end: int) -> list:
    """The job title at the head of a description: its first line up to the employer."""
    out = []
    for t in doc:
        if t.idx >= heading_end or t.lower_ in _TITLE_END or t.is_space:
            break
        out.append(t)
    return out if len(out) <= 6 else []


def role_phrases(title: list) -> tuple[tuple[str, ...], ...]:
    """Lemma runs that name the role or its field: "customer success manager",
    "customer success", "ux designer", "ux", "nurse"; ranks ("senior") and generic
    heads or fields alone ("manager", "account") name nothing."""
    rank, heads = cue_words("role_rank_words"), cue_words("generic_role_heads")
    fields = cue_words("generic_role_fields")
    words = [t.lemma_.lower() if t.pos_ != "PROPN" else t.lower_ for t in title
             if t.is_alpha or t.text.isalnum()]
    words = [w for w in words if w not in rank]
    if not words:
        return ()
    out: set[tuple[str, ...]] = set()
    head, field = words[-1], tuple(words[:-1])
    for i in range(len(words) - 1):  # every run ending in the head: "registered nurse"
        out.add(tuple(words[i:]))
    if len(field) >= 2 or (field and field[0] not in fields):
        out.add(field)
    if head not in heads:
        out.add((head,))
    return tuple(sorted(out, key=len, reverse=True))


@dataclass(frozen=True)
class TokenColumns:
    """Token attributes of a doc as plain lists, one item per token (read once per doc:
    ``for t in doc`` builds new Token objects and reads every attribute again)."""

    pos: list[int]  # spacy.parts_of_speech ids
    alpha: list[int]  # 1 or 0
    stop: list[int]
    length: list[int]
    idx: list[int]
    text: list[str]
    lower: list[str]
    lemma: list[str]  # lower case


_COLUMNS = [POS, IS_ALPHA, IS_STOP, LENGTH, IDX, ORTH, LOWER, LEMMA]


def token_columns(doc: Doc) -> TokenColumns:
    """The doc's token columns, cached on the doc."""
    cached = doc.user_data.get("coach_token_columns")
    if cached is None:
        cached = doc.user_data["coach_token_columns"] = _token_columns(doc)
    return cached


def _token_columns(doc: Doc) -> TokenColumns:
    if not len(doc):
        return TokenColumns([], [], [], [], [], [], [], [])
    pos, alpha, stop, length, idx, orth, lower, lemma = doc.to_array(_COLUMNS).T.tolist()
    strings = doc.vocab.strings
    return TokenColumns(pos, alpha, stop, length, idx,
                        _named(orth, strings, _NAMES, str), _named(lower, strings, _NAMES, str),
                        _named(lemma, strings, _LOWERED, str.lower))


# String hash -> string (or its lower case), shared by all docs: a hash names one string.
_NAMES: dict[int, str] = {}
_LOWERED: dict[int, str] = {}
_MAX_NAMES = 200_000


def _named(hashes: list[int], strings: StringStore, memo: dict[int, str],
           form: Callable[[str], str]) -> list[str]:
    new = set(hashes).difference(memo)
    if new:
        if len(memo) > _MAX_NAMES:
            memo.clear()
            new = set(hashes)
        for h in new:
            memo[h] = form(strings[h])
    return [memo[h] for h in hashes]


def match_terms(doc: Doc, text: str, profile: JobProfile) -> dict[str, list[dict[str, object]]]:
    """Terms the answer uses (first span of each) and important ones it misses."""
    columns = token_columns(doc)
    lemmas = columns.lemma
    where: dict[str, list[int]] = {}
    for i, lemma in enumerate(lemmas):
        where.setdefault(lemma, []).append(i)
    used: list[dict[str, object]] = []
    missing: list[dict[str, object]] = []
    for term in profile.terms:
        span = _find(lemmas, where, term.lemmas)
        if span is None:
            if term.rank < 2 or len(missing) < MAX_MISSING // 2:
                missing.append({"term": term.term, "requirement": term.requirement,
                                "nice_to_have": term.nice_to_have})
            continue
        start = columns.idx[span[0]]
        end = columns.idx[span[1] - 1] + columns.length[span[1] - 1]
        used.append({"term": term.term, "start": start, "end": end, "text": text[start:end],
                     "heading": term.heading})
    used.sort(key=lambda u: (u["start"], -u["end"]))
    kept: list[dict[str, object]] = []
    for item in used:  # "Harbor" inside "Harbor & Pine" is the same mention
        if not any(k["start"] <= item["start"] and item["end"] <= k["end"] for k in kept):
            kept.append(item)
    heading = [k.pop("heading") for k in kept]
    duties = sum(1 for h in heading if not h)
    # 'total' is every key term of the description, so coverage keeps one denominator
    # across attempts (the missing list is capped to the important ones).
    return {"used": kept, "missing": missing[:MAX_MISSING], "total": len(profile.terms),
            "duty_count": duties}


def _find(lemmas: list[str], where: dict[str, list[int]],
          term: tuple[str, ...]) -> tuple[int, int] | None:
    size = len(term)
    for i in where.get(term[0], ()):
        if tuple(lemmas[i:i + size]) == term and not _denied(lemmas, i):
            return i, i + size
    return None


def _denied(lemmas: list[str], i: int) -> bool:
    """'my heart is in baking, not insurance': a term named only to be set aside."""
    return any(lemma in ("not", "never", "n't") for lemma in lemmas[max(0, i - 2):i])
