"""Compile Matcher patterns so word-list and regex tests run as vocabulary flags.

spaCy's Matcher tests ``{"LOWER": {"IN": [...]}}`` and ``{"TEXT": {"REGEX": ...}}``
with a Python call per token and per distinct list, and it starts every rule at
every token, so with a hundred rules most of its time goes into those calls. Both
tests depend on the word alone, so they can be computed once per word type and
stored as a lexeme flag (``Vocab.add_flag``), which the Matcher then checks in C.

Only 45 flag bits are free (19-63), so they go first to the tests a rule makes at
every token (its first token, and its second when the first is optional), then to
the rest in order. Tests without a flag stay as they were; matches are the same
either way (tests/nlp/test_nlp_pattern_flags.py checks it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from spacy.vocab import Vocab

FIRST_FREE_FLAG = 19  # spaCy's own lexical attributes use 1-18
LAST_FLAG = 63
Spec = dict[str, Any]
Key = tuple[str, str, tuple[str, ...] | str]


def _flag_key(attr: str, value: Any) -> Key | None:
    """What a lexeme-level test depends on, or None if it is not one."""
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if attr == "LOWER" and op == "IN" and all(isinstance(v, str) for v in arg):
        return ("LOWER", "IN", tuple(sorted(set(arg))))
    if attr in ("TEXT", "ORTH", "LOWER") and op == "REGEX" and isinstance(arg, str):
        return ("LOWER" if attr == "LOWER" else "ORTH", "REGEX", arg)
    return None


def _getter(key: Key) -> Callable[[str], bool]:
    attr, op, arg = key
    if op == "IN":
        members = frozenset(arg)
        return lambda text: text.lower() in members
    pattern = re.compile(str(arg))
    if attr == "LOWER":
        return lambda text: pattern.search(text.lower()) is not None
    return lambda text: pattern.search(text) is not None


def _hot_positions(pattern: Sequence[Spec]) -> range:
    """Token positions tested at every start: the first, and the second after an optional one."""
    optional_first = pattern[0].get("OP") in ("?", "*") and len(pattern) > 1
    return range(2 if optional_first else 1)


def _keys_by_priority(patterns: Iterable[Sequence[Spec]]) -> list[Key]:
    hot: list[Key] = []
    cold: list[Key] = []
    for pattern in patterns:
        hot_positions = _hot_positions(pattern)
        for position, spec in enumerate(pattern):
            for attr, value in spec.items():
                key = _flag_key(attr, value)
                if key is not None:
                    (hot if position in hot_positions else cold).append(key)
    return list(dict.fromkeys(hot + cold))


class FlagCompiler:
    """Rewrites patterns for one vocabulary, adding the flags they need."""

    def __init__(self, vocab: Vocab, patterns: Sequence[Sequence[Spec]]) -> None:
        free = [bit for bit in range(FIRST_FREE_FLAG, LAST_FLAG + 1)
                if bit not in vocab.lex_attr_getters]
        self.flags: dict[Key, int] = {}
        for key, bit in zip(_keys_by_priority(patterns), free, strict=False):
            self.flags[key] = vocab.add_flag(_getter(key), bit)

    def compile(self, pattern: Sequence[Spec]) -> list[Spec]:
        """The same pattern with every flagged test replaced by its flag."""
        out = []
        for spec in pattern:
            new: Spec = {}
            for attr, value in spec.items():
                key = _flag_key(attr, value)
                flag = self.flags.get(key) if key else None
                if flag is None:
                    new[attr] = value
                else:
                    new[f"FLAG{flag}"] = True
            out.append(new)
        return out
