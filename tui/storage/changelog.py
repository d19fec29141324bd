"""A meeting's log: its newest changes in the meeting's own document, committed with them;
older ones moved, a run at a time, into documents of their own (logs/0104/000001), so a
commit re-writes a bounded log however long the meeting's history of changes grows."""

from __future__ import annotations

from typing import Any

from tinydb.table import Document, Table

from tui.storage.layout import LOG_TABLE, log_chunk_name, log_chunk_start, log_folder, meeting_name
from tui.storage.transaction import Transaction

KEEP = 64  # entries kept in the meeting's document, at most
MOVE = 32  # moved out together when there are more

Entry = dict[str, Any]


class MeetingLog:
    def __init__(self, tx: Transaction, meeting: int) -> None:
        self.tx = tx
        self.meeting = meeting

    def _recent(self) -> Table:
        return self.tx.db(meeting_name(self.meeting)).table(LOG_TABLE)

    def _starts(self) -> list[int]:
        names = self.tx.names(log_folder(self.meeting))
        return sorted(s for name in names if (s := log_chunk_start(name)) is not None)

    def entries(self) -> list[tuple[int, Entry]]:
        """Every entry, oldest first."""
        found: list[tuple[int, Entry]] = []
        for start in self._starts():
            table = self.tx.db(log_chunk_name(self.meeting, start)).table(LOG_TABLE)
            found.extend((row.doc_id, dict(row)) for row in table.all())
        found.extend((row.doc_id, dict(row)) for row in self._recent().all())
        return sorted(found, key=lambda pair: pair[0])

    def entry(self, seq: int) -> Entry | None:
        found = self._recent().get(doc_id=seq)
        if found is None:
            earlier = [s for s in self._starts() if s <= seq]
            if earlier:
                chunk = self.tx.db(log_chunk_name(self.meeting, earlier[-1]))
                found = chunk.table(LOG_TABLE).get(doc_id=seq)
        return None if found is None else dict(found)

    def last(self) -> tuple[int, Entry] | None:
        rows = self._recent().all()
        if not rows:
            return None
        row = max(rows, key=lambda r: r.doc_id)
        return row.doc_id, dict(row)

    def append(self, entry: Entry) -> int:
        if not self._meeting_stored():
            return self._append_retired(entry)
        recent = self._recent()
        if len(recent) == 0:  # a meeting made again after it was deleted: its log goes on
            seq = self._next_after_chunks()
            recent.insert(Document(entry, doc_id=seq))
            return seq
        seq = recent.insert(entry)
        if len(recent) > KEEP:
            self._move_out(recent)
        return seq

    def _meeting_stored(self) -> bool:
        return self.tx.db(meeting_name(self.meeting)).table("meeting").contains(doc_id=1)

    def _next_after_chunks(self) -> int:
        starts = self._starts()
        if not starts:
            return 1
        chunk = self.tx.db(log_chunk_name(self.meeting, starts[-1])).table(LOG_TABLE)
        return max((row.doc_id for row in chunk.all()), default=starts[-1] - 1) + 1

    def _append_retired(self, entry: Entry) -> int:
        """An entry of a meeting that is gone (its deletion): into its last older run."""
        seq = self._next_after_chunks()
        starts = self._starts()
        start = starts[-1] if starts else seq
        chunk = self.tx.db(log_chunk_name(self.meeting, start)).table(LOG_TABLE)
        chunk.upsert(Document(entry, doc_id=seq))
        return seq

    def retire(self) -> None:
        """The meeting is deleted: its log moves out of its document, whole, and stays."""
        recent = self._recent()
        rows = sorted(recent.all(), key=lambda r: r.doc_id)
        if rows:
            chunk = self.tx.db(log_chunk_name(self.meeting, rows[0].doc_id)).table(LOG_TABLE)
            for row in rows:
                chunk.upsert(Document(dict(row), doc_id=row.doc_id))
            recent.remove(doc_ids=[row.doc_id for row in rows])

    def rewrite(self, seq: int, entry: Entry) -> None:
        self._recent().upsert(Document(entry, doc_id=seq))

    def _move_out(self, recent: Table) -> None:
        oldest = sorted(recent.all(), key=lambda r: r.doc_id)[:MOVE]
        chunk = self.tx.db(log_chunk_name(self.meeting, oldest[0].doc_id)).table(LOG_TABLE)
        for row in oldest:
            chunk.upsert(Document(dict(row), doc_id=row.doc_id))
        recent.remove(doc_ids=[row.doc_id for row in oldest])
