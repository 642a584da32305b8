"""vague: no concrete outcome someone else could verify; and hedges on the goal's action."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from ..resources import WORDS
from ..result import Finding
from ..syntax import is_negated, objects
from .base import CheckInput

NAMED_ENTITIES = frozenset({"ORG", "PRODUCT", "GPE", "LANGUAGE", "WORK_OF_ART", "EVENT", "LAW",
                            "FAC", "NORP", "LOC"})
COMMITMENT_HEDGES = ("try to", "try and", "attempt to", "hopefully", "hope to", "i hope",
                     "maybe", "perhaps", "possibly", "kind of", "sort of", "if possible",
                     "where possible", "when possible", "as much as possible", "if i can",
                     "i wish", "wish to", "ideally", "probably", "somewhat")


OPEN_AMOUNTS = frozenset({"more", "fewer", "less", "extra", "additional", "some", "several",
                          "various", "few"})
_HEDGE_RE = re.compile(r"\b(" + "|".join(re.escape(h) for h in COMMITMENT_HEDGES) + r")\b")


@cache
def vague_phrase_re() -> re.Pattern[str]:
    phrases = sorted(WORDS.vague_phrases, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b")


def check(data: CheckInput) -> list[Finding]:
    """Flag an abstract goal with nothing concrete in it, and hedges on its action."""
    findings: list[Finding] = []
    judged = _judged_skill_finding(data)
    if judged is not None:
        findings.append(judged)
    anchored = has_anchor(data)
    if not anchored and not findings:
        finding = _abstract_goal(data)
        if finding is not None:
            findings.append(finding)
    findings.extend(_hedges(data, anchored, already_vague=bool(findings)))
    return findings


def has_anchor(data: CheckInput) -> bool:
    """A number, a completion, a named thing or a concrete behaviour makes a goal concrete.

    A bare change ("Increase sales", "reduce errors") is a direction, not an outcome:
    it anchors nothing until it has a target or a concrete way to get there.
    """
    if any(m.kind != "frequency" for m in data.metrics):
        return True
    return any(not _bare_change(p) and not is_negated(p) and _concrete_predicate(p)
               for p in data.predicates)


def _bare_change(pred: Token) -> bool:
    return pred.lemma_.lower() in WORDS.change_verbs and pred.dep_ == "ROOT" and not any(
        c.dep_ in ("prep", "advcl", "xcomp", "ccomp", "conj") for c in pred.children)


def _evaluated(token: Token) -> bool:
    """'a better job', 'the best engineer', 'a world-class negotiator': a judgement, not a fact."""
    return any(c.lower_ in WORDS.evaluative_modifiers and c.dep_ in ("amod", "advmod")
               for c in token.children)


def _is_abstract(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if _evaluated(token):
        return True
    if token.ent_type_ in NAMED_ENTITIES or token.pos_ == "PROPN":
        return False
    if lemma in WORDS.core_abstract_objects or token.lower_ in WORDS.core_abstract_objects:
        return True
    if token.pos_ in ("ADJ", "ADV") and lemma in ("good", "well", "better", "more", "great",
                                                  "successful", "best"):
        return True
    return token.pos_ == "PRON"


def _named(token: Token) -> bool:
    if token.ent_type_ in NAMED_ENTITIES or token.pos_ == "PROPN":
        return True
    return any(c.pos_ == "PROPN" or c.ent_type_ in NAMED_ENTITIES
               for c in token.children if c.dep_ in ("compound", "amod", "nmod"))


def _concrete_object(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if _evaluated(token):
        return False
    if lemma in WORDS.core_abstract_objects and any(c.dep_ == "poss" for c in token.children):
        return False  # 'my Excel game', 'my craft': an abstract of the person, not a thing
    if _named(token):
        return True
    if lemma in WORDS.deliverables or lemma in WORDS.credential_core:
        return True
    return any(c.like_num for c in token.children)


def _concrete_predicate(pred: Token) -> bool:
    """A behaviour others can observe: a concrete verb, or any verb with a concrete object."""
    lemma = pred.lemma_.lower()
    objs = [o for o in objects(pred) if o.pos_ not in ("ADP", "DET", "PART")]
    if lemma in WORDS.always_vague_verbs:
        # A number inside a name ("Excel 365 skills") is no target: metrics cover targets.
        return any(_concrete_object(o) and not _named(o) and not any(
            c.like_num and c.pos_ == "NUM" and c.ent_type_ in ("PRODUCT", "ORG", "")
            and _named_number(c) for c in o.children) for o in objs)
    if any(_concrete_object(o) for o in objs):
        return True
    if _comparative(pred) or (pred.head.lemma_.lower() == "learn" and not objs):
        return False
    if lemma in WORDS.vague_verbs or pred.pos_ not in ("VERB",):
        return False
    if not objs:
        return lemma not in WORDS.always_vague_verbs
    return not all(_is_abstract(o) for o in objs)


def _named_number(token: Token) -> bool:
    """'365' in 'Excel 365', '3' in 'Python 3': a number that is part of a name."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in NAMED_ENTITIES
               for t in (token.doc[token.i - 1] if token.i else token, token.head))


