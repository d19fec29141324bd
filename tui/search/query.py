"""Finding a text: the newest matches from the index, each checked against its own text."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from tui.search import schema
from tui.search.grams import spans
from tui.search.hits import Hit
from tui.search.schema import FIELDS

_NEWEST = "SELECT rowid FROM {0} WHERE {0} MATCH ? ORDER BY rowid DESC"
_ROWS = """
SELECT e.id >> 24, m.day, COALESCE(NULLIF(e.place, ''), p.place, ''), e.field, e.text, e.entry,
       e.case_kind, e.case_number
FROM entries e
LEFT JOIN meetings m ON m.number = e.id >> 24
LEFT JOIN case_places p ON p.meeting = e.id >> 24 AND p.kind = e.case_kind
                       AND p.number = e.case_number
WHERE e.id IN (SELECT value FROM json_each(?))
"""
CHUNK = 64  # rows read and checked at a time, beyond the first `limit`


class Found(NamedTuple):
    hits: list[Hit]
    more: bool  # there are older matches than these


def find(db: sqlite3.Connection, expression: tuple[str, str], query: str, limit: int) -> Found:
    """Rows come newest first; once more than `limit` hold the query, the rest of the oldest
    meeting among them is read too (ids run backwards within a meeting), to sort it whole."""
    table, match = expression
    hits: dict[tuple[object, ...], Hit] = {}
    last = -1  # the oldest meeting to read, once more than `limit` are found
    for ids in _newest(db, table, match, limit + 1):
        if last >= 0:
            ids = [i for i in ids if schema.meeting_of(i) >= last]
            if not ids:
                break
        for hit in _checked(db, ids, query):
            # A case moving between documents may be in both for a moment: show it once.
            key = (hit.meeting, hit.field, hit.case_kind, hit.case_number)
            hits.setdefault(key if hit.case_number is not None else (id(hit),), hit)
        if last < 0 and len(hits) > limit:
            last = schema.meeting_of(ids[-1])
    ordered = sorted(hits.values(), key=Hit.order)
    return Found(ordered[:limit], len(ordered) > limit)


def _newest(db: sqlite3.Connection, table: str, match: str, first: int) -> Iterator[list[int]]:
    cursor = db.execute(_NEWEST.format(table), (match,))
    try:
        size = first
        while ids := [row[0] for row in cursor.fetchmany(size)]:
            yield ids
            size = CHUNK
    finally:
        cursor.close()


def _checked(db: sqlite3.Connection, ids: list[int], query: str) -> Iterator[Hit]:
    """The rows that hold the query (every pair of it may be in a row, not in this order)."""
    for meeting, day, place, field, text, entry, kind, number in db.execute(
        _ROWS, (json.dumps(ids),)
    ):
        found = spans(text, query)
        if found:
            yield Hit(
                meeting,
                date.fromisoformat(day) if day else None,
                place,
                FIELDS[field],
                text,
                found,
                entry,
                kind,
                number,
            )
