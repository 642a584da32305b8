"""The rule matcher finds exactly what spaCy's Matcher finds with the patterns as written."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.matcher import Matcher

from nlp.pipeline import SPAN_KEY
from nlp.resources import pattern_rules
from nlp.rule_matcher import FIRST_FREE_FLAG, LAST_FLAG, Rule, RuleMatcher

try:
    from .labelled import HERE
except ImportError:  # tests/nlp is not a package: pytest put it on sys.path
    from labelled import HERE

TRICKY = [
    "By Q3 2027 I will cut churn from 12% to 9% and close $50K in new revenue.",
    "Since 2019 I have worked 24/7 on Windows 11 and Python 3.12; FY26 ends in March.",
    "Twice-weekly 1:1s, every other Monday, in the next 6-8 weeks, by EOQ, H2 '27.",
    "ＢＹ ＪＵＮＥ 2027 🚀 — within a couple of months, by the end of the 3rd quarter.",
    "I WANT TO DOUBLE MY SALARY BY MARCH 15TH, 2027 OR IN 2 YEARS' TIME.",
]


def _texts() -> list[str]:
    texts = list(TRICKY)
    for name in ("goals_labelled.jsonl", "answers_labelled.jsonl"):
        with open(HERE / "data" / name, encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts


@pytest.fixture(scope="module")
def plain_matcher(pipeline):
    matcher = Matcher(pipeline.vocab, validate=True)
    for rule in pattern_rules():
        matcher.add(f"{rule.label}|{rule.id}", [rule.pattern])
    return matcher


def test_compiled_rules_match_exactly_what_the_written_ones_match(pipeline, plain_matcher):
    strings = pipeline.vocab.strings
    for doc in pipeline.pipe(_texts()):
        expected = sorted((strings[k], s, e) for k, s, e in set(plain_matcher(doc)))
        found = sorted((f"{span.label_}|{span.id_}", span.start, span.end)
                       for span in doc.spans[SPAN_KEY])
        assert found == expected, doc.text


def _hits(matcher, doc):
    return sorted((h.key, h.start, h.end) for h in matcher(doc))


def _plain(vocab, rules):
    matcher = Matcher(vocab, validate=True)
    for rule in rules:
        matcher.add(rule.key, [list(rule.pattern)])
    return lambda doc: sorted((vocab.strings[k], s, e) for k, s, e in set(matcher(doc)))


def test_word_lists_share_flags_when_bits_run_out_and_matches_stay_exact():
    language = spacy.blank("en")
    rules = [Rule(f"r{i}", [{"LOWER": {"IN": ["by", "before", f"w{i}"]}},
                            {"LOWER": {"IN": ["june", "july"]}}]) for i in range(60)]
    rules += [Rule(f"o{i}", [{"LOWER": {"IN": ["early", "mid", "late", "end", f"x{i}"]},
                              "OP": "?"}, {"LOWER": {"IN": ["june", "july", "may"]}}])
              for i in range(10)]
    rules.append(Rule("regex", [{"TEXT": {"REGEX": "^Q[1-4]$"}, "OP": "?"},
                                {"LOWER": {"IN": ["end", "start"]}}]))
    rules.append(Rule("word", [{"TEXT": {"REGEX": "^\\d+%$"}}]))
    matcher = RuleMatcher(language.vocab, rules)
    bits = set(matcher.flags.values())
    assert len(bits) == LAST_FLAG - FIRST_FREE_FLAG + 1  # every free bit, some shared
    assert matcher._first_word and matcher._exact  # rules on shared bits are checked
    plain = _plain(language.vocab, rules)
    for text in ("by june w3 july w59 june before july", "Q3 end w7 start by w1 july 50%",
                 "early june x3 july mid x9 may late end july x1 x2 june",
                 "BY JUNE, W12 July; before, July", ""):
        doc = language(text)
        assert _hits(matcher, doc) == plain(doc), text


def test_word_rules_are_looked_up_per_word_and_flags_are_the_written_tests():
    vocab = spacy.blank("en").vocab
    rules = [Rule("pct", [{"TEXT": {"REGEX": "^\\d+%$"}}]),
             Rule("num", [{"LIKE_NUM": True, "LOWER": {"IN": ["ten", "10"]}}]),
             Rule("seq", [{"LOWER": {"IN": ["by", "june"]}}, {"TEXT": {"REGEX": "^[Qq][1-4]$"}},
                          {"LOWER": {"REGEX": "^fy\\d\\d$"}}])]
    matcher = RuleMatcher(vocab, rules)
    assert [key for key, _ in matcher._word_rules] == ["pct", "num"]
    tests = {bit: key for key, bit in matcher.flags.items()}
    expected = {
        "By": (True, False, False), "JUNE": (True, False, False), "Q3": (False, True, False),
        "q5": (False, False, False), "FY26": (False, False, True), "ünïcödé": (False,) * 3,
    }
    for word, flags in expected.items():
        lexeme = vocab[word]
        assert tuple(lexeme.check_flag(bit) for bit in sorted(tests)) == flags, word


def test_a_rule_runs_when_its_required_words_are_there_whatever_its_optional_ones():
    language = spacy.blank("en")
    rules = [
        Rule("opt", [{"LOWER": "early", "OP": "?"}, {"LOWER": {"IN": ["june", "july"]}}]),
        Rule("star", [{"LOWER": "by"}, {"LOWER": {"IN": ["the", "end"]}, "OP": "*"},
                      {"LOWER": "of", "OP": "+"}, {"LIKE_NUM": True}]),
        Rule("not", [{"LOWER": "in"}, {"LOWER": "never", "OP": "!"}, {"IS_DIGIT": True}]),
        Rule("any", [{"LOWER": "x", "OP": "?"}, {}, {"TEXT": {"REGEX": "^Q[1-4]$"}}]),
        Rule("neg", [{"LOWER": "no", "OP": "!"}, {"LOWER": "june"}]),
        Rule("count", [{"LOWER": "by"}, {"LOWER": "the", "OP": "{1,2}"}, {"LOWER": "end"}]),
        Rule("far", [{"LOWER": "early", "OP": "?"}, {"LOWER": "of", "OP": "?"},
                     {"LOWER": "june"}, {"IS_DIGIT": True, "OP": "?"}]),
    ]
    matcher = RuleMatcher(language.vocab, rules)
    plain = _plain(language.vocab, rules)
    for text in ("june", "early july", "by of 3", "by the end of of 10", "by the end 10",
                 "in 2027", "in never 2027", "x y Q3", "y Q3", "Q3", "", "JUNE by OF 7 in 5 y Q4",
                 "a b by the the end c by end d by the end", "no june, june no june",
                 "early early june x early", "by the the the end by",
                 "early of june 5 " + "word " * 30 + "june 7 early june of early june",
                 "june june june", "x " * 20 + "of june"):
        doc = language(text)
        assert _hits(matcher, doc) == plain(doc), text
