"""The update lock of the search index: one process at a time brings it up to date."""

from __future__ import annotations

import fcntl
import time
from collections.abc import Callable


def lock_within(fd: int, wait: float, waiting: Callable[[], None]) -> bool:
    """The lock within `wait` seconds; `waiting` is called once if that takes a second."""
    started = time.monotonic()
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            waited = time.monotonic() - started
            if waited >= wait:
                return False
            if waited >= 1.0 and not told:
                waiting()
                told = True
            time.sleep(0.05)
