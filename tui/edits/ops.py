"""Every operation, by name (importing this registers them all for the log)."""

from tui.edits.agenda_items import AddItem, MoveItem, RenameItem, WriteBlock
from tui.edits.agenda_sections import (
    AddSection,
    InsertSection,
    MoveSection,
    RemoveSection,
    RenameSection,
)
from tui.edits.cases import Decide, Track, Untrack, WriteProgress
from tui.edits.clock import Adjourn, Begin, SetClock, SetStatus
from tui.edits.entries import InsertEntry, MoveEntry, RemoveEntry, WriteConclusion, WriteReport
from tui.edits.meeting import AddMotion, CreateMeeting, DeleteMeeting, InsertItem, RemoveItem
from tui.edits.record import Confirm, Correct, Unconfirm
from tui.edits.records import ImportRecord

__all__ = [
    "AddItem",
    "AddMotion",
    "AddSection",
    "Adjourn",
    "Begin",
    "Confirm",
    "Correct",
    "CreateMeeting",
    "Decide",
    "DeleteMeeting",
    "ImportRecord",
    "InsertEntry",
    "InsertItem",
    "InsertSection",
    "MoveEntry",
    "MoveItem",
    "MoveSection",
    "RemoveEntry",
    "RemoveItem",
    "RemoveSection",
    "RenameItem",
    "RenameSection",
    "SetClock",
    "SetStatus",
    "Track",
    "Unconfirm",
    "Untrack",
    "WriteBlock",
    "WriteConclusion",
    "WriteProgress",
    "WriteReport",
]
