"""Writing documents into the index a batch at a time: out with their old rows, in with new."""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Callable
from typing import Any

from tui.dataclass_cache import dataclass, field
from tui.i18n import _
from tui.search import schema, sources
from tui.search.grams import grams
from tui.search.rows import CasePlace, NotAMeeting, Row, case_rows, meeting_rows
from tui.search.schema import FIELDS
from tui.search.sources import UnreadableDocument
from tui.storage.layout import MEETINGS, meeting_name
from tui.storage.names import Stamp


@dataclass
class Prepared:
    """A document read and turned into rows, ready to replace what the index holds of it."""

    name: str
    stamp: Stamp | None = None  # None: the document is gone
    rows: list[tuple[Row, str, str]] = field(default_factory=list)  # with its grams
    places: list[CasePlace] = field(default_factory=list)
    meeting: tuple[int, str] | None = None  # number and ISO date of a meeting document


def prepare(root: str, name: str, note: Callable[[str], None]) -> Prepared | None:
    """Document `name` read and turned into rows; None when it cannot be read (`note` says so)."""
    try:
        found = sources.read(root, name)
        if found is None:
            return Prepared(name)
        stamp, tables = found
        if name.startswith(MEETINGS + "/"):
            return _prepare_meeting(name, stamp, tables)
        rows = [row for case in sources.cases_in(tables) for row in case_rows(case, name)]
    except (UnreadableDocument, NotAMeeting) as problem:
        note(_("not searched until it can be read: {problem}").format(problem=problem))
        return None
    return Prepared(name, stamp, [(row, *grams(row.text)) for row in rows])


def _prepare_meeting(name: str, stamp: Stamp, tables: dict[str, Any]) -> Prepared:
    data = sources.meeting_in(tables)
    if data is None:
        return Prepared(name, stamp)
    found = meeting_rows(data, name)
    if meeting_name(found.number) != name:
        raise UnreadableDocument(
            _("{name} holds meeting {number}").format(name=name, number=found.number)
        )
    rows = [(row, *grams(row.text)) for row in found.rows]
    return Prepared(name, stamp, rows, found.places, (found.number, found.day))


def replace(db: sqlite3.Connection, folder: str, batch: list[Prepared]) -> None:
    known = _stamps(db, [p.name for p in batch])
    fresh = [p for p in batch if p.stamp is None or known.get(p.name) != p.stamp]
    for item in fresh:
        if item.name in known:
            forget(db, item.name)
    kept = [p for p in fresh if p.stamp is not None]
    numbered = [(item, _numbered(db, item)) for item in kept]
    rows = [row for _, rows in numbered for row in rows]
    db.executemany(
        "INSERT INTO entries(id, place, field, entry, case_kind, case_number, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (i, r.place, FIELDS.index(r.field), r.entry, r.case_kind, r.case_number, r.text)
            for i, r, _, _ in rows
        ),
    )
    db.executemany("INSERT INTO chars(rowid, uni) VALUES (?, ?)", ((r[0], r[2]) for r in rows))
    db.executemany("INSERT INTO pairs(rowid, bi) VALUES (?, ?)", ((r[0], r[3]) for r in rows))
    db.executemany(
        "INSERT OR REPLACE INTO meetings(number, day) VALUES (?, ?)",
        (p.meeting for p in kept if p.meeting is not None),
    )
    db.executemany(
        "INSERT OR IGNORE INTO case_places(meeting, kind, number, place) VALUES (?, ?, ?, ?)",
        ((c.meeting, c.kind, c.number, c.place) for p in kept for c in p.places),
    )
    db.executemany(
        "INSERT INTO docs(name, folder, ino, mtime_ns, size, meeting, rows)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((p.name, folder, *p.stamp, *_whose(p, ids)) for p, ids in numbered if p.stamp),
    )


def _whose(item: Prepared, rows: list[tuple[int, Row, str, str]]) -> tuple[int | None, bytes]:
    """What says which rows are the document's: its meeting's number, or the rows' ids."""
    if item.meeting is not None:
        return item.meeting[0], b""
    return None, array("q", (row[0] for row in rows)).tobytes()


def _stamps(db: sqlite3.Connection, names: list[str]) -> dict[str, Stamp]:
    found = db.execute(
        "SELECT name, ino, mtime_ns, size FROM docs WHERE name IN (SELECT value FROM json_each(?))",
        (json.dumps(names),),
    )
    return {name: (ino, mtime, size) for name, ino, mtime, size in found}


def forget(db: sqlite3.Connection, name: str) -> None:
    """Every row of the document, out of the index."""
    meeting, packed = db.execute(
        "SELECT meeting, rows FROM docs WHERE name = ?", (name,)
    ).fetchone()
    keys: tuple[object, ...]
    if meeting is not None:
        where, keys = "id >= ? AND id < ?", schema.meeting_rows(meeting)
    else:
        ids = array("q")
        ids.frombytes(packed or b"")
        where, keys = "id IN (SELECT value FROM json_each(?))", (json.dumps(ids.tolist()),)
    old = db.execute(f"SELECT id, text FROM entries WHERE {where}", keys).fetchall()
    # A contentless FTS5 table forgets a row only when told its very words again.
    unpaired = [(row_id, *grams(text)) for row_id, text in old]
    db.executemany(
        "INSERT INTO chars(chars, rowid, uni) VALUES ('delete', ?, ?)",
        ((row_id, uni) for row_id, uni, _ in unpaired),
    )
    db.executemany(
        "INSERT INTO pairs(pairs, rowid, bi) VALUES ('delete', ?, ?)",
        ((row_id, bi) for row_id, _, bi in unpaired),
    )
    db.execute(f"DELETE FROM entries WHERE {where}", keys)
    if meeting is not None:
        db.execute("DELETE FROM case_places WHERE meeting = ?", (meeting,))
        db.execute("DELETE FROM meetings WHERE number = ?", (meeting,))
    db.execute("DELETE FROM docs WHERE name = ?", (name,))


def _numbered(db: sqlite3.Connection, item: Prepared) -> list[tuple[int, Row, str, str]]:
    if item.meeting is not None:
        number = item.meeting[0]
        return [
            (schema.meeting_id(number, seq), row, uni, bi)
            for seq, (row, uni, bi) in enumerate(item.rows)
        ]
    slots = {
        (kind, number): slot
        for kind, number, slot in db.execute(
            "SELECT kind, number, slot FROM case_slots WHERE doc = ?", (item.name,)
        )
    }
    numbered = []
    for row, uni, bi in item.rows:
        assert row.case_number is not None
        key = (row.case_kind, row.case_number)
        if key not in slots:
            slots[key] = _new_slot(db, item.name, *key)
        row_id = schema.case_id(row.meeting, slots[key], row.field == "progress")
        numbered.append((row_id, row, uni, bi))
    return numbered


def _new_slot(db: sqlite3.Connection, doc: str, kind: str, number: int) -> int:
    cursor = db.execute(
        "INSERT INTO case_slots(doc, kind, number) VALUES (?, ?, ?)", (doc, kind, number)
    )
    slot = int(cursor.lastrowid or 0)
    if slot > schema.MAX_SLOT:
        raise sqlite3.DatabaseError(_("the search index ran out of case slots"))
    return slot
