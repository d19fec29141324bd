"""A draft agenda prepared by mistake, deleted from the meetings list (D) after a question,
and put back (ctrl+z): the edit service's delete_meeting and its undo, both logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from tui.domain.rocdate import format_date
from tui.domain.status_words import status_word
from tui.i18n import N_, _

if TYPE_CHECKING:
    from tui.app.screens.meetings import MeetingsScreen

BINDINGS = [
    Binding(
        "D",
        "delete_draft",
        N_("Delete draft"),
        id="meetings.delete_draft",
        show=False,
        tooltip=N_("Delete the highlighted draft agenda (議程草案) prepared by mistake"),
    ),
    Binding(
        "ctrl+z",
        "undo_delete",
        N_("Undo"),
        id="meetings.undo",
        show=False,
        tooltip=N_("Put back the meeting deleted last"),
    ),
]


class DraftDeletion:
    """What the meetings list deleted (or approved) in this session, newest last, to undo."""

    def __init__(self, screen: MeetingsScreen) -> None:
        self.screen = screen
        # (meeting, the change's log entry, what to say when it is undone): a deletion, or
        # another change made from the list (an approval)
        self.undoable: list[tuple[int, int, str]] = []

    def ask(self, number: int, row: dict[str, Any]) -> None:
        from tui.domain.model import MeetingStatus

        screen = self.screen
        status = MeetingStatus(row["status"])
        if status is not MeetingStatus.DRAFT:
            screen.notify(
                _("Only a draft agenda can be deleted; meeting {number} is {status}.").format(
                    number=number, status=status_word(status)
                ),
                severity="warning",
            )
            return
        from tui.app.screens.header_dialogs import DeleteDraftDialog

        when = format_date(datetime.fromisoformat(row["start"]).date())
        dialog = DeleteDraftDialog(number, when)
        screen.app.push_screen(
            dialog, lambda yes: self._in_worker(self._delete, number) if yes else None
        )

    def _in_worker(self, task: Callable[..., None], *args: object) -> None:
        self.screen.run_worker(partial(task, *args), thread=True, exclusive=True, group="delete")

    def _delete(self, number: int) -> None:
        from tui.edits import EditError
        from tui.edits.ops import DeleteMeeting
        from tui.storage.hold import MeetingHold, who_am_i

        screen = self.screen
        assert screen.workspace is not None
        hold = MeetingHold(screen.workspace.db, number, who_am_i())
        try:
            if not hold.acquire():
                holder = hold.holder()
                self._say(
                    _("Not deleted: {holder} has meeting {number} open.").format(
                        holder=holder, number=number
                    ),
                    warning=True,
                )
                return
            done = screen.workspace.writer.service.apply(DeleteMeeting(number))
        except EditError as error:
            self._say(_("Not deleted: {problem}").format(problem=error), warning=True)
            return
        finally:
            hold.release()
        if done.seq is not None:
            self.remember(number, done.seq, N_("Meeting {number} put back."))
        self._say(_("Meeting {number} deleted. ctrl+z puts it back.").format(number=number))
        screen.app.call_from_thread(screen.reload)

    def remember(self, number: int, seq: int, undone: str) -> None:
        """A change made from the list (its log entry), for ctrl+z; `undone` is said then."""
        self.undoable.append((number, seq, undone))

    def undo(self) -> None:
        if not self.undoable:
            self.screen.notify(_("Nothing deleted here to put back."))
            return
        self._in_worker(self._undo, *self.undoable.pop())

    def _undo(self, number: int, seq: int, said: str) -> None:
        from tui.edits import EditError

        screen = self.screen
        assert screen.workspace is not None
        try:
            screen.workspace.writer.service.undo(number, seq)
        except EditError as error:
            self._say(_("Not put back: {problem}").format(problem=error), warning=True)
            return
        self._say(_(said).format(number=number))
        screen.app.call_from_thread(screen.reload)

    def _say(self, message: str, warning: bool = False) -> None:
        severity = "warning" if warning else "information"
        self.screen.app.call_from_thread(self.screen.notify, message, severity=severity)
