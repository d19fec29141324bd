"""The editor's keys for the meeting's header (h) and its attendance (A): a dialog each,
its answer one operation, undone by ctrl+z like any other."""

from __future__ import annotations

from typing import Any

from tui.app.screens.editor_core import MeetingScreen
from tui.app.screens.header_dialogs import AttendanceDialog, HeaderDialog
from tui.domain.codec import from_data, to_data
from tui.domain.model import Attendance
from tui.edits.attendance import SetAttendance
from tui.edits.header import SetHeader
from tui.i18n import _


class HeaderKeys(MeetingScreen):
    async def action_header(self) -> None:
        if self.can_change():
            await self.finish_typing()
            self.app.push_screen(HeaderDialog(self.live.meeting), self._header_given)

    def _header_given(self, result: object) -> None:
        if not isinstance(result, dict) or not result:
            return
        fields: dict[str, Any] = result
        op = SetHeader(self.opened.number, **fields, correction=self.correction)
        if self.send(op):
            self.stamped()  # the title bar shows the date and time
            self.notify(_("Header changed. ctrl+z undoes it."))

    async def action_attendance(self) -> None:
        if self.can_change():
            await self.finish_typing()
            shown = to_data(self.live.meeting.attendance)  # as the dialog opens on it
            dialog = AttendanceDialog(from_data(Attendance, shown))
            self.app.push_screen(dialog, lambda result: self._attendance_given(shown, result))

    def _attendance_given(self, shown: dict[str, Any], result: object) -> None:
        if not isinstance(result, Attendance) or to_data(result) == shown:
            return
        number, typed = self.opened.number, to_data(result)
        op = SetAttendance(number, typed, expect=shown, correction=self.correction)
        if self.send(op):
            self.notify(_("Attendance changed. ctrl+z undoes it."))
