"""Run the data-file token rules fast, with exactly the matches spaCy's Matcher gives.

spaCy's Matcher starts every rule at every token and tests word lists
(``{"LOWER": {"IN": [...]}}``) and regexes with a Python call per token and per
distinct test, so with a hundred rules most of an answer's rule pass went into
those calls. Three things remove most of them:

* **One-token rules** run outside the Matcher: their tests on the word alone
  are looked up per word type and cached, and their tests on the token in
  context (``LEMMA``, ``POS``...) are read from one ``Doc.to_array``.
* **Lexeme flags**: a test that depends on the word alone is computed once per
  word type and stored as a vocabulary flag (``Vocab.add_flag``), which the
  Matcher checks in C. The tests made at every token (a rule's first token, and
  its second when the first is optional) get flags first.
* **Coarse then exact**: only 45 flag bits are free, so when there are more of
  those first tests than bits, the most similar word lists share one flag (their
  union). The Matcher then finds a superset of the rule's matches, and each
  match of such a rule is checked against the rule as written.
* **Only the rules a doc can match, only where they can match**: a Matcher's
  cost grows with its number of rules times the tokens it reads, and most rules
  need words a given text lacks (a month, "review", "per"). Each rule has its
  own Matcher and runs only when the doc has, for every token the rule
  requires, a word passing that token's word tests (looked up per word type, as
  a bit set), and only on the parts of the doc where a match can be: from the
  first word that can start one, and around each occurrence of a token every
  match has (a month, in a date rule).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

FIRST_FREE_FLAG = 19  # spaCy's own lexical attributes use bits 1-18
LAST_FLAG = 63
WORD_CACHE_SIZE = 100_000
BOOLEAN_WORD_ATTRS = ("LIKE_NUM", "IS_DIGIT", "IS_ALPHA", "IS_PUNCT", "IS_CURRENCY")
Spec = dict[str, Any]
Key = tuple[str, str, Any]  # (attribute, operator, argument) of a word-level test
WordTest = Callable[[Lexeme], bool]
TOKEN_ATTRS = ("LEMMA", "POS", "TAG", "DEP", "ENT_TYPE")  # set per token by the pipeline


@dataclass(frozen=True)
class Rule:
    """A rule as the matcher sees it: its match key and its token pattern."""

    key: str
    pattern: Sequence[Spec]


@dataclass(frozen=True)
class _Sequence:
    """A rule of several tokens: its Matcher, the word-test bits a doc needs for a match,
    the bits of a word that can start one (0: any word can), and its longest match; and an
    anchor, a token every match has (its word-test bit, 0 if none), with the most tokens a
    match can have before it and from it on (None: no limit)."""

    key: str
    matcher: Matcher
    needs: int
    starts: int
    longest: int | None
    anchor: int = 0
    before: int = 0
    after: int | None = None


@dataclass(frozen=True)
class Hit:
    """A rule's match: the rule key and the token span."""

    key: str
    start: int
    end: int


def _word_key(attr: str, value: Any) -> Key | None:
    """The word-level test an attribute spec makes, or None if it needs more than the word."""
    if attr in ("TEXT", "ORTH", "LOWER"):
        attr = "ORTH" if attr == "TEXT" else attr
        if isinstance(value, str):
            return (attr, "IN", (value,))
        if isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op == "IN" and all(isinstance(v, str) for v in arg):
                return (attr, "IN", tuple(sorted(set(arg))))
            if op == "REGEX" and isinstance(arg, str):
                return (attr, "REGEX", arg)
    if attr in BOOLEAN_WORD_ATTRS and isinstance(value, bool):
        return (attr, "IS", value)
    return None


def _text_test(key: Key) -> Callable[[str], bool]:
    """A list or regex test on the word's text (what a lexeme flag is computed from)."""
    attr, op, arg = key
    view: Callable[[str], str] = str.lower if attr == "LOWER" else str
    if op == "IN":
        members = frozenset(arg)
        return lambda text: view(text) in members
    pattern = re.compile(arg)
    return lambda text: pattern.search(view(text)) is not None


