"""Find what a goal can be measured by: quantities tied to its object, and completions."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .deadlines import find_time_spans
from .resources import WORDS, table
from .result import Metric
from .syntax import coach_spans, is_negated, overlaps

_YEAR = re.compile(r"^(19|20)\d\d$")
_NUMBERISH = re.compile(r"^[+-]?\d[\d,.]*$")
_MULTIWORD_CREDENTIALS = (
    "scrum master", "six sigma", "red seal", "green belt", "black belt", "yellow belt",
    "series 7", "series 63", "series 65", "bar exam", "board exam", "boards", "cpr",
    "first aid", "driving test", "driver's license", "teaching license", "real estate license",
)


def _kind_of(span: Span) -> str:
    """quantity, percent, money or multiplier, from the rule id."""
    rule = span.id_
    if "percent" in rule:
        return "percent"
    if "money" in rule or "figure" in rule:
        return "money"
    if "multiplier" in rule:
        return "multiplier"
    return "quantity"


def extract_metrics(doc: Doc | Span) -> list[Metric]:
    """Quantities (numbers tied to something), frequencies and verifiable completions."""
    deadlines, cadences, not_deadlines = find_time_spans(doc)
    blocked = coach_spans(doc, "NOT_METRIC")
    explicit = [s for s in coach_spans(doc, "METRIC")
                if not any(overlaps(s, d) for d in deadlines)
                and not any(overlaps(s, b) and (b.end - b.start) >= (s.end - s.start)
                            for b in blocked)]
    explicit = _merge_ranges(_longest(explicit))
    out: list[Metric] = [
        Metric(s.text, s.start_char, s.end_char, _kind_of(s), s.id_) for s in explicit
    ]
    taken: list[Span] = list(explicit) + deadlines + not_deadlines + blocked
    for span in cadences:
        if any(overlaps(span, m) for m in explicit):
            continue
        out.append(Metric(span.text, span.start_char, span.end_char, "frequency", span.id_))
        taken.append(span)
    tokens = list(doc.doc if isinstance(doc, Span) else doc)  # made and tagged once, for
    tags = [t.pos_ for t in tokens]                            # both passes
    start, end = (doc.start, doc.end) if isinstance(doc, Span) else (0, len(tokens))
    for token in _numbers(tokens[start:end], tags[start:end]):
        if any(s.start <= token.i < s.end for s in taken):
            continue
        phrase = _number_phrase(token)
        if phrase is None:
            continue
        out.append(Metric(phrase.text, phrase.start_char, phrase.end_char, "quantity",
                          "met.count"))
        taken.append(phrase)
    named = [b for b in blocked if b.id_ == "nm.named_number"]  # 'SQE2': a named exam
    named_ids = {(b.start, b.end) for b in named}
    out.extend(find_completions(doc, [t for t in taken if (t.start, t.end) not in named_ids],
                                tokens, tags))
    out.sort(key=lambda m: (m.start, m.end))
    return _dedupe(out)


def _longest(spans: list[Span]) -> list[Span]:
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(overlaps(span, c) for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def _merge_ranges(spans: list[Span]) -> list[Span]:
    """'from 20%' + 'to 25%' -> 'from 20% to 25%'."""
    merged: list[Span] = []
    for span in spans:
        if merged:
            last = merged[-1]
            between = Span(span.doc, last.end, span.start)  # (Span(): no slice to normalise)
            if span.start >= last.end and all(t.lower_ in ("to", "-", "–", "and", "from")
                                              for t in between) and (
                    span[0].lower_ == "to" or (len(between) and between[0].lower_ in ("to", "-"))):
                merged[-1] = Span(span.doc, last.start, span.end)
                merged[-1].id_ = last.id_
                continue
        merged.append(span)
    return merged


def _numbers(tokens: list[Token], tags: list[str]) -> Iterable[Token]:
    """Tokens that are numbers ('5', 'five', '3,000'), not years; ``tags``: their parts of
    speech."""
    number_words = table("number_words")
    for token, pos in zip(tokens, tags, strict=True):
        lower = token.lower_
        num = pos == "NUM"
        if not (num or lower in number_words or _NUMBERISH.match(lower)):
            continue
        if not num and lower in ("a", "an", "single", "half", "one"):
            continue  # these count only when tagged as numbers
        if _YEAR.match(lower) or not (_NUMBERISH.match(lower) or lower in number_words or
                                      token.like_num):
            continue
        yield token


def _number_phrase(token: Token) -> Span | None:
    """The number with the thing it counts ('5 people'), or None when it counts nothing."""
    doc = token.doc
    head = token.head
    dep = token.dep_
    if token.lower_ == "one" and (dep not in ("nummod", "dobj", "pobj", "attr") or
                                  is_negated(token)):
        return None
    head_pos = head.pos_
    if head_pos == "PROPN" and head.i == token.i - 1 and dep == "nummod":
        return None  # "Python 3", "Windows 11": a version, not a count
    if dep == "nummod" and head_pos in ("NOUN", "PROPN") and head.i > token.i:
        if head.lemma_.lower() in ("age", "old"):
            return None
        return Span(doc, token.i, min(head.i + 1, token.i + 4))
    end = token.i + 1
    for follower in doc[token.i + 1: token.i + 4]:
        pos = follower.pos_
        if pos not in ("ADJ", "NOUN", "PROPN") or follower.is_punct:
            break
        if pos in ("NOUN", "PROPN"):
            end = follower.i + 1
    return Span(doc, token.i, end)  # the number and the nouns after it, or the number alone


def _dedupe(items: list[Metric]) -> list[Metric]:
    out: list[Metric] = []
    for item in items:
        if any(item.start < o.end and o.start < item.end for o in out):
            continue
        out.append(item)
    return out


def find_completions(doc: Doc | Span, taken: list[Span] | None = None,
                     tokens: list[Token] | None = None,
                     tags: list[str] | None = None) -> list[Metric]:
    """Verifiable completions: a named credential, a named role or title, a named deliverable
    (``tokens``, ``tags``: the whole doc's tokens and their parts of speech, if read already)."""
    taken = taken or []
    covered = {i for s in taken for i in range(s.start, s.end)}
    found: list[Metric] = []
    if tokens is None or tags is None:
        tokens = list(doc.doc if isinstance(doc, Span) else doc)
        tags = [t.pos_ for t in tokens]
    start, end = (doc.start, doc.end) if isinstance(doc, Span) else (0, len(tokens))
    acronyms = frozenset(t.i for t in tokens if t.is_upper and _is_acronym(t))
    for i in range(start, end):
        pos = tags[i]
        if i in covered or pos not in _COMPLETION_POS:
            continue  # every completion is a noun, adjective or verb
        token = tokens[i]
        if pos in _NOUNS and i + 1 < len(tokens) and tags[i + 1] in _NOUNS:
            nxt = tokens[i + 1]
            if nxt.dep_ == token.dep_ and nxt.head.i == token.head.i:
                continue  # "the team blog" mis-parsed as two objects: the last noun names it
        kind = _noun_kind(token, acronyms) if pos in _NOUNS else _modifier_kind(token, pos)
        if kind is None or is_negated(_governor(token) or token) or _skill_of(token):
            continue
        while token.dep_ in ("compound", "nmod", "amod") and token.head.pos_ in _NOUNS and \
                token.head.i > token.i:
            token = token.head
        span = _cut(_noun_phrase(token), taken)
        if any(m.start < span.end_char and span.start_char < m.end for m in found):
            continue
        found.append(Metric(span.text, span.start_char, span.end_char, kind,
                            f"met.{kind}"))
    return found


SKILL_JUDGEMENTS = frozenset({"good", "better", "best", "great", "strong", "stronger",
                              "quicker", "faster", "comfortable", "confident", "skilled",
                              "competent", "decent", "brilliant", "excellent", "well"})


def _skill_of(token: Token) -> bool:
    """'get good at SQL', 'be better with Excel': a skill being judged, not a thing to finish."""
    node = token
    while node.dep_ in ("compound", "amod", "conj") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "dobj" and node.head.tag_ == "VBG" and node.head.dep_ == "pcomp":
        node = node.head  # 'better at leading the audit': the skill is the leading
    prep = node.head
    if node.dep_ not in ("pobj", "pcomp") or prep.lower_ not in ("at", "with", "in", "on"):
        return False
    host = prep.head
    return host.lower_ in SKILL_JUDGEMENTS or any(
        c.lower_ in SKILL_JUDGEMENTS and c.dep_ in ("acomp", "advmod", "oprd", "xcomp")
        for c in host.children)


def _governor(token: Token) -> Token | None:
    node = token
    for _ in range(5):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            return node
        head = node.head
        if head.i == node.i:
            return node
        node = head
    return None


_NOUNS = ("NOUN", "PROPN")
_COMPLETION_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
_ACRONYM_VERBS = frozenset({"pass", "earn", "complete", "finish", "obtain", "achieve", "sit",
                            "get", "gain", "take"})
_ORG_VERBS = frozenset({"join", "hire", "work", "land", "get", "move", "transfer", "intern"})


def _noun_kind(token: Token, acronyms: frozenset[int]) -> str | None:
    """credential, role or deliverable when the noun names one, else None (``acronyms``: the
    indices of the doc's acronym tokens)."""
    lemma = token.lemma_.lower()
    dep = token.dep_
    ent = token.ent_type_
    credential = _credential_word(token, token.lower_, lemma)
    title = lemma in WORDS.roles
    acronym = bool(acronyms) and (dep in ("dobj", "pobj", "attr") or (
        dep == "compound" and token.head.dep_ in ("dobj", "pobj", "attr"))) and \
        _acronym(token, acronyms)
    named = (lemma in WORDS.deliverables or ent in ("PRODUCT", "WORK_OF_ART", "EVENT")) and \
        dep in ("dobj", "pobj", "conj", "nsubjpass", "appos", "ROOT", "attr")
    employer = ent == "ORG" and dep in ("pobj", "dobj")
    if credential or title or acronym or named or employer or dep in ("dobj", "nsubjpass"):
        gov = _governor(token)  # the rules that need the governing verb
        gov_lemma = gov.lemma_.lower() if gov is not None else ""
        if credential and _credential_context(token, gov_lemma) and not _past(gov) and \
                not _unnamed_amount(token):
            return "credential"
        if title and _role_context(token) and not _past(gov):
            return "role"
        if acronym and gov_lemma in _ACRONYM_VERBS:
            return "credential"
        if dep in ("dobj", "nsubjpass") and gov is not None and token.head.i == gov.i and \
                gov_lemma in WORDS.completion_object_verbs and _single_thing(token) and \
                not _past(gov):
            return "deliverable"
        if named and gov_lemma in WORDS.completion_object_verbs and \
                not _abstractly_modified(token) and _single_thing(token):
            return "deliverable"
        if employer and gov_lemma in _ORG_VERBS:
            return "role"
    return _role_in_other_words(token, lemma, dep)


def _modifier_kind(token: Token, pos: str) -> str | None:
    """credential or role when an adjective or verb names one: a credential word ('certified'),
    a bare title the tagger read as an adjective, an organisation, 'promoted', or a status
    granted ('get my visa approved')."""
    lemma = token.lemma_.lower()
    credential = _credential_word(token, token.lower_, lemma)
    title = pos == "ADJ" and lemma in WORDS.roles
    org = token.ent_type_ == "ORG"
    if credential or title or org:  # the rules that need the governing verb
        gov = _governor(token)
        gov_lemma = gov.lemma_.lower() if gov is not None else ""
        if credential and _credential_context(token, gov_lemma) and not _past(gov) \
                and not _unnamed_amount(token):
            return "credential"
        if title and token.dep_ in ("acomp", "attr") and \
                token.head.lemma_.lower() in ("become", "make", "be") and not _past(gov):
            return "role"  # "Become headteacher": the tagger reads a bare title as an adjective
        if org and token.dep_ in ("pobj", "dobj") and gov_lemma in _ORG_VERBS:
            return "role"
    if pos != "VERB":
        return None
    if lemma == "promote":
        return "role"
    return "credential" if _granted(token) else None


def _credential_word(token: Token, lower: str, lemma: str) -> bool:
    core = WORDS.credential_core
    return lower in core or lemma in core or (
        lower in _MULTIWORD_LAST and _multiword_credential(token))


AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "eer", "rep", "officer", "nurse",
                  "aider", "owner", "partner", "fellow", "member", "trustee", "governor")
