"""Messages the workers and the writer send to the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the workspace brings the whole domain: loaded off the start-up path
    from tui.app.workspace import OpenMeeting, Workspace
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


class SaveFailed(Message):
    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem
