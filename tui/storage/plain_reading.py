"""Documents read straight from their files under the database's shared lock, as a
transaction reads them (each once), for the commands that only read: tui.storage.plain
(a meeting, the index, a meeting's cases) and tui.storage.plain_cases (the register).

Anything out of the ordinary raises Unusual, and the caller asks the store, which finishes a
commit left half done, waits for a writer, falls back on a damaged file's backup and names
what is wrong: a commit to finish, a lock a writer holds, a file missing, damaged or of
another schema.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from typing import Any

from tui.regular_file import regular_bytes
from tui.storage.envelope import Tables, check_shape, may_hold_lone_surrogates
from tui.storage.errors import StorageError
from tui.storage.layout import COUNTS, EARLIER, HUNDRED, JOURNAL_FILE, LOCK_FILE, META, earlier_name


class Unusual(Exception):
    """Something the store is there for: the caller asks it."""


@contextlib.contextmanager
def shared(root: str) -> Iterator[Documents]:
    """The database's documents under its shared lock, held while nothing is left for the
    store to do."""
    try:
        lock = os.open(os.path.join(root, LOCK_FILE), os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    except OSError:
        raise Unusual from None
    try:
        fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
        if os.path.exists(os.path.join(root, JOURNAL_FILE)):
            raise Unusual
        if not os.path.exists(os.path.join(root, f"{META}.json")):
            raise Unusual
        yield Documents(root)
    except (OSError, RecursionError):
        raise Unusual from None
    finally:
        os.close(lock)  # and with it the lock


class Documents:
    """The documents read under one lock, each read once, as a transaction reads them."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._read: dict[str, Tables] = {}

    def tables(self, name: str, *, missing_ok: bool = False) -> Tables:
        """A document's tables; one not there (nor its backup), with `missing_ok`, reads as
        empty, as the store reads a document not made yet."""
        if name not in self._read:
            self._read[name] = _tables(self.root, name, missing_ok)
        return self._read[name]

    def case_data(self, kind: str, number: str, row: dict[str, Any]) -> dict[str, Any]:
        """A case's stored row with its older hundreds' events joined before its own, as
        tui.storage.case_reads joins them."""
        data = dict(row)
        hundreds = data.pop(EARLIER, [])
        data.pop(COUNTS, None)
        if hundreds:
            data["history"] = self._older_events(kind, number, hundreds) + list(
                data.get("history", [])
            )
        return data

    def _older_events(self, kind: str, number: str, hundreds: Any) -> list[Any]:
        if type(hundreds) is not list or any(type(h) is not int for h in hundreds):
            raise Unusual
        events: list[Any] = []
        for hundred in sorted(hundreds):
            part = self.tables(earlier_name(hundred * HUNDRED)).get(kind, {}).get(number)
            if part is None:
                raise Unusual  # the store names what is missing
            events.extend(part.get("history", []))
        return events


def _tables(root: str, name: str, missing_ok: bool) -> Tables:
    path = os.path.join(root, f"{name}.json")
    try:
        raw = regular_bytes(path)
    except FileNotFoundError:
        if missing_ok and not os.path.lexists(f"{path}.bak"):
            return {}
        raise Unusual from None
    except OSError:  # the store says what is wrong
        raise Unusual from None
    if b"\0" in raw or may_hold_lone_surrogates(raw):
        raise Unusual
    try:
        data = json.loads(raw.decode("utf-8-sig"))
        return check_shape(name, data)  # type: ignore[arg-type]  # a name for messages unshown
    except (ValueError, RecursionError, StorageError):
        raise Unusual from None
