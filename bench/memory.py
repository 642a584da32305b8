"""Benchmark memory per gunicorn worker with the spaCy model loaded, with and
without --preload (model loaded once in the master before fork, or once per
worker after), read from /proc/<pid>/smaps_rollup (Linux).

RSS counts shared pages in full in every process; PSS splits each shared page
between the processes sharing it; USS (private clean + dirty) is what a process
would free on exit. The sum of PSS over master and workers is the real cost.

Run: python bench/memory.py [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import loadgen
from analyzer import GOALS
from api import make_token
from common import bench_database_url, gunicorn, reset_database, server_environment

FIELDS = ("Rss", "Pss", "Shared_Clean", "Shared_Dirty", "Private_Clean", "Private_Dirty")


def smaps(pid: int) -> dict[str, float]:
    """Memory figures of ``pid`` in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, rest = line.partition(":")
        if name in FIELDS:
            values[name] = int(rest.split()[0]) / 1024
    return {"rss": values["Rss"], "pss": values["Pss"],
            "shared": values["Shared_Clean"] + values["Shared_Dirty"],
            "uss": values["Private_Clean"] + values["Private_Dirty"]}


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return sorted(found)


def measure(url: str, token: str, workers: int,
            preload: bool) -> list[tuple[str, dict[str, float]]]:
    """Start gunicorn, make every worker analyse goals, then read its memory."""
    with gunicorn(server_environment(url, None), workers=workers, preload=preload) as \
            (process, port):
        # Without --preload each worker loads the model after fork: wait until all have.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            pids = children(process.pid)
            if len(pids) == workers and all(smaps(p)["rss"] > 150 for p in pids):
                break
            time.sleep(0.5)
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

        def analyze(client: int, n: int):
            text = f"Goal {client}.{n}: {GOALS[n % len(GOALS)]}"
            return "POST", "/api/analyze", json.dumps({"kind": "goal", "text": text}).encode(), \
                headers

        result = loadgen.run(port, analyze, workers * 2, 3)  # new texts: the model runs
        if result.errors:
            raise SystemExit(f"analysis failed while warming the workers: {result.error_kinds}")
        rows = [("master", smaps(process.pid))]
        rows += [(f"worker {i + 1}", smaps(pid))
                 for i, pid in enumerate(children(process.pid))]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    url = bench_database_url()
    reset_database(url)
    token = make_token(url)
    print(f"gunicorn with {args.workers} sync workers, the model loaded at start "
          "(ANALYZER_WARM_UP), after 3 s of analyses on new texts; MB.\n")
    print(f"{'mode':<14}{'process':<10}{'RSS':>8}{'PSS':>8}{'shared':>8}{'USS':>8}")
    print("-" * 56)
    totals = {}
    for preload in (False, True):
        mode = "--preload" if preload else "no preload"
        rows = measure(url, token, args.workers, preload)
        for name, m in rows:
            print(f"{mode:<14}{name:<10}{m['rss']:>8.0f}{m['pss']:>8.0f}{m['shared']:>8.0f}"
                  f"{m['uss']:>8.0f}", flush=True)
        totals[mode] = sum(m["pss"] for _, m in rows)
        print(f"{mode:<14}{'total PSS':<10}{totals[mode]:>16.0f}", flush=True)
    print(f"\nTotal PSS with --preload / without: {totals['--preload']:.0f} / "
          f"{totals['no preload']:.0f} MB = {totals['--preload'] / totals['no preload']:.2f}")
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"(memory benchmark took {time.perf_counter() - started:.0f} s)")
    raise SystemExit(code)