def _comparative(pred: Token) -> Token | None:
    """'sell more', 'write better', 'get quicker at': an open-ended comparison."""
    for child in pred.children:
        open_ended = child.lower_ in ("more", "better", "less", "well", "harder", "faster",
                                      "quicker", "bigger", "further") or (
            child.tag_ in ("JJR", "RBR") and child.lower_ not in ("earlier", "later"))
        if child.dep_ in ("advmod", "acomp", "dobj", "npadvmod") and open_ended and \
                not any(c.like_num for c in child.subtree):
            return child
    return None


def _judged_skill(pred: Token) -> Token | None:
    """'get good at SQL', 'become better with Excel': a skill judged, with no way it shows."""
    for child in pred.children:
        if child.lower_ in _SKILL_WORDS and child.dep_ in ("acomp", "advmod", "oprd", "xcomp") \
                and any(c.dep_ == "prep" and c.lower_ in ("at", "with")
                        for c in [*pred.children, *child.children]):
            return child
    return None


_SKILL_WORDS = frozenset({"good", "better", "great", "best", "stronger", "quicker", "faster",
                          "brilliant", "excellent", "decent"})


def _judged_skill_finding(data: CheckInput) -> Finding | None:
    """'get better at leading the audit': a skill judged, even when the thing it is judged at
    is a named task; a completion elsewhere ('... and lead the audit in March') anchors it."""
    if data.words.isdisjoint(_SKILL_WORDS):
        return None  # no judging word at all
    for pred in data.predicates:
        hit = _judged_skill(pred)
        if hit is None or is_negated(pred):
            continue
        inside = [t for p in (*pred.children, *hit.children)
                  if p.dep_ == "prep" and p.lower_ in ("at", "with") for t in p.subtree]
        lo = min((t.idx for t in inside), default=0)
        hi = max((t.idx + len(t.text) for t in inside), default=0)
        if any(not (lo <= m.start and m.end <= hi) for m in data.completions) or any(
                not (lo <= m.start and m.end <= hi and m.kind == "frequency")
                for m in data.quantities):
            return None  # a number, or a completion or cadence outside 'at ...'
        start, end = _phrase_bounds(pred, [hit])
        return data.finding("vague", "vague.comparison", start, end)
    return None


def _abstract_goal(data: CheckInput) -> Finding | None:
    if not data.quantities:
        for pred in data.predicates:
            hit = _comparative(pred)
            if hit is not None and not is_negated(pred):
                start, end = _phrase_bounds(pred, [hit])
                return data.finding("vague", "vague.comparison", start, end)
    for pred in data.predicates:
        if is_negated(pred):
            continue
        lemma = pred.lemma_.lower()
        objs = [o for o in objects(pred) if o.pos_ not in ("ADP", "DET", "PART")]
        start, end = _phrase_bounds(pred, objs)
        if lemma in WORDS.always_vague_verbs:
            return data.finding("vague", "vague.abstract_improvement", start, end)
        if _bare_change(pred) and not data.quantities:
            return data.finding("vague", "vague.no_target", start, end)
        if pred.head.lemma_.lower() == "learn" and pred.head.i != pred.i and not objs:
            return data.finding("vague", "vague.abstract_object", *data.bounds)
        if pred.pos_ in ("VERB", "AUX") and ((not objs and lemma in WORDS.vague_verbs) or
                                             (objs and all(_is_abstract(o) for o in objs))):
            return data.finding("vague", "vague.abstract_object", start, end)
        if pred.pos_ in ("NOUN", "PROPN", "ADJ") and _is_abstract(pred):
            return data.finding("vague", "vague.no_action", *data.bounds)
    match = vague_phrase_re().search(data.lowered)
    if match:
        return data.finding("vague", "vague.phrase", match.start(), match.end())
    return None


