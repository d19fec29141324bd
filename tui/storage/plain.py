"""Documents read straight from their files under the database's shared lock, as
Store.reading reads them, when nothing asks for more: for a command that reads a few
documents, the store's machinery (transactions, journal, commit) would cost more than the
reading.

Anything out of the ordinary gives None, and the caller asks the store, which finishes a
commit left half done, waits for a writer, falls back on a damaged file's backup and names
what is wrong: a commit to finish, a lock a writer holds, a file missing, damaged or of
another schema.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from tui.storage.envelope import check_shape
from tui.storage.errors import StorageError
from tui.storage.layout import (
    JOURNAL_FILE,
    LOCK_FILE,
    META,
    OPEN_CASES,
    closed_name,
    earlier_name,
    meeting_name,
)

if TYPE_CHECKING:
    from tui.domain.model import CaseRef, Meeting, TrackedCase

Tables = dict[str, dict[str, dict[str, Any]]]


class _Unusual(Exception):
    """Something the store is there for: the caller gives None and asks it."""


def plain_tables(root: str, name: str) -> Tables | None:
    """The tables of document `name` ("index", "meetings/0101"), or None: ask the store."""
    try:
        with _shared(root):
            return _tables(root, name)
    except _Unusual:
        return None


def plain_meeting(root: str, number: int) -> Meeting | None:
    """Meeting `number` as Repository.load_meeting reads it, or None: ask the repository
    (also when there is no such meeting, for it to say so)."""
    from tui.domain.codec import ShapeError, from_data
    from tui.domain.identity import name_entries
    from tui.domain.model import Meeting

    name = meeting_name(number)
    found = (plain_tables(root, name) or {}).get("meeting", {}).get("1")
    if found is None:
        return None
    try:
        return name_entries(from_data(Meeting, dict(found), name))
    except ShapeError:
        return None


def plain_cases(root: str, refs: Iterable[CaseRef]) -> list[TrackedCase] | None:
    """The cases `refs` names, each read whole, as Repository.cases_of reads them (one not
    found left out), under one shared lock; or None: ask the repository."""
    from tui.domain.codec import ShapeError, from_data
    from tui.domain.model import TrackedCase

    try:
        with _shared(root):
            documents = _Documents(root)
            rows = [row for ref in refs if (row := documents.case_row(ref)) is not None]
        return [from_data(TrackedCase, data, where) for data, where in rows]
    except (_Unusual, ShapeError):
        return None


class _Documents:
    """The documents read under one lock, each read once, as a transaction reads them."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._read: dict[str, Tables] = {}

    def tables(self, name: str, *, missing_ok: bool = False) -> Tables:
        if name not in self._read:
            self._read[name] = _tables(self.root, name, missing_ok=missing_ok)
        return self._read[name]

    def case_row(self, ref: CaseRef) -> tuple[dict[str, Any], str] | None:
        """A case's data as tui.storage.case_reads joins it, and where it was found."""
        for name in (OPEN_CASES, closed_name(ref.number)):
            table = self.tables(name, missing_ok=True).get(ref.kind.value, {})
            row = table.get(str(ref.number))
            if row is None:
                continue
            data = dict(row)
            hundreds = data.pop("earlier", [])  # case_reads.EARLIER, COUNTS
            data.pop("earlier_counts", None)
            if hundreds:
                data["history"] = self._older_events(ref, hundreds) + list(data.get("history", []))
            return data, f"{name} {ref.kind.value} {ref.number}"
        return None

    def _older_events(self, ref: CaseRef, hundreds: Any) -> list[Any]:
        if not isinstance(hundreds, list) or any(type(h) is not int for h in hundreds):
            raise _Unusual
        events: list[Any] = []
        for hundred in sorted(hundreds):
            name = earlier_name(hundred * 100)
            part = self.tables(name).get(ref.kind.value, {}).get(str(ref.number))
            if part is None:
                raise _Unusual  # the repository names what is missing
            events.extend(part.get("history", []))
        return events


@contextlib.contextmanager
def _shared(root: str) -> Iterator[None]:
    """The database's shared lock, held while nothing is left for the store to do."""
    try:
        lock = os.open(os.path.join(root, LOCK_FILE), os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    except OSError:
        raise _Unusual from None
    try:
        fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
        if os.path.exists(os.path.join(root, JOURNAL_FILE)):
            raise _Unusual
        if not os.path.exists(os.path.join(root, f"{META}.json")):
            raise _Unusual
        yield
    except OSError:
        raise _Unusual from None
    finally:
        os.close(lock)  # and with it the lock


def _tables(root: str, name: str, *, missing_ok: bool = False) -> Tables:
    """A document's tables; a document not there (nor its backup), with `missing_ok`,
    reads as empty, as the store reads it."""
    path = os.path.join(root, f"{name}.json")
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except FileNotFoundError:
        if missing_ok and not os.path.lexists(f"{path}.bak"):
            return {}
        raise _Unusual from None
    if b"\0" in raw:
        raise _Unusual
    try:
        data = json.loads(raw.decode("utf-8-sig"))
        return check_shape(name, data)  # type: ignore[arg-type]  # a name for messages unshown
    except (ValueError, RecursionError, StorageError):
        raise _Unusual from None
