"""The register of tracked cases read from a database: the day its flags are reckoned on."""

from __future__ import annotations

from datetime import date, datetime

from tui.domain.model import MeetingStatus
from tui.domain.register import Reckoning, reckoning
from tui.storage.repository import Repository


def reckoning_of(repo: Repository, today: date | None = None) -> Reckoning:
    """The next meeting's date (a draft or a meeting in session, from the index), else today."""
    meetings = [
        (row["number"], datetime.fromisoformat(row["start"]).date(), MeetingStatus(row["status"]))
        for row in repo.summaries()
    ]
    return reckoning(meetings, today or date.today())
