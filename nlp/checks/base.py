"""What every check receives, and how it builds a finding."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..context import Context
from ..resources import message_for
from ..result import Deadline, Finding, Metric
from ..syntax import predicates, trimmed_bounds


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass
class CheckInput:
    """One parsed text with its facts, shared by every check (parsed once)."""

    text: str
    doc: Doc
    context: Context
    metrics: list[Metric]
    deadlines: list[Deadline]
    kind: str = "goal"

    @cached_property
    def goal_words(self) -> str:
        """The person's own words, trimmed, for suggestions."""
        start, end = trimmed_bounds(self.text, 0, len(self.text))
        words = self.text[start:end]
        return words if len(words) <= 160 else words[:157].rstrip() + "..."

    @cached_property
    def lowered(self) -> str:
        """The text in lower case, one character for one, so match offsets index the text
        ('İ'.lower() is two characters: such a character is kept as it is)."""
        lowered = self.text.lower()
        if len(lowered) == len(self.text):
            return lowered
        return "".join(c if len(low := c.lower()) != 1 else low for c in self.text)

    @cached_property
    def tokens(self) -> list[Token]:
        """The doc's tokens, made once (each ``doc[i]`` or ``for t in doc`` builds new ones)."""
        return list(self.doc)

    @cached_property
    def words(self) -> frozenset[str]:
        """Every token's lower-case form and lower-case lemma, for quick 'is X said' tests."""
        return frozenset(w for t in self.tokens for w in (t.lower_, t.lemma_.lower()))

    @cached_property
    def bounds(self) -> tuple[int, int]:
        return trimmed_bounds(self.text, 0, len(self.text))

    @cached_property
    def predicates(self) -> list[Token]:
        out: list[Token] = []
        for sent in self.doc.sents:
            out.extend(predicates(sent))
        return out

    @cached_property
    def quantities(self) -> list[Metric]:
        return [m for m in self.metrics if m.kind in ("quantity", "percent", "money",
                                                       "multiplier", "frequency")]

    @cached_property
    def completions(self) -> list[Metric]:
        return [m for m in self.metrics if m.kind in ("credential", "role", "deliverable")]

    def finding(self, code: str, rule: str, start: int, end: int, severity: str = "warning",
                **fields: str) -> Finding:
        """A finding over text[start:end] with its message looked up by rule id."""
        start, end = trimmed_bounds(self.text, start, end)
        if end <= start:
            start, end = self.bounds
        phrase = self.text[start:end]
        entry = message_for(rule, code)
        values = _SafeDict(goal=self.goal_words, phrase=_short(phrase), **fields)
        return Finding(
            code=code, severity=severity, start=start, end=end, text=phrase,
            message=entry["message"].format_map(values),
            suggestion=entry.get("suggestion", "").format_map(values), rule=rule,
        )

    def span_finding(self, code: str, rule: str, span: Span | Token, severity: str = "warning",
                     **fields: str) -> Finding:
        if isinstance(span, Token):
            start, end = span.idx, span.idx + len(span.text)
        else:
            start, end = span.start_char, span.end_char
        return self.finding(code, rule, start, end, severity, **fields)


def _short(phrase: str) -> str:
    phrase = " ".join(phrase.split())
    return phrase if len(phrase) <= 80 else phrase[:77] + "..."