def _word_test(key: Key) -> WordTest:
    """Any word-level test, on the lexeme."""
    attr, op, arg = key
    if op == "IS":
        return lambda lexeme: bool(getattr(lexeme, attr.lower())) == arg
    test = _text_test(key)
    return lambda lexeme: test(lexeme.orth_)


def _token_test(attr: str, value: Any) -> tuple[str, frozenset[int]] | None:
    """A test on the token in context (its lemma, part of speech...): the attribute and the
    ids it may have, or None if it is not a plain value or an ``IN`` list of strings."""
    if isinstance(value, dict) and list(value) == ["IN"]:
        value = value["IN"]
    values = [value] if isinstance(value, str) else value
    if attr not in TOKEN_ATTRS or not isinstance(values, list) or \
            not all(isinstance(v, str) for v in values):
        return None
    return attr, frozenset(get_string_id(v) for v in values)


def _is_word_rule(pattern: Sequence[Spec]) -> bool:
    """One token, each test on the word alone or a plain value of the token in context."""
    return len(pattern) == 1 and "OP" not in pattern[0] and all(
        _word_key(a, v) is not None or _token_test(a, v) is not None
        for a, v in pattern[0].items())


def _first_tokens(pattern: Sequence[Spec]) -> list[int]:
    """The positions a match's first token can match (tested at every start): up to the
    first one that must match a token."""
    positions = []
    for position, spec in enumerate(pattern):
        positions.append(position)
        op = str(spec.get("OP", "1"))
        if op in ("1", "+", "!") or (op.startswith("{") and not op.startswith(("{0", "{,"))):
            break
    return positions


def _longest(pattern: Sequence[Spec]) -> int | None:
    """The most tokens a match can have, or None when a token may repeat without limit."""
    total = 0
    for spec in pattern:
        op = str(spec.get("OP", "1"))
        if op in ("1", "?", "!"):  # '!' matches one token that fails the test
            total += 1
        elif op.startswith("{"):  # {n}, {n,m}, {,m}; {n,} has no limit
            low, _, high = op.strip("{}").partition(",")
            if "," in op and not high:
                return None
            total += int(high or low)
        else:  # * and + repeat without limit
            return None
    return total


def _flaggable(attr: str, value: Any) -> Key | None:
    key = _word_key(attr, value)
    return key if key is not None and key[1] != "IS" else None  # spaCy has flags for those


def _merge_similar(keys: list[Key], budget: int) -> list[list[Key]]:
    """Group tests into at most ``budget`` groups, joining the most similar word lists first."""
    groups = [[k] for k in keys]
    while len(groups) > budget:
        lists = [i for i, g in enumerate(groups) if all(k[1] == "IN" for k in g)]
        if len(lists) < 2:
            raise ValueError("too many distinct regex tests to share the free flag bits")
        words = {i: set().union(*(k[2] for k in groups[i])) for i in lists}
        best = max(((a, b) for n, a in enumerate(lists) for b in lists[n + 1:]),
                   key=lambda ab: (len(words[ab[0]] & words[ab[1]]) /
                                   len(words[ab[0]] | words[ab[1]]), -ab[0], -ab[1]))
        groups[best[0]] += groups.pop(best[1])
    return groups


def _add_flags(vocab: Vocab,
               patterns: list[Sequence[Spec]]) -> tuple[dict[Key, int], set[Key]]:
    """A flag bit per word-level test (hot tests first, similar ones sharing), and the
    tests whose bit is shared."""
    hot: list[Key] = []
    cold: list[Key] = []
    for pattern in patterns:
        for position, spec in enumerate(pattern):
            for attr, value in spec.items():
                key = _flaggable(attr, value)
                if key is not None:
                    (hot if position in _first_tokens(pattern) else cold).append(key)
    hot = list(dict.fromkeys(hot))
    cold = [k for k in dict.fromkeys(cold) if k not in hot]
    bits = [b for b in range(FIRST_FREE_FLAG, LAST_FLAG + 1) if b not in vocab.lex_attr_getters]
    groups = _merge_similar(hot, len(bits)) + [[k] for k in cold]
    flags: dict[Key, int] = {}
    for group, bit in zip(groups, bits, strict=False):
        tests = [_text_test(k) for k in group]
        vocab.add_flag(lambda text, tests=tests: any(t(text) for t in tests), bit)
        for key in group:
            flags[key] = bit
    return flags, {k for g in groups if len(g) > 1 for k in g}


