"""Confirming the last record when the next meeting reads it (宣讀): 紀錄確定, or 修正後確定
with its 修正之點, each made in the record and said in the reading meeting's 宣讀 item.

Records are confirmed in any order: when the reading meeting is itself confirmed already,
what its 宣讀 item gains is a correction of it, logged with who, when and what."""

from __future__ import annotations

import dataclasses
from typing import Any

from tui.dataclass_cache import dataclass, field
from tui.domain import amendments, lifecycle
from tui.domain.codec import ShapeError, from_data, to_data
from tui.domain.identity import find_item, new_id
from tui.domain.model import Amendment, Conclusion, Item, ItemKind, Meeting, MeetingStatus
from tui.domain.places import written_place
from tui.edits.clean import clean_text
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _

_NOT_CONFIRMED = N_("the record of meeting {number} is not confirmed")
_NOT_HELD = N_(
    "the record of meeting {number} is not finished yet ({status}): a record is confirmed "
    "once its meeting is adjourned"
)


@operation("confirm")
@dataclass(frozen=True)
class Confirm(Operation):
    """Record N read and confirmed at meeting `at` (紀錄確定 / 修正後確定): its 修正之點 are
    made in it, and the reading meeting's 宣讀 item says so."""

    at: int
    corrections: list[Amendment]

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "corrections", [_amendment(c) for c in self.corrections])

    def apply(self, ws: Workset) -> Applied:
        record = ws.meeting(self.meeting)
        if record.status is MeetingStatus.CONFIRMED:
            raise EditError(
                _("the record of meeting {number} is already confirmed").format(
                    number=record.number
                )
            )
        if record.status is not MeetingStatus.RECORDED:
            status = lifecycle.status_word(record.status)
            raise EditError(_(_NOT_HELD).format(number=record.number, status=status))
        if self.at <= record.number:
            raise EditError(_("a record is confirmed by a later meeting"))
        before = record.status
        if record.approval is not None:
            # An approved record is confirmed as it was approved: its 修正之點 are logged in
            # the confirmation itself, as the correction the reading meeting made.
            ws.unlocked.add(self.meeting)
        changes = [c.stored() for a in self.corrections for c in _amend(ws, record, a)]
        lifecycle.confirm(record, self.at, self.corrections)
        ws.changed_meetings.setdefault(self.meeting, None)
        noted, former = _note(ws, record.number, self.at, self.corrections)
        undo = Unconfirm(self.meeting, before.value, noted, former, changes)
        how = amendments.confirmation_conclusion(self.corrections).text.rstrip("。：")
        return Applied(
            self, undo, said(N_("record of meeting {number}: {how}"), number=self.meeting, how=how)
        )


