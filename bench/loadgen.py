"""A small closed-loop HTTP load generator: N threads, each sending one request
after another to a loopback server for a fixed time (optionally pausing between
requests, like a person whose typing pauses trigger the live feedback).

Why not locust or wrk: wrk is not installed, and locust would add gevent,
greenlet, its own Flask web UI and more to the environment to do what these
80 lines do. What matters here is a bounded, loopback-only load with exact
latency percentiles, and a generator that uses little CPU on a 2-core machine
it shares with the server: each request is one stdlib ``http.client`` call
(gunicorn's sync workers close the connection after each response anyway), and
the client's own CPU time is reported so its share can be judged.
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

REQUEST_TIMEOUT = 10.0  # seconds; a request slower than this counts as an error


@dataclass
class Result:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    client_cpu_seconds: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + self.errors

    @property
    def throughput(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0


# (method, path, body, headers) for the request number n of one client
RequestFactory = Callable[[int, int], tuple[str, str, bytes | None, dict[str, str]]]


def run(port: int, make_request: RequestFactory, clients: int, seconds: float,
        pause: float = 0.0) -> Result:
    """Load 127.0.0.1:``port`` with ``clients`` concurrent clients for ``seconds``.

    Each client waits ``pause`` seconds after each response before its next request.
    """
    result = Result()
    lock = threading.Lock()
    start_gate = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client(number: int) -> None:
        latencies, errors = [], {}
        start_gate.wait()
        sent = 0
        while time.perf_counter() < stop_at[0]:
            method, path, body, headers = make_request(number, sent)
            sent += 1
            began = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                if 200 <= response.status < 300:
                    latencies.append((time.perf_counter() - began) * 1000)
                else:
                    errors[str(response.status)] = errors.get(str(response.status), 0) + 1
            except OSError as error:
                kind = type(error).__name__
                errors[kind] = errors.get(kind, 0) + 1
            finally:
                connection.close()
            if pause:
                time.sleep(pause)
        with lock:
            result.latencies_ms.extend(latencies)
            for kind, n in errors.items():
                result.error_kinds[kind] = result.error_kinds.get(kind, 0) + n
                result.errors += n

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    cpu_before = time.process_time()
    began = time.perf_counter()
    stop_at[0] = began + seconds
    start_gate.wait()
    for thread in threads:
        thread.join(seconds + REQUEST_TIMEOUT + 5)
    result.seconds = time.perf_counter() - began
    result.client_cpu_seconds = time.process_time() - cpu_before
    return result
