"""The database lock: flock on <root>/.lock between processes, a mutex between threads."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from _thread import allocate_lock, get_ident  # threading's, without importing threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from tui.domain.rocdays import format_numeric_date, format_time
from tui.i18n import _
from tui.storage.errors import LockTimeoutError, StorageError
from tui.storage.files import pid_alive
from tui.storage.sharing import settle_file

_HOLDER_MAX = 512


class StoreLock:
    """Exclusive holders record "pid host since" in the lock file and clear it on release.

    hold() yields True when it finds a record left behind: the previous writer died
    while holding the lock, so the caller should sweep its leftovers.
    """

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._mutex = allocate_lock()
        self._owner: int | None = None

    @contextlib.contextmanager
    def hold(self, exclusive: bool) -> Iterator[bool]:
        if self._owner == get_ident():
            raise StorageError(f"{self.path}: Store.transaction()/reading() cannot be nested")
        deadline = time.monotonic() + self.timeout
        if not self._mutex.acquire(timeout=self.timeout):
            raise LockTimeoutError(self.path, self.timeout, _("held by another thread"))
        self._owner = get_ident()
        try:
            fd = self._flock(exclusive, deadline)
            try:
                yield self._take(fd) if exclusive else False
            finally:
                self._release(fd, exclusive)
        finally:
            self._owner = None
            self._mutex.release()

    def _open(self) -> int:
        flags = os.O_CLOEXEC | os.O_NOFOLLOW
        try:
            fd = os.open(self.path, flags | os.O_RDWR | os.O_CREAT, 0o600)
            with contextlib.suppress(OSError):  # another member of the group made it
                settle_file(fd)
            return fd
        except OSError as error:
            if error.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise _unopened(self.path, error) from error
        try:  # read-only media: a read-only descriptor can still be locked
            return os.open(self.path, flags | os.O_RDONLY)
        except OSError as error:
            raise _unopened(self.path, error) from error

    def _flock(self, exclusive: bool, deadline: float) -> int:
        fd = self._open()
        try:
            self._wait(fd, exclusive, deadline)
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _wait(self, fd: int, exclusive: bool, deadline: float) -> None:
        operation = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        delay = 0.002
        while True:
            try:
                fcntl.flock(fd, operation)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _describe(_read_holder(fd))
                    raise LockTimeoutError(self.path, self.timeout, holder) from None
            except OSError as error:
                message = _("could not lock {path}: {error}").format(path=self.path, error=error)
                raise StorageError(message) from error
            import random  # only once the lock is contended: 1 ms of every command's start

            time.sleep(delay * random.uniform(0.5, 1.5))
            delay = min(delay * 2, 0.05)

    def _take(self, fd: int) -> bool:
        left_behind = bool(_read_holder(fd))
        with contextlib.suppress(OSError):  # the record is a courtesy, not a requirement
            record = f"{os.getpid()} {host_name()} {_now()}\n".encode()
            os.ftruncate(fd, 0)
            os.pwrite(fd, record, 0)
        return left_behind

    def _release(self, fd: int, exclusive: bool) -> None:
        try:
            if exclusive:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _unopened(path: Path, error: OSError) -> StorageError:
    return StorageError(
        _("could not open the lock file {path}: {error}").format(path=path, error=error)
    )


def host_name() -> str:
    """This machine's name, as socket.gethostname() gives it, without importing socket."""
    return os.uname().nodename


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _read_holder(fd: int) -> str:
    try:
        return os.pread(fd, _HOLDER_MAX, 0).decode("utf-8", "replace").strip()
    except OSError:
        return ""


def _describe(record: str) -> str:
    parts = record.split()
    if len(parts) == 3 and parts[0].isdigit() and _may_be_alive(int(parts[0]), parts[1]):
        return _("held by pid {pid} on {host} since {since}").format(
            pid=parts[0], host=parts[1], since=_worded_time(parts[2])
        )
    return _("held by another process (a reader, or one that did not record itself)")


def _worded_time(stamp: str) -> str:
    """The holder's ISO time as a person reads it: 115/12/2 1 時 30 分."""
    try:
        at = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{format_numeric_date(at.date())} {format_time(at.time())}"


def _may_be_alive(pid: int, host: str) -> bool:
    # A record left by a writer that died names nobody; readers hold the lock now.
    return host != host_name() or pid_alive(pid)
