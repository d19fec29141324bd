"""The meeting editor's keys, most needed in a live meeting first.

The order is the key bar's: when the line is wider than the terminal, the keys at the end
leave it first. Each key belongs to a group, under which `?` lists it.
"""

from __future__ import annotations

from textual.binding import Binding

from tui.domain.model import Block, Conclusion, Item, Report, TrackedCase
from tui.i18n import N_

RECORDING, CASES, NAVIGATION = N_("Recording"), N_("Cases"), N_("Navigation")
AGENDA = N_("Agenda")  # acting on the place highlighted in the outline
GROUPS: dict[str, str] = {}


def _binding(
    key: str, action: str, description: str, tooltip: str, group: str, *, show: bool = True
) -> Binding:
    """show=False: a key for now and then, in `?` and the palette, not in the key bar."""
    GROUPS[action] = group
    return Binding(key, action, description, show=show, id=f"editor.{action}", tooltip=tooltip)


BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    _binding(
        "a",
        "add_conclusion",
        N_("Conclude"),
        N_("Add a conclusion (會議結論) to this item"),
        RECORDING,
    ),
    _binding("e", "edit", N_("Edit"), N_("Edit the highlighted entry"), RECORDING),
    _binding(
        "E",
        "edit_outside",
        N_("$EDITOR"),
        N_("Edit the highlighted entry in your own editor ($EDITOR)"),
        RECORDING,
        show=False,
    ),
    _binding(
        "r",
        "release",
        N_("Release"),
        N_("Release the highlighted case (解除列管); on to the next"),
        CASES,
    ),
    _binding(
        "k",
        "keep",
        N_("Keep"),
        N_("Keep tracking the highlighted case (賡續列管); on to the next"),
        CASES,
    ),
    _binding(
        "p",
        "accept_proposal",
        N_("Accept"),
        N_("Decide the highlighted case as its unit proposed (擬辦); on to the next"),
        CASES,
    ),
    _binding(
        "P",
        "accept_proposals",
        N_("Accept all"),
        N_("Decide every undecided case of this item as its unit proposed (擬辦)"),
        CASES,
        show=False,
    ),
    _binding(
        "j",
        "rule",
        N_("Decision"),
        N_(
            "The chair's decision in full: why released (辦結, 併案, 移列, 撤銷), a new deadline, "
            "the chair's words"
        ),
        CASES,
        show=False,
    ),
    _binding(
        "K",
        "case_details",
        N_("Case details"),
        N_("The highlighted case's 案由, 主辦/協辦 units and 列管期限 (with a reason)"),
        CASES,
        show=False,
    ),
    _binding(
        "t", "track", N_("Track"), N_("Track the highlighted conclusion as a case (列管)"), CASES
    ),
    _binding(
        "d,delete",
        "delete",
        N_("Delete"),
        N_("Delete the highlighted conclusion, report or motion"),
        RECORDING,
    ),
    _binding("n", "report", N_("Report"), N_("Add a report (補充報告) to this item"), RECORDING),
    _binding(
        "s",
        "speaker",
        N_("Speaker"),
        N_("Rename the speaker or presenter, or change the kind"),
        RECORDING,
        show=False,
    ),
    _binding("m", "motion", N_("Motion"), N_("Add a temporary motion (臨時動議)"), RECORDING),
    _binding(
        "b",
        "begin",
        N_("Begin"),
        N_("Stamp the start; again, correct it; after 散會, resume"),
        RECORDING,
    ),
    _binding(
        "x",
        "adjourn",
        N_("Adjourn"),
        N_("Stamp 散會; again, correct the times"),
        RECORDING,
    ),
    _binding(
        "left_square_bracket,ctrl+up", "move_up", N_("Up"), N_("Move the entry up"), RECORDING
    ),
    _binding(
        "right_square_bracket,ctrl+down", "move_down", N_("Down"), N_("Move it down"), RECORDING
    ),
    _binding("c", "cases", N_("Cases"), N_("Tracked cases (列管案件)"), CASES),
    _binding("slash", "search", N_("Search"), N_("Search every meeting and case"), NAVIGATION),
    _binding(
        "C", "correct", N_("Correct"), N_("Correct a confirmed record (更正, logged)"), RECORDING
    ),
    _binding(
        "o", "take_over", N_("Take over"), N_("Edit a meeting another session holds"), RECORDING
    ),
    _binding(
        "v",
        "preview",
        N_("Preview"),
        N_("The record or agenda as it will be circulated"),
        NAVIGATION,
    ),
    _binding(
        "y", "copy_entry", N_("Copy"), N_("Copy the highlighted entry to your clipboard"), RECORDING
    ),
    _binding("Y", "copy_record", N_("Copy all"), N_("Copy the whole record (Markdown)"), RECORDING),
    _binding(
        "l", "log", N_("Log"), N_("Every change to this meeting: who, when, what"), NAVIGATION
    ),
    _binding(
        "h", "header", N_("Header"), N_("Date, time, place, chair, recorder (會議資訊)"), RECORDING
    ),
    _binding(
        "A",
        "attendance",
        N_("Attendance"),
        N_("出席, 列席, 請假, stand-ins and late arrivals"),
        RECORDING,
    ),
    _binding(
        "f",
        "confirm_record",
        N_("Confirm record"),
        N_("Confirm the last record as read (宣讀): 紀錄確定, or 修正後確定 with its 修正之點"),
        RECORDING,
    ),
    _binding("ctrl+z", "undo", N_("Undo"), N_("Undo this session's last change"), RECORDING),
    _binding(
        "ctrl+y,ctrl+shift+z", "redo", N_("Redo"), N_("Redo the change last undone"), RECORDING
    ),
    _binding("escape", "leave", N_("Back"), N_("Back to the meetings"), NAVIGATION),
    # The agenda's shape: seldom needed live, so the first to leave a narrow key bar.
    _binding(
        "i", "add_item", N_("Item"), N_("Add an item: report, 專題報告, proposal (提案)"), AGENDA
    ),
    _binding("S", "add_section", N_("Section"), N_("Add a section (討論事項 …)"), AGENDA),
    _binding("R", "rename_place", N_("Rename"), N_("Rename the item or section"), AGENDA),
    _binding("D", "delete_place", N_("Delete item"), N_("Delete the item or section"), AGENDA),
    _binding(
        "left_curly_bracket",
        "move_place_up",
        N_("Item up"),
        N_("Move the item or section up"),
        AGENDA,
    ),
    _binding(
        "right_curly_bracket",
        "move_place_down",
        N_("Item down"),
        N_("Move the item or section down"),
        AGENDA,
    ),
]

# Actions that only make sense on one kind of highlighted entry.
NEEDS: dict[str, type | tuple[type, ...]] = {
    "release": TrackedCase,
    "keep": TrackedCase,
    "case_details": TrackedCase,
    "accept_proposal": TrackedCase,
    "rule": TrackedCase,
    "track": Conclusion,
    "delete": (Conclusion, Report, Item),
    "move_up": (Conclusion, Report, Item),
    "move_down": (Conclusion, Report, Item),
    "edit": (Conclusion, Report, TrackedCase, Item, Block),
    "edit_outside": (Conclusion, Report, TrackedCase),
    "speaker": (Report, Item),
    "copy_entry": (Conclusion, Report, TrackedCase, Item),
}
