"""habit: a trait, feeling or habit stated as a goal, with a behaviour-with-a-number fix."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from ..resources import WORDS, load_json, rubric_terms
from ..result import Finding
from ..syntax import is_negated, objects
from .base import CheckInput

REFLEXIVES = frozenset({"myself", "ourselves", "yourself", "himself", "herself", "themselves"})
LIFESTYLE_VERBS = frozenset({"exercise", "meditate", "sleep", "read", "eat", "drink", "walk",
                             "run", "journal", "rest", "relax", "work", "train", "stretch",
                             "socialize", "socialise", "smile", "listen", "delegate"})
LOOSE_HABIT = re.compile(
    r"\b(exercise|read|sleep|post|work out|meditate|journal|walk|eat|stretch|rest|play|"
    r"wake up|get up|go to bed)\b[\w\s]{0,25}?"
    r"\b(more|less|regularly|consistently|better|healthier|often|earlier)\b")
LOOSE_ADVERBS = frozenset({"more", "less", "regularly", "better", "healthier", "often",
                           "consistently", "earlier", "properly", "enough", "mindfully"})


def check(data: CheckInput) -> list[Finding]:
    """A trait/feeling/habit predicate, unless the goal already has a number or cadence."""
    if not any(m.kind != "frequency" for m in data.quantities):
        hit = _always(data)
        if hit is not None:  # a habit, but one others can see kept or broken: not vague
            return [data.finding("habit", "habit.trait", *hit,
                                 example=_example("default", data.text))]
        if data.quantities:  # 'be positive every day': a cadence does not make a trait visible
            traits = [t for p in data.predicates if (t := _trait(p)) if not is_negated(p)]
            if traits:
                start, end, key = traits[0]
                return _both(data, start, end, "habit.trait", _example(key, data.text))
    if data.quantities:
        return []
    for pred in data.predicates:
        hit = _person_trait(pred) or _ongoing(pred) or _enjoyment(pred) or \
            _manner_only(pred) or _quality(pred)
        if hit is not None and not is_negated(pred) and not _present_state(pred):
            start, end, key, rule = hit
            return _both(data, start, end, f"habit.{rule}", _example(key, data.text))
    trusted = _TRUSTED_RE.search(data.lowered)
    if trusted:
        return _both(data, trusted.start(), trusted.end(), "habit.trait",
                     _example("default", data.text))
    if any(m.kind in ("credential", "role") for m in data.metrics):
        return []
    for pred in data.predicates:
        hit = _trait(pred) or _bad_habit(pred) or _feeling(pred) or _loose_habit(pred)
        if hit is None or (is_negated(pred) and pred.lemma_.lower() not in ("be", "feel")) or \
                _present_state(pred):  # 'never feel stressed' is still about a feeling
            continue
        start, end, key = hit
        return _both(data, start, end, f"habit.{_rule(pred, key)}", _example(key, data.text))
    loose = LOOSE_HABIT.search(data.lowered)
    if loose:
        return _both(data, loose.start(), loose.end(), "habit.loose", _example(loose.group(1),
                                                                              data.text))
    match = _trait_noun(data.lowered) or _compared_state(data)
    if match is not None:
        start, end, key = match
        return _both(data, start, end, "habit.trait", _example(key, data.text))
    return []


_COMPARED = frozenset({"more", "less"})
_STATE_VERBS = frozenset({"be", "become", "stay", "remain", "feel", "get", "grow", "seem"})


def _compared_state(data: CheckInput) -> tuple[int, int, str] | None:
    """'be more disciplined w/ my time', 'be less burnt out': a copula, 'more'/'less', and a
    quality of the person (an adjective or participle), whatever the parser made of the rest."""
    if "more" not in data.lowered and "less" not in data.lowered:
        return None
    doc, tokens = data.doc, data.tokens
    for token in tokens:
        if token.lower_ not in _COMPARED or token.i == 0 or token.i + 1 >= len(tokens):
            continue
        verb = tokens[token.i - 1]
        if verb.lower_ in ("a", "an") and token.i > 1:
            verb = tokens[token.i - 2]  # 'be a more adventurous traveller'
        if (verb.lemma_.lower() not in _STATE_VERBS and verb.lower_ != "b") or \
                is_negated(verb):  # 'b more consistent': text-speak for 'be'
            continue
        quality = _quality_word(doc[token.i + 1:token.i + 4])
        if quality is not None:
            return verb.idx, quality.idx + len(quality.text), quality.lemma_.lower()
    return None


def _quality_word(span) -> Token | None:
    """The adjective or participle after 'more'/'less', past a hyphenated first part
    ('data-driven', 'self-disciplined'); None if a noun follows it ('more senior staff')."""
    for token in span:
        if token.text == "-" or (token.whitespace_ == "" and token.nbor(1).text == "-"
                                 if token.i + 1 < len(token.doc) else False):
            continue
        if token.pos_ == "ADJ" or token.tag_ == "VBN":
            word = token.lower_
            nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
            person = nxt is not None and nxt.tag_ == "NN" and \
                nxt.lower_.endswith(("er", "or", "ist", "ian")) and \
                word not in load_json("levels.json")["levels"]  # 'a more patient listener'
            if nxt is not None and nxt.pos_ == "NOUN" and nxt.dep_ != "npadvmod" and \
                    token.dep_ == "amod" and nxt.lower_ not in ("time",) and not person and \
                    not nxt.lower_.endswith("ing"):  # 'more confident presenting' is a trait
                return None  # 'more senior roles': a kind of thing, not a trait
            if word in WORDS.not_habit_adjectives or \
                    token.lemma_.lower() in rubric_terms("outcome_adjectives") or \
                    word in rubric_terms("outcome_adjectives"):
                return None
            return token
        return None
    return None


def _always(data: CheckInput) -> tuple[int, int] | None:
    """'always be the first in', 'always stay calm with customers': conduct with no exception
    and no outcome, a habit rather than a result."""
    if "always" not in data.lowered:
        return None
    for pred in data.predicates:
        if pred.dep_ != "ROOT" or is_negated(pred):
            continue
        for child in pred.children:
            if child.lower_ == "always" and child.dep_ == "advmod" and child.i < pred.i and \
                    pred.lemma_.lower() in WORDS.copulas:
                end = pred.right_edge
                return child.idx, end.idx + len(end.text)
    return None


def _present_state(pred: Token) -> bool:
    """'I feel kind of stuck. I want to...': how things are now, said before the goal, not the
    goal itself (unlike 'feel more confident' or 'I want to feel valued')."""
    return pred.tag_ in ("VBP", "VBZ") and pred.dep_ == "ROOT" and \
        pred.sent.end < len(pred.doc) - 1 and any(
        c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in pred.children) and not any(
        t.lower_ in ("more", "less") or t.tag_ == "JJR" for t in pred.subtree)


def _both(data: CheckInput, start: int, end: int, rule: str, example: str) -> list[Finding]:
    """A trait/habit goal is also vague: it names no outcome anyone could verify."""
    return [data.finding("habit", rule, start, end, example=example),
            data.finding("vague", "vague.habit", start, end, example=example)]


def _rule(pred: Token, key: str) -> str:
    lemma = pred.lemma_.lower()
    if lemma in WORDS.habit_verbs_stop or key in WORDS.bad_habits:
        return "stop_habit"
    if lemma in WORDS.feeling_verbs:
        return "feeling"
    return "trait"


def _span(pred: Token, last: Token) -> tuple[int, int]:
    start = min([pred.idx, *(c.idx for c in pred.children if c.dep_ in ("aux", "auxpass")
                             and c.lower_ in ("be", "become", "to") and c.i < pred.i)])
    return start, max(pred.idx + len(pred.text), last.idx + len(last.text))


def _trait(pred: Token) -> tuple[int, int, str] | None:
    """'be more confident', 'stay motivated', 'become a team player'."""
    if pred.lemma_.lower() not in WORDS.copulas:
        return None
    for child in pred.children:  # 'be braver': a trait's comparative, whatever its tag
        if child.dep_ in ("advmod", "acomp", "attr") and _trait_comparative(child.lower_):
            return (*_span(pred, child), _trait_comparative(child.lower_))
    for obj in objects(pred):
        lemma = obj.lemma_.lower()
        lower = obj.lower_
        participle = obj.tag_ == "VBN" and obj.dep_ in ("acomp", "oprd")
        if (obj.pos_ == "ADJ" or participle) and lower not in WORDS.not_habit_adjectives and \
                lemma not in rubric_terms("outcome_adjectives"):
            compared = any(c.lower_ in ("more", "less", "much", "very", "always", "really")
                           for c in obj.children) or obj.tag_ in ("JJR",)
            if lemma in WORDS.habit_traits or lower in WORDS.habit_traits or compared:
                if lower in ("able", "ready") or (pred.lemma_.lower() == "get" and not compared \
                        and lemma not in WORDS.habit_traits):
                    continue
                return (*_span(pred, obj.right_edge if obj.right_edge.i - obj.i < 4 else obj),
                        lemma)
    return None


def _trait_comparative(word: str) -> str | None:
    """'braver', 'calmer', 'happier' -> the trait it compares, when that is a known trait."""
    traits = WORDS.habit_traits
    if not word.endswith("er") or len(word) < 5:
        return None
    for stem in (word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ier") else "",
                 word[:-3] if len(word) > 5 and word[-3] == word[-4] else ""):
        if stem and stem in traits and stem not in ("good", "great", "quick", "fast", "early",
                                                    "nice", "less"):
            return stem
    return None


TRAIT_SUFFIXES = ("ful", "ive", "ent", "ant", "able", "ible", "ous", "ic", "ing", "ate", "ed",
                  "er", "al", "ly", "ing")
TRUST_VERBS = frozenset({"trust", "respect", "rely", "like", "love", "admire", "want", "need",
                         "count", "turn", "come", "go", "look", "enjoy", "value", "remember",
                         "recommend", "believe", "listen", "follow", "appreciate"})
_TRUSTED_RE = re.compile(
    r"\b(be|become|being)\s+(the|a|an|someone|somebody|one)\b[\w\s'-]{0,30}?\b(who|that|whom)?\s*"
    r"(people|customers|clients|patients|everyone|everybody|colleagues|others|staff|students|"
    r"pupils|residents|families|users|my team|the team|juniors|new starters|managers)\s+"
    r"(can\s+|will\s+|would\s+|actually\s+)?(" + "|".join(sorted(TRUST_VERBS)) + r")s?\b")
COPULAS_TRAIT = frozenset({"be", "become", "remain", "stay", "grow"})


def _trait_adjective(adj: Token) -> bool:
    """'patient', 'calmer', 'more approachable': a quality of a person, not a grade or field."""
    lower, lemma = adj.lower_, adj.lemma_.lower()
    if lower in WORDS.not_habit_adjectives or lemma in rubric_terms("non_trait_modifiers") \
            or lower in rubric_terms("non_trait_modifiers") \
            or lemma in rubric_terms("outcome_adjectives") or adj.ent_type_ or "-" in lower:
        return False
    if any(c.lower_ in ("more", "less", "much", "very", "really") for c in adj.children):
        return True
    if adj.tag_ == "JJR" or lemma in WORDS.habit_traits or lower in WORDS.habit_traits:
        return True
    return lower.endswith(TRAIT_SUFFIXES) and len(lower) > 4


def _person_trait(pred: Token) -> tuple[int, int, str, str] | None:
    """'be a more patient colleague', 'become the kind of nurse who...', 'be the mechanic
    customers trust': a kind of person, not a title."""
    if pred.lemma_.lower() not in COPULAS_TRAIT | {"grow"}:
        return None
    for obj in objects(pred):
        if obj.pos_ not in ("NOUN", "PROPN", "PRON") or not (
                obj.dep_ in ("attr", "oprd", "acomp", "dobj") or
                (obj.dep_ == "pobj" and obj.head.lower_ in ("into", "as"))):
            continue
        lemma = obj.lemma_.lower()
        end = obj.right_edge
        if lemma in ("someone", "somebody", "person", "one", "kind", "type", "sort") and any(
                c.dep_ == "relcl" for c in obj.children):
            return pred.idx, end.idx + len(end.text), lemma, "trait"
        if lemma in rubric_terms("trait_kind_words") and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
            return pred.idx, end.idx + len(end.text), lemma, "trait"
        if any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in TRUST_VERBS and
               any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in obj.children):
            return pred.idx, end.idx + len(end.text), lemma, "trait"
        if lemma not in rubric_terms("trait_person_nouns"):
            continue
        if any(c.dep_ == "compound" for c in obj.children) and lemma not in (
                "player", "model", "presence", "person", "listener"):
            continue  # 'a team leader', 'a charge nurse': a title
        adjs = [c for c in obj.children if c.dep_ == "amod" and c.pos_ in ("ADJ", "VERB")]
        if adjs and all(_trait_adjective(a) for a in adjs):
            return pred.idx, obj.idx + len(obj.text), adjs[0].lemma_.lower(), "trait"
    return None


