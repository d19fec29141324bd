"""The agenda app: opens the database off the UI thread and hands it to its screens."""

from __future__ import annotations

import signal
from collections.abc import Iterable
from pathlib import Path
from types import FrameType
from typing import Any

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tui.app.messages import SaveFailed, WorkspaceFailed, WorkspaceReady
from tui.app.screens.meetings import MeetingsScreen
from tui.app.workspace import Workspace


class AgendaApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "agenda"
    BINDINGS = [
        Binding("question_mark", "toggle_keys", "Keys", id="app.keys", tooltip="Show every key"),
    ]

    def __init__(self, db: Path, *, keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.db = db
        self.workspace: Workspace | None = None
        self._keymap = keymap or {}

    def on_mount(self) -> None:
        if self._keymap:
            self.set_keymap(self._keymap)
        self.push_screen(MeetingsScreen())
        self._install_hangup()
        self._open_workspace()

    @work(thread=True, exit_on_error=False)
    def _open_workspace(self) -> None:
        from tui.profile import ProfileError
        from tui.storage.errors import StorageError

        events = {"on_error": lambda problem: self.post_message(SaveFailed(problem))}
        try:
            workspace = Workspace.open(self.db, events)
        except (StorageError, ProfileError) as error:
            self.post_message(WorkspaceFailed(str(error)))
            return
        self.post_message(WorkspaceReady(workspace))

    @on(WorkspaceReady)
    def _workspace_ready(self, message: WorkspaceReady) -> None:
        self.workspace = message.workspace
        self.screen.post_message(WorkspaceReady(message.workspace))

    @on(WorkspaceFailed)
    def _failed(self, message: WorkspaceFailed) -> None:
        self.exit(message=f"agenda: error: {message.problem}", return_code=1)

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        self.notify(message.problem, title="Not saved", severity="error", timeout=30)

    def action_toggle_keys(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            yield SystemCommand(
                f"{binding.description} ({key})",
                binding.tooltip or binding.description,
                lambda node=active.node, action=binding.action: self.run_action(action, node),
            )

    def _install_hangup(self) -> None:
        """A dropped SSH link: save what is typed, then stop."""
        if threading_main():
            signal.signal(signal.SIGHUP, self._hang_up)
            signal.signal(signal.SIGTERM, self._hang_up)

    def _hang_up(self, signum: int, frame: FrameType | None) -> None:
        self.save_everything()
        self.exit(return_code=0)

    def save_everything(self, timeout: float = 3.0) -> None:
        for screen in self.screen_stack:
            save_now = getattr(screen, "save_now", None)
            if save_now is not None:
                save_now()
        if self.workspace is not None:
            self.workspace.writer.flush(timeout)

    async def action_quit(self) -> None:
        self.save_everything()
        self.exit()

    def on_unmount(self) -> None:
        self.save_everything()
        if self.workspace is not None:
            self.workspace.close()


def threading_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
