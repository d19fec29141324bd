"""Every operation, by name (importing this registers them all for the log)."""

from tui.edits.attendance import Attend, SetAttendance
from tui.edits.cases import Decide, Track, Untrack, WriteProgress
from tui.edits.clock import Adjourn, Begin, SetClock, SetStatus
from tui.edits.confirming import Confirm, Unconfirm
from tui.edits.entries import InsertEntry, MoveEntry, RemoveEntry, WriteConclusion, WriteReport
from tui.edits.header import SetHeader
from tui.edits.meeting import AddMotion, CreateMeeting, DeleteMeeting, InsertItem, RemoveItem
from tui.edits.record import Correct
from tui.edits.records import ImportRecord

__all__ = [
    "AddMotion",
    "Adjourn",
    "Attend",
    "Begin",
    "Confirm",
    "Correct",
    "CreateMeeting",
    "Decide",
    "DeleteMeeting",
    "ImportRecord",
    "InsertEntry",
    "InsertItem",
    "MoveEntry",
    "RemoveEntry",
    "RemoveItem",
    "SetAttendance",
    "SetClock",
    "SetHeader",
    "SetStatus",
    "Track",
    "Unconfirm",
    "Untrack",
    "WriteConclusion",
    "WriteProgress",
    "WriteReport",
]
