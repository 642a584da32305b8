"""Plan consistency, feedback report, trend chart and comparison as plain functions."""

from __future__ import annotations

import json

import pytest

from coachapp.interview.chart import trend_chart
from coachapp.interview.compare import compare_analyses
from coachapp.interview.consistency import (
    GOAL_CUES,
    PlanGoal,
    check_consistency,
    keywords,
    overlap,
)
from coachapp.interview.questions import QuestionBankError, _parse, all_questions, find_question
from coachapp.interview.report import build_report, job_terms, spans

PLAN = [
    PlanGoal(1, "Pass the AWS Certified Data Engineer exam by the end of Q2."),
    PlanGoal(2, "Become CTO within two years."),
    PlanGoal(3, "Mentor 2 junior developers this year."),
]


# Consistency ------------------------------------------------------------------


def test_keywords_are_lemmas_without_generic_words():
    words = keywords("I want to build data pipelines and improve my skills in 2027.")
    assert {"pipeline", "data", "build"} <= words
    assert not words & {"want", "improve", "skill", "i", "my"}


@pytest.mark.parametrize(
    ("goal", "words", "expected"),
    [
        ({"aws", "exam"}, {"aws", "exam", "pipeline"}, ("aws", "exam")),  # two shared words
        ({"cto"}, {"cto", "lead"}, ("cto",)),  # every key word of a one-word goal
        ({"aws", "exam", "pass"}, {"aws"}, ()),  # one of three is not enough
        (set(), {"aws"}, ()),
    ],
)
def test_overlap_rule(goal, words, expected):
    assert overlap(frozenset(goal), frozenset(words)) == expected


@pytest.mark.parametrize(
    ("sentence", "states_goal"),
    [
        ("I want to pass the AWS exam.", True),
        ("I would also like to open a bakery.", True),
        ("I’d love to lead a team.", True),
        ("My long-term goal is to lead a platform team.", True),
        ("In five years I see myself as a staff engineer.", True),
        ("I'll finish the course by June.", True),
        ("I am hoping to move into data.", True),
        ("Your team builds pipelines.", False),
        ("I like my current job.", False),
    ],
)
def test_goal_cues(sentence, states_goal):
    assert bool(GOAL_CUES.search(sentence)) is states_goal


def test_answer_reflecting_a_goal_names_it_with_the_shared_words():
    answer = "This year I want to pass the AWS data engineer certification and own pipelines."
    result = check_consistency(answer, PLAN)
    assert result.has_plan
    assert [m.goal_id for m in result.reflected] == [1]
    assert set(result.reflected[0].shared) >= {"aws", "data", "engineer", "pass"}
    assert [g.id for g in result.not_reflected] == [2, 3]
    assert result.unplanned == ()


def test_one_word_goal_is_reflected_when_named():
    result = check_consistency("In two years I want to be the CTO of a startup.", PLAN)
    assert [m.goal_id for m in result.reflected] == [2]


def test_stated_goal_missing_from_the_plan_is_flagged_with_its_offsets():
    answer = ("I want to pass the AWS data engineer exam. "
              "I would also like to open a bakery with my sister.")
    result = check_consistency(answer, PLAN)
    (unplanned,) = result.unplanned
    assert unplanned.reason == "not_in_plan"
    assert answer[unplanned.start:unplanned.end] == unplanned.text
    assert "bakery" in unplanned.text


def test_sentences_that_state_no_goal_are_not_flagged():
    answer = "Your team runs Kafka and Snowflake. I want to pass the AWS data engineer exam."
    assert check_consistency(answer, PLAN).unplanned == ()


def test_analyzer_spans_count_as_stated_goals():
    answer = "Next year: shipping a design system for the mobile app."
    assert check_consistency(answer, PLAN).unplanned == ()  # no goal phrase
    result = check_consistency(answer, PLAN, stated_spans=[(0, 10)])
    assert len(result.unplanned) == 1


def test_irrelevant_findings_mark_stated_goals_off_vision():
    answer = "I want to pass the AWS data engineer exam. I hope to become a famous chef."
    start = answer.index("I hope")
    findings = [{"code": "irrelevant", "start": start + 2, "end": len(answer)}]
    result = check_consistency(answer, PLAN, findings)
    assert [s.reason for s in result.off_vision] == ["irrelevant"]
    assert "chef" in result.off_vision[0].text
    assert result.unplanned == ()  # reported once, as off vision


def test_without_goals_nothing_is_unplanned():
    result = check_consistency("I would like to open a bakery.", [])
    assert not result.has_plan and result.reflected == () and result.unplanned == ()


def test_empty_answer():
    result = check_consistency("  ", PLAN)
    assert result.reflected == () and len(result.not_reflected) == 3


