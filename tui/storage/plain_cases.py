"""Every tracked case's stored data, read straight from the files under the database's
shared lock, as Repository.stored_cases reads it through the store: for a listing of the
register, which reads some hundred documents and changes none (see tui.storage.plain).

Anything out of the ordinary gives None, and the caller asks the store, which finishes a
commit, waits for a writer, falls back on a backup and names what is wrong.
"""

from __future__ import annotations

import fcntl
import json
import os
from typing import Any

from tui.storage.envelope import Tables, check_shape
from tui.storage.errors import StorageError
from tui.storage.layout import (
    CLOSED_CASES,
    COUNTS,
    EARLIER,
    HUNDRED,
    JOURNAL_FILE,
    LOCK_FILE,
    META,
    OPEN_CASES,
    earlier_name,
)

KINDS = ("internal", "mayor", "council")  # CaseKind's values, in its order
Stored = list[tuple[dict[str, Any], str]]


class _Unusual(Exception):
    """Something the store should see to."""


def plain_stored_cases(root: str) -> Stored | None:
    """What Repository.stored_cases gives, or None: ask the store."""
    try:
        lock = os.open(os.path.join(root, LOCK_FILE), os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
        if os.path.exists(os.path.join(root, JOURNAL_FILE)):
            return None
        if not os.path.exists(os.path.join(root, f"{META}.json")):
            return None
        return _Reader(root).cases()
    except (OSError, ValueError, RecursionError, StorageError, _Unusual):
        return None
    finally:
        os.close(lock)  # and with it the lock


class _Reader:
    def __init__(self, root: str) -> None:
        self.root = root
        self.read: dict[str, Tables] = {}

    def cases(self) -> Stored:
        found = self.stored_in(OPEN_CASES)
        for name in self.closed_names():
            found.extend(self.stored_in(name))
        return found

    def stored_in(self, name: str) -> Stored:
        """As tui.storage.case_reads.stored_in."""
        found = []
        tables = self.document(name)
        for kind in KINDS:
            for number, row in tables.get(kind, {}).items():
                data = dict(row)
                hundreds = data.pop(EARLIER, [])
                data.pop(COUNTS, None)
                if hundreds:
                    older = self.older_events(kind, number, hundreds)
                    data["history"] = older + list(data.get("history", []))
                found.append((data, f"{name} {kind} {number}"))
        return found

    def older_events(self, kind: str, number: str, hundreds: Any) -> list[Any]:
        if type(hundreds) is not list or not all(type(h) is int for h in hundreds):
            raise _Unusual
        events: list[Any] = []
        for hundred in sorted(hundreds):
            part = self.document(earlier_name(hundred * HUNDRED)).get(kind, {}).get(number)
            if part is None:
                raise _Unusual  # the store names what is missing
            events.extend(part.get("history", []))
        return events

    def closed_names(self) -> list[str]:
        """The closed cases' documents, as Store.names lists them."""
        try:
            entries = list(os.scandir(os.path.join(self.root, CLOSED_CASES)))
        except FileNotFoundError:
            return []
        stems = []
        for entry in entries:
            if entry.name.endswith(".json"):
                stem = entry.name.removesuffix(".json")
                if not (stem.isascii() and stem.isdigit()) or entry.is_symlink():
                    raise _Unusual
                stems.append(stem)
        return [f"{CLOSED_CASES}/{stem}" for stem in sorted(stems)]

    def document(self, name: str) -> Tables:
        if name not in self.read:
            self.read[name] = self._load(name)
        return self.read[name]

    def _load(self, name: str) -> Tables:
        path = os.path.join(self.root, f"{name}.json")
        try:
            with open(path, "rb") as file:
                raw = file.read()
        except FileNotFoundError:
            if os.path.lexists(f"{path}.bak"):
                raise _Unusual from None
            return {}  # as the store reads a document not made yet
        if b"\0" in raw:
            raise _Unusual
        return check_shape(name, json.loads(raw.decode("utf-8-sig")))  # type: ignore[arg-type]
