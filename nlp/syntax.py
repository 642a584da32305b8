"""Small helpers over the dependency parse, shared by the checks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from .pipeline import SPAN_KEY

# Verbs that introduce the goal's real action: "I want to <act>", "I plan to <act>".
INTENT_LEMMAS = frozenset({
    "want", "like", "love", "plan", "aim", "hope", "intend", "need", "wish", "try",
    "attempt", "strive", "seek", "expect", "commit", "decide", "going", "go", "would",
    "will", "able", "work", "continue", "keep", "start", "begin", "learn", "look",
    "endeavor", "endeavour", "goal", "resolve", "promise", "manage", "determine", "focus",
    "prepare", "hop", "set", "target", "make", "have", "get", "be", "become", "ready",
    "guess", "think", "believe", "suppose", "mean", "say", "know", "feel", "reckon",
})
OBJECT_DEPS = frozenset({"dobj", "attr", "acomp", "oprd", "pobj", "nsubjpass", "xcomp",
                         "dative", "obj", "ccomp", "npadvmod", "appos"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "without", "nor", "neither"})


def coach_spans(doc: Doc | Span, *labels: str) -> list[Span]:
    """Rule hits of the given labels (from the coach_rules component)."""
    source = doc.doc if isinstance(doc, Span) else doc
    spans = _labelled_rule_spans(source)
    if isinstance(doc, Span):
        return [s for label, s in spans if label in labels and s.start >= doc.start
                and s.end <= doc.end]
    return [s for label, s in spans if label in labels]


def _labelled_rule_spans(doc: Doc) -> list[tuple[str, Span]]:
    """The rule hits with their labels, read from the span group once per doc (several
    modules ask for them)."""
    group = doc.spans.get(SPAN_KEY)
    if group is None:
        return []
    cached = doc.user_data.get("coach_rule_spans")
    if cached is None or cached[0] is not group or cached[1] != len(group):
        cached = doc.user_data["coach_rule_spans"] = (
            group, len(group), [(s.label_, s) for s in group])
    return cached[2]


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def predicates(sent: Span) -> list[Token]:
    """The goal's actions in a sentence: the root, followed through intent verbs, with conjuncts."""
    out: list[Token] = []
    for root in _roots(sent):
        for token in _follow_intent(root):
            out.append(token)
            out.extend(t for t in _conjuncts(token) if t.pos_ in ("VERB", "AUX", "NOUN", "ADJ",
                                                                "PROPN"))
    seen: set[int] = set()
    unique = []
    for token in out:
        if token.i not in seen:
            seen.add(token.i)
            unique.append(token)
    return unique


def _roots(sent: Span) -> list[Token]:
    root = sent.vocab.strings["ROOT"]  # the label's id: comparing ids skips a string lookup
    roots = [t for t in sent if t.dep == root]
    first = sent[0]
    if roots and first.tag_ == "VB" and first.dep_ != "ROOT" and first.pos_ in ("VERB", "AUX"):
        # 'Be kinder to new starters, I remember how it was': the opening command is the goal
        # even when the parser hangs it under a later clause.
        roots.insert(0, first)
    return roots or [first]


def _follow_intent(token: Token, depth: int = 0) -> Iterator[Token]:
    lemma = token.lemma_.lower()
    if depth < 4 and (lemma in INTENT_LEMMAS or token.pos_ == "AUX"):
        comps = [c for c in token.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in
                 ("VERB", "AUX")]
        if comps:
            for comp in comps:
                yield from _follow_intent(comp, depth + 1)
            if lemma in ("be", "become", "get", "make", "have", "learn", "work", "keep",
                         "start", "focus", "manage"):
                yield token
            return
    yield token


def _conjuncts(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from _conjuncts(child)


def objects(token: Token) -> list[Token]:
    """Direct complements of a predicate, with their conjuncts; one level through prepositions."""
    out: list[Token] = []
    for child in token.children:
        dep = child.dep_
        direct = dep in OBJECT_DEPS and dep not in ("xcomp", "ccomp")
        if direct or (dep == "xcomp" and child.pos_ in ("ADJ", "NOUN")):
            out.append(child)
        elif dep in ("prep", "agent", "prt"):
            out.extend(g for g in child.children if g.dep_ in ("pobj", "pcomp"))
    for obj in list(out):
        out.extend(_conjuncts(obj))
    return out


def is_negated(token: Token) -> bool:
    """True when the token or its head chain within the clause carries a negation."""
    node: Token | None = token
    for _ in range(4):
        if node is None:
            break
        i = node.i
        for c in node.children:  # a 'neg' child anywhere, or a negation word before it
            if c.dep_ == "neg" or (c.i < i and c.lower_ in NEGATIONS):
                return True
        head = node.head
        if head.i == i:
            break
        if node.dep_ not in ("xcomp", "amod", "advmod", "dobj", "acomp", "attr"):
            break
        node = head
    return False


def trimmed_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends with spaces or final punctuation."""
    while start < end and (text[start].isspace()):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return start, end


def clause_span(token: Token) -> Span:
    """The token's subtree as a span (the phrase it heads)."""
    left = token.left_edge.i
    right = token.right_edge.i + 1
    return token.doc[left:right]


def phrase_bounds(tokens: Iterable[Token]) -> tuple[int, int]:
    """Character bounds covering the given tokens."""
    items = list(tokens)
    return min(t.idx for t in items), max(t.idx + len(t.text) for t in items)


def content_lemmas(tokens: Iterable[Token]) -> set[str]:
    """Lower-case lemmas of nouns, verbs, adjectives and proper nouns, minus stop words."""
    return {
        t.lemma_.lower()
        for t in tokens
        if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.is_stop and len(t.text) > 1
    }
