"""Command line: ``python -m nlp analyze ...`` and ``python -m nlp batch``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from .analyzer import analyze_answer, analyze_goal, analyze_texts
from .context import Context
from .errors import AnalyzerError
from .plan import analyze_plan
from .result import SMART_LETTERS, Analysis, PlanAnalysis

LETTERS = {"specific": "S", "measurable": "M", "achievable": "A", "relevant": "R",
           "time_bound": "T"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m nlp",
                                     description="SMART analysis of career goals.")
    sub = parser.add_subparsers(dest="command", required=True)
    analyze = sub.add_parser("analyze", help="analyse one goal or answer")
    analyze.add_argument("text", nargs="+", help="the goal or answer text")
    analyze.add_argument("--kind", choices=("goal", "answer"), default="goal")
    analyze.add_argument("--role", help="target role")
    analyze.add_argument("--vision", help="five-year vision")
    analyze.add_argument("--current-role", help="current role")
    analyze.add_argument("--months-in-role", type=int, help="months in the current role")
    analyze.add_argument("--job-file", type=Path, help="file holding a job description")
    analyze.add_argument("--today", help="reference date YYYY-MM-DD (default: today)")
    analyze.add_argument("--json", action="store_true", help="print the JSON analysis")
    sub.add_parser("batch", help="JSONL on stdin, one JSON analysis per line on stdout")
    return parser


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Entry point; returns the exit status."""
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    args = _parser().parse_args(argv)
    try:
        if args.command == "batch":
            return run_batch(stdin, stdout, stderr)
        return run_analyze(args, stdout)
    except AnalyzerError as e:
        print(f"error: {e}", file=stderr)
        return 2


def run_analyze(args: argparse.Namespace, out: TextIO) -> int:
    context: dict[str, Any] = {"target_role": args.role, "vision": args.vision,
                               "current_role": args.current_role,
                               "months_in_role": args.months_in_role, "today": args.today}
    if args.job_file:
        context["job_description"] = args.job_file.read_text(encoding="utf-8")
    text = " ".join(args.text)
    analyze = analyze_goal if args.kind == "goal" else analyze_answer
    analysis = analyze(text, Context.from_dict(context))
    if args.json:
        out.write(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render(analysis))
    return 0


def render(analysis: Analysis) -> str:
    """A readable report: score, the SMART letters, findings with words and suggestions."""
    lines = [f"{analysis.kind.capitalize()}: {analysis.text.strip()}",
             f"Score: {analysis.score}/100", ""]
    for letter in SMART_LETTERS:
        verdict = analysis.smart[letter]
        mark = "✓" if verdict.ok else "✗"
        lines.append(f"  {LETTERS[letter]} {mark} {letter.replace('_', '-'):<11} {verdict.why}")
    if analysis.findings:
        lines += ["", "Findings:"]
        for f in analysis.findings:
            lines.append(f"  - [{f.code}] \"{f.text}\" ({f.start}-{f.end}): {f.message}")
            if f.suggestion:
                lines.append(f"      Suggestion: {f.suggestion}")
    facts = analysis.facts
    if facts.metrics or facts.deadlines:
        lines += ["", "Found:"]
        lines += [f"  metric:   \"{m.text}\" ({m.kind})" for m in facts.metrics]
        lines += [f"  deadline: \"{d.text}\"" + (f" -> {d.date.isoformat()}" if d.date else
                                                 f" ({d.kind})") for d in facts.deadlines]
    return "\n".join(lines) + "\n"


def _read_lines(stdin: TextIO) -> Iterator[tuple[Any, dict[str, Any] | None, str | None]]:
    for raw in stdin:
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as e:
            yield None, None, f"invalid JSON: {e.msg}"
            continue
        if not isinstance(item, dict):
            yield None, None, "each line must be a JSON object"
            continue
        yield item.get("id"), item, None


def run_batch(stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Analyse JSONL lines; goals and answers go through ``pipe()`` in chunks, order kept."""
    progress = stderr.isatty()
    lines = list(_read_lines(stdin))
    results: list[dict[str, Any]] = [{} for _ in lines]
    groups: dict[tuple[str, str], list[int]] = {}
    for index, (ident, item, error) in enumerate(lines):
        if error is not None or item is None:
            results[index] = {"id": ident, "error": error}
            continue
        kind = item.get("kind", "goal")
        try:
            context = Context.from_dict(item.get("context"))
            if kind == "plan":
                plan: PlanAnalysis = analyze_plan(item.get("goals"), context)
                results[index] = {"id": ident, **plan.to_dict()}
            elif kind in ("goal", "answer"):
                text = item.get("text")
                if not isinstance(text, str):
                    raise ValueError("'text' must be a string")
                key = (kind, json.dumps(item.get("context"), sort_keys=True, default=str))
                groups.setdefault(key, []).append(index)
            else:
                raise ValueError(f"unknown kind {kind!r}")
        except (AnalyzerError, ValueError, TypeError) as e:
            results[index] = {"id": ident, "error": str(e)}
    done = 0
    for (kind, _), indexes in groups.items():
        context = Context.from_dict(lines[indexes[0]][1].get("context"))  # type: ignore[union-attr]
        for index, analysis in _analyze_group(kind, indexes, lines, context):
            results[index] = {"id": lines[index][0], **analysis}
            done += 1
            if progress:
                stderr.write(f"\ranalysed {done}/{len(lines)}")
    if progress:
        stderr.write("\n")
    for result in results:
        stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


def _analyze_group(kind: str, indexes: list[int], lines: list, context: Context
                   ) -> Iterator[tuple[int, dict[str, Any]]]:
    texts = [lines[i][1]["text"] for i in indexes]
    try:
        analyses = analyze_texts(kind, texts, context)
    except AnalyzerError:
        for i, text in zip(indexes, texts, strict=True):  # find the bad line(s) one by one
            try:
                yield i, analyze_texts(kind, [text], context)[0].to_dict()
            except AnalyzerError as e:
                yield i, {"error": str(e)}
        return
    for i, analysis in zip(indexes, analyses, strict=True):
        yield i, analysis.to_dict()
