"""Answer analysis, one parametrized table per finding code (answers written for these tests)."""

from __future__ import annotations

import pytest

import nlp

TODAY = "2026-07-15"
BAKERY_JD = (
    "Assistant Pastry Chef - Crumb & Co (Bristol). Crumb & Co is an artisan bakery with two "
    "shops and a wholesale round supplying cafes. You will prepare laminated doughs, "
    "viennoiserie and celebration cakes, run the morning bake, and keep HACCP records. "
    "Requirements: - Level 2 Food Hygiene certificate - Experience with laminated doughs and "
    "sourdough - Early starts (5am) - Allergen awareness. We offer a path to Pastry Chef."
)
BAKERY = {"target_role": "Assistant Pastry Chef", "job_description": BAKERY_JD, "today": TODAY}

GOOD = (
    "In my first year I want to get confident running the morning bake on my own and make the "
    "laminated doughs consistently, croissants and pains au chocolat that look the same every "
    "day. I'd also like to finish my Level 3 Food Hygiene certificate within six months and "
    "learn how you keep the HACCP records, since I've only done that informally before. I want "
    "to help with the celebration cakes too, starting with decorating and moving on to the "
    "sponge recipes. Longer term, I'd like to grow into the Pastry Chef role here and one day "
    "help design the seasonal viennoiserie for the wholesale round."
)
LONG_FIRST = (
    "In five years I'd like to be a head pastry chef who designs the menu for a bakery like "
    "Crumb & Co, with my own seasonal range of viennoiserie. That is the direction. To get "
    "there, my goals for the next year are practical: master laminated doughs and sourdough, "
    "run the morning bake on my own by the spring, and get my Level 3 Food Hygiene certificate. "
    "I also want to learn the allergen process properly and keep the HACCP records myself, "
    "because a bakery that supplies cafes cannot get those wrong, and I'd like to help the "
    "team with the celebration cakes at weekends."
)
ONLY_SHORT = (
    "My short-term goals are about this job. In my first month I want to learn the morning "
    "bake routine and the HACCP records. By the end of my first quarter I'd like to be making "
    "the laminated doughs for the croissants on my own, and within six months I want to take "
    "over the sourdough for the wholesale round. I also plan to finish the allergen awareness "
    "course in my first few weeks, and to help decorate the celebration cakes every Saturday, "
    "because that is where I can learn the most from the Pastry Chef."
)
ONLY_LONG = (
    "In five years I see myself as the pastry chef of a bakery like Crumb & Co, the person who "
    "decides what goes into the viennoiserie range each season. I'd like to be trusted with the "
    "celebration cakes for weddings, and to be teaching apprentices how to laminate doughs "
    "properly, because that is a skill that is disappearing. I would hope by then to have "
    "helped grow the wholesale round to more cafes, and to be known in Bristol for good "
    "sourdough. That is the kind of baker I want to become over the coming years, someone "
    "who is as careful with the allergen records as with the croissants, and who makes the "
    "shop a place people want to work in."
)
DETAILED_LONG = (
    "In my first year I want to run the morning bake on my own, master laminated doughs and "
    "get my Level 3 Food Hygiene certificate. Long term, my plan is exact. In 2028 I'll be "
    "Pastry Chef on 32,000 pounds, in 2030 Head Pastry Chef on 38,000 pounds with two "
    "assistants, in 2032 I'll open my own patisserie with a loan of 60,000 pounds, and by "
    "2035 I'll run three shops with fourteen staff and a turnover of 900,000 pounds."
)
IRRELEVANT = (
    "My main goal is to become a commercial diver. Over the next year I want to finish my "
    "open water and rescue diver courses, and I'm saving for the HSE SCUBA qualification, "
    "which takes five weeks at a dive school in Plymouth. After that I'd like to get work on "
    "offshore wind farms, inspecting turbine foundations and cables. In five years I want to "
    "be a surface supplied diver on North Sea projects, and maybe a dive supervisor one day. "
    "I'm applying for jobs with early finishes so I can train in the afternoons."
)
UNREALISTIC = (
    "My goals are big. In my first month I want to redesign your whole range. By the end of "
    "my first year I want to be running this bakery, and within two years I'd like to be the "
    "director of a chain of twenty shops across the country. I learn fast, so I don't think I "
    "need the usual years of experience. In the meantime I'll work every shift going, master "
    "laminated doughs and sourdough in a week, and make sure everyone knows what I deliver, "
    "because small steps are not for me."
)
VAGUE = (
    "In the short term I just want to grow and keep learning, and be the best version of "
    "myself every day. I'm passionate and I love a challenge, so I want to step out of my "
    "comfort zone and add value wherever I can. In the long run I'd like to be successful, "
    "make a real difference and be proud of what I've achieved, wherever life takes me. I "
    "believe good things happen when you work hard and stay positive."
)
FILLER = (
    "Um, so, I guess my goal is, like, to get good at the laminated doughs, you know? Like, "
    "I've done, um, kind of a lot of bread at home, but, uh, basically never croissants. So "
    "in my first year I'd, like, want to run the morning bake and, um, get my food hygiene "
    "certificate, I guess. And, uh, long term, I kind of want to be a pastry chef, you know, "
    "basically, like, here or somewhere like this. Um, yeah, that's basically it, I guess, "
    "like, for now, you know, in terms of the bakery stuff, um, and the cakes."
)
ONLY_LONG_SOON = (
    "Ultimately I want to be the pastry chef who runs the whole viennoiserie side of a bakery "
    "like this one. What I love about lamination is that it punishes shortcuts: the butter "
    "temperature, the folds, the proof. A few years from now I'd like to be the person who "
    "writes the recipes and trains the new bakers on them, and eventually I'd like to judge "
    "at a regional baking competition."
)
CAREER_CHANGE = (
    "My real goal is to become a tattoo artist. I've been drawing since I was a kid and this "
    "year I started an apprenticeship application with a studio in Bath, so my immediate goal "
    "is to build a portfolio of fifty flash designs by March and shadow an artist two evenings "
    "a week. In a few years I'd like my own chair and a waiting list of clients. I'm applying "
    "here because the early shifts leave my afternoons free for drawing and I need the income "
    "in the meantime."
)
PLATITUDES = (
    "Honestly, my goal for this year is just to get my foot in the door and keep moving up. "
    "I'm very motivated and a quick learner, so I want to learn as much as possible, push "
    "myself every day and give it my all. I want to be somewhere I feel valued, doing well "
    "and in a good place, wherever that takes me."
)
GRANDIOSE = (
    "In my first year I want to master the morning bake and get my Level 3 Food Hygiene "
    "certificate. After that I want to open a bakery bigger than this one, win every baking "
    "award in the country, and within ten years people will know my name the way they know "
    "the big TV bakers."
)
SHORT = "In my first year, I'd like to master laminated doughs. Long term, become a pastry chef."
RAMBLING = " ".join([GOOD, ONLY_SHORT.replace("My short-term goals are about this job. ", ""),
                     ONLY_LONG.replace("In five years I see", "Looking further ahead, I see")])


