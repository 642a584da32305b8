"""unrealistic: magnitude against time frame, promotion leaps, absolutes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, wraps
from typing import TypeVar

from spacy.tokens import Token

from ..resources import load_json, rubric_terms, table, words
from ..result import Finding
from .base import CheckInput

T = TypeVar("T")

PAY_BASE_RATE = ("typical annual raises are around 3-5%, a promotion usually brings about 10%, "
                 "and a job change 10-20%")


@cache
def _self_owned() -> re.Pattern[str]:
    """A business of one's own: 'my own salon', 'start a consultancy', 'founder'; not 'on my
    own' nor 'start a course'."""
    nouns = "|".join(re.escape(n) for n in sorted(rubric_terms("business_nouns"), key=len,
                                                           reverse=True))
    return re.compile(r"(?<!\bon )\b(my|our)\s+(own\s+)?(?:[\w&'-]+\s+){0,2}?(" + nouns +
                      r")s?\b|\bfound(er|ing)\b|\bstart(ing)?\s+(a|an|my|our)\s+(own\s+)?"
                      r"(?:[\w&'-]+\s+){0,2}?(" + nouns + r")s?\b")


def _per_input(fact: Callable[[CheckInput], T]) -> Callable[[CheckInput], T]:
    """A fact about one input worked out once, kept on the input: several rules ask it."""
    key = f"_unrealistic{fact.__name__}"

    @wraps(fact)
    def once(data: CheckInput) -> T:
        known = data.__dict__
        if key not in known:
            known[key] = fact(data)
        return known[key]
    return once


def _says(lowered: str, needles: Iterable[str]) -> bool:
    """Whether any of the strings is in the text (anywhere, not only as a whole word): a regex
    that needs one is only tried then."""
    return any(map(lowered.__contains__, needles))


def _said(lowered: str, needles: frozenset[str]) -> frozenset[str]:
    """Which of the strings are in the text (anywhere), looked for at once for a family of
    regexes."""
    return frozenset(filter(lowered.__contains__, needles))


_WORD_RUN = re.compile(r"\w+")
# Plain ASCII text: each byte that is not a word character (\w) turned into a space.
_ASCII_WORD_BYTES = bytes(c if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(256))


@_per_input
def _whole_words(data: CheckInput) -> frozenset[str]:
    """The text's words as a regex sees them (its runs of \\w): a regex that needs a whole word,
    like r'\\bzero\\b', can only match a text that has the word among these."""
    lowered = data.lowered
    if lowered.isascii():  # the same runs, found faster
        return frozenset(lowered.encode().translate(_ASCII_WORD_BYTES).decode().split())
    return frozenset(_WORD_RUN.findall(lowered))


@_per_input
def _owns_business(data: CheckInput) -> bool:
    lowered = data.lowered
    if "found" not in lowered and not _says(lowered, rubric_terms("business_nouns")):
        return False  # each way of saying it names the business, or says 'found'
    return bool(_self_owned().search(lowered))


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent|per cent)")
# Each absolute with the words it needs (one of them at least, as a whole word but for '100',
# which may be the start of '100percent'), then its reason.
_ABSOLUTES = (
    (("100",),
     re.compile(r"\b100\s*(%|percent|per cent)(?!\s+(?:increase|growth|more|raise))"),
     "100% leaves no room for a single miss"),
    (("zero",),
     re.compile(r"(?<!from )\bzero\s+(?!to\b)(\w+\s+){0,2}(mistakes?|errors?|defects?|bugs?|"
                r"complaints?|"
                r"incidents?|accidents?|absences?|typos?|escalations?|outages?|failures?|churn|"
                r"turnover|customers?|clients?|patients?|falls?|injur\w+|delays?|returns?)\b|"
                r"\b(to|at)\s+zero\b"),
     "zero of anything is a standard nobody meets every time"),
    (("everything", "ever"),
     re.compile(r"\b(learn|know|master|understand)\s+everything\b|\bbest\b[^.]{0,40}\bever\b"),
     "'everything' and 'the best ever' are absolutes, not targets"),
    (("mistake", "mistakes", "error", "errors", "defect", "defects", "bug", "bugs", "complaint",
      "complaints", "typo", "typos"),
     re.compile(r"\bno\s+(mistakes?|errors?|defects?|bugs?|complaints?|typos?)\s+(at all|ever)?"),
     "never making a mistake is not something anyone can promise"),
    (("never",),
     re.compile(r"\bnever\s+(make|miss|fail|lose|be late|get|have|say|drop|forget|let)\b"),
     "'never' is an absolute no one can keep"),
    (("single",),
     re.compile(r"\bevery\s+single\b"), "'every single' is an absolute no one can keep"),
    (("best", "top", "greatest", "number", "no1", "1", "most"),  # '1' of 'no. 1', '#1'
     re.compile(r"(?<![\w#])(best|top|greatest|number one|no\.? ?1|#1|most \w+)\s+(\w+\s+){0,3}"
                r"(in|of)\s+the\s+(world|country|planet|universe|industry|nation|history|uk|us|usa|"
                r"states|business|whole \w+)\b|(?<![\w#])(best|greatest|number one|no\.? ?1|#1)\s+"
                r"(\w+\s+){0,3}(in|of)\s+(europe|america|asia|africa|britain|the uk|the us)\b"),
     "being the best in the world is not a goal you control"),
    (("world", "worlds"),
     re.compile(r"\bworld'?s?\s+(best|greatest|top|leading|foremost|number one)\b"),
     "being the best in the world is not a goal you control"),
    (("ever", "once", "any"),
     re.compile(r"\b(no one|nobody|no\s+\w+)\b[^.]{0,40}\bever\b|\bwithout (ever|once)\b|"
                r"\bany\s+[\w-]+\s+(on|of|in|for|with)\s+any\b"),
     "'never once' and 'any X on any Y' leave no room for a single exception"),
    (("perfect", "perfectly", "flawless", "flawlessly"),
     re.compile(r"\b(perfect|flawless)(ly)?\s+(score|record|attendance|performance|every|"
                r"results?|reviews?|ratings?)\b|\bperfect(ly)?\b.*\b(every|always)\b|"
                r"\bflawless(ly)?\b"),
     "perfection is not a measurable target"),
    (("perfect", "flawless", "faultless", "impeccable", "infallible", "everything"),
     re.compile(r"\b(be|being|become|stay)\s+(\w+\s+)?(perfect|flawless|faultless|impeccable|"
                r"infallible)\b(?!\s+(fit|match|candidate|example)\b)|"
                r"\b(do|get|have)\s+everything\s+(right|perfect(ly)?)\b"),
     "perfection is a standard no one meets every time"),
    (("everyone", "everybody", "happy", "satisfied"),
     re.compile(r"\b(everyone|everybody)\b[^.]{0,30}\b(happy|satisfied|likes?|loves?|agrees?|"
                r"approves?)\b|\bplease (everyone|everybody)\b|"
                r"\b(make|keep) (every|all)\b[^.]{0,30}"
                r"\b(happy|satisfied)\b"),
     "everyone happy all the time depends on other people, not on you"),
    (("every", "all"),
     re.compile(r"\b(close|win|convert|ace|nail|land|secure)\s+(every|all)\b|"
                r"\b(all|every one) of (my|our|the) "
                r"(deals|leads|sales|prospects)\b"),
     "closing every deal is not possible in any sales role"),
)

