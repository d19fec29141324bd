"""One thread that makes every edit durable, so the UI thread never waits on the disk."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from tui.domain.model import CaseRef, Correction, Meeting, TrackedCase
from tui.storage.errors import StorageError
from tui.storage.repository import Repository


@dataclass
class Snapshot:
    meeting: Meeting
    cases: list[TrackedCase] = field(default_factory=list)
    correction: Correction | None = None
    removed: list[CaseRef] = field(default_factory=list)


class DiskWriter:
    """Writes the latest snapshot of each meeting; older pending ones are skipped, never mixed."""

    def __init__(
        self,
        repo: Repository,
        on_saved: Callable[[int], None] = lambda number: None,
        on_error: Callable[[str], None] = lambda message: None,
    ) -> None:
        self.repo = repo
        self._on_saved = on_saved
        self._on_error = on_error
        self._pending: dict[object, Snapshot | tuple[str, dict[str, object]]] = {}
        self._busy = False
        self._closed = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="agenda-writer", daemon=True)
        self._thread.start()

    def submit(
        self,
        meeting: Meeting,
        cases: list[TrackedCase] | None = None,
        correction: Correction | None = None,
        removed: list[CaseRef] | None = None,
    ) -> None:
        """Queue the meeting to be written; returns at once.

        The caller hands over objects it will not change again: a copy of what it edits.
        """
        snapshot = Snapshot(meeting, list(cases or []), correction, list(removed or []))
        with self._changed:
            self._pending[meeting.number] = snapshot
            self._changed.notify_all()

    def remember(self, user: str, state: dict[str, object]) -> None:
        """Queue where the user is (meeting, item), to land there next time."""
        with self._changed:
            self._pending[("state", user)] = (user, dict(state))
            self._changed.notify_all()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything submitted is on disk; False if that took longer than timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._pending and not self._busy, timeout)

    def close(self, timeout: float = 5.0) -> bool:
        done = self.flush(timeout)
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        return done

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._pending or self._closed)
                if self._closed and not self._pending:
                    return
                _, snapshot = self._pending.popitem()
                self._busy = True
            try:
                self._write(snapshot)
            finally:  # whatever happened, the thread goes on and flush() is not left waiting
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()

    def _write(self, snapshot: Snapshot | tuple[str, dict[str, object]]) -> None:
        if isinstance(snapshot, tuple):
            self._write_state(*snapshot)
            return
        try:
            self.repo.save(snapshot.meeting, snapshot.cases, snapshot.correction, snapshot.removed)
        except StorageError as error:
            self._on_error(str(error))
        except Exception as error:  # the UI must hear of any failure to save, whatever it is
            self._on_error(f"saving meeting {snapshot.meeting.number} failed: {error}")
        else:
            self._on_saved(snapshot.meeting.number)

    def _write_state(self, user: str, state: dict[str, object]) -> None:
        try:
            self.repo.save_ui_state(user, state)
        except StorageError as error:
            self._on_error(str(error))
        except Exception as error:  # like a meeting's: an error must not stop the writer
            self._on_error(f"saving where you are failed: {error}")
