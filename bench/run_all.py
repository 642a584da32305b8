"""Run every benchmark, one process each, and say how long the whole took.

Run: python bench/run_all.py   (what `make bench` does; under 5 minutes)
Environment: BENCH_DATABASE_URL, BENCH_REDIS_URL, see bench/README.md.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [
    ("analyzer", ["analyzer.py", "--rounds", "5"]),
    ("API under gunicorn", ["api.py"]),
    ("dashboards", ["dashboard.py"]),
    ("memory per worker", ["memory.py"]),
]
BUDGET_SECONDS = 300


def main() -> int:
    started, failed = time.perf_counter(), []
    for name, command in BENCHMARKS:
        print(f"\n=== {name} ===", flush=True)
        began = time.perf_counter()
        code = subprocess.call([sys.executable, *command], cwd=HERE, timeout=BUDGET_SECONDS)
        if code:
            failed.append(name)
        print(f"=== {name}: {'failed' if code else 'done'} in "
              f"{time.perf_counter() - began:.0f} s ===", flush=True)
    total = time.perf_counter() - started
    print(f"\nAll benchmarks: {total:.0f} s (budget {BUDGET_SECONDS} s)"
          + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
