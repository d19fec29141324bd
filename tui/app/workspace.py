"""What the app works on: the database, the profile, the writer and the meeting held.

Every method here touches the disk: the app calls them from worker threads only.
"""

from __future__ import annotations

import getpass
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui import database
from tui.app.writer import DiskWriter
from tui.domain.model import CaseKind, Meeting, MeetingStatus, TrackedCase
from tui.domain.profile import Profile
from tui.storage.hold import MeetingHold, who_am_i
from tui.storage.repository import Repository

if TYPE_CHECKING:
    from tui.search.index import SearchIndex


_SEARCH_MADE = threading.Lock()


@dataclass
class OpenMeeting:
    """A meeting loaded for the editor, with its cases and who may change it."""

    meeting: Meeting
    cases: dict[tuple[CaseKind, int], TrackedCase]
    taken_numbers: list[int]
    hold: MeetingHold
    holder: str = ""  # who else holds it, when this session only reads
    locked: bool = False  # a confirmed record

    @property
    def read_only(self) -> bool:
        return self.locked or not self.hold.held


@dataclass
class Workspace:
    db: Path
    repo: Repository
    profile: Profile
    writer: DiskWriter
    user: str = field(default_factory=getpass.getuser)
    last_search: str = ""  # what the search screen shows when it opens again
    _search: SearchIndex | None = field(default=None, repr=False)

    @classmethod
    def open(cls, db: Path, writer_events: dict[str, Any] | None = None) -> Workspace:
        repo = database.open_repository(db)
        writer = DiskWriter(repo, **(writer_events or {}))
        return cls(db, repo, database.profile_of(repo), writer)

    def summaries(self) -> list[dict[str, Any]]:
        return self.repo.summaries()

    def open_meeting(self, number: int) -> OpenMeeting:
        from tui import secretary  # the editor's work: not paid for by the meetings list

        meeting = secretary.load(self.repo, number)
        refs = [ref for item in meeting.items() for ref in item.cases]
        cases = {(c.kind, c.number): c for c in self.repo.cases_of(refs)}
        hold = MeetingHold(self.db, number, who_am_i())
        locked = meeting.status is MeetingStatus.CONFIRMED
        holder = "" if hold.acquire() else hold.holder()
        taken = self.repo.case_numbers_of_meeting(number)
        return OpenMeeting(meeting, cases, taken, hold, holder, locked)

    def last_place(self) -> dict[str, Any]:
        return self.repo.ui_state(self.user)

    def search_index(self) -> SearchIndex:
        """The database's search index, opened on first use (it may then build for a while)."""
        with _SEARCH_MADE:  # two workers may ask at once
            if self._search is None:
                from tui.search.index import SearchIndex

                self._search = SearchIndex(self.db)
            return self._search

    def close(self) -> None:
        self.writer.close()
        if self._search is not None:
            self._search.close()