def _ongoing(pred: Token) -> tuple[int, int, str, str] | None:
    """'keep learning', 'stay out of trouble', 'continue to grow': behaviour with no endpoint."""
    if pred.dep_ == "xcomp" and pred.head.lemma_.lower() in rubric_terms("ongoing_verbs"):
        pred = pred.head  # the parse followed 'continue to' through to its verb
    if pred.lemma_.lower() not in rubric_terms("ongoing_verbs"):
        return None
    skip = rubric_terms("ongoing_not_habit_objects")
    for child in pred.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX") and \
                not any(c.dep_ in ("dobj", "attr") and c.lemma_.lower() not in
                        WORDS.core_abstract_objects for c in child.children):
            return pred.idx, child.right_edge.idx + len(child.right_edge.text), \
                child.lemma_.lower(), "trait"
        if child.dep_ in ("acomp", "advmod") and child.pos_ in ("ADJ", "ADV") and \
                pred.lemma_.lower() in ("stay", "remain", "keep") and child.lower_ not in skip:
            return pred.idx, child.idx + len(child.text), child.lemma_.lower(), "trait"
        if child.dep_ == "prep" and pred.lemma_.lower() in ("stay", "remain", "keep") and \
                any(g.dep_ == "pobj" and g.lemma_.lower() in rubric_terms("ongoing_state_objects")
                    for g in child.subtree) and \
                not any(c.dep_ == "dobj" for c in pred.children):
            return pred.idx, child.right_edge.idx + len(child.right_edge.text), \
                child.lower_, "trait"
    return None


