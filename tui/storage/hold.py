"""Who holds a meeting for editing: a lock the system frees when its holder dies.

One session edits a meeting; a second one opens it read-only, is told who holds it and
since when, and may ask to take over: the holder saves, lets go and turns read-only.
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import os
import re
import socket
from datetime import datetime
from pathlib import Path

from tui.domain.rocdays import format_numeric_date, format_time
from tui.domain.text import without_controls
from tui.i18n import _
from tui.regular_file import regular_text
from tui.storage.layout import HOLDS, hold_file, takeover_file
from tui.storage.sharing import make_folder, settle_file

# The descriptors of the holds this process has. A child forked without exec (an office's
# template runs in one) shares them, and with them the lock: the hold would outlive a holder
# killed while its child runs, and a runaway child is stopped by nobody once its parent is
# gone. The child closes its copies at once; closing, unlike unlocking, leaves the parent's
# hold as it is.
_HELD: set[int] = set()


def _drop_holds_in_child() -> None:
    for fd in _HELD:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_drop_holds_in_child)


def who_am_i() -> str:
    return clean_name(f"{getpass.getuser()}@{socket.gethostname()}")


def clean_name(who: str) -> str:
    """A holder's name as it may reach a colleague's terminal: one line, no control or
    bidi characters (it comes from LOGNAME, the host's name, or a file anyone may write)."""
    return without_controls(who, one_line=True).strip()


class MeetingHold:
    def __init__(self, root: Path, number: int, who: str | None = None) -> None:
        self.folder = root / HOLDS
        self.path = root / hold_file(number)
        self.request_path = root / takeover_file(number)
        self.who = clean_name(who or who_am_i()) or "another session"
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the hold if nobody has it; never waits."""
        if self._fd is not None:
            return True
        self._make_folder()
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        with contextlib.suppress(OSError):  # another member of the group made it
            settle_file(fd)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        since = datetime.now().strftime("%Y-%m-%d %H:%M")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{self.who} (pid {os.getpid()}) since {since}".encode(), 0)
        self._fd = fd
        _HELD.add(fd)
        self._clear_request()
        return True

    def holder(self) -> str:
        """Who holds it, as its holder wrote it; empty when nobody does (or the holder died)."""
        if self._fd is not None:
            return ""
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return ""
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            written = os.pread(fd, 500, 0).decode("utf-8", "replace")
            return worded_holder(clean_name(written)) or _("another session")
        finally:
            os.close(fd)
        return ""

    def release(self) -> None:
        if self._fd is None:
            return
        _HELD.discard(self._fd)
        os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def ask_to_take_over(self) -> None:
        self._make_folder()
        self.request_path.write_text(self.who, encoding="utf-8")

    def withdraw_request(self) -> None:
        self._clear_request()

    def takeover_asked_by(self) -> str:
        """Who asked to take over from this holder, or empty."""
        if self._fd is None:
            return ""
        try:
            return clean_name(regular_text(self.request_path, errors="replace"))
        except OSError:
            return ""

    def _make_folder(self) -> None:
        with contextlib.suppress(FileExistsError):
            make_folder(self.folder)

    def _clear_request(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.request_path.unlink()


_WRITTEN = re.compile(r"^(?P<who>.*) \(pid (?P<pid>\d+)\) since (?P<at>\d{4}-\d\d-\d\d \d\d:\d\d)$")


def worded_holder(written: str) -> str:
    """A hold's line (written the same in every language) as the reader's language says it,
    its time in the office's notation: 110/7/15 10 時 5 分."""
    found = _WRITTEN.match(written)
    if found is None:
        return written
    at = datetime.strptime(found["at"], "%Y-%m-%d %H:%M")
    return _("{who} (pid {pid}) since {date} {time}").format(
        who=found["who"],
        pid=found["pid"],
        date=format_numeric_date(at.date()),
        time=format_time(at.time()),
    )
