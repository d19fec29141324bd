"""The agenda app: opens the database off the UI thread and hands it to its screens."""

from __future__ import annotations

import signal
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tui.app import memory
from tui.app.control_codes import strip_codes_quickly
from tui.app.keyhold import KeyHold, KeysReplayed
from tui.app.messages import (
    Committed,
    DiskTrouble,
    Refused,
    Stored,
    WorkspaceFailed,
    WorkspaceReady,
)
from tui.app.screens.meetings import MeetingsScreen
from tui.app.textual_wrapping import wrap_by_the_rules
from tui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from tui.app.screens.editor_core import MeetingScreen
    from tui.app.workspace import Workspace


_QUIT = [Binding("ctrl+q", "app.quit", N_("Quit"), tooltip=N_("Save what is typed and quit"))]
_PALETTE = "--command-palette"  # the id Textual gives its palette
UNSAVED = 3  # the exit status when changes were left unsaved


class AgendaApp(App[None]):
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: a subclass elsewhere finds it
    TITLE = "agenda"
    BINDINGS = [
        Binding(
            "question_mark", "toggle_keys", N_("Keys"), id="app.keys", tooltip=N_("Show every key")
        ),
    ]

    def __init__(self, db: Path, *, keymap: dict[str, str] | None = None) -> None:
        from tui.i18n import choose_for

        choose_for(db)  # the language, once, before any screen is drawn
        wrap_by_the_rules()
        strip_codes_quickly()
        super().__init__()
        self.db = db
        self.workspace: Workspace | None = None
        self._keymap = keymap or {}
        self._old_handlers: dict[int, signal._HANDLER] = {}
        self.key_hold = KeyHold(self)
        self.full_collection = memory.FullCollection()  # at a pause in the typing
        self.disk_trouble = ""  # why the last write failed, while changes wait for the disk

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.full_collection.key()
        if not self.key_hold.takes(event):
            await super().on_event(event)

    @on(KeysReplayed)
    def _keys_replayed(self) -> None:
        self.key_hold.replayed()

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        self.key_hold.focus_moved(event.widget)

    def on_mount(self) -> None:
        self.key_hold.hold()  # until the list is shown, or the meeting left off at is open
        if self._keymap:
            self.set_keymap(self._keymap)
        self.meetings = MeetingsScreen(self.db)
        self.push_screen(self.meetings)
        self._install_hangup()
        self.set_interval(memory.IDLE_SECONDS / 2, self.full_collection.tick)
        # After the first paint, which lists the meetings from their index: opening the
        # workspace loads the edit machinery, which the list does not wait for.
        self.call_after_refresh(self._open_workspace)

    @work(thread=True, exit_on_error=False)
    def _open_workspace(self) -> None:
        from tui.app.workspace import Workspace
        from tui.app.writer import Events
        from tui.profile import ProfileError
        from tui.storage.errors import StorageError

        events = Events(
            done=lambda serials, done: self.post_message(Committed(serials, done)),
            refused=lambda serials, error: self.post_message(Refused(serials, error)),
            trouble=lambda problem: self.post_message(DiskTrouble(problem)),
            stored=lambda snapshot, upto: self.post_message(Stored(snapshot, upto)),
        )
        try:
            workspace = Workspace.open(self.db, events)
        except (StorageError, ProfileError) as error:
            self.post_message(WorkspaceFailed(str(error)))
            return
        except Exception as error:  # no worker may die silently with the keys held
            self.post_message(WorkspaceFailed(f"{type(error).__name__}: {error}"))
            return
        self.post_message(WorkspaceReady(workspace))

    @on(WorkspaceReady)
    def _workspace_ready(self, message: WorkspaceReady) -> None:
        self.workspace = message.workspace
        # To the list, whatever is in front meanwhile (the palette, the keys panel).
        self.meetings.post_message(WorkspaceReady(message.workspace))

    @on(WorkspaceFailed)
    def _failed(self, message: WorkspaceFailed) -> None:
        self.exit(
            message=_("agenda: error: {problem}").format(problem=message.problem), return_code=1
        )

    @on(DiskTrouble)
    def _disk_trouble(self, message: DiskTrouble) -> None:
        """Changes the disk would not take wait and are tried again; the key bar says so."""
        if message.problem and not self.disk_trouble:
            self.notify(
                _("{problem}. Your changes are kept and tried again every second.").format(
                    problem=message.problem
                ),
                title=_("Not saved yet"),
                severity="error",
                timeout=30,
            )
        elif not message.problem and self.disk_trouble:
            self.notify(_("Everything is saved now."), title=_("Saved"))
        self.disk_trouble = message.problem
        for bar in self.screen.query("KeyBar"):
            bar.refresh()

    def _editor(self) -> MeetingScreen | None:
        from tui.app.screens.editor_core import MeetingScreen

        found = [s for s in self.screen_stack if isinstance(s, MeetingScreen)]
        return found[-1] if found else None

    @on(Committed)
    def _committed(self, message: Committed) -> None:
        editor = self._editor()
        if editor is not None:
            editor.committed(message.serials, message.done)

    @on(Refused)
    def _refused(self, message: Refused) -> None:
        editor = self._editor()
        if editor is not None:
            editor.refused_by_service(message.serials, message.error)
        else:
            self.notify(str(message.error), severity="warning")

    @on(Stored)
    def _stored(self, message: Stored) -> None:
        editor = self._editor()
        if editor is not None and editor.opened.number == message.snapshot.meeting.number:
            editor.stored(message.snapshot, message.upto)

    def action_toggle_keys(self) -> None:
        from tui.app.screens.keys import KeysScreen

        if isinstance(self.screen, KeysScreen):
            self.screen.dismiss()
        else:
            self.push_screen(KeysScreen(self.screen))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every action of the screen and the app, once each, with its key; then the few of
        Textual's own that are kept (tui/app/palette.py)."""
        from tui.app.palette import system_commands

        bindings = [
            b for b in [*type(screen).BINDINGS, *self.BINDINGS, *_QUIT] if isinstance(b, Binding)
        ]
        return system_commands(
            self,
            bindings,
            lambda binding: self._keymap.get(binding.id or "", binding.key).split(",")[0],
            partial(self._run_on, screen),
            super().get_system_commands(screen),
        )

    def action_command_palette(self) -> None:
        from tui.app.palette import Palette

        if self.use_command_palette and self.screen.id != _PALETTE:
            self.push_screen(Palette(id=_PALETTE))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from tui.app.palette import Palette

        self.push_screen(Palette(providers=[ThemeProvider], placeholder=_("Search for themes…")))

    def _run_on(self, screen: Screen[Any], action: str) -> None:
        self.call_later(self.run_action, action, screen)

    def _install_hangup(self) -> None:
        """A dropped SSH link: save what is typed, then stop."""
        if threading_main():
            self._old_handlers = {
                signum: signal.signal(signum, self._hang_up)
                for signum in (signal.SIGHUP, signal.SIGTERM)
            }

    def _hang_up(self, signum: int, frame: FrameType | None) -> None:
        saved = self.save_everything()
        self.exit(return_code=0 if saved else UNSAVED)

    def save_everything(self, timeout: float = 3.0) -> bool:
        """Send what is typed and wait for the disk; False if changes are still waiting."""
        for screen in self.screen_stack:
            save_now = getattr(screen, "save_now", None)
            if save_now is not None:
                save_now()
        if self.workspace is None:
            return True
        return self.workspace.writer.flush(timeout)

    async def action_quit(self) -> None:
        if self.save_everything(timeout=1.0):
            self.exit()
            return
        from tui.app.screens.dialogs import QuitUnsavedDialog

        assert self.workspace is not None
        waiting = self.workspace.writer.unsaved
        self.push_screen(QuitUnsavedDialog(waiting, self.disk_trouble), self._quit_anyway)

    def _quit_anyway(self, quit: object) -> None:
        if quit is True:
            self.exit(return_code=UNSAVED, message=self._unsaved_message())

    def _unsaved_message(self) -> str:
        waiting = self.workspace.writer.unsaved if self.workspace else 0
        return ngettext(
            "agenda: {count} change was not saved: {problem}",
            "agenda: {count} changes were not saved: {problem}",
            waiting,
        ).format(count=waiting, problem=self.disk_trouble or _("the disk"))

    def on_unmount(self) -> None:
        self.save_everything()
        if self.workspace is not None:
            self.workspace.close()
        for screen in self.screen_stack:
            opened = getattr(screen, "opened", None)
            if opened is not None:
                opened.hold.release()
        if threading_main():
            for signum, handler in self._old_handlers.items():
                signal.signal(signum, handler)


def threading_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
