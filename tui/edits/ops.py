"""Every operation, by name (importing this registers them all for the log)."""

from tui.edits.cases import Decide, Track, Untrack, WriteProgress
from tui.edits.clock import Adjourn, Begin, CorrectTimes, MoveBack, SetClock, SetStatus
from tui.edits.entries import InsertEntry, MoveEntry, RemoveEntry, WriteConclusion, WriteReport
from tui.edits.meeting import AddMotion, CreateMeeting, DeleteMeeting, InsertItem, RemoveItem
from tui.edits.motions import EditMotion, MoveMotion
from tui.edits.record import Confirm, Correct, Unconfirm
from tui.edits.records import ImportRecord
from tui.edits.reports import EditReport

__all__ = [
    "AddMotion",
    "Adjourn",
    "Begin",
    "Confirm",
    "Correct",
    "CorrectTimes",
    "CreateMeeting",
    "Decide",
    "DeleteMeeting",
    "EditMotion",
    "EditReport",
    "ImportRecord",
    "InsertEntry",
    "InsertItem",
    "MoveBack",
    "MoveEntry",
    "MoveMotion",
    "RemoveEntry",
    "RemoveItem",
    "SetClock",
    "SetStatus",
    "Track",
    "Unconfirm",
    "Untrack",
    "WriteConclusion",
    "WriteProgress",
    "WriteReport",
]
