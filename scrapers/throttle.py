"""Per-host politeness: one request at a time per host, and a minimum gap between them.

A small newspaper server must never see us as more than one slow reader, whatever the number of
threads fetching other sites. So each host gets its own lock, held for the whole request (one
connection per host), and the gap is counted from the END of the previous request, which makes the
start-to-start gap at least the delay too even when a page is slow to arrive. Different hosts never
wait for each other.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class _HostSlot:
    lock: threading.Lock = field(default_factory=threading.Lock)
    last_done: float | None = None


class HostThrottle:
    """Serialises requests per host and spaces them by at least the delay asked for."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._slots: dict[str, _HostSlot] = {}
        self._guard = threading.Lock()

    def _slot(self, host: str) -> _HostSlot:
        with self._guard:
            slot = self._slots.get(host)
            if slot is None:
                slot = self._slots[host] = _HostSlot()
            return slot

    @contextmanager
    def slot(self, host: str, delay: float) -> Iterator[float]:
        """Hold `host` for one request; yields the seconds waited before it could start."""
        slot = self._slot(host.lower())
        with slot.lock:
            waited = 0.0
            if slot.last_done is not None:
                waited = max(0.0, slot.last_done + delay - self._clock())
                if waited:
                    self._sleep(waited)
            try:
                yield waited
            finally:
                slot.last_done = self._clock()
