"""What the app works on: the database, the profile, the writer and the meeting held.

Every method here touches the disk: the app calls them from worker threads only.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui import database
from tui.app.live import LiveMeeting, Snapshot
from tui.app.writer import DiskWriter, Events
from tui.dataclass_cache import dataclass, field
from tui.domain.identity import new_id
from tui.domain.model import MeetingStatus
from tui.domain.profile import Profile
from tui.edits import EditError, EditService
from tui.edits.service import os_user
from tui.i18n import _
from tui.storage.hold import MeetingHold, who_am_i
from tui.storage.repository import Repository

if TYPE_CHECKING:
    from tui.search.index import SearchIndex


_SEARCH_MADE = threading.Lock()


@dataclass
class OpenMeeting:
    """A meeting loaded for the editor, and who is typing in it.

    The hold is a courtesy that tells a colleague who is typing where; what is stored
    never depends on it (every change is an operation on what is stored now)."""

    live: LiveMeeting
    hold: MeetingHold
    holder: str = ""  # who else holds it, when this session only reads

    @property
    def number(self) -> int:
        return self.live.meeting.number

    @property
    def locked(self) -> bool:
        meeting = self.live.meeting
        return meeting.status is MeetingStatus.CONFIRMED or meeting.approval is not None


@dataclass
class Workspace:
    """The database a session works on, its profile and the writer its edits go through."""

    db: Path
    repo: Repository
    profile: Profile
    writer: DiskWriter
    user: str = field(default_factory=os_user)
    last_search: str = ""  # what the search screen shows when it opens again
    _search: SearchIndex | None = field(default=None, repr=False)

    @classmethod
    def open(cls, db: Path, events: Events | None = None) -> Workspace:
        repo = database.open_repository(db)
        profile = database.profile_of(repo)
        service = EditService(repo, os_user(), profile.unit_names, session=new_id("s"))
        return cls(db, repo, profile, DiskWriter(service, events))

    def summaries(self) -> list[dict[str, Any]]:
        return self.repo.summaries()

    def open_meeting(self, number: int) -> OpenMeeting:
        hold = MeetingHold(self.db, number, who_am_i())
        holder = "" if hold.acquire() else hold.holder()  # cleaned by the hold
        try:
            snapshot = Snapshot.read(self.repo, number)
        except BaseException:  # a damaged file: the meeting is not held for nothing
            hold.release()
            raise
        if snapshot is None:
            hold.release()
            raise EditError(_("no meeting {number}").format(number=number))
        live = LiveMeeting(snapshot, self.user, self.profile.unit_names)
        return OpenMeeting(live, hold, holder)

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
