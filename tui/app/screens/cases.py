"""Tracked cases (列管案件): filtered like `agenda cases`, with each case's history."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.titlebar import TitleBar
from tui.app.widgets.wrapped import Wrapped
from tui.app.workspace import Workspace
from tui.domain.cases import (
    KIND_WORDS,
    OPEN_WORD,
    Part,
    history_lines,
    is_overdue,
    state_word,
)
from tui.domain.model import CaseKind, TrackedCase
from tui.i18n import N_, _, ngettext

# How each line of the history looks: what goes before it, and its style.
_LOOKS = {
    Part.HEADING: ("", "bold"),
    Part.DETAIL: ("", ""),
    Part.EVENT: ("\n", "bold"),
    Part.PROGRESS: ("  ", ""),
    Part.CONCLUSION: ("  ", "dim"),
}


def case_history(case: TrackedCase) -> Text:
    text = Text()
    for n, line in enumerate(history_lines(case, narrow=True)):
        before, style = _LOOKS[line.part]
        text.append(("\n" if n else "") + before)
        text.append(line.text, style=style)
    return text


class CasesScreen(Screen[None]):
    BINDINGS = [
        Binding(
            "o",
            "toggle_open",
            N_("Open/all"),
            id="cases.open",
            tooltip=N_("Only open cases, or all"),
        ),
        Binding(
            "u",
            "next_unit",
            N_("Unit"),
            id="cases.unit",
            tooltip=N_("Only one unit's cases (cycle)"),
        ),
        Binding(
            "d",
            "toggle_overdue",
            N_("Overdue"),
            id="cases.overdue",
            tooltip=N_("Only open cases past their deadline"),
        ),
        Binding("escape", "leave", N_("Back"), id="cases.back"),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.cases: list[TrackedCase] = []
        self.only_open = True
        self.overdue = False
        self.unit = ""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="cases-filter")
        with Horizontal():
            yield DataTable(id="cases", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="case-history-scroll"):
                yield Static(id="case-history")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "列管案件"
        table = self.query_one(DataTable)
        for label, key, width in (
            ("案號", "number", 6),
            ("狀態", "state", 10),
            ("列管", "kind", 6),
            ("主辦單位", "owner", 16),
        ):
            table.add_column(label, key=key, width=width)
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        repo = self.workspace.repo
        found = repo.open_cases() if self.only_open else repo.all_cases()
        self.app.call_from_thread(self._show, found)

    def _filtered(self) -> list[TrackedCase]:
        found = self.cases
        if self.unit:
            found = [c for c in found if c.owner == self.unit]
        if self.overdue:
            today = date.today()
            found = [c for c in found if is_overdue(c, today)]
        return sorted(found, key=lambda c: (c.kind is not CaseKind.INTERNAL, c.number))

    def _show(self, cases: list[TrackedCase]) -> None:
        self.cases = cases
        table = self.query_one(DataTable)
        table.clear()
        shown = self._filtered()
        for case in shown:
            table.add_row(
                str(case.number),
                state_word(case),
                KIND_WORDS[case.kind],
                Text(case.owner or "-"),
                key=f"{case.kind.value}:{case.number}",
            )
        filters = [OPEN_WORD if self.only_open else _("all"), self.unit or _("all units")]
        if self.overdue:
            filters.append(_("overdue"))
        self.query_one("#cases-filter", Static).update(
            ngettext("{count} case · ", "{count} cases · ", len(shown)).format(count=len(shown))
            + " · ".join(filters)
        )
        self._show_history()

    @on(DataTable.RowHighlighted)
    def _show_history(self) -> None:
        table = self.query_one(DataTable)
        history = self.query_one("#case-history", Static)
        if table.row_count == 0:
            history.update("")
            return
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        kind, number = key.split(":")
        case = next(c for c in self.cases if c.kind.value == kind and c.number == int(number))
        history.update(Wrapped(case_history(case)))

    def action_toggle_open(self) -> None:
        self.only_open = not self.only_open
        self._load()

    def action_next_unit(self) -> None:
        units = ["", *self.workspace.profile.unit_names]
        self.unit = units[(units.index(self.unit) + 1) % len(units)] if self.unit in units else ""
        self._show(self.cases)

    def action_toggle_overdue(self) -> None:
        self.overdue = not self.overdue
        self._show(self.cases)

    def action_leave(self) -> None:
        self.app.pop_screen()
