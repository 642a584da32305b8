"""The flag-compiled Matcher finds exactly what the patterns as written find."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.matcher import Matcher

from nlp.pattern_flags import FIRST_FREE_FLAG, LAST_FLAG, FlagCompiler
from nlp.pipeline import SPAN_KEY
from nlp.resources import pattern_rules

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


def test_flags_go_to_the_tests_made_at_every_token_first():
    vocab = spacy.blank("en").vocab
    patterns = [[{"LOWER": {"IN": [f"w{i}"]}}, {"TEXT": {"REGEX": f"^x{i}$"}}]
                for i in range(40)]
    compiler = FlagCompiler(vocab, patterns)
    assert len(compiler.flags) == LAST_FLAG - FIRST_FREE_FLAG + 1
    compiled = [compiler.compile(p) for p in patterns]
    assert all(next(iter(p[0])).startswith("FLAG") for p in compiled)  # every first test
    assert sum(next(iter(p[1])).startswith("FLAG") for p in compiled) == 5  # the rest


def test_a_flag_is_the_written_test_on_every_word():
    vocab = spacy.blank("en").vocab
    patterns = [[{"LOWER": {"IN": ["by", "june"]}}, {"TEXT": {"REGEX": "^[Qq][1-4]$"}},
                 {"LOWER": {"REGEX": "^fy\\d\\d$"}}]]
    compiler = FlagCompiler(vocab, patterns)
    tests = {bit: key for key, bit in compiler.flags.items()}
    expected = {
        "By": (True, False, False), "JUNE": (True, False, False), "Q3": (False, True, False),
        "q5": (False, False, False), "FY26": (False, False, True), "ünïcödé": (False,) * 3,
    }
    for word, flags in expected.items():
        lexeme = vocab[word]
        assert tuple(lexeme.check_flag(bit) for bit in sorted(tests)) == flags, word
