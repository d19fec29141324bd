"""The forms that shape the agenda: a new item (its kind, who presents it, a proposal's
說明 and 擬辦), a name (a section's or an item's), and a block's text with its points."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, TextArea

from tui.dataclass_cache import dataclass, field
from tui.domain.text import without_controls
from tui.i18n import N_, _

KINDS = (
    (N_("Report (報告)"), "report"),
    (N_("Special report (專題報告)"), "special"),
    (N_("Proposal (提案: 案由, 說明, 擬辦)"), "proposal"),
)


@dataclass
class NewItem:
    """An item to add to the agenda, as the dialog gives it back."""

    title: str
    kind: str
    presenter: str
    blocks: list[tuple[str, str]] = field(default_factory=list)


def _typed(widget: Input | TextArea) -> str:
    text = widget.value if isinstance(widget, Input) else widget.text
    return without_controls(text).strip()


class _Form(ModalScreen[object]):
    """Enter moves to the next field and, in the last, is done; ctrl+s is done anywhere."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
        Binding("ctrl+s", "submit", N_("Done"), id="form.submit", show=False),
    ]
    DEFAULT_CSS = """
    _Form { align: center middle; }
    _Form > Vertical {
        width: 66; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    _Form Label { margin-top: 1; }
    _Form TextArea { height: 5; }
    _Form .problem { color: $error; margin-top: 0; }
    """
    TITLE_TEXT = ""

    def compose(self) -> ComposeResult:
        with Vertical() as form:
            form.border_title = _(self.TITLE_TEXT)
            form.border_subtitle = _("Enter: next · ctrl+s: done · Esc: cancel")
            yield from self.fields()
            yield Label("", classes="problem")

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def result(self) -> object | None:
        raise NotImplementedError

    def complain(self, problem: str) -> None:
        self.query_one(".problem", Label).update(problem)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        result = self.result()
        if result is not None:
            self.dismiss(result)

    @on(Input.Submitted)
    def _next_or_done(self, event: Input.Submitted) -> None:
        shown = [i for i in self.query(Input) if i.display and i.parent and i.parent.display]
        if event.input is shown[-1]:
            self.action_submit()
        else:
            self.focus_next()


class ItemDialog(_Form):
    """A new item: its kind, title (a proposal's 案由), presenter, a proposal's 說明 / 擬辦."""

    TITLE_TEXT = N_("新增議程項目 New agenda item")
    AUTO_FOCUS = "#item-title-input"

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def fields(self) -> ComposeResult:
        yield Label(_("種類 Kind"))
        options = [(_(name), value) for name, value in KINDS]
        yield Select(options, value=self.kind, allow_blank=False, compact=True, id="kind")
        yield Label(_("標題（提案為案由） Title (a proposal: its 案由)"))
        yield Input(id="item-title-input", compact=True)
        yield Label(_("報告單位或報告人 Presented by (總務組, 資訊室王主任)"))
        yield Input(id="presenter", compact=True)
        with Vertical(id="proposal-blocks"):
            yield Label(_("說明 (a line starting (一) is a point, 1. one under it)"))
            yield TextArea(id="explanation", compact=True, soft_wrap=True)
            yield Label(_("擬辦"))
            yield Input(id="proposed", compact=True)

    def on_mount(self) -> None:
        self._show_blocks()

    @on(Select.Changed, "#kind")
    def _show_blocks(self) -> None:
        blocks = self.query_one("#proposal-blocks", Vertical)
        blocks.display = self.query_one("#kind", Select).value == "proposal"

    def result(self) -> NewItem | None:
        title = _typed(self.query_one("#item-title-input", Input))
        if not title:
            self.complain(_("give the item's title"))
            return None
        kind = str(self.query_one("#kind", Select).value)
        presenter = _typed(self.query_one("#presenter", Input))
        blocks: list[tuple[str, str]] = []
        if kind == "proposal":
            for label, widget in (("說明", "#explanation"), ("擬辦", "#proposed")):
                text = _typed(self.query_one(widget, Input | TextArea))  # type: ignore[arg-type]
                if text:
                    blocks.append((label, text))
        return NewItem(title, kind, presenter, blocks)


class NameDialog(_Form):
    """One line: a new section's title, or a new title for an item or a section."""

    AUTO_FOCUS = "#name"

    def __init__(self, title: str, label: str, value: str = "") -> None:
        super().__init__()
        self.title_text, self.label, self.value = title, label, value

    def fields(self) -> ComposeResult:
        yield Label(self.label)
        yield Input(self.value, id="name", compact=True)

    def on_mount(self) -> None:
        self.query_one(Vertical).border_title = self.title_text

    def result(self) -> str | None:
        name = _typed(self.query_one("#name", Input))
        if not name:
            self.complain(_("give a title"))
            return None
        return name


class BlockDialog(_Form):
    """A block's text: the paragraph, then each point on a line of its own."""

    AUTO_FOCUS = "#block-text"
    DEFAULT_CSS = """
    BlockDialog TextArea { height: 12; }
    """

    def __init__(self, label: str, text: str) -> None:
        super().__init__()
        self.label, self.text = label, text

    def fields(self) -> ComposeResult:
        yield Label(_("A line starting (一) is a point, 1. one under it, (1) under that"))
        yield TextArea(self.text, id="block-text", compact=True, soft_wrap=True)

    def on_mount(self) -> None:
        form = self.query_one(Vertical)
        form.border_title = self.label
        form.border_subtitle = _("Enter: new line · ctrl+s: done · Esc: cancel")
        self.query_one(TextArea).move_cursor(self.query_one(TextArea).document.end)

    def result(self) -> str:
        return _typed(self.query_one("#block-text", TextArea))
