"""The documents the index is built from, and the stamps that tell when one changed.

A document is replaced by a rename on every commit, so its (inode, mtime, size) changes
with its content: an unchanged stamp would need a freed inode reused within one tick of
the clock for a file of the very same size. Documents are read without the database lock,
each stamped from the descriptor it was read through: a stamp always belongs to the bytes
indexed with it.
"""

from __future__ import annotations

import os
import time
from stat import S_ISREG
from typing import Any

from tui.i18n import _
from tui.regular_file import regular_bytes_and_stat
from tui.storage.envelope import decode
from tui.storage.errors import StorageError
from tui.storage.layout import CASE_FOLDERS, CASE_KINDS, MEETINGS
from tui.storage.names import SUFFIX, Stamp, check_name, document_path, stamp_of

FOLDERS = (MEETINGS, *CASE_FOLDERS)  # every document searched is directly in one of these
# A folder untouched for this long has a settled mtime: any later change gives it a new one.
SETTLED_NS = 1_000_000_000


class UnreadableDocument(Exception):
    """A document the index cannot use now; the database's own commands will report it."""


def settled_folder_stamp(root: str, folder: str) -> Stamp | None:
    """The folder's stamp if it may be trusted to change with any of its documents."""
    try:
        stat = os.stat(os.path.join(root, folder))
    except OSError:
        return None
    if time.time_ns() - stat.st_mtime_ns < SETTLED_NS:
        return None
    return stamp_of(stat)


def documents(root: str, folder: str) -> dict[str, Stamp]:
    """Each file directly in folder that may be a document, by name ("meetings/0101"),
    with its stamp; check a name with is_document() before reading it."""
    found: dict[str, Stamp] = {}
    try:
        entries = list(os.scandir(os.path.join(root, folder)))
    except (FileNotFoundError, NotADirectoryError):
        return found
    except OSError as error:  # an index that skipped a folder would answer wrongly
        unlisted = _("could not list {path}: {reason}")
        raise StorageError(
            unlisted.format(path=os.path.join(root, folder), reason=error.strerror or error)
        ) from None
    for entry in entries:
        if not entry.name.endswith(SUFFIX):
            continue
        try:
            stat = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if S_ISREG(stat.st_mode):
            found[f"{folder}/{entry.name[: -len(SUFFIX)]}"] = stamp_of(stat)
    return found


def count(root: str, folder: str) -> int:
    """How many files directly in folder may be documents, by their names alone."""
    try:
        with os.scandir(os.path.join(root, folder)) as entries:
            return sum(entry.name.endswith(SUFFIX) for entry in entries)
    except OSError:
        return 0


def is_document(name: str) -> bool:
    try:
        check_name(name)
    except ValueError:
        return False
    return True


def read(root: str, name: str) -> tuple[Stamp, dict[str, Any]] | None:
    """The document's tables and their stamp; None when it is gone."""
    from pathlib import Path  # a document read: the index being built

    path = document_path(Path(root), name)
    try:
        raw, found = regular_bytes_and_stat(path)
        stamp = stamp_of(found)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UnreadableDocument(f"{path}: {error.strerror or error}") from None
    try:
        return stamp, decode(path, raw)
    except StorageError as error:
        raise UnreadableDocument(str(error)) from None


def meeting_in(tables: dict[str, Any]) -> Any:
    """The stored meeting of a meeting document (as JSON data), or None."""
    return tables.get("meeting", {}).get("1")


def cases_in(tables: dict[str, Any]) -> list[Any]:
    """The stored cases of a case document (as JSON data)."""
    return [row for kind in CASE_KINDS for row in tables.get(kind, {}).values()]