def analyze(text: str, **context):
    merged = {**BAKERY, **context}
    return nlp.analyze_answer(text, merged)


CASES = [
    # (id, text, codes that must appear, codes that must not)
    ("good", GOOD, set(), {"no_short_term", "no_long_term", "long_term_first",
                           "long_term_too_detailed", "irrelevant", "unrealistic", "vague",
                           "filler", "too_short", "too_long"}),
    ("long_first", LONG_FIRST, {"long_term_first"}, {"no_short_term", "no_long_term"}),
    ("only_short", ONLY_SHORT, {"no_long_term"}, {"no_short_term", "long_term_first"}),
    ("only_long", ONLY_LONG, {"no_short_term"}, {"no_long_term", "long_term_first"}),
    ("detailed", DETAILED_LONG, {"long_term_too_detailed"}, {"no_long_term", "irrelevant"}),
    ("irrelevant", IRRELEVANT, {"irrelevant"}, {"vague", "unrealistic"}),
    ("unrealistic", UNREALISTIC, {"unrealistic"}, {"irrelevant", "vague"}),
    ("vague", VAGUE, {"vague"}, {"irrelevant", "no_short_term", "no_long_term"}),
    ("filler", FILLER, {"filler"}, {"irrelevant", "vague"}),
    ("only_long_soon", ONLY_LONG_SOON, {"no_short_term"}, {"long_term_first", "no_long_term"}),
    ("career_change", CAREER_CHANGE, {"irrelevant"}, {"vague", "no_short_term"}),
    ("platitudes", PLATITUDES, {"vague"}, {"unrealistic"}),
    ("grandiose", GRANDIOSE, {"unrealistic"}, {"vague", "irrelevant"}),
    ("too_short", SHORT, {"too_short"}, {"too_long", "no_short_term", "no_long_term"}),
    ("too_long", RAMBLING, {"too_long"}, {"too_short"}),
]


