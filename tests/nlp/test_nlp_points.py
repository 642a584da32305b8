"""``nlp.scoring.points`` rescoring a stored analysis gives the analyzer's own score."""

from __future__ import annotations

import pytest

import nlp
from nlp.scoring import points

GOALS = ["Improve my leadership skills.", "Become CTO within two years.",
         "Pass the AWS Solutions Architect exam by June 2027.", "Be more confident.",
         "I'll try to run 3 workshops this year, hopefully."]
ANSWER = ("Um, in five years I basically see myself as CTO, like, running the whole "
          "department. I guess right now I kind of want to learn data stuff, you know.")


@pytest.mark.parametrize("data", [*(nlp.analyze_goal(g).to_dict() for g in GOALS),
                                  nlp.analyze_answer(ANSWER).to_dict()])
def test_points_on_stored_json_match_the_analyzer(data):
    ok = [letter for letter, verdict in data["smart"].items() if verdict["ok"]]
    found = [(f["code"], f["severity"]) for f in data["findings"]]
    assert points(ok, found, len(data["text"].split())) == data["score"]
