"""Every operation, by name (importing this registers them all for the log)."""

from tui.edits.agenda_items import AddItem, MoveItem, RenameItem, WriteBlock
from tui.edits.agenda_sections import (
    AddSection,
    InsertSection,
    MoveSection,
    RemoveSection,
    RenameSection,
)
from tui.edits.answers import CollectAnswer
from tui.edits.approving import Approve, RecordSending, Unapprove
from tui.edits.attendance import Attend, SetAttendance
from tui.edits.case_details import Propose, SetCaseDetails, SetDeadline
from tui.edits.case_kind import SetCaseKind
from tui.edits.cases import Decide, Track, Untrack, WriteProgress
from tui.edits.clock import Adjourn, Begin, CorrectTimes, MoveBack, SetClock, SetStatus
from tui.edits.confirming import Confirm, Unconfirm
from tui.edits.creation import CreateMeeting, DeleteMeeting
from tui.edits.entries import InsertEntry, MoveEntry, RemoveEntry, WriteConclusion, WriteReport
from tui.edits.header import SetHeader
from tui.edits.meeting import AddMotion, InsertItem, RemoveItem
from tui.edits.motions import EditMotion, MoveMotion
from tui.edits.record import Correct
from tui.edits.records import ImportRecord
from tui.edits.reports import EditReport
from tui.edits.rulings import AcceptProposal, AcceptProposals, RestoreCases, Rule

__all__ = [
    "AcceptProposal",
    "AcceptProposals",
    "AddItem",
    "AddMotion",
    "AddSection",
    "Adjourn",
    "Approve",
    "Attend",
    "Begin",
    "CollectAnswer",
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
    "InsertSection",
    "MoveBack",
    "MoveEntry",
    "MoveItem",
    "MoveMotion",
    "MoveSection",
    "Propose",
    "RecordSending",
    "RemoveEntry",
    "RemoveItem",
    "RemoveSection",
    "RenameItem",
    "RenameSection",
    "RestoreCases",
    "Rule",
    "SetAttendance",
    "SetCaseDetails",
    "SetCaseKind",
    "SetClock",
    "SetDeadline",
    "SetHeader",
    "SetStatus",
    "Track",
    "Unapprove",
    "Unconfirm",
    "Untrack",
    "WriteBlock",
    "WriteConclusion",
    "WriteProgress",
    "WriteReport",
]
