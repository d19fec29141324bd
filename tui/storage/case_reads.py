"""Tracked cases read from their documents (see tui.storage.case_rows for how they are kept).

A case is read whole, or (`whole` False, for a change) as its row holds it: its newest
hundred's events, its older hundreds left unread until the domain asks for them (see
tui.domain.case_history), each read then in the transaction that read the row or, once
that has ended, in a new one. A listing may take the stored data as it is (stored_in).
A row that does not count its hundreds' events (written before the counts) is read whole.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tinydb.table import Document

from tui.domain.codec import ShapeError, from_data
from tui.domain.model import CaseEvent, CaseKind, TrackedCase
from tui.domain.unread import UnreadEvents
from tui.i18n import _
from tui.storage.errors import StorageError
from tui.storage.layout import COUNTS, EARLIER, HUNDRED, closed_name, earlier_name
from tui.storage.layout import OPEN_CASES as OPEN
from tui.storage.transaction import Transaction


class RecordError(StorageError):
    """A stored document that does not hold what the model expects."""


def decode(kind: type[Any], data: Any, where: str) -> Any:
    try:
        return from_data(kind, dict(data), where)
    except ShapeError as error:
        raise RecordError(_("stored {problem}").format(problem=error)) from None


def cases_in(tx: Transaction, name: str, *, whole: bool = True) -> list[TrackedCase]:
    db = tx.db(name)
    tables = [(kind, db.table(kind.value).all()) for kind in CaseKind]
    return [_case(tx, name, kind, row, whole) for kind, rows in tables for row in rows]


def stored_in(tx: Transaction, name: str) -> list[tuple[dict[str, Any], str]]:
    """Each case's data as stored, its older hundreds' events joined, and where it is: for
    a listing that need not build the cases."""
    found = []
    tables = tx.db(name).storage.read() or {}  # read, not changed: no Document a row
    for kind in CaseKind:
        for number, row in tables.get(kind.value, {}).items():
            data = dict(row)
            hundreds = data.pop(EARLIER, [])
            data.pop(COUNTS, None)
            if hundreds:
                older = older_events(tx, kind, int(number), hundreds)
                data["history"] = older + list(data.get("history", []))
            found.append((data, f"{name} {kind.value} {number}"))
    return found


def find_case(
    tx: Transaction, kind: CaseKind, number: int, *, whole: bool = True
) -> tuple[str, TrackedCase] | None:
    for name in (OPEN, closed_name(number)):
        row = tx.db(name).table(kind.value).get(doc_id=number)
        if row is not None:
            return name, _case(tx, name, kind, row, whole)
    return None


def _case(tx: Transaction, name: str, kind: CaseKind, row: Document, whole: bool) -> TrackedCase:
    data = dict(row)
    hundreds = data.pop(EARLIER, [])
    counts = data.pop(COUNTS, None)
    if hundreds and (whole or not isinstance(counts, list) or len(counts) != len(hundreds)):
        older = older_events(tx, kind, row.doc_id, hundreds)
        data["history"] = older + list(data.get("history", []))
        hundreds = []
    case: TrackedCase = decode(TrackedCase, data, f"{name} {kind.value} {row.doc_id}")
    case.unread = [
        UnreadEvents(h * HUNDRED, (h + 1) * HUNDRED, n, _reader(tx, kind, row.doc_id, h))
        for h, n in zip(hundreds, counts or [], strict=False)
    ]
    return case


def _reader(
    tx: Transaction, kind: CaseKind, number: int, hundred: int
) -> Callable[[], list[CaseEvent]]:
    """The events of one hundred, read when the domain first asks for them: in the
    transaction that read the row, or (once that has ended) in a new one."""

    def read() -> list[CaseEvent]:
        with tx.still_reading() as now:
            events = older_events(now, kind, number, [hundred])
        where = f"{earlier_name(hundred * HUNDRED)} {kind.value} {number}"
        return [decode(CaseEvent, event, where) for event in events]

    return read


def older_events(
    tx: Transaction, kind: CaseKind, number: int, hundreds: list[int]
) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for hundred in sorted(hundreds):
        name = earlier_name(hundred * HUNDRED)
        part = tx.db(name).table(kind.value).get(doc_id=number)
        if part is None:
            raise RecordError(
                _("stored case {number}: its events are missing from {name}").format(
                    number=number, name=name
                )
            )
        events.extend(part.get("history", []))
    return events