_ABSOLUTE_WORDS = frozenset(word for needs, _, _ in _ABSOLUTES for word in needs) - {"100"}


def check(data: CheckInput) -> list[Finding]:
    """First reason that makes the goal implausible, with the reason and a base rate."""
    months = _time_frame_months(data)
    for rule in (_absolute, _magnitude, _ratio, _promotion, _role_to_role, _seniority,
                 _team_from_start,
                 _early_promotion, _own_business_scale,
                 _leaps, _pace, _compressed, _from_zero,
                 _count_rate, _workload, _venues, _entry_pay):
        reason = rule(data, months) if rule is not _absolute else _absolute(data)
        if reason is not None:
            start, end, rule, why, fix = reason
            return [data.finding("unrealistic", rule, start, end, reason=why, fix=fix)]
    return []


def _time_frame_months(data: CheckInput) -> float | None:
    """Months from today to the nearest resolved deadline, if any."""
    today = data.context.today
    spans = [(d.date - today).days / 30.44 for d in data.deadlines if d.date is not None]
    if spans:
        return max(min(spans), 0.0)
    lowered = data.lowered
    frame = _first_said(rubric_terms("launch_frames"), lowered) \
        if _says(lowered, _first_words("launch_frames")) else None
    if frame is not None:
        return 0.03 if frame.endswith("day") else 0.25 if "week" in frame else 1.0
    first = _FIRST_PERIOD.search(lowered) if "first" in lowered else None
    if first:
        return {"week": 0.25, "month": 1.0, "quarter": 3.0, "year": 12.0}[first.group(1)]
    if _says(lowered, ("year", "quarter", "month")) and _THIS_PERIOD.search(lowered):
        return 12.0
    return None


_FIRST_PERIOD = re.compile(r"\bfirst\s+(week|month|quarter|year)\b")
_THIS_PERIOD = re.compile(r"\b(this|next|within a|in a|one)\s+(year|quarter|month)\b")


def _first_said(terms: frozenset[str], text: str, padded: bool = False) -> str | None:
    """The term said first in the text (the longer one when two start at the same place), so
    the answer does not depend on the order of a set; ``padded``: whole words only."""
    found = [(at, -len(term), term) for term in terms
             if (at := text.find(f" {term} " if padded else term)) >= 0]
    return min(found)[2] if found else None


def _absolute(data: CheckInput):
    lowered = data.lowered
    perf = _performance_absolute(data, lowered)
    if perf is not None:
        return perf
    said = _whole_words(data) & _ABSOLUTE_WORDS
    if "100" in lowered:
        said |= {"100"}
    for needs, pattern, why in _ABSOLUTES if said else ():
        match = not said.isdisjoint(needs) and pattern.search(lowered)
        if match and not _negated_absolute(lowered, match.start()):
            return (match.start(), match.end(), "unrealistic.absolute", why + ".",
                    "aim for a high but human bar, e.g. '95%' or 'fewer than 2 a quarter'.")
    token = _zero_or_never(data)
    if token is not None and not _negated_absolute(lowered, token.idx):
        end = token.head.idx + len(token.head.text) if token.head.i > token.i else \
            token.idx + len(token.text)
        return (token.idx, end, "unrealistic.absolute",
                f"'{token.text.lower()}' is an absolute: a standard nobody meets every time.",
                "aim for a high but human bar, e.g. '95%' or 'fewer than 2 a quarter'.")
    fame = _list_search("fame_absolutes", data)
    if fame and not _negated_absolute(lowered, fame.start()):
        return (fame.start(), fame.end(), "unrealistic.absolute",
                "fame and top-of-the-world standing depend on luck and other people, not on a "
                "plan.", "name the next visible step: a talk, a publication, an award shortlist.")
    return None


def _zero_or_never(data: CheckInput) -> Token | None:
    """'zero missed shifts', 'zero sick days': none of a countable thing; 'never drop a call':
    a habit of conduct with no exception (not 'from zero', 'net zero', 'I have never led')."""
    if "zero" not in data.lowered and "never" not in data.lowered:
        return None
    tokens = data.tokens
    for token in tokens:
        lower = token.lower_
        if lower == "zero" and (tokens[token.i - 1].lower_ if token.i else "") not in \
                ("from", "net", "to") and _counted_noun(tokens[token.i + 1:token.i + 4]):
            return token
        if lower == "never" and token.head.tag_ == "VB" and token.head.i > token.i:
            return token
    return None


def _counted_noun(span: list[Token]) -> bool:
    """A plural noun right after 'zero', past its modifiers ('zero overdue tickets')."""
    for token in span:
        if token.tag_ == "NNS":
            return True
        if token.pos_ not in ("ADJ", "NOUN") and token.tag_ != "VBN":
            return False
    return False


def _negated_absolute(lowered: str, at: int) -> bool:
    return bool(_NEGATION.search(lowered[max(0, at - 25): at]))


_NEGATION = re.compile(r"\b(not|don't|do not|no need to|rather than|instead of)\b[^.]*$")


