"""`?`: the keys of the screen beneath, grouped, each with what it does, in a panel that
scrolls by itself. The screen's own keys come first; the app's last; the list and tree keys
every Textual widget has (arrows, home, end …) are left out."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.i18n import N_, _

APP = N_("App")
THIS_SCREEN = N_("This screen")
GROUP_ORDER = ("Recording", "Typing", "Cases", "Agenda", "Navigation", THIS_SCREEN, APP)
# The descriptions of Textual's own keys every screen has, for the catalogs.
TEXTUAL_KEYS = (N_("Focus Next"), N_("Focus Previous"), N_("Copy selected text"))


def _bindings(node: Screen[object] | object) -> list[Binding]:
    """Every key of `node`, after the user's keymap, one binding per key, in binding order."""
    bindings = getattr(node, "_bindings", None)
    if bindings is None:
        return []
    return [b for keyed in bindings.key_to_bindings.values() for b in keyed]


def key_groups(screen: Screen[object]) -> list[tuple[str, list[tuple[str, Binding]]]]:
    """(group, [(keys as shown, binding)]) for the screen's keys, then the app's."""
    app = screen.app
    groups: dict[str, dict[str, tuple[list[str], Binding]]] = {}
    named: dict[str, str] = getattr(screen, "KEY_GROUPS", {})

    def add(group: str, binding: Binding) -> None:
        shown = app.get_key_display(binding)
        keys = groups.setdefault(group, {}).setdefault(binding.action, ([], binding))[0]
        if shown not in keys:
            keys.append(shown)

    # Keys of a widget that has them only while it is there (the box one types in): `?`
    # cannot be typed in it, so they are listed with the screen's.
    for group, binding in getattr(screen, "EXTRA_KEYS", ()):
        for key in binding.key.split(","):
            add(group, dataclasses.replace(binding, key=key.strip()))
    everywhere = {b.action for b in Screen.BINDINGS if isinstance(b, Binding)}
    for binding in _bindings(screen):
        if binding.description and not binding.system:
            group = APP if binding.action in everywhere else THIS_SCREEN
            add(named.get(binding.action, group), binding)
    if app.ENABLE_COMMAND_PALETTE:  # before the app's keys: its words, not Textual's
        palette = N_("Palette")
        tooltip = N_("Every action by name")
        add(APP, Binding(app.COMMAND_PALETTE_BINDING, "command_palette", palette, tooltip=tooltip))
    for binding in _bindings(app):
        if binding.description and not binding.system and binding.action != "quit":
            add(APP, binding)
    add(APP, Binding("ctrl+q", "quit", N_("Quit"), tooltip=N_("Save what is typed and quit")))
    order = {name: n for n, name in enumerate(GROUP_ORDER)}
    return [
        (group, [(" ".join(keys), binding) for keys, binding in actions.values()])
        for group, actions in sorted(groups.items(), key=lambda g: order.get(g[0], 99))
    ]


def key_rows(screen: Screen[object]) -> Iterator[tuple[str, str, str]]:
    """(keys, description, what it does) per row; a group's row has its name only."""
    for n, (group, keys) in enumerate(key_groups(screen)):
        if n:
            yield "", "", ""
        yield _(group), "", ""
        for shown, binding in keys:
            yield shown, _(binding.description), _(binding.tooltip or "")


class KeysScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", N_("Close"), id="keys.close")]
    DEFAULT_CSS = """
    KeysScreen { align: center middle; }
    KeysScreen > VerticalScroll {
        width: 76; max-width: 100%; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, beneath: Screen[object]) -> None:
        super().__init__()
        self.rows = list(key_rows(beneath))

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right", style="bold", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(style="dim")
        for shown, description, tooltip in self.rows:
            if description or not shown:
                table.add_row(shown, description, tooltip)
            else:
                table.add_row(Text(shown, style="bold underline"), "", "")
        with VerticalScroll(id="keys") as scroll:
            scroll.border_title = _("Keys")
            scroll.border_subtitle = _("↑↓ PgUp PgDn: scroll · Esc or ?: close")
            yield Static(table)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss()