ROLE_MOVE_VERBS = frozenset({"qualify", "train", "register", "start", "work", "serve", "join",
                             "act", "practise", "practice", "return", "retrain", "elect",
                             "appoint", "hire", "employ", "sign", "establish", "move",
                             "transfer", "switch", "become", "get", "land", "secure", "win",
                             "go", "step", "rotate"})
CREDENTIAL_ADJ = frozenset({"registered", "qualified", "chartered", "certified", "licensed",
                            "licenced", "accredited", "approved", "fully-qualified",
                            "board-certified", "incorporated", "authorised", "authorized"})
UNIT_NOUNS = frozenset({"team", "department", "unit", "squad", "ward", "practice", "office",
                        "division", "function", "desk", "branch", "site", "scheme", "programme",
                        "program", "rotation", "board", "committee", "panel", "register"})


def _granted(token: Token) -> bool:
    """'get my visa approved', 'be registered': a status granted (a verb's passive participle)."""
    return token.tag_ == "VBN" and token.lower_ in WORDS.granted_statuses and \
        any(c.lower_ in ("get", "got", "be", "been", "become") or c.lemma_ in ("get", "be")
            for c in [*token.children, token.head] if c.dep_ in ("auxpass", "aux") or
            c.i == token.head.i)


def _role_in_other_words(token: Token, lemma: str, dep: str) -> str | None:
    """Completions in other words: 'qualify as a Gas Safe engineer', 'become a registered social
    worker', 'move to the data team', 'migrate our servers to Azure'."""
    if dep == "pobj":  # 'as/to/into X' after a verb of moving, or a PROPN after a completion
        head = token.head
        if head.lower_ not in ("as", "to", "into", "onto"):
            return None
        verb = head.head.lemma_.lower()
        if verb not in ROLE_MOVE_VERBS and not (
                token.pos_ == "PROPN" and verb in WORDS.completion_object_verbs):
            return None
    elif dep in ("attr", "oprd"):  # 'be/become X', X an agent noun or a title
        head = token.head
        if head.lemma_.lower() not in ("become", "be") or not (
                lemma.endswith(AGENT_SUFFIXES) or lemma in WORDS.roles):
            return None
    else:
        return None
    if _abstractly_modified(token) or lemma in WORDS.core_abstract_objects:
        return None
    mods = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    if mods & WORDS.evaluative_modifiers or mods & {"better", "good", "great", "more",
                                                      "best", "strong", "effective"}:
        return None
    if token.dep_ == "pobj" and head.lower_ in ("as", "to", "into", "onto") and \
            head.head.lemma_.lower() in ROLE_MOVE_VERBS:
        if head.lower_ == "as" and (lemma.endswith(AGENT_SUFFIXES) or mods & CREDENTIAL_ADJ):
            return "role"
        if head.lower_ != "as" and lemma in UNIT_NOUNS and (mods or any(
                c.dep_ == "prep" for c in token.children)):
            return "role"
    if token.pos_ == "PROPN" and token.dep_ == "pobj" and head.lower_ in ("to", "onto", "into") \
            and head.head.lemma_.lower() in WORDS.completion_object_verbs:
        return "deliverable"  # 'migrate our servers to Azure'
    if token.dep_ in ("attr", "oprd") and head.lemma_.lower() in ("become", "be") and \
            mods & CREDENTIAL_ADJ and lemma.endswith(AGENT_SUFFIXES):
        return "role"
    if token.dep_ in ("attr", "oprd") and head.lemma_.lower() == "become" and \
            (lemma in WORDS.roles or lemma.endswith(AGENT_SUFFIXES)) and \
            any(c.dep_ == "compound" for c in token.children) and \
            token.doc[token.left_edge.i if token.left_edge.dep_ == "compound" else token.i - 1:
                      token.i + 1].text.lower() not in WORDS.habit_trait_nouns and \
            not any(m in token.doc[token.left_edge.i: token.i].text.lower()
                    for m in WORDS.evaluative_modifiers) and \
            not any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.lower_ not in CREDENTIAL_ADJ
                    for c in token.children):
        return "role"  # 'become a consultant anaesthetist': a titled post
    return None


