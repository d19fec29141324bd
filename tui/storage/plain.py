"""A document read straight from its file under the database's shared lock, as
Store.reading reads it, when nothing asks for more: for a command that reads one or two
documents, the store's machinery (transactions, journal, commit) would cost more than the
reading.

Anything out of the ordinary gives None, and the caller asks the store, which finishes a
commit left half done, waits for a writer, falls back on a damaged file's backup and names
what is wrong: a commit to finish, a lock a writer holds, a file missing, damaged or of
another schema.
"""

from __future__ import annotations

import fcntl
import json
import os
from typing import TYPE_CHECKING, Any

from tui.storage.envelope import check_shape
from tui.storage.errors import StorageError
from tui.storage.layout import JOURNAL_FILE, LOCK_FILE, META, meeting_name

if TYPE_CHECKING:
    from tui.domain.model import Meeting

Tables = dict[str, dict[str, dict[str, Any]]]


def plain_tables(root: str, name: str) -> Tables | None:
    """The tables of document `name` ("index", "meetings/0101"), or None: ask the store."""
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
        with open(os.path.join(root, f"{name}.json"), "rb") as file:
            raw = file.read()
        if b"\0" in raw:
            return None
        data = json.loads(raw.decode("utf-8-sig"))
        return check_shape(name, data)  # type: ignore[arg-type]  # a name for messages unshown
    except (OSError, ValueError, RecursionError, StorageError):
        return None
    finally:
        os.close(lock)  # and with it the lock


def plain_meeting(root: str, number: int) -> Meeting | None:
    """Meeting `number` as Repository.load_meeting reads it, or None: ask the repository
    (also when there is no such meeting, for it to say so)."""
    from tui.domain.codec import ShapeError, from_data
    from tui.domain.identity import name_entries
    from tui.domain.model import Meeting

    name = meeting_name(number)
    found = _stored_meeting(root, name)
    if found is None:
        return None
    try:
        return name_entries(from_data(Meeting, dict(found), name))
    except ShapeError:
        return None


def plain_meeting_data(root: str, number: int) -> dict[str, Any] | None:
    """Meeting `number` as json_output.meeting_json gives the repository's, read without the
    model (tui.domain.meeting_data); None: ask plain_meeting, then the repository."""
    from tui.domain.filling import Misfit
    from tui.domain.meeting_data import meeting_data

    found = _stored_meeting(root, meeting_name(number))
    if found is None:
        return None
    try:
        return meeting_data(found)
    except (Misfit, RecursionError):  # points nested deeper than the filling goes
        return None


def _stored_meeting(root: str, name: str) -> Any:
    return (plain_tables(root, name) or {}).get("meeting", {}).get("1")
