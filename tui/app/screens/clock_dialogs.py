"""The forms of the meeting's clock: its times corrected, and a reason to go back in session."""

from __future__ import annotations

from datetime import time

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label

from tui.app.screens.dialogs import _Form
from tui.dataclass_cache import dataclass
from tui.domain.rocdate import DateError, format_time, parse_time
from tui.domain.text import without_controls
from tui.i18n import _


def _hhmm(at: time) -> str:
    return at.strftime("%H:%M")


@dataclass
class Times:
    """The meeting's start and adjournment as the dialog gives them back."""

    start: time
    end: time | None


class TimesDialog(_Form):
    """The start, and the adjournment (散會) once stamped, as they really were: 14:30,
    下午2時30分, 14時30分."""

    def __init__(self, start: time, end: time | None) -> None:
        super().__init__()
        self.start, self.end = start, end

    def compose(self) -> ComposeResult:
        with Vertical() as form:
            form.border_title = _("開會 / 散會 Times")
            yield Label(_("開會 Started at (now {time})").format(time=format_time(self.start)))
            yield Input(_hhmm(self.start), id="start", placeholder="14:30")
            if self.end is not None:
                yield Label(_("散會 Adjourned at (now {time})").format(time=format_time(self.end)))
                yield Input(_hhmm(self.end), id="end", placeholder="16:05")
            yield Label("", classes="problem")

    def result(self) -> Times | None:
        try:
            start = parse_time(self.query_one("#start", Input).value)
            end = parse_time(self.query_one("#end", Input).value) if self.end else None
        except DateError as error:
            self.complain(str(error))
            return None
        if end is not None and end < start:
            self.complain(_("散會 comes after the start"))
            return None
        return Times(start, end)


class BackInSessionDialog(_Form):
    """散會 stamped too soon: back in session, and why (the log keeps the reason)."""

    def __init__(self, end: time) -> None:
        super().__init__()
        self.end = end

    def compose(self) -> ComposeResult:
        with Vertical() as form:
            form.border_title = _("回到開會中 Back in session")
            yield Label(_("散會 ({time}) is taken back.").format(time=format_time(self.end)))
            yield Label(_("原因 Why (kept in the log)"))
            yield Input(id="reason")
            yield Label("", classes="problem")

    def result(self) -> str | None:
        reason = without_controls(self.query_one("#reason", Input).value).strip()
        if not reason:
            self.complain(_("say why the record goes back"))
            return None
        return reason
