"""One thread that sends the session's operations to the edit service, in order, so the UI
thread never waits on the disk; it also notices changes made by others.

A refused operation is dropped and reported; one the disk would not take waits and is
tried again every second, reported until it is stored. After each run of commits, and
when the open meeting's files change under it, the stored meeting is read and handed to
the UI with the last operation it includes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from tui.app.live import Snapshot
from tui.dataclass_cache import dataclass, field
from tui.edits import Done, EditError, EditService, Operation
from tui.i18n import _
from tui.storage.errors import StorageError
from tui.storage.layout import OPEN_CASES as OPEN
from tui.storage.layout import closed_name, meeting_name
from tui.storage.names import Stamp, document_stamp

RETRY_AFTER = 1.0
LOOK_EVERY = 0.5


@dataclass
class _Task:
    """One change waiting for the writer: its operation, or an undo or a redo, and the
    numbers of the edits it holds (a later edit of the same field takes an earlier one's place)."""

    serials: list[int]
    op: Operation | None = None
    undo: str = ""  # "undo" or "redo": this session's last change, or last undo
    state: tuple[str, dict[str, object]] | None = None


@dataclass
class Events:
    """What the writer tells the UI; each is called on the writer's thread."""

    done: Callable[[list[int], Done], object] = lambda serials, done: None
    refused: Callable[[list[int], EditError], object] = lambda serials, error: None
    trouble: Callable[[str], object] = lambda message: None  # "" once all is stored again
    stored: Callable[[Snapshot, int], object] = lambda snapshot, upto: None


Stamps = dict[str, Stamp]


@dataclass
class _Watch:
    """A meeting's files as this session last read them, to see another's changes."""

    meeting: int
    stamps: Stamps = field(default_factory=dict)  # of the files as last read
    seq: int | None = None  # the meeting's last log entry as last read


class DiskWriter:
    def __init__(self, service: EditService, events: Events | None = None) -> None:
        self.service = service
        self.events = events or Events()
        self._tasks: list[_Task] = []
        self._busy = False
        self._closed = False
        self._troubled = False
        self._upto = 0
        self._watch: _Watch | None = None
        self._undo: list[tuple[int, int]] = []  # (meeting, log entry) this session made
        self._redo: list[tuple[int, int]] = []
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="agenda-writer", daemon=True)
        self._thread.start()

    # -- from the UI thread -----------------------------------------------------

    def submit(self, serial: int, op: Operation) -> None:
        with self._changed:
            last = self._tasks[-1] if len(self._tasks) > (1 if self._busy else 0) else None
            if last is not None and last.op is not None and op.replaces(last.op):
                last.serials.append(serial)
                last.op = op
            else:
                self._tasks.append(_Task([serial], op))
            self._changed.notify_all()

    def undo(self) -> None:
        self._queue(_Task([], undo="undo"))

    def redo(self) -> None:
        self._queue(_Task([], undo="redo"))

    def remember(self, user: str, state: dict[str, object]) -> None:
        """Where the user is (meeting, item), to land there next time."""
        with self._changed:
            self._tasks = [t for t in self._tasks if t.state is None or t is self._current()]
            self._tasks.append(_Task([], state=(user, dict(state))))
            self._changed.notify_all()

    def watch(self, meeting: int | None) -> None:
        """Read meeting back after commits and whenever its files change; None: stop."""
        with self._changed:
            self._watch = None if meeting is None else _Watch(meeting)
            self._changed.notify_all()
        if meeting is not None:
            self.refresh()

    def refresh(self) -> None:
        with self._changed:
            if self._watch is not None:
                self._watch.stamps = {}
            self._changed.notify_all()

    @property
    def upto(self) -> int:
        """The last operation of this session that is stored (or refused)."""
        with self._changed:
            return self._upto

    @property
    def unsaved(self) -> int:
        """Operations not on disk yet."""
        with self._changed:
            return sum(1 for t in self._tasks if t.op is not None or t.undo)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything submitted is on disk; False if that took longer."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._tasks and not self._busy, timeout)

    def close(self, timeout: float = 5.0) -> bool:
        done = self.flush(timeout)
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        return done

    # -- on the writer's thread -------------------------------------------------

    def _current(self) -> _Task | None:
        return self._tasks[0] if self._busy and self._tasks else None

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._tasks or self._closed, LOOK_EVERY)
                if self._closed and not self._tasks:
                    return
                task = self._tasks[0] if self._tasks else None
                self._busy = task is not None
            if task is None:
                self._look()
                continue
            stored = self._carry_out(task)
            with self._changed:
                if stored:
                    self._tasks.pop(0)
                    self._upto = max([self._upto, *task.serials])
                self._busy = False
                drained = not self._tasks
                self._changed.notify_all()
            if not stored:
                with self._changed:
                    self._changed.wait_for(lambda: self._closed, RETRY_AFTER)
                    if self._closed:
                        return
            elif drained:
                self._look()

    def _carry_out(self, task: _Task) -> bool:
        """True once the task is done with (stored or refused); False to try again."""
        try:
            self._do(task)
        except EditError as error:
            self.events.refused(task.serials, error)
        except StorageError as error:
            self._troubled = True
            self.events.trouble(str(error))
            return False
        except Exception as error:  # an operation must never stop the writer
            self.events.refused(
                task.serials, EditError(_("not saved: {error}").format(error=error))
            )
        if self._troubled:
            self._troubled = False
            self.events.trouble("")
        return True

    def _do(self, task: _Task) -> None:
        if task.state is not None:
            self.service.repo.save_ui_state(*task.state)
        elif task.undo:
            self._undo_or_redo(task)
        elif task.op is not None:
            done = self.service.apply(task.op)
            if done.seq is not None and (done.meeting, done.seq) not in self._undo[-1:]:
                self._undo.append((done.meeting, done.seq))
                self._redo.clear()
            self._only_ours(done)
            self.events.done(task.serials, done)

    def _undo_or_redo(self, task: _Task) -> None:
        stack, other = (self._undo, self._redo) if task.undo == "undo" else (self._redo, self._undo)
        if not stack:
            raise EditError(_("nothing to undo") if task.undo == "undo" else _("nothing to redo"))
        meeting, seq = stack[-1]
        done = self.service.undo(meeting, seq)
        stack.pop()
        if done.seq is not None:
            other.append((done.meeting, done.seq))
        self.events.done(task.serials, done)

    def _queue(self, task: _Task) -> None:
        with self._changed:
            self._tasks.append(task)
            self._changed.notify_all()

    def _only_ours(self, done: Done) -> None:
        """After our own change to the watched meeting, when nobody else's came between
        (the log goes on from the entry last read, no other file changed), the UI's copy
        is what is stored: the files' new stamps are taken as read, and nothing is read
        again. Typing then costs the UI no decoding on this thread."""
        with self._changed:
            watch = self._watch
        if watch is None or done.meeting != watch.meeting or done.seq is None:
            return
        if watch.seq is None or done.seq not in (watch.seq, watch.seq + 1):
            return
        stamps = self._stamps(watch.meeting)
        name = meeting_name(watch.meeting)
        others = {k: v for k, v in stamps.items() if k != name}
        if others == {k: v for k, v in watch.stamps.items() if k != name}:
            watch.stamps, watch.seq = stamps, done.seq

    def _look(self, force: bool = False) -> None:
        """Read the watched meeting back if it was stored since it was last read."""
        with self._changed:
            watch, upto = self._watch, self._upto
        if watch is None:
            return
        stamps = self._stamps(watch.meeting)
        if not force and stamps == watch.stamps:
            return
        try:
            snapshot = Snapshot.read(self.service.repo, watch.meeting)
        except (StorageError, OSError):
            return  # read again at the next look
        watch.stamps = stamps
        if snapshot is not None:
            watch.seq = snapshot.seq
            self.events.stored(snapshot, upto)

    def _stamps(self, meeting: int) -> Stamps:
        root = self.service.repo.store.root
        names = [meeting_name(meeting), OPEN, closed_name(meeting * 100)]
        stamps = {name: document_stamp(root, name) for name in names}
        return {name: stamp for name, stamp in stamps.items() if stamp is not None}