def _amendment(value: object) -> Amendment:
    """An amendment as given, or as a log written before amendments had fields kept it."""
    if isinstance(value, str):
        return Amendment(note=clean_text(value))
    if isinstance(value, dict):
        try:
            value = from_data(Amendment, value)
        except ShapeError as error:
            raise EditError(str(error)) from None
    if not isinstance(value, Amendment):
        raise EditError(_("a correction is where, the words and the new words"))
    cleaned = {f.name: clean_text(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return Amendment(**cleaned)


def _amend(ws: Workset, record: Meeting, amendment: Amendment) -> list[amendments.TextChange]:
    """The amendment made in the record; refused when it does not fit the record."""
    if amendment.note:
        return []
    where = written_place(amendment.place)
    item = amendments.item_of(record, amendment.place) if amendment.place else None
    if item is None:
        raise EditError(
            _("meeting {number} has no item {place} to correct").format(
                number=record.number, place=where or "?"
            )
        )
    if not amendment.old:
        raise EditError(
            _("a correction names the words to correct: {place}=old words=new words").format(
                place=where
            )
        )
    ws.changed_meetings.setdefault(record.number, None)  # recorded: not yet locked
    changes = amendments.amend(item, amendment.old, amendment.new)
    if not changes:
        raise EditError(
            _("「{words}」 is not in {place} of the record of meeting {number}").format(
                words=amendment.old, place=where, number=record.number
            )
        )
    return changes


def _read_item(meeting: Meeting) -> Item | None:
    return next((i for i in meeting.items() if i.kind is ItemKind.READ_RECORD), None)


def _note(
    ws: Workset, number: int, at: int, corrections: list[Amendment]
) -> tuple[str, dict[str, Any] | None]:
    """The reading meeting's 宣讀 item says the confirmation: a conclusion that says one
    already (typed 紀錄確定。) is replaced. Returns the conclusion's id ("": none written)
    and what it said before (None: it is new)."""
    if not ws.has_meeting(at) or (item := _read_item(ws.meeting(at))) is None:
        return "", None
    wanted = amendments.confirmation_conclusion(corrections)
    found = next((c for c in item.conclusions if amendments.says_confirmation(c)), None)
    if found is not None and (found.text, found.points) == (wanted.text, wanted.points):
        return "", None
    _writable(ws, at, f"宣讀：第 {number} 次會議紀錄{wanted.text.removeprefix('紀錄')}")
    if found is not None:
        former = to_data(found)
        found.text, found.points = wanted.text, wanted.points
        return found.id, former
    wanted.id = new_id("c")
    item.conclusions.insert(0, wanted)
    return wanted.id, None


def _writable(ws: Workset, at: int, what: str) -> Meeting:
    """The reading meeting, to be changed: an approved or confirmed one under a correction
    logged now (`what`, in the record's words)."""
    reader = ws.meeting(at)
    if not lifecycle.locked(reader):
        return ws.change(at)
    lifecycle.correct(reader, ws.user, what, ws.now.replace(microsecond=0))
    ws.changed_meetings[at] = reader.corrections[-1]
    return reader


@operation("unconfirm")
@dataclass(frozen=True)
class Unconfirm(Operation):
    """Take back a confirmation (its undo): the record's words as they were, the reading
    meeting's 宣讀 item as it was."""

    status: str
    noted: str = ""  # the conclusion the reading meeting got
    former: dict[str, Any] | None = None  # what that conclusion said before, if it was there
    changes: list[dict[str, str]] = field(default_factory=list)  # the record's corrected words

    def apply(self, ws: Workset) -> Applied:
        record = ws.meeting(self.meeting)
        confirmation = record.confirmation
        if record.status is not MeetingStatus.CONFIRMED or confirmation is None:
            raise ConflictError(_(_NOT_CONFIRMED).format(number=self.meeting))
        self._restore(record)
        record.status = MeetingStatus(self.status)
        record.confirmation = None
        ws.changed_meetings.setdefault(self.meeting, None)
        ws.unlocked.add(self.meeting)
        self._unnote(ws, confirmation.at_meeting)
        undo = Confirm(self.meeting, confirmation.at_meeting, list(confirmation.corrections))
        taken_back = said(
            N_("record of meeting {number}: confirmation taken back"), number=self.meeting
        )
        return Applied(self, undo, taken_back)

    def _restore(self, record: Meeting) -> None:
        """The corrected words back, each only if it is still as the confirmation left it."""
        found = []
        for change in self.changes:
            item = find_item(record, change.get("item", ""))
            path = change.get("path", "")
            if item is None or amendments.text_at(item, path) != change.get("after"):
                raise ConflictError(
                    _("the record of meeting {number} was corrected after it was confirmed").format(
                        number=self.meeting
                    )
                )
            found.append((item, path, change.get("before", "")))
        for item, path, before in reversed(found):
            amendments.set_text(item, path, before)

    def _unnote(self, ws: Workset, at: int) -> None:
        if not self.noted or not ws.has_meeting(at) or (item := _read_item(ws.meeting(at))) is None:
            return
        found = next((c for c in item.conclusions if c.id == self.noted), None)
        if found is None:
            return
        _writable(ws, at, f"宣讀：第 {self.meeting} 次會議紀錄之確定撤回")
        if self.former is None:
            item.conclusions.remove(found)
            return
        try:
            former = from_data(Conclusion, self.former)
        except ShapeError as error:
            raise EditError(str(error)) from None
        found.text, found.points = former.text, former.points
