"""The dialog of the chair's approval: who approves the record (its 主席 by default)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label

from tui.app.screens.dialogs import _Form
from tui.i18n import _


class ApproveDialog(_Form):
    """Who approves the record: its chair, unless someone approves in the chair's place."""

    def __init__(self, number: int, chair: str) -> None:
        super().__init__()
        self.number = number
        self.chair = chair

    def compose(self) -> ComposeResult:
        with Vertical() as form:
            form.border_title = _("核定第 {number} 次會議紀錄 Approve the record").format(
                number=self.number
            )
            yield Label(_("核定人 Approved by"))
            yield Input(self.chair, id="by")
            yield Label(_("After approval, each change is a logged correction."))
            yield Label("", classes="problem")

    def result(self) -> str | None:
        by = self.query_one("#by", Input).value.strip()
        if not by:
            self.complain(_("Say who approves the record."))
            return None
        return by
