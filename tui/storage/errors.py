"""Storage errors. Each str() is one line naming the file and what is wrong."""

from __future__ import annotations

import errno
import os
from pathlib import Path

SCHEMA = 2  # 2: items, reports and conclusions carry ids, a meeting its log


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


class StorageError(Exception):
    """Base class of every error raised by tui.storage."""

    def __init__(self, message: str) -> None:
        super().__init__(_one_line(message))


class DamagedFileError(StorageError):
    """A document file cannot be read and no good backup copy exists."""

    def __init__(self, path: Path, reason: str, backup_note: str = "") -> None:
        self.path = path
        self.reason = reason
        note = f"; {backup_note}" if backup_note else ""
        super().__init__(f"{path} is damaged: {reason}{note}")


class NewerSchemaError(StorageError):
    """A file was written by a newer agenda; it is never read or overwritten."""

    def __init__(self, path: Path, schema: int) -> None:
        self.path = path
        self.schema = schema
        super().__init__(
            f"{path} was written by a newer agenda (schema {schema}); "
            f"this version reads schema {SCHEMA}"
        )


class NotADatabaseError(StorageError):
    """The folder exists but is not an agenda database (or does not exist)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"{path} is not an agenda database: {reason}")


class LockTimeoutError(StorageError):
    """Another process held the database lock for too long."""

    def __init__(self, path: Path, waited: float, holder: str) -> None:
        self.path = path
        self.holder = holder
        super().__init__(f"waited {waited:g} s for the lock {path}, {holder}")


class StorageWriteError(StorageError):
    """The OS refused a write; the previous version of the file is intact."""

    def __init__(self, path: Path, error: OSError, note: str = "") -> None:
        self.path = path
        self.errno = error.errno
        code = errno.errorcode.get(error.errno or 0, "?")
        reason = error.strerror or os.strerror(error.errno or 0)
        tail = note or "the previous version is unchanged"
        super().__init__(f"could not write {path}: {reason} [{code}]; {tail}")


class ReadOnlyError(StorageError):
    """A change was attempted inside Store.reading()."""

    def __init__(self, name: str) -> None:
        super().__init__(f"cannot change document {name!r}: use Store.transaction(), not reading()")
