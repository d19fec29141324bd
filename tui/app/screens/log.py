"""The open meeting's log: every change, who made it and when, newest first."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from tui.app.widgets.keybar import KeyBar
from tui.domain.rocdate import format_short_date, format_time
from tui.edits import EditService, LogLine
from tui.i18n import N_, _


def log_text(line: LogLine) -> Text:
    when = f"{format_short_date(line.at.date())} {format_time(line.at.time())}"
    text = Text(f"{line.seq:>3} {when} ", style="dim")
    text.append(f"{line.who} ", style="bold")
    text.append(line.summary)
    if line.undoes is not None:
        text.append(f"（復原 {line.undoes}）", style="dim")
    return text


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
        box.add_options([log_text(line) for line in reversed(lines)] or [_("(no change yet)")])
        box.focus()