@cache
def _multipliers() -> dict[str, float]:
    return table("multiplier_verbs") | table("multiplier_words")


_TIMES = re.compile(r"(\d+(?:\.\d+)?)[x×]|[x×](\d+(?:\.\d+)?)")
_TIMES_IN_TEXT = re.compile(r"\d[x×]|[x×]\d")  # where a token could be '3x' or '×10'
_RISE_BEFORE = re.compile(r"\b(by|up|increase of|raise of|growth of|grow)\s*(at least\s*)?$")
_RISE_AFTER = re.compile(r"\s*(pay |salary |wage )?(rise|raise|increase|bump|hike)\b")
_MONEY = re.compile(r"[$€£]\s?(\d[\d,.]*)\s*(k|m)?\b")
_FROM = re.compile(r"\bfrom\b")


def _multiplier(data: CheckInput) -> tuple[float, Token | None] | None:
    multipliers = _multipliers()
    lowered = data.lowered
    said = not data.words.isdisjoint(multipliers) or \
        (_says(lowered, "x×") and _TIMES_IN_TEXT.search(lowered))
    for token in data.tokens if said else ():
        lower = token.lower_
        if lower in multipliers or token.lemma_.lower() in multipliers:
            return float(multipliers.get(lower, multipliers.get(token.lemma_.lower(), 2))), token
        match = _TIMES.fullmatch(lower)
        if match:
            return float(match.group(1) or match.group(2)), token
    for match in _PERCENT.finditer(lowered) if _says(lowered, ("%", "percent", "per cent")) \
            else ():
        before = lowered[max(0, match.start() - 30): match.start()]
        after = lowered[match.end(): match.end() + 25]
        if _RISE_BEFORE.search(before) or _RISE_AFTER.match(after):
            return 1 + float(match.group(1)) / 100, None
    money = _MONEY.findall(lowered) if _says(lowered, "$€£") else []
    if len(money) >= 2 and _FROM.search(lowered):
        values = [_money(a, b) for a, b in money[:2]]
        if values[0] > 0:
            return values[1] / values[0], None
    return None


def _money(amount: str, suffix: str) -> float:
    value = float(amount.replace(",", "") or 0)
    return value * {"k": 1e3, "m": 1e6}.get(suffix, 1)


def _magnitude(data: CheckInput, months: float | None):
    found = _multiplier(data)
    if found is None:
        return None
    factor, token = found
    if factor <= 1:
        return None
    pay = not data.words.isdisjoint(words("pay_targets"))
    business = not data.words.isdisjoint(words("money_targets"))
    if not (pay or business):
        if months is not None and ((factor >= 2 and months <= 3) or (factor >= 3 and months <= 12)
                                   or (factor >= 10 and months <= 24)):
            start = token.idx if token is not None else data.bounds[0]
            return (start, data.bounds[1], "unrealistic.growth",
                    f"multiplying it by {factor:g} in about {max(round(months), 1)} months is far "
                    "beyond normal growth.", "size the target from your current rate, with a date.")
        return None
    start, end = data.bounds
    if token is not None:
        start = token.idx
    if pay:
        limit_12 = 1.5
        if (months is None and factor >= 1.4) or \
                (months is not None and months <= 12 and factor >= limit_12) or \
                (months is not None and months <= 24 and factor >= 2) or factor >= 5:
            when = f"within about {round(months)} months" if months is not None else ""
            return (start, end, "unrealistic.pay_jump",
                    f"multiplying pay by {factor:g} {when} is far beyond what is typical: "
                    f"{PAY_BASE_RATE}.",
                    "aim for a raise of 10-20% with a promotion or a move, by a named date.")
        return None
    if months is None:
        if factor >= 10:
            return (start, end, "unrealistic.growth", f"growing {factor:g}x is extreme.",
                    "pick a growth rate your market has shown before, with a date.")
        return None
    if (factor >= 2 and months <= 6) or (factor >= 3 and months <= 12) or \
            (factor >= 5 and months <= 24) or (factor >= 10 and months <= 36):
        return (start, end, "unrealistic.growth",
                f"growing {factor:g}x in about {max(round(months), 1)} months is far beyond "
                "normal growth (strong teams grow revenue 20-50% a year).",
                "set a growth target of 20-50% for the year, or give it more time.")
    return None


_WORDS = re.compile(r"[a-z][a-z-]*")


def _level(title: str) -> int | None:
    levels = load_json("levels.json")
    table_ = levels["levels"]
    names = _WORDS.findall(title.lower())
    if len(names) > 1 and names[-1] == "executive" and names[-2] not in table_:
        return levels["plain_role_level"]  # 'account executive': a field's plain role
    found = [table_[w] for w in names if w in table_]
    if not found:
        return None
    level = max(found)
    if "senior" in title.lower() and level >= 4 and level not in (10,):
        level += 1
    return level


_MULTI_PROMOTION = re.compile(
    r"\bpromoted\s+(twice|two times|three times|\d+ times|(two|2|three|3|multiple|several) "
    r"(levels|times|grades|steps))\b|\b(two|2|three|3|multiple|several|double)\s+"
    r"(levels?|promotions?)\b|\bskip\s+(a|one)\s+(level|grade)\b")


def _promotion(data: CheckInput, months: float | None):
    lowered = data.lowered
    multi = _says(lowered, ("promot", "level", "skip")) and _MULTI_PROMOTION.search(lowered)
    if multi:
        return (multi.start(), multi.end(), "unrealistic.multi_promotion",
                "several promotions at once are rare: most people move up one level every "
                "2-3 years.", "aim for the next level, with a date and the evidence you need.")
    targets = [m for m in data.metrics if m.kind == "role"]
    if not targets or _owns_business(data):
        return None
    target = max(targets, key=lambda m: _level(m.text) or -1)
    target_level = _level(target.text)
    if target_level is None:
        return None
    ctx = data.context
    current = _level(ctx.current_role) if ctx.current_role else None
    if current is None and ctx.current_role:
        current = load_json("levels.json")["plain_role_level"]
    short = months is not None and months <= 12
    if current is not None and target_level - current >= 3 and (months is None or months <= 24):
        return (target.start, target.end, "unrealistic.level_jump",
                f"going from {ctx.current_role} to {target.text} skips several levels; most "
                "people move up one level every 2-3 years.",
                "aim for the next level up first, with a date.")
    too_far = target_level >= 6 if current is None else target_level - current >= 2
    if ctx.months_in_role is not None and ctx.months_in_role < 12 and too_far and \
            (months is None or months <= 18):
        return (target.start, target.end, "unrealistic.too_new",
                f"after {ctx.months_in_role} months in the role, a move to {target.text} "
                "skips at least one level; a first promotion usually comes after 18-36 months.",
                "aim for the next level up, and the evidence you need for it, first.")
    top = target_level >= 10 and months is not None and months <= 36
    vp = target_level >= 8 and short
    if top or vp:
        return (target.start, target.end, "unrealistic.jump_to_top",
                f"reaching {target.text} within about {max(round(months or 0), 1)} months is "
                "very rare; executives typically have 15-20 years of experience.",
                "aim for the next level up, and put the top role in your 5-year vision.")
    return None