@pytest.mark.parametrize(("text", "present", "absent"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_answer_codes(text, present, absent):
    codes = set(analyze(text).codes)
    assert present <= codes, codes
    assert not (absent & codes), codes


@pytest.mark.parametrize(("text", "code", "words"), [
    (LONG_FIRST, "long_term_first", "In five years"),
    (DETAILED_LONG, "long_term_too_detailed", "2028"),
    (UNREALISTIC, "unrealistic", "director"),
    (VAGUE, "vague", "grow"),
])
def test_findings_point_at_the_words(text, code, words):
    finding = next(f for f in analyze(text).findings if f.code == code)
    assert words in finding.text
    assert text[finding.start:finding.end] == finding.text
    assert finding.message and finding.suggestion


def test_irrelevant_needs_a_job():
    assert "irrelevant" not in nlp.analyze_answer(IRRELEVANT, {"today": TODAY}).codes


def test_filler_uses_only():
    clean = ("In my first year I'd like to learn the kind of pastry work a bakery like yours "
             "does, the sort of cakes people order for weddings. " * 4)
    assert "filler" not in analyze(clean).codes
    facts = analyze(clean).to_dict()["facts"]
    assert facts["filler_count"] == 0


def test_filler_rate_per_100_words():
    facts = analyze(FILLER).to_dict()["facts"]
    words = len(FILLER.split())
    assert facts["filler_count"] >= 20
    assert facts["filler_rate"] == round(100 * facts["filler_count"] / words, 1)
    findings = [f for f in analyze(FILLER).findings if f.code == "filler"]
    assert len(findings) == facts["filler_count"]
    assert all(f.text.lower() in {"um", "uh", "like", "you know", "kind of", "i guess",
                                  "basically"} for f in findings)


@pytest.mark.parametrize(("words", "seconds"), [(140, 60), (70, 30), (280, 120), (0, 0)])
def test_speaking_seconds(words, seconds):
    text = " ".join(["bake"] * words) or "."
    assert analyze(text).to_dict()["facts"]["speaking_seconds"] == seconds


def test_parts_and_top_words():
    data = analyze(GOOD).to_dict()
    facts = data["facts"]
    assert facts["short_term"] and facts["long_term"]
    for part in facts["short_term"] + facts["long_term"]:
        assert GOOD[part["start"]:part["end"]] == part["text"]
    assert facts["short_term"][0]["start"] < facts["long_term"][0]["start"]
    assert "Longer term" in facts["long_term"][0]["text"]
    words = [w["word"] for w in facts["top_words"]]
    assert "dough" in words or "laminated" in words
    assert not {"i", "the", "and", "to"} & set(words)
    assert data["kind"] == "answer"
    assert set(data["smart"]) == {"specific", "measurable", "achievable", "relevant", "time_bound"}


@pytest.mark.parametrize(("sentence", "aims"), [
    ("In five years I want to be an assistant pastry chef who runs the morning bake.", True),
    ("I'd like to become a great assistant pastry chef.", True),
    ("I'd be a solid assistant pastry chef here, but my heart is in tattooing.", False),
    ("I'd rather be honest than pretend I want to be an assistant pastry chef.", False),
])
def test_aiming_at_the_role(sentence, aims):
    from nlp.checks.answer_relevance import role_aim
    from nlp.job_terms import job_profile

    doc = nlp.get_pipeline()(sentence)
    profile = job_profile(BAKERY_JD, "Assistant Pastry Chef")
    assert (role_aim(doc, profile) is not None) is aims
