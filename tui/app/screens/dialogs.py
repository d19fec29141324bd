"""Small forms the editor asks: track a conclusion, add a temporary motion, add a report."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select

from tui.dataclass_cache import dataclass
from tui.domain.motions import MOTION_KINDS, ORAL, REPORT_KINDS, read_presenter
from tui.domain.rocdate import DateError, parse_date
from tui.domain.text import without_controls
from tui.i18n import N_, _, ngettext


@dataclass
class Tracking:
    """The owner unit and deadline of a conclusion to be tracked (列管)."""

    owner: str
    deadline: date | None


class _Form(ModalScreen[object]):
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
        Binding("ctrl+s", "submit", N_("Done"), id="form.submit", show=False),
    ]
    DEFAULT_CSS = """
    _Form { align: center middle; }
    _Form > Vertical {
        width: 64; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    _Form .problem { color: $error; }
    """

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        result = self.result()
        if result is not None:
            self.dismiss(result)

    def result(self) -> object | None:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.query_one(Vertical).border_subtitle = _("Enter: next / done · Esc: cancel")

    def complain(self, problem: str) -> None:
        self.query_one(".problem", Label).update(problem)

    @on(Input.Submitted)
    def _next_or_done(self, event: Input.Submitted) -> None:
        inputs = [i for i in self.query(Input) if _shown(i) or i is event.input]
        if event.input is inputs[-1]:
            self.action_submit()
        else:
            inputs[inputs.index(event.input) + 1].focus()


def _shown(widget: Widget) -> bool:
    """Not hidden by itself or by a part of the form that does not apply."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


class TrackDialog(_Form):
    """Owner unit (suggested from the wording) and an optional deadline."""

    AUTO_FOCUS = "#deadline"  # the date is typed first, never into the owner's list

    def __init__(self, units: list[str], suggested: str) -> None:
        super().__init__()
        self.units = units
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical() as form:
            form.border_title = _("列管 Track this conclusion")
            yield Label(_("主辦單位 Owner unit"))
            options = [(u, u) for u in self.units]
            start = self.suggested if self.suggested in self.units else Select.NULL
            yield Select(options, value=start, prompt=_("(未定)"), id="owner")
            yield Label(_("列管期限 Deadline (110/8/31 or 2021-08-31, may be empty)"))
            yield Input(id="deadline", placeholder=_("YYY/M/D"))
            yield Label("", classes="problem")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#deadline", Input).focus()

    def result(self) -> Tracking | None:
        owner = self.query_one("#owner", Select).value
        text = self.query_one("#deadline", Input).value.strip()
        deadline = None
        if text:
            try:
                deadline = parse_date(text)
            except DateError as error:
                self.complain(str(error))
                return None
        return Tracking(owner if isinstance(owner, str) else "", deadline)


@dataclass
class Motion:
    """A temporary motion (臨時動議): who moved it, what was said, and how."""

    presenter: str
    text: str
    kind: str = ORAL


def _kinds(kinds: tuple[str, ...], current: str) -> list[tuple[str, str]]:
    shown = kinds if not current or current in kinds else (*kinds, current)
    return [(k, k) for k in shown]


class MotionDialog(_Form):
    """A temporary motion (臨時動議): who raised it, what it says, and how it was given; a
    motion's own when it is edited. A presenter typed as the record writes it
    (總務組王組長口頭報告) sets the kind."""

    def __init__(self, motion: Motion | None = None) -> None:
        super().__init__()
        self.motion = motion or Motion("", "")

    def compose(self) -> ComposeResult:
        with Vertical() as form:
            form.border_title = _("臨時動議 Temporary motion")
            yield Label(_("提出人 Presenter (法制王視察)"))
            yield Input(self.motion.presenter, id="presenter")
            yield Label(_("內容 What was reported (may be typed later)"))
            yield Input(self.motion.text, id="text")
            yield Label(_("方式 Given as"))
            kinds = _kinds(MOTION_KINDS, self.motion.kind)
            yield Select(kinds, value=self.motion.kind or ORAL, allow_blank=False, id="kind")
            yield Label("", classes="problem")

    @on(Input.Changed, "#presenter")
    def _kind_typed(self, event: Input.Changed) -> None:
        typed = read_presenter(event.value)
        if typed.kind:
            self.query_one("#kind", Select).value = typed.kind

    def result(self) -> Motion | None:
        typed = read_presenter(without_controls(self.query_one("#presenter", Input).value))
        if not typed.name:
            self.complain(_("name who raised the motion"))
            return None
        text = without_controls(self.query_one("#text", Input).value).strip() or typed.text
        kind = self.query_one("#kind", Select).value
        return Motion(typed.name, text, typed.kind or (kind if isinstance(kind, str) else ORAL))


class CorrectionDialog(_Form):
    """What a change to a confirmed record corrects; it is logged with who and when."""

    def compose(self) -> ComposeResult:
        with Vertical() as form:
            form.border_title = _("更正 Correct a confirmed record")
            yield Label(_("更正內容 What it changes (logged with your name and time)"))
            yield Input(id="what")
            yield Label("", classes="problem")

    def result(self) -> str | None:
        what = without_controls(self.query_one("#what", Input).value).strip()
        if not what:
            self.complain(_("say what the correction changes"))
            return None
        return what


@dataclass
class Speaker:
    """Who gives a report under an item, and its kind (補充報告, 口頭報告)."""

    name: str
    kind: str


class ReportDialog(_Form):
    """Who reports (國際事務組陳組長), and how: for a new report, or a report renamed."""

    def __init__(self, speaker: Speaker | None = None) -> None:
        super().__init__()
        self.speaker = speaker or Speaker("", REPORT_KINDS[0])

    def compose(self) -> ComposeResult:
        with Vertical() as form:
            form.border_title = _("補充報告 Report")
            yield Label(_("報告人 Speaker (國際事務組陳組長)"))
            yield Input(self.speaker.name, id="speaker")
            yield Label(_("方式 Given as"))
            kinds = _kinds(REPORT_KINDS, self.speaker.kind)
            yield Select(kinds, value=self.speaker.kind, allow_blank=False, id="kind")
            yield Label("", classes="problem")

    def result(self) -> Speaker | None:
        typed = read_presenter(without_controls(self.query_one("#speaker", Input).value))
        if not typed.name:
            self.complain(_("name who reports"))
            return None
        kind = self.query_one("#kind", Select).value
        return Speaker(typed.name, typed.kind or (kind if isinstance(kind, str) else "補充報告"))


class QuitUnsavedDialog(ModalScreen[bool]):
    """Quitting while changes wait for the disk: say so, and quit only if asked twice."""

    BINDINGS = [
        Binding("y", "quit", N_("Quit anyway"), id="quit.anyway"),
        Binding("n,escape", "stay", N_("Stay"), id="quit.stay"),
    ]
    DEFAULT_CSS = """
    QuitUnsavedDialog { align: center middle; }
    QuitUnsavedDialog > Vertical {
        width: 64; height: auto; border: round $error; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, waiting: int, problem: str) -> None:
        super().__init__()
        self.waiting = waiting
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                ngettext(
                    "{count} change is not on disk yet.",
                    "{count} changes are not on disk yet.",
                    self.waiting,
                ).format(count=self.waiting)
            )
            if self.problem:
                yield Label(self.problem, classes="problem")
            yield Label(_("Tried again every second. Quit and lose them? (y / n)"))

    def action_quit(self) -> None:
        self.dismiss(True)

    def action_stay(self) -> None:
        self.dismiss(False)
