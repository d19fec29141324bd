"""Finding a text: the newest matches from the index, each checked against its own text."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date

from tui.search import schema
from tui.search.grams import spans
from tui.search.hits import Hit

_NEWEST = "SELECT rowid FROM {0} WHERE {0} MATCH ? ORDER BY rowid DESC LIMIT ?"
_REST_OF_MEETING = "SELECT rowid FROM {0} WHERE {0} MATCH ? AND rowid >= ? AND rowid < ?"
_ROWS = """
SELECT e.meeting, m.day, COALESCE(NULLIF(e.place, ''), p.place, ''), e.field, e.text, e.entry,
       e.case_kind, e.case_number
FROM entries e
LEFT JOIN meetings m ON m.number = e.meeting
LEFT JOIN case_places p ON p.meeting = e.meeting AND p.kind = e.case_kind
                       AND p.number = e.case_number
WHERE e.id IN (SELECT value FROM json_each(?))
"""


@dataclass(frozen=True)
class Found:
    hits: list[Hit]
    more: bool  # there are older matches than these


def find(db: sqlite3.Connection, expression: tuple[str, str], query: str, limit: int) -> Found:
    table, match = expression
    ids = [row[0] for row in db.execute(_NEWEST.format(table), (match, limit + 1))]
    if len(ids) > limit:
        # Ids run backwards within a meeting: take the rest of the oldest one, to sort it whole.
        oldest = schema.meeting_id(schema.meeting_of(ids[-1]), 0)
        rest = db.execute(_REST_OF_MEETING.format(table), (match, oldest, ids[-1]))
        ids += [row[0] for row in rest]
    hits: dict[tuple[object, ...], Hit] = {}
    for meeting, day, place, field, text, entry, kind, number in db.execute(
        _ROWS, (json.dumps(ids),)
    ):
        found = spans(text, query)
        if not found:
            continue  # never show a row that does not hold the query
        hit = Hit(
            meeting,
            date.fromisoformat(day) if day else None,
            place,
            field,
            text,
            found,
            entry,
            kind,
            number,
        )
        # A case moving between documents may be in both for a moment: show it once.
        key = (meeting, field, kind, number) if number is not None else (id(hit),)
        hits.setdefault(key, hit)
    ordered = sorted(hits.values(), key=Hit.order)
    return Found(ordered[:limit], len(ordered) > limit)
