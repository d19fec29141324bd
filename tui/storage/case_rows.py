"""Tracked cases in their documents, each case's history kept where its cost stays flat.

A closed case is kept whole in cases/closed/NNNN. An open case's row in cases/open holds
the events of its newest hundred meetings; its older events are in cases/earlier/HHHH (the
events of meetings HH00–HH99 of every open case that had any), and the row names those
hundreds ("earlier") and how many events each holds ("earlier_counts"). So the open
cases' document grows with the open cases, not with their histories, and a meeting's merge
of a case touches its row and at most one hundred. A case read in part (see
tui.storage.case_reads) is written back to its row and the hundreds it read. A row
written before this layout holds its whole history, and one written before the counts
names its hundreds only; each is written the new way when next written.
"""

from __future__ import annotations

import sys
from typing import Any

from tinydb.table import Document

from tui.domain.codec import to_data
from tui.domain.model import CaseKind, TrackedCase
from tui.storage.case_reads import decode, find_case, older_events
from tui.storage.layout import COUNTS, EARLIER, HUNDRED, closed_name, earlier_name
from tui.storage.layout import OPEN_CASES as OPEN
from tui.storage.transaction import Transaction


def put_case(tx: Transaction, case: TrackedCase) -> None:
    """The case: open in cases/open (and its older events in cases/earlier), or closed. A
    case read in part is written to its row and the hundreds it read; the others stay."""
    if case.unread and not (case.is_open and _row_holds(tx, case)):
        case.read_back(0)
    other = closed_name(case.number) if case.is_open else OPEN
    remove_case(tx, other, case.kind, case.number)
    data = to_data(case)
    if case.is_open:
        unread = frozenset(part.start // HUNDRED for part in case.unread)
        _put_open(tx, case.kind, case.number, data, whole=True, unread=unread)
    else:
        where = tx.db(closed_name(case.number)).table(case.kind.value)
        where.upsert(Document(data, doc_id=case.number))


def remove_case(tx: Transaction, name: str, kind: CaseKind, number: int) -> None:
    """The case's row in document `name`, and its older events; nothing written if absent."""
    table = tx.db(name).table(kind.value)
    row = table.get(doc_id=number)
    if row is None:
        return
    for hundred in row.get(EARLIER, []):
        _drop_part(tx, kind, number, hundred)
    table.remove(doc_ids=[number])


def _drop_part(tx: Transaction, kind: CaseKind, number: int, hundred: int) -> None:
    """The case's events of a hundred out of cases/earlier; an emptied document goes, so the
    documents are the same whatever order the records came in."""
    name = earlier_name(hundred * HUNDRED)
    db = tx.db(name)
    table = db.table(kind.value)
    if not table.contains(doc_id=number):
        return
    table.remove(doc_ids=[number])
    if len(table) == 0:
        db.drop_table(kind.value)
    if not db.tables():
        tx.delete(name)


def merge_case(tx: Transaction, case: TrackedCase) -> None:
    """The stored case with `case`'s meetings' events (see merged). An open case whose new
    events are later than its older hundreds is merged from its row alone, the row's events
    joined as stored (only the new ones are decoded and encoded)."""
    row = tx.db(OPEN).table(case.kind.value).get(doc_id=case.number)
    recent = None if row is None else _recent_part(row, case)
    if recent is not None:
        old, first, events = recent
        found = merged(old, case, first)
        if found.is_open and not any(e.get("decision") == "release" for e in events):
            data = to_data(found)
            data["history"] = _joined(events, data["history"])
            _put_open(tx, case.kind, case.number, data, whole=False)
            return
    stored = find_case(tx, case.kind, case.number)
    put_case(tx, case if stored is None else merged(stored[1], case))


def merged(old: TrackedCase, new: TrackedCase, old_first: int | None = None) -> TrackedCase:
    """`old` with `new`'s meetings' events; each detail as the earlier meeting gave it, so
    records imported in any order give the case its first record's subject and owner.
    `old_first`: old's first meeting, when old holds only its recent events."""
    first = _first_meeting(old) if old_first is None else old_first
    earlier, later = (new, old) if _first_meeting(new) < first else (old, new)
    for name in ("subject", "owner", "origin_item", "origin_conclusion", "deadline"):
        setattr(old, name, getattr(earlier, name) or getattr(later, name))
    origin = earlier.origin_meeting
    old.origin_meeting = later.origin_meeting if origin is None else origin
    meetings = {e.meeting for e in new.history}
    history = [e for e in old.history if e.meeting not in meetings] + new.history
    old.history = sorted(history, key=lambda e: e.meeting)
    return old


def _first_meeting(case: TrackedCase) -> int:
    return min((e.meeting for e in case.history), default=sys.maxsize)


def _row_holds(tx: Transaction, case: TrackedCase) -> bool:
    """The case's row names the hundreds it left unread (it was not renumbered since)."""
    row = tx.db(OPEN).table(case.kind.value).get(doc_id=case.number)
    hundreds = set(row.get(EARLIER, [])) if row is not None else set()
    return {part.start // HUNDRED for part in case.unread} <= hundreds


def _recent_part(
    row: Document, new: TrackedCase
) -> tuple[TrackedCase, int, list[dict[str, Any]]] | None:
    """The stored case as its row holds it but its events, its first meeting, and the row's
    events as stored; None when `new` reaches back into its older hundreds, or the events
    are not what the codec writes (then the whole case is read and merged)."""
    data = dict(row)
    hundreds = data.pop(EARLIER, [])
    data.pop(COUNTS, None)
    if hundreds and _first_meeting(new) < (min(hundreds) + 1) * HUNDRED:
        return None
    events = data.pop("history", [])
    if not isinstance(events, list) or not all(_an_event(e) for e in events):
        return None
    old = decode(TrackedCase, data, f"{OPEN} {new.kind.value} {new.number}")
    meetings = (e["meeting"] for e in events)
    first = min(hundreds) * HUNDRED if hundreds else min(meetings, default=sys.maxsize)
    return old, first, events


def _an_event(data: Any) -> bool:
    return isinstance(data, dict) and type(data.get("meeting")) is int


def _put_open(
    tx: Transaction,
    kind: CaseKind,
    number: int,
    data: dict[str, Any],
    *,
    whole: bool,
    unread: frozenset[int] = frozenset(),
) -> None:
    """An open case's row with its newest hundred's events; the older ones by hundred. With
    `whole`, data holds every event but those of the `unread` hundreds (kept as they are);
    else only its recent ones, the others kept."""
    groups: dict[int, list[dict[str, Any]]] = {}
    for event in data["history"]:
        groups.setdefault(event["meeting"] // HUNDRED, []).append(event)
    newest = max(groups, default=0)
    table = tx.db(OPEN).table(kind.value)
    before = table.get(doc_id=number)
    had = set(before.get(EARLIER, [])) if before is not None else set()
    counts = _counts(before)
    if newest in had:  # the newest events were older ones (a later meeting's taken away)
        groups[newest] = _taken_part(tx, kind, number, newest, groups[newest], whole=whole)
        had.discard(newest)
    for hundred, events in groups.items():
        if hundred != newest:
            counts[hundred] = _put_part(tx, kind, number, hundred, events, whole=whole)
    gone = had - set(groups) - unread if whole else set()
    for hundred in gone:
        _drop_part(tx, kind, number, hundred)
    kept = sorted((had | set(groups)) - gone - {newest})
    numbers = [counts.get(h) or _count(tx, kind, number, h) for h in kept]
    row = {**data, "history": groups.get(newest, []), EARLIER: kept, COUNTS: numbers}
    if before is None or dict(before) != row:
        table.upsert(Document(row, doc_id=number))


def _counts(row: Document | None) -> dict[int, int]:
    """The events each older hundred of a stored row holds, as far as the row says."""
    if row is None or not isinstance(row.get(COUNTS), list):
        return {}
    return dict(zip(row.get(EARLIER, []), row[COUNTS], strict=False))


def _count(tx: Transaction, kind: CaseKind, number: int, hundred: int) -> int:
    """A hundred's events counted (a row written before rows counted them)."""
    return len(older_events(tx, kind, number, [hundred]))


def _taken_part(
    tx: Transaction, kind: CaseKind, number: int, hundred: int, events: list[Any], *, whole: bool
) -> list[dict[str, Any]]:
    """A hundred's events out of cases/earlier, to be kept in the row again."""
    old = tx.db(earlier_name(hundred * HUNDRED)).table(kind.value).get(doc_id=number)
    if old is None:
        return events
    _drop_part(tx, kind, number, hundred)
    return events if whole else _joined(old.get("history", []), events)


def _joined(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """old's events with new's in place of those of the same meetings, in meeting order."""
    mine = {e["meeting"] for e in new}
    return sorted(
        [e for e in old if e["meeting"] not in mine] + new, key=lambda e: int(e["meeting"])
    )


def _put_part(
    tx: Transaction,
    kind: CaseKind,
    number: int,
    hundred: int,
    events: list[dict[str, Any]],
    *,
    whole: bool,
) -> int:
    """The hundred's events of the case written; how many it holds now."""
    table = tx.db(earlier_name(hundred * HUNDRED)).table(kind.value)
    old = table.get(doc_id=number)
    if old is not None and not whole:
        events = _joined(old.get("history", []), events)
    row = {"number": number, "kind": kind.value, "history": events}
    if old is None or dict(old) != row:
        table.upsert(Document(row, doc_id=number))
    return len(events)
