"""Tracked cases (列管案件), the register as `agenda cases` lists it: 案號, 案由, 主辦單位,
列管期限 with 逾期 / 將屆 on the day the register reckons from (the next meeting's, else
today's, said above the table), the last 辦理情形 and the state; filtered by unit, open or
all, overdue; the highlighted case's history below."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.titlebar import TitleBar
from tui.app.widgets.wrapped import Wrapped
from tui.app.workspace import Workspace
from tui.case_register import reckoning_of
from tui.domain.cases import NO_OWNER, OPEN_WORD, Part, history_lines
from tui.domain.model import TrackedCase
from tui.domain.register import Query, Reckoning, flag, last_progress, select
from tui.domain.rocdate import format_numeric_date
from tui.i18n import N_, _, ngettext

# How each line of the history looks: what goes before it, and its style.
_LOOKS = {
    Part.HEADING: ("", "bold"),
    Part.DETAIL: ("", ""),
    Part.EVENT: ("\n", "bold"),
    Part.PROGRESS: ("  ", ""),
    Part.CONCLUSION: ("  ", "dim"),
}

# The state as the table's narrow column says it.
_STATE = {True: OPEN_WORD, False: "已解除"}
# Columns of fixed width (CJK counted as two); 案由 and 辦理情形 share what is left.
_FIXED = {"number": 6, "owner": 10, "deadline": 13, "state": 6}
_FLAG_STYLE = {"逾期": "bold red", "將屆": "yellow"}


def case_history(case: TrackedCase) -> Text:
    text = Text()
    for n, line in enumerate(history_lines(case, narrow=True)):
        before, style = _LOOKS[line.part]
        text.append(("\n" if n else "") + before)
        text.append(line.text, style=style)
    return text


def _cell(text: str) -> Text:
    return Text(text.replace("\n", " "), no_wrap=True, overflow="ellipsis")


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
            tooltip=N_("Only the cases of one unit that owns or co-owns open cases (cycle)"),
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
        self.reckoned = Reckoning(date.today())
        self.only_open = True
        self.overdue = False
        self.unit = ""
        self._columns_for = 0  # the width the table's columns were made for

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="cases-filter")
        yield DataTable(id="cases", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="case-history-scroll"):
            yield Static(id="case-history")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "列管案件"
        self._load()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._columns_for and self.cases:
            self._show(self.cases, self.reckoned)

    def _make_columns(self, table: DataTable[object]) -> None:
        self._columns_for = self.size.width
        left = max(self.size.width - sum(_FIXED.values()) - 2 * 6 - 2, 20)
        widths = {**_FIXED, "subject": left - left * 2 // 5, "progress": left * 2 // 5}
        table.clear(columns=True)
        for key, label in self._labels():
            table.add_column(label, key=key, width=widths[key])

    @staticmethod
    def _labels() -> list[tuple[str, str]]:
        return [
            ("number", _("number")),
            ("subject", _("subject")),
            ("owner", _("owner")),
            ("deadline", _("deadline")),
            ("progress", _("progress")),
            ("state", _("status")),
        ]

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        repo = self.workspace.repo
        found = repo.open_cases() if self.only_open else repo.all_cases()
        self.app.call_from_thread(self._show, found, reckoning_of(repo))

    @property
    def warning_days(self) -> int:
        return self.workspace.profile.schedule.deadline_warning_days

    def _filtered(self) -> list[TrackedCase]:
        query = Query("open" if self.only_open else "all", self.unit, overdue=self.overdue)
        return select(self.cases, query, self.reckoned)

    def _show(self, cases: list[TrackedCase], reckoned: Reckoning) -> None:
        self.cases, self.reckoned = cases, reckoned
        table = self.query_one(DataTable)
        self._make_columns(table)
        shown = self._filtered()
        for case in shown:
            table.add_row(*self._cells(case), key=f"{case.kind.value}:{case.number}")
        filters = [OPEN_WORD if self.only_open else _("all"), self.unit or _("all units")]
        if self.overdue:
            filters.append(_("overdue"))
        counted = ngettext("{count} case", "{count} cases", len(shown)).format(count=len(shown))
        self.query_one("#cases-filter", Static).update(
            " · ".join([counted, *filters, reckoned.words(numeric=True)])
        )
        self._show_history()

    def _cells(self, case: TrackedCase) -> tuple[Text, ...]:
        deadline = Text(no_wrap=True, overflow="ellipsis")
        if case.deadline:
            deadline.append(format_numeric_date(case.deadline))
            word = flag(case, self.reckoned, self.warning_days).value
            if word:
                deadline.append(" " + word, style=_FLAG_STYLE[word])
        return (
            Text(str(case.number)),
            _cell(case.subject or "-"),
            _cell(case.owner or NO_OWNER),
            deadline,
            _cell(last_progress(case) or "-"),
            _cell(_STATE[case.is_open]),
        )

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

    def units(self) -> list[str]:
        """The units that own or co-own an open case, in the profile's order, then others."""
        open_cases = [c for c in self.cases if c.is_open]
        named = {u for c in open_cases for u in (c.owner, *c.co_owners) if u}
        order = {u: n for n, u in enumerate(self.workspace.profile.unit_names)}
        return sorted(named, key=lambda u: (order.get(u, len(order)), u))

    def action_toggle_open(self) -> None:
        self.only_open = not self.only_open
        self._load()

    def action_next_unit(self) -> None:
        units = ["", *self.units()]
        self.unit = units[(units.index(self.unit) + 1) % len(units)] if self.unit in units else ""
        self._show(self.cases, self.reckoned)

    def action_toggle_overdue(self) -> None:
        self.overdue = not self.overdue
        self._show(self.cases, self.reckoned)

    def action_leave(self) -> None:
        self.app.pop_screen()
