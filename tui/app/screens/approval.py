"""The chair's approval of a record (陳核 / 核定) from the meetings list: A on a record asks
who approves (its 主席 by default) and logs the approval; changes after it are logged
corrections; ctrl+z takes it back. The dialog and the edit are imported when asked for:
the list is shown before the edit machinery is loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from tui.domain.status_words import status_word
from tui.i18n import N_, _

if TYPE_CHECKING:
    from tui.app.screens.meetings import MeetingsScreen

BINDINGS = [
    Binding(
        "A",
        "approve",
        N_("Approve"),
        id="meetings.approve",
        show=False,
        tooltip=N_("The chair approves the highlighted record (核定); ctrl+z takes it back"),
    ),
]


def ask(screen: MeetingsScreen, number: int, row: dict[str, Any]) -> None:
    from tui.app.screens.approval_dialog import ApproveDialog
    from tui.domain.model import MeetingStatus

    status = MeetingStatus(row["status"])
    if status is not MeetingStatus.RECORDED or row.get("approved"):
        said = (
            _("The record of meeting {number} is approved already.")
            if row.get("approved")
            else _("Only a record (紀錄完成) is approved; meeting {number} is {status}.")
        )
        screen.notify(said.format(number=number, status=status_word(status)), severity="warning")
        return
    assert screen.workspace is not None
    meeting = screen.workspace.repo.load_meeting(number)
    chair = meeting.chair if meeting is not None else ""
    screen.app.push_screen(
        ApproveDialog(number, chair),
        lambda by: _approve_in_worker(screen, number, by) if isinstance(by, str) else None,
    )


def _approve_in_worker(screen: MeetingsScreen, number: int, by: str) -> None:
    screen.run_worker(lambda: _approve(screen, number, by), thread=True, group="approve")


def _approve(screen: MeetingsScreen, number: int, by: str) -> None:
    from tui.edits import EditError
    from tui.edits.approving import Approve

    assert screen.workspace is not None
    try:
        done = screen.workspace.writer.service.apply(Approve(number, by))
    except EditError as error:
        screen.app.call_from_thread(
            screen.notify, _("Not approved: {problem}").format(problem=error), severity="warning"
        )
        return
    if done.seq is not None:
        screen.deletion.remember(number, done.seq, N_("Approval of meeting {number} taken back."))
    screen.app.call_from_thread(
        screen.notify,
        _("Record of meeting {number} approved by {who}. ctrl+z takes it back.").format(
            number=number, who=by
        ),
    )
    screen.app.call_from_thread(screen.reload)