_BIG_ITEMS = re.compile(
    r"\b(promot\w+|mba|phd|degree|doctorate|(start|open|launch) (a|my) (own )?(business|company|"
    r"startup|firm|restaurant|shop)|double|triple|relocat\w+|move (to|abroad)|new job|"
    r"(become|get) (a )?(manager|director|lead)|buy a house|marathon|fluent|(quit|leave) my job|"
    r"resign\w*|retrain\w*|(change|switch) careers?|career change|write a (book|novel)|"
    r"have a baby|get married|emigrat\w+)\b")

# Every big item has one of these words in it.
_BIG_ITEM_WORDS = frozenset((
    "promot", "mba", "phd", "degree", "doctorate", "start", "open", "launch", "double", "triple",
    "relocat", "move", "new job", "manager", "director", "lead", "buy a house", "marathon",
    "fluent", "my job", "resign", "retrain", "career", "write a", "have a baby", "get married",
    "emigrat"))


_OWN = re.compile(r"\b(chain|group|empire)\s+of\b")
_FOUNDING = re.compile(r"\b(start|open|launch|set up|setting up|found|establish|run|have)\w*\b")
_HIRING = re.compile(r"\b(employ\w*|hir(e|es|ing)|staff of|team of|workforce of)\s*$")
_WORKING_FOR_ME = re.compile(r"^[\w\s-]{0,25}?\b(working|employed)\s+(for|under)\s+(me|us)\b")


def _own_business_scale(data: CheckInput, months: float | None):
    """'my own firm with 20 vans by next year', 'a chain of 50 restaurants within three years':
    a business built from nothing to a large size in a short time (whether the business is
    one's own is asked last, as it costs the most)."""
    found = _scale_soon(data, months) or _founding_from_start(data, months)
    if found is None:
        return None
    lowered = data.lowered
    if _owns_business(data) or (_says(lowered, ("chain", "group", "empire")) and
                                _OWN.search(lowered)):
        return found
    return None


_LETTERS_E = re.compile(r"[a-zé]+")


def _scale_soon(data: CheckInput, months: float | None):
    """Many staff or sites (a count, then a word for them) in a year and a half or so."""
    lowered = data.lowered
    units = rubric_terms("business_scale_units")
    for metric in data.metrics:
        if metric.kind != "quantity":
            continue
        value = _count(metric.text)
        if value is None or value < 10:
            continue  # a handful is not a leap (and the start below is costly to find)
        window = months if months is not None else (12.0 if _entry_marker(data) else None)
        if window is None or not ((value >= 10 and window <= 18.5) or
                                  (value >= 30 and window <= 37)):
            continue
        after = _LETTERS_E.findall(data.text[metric.start:metric.end + 20].lower())[:3]
        staff = _WORKING_FOR_ME.search(lowered[metric.end:metric.end + 60]) or \
            _HIRING.search(lowered[max(0, metric.start - 25):metric.start])
        if any(w in units for w in after) or staff:
            return (metric.start, metric.end, "unrealistic.many_leaps",
                    f"building a business to {metric.text} in about {max(round(window), 1)} "
                    "months, from a start, stacks several big leaps at once.",
                    "aim for the first site or first hires, with a date, and grow from there.")
    return None


def _founding_from_start(data: CheckInput, months: float | None):
    """Running a business of one's own within a year, from an entry-level start."""
    if months is None or months > 12 or not _FOUNDING.search(data.lowered):
        return None
    marker = _entry_marker(data)
    if marker and marker not in (data.context.current_role or "").lower():
        start, end = data.bounds
        return (start, end, "unrealistic.many_leaps",
                f"going from {marker} to running your own business within a year skips the "
                "qualification and experience it needs.",
                "aim for the next qualification or role first, with a date.")
    return None


ABOUT_A_YEAR = 18  # "next year" / "in 2027" resolve to its end: 13-24 months away


def _leaps(data: CheckInput, months: float | None):
    if months is not None and months > ABOUT_A_YEAR:
        return None
    lowered = data.lowered
    if sum(map(lowered.count, _said(lowered, _BIG_ITEM_WORDS))) < 3:
        return None  # three items need three of their words
    items = {m.group(0).split()[0] for m in _BIG_ITEMS.finditer(lowered)}
    if len(items) >= 3:
        start, end = data.bounds
        return (start, end, "unrealistic.many_leaps",
                "it stacks several big life changes into one short period.",
                "pick the one that matters most this year and move the others to later goals.")
    return None


_SHORT_EXPERIENCE = re.compile(
    r"\bwithin\s+(?:a|an|one|two|three|six|twelve|\d+)\s+(?:days?|weeks?|months?|year)\s+of\s+"
    r"(?:qualifying|graduating|leaving|starting|joining|finishing|completing|opening|learning)")
