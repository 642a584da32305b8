"""One table per check: text, whether the code is expected, and the flagged words."""

from __future__ import annotations

import pytest


def codes(analysis) -> set[str]:
    return {f.code for f in analysis.findings}


@pytest.mark.parametrize(
    ("text", "expected", "words"),
    [
        ("Improve my leadership skills.", True, "Improve my leadership skills"),
        ("Get my dream job.", True, None),
        ("network more", True, None),
        ("Grow my career in marketing.", True, None),
        ("Be better at communication.", True, None),
        ("Develop professionally over the next year.", True, None),
        ("Sell more.", True, None),
        ("Become a better manager.", True, None),
        ("Improve my english", True, None),
        ("Pass the AWS Solutions Architect exam by March 2027.", False, None),
        ("Mentor junior developers on my team.", False, None),
        ("Get promoted to Senior Manager.", False, None),
        ("Launch the team blog.", False, None),
        ("Not just improve my skills but pass the CFA Level I exam in June.", False, None),
        ("Improve my leadership skills by mentoring 2 new hires this quarter.", False, None),
    ],
)
def test_vague(analyze, text, expected, words):
    result = analyze(text)
    assert ("vague" in codes(result)) is expected
    if words:
        finding = next(f for f in result.findings if f.code == "vague")
        assert finding.text == words
        assert text[finding.start:finding.end] == words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Be more confident.", True),
        ("Be a team player.", True),
        ("Stop procrastinating.", True),
        ("Be happier at work.", True),
        ("Stay motivated at work.", True),
        ("I need to read more.", True),
        ("Worry less about what my boss thinks.", True),
        ("Speak up at least once in each weekly team meeting.", False),
        ("Be more confident by presenting at 3 team meetings a month.", False),
        ("Become fluent in Spanish by 2028.", False),
        ("Become a senior software engineer within 18 months.", False),
    ],
)
def test_habit(analyze, text, expected):
    result = analyze(text)
    assert ("habit" in codes(result)) is expected
    for finding in result.findings:
        if finding.code == "habit":
            assert finding.suggestion
            assert any(ch.isdigit() for ch in finding.suggestion)


@pytest.mark.parametrize(
    ("text", "metric", "deadline"),
    [
        ("Improve my leadership skills.", True, True),
        ("Publish two blog posts a month about UX research.", False, False),
        ("Launch the team blog.", False, True),
        ("Someday I'd like to open my own restaurant.", False, True),
        ("Increase my monthly sales from £40k to £48k by the end of Q2.", False, False),
        ("Mentor junior developers on my team.", True, True),
        ("Get promoted to Senior Manager by my next review.", False, False),
        ("Learn Python 3 eventually.", True, True),
    ],
)
def test_missing_metric_and_deadline(analyze, text, metric, deadline):
    found = codes(analyze(text))
    assert ("missing_metric" in found) is metric
    assert ("missing_deadline" in found) is deadline


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("Double my salary in the next six months.", {}, True),
        ("Close 100% of the deals in my pipeline this quarter.", {}, True),
        ("Make zero medication errors on my ward in 2027.", {}, True),
        ("I want to be the best graphic designer in the world.", {}, True),
        ("Get promoted twice in the next 12 months.", {}, True),
        ("Become CEO within two years.", {}, True),
        ("Increase our shop's revenue tenfold in one month.", {}, True),
        ("Get promoted to Finance Director this year.",
         {"current_role": "Finance Analyst", "months_in_role": 6}, True),
        ("Double my freelance day rate over the next three years.", {}, False),
        ("Increase my personal sales by 25% next year.", {}, False),
        ("Get promoted to Team Lead within two years.", {}, False),
        ("Get promoted to Sales Manager by Q3 2027.",
         {"current_role": "Senior Account Executive", "months_in_role": 40}, False),
    ],
)
def test_unrealistic(analyze, text, context, expected):
    result = analyze(text, **context)
    assert ("unrealistic" in codes(result)) is expected
    for finding in result.findings:
        if finding.code == "unrealistic":
            assert finding.message and finding.suggestion


WARD = {"vision": "In five years I want to lead a hospital ward as a ward manager.",
        "target_role": "Ward Manager"}
DATA = {"target_role": "Data Engineer",
        "vision": "Build and run the data platform for a mid-sized retailer."}


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("Pass my Grade 5 piano exam next summer.", WARD, True),
        ("Bake a sourdough loaf every weekend.", DATA, True),
        ("Complete the NHS leadership course by June.", WARD, False),
        ("Improve my communication with clients.", DATA, False),
        ("Get the Google Professional Data Engineer certification by June.", DATA, False),
        ("Take charge of the ward for two shifts a week by spring.", WARD, False),
        ("Pass my Grade 5 piano exam next summer.", {}, False),  # no context: never flagged
    ],
)
def test_irrelevant(analyze, text, context, expected):
    assert ("irrelevant" in codes(analyze(text, **context))) is expected
