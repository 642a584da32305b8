"""Benchmark the pages a cohort opens most: the client plan dashboard (/goals/),
progress (/progress/) and the interview history, for 50 clients × 5 goals × 12
check-ins (+ 6 practice attempts each), and the coach dashboard (/coach/) where
that feature exists. Each page's render time is a ratio to a page with only the
layout (/, logged in) measured in the same loop, and its SQL statements are counted.

Run: python bench/dashboard.py [--rounds 5]
Environment: BENCH_DATABASE_URL (default a temporary SQLite file; a PostgreSQL
database must have "bench" in its name, it is emptied and seeded).
"""

from __future__ import annotations

import argparse
import time

from common import BENCH_CONFIG, bench_database_url, percentile, reset_database
from seed import PASSWORD, Cohort, seed_cohort
from sqlalchemy import event

from coachapp import create_app
from coachapp.extensions import db

BASELINE = ("layout only (/)", "/")


class QueryCounter:
    """Counts the statements run on an engine while it is attached."""

    def __init__(self, engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *args) -> None:
        self.count += 1


def logged_in(app, email: str):
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    response = client.post("/login", data={"csrf_token": token, "email": email,
                                           "password": PASSWORD})
    assert response.status_code == 302, f"login failed for {email}"
    return client


def timed_get(client, counter: QueryCounter, path: str) -> tuple[float, int]:
    before = counter.count
    began = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - began) * 1000
    assert response.status_code == 200, (path, response.status_code)
    return elapsed, counter.count - before


def print_row(name: str, times: list[float], queries: list[int], base_p95: float | None) -> None:
    p50, p95 = percentile(times, 50), percentile(times, 95)
    spread = f"{min(queries)}" if min(queries) == max(queries) else \
        f"{min(queries)}-{max(queries)}"
    ratio = f"{p95 / base_p95:>7.2f}" if base_p95 else f"{'(base)':>7}"
    print(f"{name:<34}{len(times):>6}{p50:>9.1f}{p95:>9.1f}{ratio}{spread:>9}", flush=True)


def bench_client_pages(app, cohort: Cohort, rounds: int, counter: QueryCounter) -> None:
    clients = [(logged_in(app, email), user_id) for user_id, email in cohort.clients]
    pages = {
        "client plan dashboard (/goals/)": lambda uid: "/goals/",
        "progress (/progress/)": lambda uid: "/progress/",
        "interview history": lambda uid: f"/interview/sets/{cohort.practice_sets[uid]}"
                                         "/career_goals/history",
    }
    first_view = [timed_get(client, counter, "/goals/") for client, _ in clients]
    samples: dict[str, tuple[list[float], list[int]]] = {
        name: ([], []) for name in (BASELINE[0], *pages)}
    for _ in range(rounds):  # interleaved, so machine noise hits every page alike
        for client, uid in clients:
            for name, path in ((BASELINE[0], lambda u: BASELINE[1]), *pages.items()):
                elapsed, queries = timed_get(client, counter, path(uid))
                samples[name][0].append(elapsed)
                samples[name][1].append(queries)
    base_p95 = percentile(samples[BASELINE[0]][0], 95)
    print_row(BASELINE[0], *samples[BASELINE[0]], None)
    print_row("plan dashboard, first view", [t for t, _ in first_view],
              [q for _, q in first_view], base_p95)
    for name in pages:
        print_row(name, *samples[name], base_p95)


def bench_coach_dashboard(app, cohort: Cohort, rounds: int, counter: QueryCounter) -> None:
    """The coach dashboard with every client linked, against the layout-only page."""
    coach = logged_in(app, cohort.coach[1])
    timed_get(coach, counter, "/coach/")
    samples: dict[str, tuple[list[float], list[int]]] = {BASELINE[0]: ([], []), "/coach/": ([], [])}
    for _ in range(rounds * 10):  # interleaved with the baseline, as above
        for path in (BASELINE[1], "/coach/"):
            elapsed, queries = timed_get(coach, counter, path)
            name = BASELINE[0] if path == BASELINE[1] else "/coach/"
            samples[name][0].append(elapsed)
            samples[name][1].append(queries)
    base_p95 = percentile(samples[BASELINE[0]][0], 95)
    print_row(f"{BASELINE[0]}, as the coach", *samples[BASELINE[0]], None)
    print_row(f"coach dashboard ({len(cohort.clients)} clients)", *samples["/coach/"], base_p95)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args()

    url = bench_database_url()
    reset_database(url)
    app = create_app({**BENCH_CONFIG, "SQLALCHEMY_DATABASE_URI": url,
                      "ANALYZER_WARM_UP": True})
    with app.app_context():
        began = time.perf_counter()
        cohort = seed_cohort(clients=args.clients)
        seeded = time.perf_counter() - began
        counter = QueryCounter(db.engine)
        db.session.remove()
    print(f"Seeded {len(cohort.clients)} clients × 5 goals × 12 check-ins (+4 actions per "
          f"goal, 6 practice attempts per client) in {seeded:.1f} s; database: "
          f"{url.split('://')[0]}; in-process test client, {args.rounds} rounds.\n")
    print(f"{'page':<34}{'views':>6}{'p50 ms':>9}{'p95 ms':>9}{'x p95':>7}{'queries':>9}")
    print("-" * 74)
    bench_client_pages(app, cohort, args.rounds, counter)
    bench_coach_dashboard(app, cohort, args.rounds, counter)
    print("\n'x p95' = this page's p95 / the layout-only page's p95 in the same run; "
          "'queries' = SQL\nstatements per view (one number: the same for every client). "
          "First view: the plan\nanalysis is not cached yet (each client has their own vision).")
    with app.app_context():
        db.engine.dispose()
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"(dashboard benchmark took {time.perf_counter() - started:.0f} s)")
    raise SystemExit(code)
