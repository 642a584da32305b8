"""Every coachapp module imports on its own, whatever is imported first (no import cycles)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import coachapp

PACKAGE = Path(coachapp.__file__).parent

# One child interpreter imports each module with every coachapp module forgotten
# first, so a cycle that only bites when a module is imported first shows up.
SCRIPT = """
import importlib, sys
failures = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "coachapp" or m.startswith("coachapp.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as error:
        failures.append(f"{name}: {type(error).__name__}: {error}")
print("\\n".join(failures))
"""


def module_names() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        if "migrations" in relative.parts:
            continue
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        names.append(".".join(parts))
    return names


@pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")),
                    reason="database-independent: runs on the SQLite leg")
def test_every_module_imports_first():
    names = module_names()
    assert len(names) > 40
    result = subprocess.run([sys.executable, "-c", SCRIPT, *names], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
