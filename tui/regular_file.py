"""Reading a file that must be a plain one: a pipe, a socket or a device at its place is said
to be no file, not read (opened plainly, a pipe with no writer keeps its reader waiting for
good, and a device may never end)."""

from __future__ import annotations

import errno
import os
import stat


def open_regular(path: str | os.PathLike[str], flags: int = 0) -> tuple[int, os.stat_result]:
    """A descriptor of the regular file at `path` (the caller closes it) and its stat.
    OSError as open() gives it (FileNotFoundError, PermissionError…), IsADirectoryError for a
    folder, and one whose strerror says "not a regular file" for anything else."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | flags)
    except BlockingIOError:  # a lease held (a file server's oplock): wait as a plain open does
        follow = not flags & getattr(os, "O_NOFOLLOW", 0)
        if not stat.S_ISREG(os.stat(path, follow_symlinks=follow).st_mode):
            raise
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | flags)
    try:
        found = os.fstat(fd)
        if stat.S_ISDIR(found.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
        if not stat.S_ISREG(found.st_mode):
            from tui.i18n import _  # seldom: every reader's own words are the catalog's

            raise OSError(errno.EINVAL, _("not a regular file"), os.fspath(path))
        os.set_blocking(fd, True)  # a regular file's reads: whole, as a plain open's
    except BaseException:
        os.close(fd)
        raise
    return fd, found


def regular_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes (OSError as open_regular says)."""
    return regular_bytes_and_stat(path)[0]


def regular_bytes_and_stat(path: str | os.PathLike[str]) -> tuple[bytes, os.stat_result]:
    """The file's bytes and its stat, of the file read (as regular_bytes)."""
    fd, found = open_regular(path)
    with open(fd, "rb") as file:
        return file.read(), found


def regular_text(path: str | os.PathLike[str], errors: str = "strict") -> str:
    """The file's text, UTF-8 (UnicodeDecodeError when it is not, unless `errors` says), its
    line ends made "\\n" as a file opened as text makes them (an old Mac's "\\r" too)."""
    text = regular_bytes(path).decode("utf-8", errors)
    return text.replace("\r\n", "\n").replace("\r", "\n")
