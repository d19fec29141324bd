"""The cyclic garbage collector around start-up, and while the secretary types.

Start-up builds tens of thousands of objects (Textual's classes and styles, the meetings
list) that live as long as the app. Collecting while they are built only slows the first
paint; walking them again later made a keystroke late by 20–30 ms on a long history. So
the collector waits for the first paint, and what exists then is frozen out of its sight.

A full collection still walks everything made since (an open meeting, its editor): at
3,000 meetings each took 17–38 ms, and 3 or 4 in 500 keystrokes waited for one, which was
the echo's p99. So once settled, the youngest generations are collected as before, and the
full collection waits for a moment without keys (IDLE_SECONDS); typed through without a
pause, it comes after LONGEST_SECONDS all the same, so that memory stays bounded.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

IDLE_SECONDS = 1.0
LONGEST_SECONDS = 60.0
NEVER_BY_COUNT = 1 << 30  # the oldest generation's threshold: collected by FullCollection

_held = False


def hold_collection() -> None:
    global _held
    _held = True
    gc.disable()


def settle() -> None:
    """What exists now lives as long as the app: keep the collector off it, and resume, the
    full collection left to FullCollection.

    Called after the first paint, and again once the whole history is listed.

    Only in a process started by `hold_collection`: an app run inside a longer-lived process
    (a test) leaves that process's collector alone."""
    if _held:
        gc.freeze()
        youngest, middle, _oldest = gc.get_threshold()
        gc.set_threshold(youngest, middle, NEVER_BY_COUNT)
        gc.enable()


class FullCollection:
    """When the oldest generation is collected: at a pause in the typing, or at the latest
    LONGEST_SECONDS after the last time. `tick` is called often (a timer); `key` on each
    key."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last_key = self._last_full = clock()

    def key(self) -> None:
        self._last_key = self._clock()

    def due(self) -> bool:
        now = self._clock()
        paused = now - self._last_key >= IDLE_SECONDS and self._last_key > self._last_full
        return paused or now - self._last_full >= LONGEST_SECONDS

    def tick(self) -> None:
        if _held and self.due():
            self.collect()

    def collect(self) -> None:
        gc.collect()
        self._last_full = self._clock()