def _past(gov: Token | None) -> bool:
    """'I've been a line cook', 'I passed Level I': history, not a goal."""
    if gov is None:
        return False
    if gov.tag_ == "VBD":
        return True
    return gov.tag_ == "VBN" and any(c.lower_ in ("'ve", "have", "has", "had", "'d")
                                     for c in gov.children if c.dep_ == "aux")


_ACRONYM = re.compile(r"[A-Z][A-Z0-9+&-]{1,9}")


def _is_acronym(token: Token) -> bool:
    """'SQE1', 'PGCE', 'PRINCE2': a named exam or credential (all upper case, so is_upper)."""
    return token.is_upper and token.text[:2].isupper() and bool(_ACRONYM.fullmatch(token.text))


def _acronym(token: Token, acronyms: frozenset[int]) -> bool:
    """Whether the phrase the token heads holds one of the acronyms ('PRINCE2 Foundation')."""
    if not acronyms:
        return False
    left, right = token.left_edge.i, token.right_edge.i
    return any(left <= i <= right for i in acronyms) and \
        any(t.i in acronyms for t in token.subtree)


def _single_thing(token: Token) -> bool:
    """A named, singular thing ('a gaming PC', 'the design system'), not open-ended plurals."""
    lemma = token.lemma_.lower()
    if lemma in WORDS.core_abstract_objects or token.pos_ == "PRON":
        return False
    kids = list(token.children)
    if any(c.lower_ in WORDS.evaluative_modifiers for c in kids):
        return False
    return token.tag_ not in ("NNS", "NNPS") or any(  # a plural counts when it is counted
        c.like_num or c.lower_ in ("all", "every", "each", "both") for c in kids)


