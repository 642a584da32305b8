"""Filler words and hedges in a spoken answer, with their rate per 100 words.

Only filler *uses* count: "like" between commas or opening a sentence, not
"I'd like to" or "a brand like Fernhill"; "kind of"/"sort of" as a hedge
("kind of enjoy"), not after a determiner ("the kind of nurse"); "you know" /
"I mean" set off by punctuation, not "you know the product".
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

ALWAYS = frozenset({"um", "umm", "uh", "uhh", "uhm", "erm", "er", "hmm", "basically"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "what", "which", "some", "any",
                         "every", "each", "no", "same", "one", "my", "your", "our", "their"})
MODALS = frozenset({"'d", "would", "'ll", "will", "should", "might", "i", "you", "we", "they",
                    "to", "do", "n't", "not", "really", "also", "'s", "looks", "look", "feel"})


def _punct(token: Token | None) -> bool:
    return token is None or token.is_punct or token.is_sent_start


def _prev(token: Token) -> Token | None:
    return token.doc[token.i - 1] if token.i > 0 else None


def _next(token: Token) -> Token | None:
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None


CANDIDATES = ALWAYS | {"like", "kind", "sort", "you", "i"}
_CANDIDATE_HASHES = frozenset(hash_string(w) for w in CANDIDATES)


def find_fillers(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of filler uses, in order (cached on the doc)."""
    cached = doc.user_data.get("coach_fillers")
    if cached is None:
        cached = doc.user_data["coach_fillers"] = _find_fillers(doc)
    return cached


def _find_fillers(doc: Doc) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not len(doc):
        return out
    # Only candidate words become Token objects: compare the lower-case forms' hashes.
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        if lower not in _CANDIDATE_HASHES:
            continue
        token = doc[i]
        low = token.lower_
        nxt, prev = _next(token), _prev(token)
        if low in ALWAYS:
            out.append((token.idx, token.idx + len(token.text)))
        elif low == "like":
            if prev is not None and prev.lower_ in MODALS:
                continue
            if (prev is not None and prev.text == ",") or (nxt is not None and nxt.text in ",?.")\
                    or token.is_sent_start:
                out.append((token.idx, token.idx + len(token.text)))
        elif low in ("kind", "sort") and nxt is not None and nxt.lower_ == "of":
            if prev is not None and (prev.lower_ in DETERMINERS or prev.pos_ == "ADJ"):
                continue
            out.append((token.idx, nxt.idx + len(nxt.text)))
        elif (low, getattr(nxt, "lower_", "")) in (("you", "know"), ("i", "mean"), ("i", "guess")):
            after = _next(nxt) if nxt is not None else None
            hedge = nxt is not None and nxt.lower_ == "guess"  # "I guess" is always a hedge
            if hedge or _punct(prev) or _punct(after):
                out.append((token.idx, nxt.idx + len(nxt.text)))
    return out


def filler_rate(count: int, text: str) -> float:
    """Fillers per 100 words (whitespace-separated), one decimal."""
    words = len(text.split())
    return round(100 * count / words, 1) if words else 0.0
