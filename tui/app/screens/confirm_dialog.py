"""宣讀: the last record confirmed as read, 紀錄確定, or 修正後確定 with its 修正之點, each
typed as where / the words the record has / the words meant, and checked against the record
as it is typed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.dataclass_cache import dataclass, field
from tui.domain import amendments
from tui.domain.model import Amendment, Item, Meeting
from tui.domain.places import written_place
from tui.domain.rocdate import format_date
from tui.domain.text import without_controls
from tui.i18n import N_, _


@dataclass
class Confirming:
    """What the dialog gives back: no corrections is 紀錄確定."""

    corrections: list[Amendment] = field(default_factory=list)


class ConfirmRecordDialog(ModalScreen[object]):
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="confirm.cancel"),
        Binding("ctrl+s", "submit", N_("Done"), id="confirm.submit", show=False),
    ]
    DEFAULT_CSS = """
    ConfirmRecordDialog { align: center middle; }
    ConfirmRecordDialog > Vertical {
        width: 72; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ConfirmRecordDialog #said { color: $text-muted; }
    ConfirmRecordDialog .problem { color: $error; }
    """
    AUTO_FOCUS = "#place"

    def __init__(self, record: Meeting) -> None:
        super().__init__()
        self.record = record
        self.corrections: list[Amendment] = []

    def compose(self) -> ComposeResult:
        number, day = self.record.number, format_date(self.record.date)
        with Vertical() as form:
            form.border_title = _("宣讀 Confirm the record of meeting {number} ({date})").format(
                number=number, date=day
            )
            form.border_subtitle = _("Enter on an empty 位置: done · ctrl+s: done · Esc: cancel")
            yield Static(self._said(), id="said")
            yield Label(_("位置 Where (貳、一; empty: no more corrections)"), id="place-label")
            yield Input(id="place", placeholder="貳、一")
            yield Label(_("原文 The words the record has"))
            yield Input(id="old")
            yield Label(_("修正為 The words meant (empty: the words are deleted)"))
            yield Input(id="new")
            yield Label("", classes="problem")

    def _said(self) -> str:
        said = amendments.confirmation_conclusion(self.corrections)
        lines = [said.text, *(f"  {p.text}" for p in said.points)]
        return _("會議結論 as it will read: {said}").format(said="\n".join(lines))

    def _value(self, name: str) -> str:
        return without_controls(self.query_one(f"#{name}", Input).value).strip()

    def complain(self, problem: str) -> None:
        self.query_one(".problem", Label).update(problem)

    @on(Input.Changed, "#place")
    def _where(self) -> None:
        """The item the place names, so the words can be read off it."""
        item = self._item()
        label = self.query_one("#place-label", Label)
        if item is None:
            label.update(_("位置 Where (貳、一; empty: no more corrections)"))
        else:
            label.update(f"{written_place(self._place())} {_shortened(item.title)}")

    def _place(self) -> str:
        return amendments.normal_place(self._value("place"))

    def _item(self) -> Item | None:
        place = self._place()
        return amendments.item_of(self.record, place) if place else None

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        name = event.input.id
        if name == "place" and not any(self._value(n) for n in ("place", "old", "new")):
            self.action_submit()
        elif name == "place":
            self.query_one("#old", Input).focus()
        elif name == "old":
            self.query_one("#new", Input).focus()
        else:
            self._add()

    def _add(self) -> bool:
        """The correction typed, checked against the record and added; False if it is not."""
        amendment = self._checked()
        if amendment is None:
            return False
        self.corrections.append(amendment)
        for name in ("place", "old", "new"):
            self.query_one(f"#{name}", Input).value = ""
        self.query_one("#said", Static).update(self._said())
        self.complain("")
        self.query_one("#place", Input).focus()
        return True

    def _checked(self) -> Amendment | None:
        where, old = self._value("place"), self._value("old")
        item = self._item()
        if item is None:
            self.complain(
                _("The record of meeting {number} has no item {place} (give 貳、一).").format(
                    number=self.record.number, place=where
                )
            )
            self.query_one("#place", Input).focus()
            return None
        if not old or not any(old in text for _path, text in amendments.texts(item)):
            self.complain(
                _("「{words}」 is not in {place}.").format(
                    words=old, place=written_place(self._place())
                )
                if old
                else _("Type the words the record has.")
            )
            self.query_one("#old", Input).focus()
            return None
        return Amendment(self._place(), old, self._value("new"))

    def action_submit(self) -> None:
        if any(self._value(n) for n in ("place", "old", "new")) and not self._add():
            return
        self.dismiss(Confirming(list(self.corrections)))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _shortened(text: str, length: int = 24) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