_MULTIWORD_LAST = frozenset(p.split()[-1] for p in _MULTIWORD_CREDENTIALS)


def _unnamed_amount(token: Token) -> bool:
    """'some certifications', 'a few courses': an open amount of unnamed things."""
    kids = list(token.children)
    return any(c.lower_ in WORDS.quantity_hedges and c.dep_ in ("det", "amod", "nummod")
               for c in kids) and not any(
        c.dep_ in ("compound", "nmod") or c.pos_ == "PROPN" for c in kids)


def _multiword_credential(token: Token) -> bool:
    if token.lower_ not in _MULTIWORD_LAST:
        return False
    window = token.doc[max(token.i - 2, 0): token.i + 1].text.lower()
    return any(window.endswith(phrase) for phrase in _MULTIWORD_CREDENTIALS)


def _credential_context(token: Token, gov_lemma: str) -> bool:
    if token.lower_ in ("course", "program", "programme", "training", "workshop", "class",
                        "module", "bootcamp", "registration", "permit"):
        return gov_lemma in ("complete", "finish", "pass", "attend", "take", "enroll", "enrol",
                             "do", "earn", "graduate", "get", "obtain", "start", "sign",
                             "join", "begin", "go")
    if token.pos_ in ("ADJ", "VERB") and token.lower_ in ("certified", "licensed", "licenced",
                                                          "accredited", "chartered"):
        return True
    return gov_lemma not in ("learn", "study", "research", "explore", "read", "discuss")


