"""The command line, called through main() with in-memory streams."""

from __future__ import annotations

import io
import json

from nlp.cli import main


def run(argv, stdin=""):
    out, err = io.StringIO(), io.StringIO()
    status = main(argv, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_analyze_readable_shows_smart_letters():
    status, out, _ = run(["analyze", "--today", "2026-07-15", "Improve my leadership skills."])
    assert status == 0
    assert "S ✗" in out and "M ✗" in out and "T ✗" in out and "A ✓" in out
    assert "Suggestion:" in out
    assert '"Improve my leadership skills"' in out


def test_analyze_json_with_context(tmp_path):
    job = tmp_path / "job.txt"
    job.write_text("Ward Manager for a busy surgical ward.", encoding="utf-8")
    status, out, _ = run(["analyze", "--json", "--role", "Ward Manager", "--job-file", str(job),
                          "--today", "2026-07-15", "Pass my Grade 5 piano exam next summer."])
    assert status == 0
    data = json.loads(out)
    assert "irrelevant" in {f["code"] for f in data["findings"]}


def test_analyze_bad_date_is_an_error():
    status, _, err = run(["analyze", "--today", "someday", "Learn SQL"])
    assert status == 2
    assert "today" in err


def test_batch_keeps_order_and_survives_bad_lines():
    lines = [
        {"id": 1, "kind": "goal", "text": "Be more confident"},
        "not json",
        {"id": 3, "kind": "plan", "goals": ["Learn SQL by June.", "Run 2 workshops by May."]},
        {"id": 4, "kind": "answer", "text": "I want to grow."},
        {"id": 5, "kind": "goal", "text": 7},
        {"id": 6, "kind": "goal", "text": "x" * 6000},
        {"id": 7, "kind": "goal", "text": "Earn the PMP by June.",
         "context": {"today": "2026-07-15"}},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    status, out, err = run(["batch"], stdin)
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") for r in rows] == [1, None, 3, 4, 5, 6, 7]
    assert "error" in rows[1] and "error" in rows[4] and "error" in rows[5]
    assert rows[0]["kind"] == "goal" and rows[2]["kind"] == "plan"
    assert err == ""  # no progress bar when stderr is not a terminal
