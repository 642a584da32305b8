"""Splitting text into highlighted runs."""

from coachapp.highlight import Segment, by_priority, segments


def f(start, end, code, message=""):
    return {"start": start, "end": end, "code": code, "message": message}


def test_no_findings_is_one_plain_run():
    assert segments("Hello", []) == [Segment("Hello")]


def test_single_finding():
    runs = segments("Improve my skills by June", [f(0, 17, "vague", "Too vague.")])
    assert runs == [Segment("Improve my skills", ("vague",), ("Too vague.",)),
                    Segment(" by June")]


def test_overlapping_findings_split_at_every_boundary():
    runs = segments("abcdef", [f(0, 4, "vague"), f(2, 6, "missing_metric")])
    assert [(r.text, r.codes) for r in runs] == [
        ("ab", ("vague",)), ("cd", ("vague", "missing_metric")), ("ef", ("missing_metric",))]


def test_word_problems_outrank_what_the_goal_lacks():
    runs = segments("Improve my skills", [f(0, 17, "missing_deadline"), f(0, 17, "vague")])
    assert runs[0].codes == ("vague", "missing_deadline")


def test_bad_offsets_are_ignored_and_text_is_kept_whole():
    text = "short"
    runs = segments(text, [f(3, 99, "vague"), f(-1, 2, "x"), {"code": "y"}, f(4, 4, "z")])
    assert "".join(r.text for r in runs) == text
    assert all(not r.codes for r in runs)


def test_runs_reassemble_unicode_text():
    text = "😀 e\u0301 \u202eRTL\u202c\x00 end"
    runs = segments(text, [f(2, 5, "vague"), f(5, 9, "filler")])
    assert "".join(r.text for r in runs) == text


def test_findings_read_word_problems_first():
    findings = [f(0, 5, "missing_deadline"), f(3, 5, "vague"), f(0, 2, "vague")]
    assert [(x["code"], x["start"]) for x in by_priority(findings)] == [
        ("vague", 0), ("vague", 3), ("missing_deadline", 0)]