# Each pace with the whole words it needs (one of them at least), its usual months and the reason.
_PACE = (
    (("fluent", "fluency"), re.compile(r"\bfluen(t|cy)\b"), 6,
     "fluency in a language takes hundreds of hours of study "
     "(roughly 600-2,200 class hours for an English speaker)"),
    (("phd", "doctorate"),
     re.compile(r"\b(start|begin|get|earn|do|complete)\b[^.]{0,20}\b(phd|doctorate)\b"), 24,
     "a PhD usually takes 3-5 years of full-time research"),
    (("world", "master", "expert"),
     re.compile(r"\bworld[- ]class\b|\bmaster\b(?! ?'?s)|\bexpert\b"), 12,
     "expertise takes years of deliberate practice"),
    (("millionaire", "billionaire", "rich", "wealthy", "fortune"),
     re.compile(r"\b(millionaire|billionaire)\b|\b(get|become|be|being|getting)\s+(very\s+)?"
                r"(rich|wealthy)\b|\bmake\s+(a|my)\s+fortune\b"), 60,
     "very few people build that wealth fast"),
    (("nobel", "pulitzer", "oscar", "olympic", "grammy", "booker", "fields", "turing"),
     re.compile(r"\b(nobel|pulitzer|oscar|olympic|grammy|booker|fields medal|turing award)\b"),
     120, "it depends on a committee and a lifetime of work, not on a plan"),
)


def _pace(data: CheckInput, months: float | None):
    """A goal that normally takes years, squeezed into months; or a senior role right away."""
    lowered = data.lowered
    for needs, pattern, max_months, why in _PACE:
        if (months is None and max_months < 60) or (months is not None and months > max_months):
            continue  # time enough for it
        match = not _whole_words(data).isdisjoint(needs) and pattern.search(lowered)
        if match:
            return (match.start(), match.end(), "unrealistic.pace", why + ".",
                    "keep the direction and give it a realistic time frame, with steps.")
    targets = [m for m in data.metrics if m.kind == "role"]
    early = targets and "within" in lowered and _SHORT_EXPERIENCE.search(lowered)
    if early and max(_level(m.text) or 0 for m in targets) >= 3:
        return (early.start(), early.end(), "unrealistic.no_experience",
                "a senior role straight after qualifying skips the years of experience it "
                "normally requires.", "aim for the first step (a junior or mid-level role) first.")
    return None


_STARTING = frozenset({"start", "begin", "enrol", "enroll", "apply", "join", "register"})


def _compressed(data: CheckInput, months: float | None):
    """A programme of a stated length finished in less than half of it ("finish a 4-year
    nursing degree in 12 months", "complete a three-year apprenticeship by Christmas");
    not starting one, nor finishing a part of one ("the final year of my 3-year degree")."""
    if months is None:
        return None
    programmes = rubric_terms("programme_nouns")
    numbers = table("number_words")
    for year in data.tokens if "year" in data.words else ():
        if year.dep_ not in ("compound", "amod", "nmod") or year.lemma_.lower() != "year":
            continue
        count = next((c for c in year.children if c.like_num), None)
        noun = year.head
        if count is None or not {noun.lower_, noun.lemma_.lower()} & programmes:
            continue
        raw = count.lower_
        years = float(raw) if raw.isdigit() else numbers.get(raw)
        if not years or months >= years * 12 / 2 or not _completed_whole(noun):
            continue
        start, end = count.idx, noun.idx + len(noun.text)
        return (start, end, "unrealistic.compressed",
                f"a {raw}-year programme in about {max(1, round(months))} months is less "
                "than half its normal length, even with full-time study.",
                "give it its normal length, or name a part of it you can finish in that "
                "time (a module, a year, an exam).")
    return None


def _completed_whole(noun: Token) -> bool:
    """The programme itself is the object of a completion verb ("finish", "earn",
    "complete", "get"), not a part of it ("the last year of")."""
    head = noun.head
    if noun.dep_ == "pobj" or head.pos_ in ("NOUN", "PROPN"):
        return False
    lemma = head.lemma_.lower()
    return head.pos_ in ("VERB", "AUX") and lemma in words("completion_verbs") \
        and lemma not in _STARTING


def _from_zero(data: CheckInput, months: float | None):
    """From a beginner's start to an advanced level in a few months ("JLPT N1 in 3 months
    starting from zero", "fluent Spanish from scratch by summer")."""
    if months is None or months > 12:
        return None
    text = data.text.lower()
    if not _says(text, _first_words("advanced_levels")):
        return None
    lowered = _padded_words(text)
    level = _first_said(rubric_terms("advanced_levels"), lowered, padded=True)
    if level is None:
        return None
    start = _first_said(rubric_terms("beginner_markers"), lowered, padded=True) \
        or _starting_point(data.lowered)
    if start is None:
        return None
    at = data.lowered.find(level)
    shown = data.text[at:at + len(level)]
    return (at, at + len(level), "unrealistic.from_zero",
            f"going from a beginner's start to '{shown}' in about {max(1, round(months))} "
            "months skips the years of practice it normally takes.",
            "set the next level up from where you are as the goal for this time frame.")


@cache
def _first_words(list_id: str) -> frozenset[str]:
    """The first word of each term: a term in the text has its first word in the text."""
    return frozenset(term.split()[0] for term in rubric_terms(list_id))


def _padded_words(lowered: str) -> str:
    return " " + " ".join(_NOT_WORD.sub(" ", lowered).split()) + " "


_NOT_WORD = re.compile(r"[^\w'&+-]+")


_DAILY = re.compile(r"\b(a|per|each|every)\s+(day|shift)\b|\bdaily\b")


def _count_rate(data: CheckInput, months: float | None):
    """Hundreds of things in weeks ('500 reviews in a month', '1,200 bugs by Friday')."""
    lowered = data.lowered
    if _says(lowered, ("day", "shift", "daily")) and _DAILY.search(lowered):
        for metric in data.metrics:
            value = _count(metric.text) if metric.kind == "quantity" else None
            if value is not None and value >= _daily_cap(
                    data.text[metric.start:metric.end + 25]):
                return (metric.start, metric.end, "unrealistic.volume",
                        f"{metric.text} every day is more than a full working day allows.",
                        "size it from your current daily rate and add a little.")
    if months is None or ("from" in lowered and _FROM_TO.search(lowered)):
        return None  # a from-to change is judged as a ratio
    for metric in data.metrics:
        if metric.kind != "quantity" or _MEASURE_ADJ.search(metric.text):
            continue  # 'a 90,000-word novel': the size of one thing, not a count
        value = _count(data.text[metric.start:metric.end + 10])  # '5 million' split in two
        if value is None:
            continue
        if (value >= 200 and months <= 1.5) or (value >= 100_000 and months <= ABOUT_A_YEAR):
            return (metric.start, metric.end, "unrealistic.volume",
                    f"{metric.text} in about {max(round(months * 4.3), 1)} weeks is far beyond "
                    "what one person or team normally does.",
                    "size it from your current weekly rate and add a little, with a date.")
    return None