def _enjoyment(pred: Token) -> tuple[int, int, str, str] | None:
    """'actually enjoy going to work again', 'feel valued', 'love my job again'."""
    lemma = pred.lemma_.lower()
    if lemma not in rubric_terms("feeling_only_verbs") or lemma == "like":
        return None
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children) and \
            pred.head.lemma_.lower() in ("like", "would"):
        return None
    parts = [c for c in pred.children if c.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "oprd")]
    if not parts:
        return None
    last = max((p.right_edge for p in parts), key=lambda t: t.i)
    return pred.idx, last.idx + len(last.text), lemma, "feeling"


def _manner_only(pred: Token) -> tuple[int, int, str, str] | None:
    """'drive safely', 'communicate clearly': a manner of doing, no object, no endpoint."""
    if pred.pos_ != "VERB":
        return None
    advs = [c for c in pred.children if c.dep_ == "advmod" and c.lower_.endswith("ly") and
            c.lower_ not in rubric_terms("manner_adverbs_not_habit")]
    if not advs:
        return None
    compared = any(g.lower_ in ("more", "less") for a in advs for g in a.children)
    if any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "dobj" and not (
            compared and c.lemma_.lower() in WORDS.core_abstract_objects))
           for c in pred.children):
        return None
    if not compared and (objects(pred) or any(c.dep_ in ("prep", "prt")
                                              for c in pred.children)):
        return None
    return pred.idx, advs[-1].idx + len(advs[-1].text), advs[-1].lower_, "trait"


