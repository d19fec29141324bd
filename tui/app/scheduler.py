"""When typed text goes to the disk: a pause in the typing, and never later than a bound."""

from __future__ import annotations

import time
from collections.abc import Callable

# A burst of typing is saved this long after its last key, and never later than MAX_WAIT.
QUIET = 0.25
MAX_WAIT = 0.8


class SaveScheduler:
    """Textual-free: the screen asks after each key how long to wait before sending."""

    def __init__(
        self,
        quiet: float | None = None,
        max_wait: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.quiet = QUIET if quiet is None else quiet
        self.max_wait = MAX_WAIT if max_wait is None else max_wait
        self._clock = clock
        self._since: float | None = None

    @property
    def waiting(self) -> bool:
        return self._since is not None

    def typed(self) -> float:
        """Seconds to wait before sending what is typed; 0: send it now."""
        now = self._clock()
        self._since = self._since if self._since is not None else now
        return 0.0 if now - self._since >= self.max_wait else self.quiet

    def sent(self) -> None:
        self._since = None