class RuleMatcher:
    """Finds every rule's matches in a doc, the same as one Matcher with all rules would."""

    def __init__(self, vocab: Vocab, rules: Iterable[Rule]) -> None:
        rules = list(rules)
        self.vocab = vocab
        self._word_rules: list[tuple[str, list[WordTest]]] = []
        self._token_tests: dict[str, list[tuple[int, frozenset[int]]]] = {}  # column, ids
        self._columns = ["ORTH"]  # what one Doc.to_array reads per token
        for rule in (r for r in rules if _is_word_rule(r.pattern)):
            tests = []
            for attr, value in rule.pattern[0].items():
                key = _word_key(attr, value)
                if key is not None:
                    tests.append(_word_test(key))
                    continue
                attr, ids = _token_test(attr, value)  # type: ignore[misc]
                if attr not in self._columns:
                    self._columns.append(attr)
                self._token_tests.setdefault(rule.key, []).append(
                    (self._columns.index(attr), ids))
            self._word_rules.append((rule.key, tests))
        self._word_cache: dict[int, tuple[tuple[str, ...], int]] = {}
        sequences = [r for r in rules if not _is_word_rule(r.pattern)]
        self.flags, self._shared = _add_flags(vocab, [r.pattern for r in sequences])
        self._bits: dict[Key, int] = {}  # word test -> its bit in a word type's bit set
        self._sequences: list[_Sequence] = []
        self._exact: dict[str, Matcher] = {}
        self._first_word: dict[str, list[Callable[[str], bool]]] = {}
        for rule in sequences:
            pattern, shared_at = self._compile(rule.pattern)
            matcher = Matcher(vocab, validate=False)
            matcher.add(rule.key, [pattern])
            self._sequences.append(_Sequence(rule.key, matcher, *self._word_bits(rule.pattern),
                                             _longest(rule.pattern),
                                             *self._anchor(rule.pattern)))
            if shared_at == {0} and "OP" not in rule.pattern[0]:
                # A shared flag only on a required first token: that token is the match's
                # first word, so testing the word is the exact check.
                self._first_word[rule.key] = [
                    _text_test(k) for a, v in rule.pattern[0].items()
                    if (k := _flaggable(a, v)) is not None and k in self._shared]
            elif shared_at:
                self._exact[rule.key] = Matcher(vocab, validate=False)
                self._exact[rule.key].add(rule.key, [list(rule.pattern)])
        self._word_tests = [(_word_test(key), 1 << bit) for key, bit in self._bits.items()]

    def _compile(self, pattern: Sequence[Spec]) -> tuple[list[Spec], set[int]]:
        """The pattern with flagged tests replaced by flags, and where a flag is shared."""
        out: list[Spec] = []
        shared_at: set[int] = set()
        for position, spec in enumerate(pattern):
            new: Spec = {}
            for attr, value in spec.items():
                key = _flaggable(attr, value)
                if key is None or key not in self.flags:
                    new[attr] = value
                else:
                    new[f"FLAG{self.flags[key]}"] = True
                    if key in self._shared:
                        shared_at.add(position)
            out.append(new)
        return out, shared_at

    def _word_bits(self, pattern: Sequence[Spec]) -> tuple[int, int]:
        """The bits of the word tests of the tokens a match must have (not optional), and of
        the words a match can start with (0 when a first token has no word test)."""
        needs = starts = 0
        anywhere = False
        for position, spec in enumerate(pattern):
            keys = [k for a, v in spec.items() if (k := _word_key(a, v)) is not None]
            bits = [1 << self._bits.setdefault(k, len(self._bits)) for k in keys]
            if spec.get("OP") in (None, "+"):
                needs |= sum(bits)
            if position in _first_tokens(pattern):
                negated = spec.get("OP") == "!"
                starts |= bits[0] if bits and not negated else 0
                anywhere = anywhere or not bits or negated
        return needs, 0 if anywhere else starts

    def _anchor(self, pattern: Sequence[Spec]) -> tuple[int, int, int | None]:
        """The first token a match must have once, with a word test and a bounded number of
        tokens before it: its bit, and the most tokens before it and from it on."""
        for position, spec in enumerate(pattern):
            key = next((k for a, v in spec.items() if (k := _word_key(a, v)) is not None), None)
            before = _longest(pattern[:position])
            if "OP" not in spec and key is not None and before is not None:
                return 1 << self._bits[key], before, _longest(pattern[position:])
        return 0, 0, None

    def _word_facts(self, orth: int) -> tuple[tuple[str, ...], int]:
        """A word type's one-word rule hits, and the bits of the word tests it passes."""
        facts = self._word_cache.get(orth)
        if facts is None:
            lexeme = self.vocab[orth]
            hits = tuple(key for key, tests in self._word_rules if all(t(lexeme) for t in tests))
            bits = sum(bit for test, bit in self._word_tests if test(lexeme))
            if len(self._word_cache) >= WORD_CACHE_SIZE:
                self._word_cache.clear()
            facts = self._word_cache[orth] = (hits, bits)
        return facts

    def _in_context(self, key: str, row: list[int]) -> bool:
        """Whether a one-token rule's tests on the token in context pass (row: to_array's)."""
        return all(row[column] in ids for column, ids in self._token_tests.get(key, ()))

    @staticmethod
    def _windows(rule: _Sequence, words: list[int]) -> list[tuple[int, int]]:
        """The parts of the doc where the rule's matches can be, in order, not overlapping."""
        first, end = 0, len(words)
        if rule.starts:
            first = next((i for i, bits in enumerate(words) if bits & rule.starts), end)
            if first == end:
                return []
            if rule.longest is not None:
                last = next(i for i in range(end - 1, first - 1, -1) if words[i] & rule.starts)
                end = min(end, last + rule.longest)
        if not rule.anchor:
            return [(first, end)]
        anchors = [i for i, bits in enumerate(words) if bits & rule.anchor]
        if rule.after is None:
            return [(max(first, anchors[0] - rule.before), end)]
        windows: list[tuple[int, int]] = []
        for at in anchors:  # each match has an anchor token, within before/after of it
            low, high = max(first, at - rule.before), min(end, at + rule.after)
            if windows and low <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], high))
            elif low < high:
                windows.append((low, high))
        return windows

    def _run(self, rule: _Sequence, doc: Doc, words: list[int]) -> list[tuple[int, int, int]]:
        """The rule's Matcher on the parts of the doc where its matches can be."""
        windows = self._windows(rule, words)
        if windows == [(0, len(words))]:
            return rule.matcher(doc)
        return [(key, low + s, low + e) for low, high in windows
                for key, s, e in rule.matcher(doc[low:high])]

    def __call__(self, doc: Doc) -> list[Hit]:
        strings = self.vocab.strings
        hits: list[Hit] = []
        words: list[int] = []  # each token's word-test bits
        array = doc.to_array(self._columns)
        rows = array.tolist() if array.ndim == 2 else [[orth] for orth in array.tolist()]
        for i, row in enumerate(rows):
            keys, bits = self._word_facts(row[0])
            words.append(bits)
            hits.extend(Hit(key, i, i + 1) for key in keys if self._in_context(key, row))
        present = 0
        for bits in set(words):
            present |= bits
        matches = []
        for rule in self._sequences:
            if rule.needs & present == rule.needs:
                matches += self._run(rule, doc, words)
        for match_id, start, end in matches:
            key = strings[match_id]
            if key in self._first_word:
                word = doc[start].text
                if not all(test(word) for test in self._first_word[key]):
                    continue
            elif key in self._exact and not any(
                    s == 0 and e == end - start for _, s, e in self._exact[key](doc[start:end])):
                continue
            hits.append(Hit(key, start, end))
        return hits
