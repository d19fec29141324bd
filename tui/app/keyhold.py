"""Keys typed while the app is on its way to a screen or an editor wait for it.

Over SSH, keys arrive in bursts: `enter`, `a` and the first words of a conclusion can reach
the app together, before the meeting is read and its editor exists, or before the box for
the new conclusion is open. Sent on at once they would land on whatever had the focus, and
be lost (or act: `c` on the meetings list opens the cases). So keys are held from the start
until the first screen has settled, and after any key whose action opens something (a
meeting, an entry to type in, a dialog, the search) until the focus moves there; then they
are replayed, in the order typed, to what now has the focus. Keys typed before the app
had the terminal (right after `agenda⏎`, or while the demo is made) passed the terminal's
line discipline, which turns Enter into a newline: held from the start, that is Enter again.
"""

from __future__ import annotations

import weakref
from functools import partial
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

SAFETY_SECONDS = 2.0  # whatever happens, keys are never held longer than this
NEVER_HELD = frozenset({"ctrl+q", "ctrl+c"})
OPENING_ACTIONS = frozenset(
    {
        *("open_meeting", "open_hit", "search"),  # a meeting's editor, the search screen
        *("add_conclusion", "edit", "motion", "report", "track", "correct"),  # a box to type in
        *("add_item", "add_section", "rename_place"),  # a dialog shaping the agenda
        *("speaker", "begin", "adjourn"),  # a form, when there is something to correct
    }
)


class KeysReplayed(Message, bubble=False):
    """Every held key is back in the queue, behind any that came meanwhile."""


class KeyHold:
    """Holding keys: `blocking` while something opens; replaying what was held once it has."""

    def __init__(self, app: App[None]) -> None:
        self.app = app
        self._held: list[events.Key] | None = None  # None: not holding, keys go straight on
        self._blocking = False  # held keys wait; else they are being replayed
        self._until_focus = False  # released when the focus reaches what opened, else when asked
        self._opened_from: Screen[object] | None = None
        self._holds = 0  # how many holds began: a safety timer lets go of its own only
        self._replays: weakref.WeakSet[events.Key] = weakref.WeakSet()
        self._typed_ahead = True  # until the first release: keys typed as the app started

    @property
    def holding(self) -> bool:
        return self._held is not None

    def hold(self, *, until_focus: bool = False, safe: bool = True) -> None:
        """Hold the keys from now; with `safe`, for the safety time at most, else until
        what they wait for is there or the app gives up (a meeting asked for on the list
        while the workspace, which opens it, is still on its way)."""
        if self._blocking and not safe:
            self._holds += 1  # the safety timer already running lets go of nothing now
        if not self._blocking:
            self._held = self._held if self._held is not None else []
            self._blocking = True
            self._until_focus = until_focus
            self._opened_from = self.app.screen
            self._holds += 1
            if safe:
                self.app.set_timer(SAFETY_SECONDS, partial(self._expire, self._holds))

    def takes(self, event: events.Event) -> bool:
        """Hold this event if it is a key that must wait; True when it was held."""
        if not isinstance(event, events.Key) or event.is_forwarded:
            return False
        replay = event in self._replays
        if self._held is not None and (self._blocking or not replay):
            if event.key in NEVER_HELD:
                return False
            self._held.append(_as_typed(event) if self._typed_ahead else event)
            return True
        if self._opens(event):
            self.hold(until_focus=True)  # this key goes on; the ones after it wait
        return False

    def _opens(self, key: events.Key) -> bool:
        focused = self.app.focused
        if focused is not None and key.key in getattr(focused, "HOLD_AFTER", ()):
            return True  # it says when the keys after it may go on (key_handled)
        if focused is not None and focused.check_consume_key(key.key, key.character):
            return False  # typed into a text box, not a key of the screen
        active = self.app.screen.active_bindings.get(key.key)
        return active is not None and active.enabled and active.binding.action in OPENING_ACTIONS

    def focus_moved(self, widget: Widget) -> None:
        """Release once the focus reaches what was opening: a box to type in, or a meeting's
        editor other than the one the key was typed in.

        Not on any focus change: one from a `tab` typed before the opening key can arrive
        after it, and a search result that closes the search returns the focus to the list
        before the meeting opens; replayed then, the keys would miss what they are meant for."""
        if not (self._blocking and self._until_focus):
            return
        screen = widget.screen
        editor = getattr(screen, "KEYS_LAND_HERE", False) and screen is not self._opened_from
        if editor and not getattr(screen, "ready_for_keys", True):
            return  # its outline is still on its way to the item: the screen says when (landed)
        if editor or widget.check_consume_key("a", "a"):
            self.release()

    def landed(self, screen: Screen[Any]) -> None:
        """A meeting's editor is ready for the keys: its outline is on the item it opened at.
        Replayed before, `down` would move a cursor the outline then moves back."""
        if self._blocking and self._until_focus and screen is not self._opened_from:
            self.release()

    def not_for(self, screen: Screen[object]) -> None:
        """While holding, the focus coming back to `screen` is not what the keys wait for."""
        if self._blocking:
            self._opened_from = screen

    def nothing_opened(self) -> None:
        """The opening key's action refused (a read-only meeting, nothing highlighted …):
        the keys after it go on now, not after the safety time."""
        if self._blocking and self._until_focus:
            self.release()

    def _expire(self, hold: int) -> None:
        if hold == self._holds:
            self.release()

    def wait_for_focus(self) -> None:
        """Let the hold end when the focus reaches another screen, as after an opening key."""
        if self._blocking:
            self._until_focus = True
            self._opened_from = self.app.screen

    def release_asked(self) -> None:
        """The end of a hold that waits to be asked (the start), not one that waits for focus."""
        if self._blocking and not self._until_focus:
            self.release()

    def release(self) -> None:
        """Replay the held keys to what has the focus now, in order."""
        if self._held is None or not self._blocking:
            return
        keys, self._held = self._held, []  # keys typed during the replay queue behind it
        self._blocking = self._until_focus = self._typed_ahead = False
        for key in keys:
            again = events.Key(key.key, key.character)
            # From the app, whoever asked for the release: a key sent by a screen stops
            # bubbling at that screen, before the app can match it to a binding.
            again.set_sender(self.app)
            self._replays.add(again)
            self.app.post_message(again)
        self.app.post_message(KeysReplayed())

    def replayed(self) -> None:
        if self._blocking:
            return  # a replayed key opened something: wait for it
        if self._held:
            self._blocking = True
            self.release()
        else:
            self._held = None


