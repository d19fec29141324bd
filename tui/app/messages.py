"""Messages the workers and the writer send to the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the workspace brings the whole domain: loaded off the start-up path
    from tui.app.live import Snapshot
    from tui.app.workspace import OpenMeeting, Workspace
    from tui.edits import Done, EditError
    from tui.search.hits import Hit


class WorkspaceReady(Message, bubble=False):
    """The database is open; the app hands it on to the screen, where it must stop."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace


class WorkspaceFailed(Message):
    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem


class MeetingOpened(Message):
    def __init__(self, opened: OpenMeeting, item: str = "", hit: Hit | None = None) -> None:
        super().__init__()
        self.opened = opened
        self.item = item
        self.hit = hit  # a search result to land on


class OpenHit(Message, bubble=False):
    """Open the meeting of a search result, on its item."""

    def __init__(self, hit: Hit) -> None:
        super().__init__()
        self.hit = hit


class DiskTrouble(Message):
    """The disk refused a write: changes wait and are tried again ("" once all is stored)."""

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem


class Committed(Message):
    """The writer stored this session's operations (or an undo or redo)."""

    def __init__(self, serials: list[int], done: Done) -> None:
        super().__init__()
        self.serials = serials
        self.done = done


class Refused(Message):
    """The edit service refused this session's operations; nothing of them was stored."""

    def __init__(self, serials: list[int], error: EditError) -> None:
        super().__init__()
        self.serials = serials
        self.error = error


class Stored(Message):
    """The open meeting as stored now, including this session's operations up to `upto`."""

    def __init__(self, snapshot: Snapshot, upto: int) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.upto = upto