def _quality(pred: Token) -> tuple[int, int, str, str] | None:
    """'have more patience', 'treat every customer with respect', 'work with more focus':
    a quality of conduct rather than an outcome."""
    qualities = rubric_terms("trait_qualities")
    if pred.lemma_.lower() in ("have", "show", "find", "develop", "build", "gain", "keep",
                               "practise", "practice", "bring", "project", "exude"):
        for child in pred.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in qualities:
                return pred.idx, child.right_edge.idx + len(child.right_edge.text), \
                    child.lemma_.lower(), "trait"
    if pred.pos_ != "VERB":
        return None  # 'with <quality>' qualifies a verb
    for child in [*pred.children, *(g for c in pred.children if c.dep_ == "dobj"
                                     for g in c.children)]:
        if child.dep_ == "prep" and child.lower_ == "with":
            for g in child.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in qualities:
                    return pred.idx, g.idx + len(g.text), g.lemma_.lower(), "trait"
    return None


def _bad_habit(pred: Token) -> tuple[int, int, str] | None:
    """'stop procrastinating', 'overcome imposter syndrome', 'procrastinate less'."""
    lemma = pred.lemma_.lower()
    if (lemma in WORDS.bad_habits or pred.lower_ in WORDS.bad_habits) and (
            any(c.lower_ in ("less", "anymore", "stop") for c in pred.children)
            or pred.head.lemma_.lower() in WORDS.habit_verbs_stop):
            return pred.idx, pred.idx + len(pred.text), lemma
    if lemma in ("stop", "quit") and any(
            c.dep_ in ("xcomp", "ccomp", "dobj") and c.tag_ == "VBG" and
            any(g.lower_ in REFLEXIVES for g in c.children) for c in pred.children):
        last = max((c.right_edge for c in pred.children), key=lambda t: t.i)
        return pred.idx, last.idx + len(last.text), "self"  # 'stop doubting myself'
    if lemma in WORDS.habit_verbs_stop or (lemma == "get" and any(
            c.lower_ == "over" for c in pred.children)):
        for obj in [*objects(pred), *(c for c in pred.children if c.dep_ in ("xcomp", "ccomp"))]:
            for token in obj.subtree:
                key = token.lemma_.lower()
                if key in WORDS.bad_habits or token.lower_ in WORDS.bad_habits or \
                        (token.pos_ == "ADJ" and key in WORDS.habit_traits):
                    return pred.idx, obj.right_edge.idx + len(obj.right_edge.text), key
    return None


