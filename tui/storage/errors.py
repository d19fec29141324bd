"""Storage errors. Each str() is one line naming the file and what is wrong."""

from __future__ import annotations

import errno
import os
from typing import TYPE_CHECKING

from tui.i18n import _

if TYPE_CHECKING:
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
        if backup_note:
            message = _("{path} is damaged: {reason}; {note}").format(
                path=path, reason=reason, note=backup_note
            )
        else:
            message = _("{path} is damaged: {reason}").format(path=path, reason=reason)
        super().__init__(message)


class NewerSchemaError(StorageError):
    """A file was written by a newer agenda; it is never read or overwritten."""

    def __init__(self, path: Path, schema: int) -> None:
        self.path = path
        self.schema = schema
        super().__init__(
            _(
                "{path} was written by a newer agenda (schema {schema}); "
                "this version reads schema {ours}"
            ).format(path=path, schema=schema, ours=SCHEMA)
        )


class NotADatabaseError(StorageError):
    """The folder exists but is not an agenda database (or does not exist)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(
            _("{path} is not an agenda database: {reason}").format(path=path, reason=reason)
        )


class LockTimeoutError(StorageError):
    """Another process held the database lock for too long."""

    def __init__(self, path: Path, waited: float, holder: str) -> None:
        self.path = path
        self.holder = holder
        super().__init__(
            _("waited {waited:g} s for the lock {path}, {holder}").format(
                waited=waited, path=path, holder=holder
            )
        )


class StorageWriteError(StorageError):
    """The OS refused a write; the previous version of the file is intact."""

    def __init__(self, path: Path, error: OSError, note: str = "") -> None:
        self.path = path
        self.errno = error.errno
        code = errno.errorcode.get(error.errno or 0, "?")
        reason = error.strerror or os.strerror(error.errno or 0)
        tail = note or _("the previous version is unchanged")
        super().__init__(
            _("could not write {path}: {reason} [{code}]; {note}").format(
                path=path, reason=reason, code=code, note=tail
            )
        )


class ReadOnlyError(StorageError):
    """A change was attempted inside Store.reading()."""

    def __init__(self, name: str) -> None:
        super().__init__(f"cannot change document {name!r}: use Store.transaction(), not reading()")
