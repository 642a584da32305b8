"""Rules generalised to the rubric's meaning: one table per rule, sentences of our own."""

from __future__ import annotations

import json

import pytest

import nlp
from nlp import resources


def codes(analysis) -> set[str]:
    return {f.code for f in analysis.findings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kind of person, not a title
        ("Be a more patient colleague to the new starters.", True),
        ("I'd like to be a kinder, more supportive presence on the ward.", True),
        ("To be a more decisive leader.", True),
        ("Become the sort of supervisor who listens first.", True),
        ("Be the plumber customers recommend to their friends.", True),
        ("Be someone the juniors can rely on.", True),
        # feelings, and behaviour with no endpoint
        ("Genuinely enjoy my Monday mornings again.", True),
        ("Keep growing as a coder.", True),
        ("Stay on top of things and out of trouble.", True),
        ("Continue to learn about the business.", True),
        ("Speak calmly.", True),
        # titles and outcomes others grant are not habits
        ("Be a senior engineer by 2028.", False),
        ("Become a charge nurse.", False),
        ("Be the team lead for the payments squad.", False),
        ("Become more visible to the leadership team.", False),
        ("Become a full-stack developer by June.", False),
        ("Stay on budget for the kitchen refit.", False),
        ("Keep response times under 4 hours.", False),
        ("Stay in my current role until I finish my MBA in 2027.", False),
        ("Remain on the nursing register.", False),
        ("Continue to build the data platform with the team.", False),
        ("Become a problem solver.", True),
        ("Become someone who follows through on promises.", True),
        ("Show more patience with new starters.", True),
        ("I want to handle complaints with patience.", True),
        ("Explain things more clearly to parents.", True),
        ("Grow into a more assured presenter.", True),
        ("Keep a cool head on busy shifts.", True),
        ("Work closely with the data team on the Q3 launch.", False),
    ],
)
def test_habit_generalised(analyze, text, expected):
    assert ("habit" in codes(analyze(text))) is expected


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        # magnitude by ratio against the time frame
        ("Grow the podcast audience from 300 to 3,000 listeners by September.", {}, True),
        ("Lift our CSAT from 40 to 92 by next month.", {}, True),
        ("Sell half a million tickets in launch week.", {}, True),
        ("Triple the number of volunteers by the end of August.", {}, True),
        # absolutes on a performance target
        ("Pick up every call on the first ring.", {}, True),
        ("Reply to each patient query within ten minutes, always.", {}, True),
        # top or senior titles, fast, from an entry-level start, in any field
        ("Be made chief superintendent by next spring.", {}, True),
        ("Become a head of department in my first year as a teacher.", {}, True),
        ("Reach partner within three months of joining the firm as a trainee.", {}, True),
        ("Get a job as a director by Christmas.", {"current_role": "Graduate Analyst"}, True),
        ("Earn £95k next year as a newly qualified paramedic.", {}, True),
        ("Sit all 12 of my accountancy exams by October.", {}, True),
        ("Publish in Nature and Cell before the end of the year.", {}, True),
        # a business built from nothing to a large size, fast
        ("Go from trainee to running my own electrical firm with 15 vans by next year.", {},
         True),
        ("Have a chain of 40 coffee shops within three years of opening the first.", {}, True),
        # ambitious but plausible, or big numbers without a time argument
        ("Open my own salon with 2 staff by 2028.", {}, False),
        ("Grow my agency to 12 staff over the next five years.", {}, False),
        ("Proofread 3,000 words a day for the magazine.", {}, False),
        ("Finish my 80,000-word thesis by December.", {}, False),
        ("Increase retention from 80% to 88% by next summer.", {}, False),
        ("Become a senior nurse by 2029.", {}, False),
        ("Become head of department within five years.", {}, False),
        ("Attend every team meeting this quarter.", {}, False),
        ("Grow from 2 to 4 direct reports by June.", {}, False),
    ],
)
def test_unrealistic_generalised(analyze, text, context, expected):
    assert ("unrealistic" in codes(analyze(text, **context))) is expected


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("Gain my FA Level 1 football coaching badge by May.",
         {"target_role": "Product Manager"}, True),
        ("Pass the WSET Level 2 wine exam in the spring.", {"target_role": "Radiographer"}, True),
        ("Sell six oil paintings at the village art fair.",
         {"target_role": "Quantity Surveyor"}, True),
        ("Finish the first draft of my fantasy novel by June.",
         {"target_role": "Cloud Engineer"}, True),
        ("Get my private pilot licence next year.", {"target_role": "Solicitor"}, True),
        # field-specific credentials and roles of the target's own field
        ("Pass the CompTIA Security+ exam by March.", {"target_role": "SOC Analyst"}, False),
        ("Complete the practice educator course by June.",
         {"target_role": "Children's Services Team Manager"}, False),
        ("Become lead designer at an indie games studio.", {"target_role": "Game Developer"},
         False),
        ("Be a steadier presence in theatre during emergencies.",
         {"target_role": "Anaesthetist"}, False),
        # unknown domain: nothing to judge
        ("Complete the Blue Harbour onboarding pathway by May.",
         {"target_role": "Marine Biologist"}, False),
        ("Improve my presentation skills.", {"target_role": "Electrician"}, False),
        ("Be calmer with the children at home time.",
         {"target_role": "Nursery Practitioner", "vision": "Lead an early years room."}, False),
        ("Run three fire drills a term at my school.", {"target_role": "Deputy Head"}, False),
        ("Cut ticket backlog to under 50 by June.",
         {"target_role": "Customer Support Team Lead", "current_role": "Support Agent"}, False),
    ],
)
def test_irrelevant_by_domain(analyze, text, context, expected):
    assert ("irrelevant" in codes(analyze(text, **context))) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Qualify as a Gas Safe engineer by October.",
        "Become a registered dietitian.",
        "Get my residence permit approved.",
        "Move to the platform team in the new year.",
        "Introduce a falls checklist on the ward.",
        "Migrate the payroll system to Workday by Q2.",
        "Sit my SQE1 in January.",
        "Gain my ILM Level 3 in Leadership.",
        "Hire half of the night shift from the local college.",
        "Become a consultant radiologist by 2031.",
        "Get better at Tableau by publishing 2 dashboards a month.",
    ],
)
def test_named_completions_are_metrics(analyze, text):
    result = analyze(text)
    assert "missing_metric" not in codes(result)
    assert "vague" not in codes(result)


