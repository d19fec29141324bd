"""Where the secretary types: a wrapping text area in which Enter finishes the entry."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.widgets import TextArea

from tui.app.keyhold import key_handled
from tui.i18n import N_


class EntryEditor(TextArea):
    """Enter is taken here, in the order the keys came (a key binding of priority would run
    it before the keys typed just ahead of it reached the box), and the keys typed after it
    wait (keyhold: HOLD_AFTER) until it has ended the entry: they go where it leaves the
    focus, not into the entry just finished."""

    HOLD_AFTER = frozenset({"enter", "escape"})
    BINDINGS = [
        Binding("enter", "finish", N_("Done"), id="entry.finish", tooltip=N_("Finish this entry")),
        Binding("escape", "finish", N_("Done"), show=False, id="entry.escape"),
    ]

    def __init__(self) -> None:
        super().__init__(id="entry-editor", soft_wrap=True, show_line_numbers=False)
        self.when_finished: Callable[[], None] | None = None  # the screen's: ends the entry

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.action_finish()
            return
        await super()._on_key(event)

    def action_finish(self) -> None:
        if self.when_finished is not None:
            self.when_finished()
        key_handled(self.app)

    def start(self, text: str, title: str) -> None:
        self.border_title = title
        self.load_text(text)
        self.move_cursor(self.document.end)
        self.display = True
        self.focus()