def _abstractly_modified(token: Token) -> bool:
    """'a better job', 'a new role': a job, but none in particular."""
    if token.lemma_.lower() not in ("job", "role", "position"):
        return False
    mods = {c.lower_ for c in token.children if c.dep_ in ("amod", "advmod")}
    return bool(mods & {"better", "more", "good", "great", "new", "some"})


def _role_context(token: Token) -> bool:
    """A role noun is a named title when it is the target of a move, not a trait."""
    if _abstractly_modified(token):
        return False
    mods = {c.lower_ for c in token.children if c.dep_ in ("amod",)}
    if mods & {"better", "good", "great", "strong", "effective", "stronger", "best", "more",
               "confident", "successful"}:
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("to", "as", "into", "for") and \
            head.head.lemma_.lower() in WORDS.promotion_verbs | {"promotion", "apply",
                                                                    "interview", "hire",
                                                                    "role", "position", "job"}:
        return True
    if token.dep_ in ("attr", "oprd", "dobj", "ccomp") and head.lemma_.lower() in ("become", "be",
                                                                                  "make",
                                                                          "land", "get", "hire",
                                                                          "name", "appoint"):
        return True
    if token.dep_ == "compound" and head.lemma_.lower() in WORDS.role_frames:
        return True
    return token.dep_ == "conj" and token.head.lemma_.lower() in WORDS.roles


