"""Where analyses are cached: Redis when ``REDIS_URL`` is set, an in-process LRU otherwise.

Both map a content key (a hash of analyzer version, kind, text and context, see
:func:`coachapp.analysis.content_key`) to the analysis as JSON-ready data.
Redis keys also carry the analyzer version in their prefix, so a new analyzer
never reads an old entry, and every entry expires after ``ttl`` seconds.

Redis is an accelerator, not a dependency: any Redis error counts as a miss,
is logged once, and Redis is left alone for ``retry_after`` seconds so an
outage costs no more than a fast failure now and then, never a failed request.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from typing import Any, Protocol

import redis

log = logging.getLogger(__name__)


class AnalysisCache(Protocol):
    backend: str

    def get(self, key: str) -> dict[str, Any] | None: ...

    def set(self, key: str, value: dict[str, Any]) -> None: ...

    def status(self) -> tuple[bool, dict[str, Any]]: ...


class MemoryCache:
    """A small thread-safe LRU of analysis results, private to this process."""

    backend = "memory"

    def __init__(self, maxsize: int = 2048) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def set(self, key: str, value: dict[str, Any]) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)

    def status(self) -> tuple[bool, dict[str, Any]]:
        return True, {"backend": self.backend, "entries": len(self._items)}


class RedisCache:
    """Analyses as JSON strings in Redis, shared by every worker and host."""

    backend = "redis"

    def __init__(self, url: str, prefix: str, ttl: int, timeout: float = 0.25,
                 retry_after: float = 5.0) -> None:
        # Connections are made on first use, so a client built before gunicorn
        # forks is safe (redis-py also resets its pool in a forked child).
        self.client = redis.Redis.from_url(url, socket_timeout=timeout,
                                           socket_connect_timeout=timeout)
        self.prefix = prefix
        self.ttl = ttl
        self.retry_after = retry_after
        self._down_until = 0.0

    def _available(self) -> bool:
        return time.monotonic() >= self._down_until

    def _failed(self, action: str, error: Exception) -> None:
        if self._available():  # log once per outage window, not once per request
            log.warning("Analysis cache: Redis %s failed (%s); running without the cache "
                        "for %.0f s", action, error, self.retry_after)
        self._down_until = time.monotonic() + self.retry_after

    def get(self, key: str) -> dict[str, Any] | None:
        if not self._available():
            return None
        try:
            raw = self.client.get(self.prefix + key)
        except redis.RedisError as error:
            self._failed("read", error)
            return None
        if raw is None:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            return None  # a damaged entry is a miss; the fresh result overwrites it
        return value if isinstance(value, dict) else None

    def set(self, key: str, value: dict[str, Any]) -> None:
        if not self._available():
            return
        try:
            payload = json.dumps(value, separators=(",", ":"))
        except (TypeError, ValueError):
            log.warning("Analysis cache: an analysis is not JSON; not cached")
            return
        try:
            self.client.set(self.prefix + key, payload, ex=self.ttl)
        except redis.RedisError as error:
            self._failed("write", error)

    def status(self) -> tuple[bool, dict[str, Any]]:
        try:
            self.client.ping()
        except redis.RedisError:
            return False, {"backend": self.backend, "error": "Redis did not answer"}
        return True, {"backend": self.backend}


def build_cache(redis_url: str | None, version: str, maxsize: int, ttl: int) -> AnalysisCache:
    """The cache the configuration asks for."""
    if redis_url:
        return RedisCache(redis_url, prefix=f"coachapp:analysis:{version}:", ttl=ttl)
    return MemoryCache(maxsize)