_DIGIT = re.compile(r"\d")


def _count(text: str) -> float | None:
    lowered = text.lower().replace(",", "")
    digit = _DIGIT.search(lowered)
    if digit:  # '10 million copies' is ten million, not ten
        return _amount(lowered[digit.start():])
    if "million" in lowered:
        return 1_000_000.0
    if "thousand" in lowered:
        return 1000.0
    return None


_MEASURE_ADJ = re.compile(r"\d-[a-z]+$|\d\s*-\s*[a-z]+\b")


def _daily_cap(text: str) -> float:
    caps = table("daily_volume_caps")
    for word in _WORDS.findall(text.lower())[:3]:
        for key in (word, word[:-1] if word.endswith("s") else word):
            if key in caps and not key.startswith("_"):
                return float(caps[key])
    return float(caps["default"])


_NUM = (r"([$€£₹¥]?\s?\d[\d,]*(?:\.\d+)?(?:(?:k|m|bn)\b|\s?%|\s?percent\b|"
        r"\s(?:thousand|million|billion)\b)?)")
_SCALE_WORDS = {"k": 1e3, "m": 1e6, "bn": 1e9, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_FROM_TO = re.compile(r"\bfrom\s+(?:[a-z']+\s+){0,2}" + _NUM + r"\s+(?:[a-z']+\s+){0,3}?"
                      r"(?:to|up to|→|->)\s+"
                      + _NUM + r"(?![\d,])")


_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:(thousand|million|billion|k|m|bn)\b)?")


def _amount(raw: str) -> float | None:
    text = raw.strip().lower().lstrip("$€£₹¥ ").replace(",", "")
    match = _AMOUNT.match(text)
    if not match:
        return None
    return float(match.group(1)) * _SCALE_WORDS.get(match.group(2) or "", 1)


def _ratio(data: CheckInput, months: float | None):
    """'from 120 to 1,200 followers by Easter', 'NPS from 31 to 95 next month'."""
    for match in _FROM_TO.finditer(data.lowered) if "from" in data.lowered else ():
        a, b = _amount(match.group(1)), _amount(match.group(2))
        if a is None or b is None or a <= 0 or b <= a:
            continue
        percent = "%" in match.group(2) or "percent" in match.group(2)
        factor = b / a
        if percent:
            big = (b - a >= 30 and (months is None or months <= 6)) or \
                (factor >= 3 and b - a >= 10 and months is not None and months <= 18)
        elif a < 10 and match.group(1).strip()[0] not in "$€£₹¥":
            big = factor >= 10 and months is not None and months <= 12
        elif months is None:
            big = factor >= 10
        else:
            big = (factor >= 2 and months <= 3) or (factor >= 3 and months <= 12) or \
                (factor >= 5 and months <= 24) or (factor >= 10 and months <= 36)
        if big:
            when = f" in about {max(round(months), 1)} months" if months is not None else ""
            return (match.start(), match.end(), "unrealistic.growth",
                    f"going from {match.group(1).strip()} to {match.group(2).strip()} multiplies "
                    f"it by {factor:.3g}{when}, far beyond normal progress.",
                    "size the target from your current rate and add a little, with a date.")
    return None


# A goal of a title says one of these (as a whole word).
_GOAL_VERBS = frozenset({"become", "becoming", "be", "make", "made", "reach", "get", "land",
                         "promoted", "appointed", "appointment", "step", "move", "rise", "work",
                         "qualify", "role", "job", "position", "post"})


@cache
def _title_re(list_id: str) -> re.Pattern[str]:
    titles = sorted(rubric_terms(list_id), key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in titles)
    return re.compile(r"\b(become|becoming|be|make|made|reach|get|land|promoted to|appointed|"
                      r"appointment as|step up to|move up to|rise to|work as|qualify as|"
                      r"role as|job as|position as|post as)\s+(?:an?\s+|the\s+|my\s+)?"
                      r"(?:[\w-]+\s+){0,2}?(" + alt + r")(?:\s+(?:of|for|in)\s+[\w-]+)?\b")


def _title_search(list_id: str, data: CheckInput) -> re.Match[str] | None:
    """A goal verb, then a title of the list (after a space, up to a word boundary)."""
    return _title_re(list_id).search(data.lowered) if _list_may_match(list_id, data) else None


def _list_search(list_id: str, data: CheckInput) -> re.Match[str] | None:
    """The first term of a rubric list in the text."""
    return _list_re(list_id).search(data.lowered) if _list_may_match(list_id, data) else None


def _list_may_match(list_id: str, data: CheckInput) -> bool:
    """Whether a term of the list may be in the text: a term found on word boundaries (as
    ``_list_re`` and ``_title_re`` find them) has all its words whole in the text."""
    longest = _longest_words(list_id)
    return longest is None or not longest.isdisjoint(_whole_words(data))


@cache
def _longest_words(list_id: str) -> frozenset[str] | None:
    """The longest word of each term of a list; None if a term has no word at all."""
    longest = [max(_WORD_RUN.findall(term), key=len, default="") for term in rubric_terms(list_id)]
    return None if "" in longest else frozenset(longest)


@cache
def _list_re(list_id: str) -> re.Pattern[str]:
    """One alternation over a rubric term list, longest first, on word boundaries."""
    terms = sorted(rubric_terms(list_id), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")(?!\w)")


def _marker_in(text: str) -> str | None:
    lowered = text.lower()
    match = _list_re("entry_markers").search(lowered) or _starting_point(lowered)
    return match.group(0) if match else None


@cache
def _starting_point_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_json("levels.json")
                               ["starting_point_patterns"]))


def _starting_point(lowered: str) -> re.Match[str] | None:
    """A stated start: 'my first teaching job', 'never written a line of code', 'can't swim
    yet', 'no civvy experience', 'straight after my viva'."""
    return _starting_point_re().search(lowered)