def _noun_phrase(token: Token) -> Span:
    """The words naming the thing: modifiers and the noun, or 'promoted to <title>'."""
    doc = token.doc
    if token.pos_ in ("VERB", "AUX", "ADJ"):
        end = token.i + 1
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "as", "in", "into"):
                end = max(end, child.right_edge.i + 1)
        return _trim(doc, token.i, end)
    start = token.i
    head_i, dep = token.head.i, token.dep_
    while start > 0:  # 'the team blog' parsed as two objects: take both nouns
        prev = doc[start - 1]
        if prev.pos_ not in _NOUNS or prev.head.i != head_i or prev.dep_ != dep:
            break
        start -= 1
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "nummod", "poss") or child.pos_ == "PROPN":
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "on", "for") and \
                child.right_edge.i - token.i <= 6:
            end = child.right_edge.i + 1
        elif child.dep_ in ("compound", "appos", "nummod") or child.pos_ in ("PROPN", "NUM"):
            end = max(end, child.right_edge.i + 1)
    return _trim(doc, start, end)


def _cut(span: Span, taken: list[Span]) -> Span:
    """Stop the phrase before a deadline or another fact ('nurse' not 'nurse in 2 years')."""
    end = span.end
    for other in taken:
        if span.start < other.start < end:
            end = other.start
    if end == span.end:
        return span  # nothing cut: the phrase comes trimmed
    return _trim(span.doc, span.start, end) if end > span.start else span


def _trim(doc: Doc, start: int, end: int) -> Span:
    """doc[start:end] without punctuation at either end, a trailing preposition, conjunction
    or determiner, or a leading 'my', 'a', 'the'."""
    while end - start > 1:
        last = doc[end - 1]
        if not (last.is_punct or last.is_space or last.pos_ in ("ADP", "CCONJ", "DET")):
            break
        end -= 1
    while end - start > 1:
        first = doc[start]
        if not (first.is_punct or first.is_space or first.lower_ in ("my", "our", "a", "an",
                                                                     "the")):
            break
        start += 1
    return Span(doc, start, end)  # doc[start:end], without normalising the slice
