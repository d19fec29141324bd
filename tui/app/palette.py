"""The command palette in the user's language: each action once, with its key, and the
few of Textual's own commands a secretary may want, worded by the catalogs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from tui.i18n import N_, _

# Textual's commands kept, in our words; its others go: "Keys" and "Quit" are the app's
# own, and "Screenshot" saves a developer's SVG with an English notice.
TEXTUAL_COMMANDS = {
    "Theme": (N_("Theme"), N_("Change the colours of the app")),
    "Maximize": (N_("Maximize"), N_("Let the focused part fill the screen")),
    "Minimize": (N_("Minimize"), N_("Put the maximized part back in its place")),
}


class Palette(CommandPalette):
    """Textual's palette, saying "no matches" in the user's language."""

    def __init__(self, placeholder: str = "", **kwargs: Any) -> None:
        super().__init__(placeholder=placeholder or _("Search for commands…"), **kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own, with its one English sentence through the catalogs.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("No matches found"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def system_commands(
    app: App[Any],
    bindings: Sequence[Binding],
    key_of: Callable[[Binding], str],
    run: Callable[[str], None],
    textual: Iterable[SystemCommand],
) -> Iterable[SystemCommand]:
    """Each action of `bindings` once, titled with its key; then Textual's that are kept."""
    seen: set[str] = set()
    for binding in bindings:
        if not binding.description or binding.action in seen:
            continue
        seen.add(binding.action)
        shown = app.get_key_display(replace(binding, key=key_of(binding), key_display=None))
        yield SystemCommand(
            f"{_(binding.description)} ({shown})",
            _(binding.tooltip or binding.description),
            lambda action=binding.action: run(action),
        )
    for command in textual:
        if command.title in TEXTUAL_COMMANDS:
            title, help_text = TEXTUAL_COMMANDS[command.title]
            yield SystemCommand(_(title), _(help_text), command.callback, command.discover)
