"""Who types in the open meeting: asking the holder to let go, letting go when asked.

The hold tells a colleague who is typing where; what is stored never depends on it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.app.live import Snapshot
from tui.i18n import _
from tui.storage.hold import MeetingHold

if TYPE_CHECKING:
    from tui.app.screens.editor_core import MeetingScreen

ASK_FOR = 5.0  # seconds the holder has to let go


class HoldKeeper:
    def __init__(self, screen: MeetingScreen) -> None:
        self.screen = screen
        self._told_free = False

    @property
    def hold(self) -> MeetingHold:
        hold: MeetingHold = self.screen.opened.hold
        return hold

    def take_over(self) -> None:
        self.screen.notify(_("Asking the other session to let go…"))
        self.screen.run_worker(self._take_over, thread=True, exclusive=True, group="hold")

    def _take_over(self) -> None:
        hold = MeetingHold(self.screen.workspace.db, self.screen.opened.number)
        if not hold.acquire():
            hold.ask_to_take_over()
            deadline = time.monotonic() + ASK_FOR
            while time.monotonic() < deadline and not hold.acquire():
                time.sleep(0.2)
        if not hold.held:
            hold.withdraw_request()
            self._later(self.screen.notify, _("The other session did not let go."), "error")
            return
        writer = self.screen.workspace.writer
        upto = writer.upto
        stored = Snapshot.read(writer.service.repo, self.screen.opened.number)
        self.screen.app.call_from_thread(self._took, hold, stored, upto)

    def _took(self, hold: MeetingHold, stored: Snapshot | None, upto: int) -> None:
        self.hold.release()
        self.screen.opened.hold = hold
        self.screen.opened.holder = ""
        if stored is not None:  # what the holder saved as it let go
            self.screen.stored(stored, upto)
        self.screen.show_status()
        self.screen.refresh_bindings()
        self.screen.notify(_("You hold this meeting now."))

    def look(self) -> None:
        """Every half second: has anyone asked to take over, or has the holder gone?"""
        self.screen.run_worker(self._look, thread=True, exclusive=True, group="watch")

    def _look(self) -> None:
        if self.hold.held:
            asker = self.hold.takeover_asked_by()  # cleaned by the hold
            if asker:
                self.screen.app.call_from_thread(self._asked, asker)
        elif not self.screen.opened.locked and not self._told_free and not self.hold.holder():
            self._told_free = True
            self._later(self.screen.notify, _("Nobody holds this meeting now: press o to edit it."))

    def _asked(self, asker: str) -> None:
        self.screen.call_later(self._let_go, asker)

    async def _let_go(self, asker: str) -> None:
        await self.screen.finish_typing()
        self.screen.run_worker(
            lambda: self._let_go_when_stored(asker), thread=True, exclusive=True, group="hold"
        )

    def _let_go_when_stored(self, asker: str) -> None:
        self.screen.workspace.writer.flush()
        self.hold.release()
        self.screen.opened.holder = asker
        self.screen.app.call_from_thread(self.screen.show_status)
        self._later(
            self.screen.notify,
            _("{who} took over this meeting; it is read-only here.").format(who=asker),
        )

    def _later(self, notify: Callable[..., object], message: str, severity: str = "") -> None:
        kwargs: dict[str, object] = {"timeout": 10}
        if severity:
            kwargs["severity"] = severity
        self.screen.app.call_from_thread(notify, message, **kwargs)
