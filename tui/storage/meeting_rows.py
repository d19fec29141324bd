"""A meeting's document written, and its line of the index kept with it: the summary the
index holds is worked out from the meeting, and compared with the one stored (read from the
meeting's data, no model decoded) so that an ordinary edit leaves the index alone."""

from __future__ import annotations

from typing import Any

from tinydb.table import Document

from tui.domain.codec import to_data
from tui.domain.model import Meeting, MeetingStatus
from tui.storage.index_rows import put_summary
from tui.storage.layout import meeting_name
from tui.storage.transaction import Transaction


def stored_summary(tx: Transaction, number: int) -> dict[str, Any] | None:
    """The index summary of the stored meeting, from its data (no model decoded)."""
    data = tx.db(meeting_name(number)).table("meeting").get(doc_id=1)
    if data is None:
        return None
    try:
        sections = data["sections"]
        items = [i for s in sections for i in ([s["body"]] if s.get("body") else []) + s["items"]]
        cases = sum(len(item.get("cases", [])) for item in items)
        return {
            "start": data["start"],
            "status": data["status"],
            "items": len(items),
            "cases": cases,
            "approved": data.get("approval") is not None,
        }
    except (KeyError, TypeError, AttributeError):
        return {}  # a shape the model will refuse when read: the index is written afresh


def write_meeting(tx: Transaction, meeting: Meeting, old: dict[str, Any] | None) -> None:
    tx.db(meeting_name(meeting.number)).table("meeting").upsert(
        Document(to_data(meeting), doc_id=1)
    )
    # The index is read and written only when the summary changes (a new meeting, a new
    # status), never for an ordinary edit. An approved record is changed only under a
    # correction: its row is written again, as one indexed before the index said "approved"
    # may lack it.
    summary = summary_of(meeting)
    if old is None or old != summary or meeting.approval is not None:
        put_summary(tx, meeting.number, summary)


def summary_of(meeting: Meeting) -> dict[str, Any]:
    items = meeting.items()
    return {
        "start": meeting.start.isoformat(),
        "status": MeetingStatus(meeting.status).value,
        "items": len(items),
        "cases": sum(len(item.cases) for item in items),
        "approved": meeting.approval is not None,
    }
