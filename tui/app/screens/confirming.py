"""宣讀 in the editor: the last record confirmed as the meeting reads it, with `f` (a dialog
for 修正之點) or by typing 紀錄確定。 under the 宣讀 item. The operation is on the last
record, which the editor's copy does not hold: the writer applies it, and the 宣讀 item
shows it when the meeting is read back."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from tui.app.screens.confirm_dialog import Confirming, ConfirmRecordDialog
from tui.domain import amendments
from tui.domain.identity import find_entry
from tui.domain.lifecycle import status_word
from tui.domain.model import Amendment, Conclusion, ItemKind, Meeting, MeetingStatus
from tui.domain.places import placed_items
from tui.edits.ops import Confirm
from tui.i18n import _
from tui.storage.errors import StorageError

if TYPE_CHECKING:
    from tui.app.screens.editor import EditorScreen
    from tui.app.screens.entry_typing import Typing


def confirm_last_record(screen: EditorScreen, *, typed: bool = False) -> None:
    """Read the last record (on a worker), then ask for its 修正之點, or, for a typed
    紀錄確定。, confirm it as it is."""
    number = screen.opened.number - 1
    work = partial(_read, screen, number, typed)
    screen.run_worker(work, thread=True, exclusive=True, group="confirm")


def typed_confirmation(screen: EditorScreen, typing: Typing) -> None:
    """A conclusion typed under 宣讀 that says 紀錄確定 confirms the last record; one that
    says 修正後確定 asks for the 修正之點."""
    found = find_entry(screen.live.meeting, typing.target)
    if typing.kind != "conclusion" or found is None:
        return
    item, conclusion = found
    if item.kind is not ItemKind.READ_RECORD or not isinstance(conclusion, Conclusion):
        return
    text = conclusion.text.strip()
    if text in ("紀錄確定", amendments.CONFIRMED):
        confirm_last_record(screen, typed=True)
    elif text.startswith(amendments.AMENDED):
        confirm_last_record(screen)


def _read(screen: EditorScreen, number: int, typed: bool) -> None:
    try:
        record = screen.workspace.repo.load_meeting(number)
    except StorageError as error:
        screen.app.call_from_thread(screen.notify, str(error), severity="warning")
        return
    screen.app.call_from_thread(_ask, screen, number, record, typed)


def _ask(screen: EditorScreen, number: int, record: Meeting | None, typed: bool) -> None:
    if record is None:
        screen.notify(_("There is no meeting {number} to confirm.").format(number=number))
        return
    if record.status is MeetingStatus.CONFIRMED:
        if not typed:
            screen.notify(
                _("The record of meeting {number} is confirmed already.").format(number=number)
            )
        return
    if record.status is not MeetingStatus.RECORDED:
        status = status_word(record.status)
        screen.notify(
            _("The record of meeting {number} is not finished ({status}).").format(
                number=number, status=status
            ),
            severity="warning",
        )
        return
    if typed:
        _confirm(screen, number, [])
    else:
        screen.app.push_screen(ConfirmRecordDialog(record), partial(_answered, screen, number))


def _answered(screen: EditorScreen, number: int, result: object) -> None:
    if isinstance(result, Confirming):
        _confirm(screen, number, result.corrections)


def _confirm(screen: EditorScreen, number: int, corrections: list[Amendment]) -> None:
    op = Confirm(number, screen.opened.number, corrections)
    screen.workspace.writer.submit(screen.live.pass_on(op), op)
    _show_read_item(screen)
    how = amendments.confirmation_conclusion(corrections).text.rstrip("。：")
    screen.notify(
        _("Record of meeting {number}: {how}. ctrl+z undoes it.").format(number=number, how=how)
    )


def _show_read_item(screen: EditorScreen) -> None:
    place = next(
        (
            p
            for p, _h, item in placed_items(screen.live.meeting)
            if item.kind is ItemKind.READ_RECORD
        ),
        None,
    )
    if place is not None and place != screen.place:
        screen.place = place
        screen.outline.show(screen.live.meeting, place)
        screen.show_item()
