"""Benchmark POST /api/analyze under gunicorn (2 workers, --preload) with 20
concurrent clients on loopback: cold cache (every text new) and warm cache (16
texts analysed before), each against GET /healthz under the same load in the
same run; then 20 people typing (each client pauses 300 ms after every answer,
as the live feedback's 250 ms debounce plus typing does); then one client per
worker (no queueing).

Run: python bench/api.py [--seconds 30] [--clients 20] [--baseline-seconds 10]
Environment: BENCH_DATABASE_URL (default a temporary SQLite file; a PostgreSQL
database must have "bench" in its name, it is emptied), BENCH_REDIS_URL (the
analysis cache the server uses; unset: each worker's in-process LRU).
"""

from __future__ import annotations

import argparse
import json
import os
import time

import loadgen
from analyzer import GOALS
from common import (
    BENCH_CONFIG,
    bench_database_url,
    gunicorn,
    percentile,
    reset_database,
    server_environment,
)

TARGET_P95_MS = 50
TYPING_PAUSE = 0.3  # seconds between one person's analyses: the 250 ms debounce and typing


def make_token(url: str) -> str:
    """A client account with a vision, and a personal API token for it."""
    from coachapp import create_app
    from coachapp.auth.operations import create_api_token, register_user
    from coachapp.extensions import db
    from coachapp.models import Vision

    app = create_app({**BENCH_CONFIG, "SQLALCHEMY_DATABASE_URI": url, "ANALYZER_WARM_UP": False})
    with app.app_context():
        user = register_user("api-bench@example.com", "bench-password-123", "API Bench")
        db.session.add(Vision(user=user, statement="Lead the data platform of a retailer.",
                              target_role="Data Engineering Manager", current_role="Engineer"))
        db.session.commit()
        token = create_api_token(user, "bench")
        db.session.remove()
        db.engine.dispose()
    return token


def clear_cache(redis_url: str | None) -> None:
    if not redis_url:
        return
    import redis

    store = redis.Redis.from_url(redis_url)
    keys = list(store.scan_iter("coachapp:analysis:*", count=1000))
    if keys:
        store.delete(*keys)
    store.close()


def analyze_requests(token: str, texts):
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def make(client: int, n: int):
        body = json.dumps({"kind": "goal", "text": texts(client, n)}).encode()
        return "POST", "/api/analyze", body, headers

    return make


def report(name: str, result: loadgen.Result, baseline: loadgen.Result | None) -> dict:
    lat = result.latencies_ms
    row = {"phase": name, "requests": result.requests, "throughput": result.throughput,
           "p50": percentile(lat, 50), "p95": percentile(lat, 95), "p99": percentile(lat, 99),
           "errors": result.errors, "client_cpu": result.client_cpu_seconds / result.seconds}
    ratio = ""
    if baseline is not None and baseline.latencies_ms:
        row["x_p50"] = row["p50"] / percentile(baseline.latencies_ms, 50)
        row["x_rps"] = baseline.throughput / row["throughput"] if row["throughput"] else 0
        ratio = f"{row['x_p50']:>7.2f}{row['x_rps']:>8.2f}"
    print(f"{name:<24}{row['requests']:>7}{row['throughput']:>8.1f}{row['p50']:>8.1f}"
          f"{row['p95']:>8.1f}{row['p99']:>8.1f}{row['errors']:>7}{row['client_cpu']:>7.0%}"
          f"{ratio}" + (f"  {result.error_kinds}" if result.errors else ""), flush=True)
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--baseline-seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    url = bench_database_url()
    reset_database(url)
    token = make_token(url)
    redis_url = os.environ.get("BENCH_REDIS_URL")
    clear_cache(redis_url)
    cache = f"Redis ({redis_url})" if redis_url else "in-process LRU per worker"
    print(f"POST /api/analyze: gunicorn --preload, {args.workers} sync workers, "
          f"{args.clients} clients, loopback, rate limits off; cache: {cache}; database: "
          f"{url.split('://')[0]}", flush=True)

    with gunicorn(server_environment(url, redis_url), workers=args.workers) as (_, port):
        health = lambda client, n: ("GET", "/healthz", None, {})  # noqa: E731
        fresh = analyze_requests(token, lambda c, n: f"Goal {c}.{n}: {GOALS[(c + n) % 16]}")
        known = analyze_requests(token, lambda c, n: GOALS[(c * 7 + n) % len(GOALS)])

        print(f"\n{'phase':<24}{'reqs':>7}{'req/s':>8}{'p50':>8}{'p95':>8}{'p99':>8}"
              f"{'errors':>7}{'client':>7}{'x p50':>7}{'x req/s':>8}")
        print("-" * 92)
        baseline = loadgen.run(port, health, args.clients, args.baseline_seconds)
        report("GET /healthz (base)", baseline, None)
        rows = [report("analyze, cold cache", loadgen.run(port, fresh, args.clients,
                                                          args.seconds), baseline)]
        # Warm: every worker has every text (LRU per worker) or Redis has them all.
        loadgen.run(port, known, args.clients, 3)
        rows.append(report("analyze, warm cache", loadgen.run(port, known, args.clients,
                                                              args.seconds), baseline))
        # People typing: each client pauses after every answer, like live feedback does.
        typing_seconds = max(args.seconds / 2, 5)
        typing_base = loadgen.run(port, health, args.clients, args.baseline_seconds,
                                  pause=TYPING_PAUSE)
        report("GET /healthz, typing", typing_base, None)
        rows.append(report("analyze cold, typing", loadgen.run(
            port, fresh, args.clients, typing_seconds, pause=TYPING_PAUSE), typing_base))
        rows.append(report("analyze warm, typing", loadgen.run(
            port, known, args.clients, typing_seconds, pause=TYPING_PAUSE), typing_base))
        # One client per worker: no queueing, so latency is the service time itself.
        single = loadgen.run(port, health, args.workers, args.baseline_seconds)
        report(f"GET /healthz, {args.workers} clients", single, None)
        report(f"analyze cold, {args.workers} clients",
               loadgen.run(port, fresh, args.workers, args.baseline_seconds), single)
        report(f"analyze warm, {args.workers} clients",
               loadgen.run(port, known, args.workers, args.baseline_seconds), single)
    clear_cache(redis_url)

    print("\nLatency in ms (p50/p95/p99 of successful requests), req/s = successful requests "
          "per second;\n'client' = the load generator's own CPU time as a share of one core; "
          "'x p50' = p50 / the\nbaseline's p50, 'x req/s' = baseline throughput / this "
          "throughput (both measured in this run);\n'typing' = each client pauses "
          f"{TYPING_PAUSE * 1000:.0f} ms after every response (people typing), the others "
          "send back to back.")
    for row in rows:
        verdict = "meets" if row["p95"] < TARGET_P95_MS and row["errors"] == 0 else "misses"
        print(f"{row['phase']}: {verdict} the target p95 < {TARGET_P95_MS} ms with 0 errors "
              f"(p95 {row['p95']:.1f} ms, {row['errors']} errors).")
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"(api benchmark took {time.perf_counter() - started:.0f} s)")
    raise SystemExit(code)
