"""The tables of search.sqlite and how a row's id orders it.

Row ids put the newest meeting first when read backwards: a meeting's rows take the ids
from its number << 24, in the record's order; the rows of tracked cases follow, each case
of each case document with a slot of its own. FTS5 walks ids in order, so the newest
matches come first without sorting every match.
"""

from __future__ import annotations

import sqlite3
import unicodedata

from tui.i18n import _

FORMAT = 3  # bump whenever what is indexed, or how, changes: older indexes are rebuilt
MEETING_SHIFT = 24
CASE_BASE = 1 << 23
LARGEST_MEETING = 1 << (63 - MEETING_SHIFT - 1)  # row ids stay within SQLite's integer
MAX_SLOT = (1 << 22) - 1
# Chinese takes two bytes a character in UTF-16 and three in UTF-8: the texts kept once here
# are most of the index.
ENCODING = "UTF-16le"
# What a row holds, in the order an item shows them.
FIELDS = ("title", "motion", "proposal", "report", "case", "progress", "conclusion", "note")

# A meeting document's rows are the ids of its meeting (docs.meeting); a case document's are
# listed in docs.rows (packed 64-bit ids). The character and pair tables keep no positions
# (detail=none): a longer query asks for rows holding all its pairs, and each row found is
# checked against its own text.
TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE folders(name TEXT PRIMARY KEY, ino INTEGER, mtime_ns INTEGER, size INTEGER);
CREATE TABLE docs(
    name TEXT PRIMARY KEY, folder TEXT NOT NULL, ino INTEGER, mtime_ns INTEGER, size INTEGER,
    meeting INTEGER, rows BLOB
);
CREATE INDEX docs_by_folder ON docs(folder);
CREATE TABLE meetings(number INTEGER PRIMARY KEY, day TEXT NOT NULL);
CREATE TABLE entries(
    id INTEGER PRIMARY KEY, place TEXT NOT NULL, field INTEGER NOT NULL, entry INTEGER NOT NULL,
    case_kind TEXT NOT NULL, case_number INTEGER, text TEXT NOT NULL
);
CREATE TABLE case_places(
    meeting INTEGER NOT NULL, kind TEXT NOT NULL, number INTEGER NOT NULL, place TEXT NOT NULL,
    PRIMARY KEY (meeting, kind, number)
) WITHOUT ROWID;
CREATE TABLE case_slots(
    slot INTEGER PRIMARY KEY, doc TEXT NOT NULL, kind TEXT NOT NULL, number INTEGER NOT NULL,
    UNIQUE (doc, kind, number)
);
CREATE VIRTUAL TABLE chars USING fts5(
    uni, content='', tokenize='ascii', detail=none, columnsize=0
);
CREATE VIRTUAL TABLE pairs USING fts5(
    bi, content='', tokenize='ascii', detail=none, columnsize=0
);
"""


def identity() -> dict[str, str]:
    """What must match for an index to be used: its format, and the Unicode tables that
    decided which characters are letters when its rows were written."""
    return {"format": str(FORMAT), "unicode": unicodedata.unidata_version}


def create(db: sqlite3.Connection) -> None:
    for statement in TABLES.split(";"):  # not executescript(): it would commit the caller's tx
        if statement.strip():
            db.execute(statement)
    db.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", identity().items())
    db.execute(f"PRAGMA user_version = {FORMAT}")


def mismatch(db: sqlite3.Connection) -> str:
    """Why the index cannot be used as it is; "" when it can."""
    stored = dict(db.execute("SELECT key, value FROM meta").fetchall())
    for key, value in identity().items():
        if stored.get(key) != value:
            return _("its {key} is {stored!r}, not {value!r}").format(
                key=key, stored=stored.get(key), value=value
            )
    return ""


def meeting_id(meeting: int, seq: int) -> int:
    return (meeting << MEETING_SHIFT) + seq


def case_id(meeting: int, slot: int, progress: bool) -> int:
    return (meeting << MEETING_SHIFT) + CASE_BASE + (slot << 1) + progress


def meeting_of(row_id: int) -> int:
    return row_id >> MEETING_SHIFT


def meeting_rows(meeting: int) -> tuple[int, int]:
    """The ids of a meeting document's rows: from the first, up to the second."""
    return meeting_id(meeting, 0), meeting_id(meeting, CASE_BASE)
