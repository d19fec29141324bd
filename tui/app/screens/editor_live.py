"""The editor's keys of a live meeting beyond what is typed: a motion edited, deleted and
moved, a report's speaker and kind, and the clock (begun, adjourned, corrected, taken back)."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from tui.app.keyhold import nothing_opened
from tui.app.screens.clock_dialogs import BackInSessionDialog, Times, TimesDialog
from tui.app.screens.dialogs import Motion, MotionDialog, ReportDialog, Speaker
from tui.app.screens.editor_core import MeetingScreen
from tui.app.widgets.entries import key_of
from tui.domain.model import Item, MeetingStatus, Report
from tui.domain.places import placed_items
from tui.domain.rocdate import format_time
from tui.edits.ops import (
    Adjourn,
    Begin,
    CorrectTimes,
    EditMotion,
    EditReport,
    MoveBack,
    MoveMotion,
    RemoveItem,
)
from tui.i18n import _


def _now() -> str:
    return datetime.now().strftime("%H:%M")


class LiveEditing(MeetingScreen):
    def target(self) -> object | None:
        """What the highlighted entry shows: a report, a case, a conclusion, a motion."""
        entry = self.current()
        return entry.target if entry else None

    # -- motions ---------------------------------------------------------------

    def edit_motion(self, motion: Item) -> None:
        current = Motion(motion.presenter, motion.title, motion.presenter_kind)
        self.app.push_screen(MotionDialog(current), partial(self._motion_edited, motion.id))

    def _motion_edited(self, motion: str, result: object) -> None:
        if not isinstance(result, Motion):
            return
        number = self.opened.number
        op = EditMotion(
            number, motion, result.presenter, result.kind, result.text, correction=self.correction
        )
        if self.send(op):
            self.follow_item(motion)

    def delete_motion(self, motion: Item) -> None:
        places = [p for p, _h, _i in placed_items(self.live.meeting)]
        at = places.index(self.place) if self.place in places else 0
        if self.send(RemoveItem(self.opened.number, motion.id, correction=self.correction)):
            places = [p for p, _h, _i in placed_items(self.live.meeting)]
            self.place = places[min(at, len(places) - 1)] if places else ""
            self.outline.show(self.live.meeting, self.place)
            self.show_item()
            self.notify(_("Motion deleted. ctrl+z undoes it."))

    def move_motion(self, motion: Item, step: int) -> None:
        if self.send(MoveMotion(self.opened.number, motion.id, step, correction=self.correction)):
            self.follow_item(motion.id)

    def follow_item(self, item_id: str) -> None:
        """The outline and the pane on the item named, wherever it is now."""
        for place, _h, item in placed_items(self.live.meeting):
            if item.id == item_id:
                self.place = place
                self.outline.show(self.live.meeting, place)
                self.show_item(key_of(item))
                return

    # -- who reports ---------------------------------------------------------------

    async def action_speaker(self) -> None:
        target = self.target()
        if not isinstance(target, Report | Item) or not self.can_change():
            self.refused()
            return
        await self.finish_typing()
        if isinstance(target, Item):
            self.edit_motion(target)
            return
        dialog = ReportDialog(Speaker(target.speaker, target.kind))
        self.app.push_screen(dialog, partial(self._speaker_named, target.id))

    def _speaker_named(self, report: str, result: object) -> None:
        if not isinstance(result, Speaker):
            return
        op = EditReport(
            self.opened.number, report, result.name, result.kind, correction=self.correction
        )
        if self.send(op):
            self.show_item(("Report", report))

    # -- the clock -----------------------------------------------------------------

    async def action_begin(self) -> None:
        """Draft: the start stamped now. In session: the start corrected. Adjourned: back
        in session, with a reason."""
        if not self.can_change():
            return
        await self.finish_typing()
        meeting = self.live.meeting
        if meeting.end is not None:
            dialog = BackInSessionDialog(meeting.end)
            self.app.push_screen(dialog, self._back_in_session)
        elif meeting.status is MeetingStatus.DRAFT:
            nothing_opened(self.app)
            if self.send(Begin(self.opened.number, _now(), correction=self.correction)):
                self.stamped()
        else:
            self.app.push_screen(TimesDialog(meeting.start.time(), None), self._times)

    async def action_adjourn(self) -> None:
        """Not adjourned: 散會 stamped now. Adjourned: the times corrected."""
        if not self.can_change():
            return
        await self.finish_typing()
        meeting = self.live.meeting
        if meeting.end is not None:
            self.app.push_screen(TimesDialog(meeting.start.time(), meeting.end), self._times)
            return
        nothing_opened(self.app)
        if self.send(Adjourn(self.opened.number, _now(), correction=self.correction)):
            self.stamped()
            self._said_adjourned()

    def _said_adjourned(self) -> None:
        start, end = self.live.meeting.start.time(), self.live.meeting.end
        self.notify(_("散會 ({time})").format(time=format_time(end)) if end else _("散會"))
        if end is not None and end < start:
            self.notify(
                _("散會 ({end}) is before the start ({start}): x again corrects the times").format(
                    end=format_time(end), start=format_time(start)
                ),
                severity="warning",
                timeout=8,
            )

    def _times(self, result: object) -> None:
        if not isinstance(result, Times):
            return
        end = result.end.strftime("%H:%M") if result.end else None
        op = CorrectTimes(
            self.opened.number, result.start.strftime("%H:%M"), end, correction=self.correction
        )
        if self.send(op):
            self.stamped()

    def _back_in_session(self, reason: object) -> None:
        if not isinstance(reason, str):
            return
        op = MoveBack(
            self.opened.number, MeetingStatus.IN_SESSION.value, reason, correction=self.correction
        )
        if self.send(op):
            self.stamped()
            self.notify(_("Back in session. ctrl+z undoes it."))
