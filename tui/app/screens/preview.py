"""The record or agenda as it will be circulated, and its export to a file."""

from __future__ import annotations

import io
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from tui.app.screens.replace_dialog import KEEP_BOTH, REPLACE, ReplaceFileDialog
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.titlebar import TitleBar
from tui.app.workspace import Workspace
from tui.domain.model import MeetingStatus
from tui.i18n import N_, _

if TYPE_CHECKING:
    from tui.storage.repository import Repository

FORMATS = ("md", "txt", "odt", "docx")
DOCUMENTS = ("odt", "docx")  # shown as Markdown; exported as the document


def _owed(repo: Repository, number: int) -> str:
    """「尚未填報：機要組（9903）…」 while units owe their forms' answers; "" when none do."""
    from tui.forms import missing
    from tui.forms.content import FormsError

    try:
        owed = missing(repo, number)
    except FormsError:
        return ""
    listed = "、".join(f"{unit}（{'、'.join(map(str, cases))}）" for unit, cases in owed.items())
    return _("Not yet answered: {units}").format(units=listed) if owed else ""


def _with_owed(text: str, owed: str) -> str:
    """The line of units owing answers under the case report's heading (else on top)."""
    if not owed:
        return text
    lines = text.split("\n")
    at = next((n + 1 for n, line in enumerate(lines) if "辦理情形報告" in line), 0)
    return "\n".join([*lines[:at], "", f"> {owed}", *lines[at:]])


class PreviewScreen(Screen[None]):
    BINDINGS = [
        Binding(
            "a",
            "toggle_agenda",
            N_("Record/agenda"),
            id="preview.agenda",
            tooltip=N_("Show the agenda (議程) or the record (紀錄)"),
        ),
        Binding(
            "f",
            "next_format",
            N_("Format"),
            id="preview.format",
            tooltip=N_("Markdown, text, ODT or DOCX"),
        ),
        Binding("s", "export", N_("Export"), id="preview.export", tooltip=N_("Write it to a file")),
        Binding("escape", "leave", N_("Back"), id="preview.back"),
    ]
    DEFAULT_CSS = """
    #preview { height: 1fr; }
    #export-path { display: none; }
    #preview-status { height: 1; padding: 0 1; background: $panel; }
    """

    def __init__(self, workspace: Workspace, number: int) -> None:
        super().__init__()
        self.workspace = workspace
        self.number = number
        self.agenda: bool | None = None  # the agenda of a draft, else the record, at first
        self.format = "md"
        self.text = ""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="preview-status")
        yield TextArea(id="preview", read_only=True, soft_wrap=True, show_line_numbers=False)
        yield Input(id="export-path")
        yield KeyBar()

    def on_mount(self) -> None:
        self._render_document()

    def _kind(self) -> str:
        return N_("agenda") if self.agenda else N_("record")

    @work(thread=True, exclusive=True)
    def _render_document(self) -> None:
        from tui import secretary
        from tui.render.formats import RenderError

        repo = self.workspace.repo
        meeting = repo.load_meeting(self.number)
        if meeting is None:
            return
        if self.agenda is None:
            self.agenda = meeting.status is MeetingStatus.DRAFT
        shown = "md" if self.format in DOCUMENTS else self.format
        try:
            text = secretary.render_meeting(repo, meeting, agenda=self.agenda, format=shown)
        except RenderError as error:
            text = _("Cannot render: {error}").format(error=error)
        owed = _owed(repo, self.number) if self.agenda and shown != "html" else ""
        self.app.call_from_thread(self._show, text, owed)

    def _show(self, text: str, owed: str = "") -> None:
        self.text = text  # exported as it is: the line of units owing answers is the app's
        self.query_one(TextArea).load_text(_with_owed(text, owed))
        self.sub_title = f"第 {self.number} 次 {_(self._kind())} · {self.format}"
        said = (
            _("agenda of meeting {number} as {format}")
            if self.agenda
            else _("record of meeting {number} as {format}")
        ).format(number=self.number, format=self.format)
        note = _(" (seen as Markdown)") if self.format in DOCUMENTS else ""
        export = _("s: export")
        self.query_one("#preview-status", Static).update(f"{said}{note} · {export}")
        self.query_one(TextArea).focus()

    def action_toggle_agenda(self) -> None:
        self.agenda = not self.agenda
        self._render_document()

    def action_next_format(self) -> None:
        self.format = FORMATS[(FORMATS.index(self.format) + 1) % len(FORMATS)]
        self._render_document()

    def action_export(self) -> None:
        if self.app.is_web:  # served to a browser: the file goes to the browser, not the server
            self._deliver(self.format, bool(self.agenda), self.text)
            return
        field = self.query_one("#export-path", Input)
        field.value = str(Path.cwd() / f"{self._kind()}-{self.number}.{self.format}")
        field.border_title = _("Export to (Enter: write · Esc: cancel)")
        field.display = True
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.display = False
        if not event.value.strip():
            self.notify(_("No file named: nothing written"), severity="warning")
            return
        self._export(Path(event.value).expanduser(), self.format, bool(self.agenda), self.text)

    @work(thread=True)
    def _export(self, path: Path, format: str, agenda: bool, text: str, how: str = "") -> None:
        """Write the export: a file at `path` is replaced only when asked (how: replace, or
        keep both: the next free name)."""
        from tui.export import write_file, write_free_name, write_new_file
        from tui.render.formats import RenderError

        written = path
        try:
            data = self._document(format, agenda) if format in DOCUMENTS else text.encode()
            if how == REPLACE:
                write_file(path, data)
            elif how == KEEP_BOTH:
                written = write_free_name(path, data)
            else:
                write_new_file(path, data)
        except FileExistsError:
            ask = partial(self._answered, path, format, agenda, text)
            self.app.call_from_thread(self.app.push_screen, ReplaceFileDialog(path), ask)
            return
        except (OSError, RenderError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            self.app.call_from_thread(
                self.notify, f"{path}: {reason}", title=_("Not written"), severity="error"
            )
            return
        self.app.call_from_thread(self.notify, _("Written to {path}").format(path=written))

    def _answered(self, path: Path, format: str, agenda: bool, text: str, how: object) -> None:
        if isinstance(how, str) and how:
            self._export(path, format, agenda, text, how)
        else:
            self.notify(_("Nothing written: {path} is kept").format(path=path))

    @work(thread=True)
    def _deliver(self, format: str, agenda: bool, text: str) -> None:
        from tui.render.formats import RenderError

        name = f"{self._kind()}-{self.number}.{format}"
        try:
            data = self._document(format, agenda) if format in DOCUMENTS else text.encode()
        except RenderError as error:
            self.app.call_from_thread(
                self.notify, str(error), title=_("Not sent"), severity="error"
            )
            return
        self.app.call_from_thread(self.app.deliver_binary, io.BytesIO(data), save_filename=name)
        self.app.call_from_thread(self.notify, _("{name} sent to the browser").format(name=name))

    def _document(self, format: str, agenda: bool) -> bytes:
        from tui import secretary
        from tui.render.formats import RenderError

        repo = self.workspace.repo
        meeting = repo.load_meeting(self.number)
        if meeting is None:
            raise RenderError(_("meeting {number} is gone").format(number=self.number))
        return secretary.render_document(repo, meeting, agenda=agenda, format=format)

    def action_leave(self) -> None:
        field = self.query_one("#export-path", Input)
        if field.display:
            field.display = False
            self.query_one(TextArea).focus()
            return
        self.app.pop_screen()
