"""Exported files (a rendered record or agenda) written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def write_file(path: Path, data: bytes) -> None:
    """`data` at `path` through a synced temp file renamed over it, so a reader or a crash
    never meets half a file. A device or pipe (`-o /dev/stdout`) is written to as it is.
    A new file is made as the umask says; one replaced keeps its mode and group."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        found = None
    if found is not None and not stat.S_ISREG(found.st_mode):
        with open(path, "wb") as stream:
            stream.write(data)
        return
    final = path.resolve() if found is not None else path  # through a link, not over it
    temp = final.with_name(f".{final.name}.tmp-{os.getpid()}-{os.urandom(4).hex()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        if found is not None:  # a file replaced keeps who may read it
            os.fchmod(fd, stat.S_IMODE(found.st_mode))
            with contextlib.suppress(OSError):
                os.fchown(fd, -1, found.st_gid)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, final)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def write_new_file(path: Path, data: bytes) -> None:
    """`data` in a new file at `path`, written whole; FileExistsError when a file is there,
    even one made a moment ago by someone else (the synced temp file is linked, never
    renamed, into place)."""
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{os.urandom(4).hex()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.link(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def numbered(path: Path, n: int) -> Path:
    """record-102.odt, record-102-2.odt, record-102-3.odt …"""
    return path if n < 2 else path.with_name(f"{path.stem}-{n}{path.suffix}")


def write_free_name(path: Path, data: bytes) -> Path:
    """`data` in a new file: at `path`, else at the first numbered name that is free. Returns
    where it went."""
    for n in range(1, 10_000):
        candidate = numbered(path, n)
        try:
            write_new_file(candidate, data)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(path)
