"""The meeting as a whole: motions, the clock, its status, confirmation and correction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from tui.domain import lifecycle
from tui.domain.codec import ShapeError, from_data, to_data
from tui.domain.identity import find_item, new_id
from tui.domain.model import Conclusion, Item, ItemKind, Meeting, MeetingStatus
from tui.domain.places import motions_section
from tui.domain.rocdate import format_time
from tui.edits.entries import place_of
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.workset import Workset

ORAL = "口頭報告"


@operation("add_motion")
@dataclass(frozen=True)
class AddMotion(Operation):
    """A temporary motion (臨時動議) as it comes: who presents it and what."""

    id: str
    presenter: str
    text: str = ""
    kind: str = ORAL

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        if find_item(meeting, self.id) is not None:
            return nothing(self)
        index, section = motions_section(meeting)
        presenter = self.presenter.removesuffix(self.kind) if self.kind else self.presenter
        motion = Item(self.text, presenter=presenter, presenter_kind=self.kind, id=self.id)
        section.items.append(motion)
        undo = RemoveItem(self.meeting, self.id, correction=self.correction)
        return Applied(self, undo, f"{index}.{len(section.items)} motion: {presenter}{self.kind}")


@operation("remove_item")
@dataclass(frozen=True)
class RemoveItem(Operation):
    """Delete an item (a motion added by mistake); the undo puts it back."""

    id: str

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        for s, section in enumerate(meeting.sections):
            for position, item in enumerate(section.items):
                if item.id == self.id:
                    return self._remove(meeting, s, position, item)
        raise ConflictError("that item has been deleted already")

    def _remove(self, meeting: Meeting, section: int, position: int, item: Item) -> Applied:
        if any(c.case is not None for c in item.conclusions) or item.cases:
            raise EditError("this item has tracked cases; it stays")
        place = place_of(meeting, item)
        meeting.sections[section].items.remove(item)
        undo = InsertItem(
            self.meeting, section, position, to_data(item), correction=self.correction
        )
        return Applied(self, undo, f"{place} item deleted")


@operation("insert_item")
@dataclass(frozen=True)
class InsertItem(Operation):
    section: int  # 0-based
    position: int
    data: dict[str, Any]

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        try:
            item = from_data(Item, self.data)
        except ShapeError as error:
            raise EditError(str(error)) from None
        if find_item(meeting, item.id) is not None:
            raise ConflictError("that item is there already")
        if not 0 <= self.section < len(meeting.sections):
            raise ConflictError("the section of that item is gone")
        items = meeting.sections[self.section].items
        items.insert(max(0, min(self.position, len(items))), item)
        undo = RemoveItem(self.meeting, item.id, correction=self.correction)
        return Applied(self, undo, f"{place_of(meeting, item)} item put back")


@dataclass(frozen=True)
class _Clock:
    start: str
    end: str | None
    status: str


def _clock(meeting: Meeting) -> _Clock:
    end = meeting.end.isoformat() if meeting.end else None
    return _Clock(meeting.start.isoformat(), end, meeting.status.value)


def _restore(op: Operation, before: _Clock, after: _Clock) -> SetClock:
    return SetClock(
        op.meeting,
        before.start,
        before.end,
        before.status,
        expect=[after.start, after.end or "", after.status],
        correction=op.correction,
    )


@operation("set_clock")
@dataclass(frozen=True)
class SetClock(Operation):
    """Start, adjournment and status as they were (the undo of begin, adjourn, status)."""

    start: str
    end: str | None
    status: str
    expect: list[str] | None = None

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = _clock(meeting)
        if self.expect is not None and self.expect != [
            before.start,
            before.end or "",
            before.status,
        ]:
            raise ConflictError("the meeting's times or status have been changed since")
        try:
            meeting.start = datetime.fromisoformat(self.start)
            meeting.end = time.fromisoformat(self.end) if self.end else None
            meeting.status = MeetingStatus(self.status)
        except ValueError as error:
            raise EditError(str(error)) from None
        return Applied(self, _restore(self, before, _clock(meeting)), "times and status restored")


@operation("begin")
@dataclass(frozen=True)
class Begin(Operation):
    """The meeting starts now: its start time stamped, in session."""

    at: str  # HH:MM

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = _clock(meeting)
        at = _time(self.at)
        if meeting.status is MeetingStatus.DRAFT:
            meeting.status = MeetingStatus.IN_SESSION
        meeting.start = datetime.combine(meeting.start.date(), at)
        return Applied(self, _restore(self, before, _clock(meeting)), f"開會 {format_time(at)}")


@operation("adjourn")
@dataclass(frozen=True)
class Adjourn(Operation):
    """散會: the adjournment time stamped, the record recorded."""

    at: str

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = _clock(meeting)
        meeting.end = _time(self.at)
        if meeting.status in (MeetingStatus.DRAFT, MeetingStatus.IN_SESSION):
            meeting.status = MeetingStatus.RECORDED
        after = _clock(meeting)
        return Applied(self, _restore(self, before, after), f"散會 ({format_time(meeting.end)})")


def _time(text: str) -> time:
    try:
        return time.fromisoformat(text).replace(second=0, microsecond=0)
    except ValueError:
        raise EditError(f"not a time: {text!r}") from None


@operation("set_status")
@dataclass(frozen=True)
class SetStatus(Operation):
    """Move the record forward (draft → in session → recorded); `end` stamps 散會."""

    status: str
    end: str | None = None

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = _clock(meeting)
        try:
            lifecycle.advance(meeting, MeetingStatus(self.status))
        except (lifecycle.LifecycleError, ValueError) as error:
            raise EditError(str(error)) from None
        if self.end:
            meeting.end = _time(self.end)
        after = _clock(meeting)
        if after == before:
            return nothing(self)
        return Applied(self, _restore(self, before, after), f"status {meeting.status.value}")


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
        return Applied(self, undo, f"record of meeting {self.meeting}: {how}")


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
            raise ConflictError(f"the record of meeting {self.meeting} is not confirmed")
        record.status = MeetingStatus(self.status)
        record.confirmation = None
        ws.changed_meetings[self.meeting] = None
        ws.unlocked.add(self.meeting)
        if self.noted and ws.has_meeting(confirmation.at_meeting):
            reader = ws.change(confirmation.at_meeting)
            for item in reader.items():
                item.conclusions = [c for c in item.conclusions if c.id != self.noted]
        undo = Confirm(self.meeting, confirmation.at_meeting, list(confirmation.corrections))
        return Applied(self, undo, f"record of meeting {self.meeting}: confirmation taken back")


@operation("correct")
@dataclass(frozen=True)
class Correct(Operation):
    """A correction of a confirmed record, logged with who, when and what: the changes
    that follow name it. It stays in the record: it cannot be undone."""

    what: str

    def apply(self, ws: Workset) -> Applied:
        record = ws.meeting(self.meeting)
        if record.status is not MeetingStatus.CONFIRMED:
            raise EditError(f"the record of meeting {self.meeting} is not confirmed")
        try:
            lifecycle.correct(record, ws.user, self.what, ws.now.replace(microsecond=0))
        except lifecycle.LifecycleError as error:
            raise EditError(str(error)) from None
        ws.changed_meetings[self.meeting] = record.corrections[-1]
        return Applied(self, None, f"correction {len(record.corrections)}: {self.what}")


@operation("create_meeting")
@dataclass(frozen=True)
class CreateMeeting(Operation):
    """A new meeting as prepared from the last record; the undo deletes it again while
    nothing else has changed it."""

    data: dict[str, Any]

    def apply(self, ws: Workset) -> Applied:
        try:
            meeting = from_data(Meeting, self.data)
        except ShapeError as error:
            raise EditError(str(error)) from None
        if ws.has_meeting(self.meeting):
            raise EditError(f"meeting {self.meeting} exists already")
        ws.create(meeting)
        undo = DeleteMeeting(self.meeting, self.data)
        return Applied(self, undo, f"meeting {self.meeting} prepared")


@operation("delete_meeting")
@dataclass(frozen=True)
class DeleteMeeting(Operation):
    data: dict[str, Any]  # the meeting as it must be now: nobody has changed it since

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.meeting(self.meeting)
        if to_data(meeting) != self.data:
            raise ConflictError(f"meeting {self.meeting} has been changed since it was made")
        ws.delete(self.meeting)
        return Applied(self, CreateMeeting(self.meeting, self.data), "meeting deleted")