@pytest.mark.parametrize(
    "text",
    [
        "Work towards a promotion.",
        "Broaden my horizons this year.",
        "Step up and take more ownership.",
        "Work on being more strategic.",
        "Level up my spreadsheet game.",
        "Get good at Tableau.",
        "Become better with PowerPoint.",
        "Make a name for myself in fintech.",
    ],
)
def test_vague_improvement_forms(analyze, text):
    assert "vague" in codes(analyze(text))


def test_rubric_term_lists_load_and_validate(monkeypatch):
    assert "newly qualified" in resources.rubric_terms("entry_markers")
    assert "chief constable" in resources.rubric_terms("apex_titles")
    with pytest.raises(nlp.ResourceError):
        resources.rubric_terms("no_such_list")
    groups = {group for group, _ in resources.fields().values()}
    assert groups == {"hobbies", "professions"}
    resources._rubric_terms.cache_clear()
    monkeypatch.setattr(resources, "load_json",
                        lambda name: {"apex_titles": []} if name == "rubric_terms.json"
                        else json.loads("{}"))
    with pytest.raises(nlp.ResourceError):
        resources._rubric_terms()
    monkeypatch.undo()
    resources._rubric_terms.cache_clear()
    assert resources.rubric_terms("entry_markers")
    canon = resources.domain_canon()
    assert canon["family:nursing"] == canon["health"] == "health"