def test_injected_parser_keeps_the_function_plain():
    from coachapp.interview.consistency import Sentence

    def parse(text):
        return [Sentence(text, 0, len(text), frozenset(text.lower().rstrip(".").split()))]

    result = check_consistency("I want sql airflow.", [PlanGoal(7, "sql airflow")], parse=parse)
    assert result.reflected[0].shared == ("airflow", "sql")


# The question bank ------------------------------------------------------------


def test_question_bank_has_the_career_goals_family():
    ids = {q.id for q in all_questions()}
    assert {"career_goals", "five_years", "short_term_goals", "long_term_goals",
            "why_this_job", "role_fit"} <= ids
    assert find_question("career_goals").expects == ("short_term", "long_term", "job_link")
    assert find_question("nope") is None


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["questions"].append(dict(d["questions"][0])),  # repeated id
        lambda d: d["questions"][0].update(expects=["mid_term"]),
        lambda d: d["questions"][0].pop("tip"),
        lambda d: d.update(questions=[]),
        lambda d: d["parts"].pop("job_link"),
    ],
)
def test_malformed_question_bank_is_refused(change):
    from importlib import resources

    data = json.loads(resources.files("coachapp.interview").joinpath(
        "data/questions.json").read_text("utf-8"))
    change(data)
    with pytest.raises(QuestionBankError):
        _parse(data)


# The report ---------------------------------------------------------------------


def _analysis(findings=(), facts=None, text="I want to learn SQL. " * 10, score=50):
    return {"kind": "answer", "text": text, "score": score, "smart": {},
            "findings": list(findings), "facts": facts or {}}


def test_today_analyzer_without_structure_facts_gives_unknown_not_ok():
    report = build_report(_analysis(), find_question("career_goals"), None, True)
    states = {c.key: c.state for c in report.checklist}
    assert states["short_term"] == states["long_term"] == states["order"] == "unknown"
    assert report.job_terms.available is False


def test_structure_findings_drive_the_checklist():
    findings = [{"code": "no_long_term", "start": 0, "end": 5, "text": "x", "message": "m",
                 "suggestion": "Add one sentence on where this leads."}]
    facts = {"short_term": [{"text": "I want to learn SQL.", "start": 0, "end": 20}]}
    report = build_report(_analysis(findings, facts), find_question("career_goals"), None, True)
    states = {c.key: c.state for c in report.checklist}
    assert states == {"short_term": "ok", "long_term": "missing", "order": "ok",
                      "brief": "ok", "job_link": "ok"}
    assert report.checklist[0].quotes == ("I want to learn SQL.",)
    assert "Add one sentence on where this leads." in report.next_steps


@pytest.mark.parametrize("code", ["vague_short_term", "vague"])
def test_a_vague_near_term_part_is_not_a_practical_first_step(code):
    findings = [{"code": code, "start": 0, "end": 20, "text": "x", "message": "m",
                 "suggestion": "Name one thing you will deliver."}]
    facts = {"short_term": [{"text": "I want to grow.", "start": 0, "end": 15}],
             "long_term": [{"text": "Later, lead a team.", "start": 16, "end": 35}]}
    report = build_report(_analysis(findings, facts), find_question("career_goals"), None, True)
    first = report.checklist[0]
    assert (first.key, first.state) == ("short_term", "missing")
    assert "no concrete step" in first.detail


def test_question_expectations_filter_findings():
    findings = [{"code": "no_short_term", "start": 0, "end": 1}]
    report = build_report(_analysis(findings), find_question("long_term_goals"), None, True)
    assert report.findings == []
    assert [c.key for c in report.checklist] == ["long_term", "brief", "job_link"]


def test_job_terms_missing_requirements_become_a_next_step():
    facts = {"job_terms": {"used": [], "missing": [{"term": "Airflow", "requirement": True},
                                                   {"term": "dbt", "requirement": False}]}}
    report = build_report(_analysis(facts=facts), find_question("career_goals"), None, True)
    job_link = next(c for c in report.checklist if c.key == "job_link")
    assert job_link.state == "missing"
    assert report.job_terms.coverage == (0, 2)  # an analysis from before 'total' existed
    assert any("Airflow" in step for step in report.next_steps)


def test_coverage_counts_every_key_term_not_only_the_listed_missing_ones():
    facts = {"job_terms": {"used": [], "missing": [{"term": "Airflow", "requirement": True}],
                           "total": 9}}
    report = build_report(_analysis(facts=facts), find_question("career_goals"), None, True)
    assert report.job_terms.coverage == (0, 9)


def test_job_link_unknown_without_a_description():
    report = build_report(_analysis(), find_question("why_this_job"), None, False)
    assert next(c for c in report.checklist if c.key == "job_link").state == "unknown"