def _as_typed(key: events.Key) -> events.Key:
    """A key typed before the app had the terminal: the terminal's line discipline turned
    Enter into a newline, which Textual reads as ctrl+j (meaningless on the list, where the
    app starts); it was Enter."""
    return events.Key("enter", "\r") if key.key == "ctrl+j" else key


def _of(app: App[object]) -> KeyHold | None:
    hold = getattr(app, "key_hold", None)
    return hold if isinstance(hold, KeyHold) else None


def release_keys(app: App[object]) -> None:
    if (hold := _of(app)) is not None:
        hold.release_asked()


def keys_wait_for_focus(app: App[object]) -> None:
    if (hold := _of(app)) is not None:
        hold.wait_for_focus()


def nothing_opened(app: App[object]) -> None:
    if (hold := _of(app)) is not None:
        hold.nothing_opened()


def keys_landed(app: App[object], screen: Screen[Any]) -> None:
    if (hold := _of(app)) is not None:
        hold.landed(screen)


def key_handled(app: App[object]) -> None:
    """A widget that holds the keys after one of its own (HOLD_AFTER) is done with it: the
    keys held meanwhile go on, to what has the focus now."""
    nothing_opened(app)


def keys_not_for(app: App[object], screen: Screen[object]) -> None:
    if (hold := _of(app)) is not None:
        hold.not_for(screen)


def hold_keys(app: App[object], *, safe: bool = True) -> None:
    """Hold keys until the focus moves: something is opening that they are meant for."""
    if (hold := _of(app)) is not None:
        hold.hold(until_focus=True, safe=safe)