def _feeling(pred: Token) -> tuple[int, int, str] | None:
    """'feel more confident', 'enjoy my work more', 'believe in myself'."""
    lemma = pred.lemma_.lower()
    if lemma in WORDS.trait_object_verbs:  # 'make confidence my default', 'build patience'
        for obj in objects(pred):
            if obj.lemma_.lower() in WORDS.trait_object_nouns and obj.dep_ in ("dobj", "nsubj"):
                return pred.idx, obj.right_edge.idx + len(obj.right_edge.text), obj.lemma_.lower()
    if lemma not in WORDS.feeling_verbs:
        return None
    if lemma == "feel":  # 'feel at home', 'feel ready', 'feel part of the team': a feeling
        for child in pred.children:
            wanting = child.lower_ == "like" and any(  # 'feel like going out' is wanting
                c.tag_ == "VBG" for c in child.children)
            if child.dep_ in ("acomp", "prep", "oprd", "xcomp", "advmod", "attr", "dobj") \
                    and child.lower_ != "free" and not wanting:
                return pred.idx, child.right_edge.idx + len(child.right_edge.text), "feel"
    for obj in objects(pred):
        key = obj.lemma_.lower()
        if key in WORDS.feeling_objects or obj.lower_ in WORDS.feeling_objects:
            if lemma == "find" and key not in ("balance", "peace", "purpose", "meaning",
                                               "fulfilment", "fulfillment", "joy", "happiness"):
                continue
            return pred.idx, obj.right_edge.idx + len(obj.right_edge.text), key
    return None


def _loose_habit(pred: Token) -> tuple[int, int, str] | None:
    """'exercise more', 'sleep better', 'read regularly': a habit with no number."""
    if pred.lemma_.lower() not in LIFESTYLE_VERBS:
        return None
    for child in pred.children:
        if child.lower_ in LOOSE_ADVERBS and child.dep_ in ("advmod", "dobj", "acomp", "npadvmod"):
            end = max(child.idx + len(child.text), pred.idx + len(pred.text))
            return pred.idx, end, pred.lemma_.lower()
    return None


@cache
def _trait_noun_re() -> re.Pattern[str]:
    phrases = sorted(WORDS.habit_trait_nouns, key=len, reverse=True)
    return re.compile(r"\b(be|become|being|stay|remain|have|develop|build|adopt|keep|achieve|"
                      r"find|maintain|get)\b[\w\s'-]{0,20}?\b("
                      + "|".join(re.escape(p) for p in phrases) + r")\b")


def _trait_noun(text: str) -> tuple[int, int, str] | None:
    match = _trait_noun_re().search(text)
    if match:
        return match.start(), match.end(), match.group(2)
    return None


def _example(key: str, text: str) -> str:
    examples = load_json("habit_examples.json")
    lowered = text.lower()
    for name, example in examples.items():
        if name != "default" and (name == key or re.search(rf"\b{re.escape(name)}\b", lowered)):
            return str(example)
    return str(examples["default"])
