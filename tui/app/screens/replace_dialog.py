"""An export would land on a file that is there (a record edited by hand, perhaps): replace
it, keep both (the export takes the next free name), or write nothing."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from tui.export import numbered
from tui.i18n import N_, _

REPLACE, KEEP_BOTH = "replace", "keep"


class ReplaceFileDialog(ModalScreen[str | None]):
    BINDINGS = [
        Binding("r", "answer('replace')", N_("Replace"), id="replace.replace"),
        Binding("k", "answer('keep')", N_("Keep both"), id="replace.keep"),
        Binding("escape,n", "answer('')", N_("Cancel"), id="replace.cancel"),
    ]
    DEFAULT_CSS = """
    ReplaceFileDialog { align: center middle; }
    ReplaceFileDialog > Vertical {
        width: 68; height: auto; border: round $warning; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("The file is there")
            yield Label(
                _("{name} is there already (in {folder}).").format(
                    name=self.path.name, folder=self.path.parent
                )
            )
            yield Label(_("r  replace it"))
            yield Label(_("k  keep both: write {name}").format(name=numbered(self.path, 2).name))
            yield Label(_("Esc  cancel: write nothing"))

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer or None)
