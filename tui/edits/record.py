"""The record after the meeting: confirmed when the next meeting reads it, and corrected."""

from __future__ import annotations

from dataclasses import dataclass

from tui.domain import lifecycle
from tui.domain.identity import new_id
from tui.domain.model import Conclusion, ItemKind, MeetingStatus
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _

_NOT_CONFIRMED = N_("the record of meeting {number} is not confirmed")


@operation("confirm")
@dataclass(frozen=True)
class Confirm(Operation):
    """Record N read and confirmed at meeting `at` (紀錄確定 / 修正後確定); the reading
    meeting's 宣讀 item says so."""

    at: int
    corrections: list[str]

    def apply(self, ws: Workset) -> Applied:
        record = ws.meeting(self.meeting)
        before = record.status
        try:
            lifecycle.confirm(record, self.at, self.corrections)
        except lifecycle.LifecycleError as error:
            raise EditError(str(error)) from None
        ws.changed_meetings[self.meeting] = None
        noted = _note_confirmation(ws, self.at, self.corrections)
        undo = Unconfirm(self.meeting, before.value, noted)
        how = lifecycle.confirmation_text(self.corrections).rstrip("。")
        return Applied(
            self, undo, said(N_("record of meeting {number}: {how}"), number=self.meeting, how=how)
        )


def _note_confirmation(ws: Workset, at: int, corrections: list[str]) -> str:
    """The conclusion written into the reading meeting's 宣讀 item; its id, or ""."""
    if not ws.has_meeting(at):
        return ""
    reader = ws.change(at)
    text = lifecycle.confirmation_text(corrections)
    for item in reader.items():
        if item.kind is ItemKind.READ_RECORD:
            if any(c.text == text for c in item.conclusions):
                return ""
            conclusion = Conclusion(text, id=new_id("c"))
            item.conclusions.insert(0, conclusion)
            return conclusion.id
    return ""


@operation("unconfirm")
@dataclass(frozen=True)
class Unconfirm(Operation):
    """Take back a confirmation (its undo)."""

    status: str
    noted: str = ""  # the conclusion the reading meeting got

    def apply(self, ws: Workset) -> Applied:
        record = ws.meeting(self.meeting)
        confirmation = record.confirmation
        if record.status is not MeetingStatus.CONFIRMED or confirmation is None:
            raise ConflictError(_(_NOT_CONFIRMED).format(number=self.meeting))
        record.status = MeetingStatus(self.status)
        record.confirmation = None
        ws.changed_meetings[self.meeting] = None
        ws.unlocked.add(self.meeting)
        if self.noted and ws.has_meeting(confirmation.at_meeting):
            reader = ws.change(confirmation.at_meeting)
            for item in reader.items():
                item.conclusions = [c for c in item.conclusions if c.id != self.noted]
        undo = Confirm(self.meeting, confirmation.at_meeting, list(confirmation.corrections))
        taken_back = said(
            N_("record of meeting {number}: confirmation taken back"), number=self.meeting
        )
        return Applied(self, undo, taken_back)


@operation("correct")
@dataclass(frozen=True)
class Correct(Operation):
    """A correction of a confirmed record, logged with who, when and what: the changes
    that follow name it. It stays in the record: it cannot be undone."""

    what: str

    def apply(self, ws: Workset) -> Applied:
        record = ws.meeting(self.meeting)
        if record.status is not MeetingStatus.CONFIRMED:
            raise EditError(_(_NOT_CONFIRMED).format(number=self.meeting))
        try:
            lifecycle.correct(record, ws.user, self.what, ws.now.replace(microsecond=0))
        except lifecycle.LifecycleError as error:
            raise EditError(str(error)) from None
        ws.changed_meetings[self.meeting] = record.corrections[-1]
        correction = said(N_("correction {n}: {what}"), n=len(record.corrections), what=self.what)
        return Applied(self, None, correction)
