"""The open meeting's log: every change, who made it and when, newest first."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.wrapped import Wrapped
from tui.domain.rocdate import format_numeric_date, format_time
from tui.edits import EditService, LogLine
from tui.i18n import N_, _
from tui.render.cjkwrap import width


def log_row(line: LogLine) -> Wrapped:
    """One change: its number, when, who, and what, the what's lines hanging under its
    first, wrapped by the record's rules (Textual's table cut each line short with 「…」)."""
    when = f"{format_numeric_date(line.at.date())} {format_time(line.at.time())}"
    row = Text.assemble(
        (f"{line.seq:>3} ", "dim"),
        (when + " " * max(18 - width(when), 0) + " ", "dim"),
        (line.who + " ", "bold"),
    )
    hang = width(row.plain)
    row.append(line.summary)
    if line.undoes is not None:
        row.append(_(" (undoes {seq})").format(seq=line.undoes), style="dim")
    return Wrapped(row, hang=hang)


class LogScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    LogScreen { align: center middle; }
    LogScreen > #log-box { width: 90%; height: 80%; border: round $accent; }
    """
    BINDINGS = [
        Binding("escape,l", "dismiss", N_("Back"), id="log.back", tooltip=N_("Back to the meeting"))
    ]

    def __init__(self, service: EditService, meeting: int) -> None:
        super().__init__()
        self.service = service
        self.meeting = meeting

    def compose(self) -> ComposeResult:
        box = OptionList(id="log-box")
        box.border_title = _("第 {number} 次 · changes (log)").format(number=self.meeting)
        yield box
        yield Static("")
        yield KeyBar(show_command_palette=False)

    def on_mount(self) -> None:
        self._read()

    @work(thread=True, exclusive=True)
    def _read(self) -> None:
        lines = self.service.log(self.meeting)
        self.app.call_from_thread(self._show, lines)

    def _show(self, lines: list[LogLine]) -> None:
        box = self.query_one(OptionList)
        box.clear_options()
        box.add_options([log_row(line) for line in reversed(lines)] or [_("(no change yet)")])
        box.focus()
