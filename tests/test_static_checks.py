"""Static checks stay on: ruff's security rules are selected and every exception is justified."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOQA = re.compile(r"#\s*noqa(?::\s*[A-Z0-9, ]+)?(.*)$")


def test_ruff_selects_the_security_rules():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "S" in config["tool"]["ruff"]["lint"]["select"]
    for path, ignored in config["tool"]["ruff"]["lint"].get("per-file-ignores", {}).items():
        if any(code.startswith("S") for code in ignored):
            assert path.startswith(("tests/", "bench/")), f"S rules ignored for app code: {path}"


def test_every_noqa_in_the_app_says_why():
    unjustified = []
    for path in [*ROOT.glob("coachapp/**/*.py"), *ROOT.glob("nlp/**/*.py")]:
        if "migrations" in path.parts:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            match = NOQA.search(line)
            if match and not match.group(1).strip(" ()"):
                unjustified.append(f"{path.relative_to(ROOT)}:{number}")
    assert not unjustified, "add the reason after the code: " + ", ".join(unjustified)