@_per_input
def _entry_marker(data: CheckInput) -> str | None:
    """An entry-level start in the goal, the current role, or few months in the role."""
    found = _marker_in(data.text)
    if found:
        return found
    current = data.context.current_role or ""
    if current and _marker_in(current):
        return current.lower()
    if data.context.months_in_role is not None and data.context.months_in_role < 12 and \
            current:
        return f"{data.context.months_in_role} months in the role"
    return None


TOP_FROM_START_MONTHS = 120  # a top post from a stated start inside ten years
SENIOR_FROM_START_MONTHS = 36  # "by next year" resolves to ~13 months, "in three years" to 36


def _seniority(data: CheckInput, months: float | None):
    """A top title soon, or a senior one straight from an entry-level start, in any field."""
    lowered = data.lowered
    if _whole_words(data).isdisjoint(_GOAL_VERBS):
        return None
    apex = _title_search("apex_titles", data)
    if apex and not _negated_absolute(lowered, apex.start()) and (
            (months is not None and months <= 24) or
            ((months is None or months <= TOP_FROM_START_MONTHS) and _entry_marker(data))) and \
            not _owns_business(data):
        return (apex.start(2), apex.end(), "unrealistic.jump_to_top",
                f"reaching {apex.group(2)} that soon is very rare: top posts in any field "
                "usually take 15-20 years.",
                "aim for the next level up, and put the top role in your long-term vision.")
    senior = _title_search("senior_titles", data)
    if senior and (months is None or months <= SENIOR_FROM_START_MONTHS) and \
            not _negated_absolute(lowered, senior.start()) and \
            (marker := _entry_marker(data)) and not _owns_business(data):
        return (senior.start(2), senior.end(), "unrealistic.no_experience",
                f"{senior.group(2)} from a starting point ({marker}) skips the years of "
                "experience the role normally requires.",
                "aim for the first step up, with a date, and keep the senior role as a later goal.")
    return None


_ROLE_TO_ROLE = re.compile(
    r"\bfrom\s+(?:an?\s+|the\s+|being\s+(?:an?\s+)?)?([a-z][a-z -]{1,30}?)\s+to\s+"
    r"(?:an?\s+|the\s+|being\s+(?:an?\s+)?)?([a-z][a-z -]{1,40}?)"
    r"(?=\s+(?:in|within|by|before|inside|this|next)\b|\s*[.,;!]|\s*$)")


def _title_level(title: str) -> int | None:
    """A title's level, a plain role's level, or None when the words name no role."""
    if _title_re("apex_titles").search("become " + title):
        return 10
    level = _level(title)
    if level is None and title.split()[-1] in words("roles"):
        return load_json("levels.json")["plain_role_level"]
    return level


def _role_to_role(data: CheckInput, months: float | None):
    """'from intern to head of marketing in 18 months', 'from junior to senior developer
    within a year': the goal itself states a climb of several levels in a short time."""
    if months is None or months > 24 or "from" not in data.lowered:
        return None
    for match in _ROLE_TO_ROLE.finditer(data.lowered):
        low, high = _title_level(match.group(1)), _title_level(match.group(2))
        if low is None or high is None:
            continue
        if high - low >= 3 or (high - low >= 2 and months <= 12):
            return (match.start(), match.end(), "unrealistic.level_jump",
                    f"going from {match.group(1)} to {match.group(2)} in about "
                    f"{max(round(months), 1)} months skips several levels; most people move up "
                    "one level every 2-3 years.", "aim for the next level up first, with a date.")
    return None


_PEOPLE_VERBS = frozenset({"manage", "lead", "run", "head", "supervise", "oversee", "have"})


def _managing(data: CheckInput) -> tuple[int, int] | None:
    """'be managing my own team', 'lead a department', 'have staff under me': a manager's job
    named by what it does rather than by its title."""
    if data.words.isdisjoint(_PEOPLE_VERBS):
        return None
    units = rubric_terms("managed_units")
    for verb in data.tokens:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        lemma = verb.lemma_.lower()
        if lemma not in _PEOPLE_VERBS:
            continue
        for obj in verb.children:
            if obj.dep_ != "dobj" or any(c.dep_ == "compound" for c in obj.children):
                continue  # 'lead the project team': a project, not a post
            reports = _REPORTING.match(data.text[obj.idx + len(obj.text):].lower())
            if lemma == "have" and reports:  # 'have four engineers reporting to me'
                return verb.idx, obj.idx + len(obj.text) + reports.end()
            own = any(c.lower_ == "own" for c in obj.children)
            if obj.lemma_.lower() in units and (lemma != "have" or own):
                return verb.idx, obj.right_edge.idx + len(obj.right_edge.text)
    return None


_REPORTING = re.compile(r"\s+(reporting to|who report to|working for|working under|under) me\b")


def _team_from_start(data: CheckInput, months: float | None):
    """Managing people straight from an entry-level start ('junior developer, 3 months in:
    be managing my own team by March')."""
    if months is not None and months > 24:
        return None
    span = _managing(data)
    if span is None or _negated_absolute(data.lowered, span[0]):
        return None
    marker = _entry_marker(data)
    if marker is None:
        return None
    return (*span, "unrealistic.no_experience",
            f"managing people from a starting point ({marker}) skips the years of experience "
            "a manager's post normally requires.",
            "aim for a first step with people in it (mentoring a new starter, leading one piece "
            "of work), with a date.")


_PROMOTION = re.compile(r"\bpromot(ed|ion)\b|\b(step|move)\s+up\b|\bnext\s+(band|grade|level)\b")
_PREPARING = re.compile(r"\b(apply\w*|application|ready|eligible|case|shortlist\w*|interview\w*|"
                        r"prepar\w+|evidence|considered|put myself forward|on track)\b")