def test_length_filler_and_speaking_time():
    findings = [{"code": "filler", "text": w, "start": 0, "end": 1} for w in ["Um", "um", "like"]]
    report = build_report(_analysis(findings, text="um " * 20), find_question("career_goals"),
                          None, True)
    assert report.length.words == 20 and report.length.estimated_seconds == 9
    assert report.length.verdict == "short"
    assert report.filler.count == 3 and report.filler.per_100_words == 15.0
    assert report.filler.top[0] == ("um", 2)
    timed = build_report(_analysis(facts={"speaking_seconds": 61.4}),
                         find_question("career_goals"), 130, True)
    assert timed.length.estimated_seconds == 61 and timed.length.verdict == "long"


@pytest.mark.parametrize("value", [None, "junk", 3, [1, "x"], {"start": 0}])
def test_malformed_facts_are_skipped(value):
    assert spans(value) == []
    facts = {"job_terms": value, "short_term": value, "top_words": value,
             "speaking_seconds": value}
    report = build_report(_analysis(facts=facts), find_question("career_goals"), None, True)
    assert report.length.words == 50


def test_job_terms_are_deduplicated():
    facts = {"job_terms": {"used": [{"term": "SQL"}, {"term": "SQL"}, {"x": 1}], "missing": []}}
    assert job_terms({"facts": facts}).used == ("SQL",)


# Chart and comparison -----------------------------------------------------------


def test_trend_chart_geometry():
    chart = trend_chart([("#1", 0), ("#2", None), ("#3", 100), ("#4", 50)])
    assert [p.label for p in chart.points] == ["#1", "#3", "#4"]
    first, top, middle = chart.points
    assert first.x == chart.left and middle.x == chart.right
    assert first.y == chart.bottom and top.y == chart.top
    assert middle.y == pytest.approx((chart.top + chart.bottom) / 2)
    assert chart.polyline.count(",") == 3


def test_trend_chart_single_point_is_centred_and_empty_is_empty():
    (point,) = trend_chart([("#1", 70)]).points
    assert point.x == pytest.approx((trend_chart([]).left + trend_chart([]).right) / 2)
    assert trend_chart([("#1", None)]).points == ()


def test_comparison_resolved_new_and_counts():
    before = _analysis([{"code": "filler"}] * 3 + [{"code": "long_term_first"},
                                                   {"code": "vague"}], score=40)
    after = _analysis([{"code": "filler"}, {"code": "too_long"}, {"code": "vague"}], score=65)
    change = compare_analyses(before, after)
    assert change.score_change == 25
    assert [c.code for c in change.resolved] == ["long_term_first"]
    assert [c.code for c in change.new] == ["too_long"]
    assert [(c.code, c.before, c.after) for c in change.fewer] == [("filler", 3, 1)]
    assert [c.code for c in change.kept] == ["vague"]


def test_comparison_with_a_missing_analysis():
    change = compare_analyses(None, _analysis(score=70))
    assert change.score_change is None and change.resolved == ()


def test_a_timed_answer_overrides_the_length_estimate():
    findings = [{"code": "too_short", "start": 0, "end": 10, "message": "short"}]
    untimed = build_report(_analysis(findings), find_question("career_goals"), None, True)
    timed = build_report(_analysis(findings), find_question("career_goals"), 60, True)
    assert [f["code"] for f in untimed.findings] == ["too_short"]
    assert timed.findings == [] and timed.length.verdict == "ok"


def test_fillers_are_listed_once_but_each_stays_highlighted():
    text = "Um, I want to, like, learn SQL, you know. " * 3
    fillers = [{"code": "filler", "start": m, "end": m + len(w), "text": w, "message": "m",
                "suggestion": "Leave it out, or pause instead.", "severity": "info"}
               for w in ("Um", "like", "you know") for m in [text.index(w)]]
    other = {"code": "long_term_first", "start": 0, "end": 10, "text": text[:10],
             "message": "You open with the long run.", "severity": "warning"}
    report = build_report(_analysis([*fillers, other], text=text), find_question("career_goals"),
                          None, True)
    listed = report.listed
    assert [f["code"] for f in listed] == ["long_term_first", "filler"]
    assert listed[1]["text"] == "Um · like · you know"
    assert listed[1]["message"].startswith("3 fillers or hedges")
    assert len([f for f in report.highlights if f["code"] == "filler"]) == 3


def test_structure_problems_are_read_before_fillers():
    from coachapp.highlight import by_priority

    findings = [{"code": c, "start": 0} for c in ("filler", "too_short", "long_term_first",
                                                  "vague_short_term", "unrealistic")]
    assert [f["code"] for f in by_priority(findings)] == [
        "unrealistic", "long_term_first", "vague_short_term", "filler", "too_short"]
