"""Where the secretary types: a wrapping text area in which Enter ends the entry, or, on a
point of a (一)(二)… list, begins the next point (tui/app/widgets/point_typing.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from tui.app.keyhold import key_handled
from tui.app.widgets.point_typing import Lines, enter, point_in
from tui.domain.numerals import Ladder
from tui.domain.points import REPORT_RUNGS
from tui.i18n import N_, _

TYPING = N_("Typing")


class EntryEditor(TextArea):
    """Enter is taken here, in the order the keys came (a key binding of priority would run
    it before the keys typed just ahead of it reached the box), and the keys typed after it
    wait (keyhold: HOLD_AFTER) until it is done: after an entry ends they go where the focus
    is then, not into the entry just finished."""

    HOLD_AFTER = frozenset({"enter", "escape", "ctrl+s", "ctrl+j", "ctrl+e"})
    BINDINGS = [
        Binding(
            "enter",
            "enter",
            N_("Done / next point"),
            id="entry.enter",
            tooltip=N_("End it; on a point, begin the next (on an empty one: one level out)"),
        ),
        Binding(
            "ctrl+j",
            "point_in",
            N_("Point"),
            id="entry.point",
            tooltip=N_("Begin a point one level in: (一) under the text, 1. under (一)"),
        ),
        Binding(
            "ctrl+e",
            "outside",
            N_("$EDITOR"),
            id="entry.outside",
            tooltip=N_("Open the text in your own editor ($EDITOR)"),
        ),
        Binding("escape,ctrl+s", "finish", N_("Done"), id="entry.finish", tooltip=N_("End it")),
    ]

    def __init__(self) -> None:
        super().__init__(id="entry-editor", soft_wrap=True, show_line_numbers=False)
        self.when_finished: Callable[[], None] | None = None  # the screen's: ends the entry
        self.rungs: Sequence[Ladder] = REPORT_RUNGS

    def edit(self, edit: Edit) -> EditResult:
        """TextArea moves the cursor into view before it grows its height for the edit, so
        a character that wraps onto a new last line stayed below the view until the next
        key: into view again once the height is right."""
        result = super().edit(edit)
        self.scroll_cursor_visible()
        return result

    def _refresh_size(self) -> None:
        """TextArea sets its virtual size as a reactive that lays the whole screen out again:
        each line the entry gained cost a keystroke some 13 ms at 80×24, the typing echo's
        p99. The box's own size is fixed (editor.tcss), so only its scrollbar can change:
        shown or hidden, which lays the screen out all the same, or its thumb resized."""
        if not self.soft_wrap:
            super()._refresh_size()
            return
        size = Size(0, self.wrapped_document.height)
        if size != self.virtual_size:
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
            self.refresh()

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.action_enter()
            return
        await super()._on_key(event)

    def action_enter(self) -> None:
        row, column = self.cursor_location
        self._apply(enter(self.text, row, column))

    def action_point_in(self) -> None:
        self._apply(point_in(self.text, self.cursor_location[0], self.rungs))

    def _apply(self, lines: Lines) -> None:
        if lines.text != self.text:
            self.replace(lines.text, (0, 0), self.document.end)
            self.move_cursor(lines.cursor)
        if lines.finished:
            self.action_finish()
        else:
            key_handled(self.app)

    def action_finish(self) -> None:
        if self.when_finished is not None:
            self.when_finished()
        key_handled(self.app)

    def action_outside(self) -> None:
        """The text in the user's editor, the app suspended; back as it was saved, and the
        entry ends."""
        from tui.app.outside import OutsideEditorError, edit_outside

        try:
            edited = edit_outside(self.app, self.text)
        except OutsideEditorError as error:
            self.notify(str(error), severity="warning")
            key_handled(self.app)
            return
        if edited is None:
            self.notify(_("No editor can be opened here (a browser has no terminal to lend)."))
            key_handled(self.app)
            return
        if edited != self.text:
            self.replace(edited, (0, 0), self.document.end)
        self.action_finish()

    def start(self, text: str, title: str, rungs: Sequence[Ladder] = REPORT_RUNGS) -> None:
        self.border_title = title
        self.rungs = rungs
        self.load_text(text)
        self.move_cursor(self.document.end)
        self.display = True
        self.focus()
