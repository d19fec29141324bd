"""The meetings list's keys: open, prepare, the cases, preview, search, the unit forms, the
chair's approval and a draft's deletion."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from tui.app.forms_out import BINDINGS as FORM_BINDINGS
from tui.app.screens.approval import BINDINGS as APPROVAL_BINDINGS
from tui.app.screens.draft_deletion import BINDINGS as DELETION_BINDINGS
from tui.i18n import N_

BINDINGS: list[BindingType] = [
    # Priority: the table's own Enter would hide this one from the footer.
    Binding(
        "enter",
        "open_meeting",
        N_("Open"),
        id="meetings.open",
        tooltip=N_("Open the meeting"),
        priority=True,
    ),
    Binding(
        "p",
        "prepare",
        N_("Prepare next"),
        id="meetings.prepare",
        tooltip=N_("Prepare the next meeting's agenda from the latest record"),
    ),
    Binding(
        "P",
        "prepare_anyway",
        N_("Prepare anyway"),
        id="meetings.prepare_anyway",
        show=False,
        tooltip=N_("Prepare the next meeting although the last one left cases undecided"),
    ),
    Binding("c", "cases", N_("Cases"), id="meetings.cases", tooltip=N_("Tracked cases (列管案件)")),
    Binding(
        "v",
        "preview",
        N_("Preview"),
        id="meetings.preview",
        tooltip=N_("The record or agenda as it will be circulated"),
    ),
    Binding(
        "slash",
        "search",
        N_("Search"),
        id="meetings.search",
        tooltip=N_("Search every meeting and case, and open the item found"),
    ),
    *FORM_BINDINGS,
    *APPROVAL_BINDINGS,
    *DELETION_BINDINGS,
]
