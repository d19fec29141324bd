"""Where the secretary types: a wrapping text area in which Enter finishes the entry."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea

from tui.i18n import N_


class EntryEditor(TextArea):
    BINDINGS = [
        # Priority: a text area would otherwise take Enter as a new line.
        Binding(
            "enter",
            "finish",
            N_("Done"),
            id="entry.finish",
            tooltip=N_("Finish this entry"),
            priority=True,
        ),
        Binding("escape", "finish", N_("Done"), show=False, id="entry.escape", priority=True),
    ]

    class Finished(Message):
        """Typing is over for this entry (the text was saved as it was typed)."""

    def __init__(self) -> None:
        super().__init__(id="entry-editor", soft_wrap=True, show_line_numbers=False)

    def action_finish(self) -> None:
        self.post_message(self.Finished())

    def start(self, text: str, title: str) -> None:
        self.border_title = title
        self.load_text(text)
        self.move_cursor(self.document.end)
        self.display = True
        self.focus()
