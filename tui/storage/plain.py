"""A meeting, the index or a meeting's cases read straight from their files under the
database's shared lock (tui.storage.plain_reading), as Store.reading reads them, when
nothing asks for more: for a command that reads a few documents, the store's machinery
(transactions, journal, commit) would cost more than the reading.

Anything out of the ordinary gives None, and the caller asks the store, which finishes a
commit left half done, waits for a writer, falls back on a damaged file's backup and names
what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from tui.storage.envelope import Tables
from tui.storage.layout import OPEN_CASES, closed_name, meeting_name
from tui.storage.plain_reading import Documents, Unusual, shared

if TYPE_CHECKING:
    from tui.domain.model import CaseRef, Meeting, TrackedCase


def plain_tables(root: str, name: str) -> Tables | None:
    """The tables of document `name` ("index/0001", "meetings/0101"), or None: ask the store."""
    try:
        with shared(root) as documents:
            return documents.tables(name)
    except Unusual:
        return None


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


def plain_cases(root: str, refs: Iterable[CaseRef]) -> list[TrackedCase] | None:
    """The cases `refs` names, each read whole, as Repository.cases_of reads them (one not
    found left out), under one shared lock; or None: ask the repository."""
    from tui.domain.codec import ShapeError, from_data
    from tui.domain.model import TrackedCase

    try:
        with shared(root) as documents:
            rows = [found for ref in refs if (found := _case(documents, ref)) is not None]
        return [from_data(TrackedCase, data, where) for data, where in rows]
    except (Unusual, ShapeError):
        return None


def _case(documents: Documents, ref: CaseRef) -> tuple[dict[str, Any], str] | None:
    """A case's data, its older events joined, and where it was found."""
    kind, number = ref.kind.value, str(ref.number)
    for name in (OPEN_CASES, closed_name(ref.number)):
        row = documents.tables(name, missing_ok=True).get(kind, {}).get(number)
        if row is not None:
            return documents.case_data(kind, number, row), f"{name} {kind} {number}"
    return None
