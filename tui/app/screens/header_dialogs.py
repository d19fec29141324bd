"""The meeting's header (h) and attendance (A) as the editor asks them, and the question
before a draft agenda is deleted from the meetings list (D)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label

from tui.app.screens.dialogs import _Form
from tui.domain import attendance as who
from tui.domain.model import Attendance, Meeting
from tui.domain.rocdate import DateError, format_numeric_date, parse_datetime, parse_time
from tui.domain.text import without_controls
from tui.edits.attendance import read_people
from tui.edits.errors import EditError
from tui.edits.header import RECORDER_LABELS, header_of
from tui.i18n import N_, _

# One line an input: the two dialogs hold five fields each and fit in 24 rows.
_COMPACT = """
{name} Input {{ height: 1; border: none; padding: 0 1; background: $boost; }}
{name} Input:focus {{ border: none; background: $accent 25%; }}
{name} Checkbox {{ height: 1; border: none; padding: 0; background: $surface; }}
{name} Checkbox:focus {{ border: none; background: $accent 25%; }}
{name} .problem {{ width: 1fr; }}
"""


def _typed(form: ModalScreen[object], name: str) -> str:
    return without_controls(form.query_one(f"#{name}", Input).value).strip()


class HeaderDialog(_Form):
    """時間, 地點, 主席 (a stand-in as offices write it), the recorder and its label."""

    DEFAULT_CSS = _COMPACT.format(name="HeaderDialog")
    AUTO_FOCUS = "#when"

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.before = header_of(meeting)
        self.start = meeting.start

    def compose(self) -> ComposeResult:
        with Vertical() as form:
            form.border_title = _("會議資訊 Header")
            yield Label(_("時間 Date and time (110/7/22 14:30)"))
            when = f"{format_numeric_date(self.start.date())} {self.start:%H:%M}"
            yield Input(when, id="when")
            yield Label(_("地點 Place"))
            yield Input(self.before["place"], id="place")
            yield Label(_("主席 Chair (陳志銘(請假)王主秘(代))"))
            yield Input(self.before["chair"], id="chair")
            yield Label(_("紀錄 Recorder"))
            yield Input(self.before["recorder"], id="recorder")
            yield Label(_("稱 The recorder's label: 紀錄, 記錄 or 彙整"))
            yield Input(self.before["recorder_label"], id="recorder_label")
            yield Label("", classes="problem")

    def result(self) -> dict[str, str] | None:
        """The fields changed, as SetHeader takes them; None (and why) when one is wrong."""
        asked = {name: _typed(self, name) for name in ("place", "chair", "recorder")}
        asked["recorder_label"] = _typed(self, "recorder_label")
        if asked["recorder_label"] not in RECORDER_LABELS:
            self.complain(_("the label is 紀錄, 記錄 or 彙整"))
            return None
        when = _typed(self, "when")
        try:
            day, at = parse_datetime(when)
            at = at or parse_time(self.before["time"])
        except DateError as error:
            self.complain(str(error))
            return None
        asked["date"], asked["time"] = day.isoformat(), at.strftime("%H:%M")
        return {name: value for name, value in asked.items() if self.before[name] != value}


class AttendanceDialog(_Form):
    """出席 (as the sign-in sheet, or by name), 列席 and 請假, written as the record writes
    them: 李四（王五代）, 張三（10:20到）, 陳○○（公假）."""

    DEFAULT_CSS = _COMPACT.format(name="AttendanceDialog")
    AUTO_FOCUS = "#present"

    def __init__(self, attendance: Attendance) -> None:
        super().__init__()
        self.shown = attendance

    def compose(self) -> ComposeResult:
        shown = self.shown
        with Vertical() as form:
            form.border_title = _("出席 Attendance")
            yield Checkbox(
                _("出席：如簽到表 Present as the sign-in sheet"),
                bool(shown.present_as_text),
                id="as-signed",
            )
            yield Label(_("出席 Present (李四（王五代）、張三（10:20到）)"))
            yield Input(who.written(shown.present, who.PRESENT), id="present")
            yield Label(_("列席 Observers"))
            yield Input(who.written(shown.observers, who.OBSERVERS), id="observers")
            yield Label(_("請假 On leave (陳○○（公假）)"))
            yield Input(who.written(shown.absent, who.ABSENT), id="absent")
            yield Label("", classes="problem")

    def result(self) -> Attendance | None:
        signed = self.query_one("#as-signed", Checkbox).value
        try:
            typed = Attendance(
                (self.shown.present_as_text or who.AS_SIGNED) if signed else "",
                read_people(_typed(self, "present"), who.PRESENT),
                read_people(_typed(self, "observers"), who.OBSERVERS),
                read_people(_typed(self, "absent"), who.ABSENT),
            )
        except EditError as error:
            self.complain(str(error))
            return None
        return typed


class DeleteDraftDialog(ModalScreen[bool]):
    """Asked before a draft agenda is deleted: which meeting, and how to get it back."""

    BINDINGS = [
        Binding("y", "delete", N_("Delete"), id="delete.yes"),
        Binding("n,escape", "keep", N_("Keep"), id="delete.no"),
    ]
    DEFAULT_CSS = """
    DeleteDraftDialog { align: center middle; }
    DeleteDraftDialog > Vertical {
        width: 64; height: auto; border: round $warning; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, number: int, when: str) -> None:
        super().__init__()
        self.number = number
        self.when = when

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("刪除議程草案 Delete a draft agenda")
            yield Label(
                _("Delete meeting {number} ({when})?").format(number=self.number, when=self.when)
            )
            yield Label(_("Its log stays; ctrl+z puts it back."))
            yield Label(_("y: delete · n: keep it"))

    def action_delete(self) -> None:
        self.dismiss(True)

    def action_keep(self) -> None:
        self.dismiss(False)