def _early_promotion(data: CheckInput, months: float | None):
    """A promotion due before about nine months in the role in all ('5 months in: promoted to
    Band 6 by the end of next month'), not getting ready for one."""
    in_role = data.context.months_in_role
    if in_role is None or months is None or in_role + months >= 9:
        return None
    lowered = data.lowered
    if _PREPARING.search(lowered):
        return None
    found = _PROMOTION.search(lowered)
    span = found.span() if found else None
    current = _level(data.context.current_role or "")
    for metric in data.metrics:
        level = _level(metric.text) if metric.kind == "role" else None
        if span is None and level is not None and current is not None and level > current:
            span = (metric.start, metric.end)
    if span is None or _negated_absolute(lowered, span[0]):
        return None
    total = max(round(in_role + months), 1)
    return (*span, "unrealistic.too_new",
            f"a promotion after about {total} months in the role is very rare; a first "
            "promotion usually comes after 18-36 months.",
            "aim for the evidence a promotion needs (a stretch project, a course), with a date.")


_NOT_AMOUNT = re.compile(r"[^\d.,kmb]")


def _entry_pay(data: CheckInput, months: float | None):
    """'£100k as a newly qualified teacher': pay far above a stated entry level."""
    metric = next((m for m in data.metrics if m.kind == "money" and _high_pay(m.text)), None)
    marker = _entry_marker(data) if metric is not None else None
    if metric is None or marker is None:
        return None
    return (metric.start, metric.end, "unrealistic.entry_pay",
            f"{metric.text} is far above what an entry-level post ({marker}) pays.",
            "aim for the top of your current pay band, then the next grade.")


def _high_pay(text: str) -> bool:
    """Six figures or more, or at least 70,000 a year."""
    low = text.lower()
    value = _amount(_NOT_AMOUNT.sub("", low.replace("million", "m")) or "0")
    return bool((("six" in low or "seven" in low) and "figure" in low) or
                (value and value >= 70_000))


_LETTERS = re.compile(r"[a-z]+")


def _workload(data: CheckInput, months: float | None):
    """'all 15 exams in two months': many heavy items (exams, degrees, books) in weeks."""
    if months is None or months > 6:
        return None
    heavy = rubric_terms("heavy_units")
    for metric in data.metrics:
        if metric.kind != "quantity" or _MEASURE_ADJ.search(metric.text):
            continue
        after = _LETTERS.findall(data.text[metric.start:metric.end + 30].lower())[:5]
        value = _count(metric.text)
        if any(w in heavy for w in after) and value is not None and value >= max(4.0, months * 2.5):
            return (metric.start, metric.end, "unrealistic.workload",
                    f"{metric.text} in about {max(round(months), 1)} months is far more than "
                    "anyone can prepare for properly.",
                    "spread them over a realistic schedule, a few at a time.")
    return None


def _venues(data: CheckInput, months: float | None):
    """Several top journals at once, or one straight from the start of a PhD."""
    venues = rubric_terms("prestige_venues")
    if data.words.isdisjoint(venues):
        return None
    found = [token for token in data.tokens
             if token.text[:1].isupper() and token.lower_ in venues]
    if len(found) >= 2 or (found and _entry_marker(data) and (months is None or months <= 12)):
        return (found[0].idx, found[-1].idx + len(found[-1].text), "unrealistic.many_leaps",
                "publishing in the top journals is rare even over a whole career; several at "
                "once, or in the first year, is not a plan.",
                "aim for one strong paper in a good field journal, with a date.")
    return None


_FAST = re.compile(r"\bwithin\s+(an?|one|\d+|five|ten|fifteen|thirty|two|few)\s+(seconds?|minutes?|"
                   r"mins?|hours?|hrs?)\b|\bsame[- ]day\b|\bimmediately\b|"
                   r"\binstantly\b|\bfirst ring\b|\bwithout (a )?(single )?(mistake|error)s?\b")


_HAS_ALL = re.compile(r"\b(every|each|all)\b")


def _universal(data: CheckInput) -> int | None:
    """Where 'every/each/all' quantifies a noun ('every guest', 'all of my pupils'), if it does."""
    subjects = rubric_terms("absolute_subjects")
    tokens = data.tokens
    for token in tokens:
        if token.lower_ not in subjects:
            continue
        nxt = tokens[token.i + 1] if token.i + 1 < len(tokens) else token
        if (token.dep_ in ("det", "predet") and token.head.pos_ == "NOUN") or \
                (token.lower_ == "all" and nxt.lower_ == "of"):
            return token.idx
    return None


def _performance_absolute(data: CheckInput, lowered: str):
    """'answer every email within an hour, always': a standard with no room for a miss."""
    signals: list[tuple[int, int]] = []
    strong = ("forever", "every single", "first ring", "without fail", "each and every",
              "without exception", "100% of the time", "at all times")
    perf = _list_may_match("performance_absolutes", data)
    for match in _list_re("performance_absolutes").finditer(lowered) if perf else ():
        phrase = match.group(1)
        if not _negated_absolute(lowered, match.start()):
            signals.append(match.span())
            if phrase in strong:
                return (match.start(), match.end(), "unrealistic.absolute",
                        f"'{phrase}' is an absolute no one can keep.",
                        "aim for a high but human bar, e.g. '95%' or 'fewer than 2 a quarter'.")
    subjects = rubric_terms("absolute_subjects")
    said = not data.words.isdisjoint(subjects)  # the loops below look for one of these tokens
    for token in data.tokens if said and _HAS_ALL.search(lowered) else ():
        if token.lower_ in subjects and token.dep_ in ("det", "predet") \
                and token.head.pos_ == "NOUN" and token.head.dep_ in ("dobj", "pobj", "nsubjpass",
                                                                      "nsubj"):
            signals.append((token.idx, token.head.idx + len(token.head.text)))
            break
    top = _list_search("top_marks", data) if said else None
    everyone = _universal(data) if top else None
    if top and everyone is not None:  # 'every guest leaves a 5-star review', 'all of my pupils'
        return (min(top.start(), everyone), max(top.end(), data.bounds[1]),
                "unrealistic.absolute", "the top mark from every single person is an absolute.",
                "aim for a high but human bar, e.g. '90% of reviews at 5 stars'.")
    fast = _FAST.search(lowered) if signals else None  # a second signal, never the only one
    if fast:
        signals.append(fast.span())
    if len(signals) >= 2:
        start = min(begin for begin, _ in signals)
        return (start, data.bounds[1], "unrealistic.absolute",
                "it sets a standard for every single case with no room for a miss.",
                "aim for a high but human bar, e.g. '95% within an hour'.")
    return None