def _phrase_bounds(pred: Token, objs: list[Token]) -> tuple[int, int]:
    start = pred.idx
    end = pred.idx + len(pred.text)
    for obj in objs:
        end = max(end, obj.idx + len(obj.text))
        start = min(start, obj.left_edge.idx if obj.left_edge.i > pred.i else start)
    for child in pred.children:
        if child.dep_ in ("prt", "acomp", "advmod") and child.i > pred.i:
            end = max(end, child.idx + len(child.text))
    return start, end


_MAIN_CHAIN = frozenset({"ROOT", "xcomp", "ccomp", "conj"})


def _on_main_chain(verb: Token) -> bool:
    """The goal's own action: the root, or a verb reached from it through complements
    ("I want to try to earn..."), not a verb inside a relative or purpose clause."""
    while verb.dep_ != "ROOT":
        if verb.dep_ not in _MAIN_CHAIN or verb.head is verb:
            return False
        verb = verb.head
    return True


def action_hedge(data: CheckInput) -> Token | None:
    """A hedge on the goal's action: "I'll try to", "hopefully", "maybe", "might", "kind
    of want to"; the commitment itself is in doubt, whatever the goal names."""
    hedges = WORDS.strong_hedges
    if data.words.isdisjoint(hedges) and data.words.isdisjoint(("kind", "sort")):
        return None  # no hedge word at all
    tokens = data.tokens
    for t in tokens:
        word = t.lower_
        if t.lemma_.lower() in hedges and t.pos_ == "VERB" and _on_main_chain(t) and any(
                c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "conj" and c.i == t.i + 2
                                                  and tokens[t.i + 1].lower_ == "and")
                for c in t.children):
            hit = t  # "try to", "hope to", "attempt to", "try and"
        elif word in hedges and t.dep_ in ("advmod", "aux") and t.head.pos_ in ("VERB", "AUX") \
                and _on_main_chain(t.head):
            hit = t  # "hopefully", "maybe", "might", "probably"
        elif word in ("kind", "sort") and t.i + 1 < len(tokens) \
                and tokens[t.i + 1].lower_ == "of" and t.pos_ == "ADV":
            verb = t.head if t.head.pos_ in ("VERB", "AUX") else t.head.head
            if verb.pos_ not in ("VERB", "AUX") or not _on_main_chain(verb):
                continue
            hit = t  # "kind of want to" (the parser hangs "kind" on "of")
        else:
            continue
        verb = hit if hit.pos_ == "VERB" else hit.head
        if verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        if not is_negated(verb):
            return hit
    return None


def _hedges(data: CheckInput, anchored: bool, already_vague: bool) -> list[Finding]:
    out: list[Finding] = []
    hedge = action_hedge(data)
    if hedge is not None and not already_vague:
        end = hedge.idx + len(hedge.text)
        if hedge.lower_ in ("kind", "sort", "try", "attempt", "hope"):
            end = data.doc[hedge.i + 1].idx + len(data.doc[hedge.i + 1].text)
        example = " ".join((data.text[:hedge.idx] + data.text[end:]).split()) or data.goal_words
        return [data.finding("vague", "vague.hedged", hedge.idx, end, example=example)]
    open_amount = not data.quantities and not already_vague and \
        not _concrete_credential(data) and not data.words.isdisjoint(OPEN_AMOUNTS)
    for pred in data.predicates if open_amount else ():
        if is_negated(pred):
            continue
        for obj in objects(pred):  # 'some' on an object of the action, not on the action
            for child in obj.children:
                if child.lower_ in OPEN_AMOUNTS and \
                        child.dep_ in ("amod", "det", "nummod", "quantmod"):
                    example = data.goal_words.replace(child.text, "<how many>", 1)
                    out.append(data.span_finding("vague", "vague.quantity_hedge", child,
                                                 example=example))
                    return out
    if not any(hedge in data.lowered for hedge in COMMITMENT_HEDGES):
        return out  # (a cheap test first: the regex needs one of the phrases)
    for match in _HEDGE_RE.finditer(data.lowered):
        if _negated_near(data, match.start()):
            continue
        example = (data.text[:match.start()] + data.text[match.end():]).strip()
        example = " ".join(example.split()) or data.goal_words
        out.append(data.finding("hedge", "hedge", match.start(), match.end(),
                                severity="info", example=example))
        break
    return out


def _concrete_credential(data: CheckInput) -> bool:
    return any(m.kind in ("credential", "role", "deliverable") for m in data.metrics)


def _negated_near(data: CheckInput, char: int) -> bool:
    for token in data.tokens:
        if token.idx >= char:
            return any(t.lower_ in ("not", "n't", "never", "no") for t in
                       data.tokens[max(token.i - 2, 0): token.i])
    return False
